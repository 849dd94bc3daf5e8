// The interface language, set by installTranslation at start-up and when the settings change it.
#include "uilanguage.h"

#include <atomic>

namespace pc::ui {

namespace {
std::atomic<Language> g_language{Language::Chinese};
} // namespace

Language interfaceLanguage() {
    return g_language.load();
}

void setInterfaceLanguage(Language language) {
    g_language.store(language);
}

} // namespace pc::ui
