#!/usr/bin/env python3
"""Brings labelled drafts into corpus/: validates each line, adds the expectation the contract implies
(so that `eval` runs on any corpus file) and splits it 80/20 into train/ and validation/ by a hash of its id.

usage: scripts/corpus/import.py DRAFT.jsonl NAME [--train-only]

Writes corpus/train/NAME.jsonl and corpus/validation/NAME.jsonl (replacing them). The expectation follows the
policy's precedence: emergency, then the tenant's netiquette categories, then minor / contact request /
personal case, then courtesy, then the section (answer) or none (escalate).
"""
import hashlib, json, os, sys

GUARD = ["emergency", "personal_case", "contact_request", "minor", "insult", "threat", "discrimination", "political",
         "spam", "illegal", "obscene", "misinformation", "off_topic", "courtesy"]
NETIQUETTE = {"ats-milano": ["insult", "threat", "discrimination", "political", "spam", "illegal", "obscene", "misinformation"],
              "asst-crema": ["insult", "threat", "discrimination", "political", "spam", "illegal", "obscene", "misinformation",
                             "off_topic"]}
CHANNELS = {"telegram", "facebook", "instagram", "youtube", "web", "cli"}
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def sections_of(tenant):
    d = os.path.join(ROOT, "knowledge-base", tenant)
    return {f[:-3] for f in os.listdir(d) if f.endswith(".md")}


def expectation(c):
    labels, section, tenant = c["labels"], c.get("section"), c["tenant"]
    e = {}
    data = "personal_data" in labels
    if "emergency" in labels:
        e = {"action": "emergency", "reasons": ["emergency"], "reply_has": ["112"]}
    elif any(l in NETIQUETTE[tenant] for l in labels):
        e = {"action": "moderate", "reasons": [l for l in labels if l in NETIQUETTE[tenant]]}
    elif any(l in ("minor", "contact_request", "personal_case") for l in labels):
        e = {"action": "redirect", "reasons": [l for l in labels if l in ("minor", "contact_request", "personal_case")]}
    elif "courtesy" in labels:
        e = {"action": ["ignore", "answer"]}
    elif section and section != "-":
        e = {"action": "answer", "sections": [section]}
    elif section == "-":
        e = {"action": ["escalate", "redirect", "moderate"] if "off_topic" not in labels else ["escalate", "ignore", "redirect"]}
    else:
        e = {"action": ["escalate", "ignore", "answer", "redirect"]}
    if e["action"] != "moderate":
        e["reasons_absent"] = [l for l in NETIQUETTE[tenant]]
    if data:
        e.setdefault("reasons", []).append("personal_data")
        if c.get("kind", "comment") == "comment":
            e["hide"] = True
    return e


def main(argv):
    draft, name = argv[1], argv[2]
    train_only = "--train-only" in argv
    known_sections = {t: sections_of(t) for t in NETIQUETTE}
    out = {"train": [], "validation": []}
    seen = set()
    for n, line in enumerate(open(draft, encoding="utf-8"), 1):
        if not line.strip():
            continue
        c = json.loads(line)
        for f in ("id", "tenant", "text"):
            if not isinstance(c.get(f), str) or not c[f].strip():
                sys.exit(f"{draft}:{n}: missing {f}")
        if c["tenant"] not in NETIQUETTE:
            sys.exit(f"{draft}:{n}: unknown tenant {c['tenant']}")
        if c["id"] in seen:
            sys.exit(f"{draft}:{n}: duplicate id {c['id']}")
        seen.add(c["id"])
        c.setdefault("labels", [])
        bad = [l for l in c["labels"] if l not in GUARD and l != "personal_data"]
        if bad:
            sys.exit(f"{draft}:{n}: unknown labels {bad}")
        s = c.get("section")
        if s not in (None, "-") and s not in known_sections[c["tenant"]]:
            print(f"{draft}:{n}: section {s} is not one of {c['tenant']}'s: treated as uncovered", file=sys.stderr)
            c["section"] = "-"
        if c.get("channel") not in CHANNELS:
            c["channel"] = "facebook"
        c.setdefault("kind", "comment")
        c.setdefault("lang", "it")
        c["author"] = f"{c['channel'][:2]}:{c['id']}"
        c["time"] = "2026-11-25T11:00:00+01:00"
        c["expect"] = expectation(c)
        split = "train" if train_only or int(hashlib.sha256(c["id"].encode()).hexdigest(), 16) % 5 else "validation"
        keys = ["id", "tenant", "channel", "kind", "author", "time", "lang", "text", "labels", "section", "known", "note", "expect"]
        out[split].append(json.dumps({k: c[k] for k in keys if k in c}, ensure_ascii=False))
    for split, lines in out.items():
        path = os.path.join(ROOT, "corpus", split, name + ".jsonl")
        if lines:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        elif os.path.exists(path):
            os.remove(path)
        print(f"{path}: {len(lines)} lines")


if __name__ == "__main__":
    main(sys.argv)
