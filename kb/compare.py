"""Comparison across jurisdictions: one row per law of a topic, each element a code.

Rows carry codes (`single`, `pattern`, `yes`, `explicit`, `felony`), which URLs, filters, sorting
and the CSV and JSON downloads use in every language; words for readers come from `cell_text`, in
the reader's language, only when a page is rendered.
"""

from __future__ import annotations

from dataclasses import dataclass

from kb.i18n import N_, _
from kb.knowledge import KnowledgeBase
from kb.model import Jurisdiction, Law
from kb.vocabulary import label, vocabulary

COLUMNS = {
    "jurisdiction": N_("Jurisdiction"),
    "citation": N_("Law"),
    "one_incident": N_("One incident enough?"),
    "min_acts": N_("Acts in a pattern"),
    "intent": N_("Intent"),
    "fear": N_("Fear standard"),
    "credible_threat": N_("Credible threat needed?"),
    "electronic": N_("Electronic means named?"),
    "penalty": N_("Penalty class"),
}
ONE_INCIDENT = {"single": N_("Yes"), "either": N_("On some paths"), "pattern": N_("No")}
YES_NO = {"yes": N_("Yes"), "no": N_("No")}
ELECTRONIC = {"explicit": N_("Yes"), "general": N_("General words")}
INTENT_WORDS = {
    "specific": N_("meant to"),
    "knowledge": N_("knew or should have known"),
    "reckless": N_("reckless"),
    "general": N_("acts on purpose"),
    "none": N_("none"),
}
FEAR_TESTS = {
    "reasonable_person": N_("reasonable person"),
    "actual": N_("actual"),
    "both": N_("actual and reasonable"),
    "varies": N_("varies"),
}
# Codes a filter may take, by column (the others are not filters).
FILTER_CODES = {
    "one_incident": tuple(ONE_INCIDENT),
    "credible_threat": tuple(YES_NO),
    "electronic": tuple(ELECTRONIC),
    "penalty": tuple(vocabulary()["penalty_classes"]),
}
_CONDUCT_ORDER = {"single": 0, "either": 1, "pattern": 2}


@dataclass(frozen=True)
class CompareRow:
    """One law's elements as codes, by column."""

    jurisdiction: Jurisdiction
    law: Law
    codes: dict[str, str]


def row_for(law: Law, jurisdiction: Jurisdiction) -> CompareRow:
    """Return the comparison codes of one law."""
    e = law.elements
    joiner = "+" if e.intent_mode == "all_of" else "|"
    fear = "none" if e.fear.kinds == ("none",) or e.fear.test == "none" else ",".join(e.fear.kinds) + ":" + e.fear.test
    codes = {
        "jurisdiction": jurisdiction.id,
        "citation": law.citation,
        "one_incident": e.conduct,
        "min_acts": str(e.min_acts) if e.min_acts else "",
        "intent": joiner.join(e.intent),
        "fear": fear,
        "credible_threat": "yes" if e.credible_threat else "no",
        "electronic": e.electronic,
        "penalty": law.penalty.penalty_class,
    }
    return CompareRow(jurisdiction, law, codes)


def cell_text(row: CompareRow, column: str) -> str:
    """The words a reader sees for one cell, in the reader's language."""
    code = row.codes[column]
    if column == "jurisdiction":
        return row.jurisdiction.name
    if column in ("citation", "min_acts"):
        return code or "–"
    if column == "one_incident":
        return _(ONE_INCIDENT[code])
    if column == "credible_threat":
        return _(YES_NO[code])
    if column == "electronic":
        return _(ELECTRONIC[code])
    if column == "penalty":
        return label("penalty_classes", code)
    if column == "intent":
        word = " " + (_("and") if "+" in code else _("or")) + " "
        return word.join(_(INTENT_WORDS[i]) for i in code.replace("+", "|").split("|"))
    return _fear_text(code)


def _fear_text(code: str) -> str:
    if code == "none":
        return _("None required")
    kinds, test = code.split(":")
    named = [k for k in kinds.split(",") if k != "none"]
    words = (" " + _("or") + " ").join(label("fear_kinds", k).split(" (")[0].lower() for k in named)
    cell = f"{words[:1].upper()}{words[1:]} ({_(FEAR_TESTS[test])})"
    return cell + ("; " + _("none on some paths") if "none" in kinds.split(",") else "")


def code_text(column: str, code: str) -> str:
    """The words for one filter value (a code) of a column, in the reader's language."""
    names = {"one_incident": ONE_INCIDENT, "credible_threat": YES_NO, "electronic": ELECTRONIC}.get(column)
    return _(names[code]) if names else label("penalty_classes", code)


def _sort_key(column: str):
    if column == "min_acts":
        return lambda r: (int(r.codes["min_acts"]) if r.codes["min_acts"] else 99, r.jurisdiction.name)
    if column == "one_incident":
        return lambda r: (_CONDUCT_ORDER[r.codes["one_incident"]], r.jurisdiction.name)
    return lambda r: (cell_text(r, column).lower(), r.jurisdiction.name)


def compare_rows(
    kb: KnowledgeBase,
    topic: str,
    kind: str | None = "crime",
    filters: dict[str, str] | None = None,
    sort: str = "jurisdiction",
    descending: bool = False,
) -> list[CompareRow]:
    """Return the rows for laws of `topic` (and `kind`), filtered on codes, sorted by a column."""
    rows = [
        row_for(law, jurisdiction)
        for _, _, members in kb.by_country()
        for jurisdiction in members
        for law in jurisdiction.laws
        if topic in law.topics and (kind is None or law.kind == kind)
    ]
    for column, wanted in (filters or {}).items():
        if wanted:
            rows = [row for row in rows if row.codes[column] == wanted]
    return sorted(rows, key=_sort_key(sort if sort in COLUMNS else "jurisdiction"), reverse=descending)


def main_law(jurisdiction: Jurisdiction, topic: str = "stalking") -> Law | None:
    """Return the jurisdiction's main crime on a topic: the first crime whose first topic it is."""
    return next((law for law in jurisdiction.laws if law.kind == "crime" and law.topics[0] == topic), None)
