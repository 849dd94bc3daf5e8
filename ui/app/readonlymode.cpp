// Read-only mode: the marker and the guarded actions.
#include "readonlymode.h"

#include "data/corrections.h"
#include "data/workbenchdata.h"

#include <QAction>
#include <QLabel>

namespace pc::ui {

QString readOnlyMarker() {
    return Corrections::tr("只读 / read-only"); // English interface: "read-only"
}

QAction* guardWrite(QAction* action, const WorkbenchData& data) {
    if (data.readOnly()) {
        action->setEnabled(false);
        action->setToolTip(readOnlyMessage(data));
        action->setStatusTip(readOnlyMessage(data));
    }
    return action;
}

QLabel* createReadOnlyLabel(const WorkbenchData& data, QWidget* parent) {
    auto* label = new QLabel(readOnlyMarker(), parent);
    label->setObjectName(QStringLiteral("readOnlyMarker"));
    label->setStyleSheet(QStringLiteral("QLabel { color: white; background: #b35c00; padding: 1px 6px; "
                                        "border-radius: 3px; font-weight: bold; }"));
    label->setToolTip(readOnlyMessage(data));
    label->setVisible(data.readOnly());
    return label;
}

} // namespace pc::ui
