#!/usr/bin/env python3
"""Adds example questions and keywords to knowledge-base sections, keeping each file's layout.

usage: scripts/kb/add-examples.py FILE.jsonl
Each line: {"tenant": "...", "section": "...", "questions": [...], "keywords": [...]} (either list optional).
Questions already present (same text, case and spacing aside) are skipped. Run `kb check` afterwards.
"""
import json, os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def quoted(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def norm(s):
    return re.sub(r"\s+", " ", s.strip().strip('"').lower())


def add(path, questions, keywords):
    lines = open(path, encoding="utf-8").read().split("\n")
    end = lines.index("---", 1)
    kw = next(i for i in range(1, end) if lines[i].startswith("keywords:"))
    qs = next(i for i in range(1, end) if lines[i].startswith("questions:"))
    last = qs
    while last + 1 < end and lines[last + 1].startswith("  - "):
        last += 1
    have = {norm(l[4:]) for l in lines[qs + 1:last + 1]}
    new = [q for q in questions if norm(q) not in have and not have.add(norm(q))]
    lines[last + 1:last + 1] = ["  - " + quoted(q) for q in new]
    if keywords:
        line = lines[kw].rstrip()
        assert line.endswith("]"), path + ": keywords must be an inline list"
        present = {norm(k) for k in line[line.index("[") + 1:-1].split(",")}
        extra = [k for k in keywords if norm(k) not in present]
        if extra:
            lines[kw] = line[:-1] + ", " + ", ".join(quoted(k) for k in extra) + "]"
    open(path, "w", encoding="utf-8").write("\n".join(lines))
    return len(new)


def main(argv):
    total = 0
    for line in open(argv[1], encoding="utf-8"):
        if not line.strip():
            continue
        e = json.loads(line)
        path = os.path.join(ROOT, "knowledge-base", e["tenant"], e["section"] + ".md")
        if not os.path.exists(path):
            print(f"no section {e['tenant']}/{e['section']}: skipped", file=sys.stderr)
            continue
        total += add(path, e.get("questions", []), e.get("keywords", []))
    print(f"{total} questions added")


if __name__ == "__main__":
    main(sys.argv)
