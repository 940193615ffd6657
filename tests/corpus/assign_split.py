#!/usr/bin/env python3
"""Assigns each record's split from the SHA-256 of its meeting key (first byte < 102, about 40 %, is validation),
so a meeting's records in both languages land together and no one chooses which records are measured."""
import glob
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

for path in sorted(glob.glob(os.path.join(HERE, "records", "*.json"))):
    with open(path, encoding="utf-8") as fh:
        record = json.load(fh)
    split = "validation" if hashlib.sha256(record["meetingKey"].encode("utf-8")).digest()[0] < 102 else "dev"
    if record.get("split") != split:
        ordered = {}
        for key, value in record.items():
            if key == "commitments":
                ordered["split"] = split
            if key != "split":
                ordered[key] = value
        ordered.setdefault("split", split)
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(ordered, fh, ensure_ascii=False, indent=2)
            fh.write("\n")
