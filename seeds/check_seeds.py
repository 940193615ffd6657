#!/usr/bin/env python3
"""Validate the CommitmentTracker seed data in this folder.

Usage:  python3 check_seeds.py [seeds_dir]      (default: the folder this script lives in)

Checks parties.json and meetings/*.json against the rules in README.md:
enum values, unique codes, party keys resolving, field lengths (the domain model's limits),
due phrases taken verbatim from the quoted text, and every source span proving itself:
start < end, inside the text, and quote == text[start:end].

Offsets are Python str indices into the file decoded as UTF-8 (no newline translation).
They equal .NET UTF-16 indices only when the text has no character outside the BMP and
no BOM (File.ReadAllText drops a BOM); both are checked.

Exit status 0 when everything passes, 1 otherwise.
"""
import datetime as dt
import hashlib
import json
import os
import re
import sys

PARTY_KINDS = {"State", "Government", "Region", "Ministry", "Agency", "Company", "JointBody", "Organisation", "Other"}
MEETING_FORMATS = {"Bilateral", "Multilateral", "Talks", "Visit", "Call", "Conference", "Other"}
PARTICIPANT_ROLES = {"Host", "Guest", "Delegate", "Observer"}
COMMITMENT_KINDS = {"TradeTarget", "CulturalEvent", "Hub", "Instruction", "Cooperation", "Pledge", "Other"}
MODALITIES = {"Firm", "Conditional", "Tentative"}
RESPONSIBILITY_ROLES = {"Lead", "CoLead", "Counterpart", "Contributor"}
TARGET_DIRECTIONS = {"Increase", "Reach", "Balance", "Maintain"}

MEETING_KEYS = {"code", "title", "date", "place", "format", "summary", "document", "participants", "commitments"}
DOCUMENT_KEYS = {"file", "title", "url", "language", "retrievedAt"}
PARTICIPANT_KEYS = {"person", "position", "party", "role"}
COMMITMENT_KEYS = {"code", "title", "summary", "kind", "modality", "issuer", "responsibilities", "due", "tags", "spans", "target"}
SPAN_KEYS = {"start", "end", "quote"}
TARGET_KEYS = {"metric", "unit", "direction", "baselineValue", "baselineDate", "baselineNote", "goalValue", "observations"}
OBSERVATION_KEYS = {"periodStart", "periodEnd", "value", "source"}
PARTY_FIELDS = {"key", "name", "kind", "parent", "aliases"}

PARTY_KEY_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]*$")
TAG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

errors = []
warnings = []


def err(where, msg):
    errors.append(f"{where}: {msg}")


def warn(where, msg):
    warnings.append(f"{where}: {msg}")


def check_keys(where, obj, expected):
    if not isinstance(obj, dict):
        err(where, f"expected an object, got {type(obj).__name__}")
        return False
    missing = expected - obj.keys()
    extra = obj.keys() - expected
    if missing:
        err(where, f"missing fields {sorted(missing)}")
    if extra:
        err(where, f"unknown fields {sorted(extra)}")
    return not missing


def text_field(where, obj, field, max_len, required=True):
    value = obj.get(field)
    if value is None:
        if required:
            err(where, f"{field} is required")
        return None
    if not isinstance(value, str) or not value.strip():
        err(where, f"{field} must be a non-empty string")
        return None
    if value != value.strip():
        err(where, f"{field} has leading/trailing whitespace")
    if len(value) > max_len:
        err(where, f"{field} is {len(value)} chars, max {max_len}")
    return value


