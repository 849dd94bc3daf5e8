#!/bin/sh
# Trains the Zstandard dictionary for the measures' stored texts (core/store/textpack.h) from the seed
# plans: every non-empty title, body, units text and area heading as the store writes them, one sample
# each. Dictionary 1 (resources/store/measures-1.zdict) was made with this script and zstd 1.5.4; it
# must never change once shipped (files hold texts packed against it): a better one gets a new number.
# Usage: scripts/train-measures-dictionary.sh PLANCOMPARE_CLI OUT.zdict   (needs python3 and zstd)
set -eu
cli=$1
out=$2
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cli" measures "$here"/seeds/*.txt --format json >"$tmp/measures.json" 2>/dev/null
python3 - "$tmp" <<'PY'
import json, os, sys
tmp = sys.argv[1]
n = 0
def sample(text):
    global n
    if text:
        with open(os.path.join(tmp, "s", "%06d" % n), "w", encoding="utf-8") as f:
            f.write(text)
        n += 1
os.mkdir(os.path.join(tmp, "s"))
for m in json.load(open(os.path.join(tmp, "measures.json"), encoding="utf-8")):
    # units: as documentstore.cpp's unitsText, the written names of lead, partners, then the items'.
    names = []
    for group in [m["lead"], m["partners"]] + [g for it in m["items"] for g in (it["lead"], it["partners"])]:
        for u in group:
            if u["written"] not in names:
                names.append(u["written"])
    for text in (m["title"], m["body"], " ".join(names), m["areaHeading"]):
        sample(text)
PY
zstd --train -q -r "$tmp/s" --maxdict="${DICT_SIZE:-65536}" --dictID=1 -o "$out"
