"""Group assessed laws the way the results page presents them."""

from __future__ import annotations

from dataclasses import dataclass

from wizard.assess import LIKELY, POSSIBLE, UNLIKELY, LawResult


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
