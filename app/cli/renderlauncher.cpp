// plancompare-cli without Qt Widgets: `chart` and `report` are listed in --help as usual and run by
// replacing this process with plancompare-cli-render (same arguments, same environment), so the other
// commands start without loading the GUI libraries (a third of the start-up time of the process).
#include "cli.h"
#include "rendercommands.h"

#include <QByteArray>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <unistd.h>

namespace pc::cli {

namespace {

std::string executableDir() {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return {};
    const std::string path(buf, std::size_t(n));
    const std::size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash);
}

int notRun(Context&) {
    // main() hands these commands to execRenderer() before any command runs.
    return BadInput;
}

const bool chartRegistered = registerCommand({QStringLiteral("chart"), chartSynopsis(), notRun});
const bool reportRegistered = registerCommand({QStringLiteral("report"), reportSynopsis(), notRun});

} // namespace

int execRenderer(char** argv) {
    const std::string dir = executableDir();
    // Build tree: beside plancompare-cli; installed: PREFIX/bin/plancompare-cli and
    // PREFIX/libexec/plancompare-cli-render.
    const std::string candidates[] = {dir + "/plancompare-cli-render",
                                      dir + "/" PLANCOMPARE_LIBEXEC_SUBDIR "/plancompare-cli-render"};
    std::string tried;
    int lastError = ENOENT;
    for (const std::string& path : candidates) {
        if (access(path.c_str(), X_OK) != 0) {
            tried += (tried.empty() ? "" : ", ") + path;
            continue;
        }
        execv(path.c_str(), argv);
        lastError = errno; // only reached when exec failed
        tried += (tried.empty() ? "" : ", ") + path;
    }
    std::fprintf(
        stderr,
        "plancompare-cli: charts and reports are drawn by plancompare-cli-render, which could not be "
        "started (%s; looked in: %s). Reinstall PlanCompare.\n",
        std::strerror(lastError), tried.c_str());
    return BadInput;
}

} // namespace pc::cli
