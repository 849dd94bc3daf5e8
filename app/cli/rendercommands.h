// The commands that draw (chart, report): they need Qt Widgets and Qt Charts, so they run in a
// helper binary, plancompare-cli-render, and plancompare-cli itself loads no GUI library.
#pragma once

#include <QString>

namespace pc::cli {

inline QString chartSynopsis() {
    return QStringLiteral("chart --indicator ID --out FILE.png|.svg|.pdf [--width W --height H "
                          "--dpi D] [--kind plans|bars|distribution|trend] [--latest|--year Y|--all|--set "
                          "NAME]  the indicator's chart (plans: bars per plan with baselines; bars: sorted, "
                          "municipal reference line; distribution: box plot; trend: over the years)");
}

inline QString reportSynopsis() {
    return QStringLiteral(
        "report (--indicator ID | --area ID) --out FILE.pdf|.html [--latest|--year Y|--all|--set "
        "NAME]  the printed report");
}

// Commands that render charts or reports.
inline bool isRenderCommand(const QString& command) {
    return command == QLatin1String("chart") || command == QLatin1String("report");
}

// Replaces this process by plancompare-cli-render with the same arguments (looked up beside the
// executable, then in ../libexec). Returns only on failure, with a message on stderr and the exit code.
int execRenderer(char** argv);

} // namespace pc::cli
