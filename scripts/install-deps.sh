#!/usr/bin/env bash
# Installs the Debian 12 packages PlanCompare needs to build, test, run and package.
# Idempotent: packages already installed are not touched, and apt is not called at all
# when nothing is missing. `install-deps.sh --list` prints the list and installs nothing
# (tests/packaging/deps_closure.sh checks that the list, through Depends alone, covers
# everything the build found).
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config git file dpkg-dev
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6opengl6-dev libgl-dev libegl-dev libglu1-mesa-dev
  libsqlite3-dev libxlsxwriter-dev zlib1g-dev libicu-dev libzip-dev libgumbo-dev libzstd-dev libssl-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libpoppler-cpp-dev libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-chi-sim qpdf
  fonts-noto-cjk poppler-utils unzip python3 appstream desktop-file-utils groff-base
  zstd
  libqt6sql6-psql postgresql-15
)

if [ "${1:-}" = --list ]; then
  printf '%s\n' "${PACKAGES[@]}"
  exit 0
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1
  fi
fi

echo "install-deps: installing ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
