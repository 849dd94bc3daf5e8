#!/usr/bin/env bash
# Checks that a list of Debian packages covers a set of files through Depends alone — what
# `apt-get install --no-install-recommends` installs on a minimal Debian 12: the package that owns
# each file (dpkg -S) must be in the recursive Depends/Pre-Depends closure of the list
# (apt-cache depends --recurse --no-recommends --no-suggests …). Where a dependency has
# alternatives (a | b), every alternative counts as covered.
#
# Usage:
#   deps_closure.sh cmake-cache CMakeCache.txt PACKAGE...
#       every CMake package configuration (*_DIR), library (*_LIBRARY, pkgcfg_lib_*), program
#       (*_EXECUTABLE) and the compilers and make program that the configured build found
#   deps_closure.sh files FILE... -- PACKAGE...
#       the given files (shared libraries, plugins …)
# Prints "ok: N files covered by M packages" or one "MISSING: …" line per file not covered; exit 1
# if any file is not covered, 2 on usage errors or when apt has no package lists.
set -euo pipefail

usage() { sed -n '2,16p' "$0" >&2; exit 2; }
[ $# -ge 2 ] || usage

mode=$1; shift
declare -a files=() labels=() packages=()
case "$mode" in
  cmake-cache)
    cache=$1; shift
    [ -f "$cache" ] || { echo "deps_closure: no such file: $cache" >&2; exit 2; }
    packages=("$@")
    # KEY:TYPE=/absolute/path for the entries that name what the build found on the system.
    while IFS= read -r line; do
      key=${line%%:*} value=${line#*=}
      case "$key" in
        *_BINARY_DIR | *_SOURCE_DIR | CMAKE_INSTALL_* | CMAKE_HOME_DIRECTORY | CMAKE_CACHEFILE_DIR) continue ;;
        *_DIR | *_LIBRARY | *_LIBRARY_RELEASE | *_LIBRARY_DEBUG | pkgcfg_lib_* | *_EXECUTABLE | \
          CMAKE_C_COMPILER | CMAKE_CXX_COMPILER | CMAKE_MAKE_PROGRAM) ;;
        *) continue ;;
      esac
      [ -e "$value" ] || continue # -NOTFOUND entries, and paths that were never on this machine
      files+=("$value"); labels+=("$key")
    done < <(grep -E '^[A-Za-z0-9_.+-]+:(PATH|FILEPATH|STRING)=/' "$cache")
    ;;
  files)
    while [ $# -gt 0 ] && [ "$1" != -- ]; do files+=("$1"); labels+=("$(basename "$1")"); shift; done
    [ "${1:-}" = -- ] || usage
    shift; packages=("$@")
    ;;
  *) usage ;;
esac
[ ${#packages[@]} -gt 0 ] || usage
[ ${#files[@]} -gt 0 ] || { echo "deps_closure: found no files to check" >&2; exit 2; }

# The Depends closure: with --recurse, apt-cache prints every package of the closure on a line of
# its own at column 0 (virtual packages as <name>).
closure=$(apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
            --no-replaces --no-enhances "${packages[@]}" 2>/dev/null | grep -v '^ ' | tr -d '<>' | sed 's/:.*//' | sort -u)
if [ "$(wc -l <<<"$closure")" -lt ${#packages[@]} ]; then
  echo "deps_closure: apt-cache knows too few packages (run apt-get update): ${packages[*]}" >&2
  exit 2
fi
# Essential and Priority: required packages are on every Debian system (debootstrap's minbase),
# so no Depends names them.
base=$(dpkg-query -W -f='${Package} ${Essential} ${Priority}\n' | awk '$2 == "yes" || $3 == "required" { print $1 }')
closure=$(printf '%s\n%s\n' "$closure" "$base" | sort -u)

# The package(s) owning a path, exactly (dpkg -S also prints partial matches), trying the other
# side of the /usr merge; "" when none.
owners_of() {
  local p=$1 alt=""
  case "$p" in
    /usr/lib/* | /usr/bin/* | /usr/sbin/*) alt=${p#/usr} ;;
    /lib/* | /bin/* | /sbin/*) alt=/usr$p ;;
  esac
  dpkg -S "$p" ${alt:+"$alt"} 2>/dev/null |
    awk -v a="$p" -v b="$alt" '{ i = index($0, ": "); path = substr($0, i + 2);
                                if (path == a || (b != "" && path == b)) print substr($0, 1, i - 1) }' |
    sed 's/, */\n/g' | sed 's/:.*//' | sort -u
}

# A CMake package directory stands for its config file; other directories (include dirs) for
# themselves; a path no package owns (alternatives symlinks) for the file it resolves to.
missing=0 checked=0
for i in "${!files[@]}"; do
  f=${files[$i]} what=${labels[$i]}
  if [ -d "$f" ]; then
    cfg=$(find "$f" -maxdepth 1 \( -name '*Config.cmake' -o -name '*-config.cmake' \) | sort | head -1)
    [ -n "$cfg" ] && f=$cfg
  fi
  owners=$(owners_of "$f" || true)
  if [ -z "$owners" ]; then
    real=$(realpath -e "$f" 2>/dev/null || true)
    [ -n "$real" ] && [ "$real" != "$f" ] && owners=$(owners_of "$real" || true) && f=$real
  fi
  if [ -z "$owners" ]; then
    echo "MISSING: $what: no installed package owns $f"
    missing=$((missing + 1)); continue
  fi
  if ! grep -qxFf <(printf '%s\n' "$owners") <<<"$closure"; then
    echo "MISSING: $what: $f belongs to $(tr '\n' ' ' <<<"$owners")which the Depends of the ${#packages[@]} listed packages do not install"
    missing=$((missing + 1)); continue
  fi
  checked=$((checked + 1))
done

if [ $missing -gt 0 ]; then
  echo "deps_closure: $missing of ${#files[@]} files not covered"
  exit 1
fi
echo "ok: $checked files covered by the Depends closure of ${#packages[@]} packages ($(wc -l <<<"$closure") packages)"
