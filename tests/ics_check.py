#!/usr/bin/env python3
"""Independent check of the calendar files the plan writes (see tests/plan.rs).

Usage: python3 tests/ics_check.py FILE.ics...

Parses each file with Python's `icalendar` package (a different implementation from the
Rust writer) and checks the raw bytes too: CRLF line endings, lines of at most 75 octets,
valid UTF-8. Asserts that the calendar has VERSION 2.0 and a PRODID, and that every VEVENT
has an all-day DTSTART (a date, not a date-time), a SUMMARY, a UID and a VALARM.

Prints one JSON object: {"<file>": [{"uid", "date", "end", "summary", "description"}...]}
for the Rust test to compare with the plan's milestones. Exits non-zero on any failure.
"""

import datetime
import json
import sys

try:
    import icalendar
except ImportError:
    sys.exit("ics_check: the Python package 'icalendar' is missing: python3 -m pip install icalendar")


def check_raw(path, raw):
    text = raw.decode("utf-8")  # raises on invalid UTF-8
    assert text.endswith("\r\n"), f"{path}: does not end with CRLF"
    for n, line in enumerate(text[:-2].split("\r\n"), 1):
        assert "\r" not in line and "\n" not in line, f"{path}:{n}: bare CR or LF"
        assert len(line.encode("utf-8")) <= 75, f"{path}:{n}: longer than 75 octets"


def as_date(prop, what):
    value = prop.dt
    assert isinstance(value, datetime.date) and not isinstance(value, datetime.datetime), (
        f"{what} is not an all-day date: {value!r}"
    )
    return value.isoformat()


def check_file(path):
    with open(path, "rb") as f:
        raw = f.read()
    check_raw(path, raw)
    cal = icalendar.Calendar.from_ical(raw)
    assert str(cal.get("VERSION")) == "2.0", f"{path}: VERSION"
    assert cal.get("PRODID"), f"{path}: PRODID"
    events = []
    for ev in cal.walk("VEVENT"):
        summary = ev.get("SUMMARY")
        uid = ev.get("UID")
        assert summary is not None and str(summary), f"{path}: event without SUMMARY"
        assert uid is not None and str(uid), f"{path}: event without UID"
        assert ev.get("DTSTAMP") is not None, f"{path}: event without DTSTAMP"
        alarms = [c for c in ev.subcomponents if c.name == "VALARM"]
        assert alarms, f"{path}: {summary}: no VALARM"
        for alarm in alarms:
            assert str(alarm.get("ACTION")) == "DISPLAY", f"{path}: alarm ACTION"
            assert alarm.get("TRIGGER") is not None, f"{path}: alarm TRIGGER"
        start = as_date(ev.get("DTSTART"), f"{path}: {summary}: DTSTART")
        end = ev.get("DTEND")
        end = as_date(end, f"{path}: {summary}: DTEND") if end is not None else None
        if end is not None:
            assert end > start, f"{path}: {summary}: DTEND not after DTSTART"
        events.append(
            {
                "uid": str(uid),
                "date": start,
                "end": end,
                "summary": str(summary),
                "description": str(ev.get("DESCRIPTION", "")),
            }
        )
    assert events, f"{path}: no VEVENT"
    uids = [e["uid"] for e in events]
    assert len(set(uids)) == len(uids), f"{path}: duplicate UIDs"
    return events


def main(paths):
    if not paths:
        sys.exit("usage: ics_check.py FILE.ics...")
    result = {}
    for path in paths:
        try:
            result[path] = check_file(path)
        except (AssertionError, ValueError) as e:
            sys.exit(f"ics_check: {e}")
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
