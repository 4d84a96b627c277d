"""Dates: real calendar dates, never in the future, and laws checked no earlier than the file's review."""

from __future__ import annotations

from datetime import date

from kb.checks.base import FileData, register

DATE_INVALID = register("date-invalid", "a date that is not a real calendar date")
DATE_FUTURE = register("date-future", "a date later than today")
CHECKED_BEFORE_REVIEW = register("checked-before-review", "a law checked before the file's last_reviewed date")


def parse_partial(text: str) -> date:
    """Read "2024", "2024-09" or "2024-09-01" as a date (the first day where the day is not given)."""
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _date_paths(data: dict):
    yield ("last_reviewed",), data["last_reviewed"]
    for i, resource in enumerate(data.get("resources", [])):
        yield ("resources", i, "checked", "date"), resource["checked"]["date"]
    for i, law in enumerate(data["laws"]):
        yield ("laws", i, "checked", "date"), law["checked"]["date"]
        for j, entry in enumerate(law.get("history", [])):
            yield ("laws", i, "history", j, "date"), entry["date"]


def check_dates(file: FileData, today: date):
    """Every date is real and not later than today."""
    for at, text in _date_paths(file.data):
        yield from date_problems(file, at, text, today)


def date_problems(file: FileData, at: tuple, text: str, today: date):
    """The problems of one date value: not a real date, or in the future."""
    try:
        value = parse_partial(text)
    except ValueError:
        yield file.problem(at, f"'{text}' is not a real date; write YYYY-MM-DD", DATE_INVALID)
        return
    if value > today:
        yield file.problem(at, f"'{text}' is in the future (today is {today.isoformat()}); use the date it happened", DATE_FUTURE)


def check_review_order(file: FileData, today: date):
    """Every law was checked on or after the file's last_reviewed date."""
    reviewed = file.data["last_reviewed"]
    try:
        parse_partial(reviewed)
    except ValueError:
        return  # already reported; comparing against a non-date would only add noise
    for i, law in enumerate(file.data["laws"]):
        if law["checked"]["date"] < reviewed:
            yield file.problem(
                ("laws", i, "checked", "date"),
                f"checked {law['checked']['date']} is before the file's last_reviewed {reviewed}; "
                "re-check this law or correct last_reviewed",
                CHECKED_BEFORE_REVIEW,
            )
