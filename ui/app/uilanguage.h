// Which language the interface speaks, for text that comes from data (indicator definitions)
// rather than from tr().
#pragma once

namespace pc::ui {

// True unless the English translation was installed (installTranslation("en")).
bool chineseInterface();
void setChineseInterface(bool chinese);

} // namespace pc::ui
