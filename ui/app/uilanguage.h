// Which language the interface speaks, for text that comes from data (area and indicator names,
// units, jurisdictions: see core/naming) rather than from tr().
#pragma once

#include "naming/naming.h"

namespace pc::ui {

// Chinese unless the English translation was installed (installTranslation("en")).
Language interfaceLanguage();
void setInterfaceLanguage(Language language);
inline bool chineseInterface() {
    return interfaceLanguage() == Language::Chinese;
}

} // namespace pc::ui
