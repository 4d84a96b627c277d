"""What the results page shows: laws grouped by status, a one-line verdict for each, and the answer
at a glance (the laws that may fit, the order to ask for, the first steps).

Pure: the web layer renders these; the API and the tests read them too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kb.i18n import _
from kb.knowledge import KnowledgeBase
from kb.model import Resource
from wizard.assess import LIKELY, POSSIBLE, UNLIKELY, LawResult
from wizard.elements import ElementResult


@dataclass(frozen=True)
class ResultGroups:
    """Crimes and civil claims by status, and protection orders by status."""

    likely: list[LawResult]
    possible: list[LawResult]
    unlikely: list[LawResult]
    orders_likely: list[LawResult]
    orders_possible: list[LawResult]
    orders_unlikely: list[LawResult]


def group_results(results: list[LawResult]) -> ResultGroups:
    """Split results into laws and protection orders, each by status."""

    def pick(status: str, orders: bool) -> list[LawResult]:
        return [r for r in results if r.status == status and (r.law.kind == "protection_order") == orders]

    return ResultGroups(
        likely=pick(LIKELY, False),
        possible=pick(POSSIBLE, False),
        unlikely=pick(UNLIKELY, False),
        orders_likely=pick(LIKELY, True),
        orders_possible=pick(POSSIBLE, True),
        orders_unlikely=pick(UNLIKELY, True),
    )


def open_part(element: ElementResult) -> str:
    """What an element left open, in a few words."""
    if element.element == "requires" and element.what:
        return element.what[:1].lower() + element.what[1:]
    return {
        "conduct": _("how many times it happened"),
        "credible_threat": _("whether there was a threat"),
        "fear": _("what you feel"),
        "relationship": _("how you know the person"),
    }.get(element.element, element.name.lower())


def _reason(element: ElementResult) -> str:
    return element.reason


def verdict(
    result: LawResult, reason: Callable[[ElementResult], str] = _reason, open_part: Callable[[ElementResult], str] = open_part
) -> str:
    """One plain line on why a law is shown as it is: what fits, what is still open, or what rules it out.

    `reason` and `open_part` say an element's words; the results page passes ones that read words it
    wrote ahead.
    """
    best = result.best
    several = len(result.paths) > 1
    if result.status == LIKELY:
        if several:
            return _("This part of the law fits what you said: %(path)s.", path=best.label)
        return _("Every part we can check fits what you said.")
    if result.status == POSSIBLE:
        parts = list(dict.fromkeys(open_part(e) for e in best.open_questions))
        return _("It depends on what we could not tell: %(parts)s.", parts="; ".join(parts))
    ruled_out = best.ruled_out_by
    return reason(ruled_out[0]) if ruled_out else _("An answer you gave does not fit this law.")


@dataclass(frozen=True)
class Glance:
    """The answer first: the laws that may fit, the order this person can most likely ask for, and help."""

    fitting: list[LawResult]
    possible_count: int
    order: LawResult | None
    hotline: Resource | None


def at_a_glance(groups: ResultGroups, kb: KnowledgeBase, jurisdiction_id: str) -> Glance:
    """Pick what the top of the results page says; the order is the best-fitting one, the hotline the nearest."""
    order = (groups.orders_likely or groups.orders_possible or [None])[0]
    hotline = next((r for j in kb.lineage(jurisdiction_id) for r in j.resources if r.kind == "hotline" and r.phone), None)
    return Glance(groups.likely, len(groups.possible), order, hotline)


__all__ = ["LIKELY", "POSSIBLE", "UNLIKELY", "Glance", "ResultGroups", "at_a_glance", "group_results", "open_part", "verdict"]
