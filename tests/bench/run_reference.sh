#!/usr/bin/env bash
# The targets pipeline side by side with a 20-line Python regex script (regex_reference.py) on the same
# text: the five seeds copied N times (default 40, 8.6 MB). Prints CPU seconds (user + system) and MB/s
# of CPU for each. Usage: tests/bench/run_reference.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
copies=${2:-40}
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for i in $(seq -w 1 "$copies"); do
  for f in seeds/*.txt; do cp "$f" "$data/$(basename "${f%.txt}")-$i.txt"; done
done
bytes=$(cat "$data"/*.txt | wc -c)
measure() { # label command...
  local t TIMEFORMAT='%U %S' # bash's own time: CPU of the command, no extra package
  t=$( { time "${@:2}" >/dev/null 2>&1; } 2>&1 | tail -1)
  awk -v l="$1" -v t="$t" -v b="$bytes" 'BEGIN { split(t, a, " "); c = a[1] + a[2];
    printf "%-34s %6.2f s CPU  %7.1f MB/s\n", l, c, (c > 0 ? b / 1e6 / c : 0) }'
}
echo "$(ls "$data" | wc -l) files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB"
measure "plancompare-cli targets" "$build/app/plancompare-cli" targets "$data"/*.txt --format csv
measure "regex_reference.py (Python 3)" python3 tests/bench/regex_reference.py "$data"/*.txt
