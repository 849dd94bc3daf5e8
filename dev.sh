#!/usr/bin/env bash
# The README's commands. Needs only bash on a fresh Debian 12 machine (root or sudo):
#   ./dev.sh run      install missing packages, build, start PlanCompare on the seeds
#   ./dev.sh test     install missing packages, build, run the whole test suite
#   ./dev.sh asan     the test suite under AddressSanitizer + UBSan
#   ./dev.sh bench    build optimised and run the benchmarks
#   ./dev.sh package  build plancompare_<version>_amd64.deb
# Idempotent: a second run installs nothing and rebuilds only what changed.
set -euo pipefail
cd "$(dirname "$0")"
JOBS=${JOBS:-$(nproc)}

configure() { # preset
  if [ ! -f "build/$1/build.ninja" ]; then cmake --preset "$1" >/dev/null; fi
}

case "${1:-}" in
  run)
    shift
    bash scripts/install-deps.sh
    configure release
    cmake --build --preset release -j "$JOBS"
    exec ./build/release/app/plancompare "$@"
    ;;
  test)
    bash scripts/install-deps.sh
    configure ci
    cmake --build --preset ci -j "$JOBS"
    ctest --preset ci
    ;;
  asan)
    bash scripts/install-deps.sh
    configure asan
    cmake --build --preset asan -j "$JOBS"
    ctest --preset asan
    ;;
  bench)
    bash scripts/install-deps.sh
    configure release
    cmake --build --preset release -j "$JOBS"
    for b in build/release/tests/bench/bench_*; do
      if [ -x "$b" ]; then echo "== $b"; "$b" --benchmark_min_time=0.5; fi
    done
    echo "== targets: plancompare-cli and a Python regex script on the same text"
    bash tests/bench/run_reference.sh build/release
    ;;
  package)
    bash scripts/install-deps.sh
    configure release
    cmake --build --preset release -j "$JOBS"
    (cd build/release && cpack -G DEB)
    ;;
  *)
    sed -n '2,9p' "$0" >&2
    exit 2
    ;;
esac
