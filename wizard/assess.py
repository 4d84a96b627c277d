"""The assessment: for each law that could apply, whether what the person described may fit it.

A law is one or more paths (alternative ways it is met: a threat path and a repeated-calls path, a
basic and an aggravated form). Each path's elements are `met`, `not_met` or `unknown`, with a plain
reason (wizard/elements.py); a path is `likely` when every deciding element is met, `unlikely` when an
answer rules one out, `possible` otherwise. A law takes its best path's status: `likely` when some
path fits, `unlikely` only when every path is ruled out. What the other person intended can never be
known from the person's side: it is explained, never decisive. Results say "may apply"; they never say
"you have a case".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from kb.i18n import _, language
from kb.knowledge import KnowledgeBase
from kb.model import Law, Path
from wizard import elements as judge
from wizard.elements import MET, NOT_MET, UNKNOWN, ElementResult

LIKELY, POSSIBLE, UNLIKELY = "likely", "possible", "unlikely"
ORDER = {LIKELY: 0, POSSIBLE: 1, UNLIKELY: 2}

__all__ = [
    "LIKELY",
    "MET",
    "NOT_MET",
    "POSSIBLE",
    "UNKNOWN",
    "UNLIKELY",
    "ElementResult",
    "LawResult",
    "PathResult",
    "assess",
    "assess_law",
    "judge_path",
]


# The results are made afresh for each assessment and never shared, so they are plain slotted
# dataclasses: a frozen one takes about four times as long to make, and a results page makes some eighty.


@dataclass(slots=True)
class PathResult:
    """One path of a law, judged: its status, each of its elements, and how many deciding ones are met
    (among paths of the same status, the one that meets more fits better)."""

    path: Path
    label: str
    status: str
    elements: tuple[ElementResult, ...]
    met: int = 0

    @property
    def ruled_out_by(self) -> list[ElementResult]:
        """The elements an answer ruled out."""
        return [e for e in self.elements if e.decisive and e.status == NOT_MET]

    @property
    def open_questions(self) -> list[ElementResult]:
        """The deciding elements the answers could not settle."""
        return [e for e in self.elements if e.decisive and e.status == UNKNOWN]


@dataclass(slots=True)
class LawResult:
    """One law's assessment: its status (its best path's), each path, and why it is among the candidates.

    `elements` are the best path's, so a one-path law reads as it always did.
    """

    law: Law
    status: str
    elements: tuple[ElementResult, ...]
    applies_because: str
    paths: tuple[PathResult, ...] = field(default=())

    @property
    def best(self) -> PathResult:
        """The path that fits best (the first in the law's own order among equals)."""
        return self.paths[0]

    @property
    def fitting(self) -> list[PathResult]:
        """The paths whose every deciding element is met."""
        return [p for p in self.paths if p.status == LIKELY]

    @property
    def ruled_out_paths(self) -> list[PathResult]:
        """The paths an answer ruled out."""
        return [p for p in self.paths if p.status == UNLIKELY]

    @property
    def ruled_out_by(self) -> list[ElementResult]:
        """The elements an answer ruled out (on the best path)."""
        return self.best.ruled_out_by

    @property
    def open_questions(self) -> list[ElementResult]:
        """The deciding elements the answers could not settle (on the best path)."""
        return self.best.open_questions


def judge_path(elements: tuple[ElementResult, ...]) -> tuple[str, int]:
    """A path's status from its elements, and how many deciding elements are met, in one pass.

    `unlikely` when an answer rules a deciding element out, `likely` when every deciding element is
    met, `possible` otherwise; elements that are only explained (intent) never decide.
    """
    met, ruled_out, unsettled = 0, False, False
    for element in elements:
        if not element.decisive:
            continue
        if element.status == MET:
            met += 1
        elif element.status == NOT_MET:
            ruled_out = True
        else:
            unsettled = True
    return (UNLIKELY if ruled_out else POSSIBLE if unsettled else LIKELY), met


# Every result each element of each path can come to, written ahead for every law at once (see
# wizard.elements.every_result): (law id, path id, element, key) -> result.
Known = Mapping[tuple[str, str, str, str], ElementResult]


def assess_path(law: Law, path: Path, answers: dict[str, str], known: Known | None = None, lang: str | None = None) -> PathResult:
    """Judge one path of a law against the answers, element by element.

    With `known`, each element's result is looked up by its key instead of being made again.
    """
    keys = judge.judged_keys(path, answers)
    # Lists, not generators, inside tuple(): quicker for the handful of elements a path has.
    if known is None:
        found = tuple([judge.result_for(law, path, element, key) for element, key in keys])
    else:
        found = tuple([known[law.id, path.id, element, key] for element, key in keys])
    status, met = judge_path(found)
    return PathResult(path, law.path_label(path, lang or language()), status, found, met)


def _fit(path: PathResult) -> tuple[int, int]:
    """How well a path fits: by status, then by how many deciding elements are met (lower is better)."""
    return ORDER[path.status], -path.met


def assess_law(law: Law, answers: dict[str, str], applies_because: str, known: Known | None = None, lang: str | None = None) -> LawResult:
    """Judge every path of one law; the law takes the status of its best path.

    Paths that fit equally well keep the law's own order (the sort is stable).
    """
    lang = lang or language()
    paths = tuple(sorted((assess_path(law, path, answers, known, lang) for path in law.paths), key=_fit))
    return LawResult(law, paths[0].status, paths[0].elements, applies_because, paths)


def candidate_laws(kb: KnowledgeBase, jurisdiction_id: str, other_id: str | None = None) -> list[tuple[Law, str]]:
    """Return each law that could apply, once, with why: where you live, its parents, the other person's."""
    seen: set[str] = set()
    result: list[tuple[Law, str]] = []
    places = [(j, _("You live in %(place)s.", place=kb.jurisdiction(jurisdiction_id).name)) for j in kb.lineage(jurisdiction_id)[:1]]
    places += [(j, _("%(place)s law applies everywhere in the country.", place=j.name)) for j in kb.lineage(jurisdiction_id)[1:]]
    if other_id and kb.jurisdiction(other_id):
        places += [
            (
                j,
                _(
                    "The other person lives in %(place)s; its laws may apply to what they do from there.",
                    place=kb.jurisdiction(other_id).name,
                ),
            )
            for j in kb.lineage(other_id)
        ]
    for jurisdiction, because in places:
        for law in jurisdiction.laws:
            if law.id not in seen:
                seen.add(law.id)
                result.append((law, because))
    return result


def assess(kb: KnowledgeBase, jurisdiction_id: str, answers: dict[str, str], known: Known | None = None) -> list[LawResult]:
    """Assess every law that could apply; most likely first, then by the file's own order.

    `known`: every element result written ahead, in the current language (the results page's).
    """
    other = answers.get("other_jurisdiction")
    other = other if other not in (None, "unsure", jurisdiction_id) else None
    candidates = candidate_laws(kb, jurisdiction_id, other)
    lang = language()
    results = [assess_law(law, answers, because, known, lang) for law, because in candidates]
    return sorted(results, key=lambda r: ORDER[r.status])
