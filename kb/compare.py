"""Comparison across jurisdictions: one row per law of a topic, element columns in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from kb.i18n import N_, _
from kb.knowledge import KnowledgeBase
from kb.model import Jurisdiction, Law
from kb.vocabulary import label

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
INTENT_WORDS = {
    "specific": N_("meant to"),
    "knowledge": N_("knew or should have known"),
    "reckless": N_("reckless"),
    "general": N_("acts on purpose"),
    "none": N_("none"),
}


@dataclass(frozen=True)
class CompareRow:
    """One law's elements as table cells, with what each cell links to."""

    jurisdiction: Jurisdiction
    law: Law
    cells: dict[str, str]


def _fear_cell(law: Law) -> str:
    fear = law.elements.fear
    if fear.kinds == ("none",) or fear.test == "none":
        return _("None required")
    kinds = (" " + _("or") + " ").join(label("fear_kinds", k).split(" (")[0].lower() for k in fear.kinds if k != "none")
    test = {"reasonable_person": _("reasonable person"), "actual": _("actual"), "both": _("actual and reasonable")}[fear.test]
    cell = f"{kinds[0].upper()}{kinds[1:]} ({test})"
    return cell + ("; " + _("none on some paths") if "none" in fear.kinds else "")


def row_for(law: Law, jurisdiction: Jurisdiction) -> CompareRow:
    """Return the comparison cells of one law."""
    e = law.elements
    cells = {
        "jurisdiction": jurisdiction.name,
        "citation": law.citation,
        "one_incident": _(ONE_INCIDENT[e.conduct]),
        "min_acts": str(e.min_acts) if e.min_acts else "-",
        "intent": (" " + _("or") + " ").join(_(INTENT_WORDS[i]) for i in e.intent),
        "fear": _fear_cell(law),
        "credible_threat": _("Yes") if e.credible_threat else _("No"),
        "electronic": _("Yes") if e.electronic == "explicit" else _("General words"),
        "penalty": label("penalty_classes", law.penalty.penalty_class),
    }
    return CompareRow(jurisdiction, law, cells)


def compare_rows(
    kb: KnowledgeBase,
    topic: str,
    kind: str | None = "crime",
    filters: dict[str, str] | None = None,
    sort: str = "jurisdiction",
    descending: bool = False,
) -> list[CompareRow]:
    """Return the rows for laws of `topic` (and `kind`), filtered on cell values, sorted by a column."""
    rows = [
        row_for(law, jurisdiction)
        for _, _, members in kb.by_country()
        for jurisdiction in members
        for law in jurisdiction.laws
        if topic in law.topics and (kind is None or law.kind == kind)
    ]
    for column, wanted in (filters or {}).items():
        if wanted:
            rows = [row for row in rows if row.cells[column] == wanted]
    if sort not in COLUMNS:
        sort = "jurisdiction"
    key = (
        (lambda r: (int(r.cells[sort]) if r.cells[sort].isdigit() else 99, r.cells["jurisdiction"]))
        if sort == "min_acts"
        else (lambda r: (r.cells[sort].lower(), r.cells["jurisdiction"]))
    )
    return sorted(rows, key=key, reverse=descending)


def main_law(jurisdiction: Jurisdiction, topic: str = "stalking") -> Law | None:
    """Return the jurisdiction's main crime on a topic: the first crime whose first topic it is."""
    return next((law for law in jurisdiction.laws if law.kind == "crime" and law.topics[0] == topic), None)
