// The interface language flag, set once at start-up by installTranslation.
#include "uilanguage.h"

namespace pc::ui {

namespace {
bool g_chinese = true;
} // namespace

bool chineseInterface() {
    return g_chinese;
}

void setChineseInterface(bool chinese) {
    g_chinese = chinese;
}

} // namespace pc::ui
