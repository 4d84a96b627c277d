"""The meaning of each set of elements: a law's own, or each of its paths'."""

from __future__ import annotations

from datetime import date

from kb.checks.base import WARNING, FileData, register
from kb.checks.conditions import condition_problems
from kb.i18n import N_

MIN_ACTS_MISSING = register("min-acts-missing", "a pattern law without min_acts")
MIN_ACTS_UNEXPECTED = register("min-acts-unexpected", "min_acts on a law that needs no pattern")
RELATIONSHIP_MISSING = register("relationship-missing", "a protection order without elements.relationship")
INTENT_LIST = register("intent-list", N_("an intent list that does not say whether the states are alternatives or all required"), WARNING)
RELATIONSHIP_DUPLICATE = register("relationship-duplicate", "a relationship listed twice, or both plainly and with a condition")


def element_blocks(law: dict, at: tuple):
    """Yield (where, elements) for a law's own elements and for each of its paths'."""
    if "elements" in law:
        yield at + ("elements",), law["elements"]
    for k, path in enumerate(law.get("paths", [])):
        yield at + ("paths", k, "elements"), path["elements"]


def check_elements(file: FileData, today: date):
    """Run the element rules over every set of elements in the file."""
    for i, law in enumerate(file.data["laws"]):
        for where, elements in element_blocks(law, ("laws", i)):
            yield from _block_problems(file, where, elements, law["kind"])


def _block_problems(file: FileData, where: tuple, elements: dict, kind: str):
    conduct = elements["conduct"]
    if conduct in ("pattern", "either") and "min_acts" not in elements:
        yield file.problem(where + ("conduct",), f"conduct '{conduct}' needs min_acts (usually 2)", MIN_ACTS_MISSING)
    if conduct == "single" and "min_acts" in elements:
        yield file.problem(where + ("min_acts",), "min_acts only applies when conduct is pattern or either; remove it", MIN_ACTS_UNEXPECTED)
    if kind == "protection_order" and "relationship" not in elements:
        yield file.problem(
            where,
            "a protection order needs elements.relationship: any, or who may ask (e.g. [partner_or_ex, dating])",
            RELATIONSHIP_MISSING,
        )
    intent = elements["intent"]
    if isinstance(intent, list) and len(intent) > 1:
        yield file.problem(
            where + ("intent",),
            "a list of mental states is ambiguous: write {any_of: [...]} when any one is enough, "
            "{all_of: [...]} when the text needs them together",
            INTENT_LIST,
        )
    yield from _relationship_problems(file, where, elements.get("relationship"))
    for j, requirement in enumerate(elements.get("requires", [])):
        if "when" in requirement:
            yield from condition_problems(file, where + ("requires", j, "when"), requirement["when"])


def _relationship_problems(file: FileData, where: tuple, relationship):
    if not isinstance(relationship, list):
        return
    seen: set[str] = set()
    for j, entry in enumerate(relationship):
        who = entry if isinstance(entry, str) else entry["who"]
        if who in seen:
            yield file.problem(where + ("relationship", j), f"'{who}' is listed twice; keep one entry", RELATIONSHIP_DUPLICATE)
        seen.add(who)
        if isinstance(entry, dict) and "when" in entry:
            yield from condition_problems(file, where + ("relationship", j, "when"), entry["when"])
