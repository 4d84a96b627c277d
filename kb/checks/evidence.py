"""Paths and evidence: each alternative way a law is met, and the statute's words behind each element.

A law that stores its text (`text`) is written as paths, and every deciding element of every path
carries evidence: a pinpoint that exists in the stored text and a quote that stands there word for word.
"""

from __future__ import annotations

from datetime import date

from kb.checks.base import FileData, register
from kb.model import build_elements, deciding_elements
from kb.texts import PinpointError, quote_found, resolve_all

ELEMENTS_OR_PATHS = register("elements-or-paths", "a law with both elements and paths, or neither")
PATH_DUPLICATE = register("path-duplicate", "two paths of one law with the same id")
EVIDENCE_MISSING = register("evidence-missing", "a deciding element of a path with no evidence from the stored text")
EVIDENCE_WITHOUT_TEXT = register("evidence-without-text", "evidence given for a law that stores no text to check it against")
PINPOINT_UNKNOWN = register("pinpoint-unknown", "a pinpoint that names no stored section or subdivision")
QUOTE_NOT_FOUND = register("quote-not-found", "a quote that is not the statute's words at its pinpoint")


def check_paths(file: FileData, today: date):
    """Each law has elements or paths (not both); path ids are unique within a law."""
    for i, law in enumerate(file.data["laws"]):
        at = ("laws", i)
        if ("elements" in law) == ("paths" in law):
            has = "both" if "elements" in law else "neither"
            yield file.problem(
                at + ("id",),
                f"the law has {has} `elements` and `paths`: write `elements` for a law read as one path, or `paths` for its alternatives",
                ELEMENTS_OR_PATHS,
            )
        seen: set[str] = set()
        for k, path in enumerate(law.get("paths", [])):
            if path["id"] in seen:
                yield file.problem(at + ("paths", k, "id"), f"another path of this law is already called '{path['id']}'", PATH_DUPLICATE)
            seen.add(path["id"])


def check_evidence(file: FileData, today: date):
    """Evidence is complete on laws that store their text, and every pinpoint and quote checks against it."""
    for i, law in enumerate(file.data["laws"]):
        at = ("laws", i)
        if "text" not in law:
            yield from _evidence_without_text(file, at, law)
            continue
        texts = {section: file.texts[section] for section in law["text"] if section in file.texts}
        if len(texts) != len(law["text"]):
            continue  # a missing or broken text is reported already; checking quotes against the rest would mislead
        if "paths" not in law:
            yield file.problem(
                at + ("text",),
                "a law with stored text is written as `paths` (one or more), so each element can carry the words that support it",
                EVIDENCE_MISSING,
            )
            continue
        for k, path in enumerate(law["paths"]):
            yield from _path_evidence(file, at + ("paths", k), path, texts)


def _evidence_without_text(file: FileData, at: tuple, law: dict):
    for k, path in enumerate(law.get("paths", [])):
        given = list(path.get("evidence", {}))
        given += [f"requires[{j}]" for j, r in enumerate(path["elements"].get("requires", [])) if "evidence" in r]
        if given:
            yield file.problem(
                at + ("paths", k, "evidence"),
                f"evidence for {', '.join(given)} cannot be checked: the law has no `text`; store the sections and list them under `text`",
                EVIDENCE_WITHOUT_TEXT,
            )


def _path_evidence(file: FileData, at: tuple, path: dict, texts: dict):
    yield from _pinpoint(file, at + ("pinpoint",), path["pinpoint"], texts)[1]
    elements = build_elements(path["elements"])
    evidence = path.get("evidence", {})
    for name in deciding_elements(elements):
        if name not in evidence:
            yield file.problem(
                at + ("evidence",) if "evidence" in path else at,
                f"path '{path['id']}' needs evidence for {name}: the pinpoint and the statute's words that support it",
                EVIDENCE_MISSING,
            )
    for name, found in evidence.items():
        yield from _quote(file, at + ("evidence", name), found, texts)
    for j, requirement in enumerate(path["elements"].get("requires", [])):
        where = at + ("elements", "requires", j)
        if "evidence" not in requirement:
            yield file.problem(
                where, f"the requirement '{requirement['describe']}' needs evidence: a pinpoint and the statute's words", EVIDENCE_MISSING
            )
        else:
            yield from _quote(file, where + ("evidence",), requirement["evidence"], texts)


def _pinpoint(file: FileData, at: tuple, pinpoint: str, texts: dict):
    try:
        return resolve_all(pinpoint, texts), []
    except PinpointError as error:
        return None, [file.problem(at, str(error), PINPOINT_UNKNOWN)]


def _quote(file: FileData, at: tuple, found: dict, texts: dict):
    span, problems = _pinpoint(file, at + ("pinpoint",), found["pinpoint"], texts)
    yield from problems
    if span is not None and not quote_found(found["quote"], span):
        yield file.problem(
            at + ("quote",),
            f"these words are not in {span[0].text.citation} at {found['pinpoint']}; copy them exactly from the stored text "
            "(spacing, quote marks and case may differ)",
            QUOTE_NOT_FOUND,
        )