def parse_date(where, field, value):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        err(where, f"{field} {value!r} is not an ISO date (YYYY-MM-DD)")
        return None


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def load_json(path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(path, "JSON file has a UTF-8 BOM")
    return json.loads(raw.decode("utf-8"))


def load_text(where, path):
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf"):
        err(where, "text has a BOM: .NET File.ReadAllText would drop it and shift every offset by one")
    text = raw.decode("utf-8")  # no newline translation: offsets count "\r" if present
    astral = [c for c in text if ord(c) > 0xFFFF]
    if astral:
        err(where, f"{len(astral)} non-BMP characters: Python indices would differ from .NET UTF-16 indices")
    if "\r" in text:
        warn(where, "text contains CR characters; offsets count them, importers must not normalise line endings")
    return raw, text


# ------------------------------------------------------------------ parties
def check_parties(seeds):
    path = os.path.join(seeds, "parties.json")
    parties = load_json(path)
    by_key = {}
    if not isinstance(parties, list):
        err("parties.json", "must be an array")
        return by_key
    for i, p in enumerate(parties):
        where = f"parties.json[{i}]"
        if not check_keys(where, p, PARTY_FIELDS):
            continue
        key = p["key"]
        if not isinstance(key, str) or not PARTY_KEY_RE.match(key) or len(key) > 40:
            err(where, f"key {key!r} must be upper-case A-Z0-9 and '-', at most 40 chars")
        if key in by_key:
            err(where, f"duplicate key {key!r}")
        by_key[key] = p
        text_field(f"{where} ({key})", p, "name", 200)
        if not isinstance(p["aliases"], list) or not all(isinstance(a, str) and 0 < len(a) <= 200 for a in p["aliases"]):
            err(where, "aliases must be a list of names of 1-200 characters")
        if p["kind"] not in PARTY_KINDS:
            err(where, f"kind {p['kind']!r} not in {sorted(PARTY_KINDS)}")
    for key, p in by_key.items():
        parent = p["parent"]
        if parent is None:
            continue
        if parent not in by_key:
            err(f"party {key}", f"parent {parent!r} does not resolve")
            continue
        seen = {key}
        cur = parent
        while cur is not None:
            if cur in seen:
                err(f"party {key}", "parent chain has a cycle")
                break
            seen.add(cur)
            cur = by_key.get(cur, {}).get("parent")
    return by_key


# ------------------------------------------------------------------ meetings
def check_span(where, s, text):
    if not check_keys(where, s, SPAN_KEYS):
        return False
    start, end, quote = s["start"], s["end"], s["quote"]
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        err(where, "start/end must be integers")
        return False
    if not 0 <= start < end <= len(text):
        err(where, f"span {start}-{end} is not inside the text (0-{len(text)}) or start >= end")
        return False
    actual = text[start:end]
    if actual != quote:
        err(where, f"quote differs from text[{start}:{end}] = {actual!r}")
        return False
    if quote != quote.strip():
        err(where, "quote has leading/trailing whitespace")
    if "\n" in quote:
        warn(where, "quote crosses a paragraph break")
    occurrences = text.count(quote)
    if occurrences > 1:
        warn(where, f"quote occurs {occurrences} times in the text; offsets pick occurrence at {start}")
    return True


def check_target(where, t):
    if not check_keys(where, t, TARGET_KEYS):
        return
    text_field(where, t, "metric", 200)
    unit = text_field(where, t, "unit", 20)
    if unit and unit != unit.upper():
        err(where, "unit must be upper case (ISO 4217 or a unit name)")
    if t["direction"] not in TARGET_DIRECTIONS:
        err(where, f"direction {t['direction']!r} not in {sorted(TARGET_DIRECTIONS)}")
    bv, bd = t["baselineValue"], t["baselineDate"]
    if (bv is None) != (bd is None):
        err(where, "baselineValue and baselineDate must be both set or both null")
    if bv is not None and not is_number(bv):
        err(where, "baselineValue must be a number")
    if bd is not None:
        parse_date(where, "baselineDate", bd)
    text_field(where, t, "baselineNote", 500, required=False)
    if t["goalValue"] is not None and not is_number(t["goalValue"]):
        err(where, "goalValue must be a number or null")
    obs = t["observations"]
    if not isinstance(obs, list):
        err(where, "observations must be an array")
        return
    for j, o in enumerate(obs):
        ow = f"{where}.observations[{j}]"
        if not check_keys(ow, o, OBSERVATION_KEYS):
            continue
        a = parse_date(ow, "periodStart", o["periodStart"])
        b = parse_date(ow, "periodEnd", o["periodEnd"])
        if a and b and b < a:
            err(ow, "periodEnd is before periodStart")
        if not is_number(o["value"]):
            err(ow, "value must be a number")
        text_field(ow, o, "source", 1000, required=False)


def check_meeting(seeds, fname, parties, all_codes, used_parties):
    path = os.path.join(seeds, "meetings", fname)
    m = load_json(path)
    where = f"meetings/{fname}"
    if not check_keys(where, m, MEETING_KEYS):
        return None
    code = text_field(where, m, "code", 40)
    if code in all_codes:
        err(where, f"duplicate code {code!r}")
    all_codes.add(code)
    text_field(where, m, "title", 300)
    mdate = parse_date(where, "date", m["date"])
    text_field(where, m, "place", 200)
    text_field(where, m, "summary", 4000)
    if m["format"] not in MEETING_FORMATS:
        err(where, f"format {m['format']!r} not in {sorted(MEETING_FORMATS)}")

    doc = m["document"]
    text = ""
    raw = b""
    if check_keys(f"{where}.document", doc, DOCUMENT_KEYS):
        dw = f"{where}.document"
        text_field(dw, doc, "title", 300)
        url = text_field(dw, doc, "url", 1000)
        if url and not url.startswith("https://"):
            err(dw, "url must be an https URL")
        text_field(dw, doc, "language", 16)
        try:
            ra = dt.datetime.fromisoformat(doc["retrievedAt"].replace("Z", "+00:00"))
            if ra.tzinfo is None:
                err(dw, "retrievedAt needs a time zone (use Z)")
            elif mdate and ra.date() < mdate:
                err(dw, "retrievedAt is before the meeting date")
        except (AttributeError, ValueError):
            err(dw, f"retrievedAt {doc['retrievedAt']!r} is not an ISO date-time")
        tpath = os.path.join(seeds, doc["file"])
        if os.path.dirname(doc["file"]) or not os.path.isfile(tpath):
            err(dw, f"file {doc['file']!r} is not a file in the seeds folder")
        else:
            raw, text = load_text(doc["file"], tpath)
            if mdate and not doc["file"].startswith(mdate.isoformat()):
                err(dw, "file name does not start with the meeting date")
            if doc["title"] != text.split("\n", 1)[0]:
                warn(dw, "document title differs from the text's first line")

    for i, p in enumerate(m["participants"]):
        pw = f"{where}.participants[{i}]"
        if not check_keys(pw, p, PARTICIPANT_KEYS):
            continue
        text_field(pw, p, "person", 200)
        text_field(pw, p, "position", 300)
        if p["party"] not in parties:
            err(pw, f"party {p['party']!r} does not resolve")
        used_parties.add(p["party"])
        if p["role"] not in PARTICIPANT_ROLES:
            err(pw, f"role {p['role']!r} not in {sorted(PARTICIPANT_ROLES)}")

    prev_start = -1
    rows = []
    for i, c in enumerate(m["commitments"], 1):
        cw = f"{where} commitment #{i}"
        if not check_keys(cw, c, COMMITMENT_KEYS):
            continue
        expected_code = f"{code}-{i:03d}"
        if c["code"] != expected_code:
            err(cw, f"code {c['code']!r}, expected {expected_code!r} (sequential)")
        if c["code"] in all_codes:
            err(cw, f"duplicate code {c['code']!r}")
        all_codes.add(c["code"])
        cw = f"{where} {c['code']}"
        text_field(cw, c, "title", 120)
        text_field(cw, c, "summary", 600)
        if c["kind"] not in COMMITMENT_KINDS:
            err(cw, f"kind {c['kind']!r} not in {sorted(COMMITMENT_KINDS)}")
        if c["modality"] not in MODALITIES:
            err(cw, f"modality {c['modality']!r} not in {sorted(MODALITIES)}")
        if c["issuer"] not in parties:
            err(cw, f"issuer {c['issuer']!r} does not resolve")
        used_parties.add(c["issuer"])

        resp = c["responsibilities"]
        if not isinstance(resp, list) or not resp:
            err(cw, "responsibilities must be a non-empty array")
            resp = []
        seen = set()
        for j, r in enumerate(resp):
            rw = f"{cw}.responsibilities[{j}]"
            if not check_keys(rw, r, {"party", "role"}):
                continue
            if r["party"] not in parties:
                err(rw, f"party {r['party']!r} does not resolve")
            if r["party"] in seen:
                err(rw, f"party {r['party']!r} listed twice")
            seen.add(r["party"])
            used_parties.add(r["party"])
            if r["role"] not in RESPONSIBILITY_ROLES:
                err(rw, f"role {r['role']!r} not in {sorted(RESPONSIBILITY_ROLES)}")
        if resp and not any(r.get("role") in ("Lead", "CoLead") for r in resp):
            err(cw, "no Lead or CoLead responsibility")

        tags = c["tags"]
        if not isinstance(tags, list) or not tags:
            err(cw, "tags must be a non-empty array")
            tags = []
        if len(tags) > 20:
            err(cw, "more than 20 tags")
        if len(set(tags)) != len(tags):
            err(cw, "duplicate tags")
        for t in tags:
            if not isinstance(t, str) or not TAG_RE.match(t) or len(t) > 40:
                err(cw, f"tag {t!r} must be lower-case kebab-case, at most 40 chars")

        spans = c["spans"]
        if not isinstance(spans, list) or not spans:
            err(cw, "spans must be a non-empty array")
            spans = []
        good = []
        for j, s in enumerate(spans):
            if check_span(f"{cw}.spans[{j}]", s, text):
                good.append(s)
        for a, b in zip(good, good[1:]):
            if b["start"] < a["end"]:
                err(cw, f"spans overlap or are out of order ({a['start']}-{a['end']}, {b['start']}-{b['end']})")
        if good:
            first = good[0]["start"]
            if first < prev_start:
                err(cw, "commitments are not numbered in text order (by first span)")
            prev_start = first

        due = c["due"]
        if due is not None:
            if not isinstance(due, str) or not due.strip() or len(due) > 200:
                err(cw, "due must be null or a non-empty phrase of at most 200 chars")
            elif not any(due in s["quote"] for s in good):
                err(cw, f"due phrase {due!r} does not appear verbatim in the commitment's quoted text")

        if c["target"] is not None:
            check_target(f"{cw}.target", c["target"])
        elif c["kind"] == "TradeTarget":
            err(cw, "a TradeTarget needs a target")

        rows.append((c["code"], c["kind"], c["modality"], c["due"] or "-", len(good), c["title"]))

    return {"code": code, "file": m["document"].get("file"), "chars": len(text), "bytes": len(raw),
            "sha256": hashlib.sha256(raw).hexdigest(), "rows": rows}


def check_readme_hashes(seeds, results):
    readme = os.path.join(seeds, "README.md")
    if not os.path.isfile(readme):
        warn("README.md", "missing")
        return
    with open(readme, encoding="utf-8") as f:
        body = f.read()
    for r in results:
        line = next((ln for ln in body.splitlines() if r["file"] in ln and re.search(r"\b[0-9a-f]{64}\b", ln)), None)
        if line is None:
            warn("README.md", f"no sha256 listed for {r['file']}")
        elif r["sha256"] not in line:
            err("README.md", f"sha256 listed for {r['file']} does not match the file ({r['sha256']})")


def main():
    seeds = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__)))
    parties = check_parties(seeds)
    all_codes, used = set(), set()
    results = []
    mdir = os.path.join(seeds, "meetings")
    for fname in sorted(os.listdir(mdir)):
        if fname.endswith(".json"):
            r = check_meeting(seeds, fname, parties, all_codes, used)
            if r:
                results.append(r)
    for key in sorted(set(parties) - used):
        # a parent of a used party is fine (e.g. RU as parent of RU-NVS)
        if not any(parties[u].get("parent") == key for u in used if u in parties):
            warn("parties.json", f"party {key} is not referenced by any meeting")
    check_readme_hashes(seeds, results)

    print(f"Seeds: {seeds}")
    print(f"Parties: {len(parties)}")
    total = 0
    for r in results:
        total += len(r["rows"])
        print(f"\n{r['code']}  {r['file']}  ({r['chars']} chars, {r['bytes']} bytes, sha256 {r['sha256'][:16]}…)  "
              f"{len(r['rows'])} commitments")
        for code, kind, modality, due, nspans, title in r["rows"]:
            print(f"  {code}  {kind:<13} {modality:<11} due={due:<18} spans={nspans}  {title}")
    print(f"\nTotal commitments: {total}")
    for w in warnings:
        print(f"WARNING {w}")
    for e in errors:
        print(f"ERROR {e}")
    print("RESULT:", "FAIL" if errors else "PASS", f"({len(errors)} errors, {len(warnings)} warnings)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
