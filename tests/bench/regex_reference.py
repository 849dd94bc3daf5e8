#!/usr/bin/env python3
"""Reference for bench_pipeline: what a researcher would script in 20 lines -- number + unit + cue.
Usage: regex_reference.py FILE...   (one CSV row per hit on stdout; timed by tests/bench/run_reference.sh)"""
import csv, re, sys

NUM = r"(\d+(?:\.\d+)?)\s*(个工作日|工作日|个百分点|%|％|小时|分钟|天|日|元|万元|个|项|家|户|件|次)"
CUE = r"(以内|之内|内|以下|以上|左右)?"
VERB = r"(不超过|不少于|不低于|控制在|压减至|压缩至|减少至|缩短至|降至|减至|提高到|提升至|达到|达|至|为)?\s*"
PATTERN = re.compile(VERB + NUM + CUE)
SIGN = {"不超过": "<=", "控制在": "<=", "不少于": ">=", "不低于": ">=", "达到": ">=", "达": ">=",
        "以内": "<=", "之内": "<=", "内": "<=", "以下": "<=", "以上": ">=", "左右": "~"}

out = csv.writer(sys.stdout)
out.writerow(["doc", "area", "indicator", "scope", "kind", "comparator", "value", "unit", "baseline",
              "deadline", "quote"])
for path in sys.argv[1:]:
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("gb18030", errors="replace")
    doc = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    for m in PATTERN.finditer(text):
        verb, value, unit, cue = m.groups()
        if not verb and not cue:
            continue  # a number with no cue on either side is no commitment
        out.writerow([doc, "", "", "", "level", SIGN.get(cue or verb, "="), value,
                      unit.replace("个工作日", "工作日").replace("％", "%"), "", "", m.group(0).strip()])
