#!/usr/bin/env python3
"""How well `confidence` predicts that a target is right, on hand-labelled texts.

usage: scripts/calibration.py --gold DIR --texts DIR --pred PRED.csv [--threshold 0.8] [--verbose]

PRED.csv is `plancompare-cli targets FILE... --format csv`; DIR holds targets-<doc>.csv labels (the
columns of the CLI's contract) and <doc>.txt texts. A prediction matches a label with the same value and
unit whose quote lies within 12 characters of its own (the independent scorer's rule). A target is
*right* when it matches a label and its comparator, kind, deadline and area agree, and so does its
indicator where the label names a canonical one (not other:<name>). Prints, per confidence band, how
many targets there are and how many are right, and the share right at or above --threshold.
Reads only the paths it is given; nothing in the build or the tests runs it.
"""
import argparse, csv, re, unicodedata
from collections import defaultdict
from pathlib import Path

NEAR = 12


def fold(s):
    return unicodedata.normalize("NFKC", s or "").strip()


def unit(u):
    u = re.sub(r"^个(?=工作日|小时|月)", "", fold(u).replace(" ", ""))
    return {"天": "日", "个百分点": "百分点"}.get(u, u)


def num(s):
    try:
        return float(fold(s).replace(",", ""))
    except ValueError:
        return None


def spans(text, quote):
    out, at = [], text.find(quote) if quote else -1
    while at >= 0:
        out.append((at, at + len(quote)))
        at = text.find(quote, at + 1)
    return out


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", required=True)
    ap.add_argument("--texts", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    preds = defaultdict(list)
    for p in rows(a.pred):
        preds[fold(p["doc"])].append(p)
    judged = []  # (confidence, right, why, doc, quote)
    for gold_file in sorted(Path(a.gold).glob("targets-*.csv")):
        doc = gold_file.stem[len("targets-"):]
        text = Path(a.texts, doc + ".txt").read_text(encoding="utf-8")
        gold = rows(gold_file)
        for g in gold:
            g["_pos"] = spans(text, g["quote"])
        used = set()
        for p in preds.get(doc, []):
            pos = spans(text, p["quote"])
            match = None
            for i, g in enumerate(gold):
                if i in used or num(g["value"]) is None or num(g["value"]) != num(p["value"]):
                    continue
                if unit(g["unit"]) != unit(p["unit"]):
                    continue
                if any(x0 <= y1 + NEAR and y0 <= x1 + NEAR for x0, x1 in pos for y0, y1 in g["_pos"]):
                    match = i
                    break
            conf = float(p.get("confidence") or 0)
            if match is None:
                judged.append((conf, False, "not a target", doc, p["quote"]))
                continue
            used.add(match)
            g = gold[match]
            wrong = [f for f in ("comparator", "kind", "deadline", "area") if fold(g[f]) != fold(p[f])]
            if fold(g["baseline"]) or fold(p["baseline"]):
                if num(g["baseline"]) != num(p["baseline"]):
                    wrong.append("baseline")
            if not fold(g["indicator"]).startswith("other:") and fold(g["indicator"]) != fold(p["indicator"]):
                wrong.append("indicator")
            judged.append((conf, not wrong, ",".join(wrong), doc, p["quote"]))
    bands = [(0.9, 1.01), (0.8, 0.9), (0.7, 0.8), (0.6, 0.7), (0.5, 0.6), (0.0, 0.5)]
    print("confidence  targets  right")
    for lo, hi in bands:
        inside = [j for j in judged if lo <= j[0] < hi]
        print(f"[{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}  {len(inside):7d}  {sum(j[1] for j in inside):5d}")
    high = [j for j in judged if j[0] >= a.threshold]
    right = sum(j[1] for j in high)
    share = right / len(high) if high else 0.0
    print(f"confidence >= {a.threshold}: {len(high)} of {len(judged)} targets, {right} right ({share:.1%})")
    if a.verbose:
        for conf, ok, why, doc, quote in sorted(judged, key=lambda j: -j[0]):
            if not ok:
                print(f"  {conf:.2f} {doc}: {why}: {quote[:40]!r}")


if __name__ == "__main__":
    main()
