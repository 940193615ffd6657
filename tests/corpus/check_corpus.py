#!/usr/bin/env python3
"""Validates the extraction corpus: every record well-formed, every span exact and unique, every party known,
and no reserved record anywhere. Exit 0 = pass; each problem is printed as '<file>: <problem>'."""
import datetime as dt
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
KINDS = {"TradeTarget", "CulturalEvent", "Hub", "Instruction", "Cooperation", "Pledge", "Other"}
MODALITIES = {"Firm", "Conditional", "Tentative"}
CURRENCIES = {"USD", "RUB", "BYN", "EUR", "CNY"}
ROLES = {"Host", "Guest", "Delegate", "Observer"}
PARTY_KINDS = {"State", "Government", "Region", "Ministry", "Agency", "Company", "JointBody", "Organisation", "Other"}
# Records of these meetings are reserved for independent evaluation and must never be in the corpus.
RESERVED = re.compile(
    r"omsk|voronezh|primor|magadan|rostov|tomsk|\borel\b|\boryol\b|arkhangelsk|archangel|irkutsk"
    r"|омск|воронеж|примор|магадан|ростов|томск|\bорл|\bорёл|\bорел\b|архангельск|иркутск",
    re.IGNORECASE)

problems = []


def problem(where, text):
    problems.append(f"{where}: {text}")


def date(value, where, field):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        problem(where, f"{field} must be a date yyyy-mm-dd, got {value!r}")
        return None


def load_parties():
    parties = {}
    files = [os.path.join(HERE, "parties.json")] + sorted(glob.glob(os.path.join(HERE, "parties-*.json")))
    for path in files:
        if not os.path.exists(path):
            continue
        name = os.path.basename(path)
        for p in json.load(open(path, encoding="utf-8")):
            key = p.get("key", "")
            if not re.fullmatch(r"[A-Z0-9][A-Z0-9-]{0,39}", key):
                problem(name, f"bad party key {key!r}")
            if p.get("kind") not in PARTY_KINDS:
                problem(name, f"{key}: kind must be one of {sorted(PARTY_KINDS)}")
            names = p.get("names", {})
            if not names.get("en") or not names.get("ru"):
                problem(name, f"{key}: names needs at least one English and one Russian name")
            if RESERVED.search(" ".join(names.get("en", []) + names.get("ru", []))):
                problem(name, f"{key}: names a reserved region")
            parties.setdefault(key, p)
    return parties


def check_record(path, parties, meetings):
    name = os.path.basename(path)
    record = json.load(open(path, encoding="utf-8"))
    txt_path = path[:-5] + ".txt"
    if not os.path.exists(txt_path):
        problem(name, "no .txt beside it")
        return
    raw = open(txt_path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        problem(name, "text has a BOM")
    if b"\r" in raw:
        problem(name, "text has CR characters")
    text = raw.decode("utf-8")
    if record.get("id") != name[:-5]:
        problem(name, "id must equal the file name")
    if record.get("language") not in ("en", "ru") or not name.startswith(record.get("language", "?") + "-"):
        problem(name, "language must be en or ru and prefix the id")
    if record.get("split") not in ("dev", "validation", None):
        problem(name, "split must be dev or validation")
    for field in ("url", "title", "meetingKey", "speaker"):
        if not record.get(field):
            problem(name, f"{field} is required")
    if RESERVED.search(" ".join([record.get("url", ""), record.get("title", ""), text])):
        problem(name, "mentions a reserved region: reserved records must not be in the corpus")
    meeting_date = date(record.get("meetingDate"), name, "meetingDate")
    if meeting_date and meeting_date.year == 2019 and re.search(r"novosibirsk|новосибирск", text, re.IGNORECASE):
        problem(name, "the 2019 Novosibirsk meeting is reserved")
    key = record.get("meetingKey", "")
    meetings.setdefault(key, set()).add(record.get("split"))
    if record.get("speaker") not in parties:
        problem(name, f"speaker {record.get('speaker')!r} is not in parties")
    for p in record.get("participants", []):
        if p.get("party") not in parties:
            problem(name, f"participant {p.get('party')!r} is not in parties")
        if p.get("role") not in ROLES:
            problem(name, f"participant role must be one of {sorted(ROLES)}")
    if len(record.get("participants", [])) < 2:
        problem(name, "at least two participants")
    seen = set()
    for i, c in enumerate(record.get("commitments", [])):
        where = f"{name} #{i + 1}"
        spans = c.get("spans", [])
        if not spans:
            problem(where, "no spans")
        for s in spans:
            count = text.count(s)
            if count != 1:
                problem(where, f"span occurs {count} times in the text: {s[:60]!r}")
            if s in seen:
                problem(where, f"span used by two commitments: {s[:60]!r}")
            seen.add(s)
            if s != s.strip():
                problem(where, f"span has leading or trailing blanks: {s[:60]!r}")
        if c.get("kind") not in KINDS:
            problem(where, f"kind must be one of {sorted(KINDS)}")
        if c.get("modality") not in MODALITIES:
            problem(where, f"modality must be one of {sorted(MODALITIES)}")
        due = c.get("due")
        if due is not None:
            phrase = due.get("phrase", "")
            if not phrase or not any(phrase in s for s in spans):
                problem(where, f"due phrase {phrase!r} must occur in a span")
            earliest = date(due.get("earliest"), where, "due.earliest")
            latest = date(due.get("latest"), where, "due.latest") if due.get("latest") is not None else None
            if earliest and latest and latest < earliest:
                problem(where, "due.latest is before due.earliest")
            if latest and meeting_date and latest < meeting_date:
                problem(where, "due.latest is before the meeting")
        for a in c.get("amounts", []):
            if a.get("currency") not in CURRENCIES or not isinstance(a.get("value"), (int, float)) or a["value"] <= 0:
                problem(where, f"amount {a!r}: value > 0 and currency in {sorted(CURRENCIES)}")
        if not c.get("lead"):
            problem(where, "lead needs at least one party")
        for k in c.get("lead", []) + c.get("counterpart", []):
            if k not in parties:
                problem(where, f"party {k!r} is not in parties")
        if set(c.get("lead", [])) & set(c.get("counterpart", [])):
            problem(where, "a party is both lead and counterpart")
        if not c.get("why"):
            problem(where, "why is required")


def main():
    parties = load_parties()
    meetings = {}
    records = sorted(glob.glob(os.path.join(HERE, "records", "*.json")))
    for path in records:
        try:
            check_record(path, parties, meetings)
        except (ValueError, KeyError, AttributeError, TypeError) as error:
            problem(os.path.basename(path), f"unreadable: {error}")
    for key, splits in meetings.items():
        if len(splits - {None}) > 1:
            problem(key, "one meeting's records are in both splits")
    langs = {}
    for path in records:
        r = json.load(open(path, encoding="utf-8"))
        langs.setdefault((r.get("language"), r.get("split")), []).append(len(r.get("commitments", [])))
    for p in problems:
        print(p)
    summary = ", ".join(f"{lang}/{split}: {len(v)} records, {sum(v)} commitments" for (lang, split), v in sorted(langs.items(), key=str))
    print(f"{len(records)} records ({summary}); {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
