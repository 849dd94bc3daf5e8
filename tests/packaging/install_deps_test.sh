#!/usr/bin/env bash
# install-deps completeness: everything the configured build found (CMakeCache.txt) and every
# program the tests and the packaging run must be installed by scripts/install-deps.sh through
# Depends alone — a fresh Debian 12 gets nothing a package only Recommends. And the check must
# catch the defect it was written for: without libqt6opengl6-dev (qt6-base-dev only Recommends it,
# and Qt6Charts needs Qt6OpenGL) it fails naming Qt6OpenGL.
# Usage: install_deps_test.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1 src=$2
check="$src/tests/packaging/deps_closure.sh"
mapfile -t packages < <(bash "$src/scripts/install-deps.sh" --list)
[ ${#packages[@]} -gt 10 ] || { echo "FAIL: install-deps.sh --list printed ${#packages[@]} packages" >&2; exit 1; }

# 1. What CMake found.
bash "$check" cmake-cache "$build/CMakeCache.txt" "${packages[@]}" || { echo "FAIL: CMake found files install-deps.sh does not install" >&2; exit 1; }

# 2. Programs the tests, the benchmarks and the packaging run (besides those CMake found).
tools=()
for t in cpack ctest dpkg-shlibdeps dpkg-deb desktop-file-validate appstreamcli groff pdftoppm pdftotext \
         readelf file unzip gzip; do
  p=$(command -v "$t") || { echo "FAIL: $t is not installed (install-deps.sh should install it)" >&2; exit 1; }
  tools+=("$p")
done
# The throwaway PostgreSQL cluster (tests/pg/pgcluster.sh) and the Qt driver the team database loads.
for f in /usr/lib/postgresql/15/bin/initdb /usr/lib/postgresql/15/bin/pg_ctl /usr/lib/postgresql/15/bin/postgres \
         /usr/share/postgresql/15/extension/pg_trgm.control \
         /usr/lib/x86_64-linux-gnu/qt6/plugins/sqldrivers/libqsqlpsql.so; do
  [ -e "$f" ] || { echo "FAIL: $f is not installed (install-deps.sh should install it)" >&2; exit 1; }
  tools+=("$f")
done
bash "$check" files "${tools[@]}" -- "${packages[@]}" || { echo "FAIL: programs the tests run are not installed by install-deps.sh" >&2; exit 1; }

# 3. The check catches the original defect.
mapfile -t without < <(printf '%s\n' "${packages[@]}" | grep -vx libqt6opengl6-dev)
[ ${#without[@]} -eq $((${#packages[@]} - 1)) ] || { echo "FAIL: libqt6opengl6-dev is not in install-deps.sh" >&2; exit 1; }
set +e
out=$(bash "$check" cmake-cache "$build/CMakeCache.txt" "${without[@]}")
rc=$?
set -e
[ $rc -eq 1 ] || { echo "FAIL: without libqt6opengl6-dev the check exited $rc, not 1: $out" >&2; exit 1; }
grep -q '^MISSING: Qt6OpenGL_DIR: .*Qt6OpenGLConfig.cmake belongs to libqt6opengl6-dev ' <<<"$out" ||
  { echo "FAIL: without libqt6opengl6-dev the check did not name Qt6OpenGL: $out" >&2; exit 1; }
echo "ok: the check fails without libqt6opengl6-dev: $(grep -c '^MISSING' <<<"$out") file(s) missing"
