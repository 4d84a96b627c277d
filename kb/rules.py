"""Checks beyond the schema: the meaning of one file, and consistency across all files.

Each rule is a small generator of Problems with its own rule id (listed in RULES, and each
documented in docs/contributing-laws.md: a test keeps the two in step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath
from urllib.parse import urlparse

from kb.problems import Problem, format_field
from kb.vocabulary import facts
from kb.yamlsource import SourceMap

COPY_RUN_WORDS = 12
LAW_FIELDS = ("id", "title", "citation", "url", "kind", "topics", "summary", "elements", "penalty", "notes", "checked", "history")

# Wording that belongs to statutes, not to plain-language summaries.
STATUTE_MARKERS = (
    r"\bshall be (guilty|punished|imprisoned|fined)\b",
    r"\bas used in this (section|subdivision|article|chapter|act)\b",
    r"\bpursuant to (section|subdivision|subsection|paragraph)\b",
    r"\bsubdivision \([a-z0-9]+\)",
    r"\bhereinafter\b|\bheretofore\b|\bwhereby\b",
    r"\bnot (more|less) than [a-z -]+ \(\$?[\d,]+\)",
    r"^\s*\([a-z]\)\s",
)

RULES = {
    "file-name": "the file's place must match its id: jurisdictions/<country>/<code>.yaml",
    "law-id-prefix": "a law's id starts with its jurisdiction's id and a hyphen",
    "date-invalid": "a date that is not a real calendar date",
    "date-future": "a date later than today",
    "checked-before-review": "a law checked before the file's last_reviewed date",
    "url-malformed": "an address that is not a well-formed https URL",
    "empty-summary": "a summary with no words",
    "statute-text": "a summary that reads like pasted statute text",
    "copied-summary": "a long run of words shared with another law's summary",
    "long-quote": "a quote longer than a few words",
    "min-acts-missing": "a pattern law without min_acts",
    "min-acts-unexpected": "min_acts on a law that needs no pattern",
    "relationship-missing": "a protection order without elements.relationship",
    "condition-value": "a condition naming a value its fact does not have",
    "condition-shape": "a condition that mixes forms or names no test",
    "unconfirmed-field": "an unconfirmed mark naming a field a law does not have",
    "translation-requires": "a translation whose requires list does not match the law's requires, one for one",
    "duplicate-jurisdiction-id": "two files with the same jurisdiction id",
    "duplicate-law-id": "two laws with the same id",
    "duplicate-citation": "two laws with the same citation",
    "unknown-parent": "a parent that names no jurisdiction",
}


@dataclass
class FileData:
    """One parsed, schema-valid file: its data, where things stand, and its display path."""

    path: str
    data: dict
    source_map: SourceMap

    def problem(self, at: tuple, message: str, rule: str, key: bool = False) -> Problem:
        """Make a problem pointing at the value (or key) at path `at`."""
        line, column = self.source_map.key(at) if key else self.source_map.value(at)
        return Problem(self.path, line, column, format_field(at), message, rule)


def file_problems(file: FileData, today: date) -> list[Problem]:
    """Run every single-file rule on one schema-valid file."""
    problems: list[Problem] = []
    for rule in (_file_name, _dates, _urls, _law_rules):
        problems.extend(rule(file, today))
    return problems


def _file_name(file: FileData, today: date):
    data = file.data
    expected_stem = data["country"] if data["id"] == data["country"] else data["id"].removeprefix(data["country"] + "-")
    parts = PurePosixPath(file.path).parts
    if not data["id"].startswith(data["country"]):
        yield file.problem(("id",), f"'{data['id']}' must start with the country code '{data['country']}'", "file-name")
    elif parts[-1] != f"{expected_stem}.yaml" or (len(parts) >= 2 and parts[-2] != data["country"]):
        wanted = f"jurisdictions/{data['country']}/{expected_stem}.yaml"
        yield file.problem(("id",), f"id '{data['id']}' belongs in {wanted}; rename the file or fix the id", "file-name")


def _date_paths(data: dict):
    yield ("last_reviewed",), data["last_reviewed"]
    for i, resource in enumerate(data.get("resources", [])):
        yield ("resources", i, "checked", "date"), resource["checked"]["date"]
    for i, law in enumerate(data["laws"]):
        yield ("laws", i, "checked", "date"), law["checked"]["date"]
        for j, entry in enumerate(law.get("history", [])):
            yield ("laws", i, "history", j, "date"), entry["date"]


def _parse_partial(text: str) -> date:
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _dates(file: FileData, today: date):
    for at, text in _date_paths(file.data):
        try:
            value = _parse_partial(text)
        except ValueError:
            yield file.problem(at, f"'{text}' is not a real date; write YYYY-MM-DD", "date-invalid")
            continue
        if value > today:
            yield file.problem(at, f"'{text}' is in the future (today is {today.isoformat()}); use the date it happened", "date-future")
    reviewed = file.data["last_reviewed"]
    try:
        _parse_partial(reviewed)
    except ValueError:
        return  # already reported; comparing against a non-date would only add noise
    for i, law in enumerate(file.data["laws"]):
        if law["checked"]["date"] < reviewed:
            yield file.problem(
                ("laws", i, "checked", "date"),
                f"checked {law['checked']['date']} is before the file's last_reviewed {reviewed}; "
                "re-check this law or correct last_reviewed",
                "checked-before-review",
            )


def _url_paths(data: dict):
    for i, resource in enumerate(data.get("resources", [])):
        yield ("resources", i, "url"), resource["url"]
        yield ("resources", i, "checked", "source"), resource["checked"]["source"]
    for i, law in enumerate(data["laws"]):
        yield ("laws", i, "url"), law["url"]
        yield ("laws", i, "checked", "source"), law["checked"]["source"]


def _urls(file: FileData, today: date):
    for at, url in _url_paths(file.data):
        parsed = urlparse(url)
        host = parsed.hostname or ""
        labels = host.split(".")
        if parsed.scheme != "https" or len(labels) < 2 or not all(labels) or any(c in url for c in ' "<>\\^`{|}'):
            yield file.problem(at, f"'{url}' is not a well-formed https address", "url-malformed")


def _law_rules(file: FileData, today: date):
    jurisdiction_id = file.data["id"]
    for i, law in enumerate(file.data["laws"]):
        at = ("laws", i)
        if not law["id"].startswith(jurisdiction_id + "-"):
            yield file.problem(at + ("id",), f"'{law['id']}' must start with '{jurisdiction_id}-'", "law-id-prefix")
        yield from _summary_rules(file, at, law)
        yield from _element_rules(file, at, law)
        yield from _translation_rules(file, at, law)
        for j, entry in enumerate(law.get("unconfirmed", [])):
            if entry["field"].split(".")[0].split("[")[0] not in LAW_FIELDS:
                yield file.problem(
                    at + ("unconfirmed", j, "field"),
                    f"'{entry['field']}' names no field of a law; use one of: {', '.join(LAW_FIELDS)} (e.g. elements.min_acts)",
                    "unconfirmed-field",
                )


def _translation_rules(file: FileData, at: tuple, law: dict):
    wanted = len(law["elements"].get("requires", []))
    for code, translated in law.get("translations", {}).items():
        given = translated.get("requires")
        if given is not None and len(given) != wanted:
            yield file.problem(
                at + ("translations", code, "requires"),
                f"gives {len(given)} requirement(s) but the law has {wanted}; translate each elements.requires describe, in order",
                "translation-requires",
            )


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9§.]+", text.lower())


def _summary_rules(file: FileData, at: tuple, law: dict):
    summary = law["summary"]
    if not _words(summary):
        yield file.problem(at + ("summary",), "the summary is empty; write two to five plain sentences", "empty-summary")
        return
    markers = [m for m in STATUTE_MARKERS if re.search(m, summary, re.IGNORECASE | re.MULTILINE)]
    if len(markers) >= 2:
        yield file.problem(
            at + ("summary",),
            "the summary reads like statute text (formal legal wording); rewrite it in plain words of your own",
            "statute-text",
        )
    for j, quote in enumerate(law.get("quotes", [])):
        if len(_words(quote)) > 8:
            yield file.problem(
                at + ("quotes", j), "a quote should be a key term of a few words (8 at most); summarise the rest", "long-quote"
            )


def _element_rules(file: FileData, at: tuple, law: dict):
    elements = law["elements"]
    where = at + ("elements",)
    if elements["conduct"] in ("pattern", "either") and "min_acts" not in elements:
        yield file.problem(where + ("conduct",), f"conduct '{elements['conduct']}' needs min_acts (usually 2)", "min-acts-missing")
    if elements["conduct"] == "single" and "min_acts" in elements:
        yield file.problem(
            where + ("min_acts",), "min_acts only applies when conduct is pattern or either; remove it", "min-acts-unexpected"
        )
    if law["kind"] == "protection_order" and "relationship" not in elements:
        yield file.problem(
            where,
            "a protection order needs elements.relationship: any, or who may ask (e.g. [partner_or_ex, dating])",
            "relationship-missing",
        )
    for j, requirement in enumerate(elements.get("requires", [])):
        if "when" in requirement:
            yield from _condition_rules(file, where + ("requires", j, "when"), requirement["when"])


def _condition_rules(file: FileData, at: tuple, condition: dict):
    forms = [k for k in ("fact", "all", "any", "not") if k in condition]
    if len(forms) != 1:
        yield file.problem(at, "a condition has exactly one of: fact, all, any, not", "condition-shape")
        return
    if forms[0] == "fact":
        tests = [k for k in ("is", "in") if k in condition]
        if len(tests) != 1:
            yield file.problem(at, "a fact condition needs exactly one of 'is' or 'in'", "condition-shape")
            return
        allowed = facts()[condition["fact"]].values
        values = [condition["is"]] if "is" in condition else condition["in"]
        for value in values:
            if allowed and value not in allowed:
                yield file.problem(
                    at + (tests[0],), f"'{value}' is not a value of {condition['fact']}; allowed: {', '.join(allowed)}", "condition-value"
                )
    elif forms[0] == "not":
        yield from _condition_rules(file, at + ("not",), condition["not"])
    else:
        for k, child in enumerate(condition[forms[0]]):
            yield from _condition_rules(file, at + (forms[0], k), child)


def cross_file_problems(files: list[FileData]) -> list[Problem]:
    """Run the rules that need every file: unique ids and citations, parents, copied summaries."""
    problems: list[Problem] = []
    seen_jurisdictions: dict[str, FileData] = {}
    for file in files:
        jid = file.data["id"]
        if jid in seen_jurisdictions:
            other = seen_jurisdictions[jid].path
            problems.append(file.problem(("id",), f"jurisdiction id '{jid}' is already used by {other}", "duplicate-jurisdiction-id"))
        else:
            seen_jurisdictions[jid] = file
    for file in files:
        parent = file.data.get("parent")
        if parent and parent not in seen_jurisdictions:
            known = ", ".join(sorted(seen_jurisdictions)[:12])
            problems.append(file.problem(("parent",), f"'{parent}' is not a known jurisdiction (known: {known}, ...)", "unknown-parent"))
    problems.extend(_unique_law_fields(files, "id", "duplicate-law-id"))
    problems.extend(_unique_law_fields(files, "citation", "duplicate-citation"))
    problems.extend(_copied_summaries(files))
    return problems


def _laws(files: list[FileData]):
    for file in files:
        for i, law in enumerate(file.data["laws"]):
            yield file, ("laws", i), law


def _unique_law_fields(files: list[FileData], field: str, rule: str):
    first: dict[str, tuple[FileData, tuple]] = {}
    for file, at, law in _laws(files):
        key = " ".join(law[field].split()).lower()
        if key in first:
            other_file, other_at = first[key]
            line = other_file.source_map.value(other_at + (field,))[0]
            yield file.problem(at + (field,), f"{field} '{law[field]}' is already used in {other_file.path}:{line}", rule)
        else:
            first[key] = (file, at)


def _copied_summaries(files: list[FileData]):
    """Report a shared run of words on both laws: load order says nothing about who copied whom."""
    owners: dict[tuple, tuple[FileData, tuple, str]] = {}
    pairs: set[tuple[str, str]] = set()
    for file, at, law in _laws(files):
        words = _words(law["summary"])
        for start in range(len(words) - COPY_RUN_WORDS + 1):
            run = tuple(words[start : start + COPY_RUN_WORDS])
            owner = owners.setdefault(run, (file, at, law["id"]))
            pair = tuple(sorted((owner[2], law["id"])))
            if owner[2] == law["id"] or pair in pairs:
                continue
            pairs.add(pair)
            for (this_file, this_at, _), other in (((file, at, law["id"]), owner), (owner, (file, at, law["id"]))):
                yield this_file.problem(
                    this_at + ("summary",),
                    f"shares {COPY_RUN_WORDS}+ words in a row with the summary of {other[2]} ({other[0].path}); write each summary afresh",
                    "copied-summary",
                )
