"""Maintainers' reports: stale laws and topic coverage, as plain data and as text tables."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kb.knowledge import KnowledgeBase
from kb.model import CONFIRMATION_GAPS, Jurisdiction, Law
from kb.vocabulary import vocabulary
from maintenance.readability import english_grade, inflesz, median

HARASSMENT_TOPICS = {"harassment", "cyberstalking", "threats"}


def is_harassment_crime(law: Law) -> bool:
    """A crime whose main topic (its first) is harassment, cyberstalking or threats.

    A stalking law that also mentions harassment does not count: coverage should show whether a
    separate harassment-type crime exists.
    """
    return law.kind == "crime" and law.topics[0] in HARASSMENT_TOPICS


def _is_stalking_crime(law: Law) -> bool:
    return law.kind == "crime" and "stalking" in law.topics


def months_before(day: date, months: int) -> date:
    """Return the date `months` calendar months before `day` (clamped to the month's end)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError("unreachable")


def stale_laws(kb: KnowledgeBase, months: int, today: date) -> list[Law]:
    """Return laws not checked in `months` months, oldest check first."""
    cutoff = months_before(today, months).isoformat()
    return sorted((law for law in kb.laws.values() if law.checked.date < cutoff), key=lambda law: (law.checked.date, law.id))


@dataclass(frozen=True)
class CoverageRow:
    """One jurisdiction's coverage: counts per topic, and the three core checks."""

    jurisdiction: Jurisdiction
    topic_counts: dict[str, int]
    topic_unconfirmed: dict[str, bool]
    stalking_crime: bool
    harassment_crime: bool
    protection_order: bool
    law_count: int
    confirmed_count: int
    # Cover from elsewhere: criminal law made nationally (Canada's Criminal Code) or orders made
    # regionally (US, UK and Australian orders are state or nation law).
    national_stalking: bool = False
    national_harassment: bool = False
    civil_remedy: bool = False
    regional_orders: bool = False

    @property
    def crime_cover(self) -> bool:
        """A stalking or harassment-type crime applies here: its own, or its country's."""
        return self.stalking_crime or self.harassment_crime or self.national_stalking or self.national_harassment

    @property
    def remedy_cover(self) -> bool:
        """An order or a civil remedy is available: its own, or (for a national file) its regions'."""
        return self.protection_order or self.civil_remedy or self.regional_orders

    @property
    def confirmed_share(self) -> float:
        """The share of this jurisdiction's laws confirmed against their text (0 to 1)."""
        return self.confirmed_count / self.law_count if self.law_count else 0.0


def coverage(kb: KnowledgeBase) -> list[CoverageRow]:
    """Return one coverage row per jurisdiction, in browsing order."""
    topics = list(vocabulary()["topics"])
    rows = []
    for _, _, members in kb.by_country():
        for j in members:
            counts = {t: sum(1 for law in j.laws if t in law.topics) for t in topics}
            unconfirmed = {t: any(not law.confirmed for law in j.laws if t in law.topics) for t in topics}
            national = [law for parent in kb.lineage(j.id)[1:] for law in parent.laws]
            children = kb.children(j.id)
            rows.append(
                CoverageRow(
                    jurisdiction=j,
                    topic_counts=counts,
                    topic_unconfirmed=unconfirmed,
                    stalking_crime=any(_is_stalking_crime(law) for law in j.laws),
                    harassment_crime=any(is_harassment_crime(law) for law in j.laws),
                    protection_order=any(law.kind == "protection_order" for law in j.laws),
                    law_count=len(j.laws),
                    confirmed_count=sum(1 for law in j.laws if law.confirmed),
                    national_stalking=any(_is_stalking_crime(law) for law in national),
                    national_harassment=any(is_harassment_crime(law) for law in national),
                    civil_remedy=any(law.kind == "civil_claim" for law in j.laws),
                    regional_orders=bool(children) and all(any(law.kind == "protection_order" for law in c.laws) for c in children),
                )
            )
    return rows


TOPIC_ABBREVIATIONS = {
    "stalking": "stalk",
    "harassment": "har",
    "cyberstalking": "cyber",
    "threats": "thr",
    "intimate_images": "img",
    "sextortion": "sext",
    "impersonation": "imp",
    "surveillance": "surv",
    "doxing": "dox",
    "domestic_violence": "dv",
}


def _cell(count: int, unconfirmed: bool) -> str:
    return f"{count}{'?' if unconfirmed and count else ''}" if count else "-"


def coverage_text(rows: list[CoverageRow]) -> str:
    """Render the coverage table as fixed-width text for the terminal."""
    topics = list(TOPIC_ABBREVIATIONS)
    header = ["jurisdiction", "laws", "conf%", "S", "H", "PO"] + [TOPIC_ABBREVIATIONS[t] for t in topics]
    body = []
    for row in rows:
        body.append(
            [
                row.jurisdiction.id,
                str(row.law_count),
                f"{round(100 * row.confirmed_share)}",
                _crime_cell(row.stalking_crime, row.national_stalking),
                _crime_cell(row.harassment_crime, row.national_harassment),
                _remedy_cell(row),
            ]
            + [_cell(row.topic_counts[t], row.topic_unconfirmed[t]) for t in topics]
        )
    widths = [max(len(r[i]) for r in [header] + body) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(r)).rstrip() for r in [header] + body]
    complete = sum(1 for r in rows if r.stalking_crime and r.harassment_crime and r.protection_order)
    covered = sum(1 for r in rows if r.crime_cover and r.remedy_cover)
    lines.append("")
    lines.append(
        "S = a stalking crime, H = a harassment-type crime, PO = a protection order; '?' = a law in the cell has an unconfirmed fact."
    )
    lines.append(
        "nat = none of its own, but its country's national law has one; civ = no order, but a civil claim;"
        " reg = a national file whose regions all have orders."
    )
    lines.append(
        f"{len(rows)} jurisdictions, {sum(r.law_count for r in rows)} laws; "
        f"{complete} with a stalking crime, a harassment crime and a protection order of their own; "
        f"{covered} covered by a stalking or harassment crime and an order or civil remedy (own, national or regional)."
    )
    return "\n".join(lines)


def _crime_cell(own: bool, national: bool) -> str:
    return "yes" if own else "nat" if national else "NO"


def _remedy_cell(row: CoverageRow) -> str:
    if row.protection_order:
        return "yes"
    return "civ" if row.civil_remedy else "reg" if row.regional_orders else "NO"


def coverage_markdown(rows: list[CoverageRow]) -> str:
    """Render docs/coverage.md: law counts and confirmed shares per jurisdiction, from the data."""
    lines = [
        "# Coverage",
        "",
        "Generated from the law files by `flask --app app laws coverage --format markdown`; do not edit by hand",
        "(a test fails when this page and the data disagree; `make coverage-doc` rewrites it).",
        "",
        "*Confirmed* means the law was read in its text (the official code or a reliable copy) and no legal fact",
        "in it (elements, penalty, summary, citation, currency of the copy) is marked unconfirmed. Most laws were",
        "read in reliable copies because the legislatures' own pages were not available to the researchers;",
        "their official links are marked unconfirmed on each law page.",
        "",
        "| Jurisdiction | Id | Laws | Confirmed | Stalking crime | Harassment-type crime | Protection order |",
        "|---|---|---:|---:|:---:|:---:|:---:|",
    ]
    for row in rows:
        j = row.jurisdiction
        lines.append(
            f"| {j.name} | `{j.id}` | {row.law_count} | {row.confirmed_count} ({round(100 * row.confirmed_share)}%) | "
            f"{_crime_mark(row.stalking_crime, row.national_stalking)} | {_crime_mark(row.harassment_crime, row.national_harassment)} | "
            f"{_order_mark(row)} |"
        )
    total = sum(r.law_count for r in rows)
    confirmed = sum(r.confirmed_count for r in rows)
    share = round(100 * confirmed / total) if total else 0
    lines += [
        "",
        f"**{len(rows)} jurisdictions, {total} laws, {confirmed} confirmed ({share}%).**",
        "",
        "*In national law*: the region has no such crime of its own because criminal law there is made",
        "nationally (Canada's Criminal Code), and the national file has one. *None at national level*: orders",
        "are made under regional law (US states, the UK's nations, Australian states).",
        "",
    ]
    lines += gaps_markdown(rows)
    lines += english_markdown(rows)
    lines += spanish_markdown(rows)
    return "\n".join(lines)


def gap_counts(laws) -> dict[str, int]:
    """How many of `laws` have each confirmation gap (a law can have several)."""
    counts = dict.fromkeys(CONFIRMATION_GAPS, 0)
    for law in laws:
        for gap in law.confirmation_gaps:
            counts[gap.kind] += 1
    return counts


GAP_HEADINGS = {
    "no_text": "No text stored",
    "not_paths": "Not written as paths",
    "no_evidence": "Evidence missing",
    "text_incomplete": "Text not seen in full",
    "text_unreliable": "Copy not reliable",
    "facts_marked": "Facts marked unconfirmed",
}


def gaps_markdown(rows: list[CoverageRow]) -> list[str]:
    """The section of docs/coverage.md that says what keeps each jurisdiction's laws from being confirmed."""
    lines = [
        "## What keeps laws from being confirmed",
        "",
        "For each jurisdiction with laws not yet confirmed: how many laws have each gap (a law can have several).",
        "*Text not seen in full*: a stored copy stops before a part the law needs, which the text file names;",
        "*Facts marked unconfirmed*: the law says which fact rests on something not read, and why. `flask --app",
        "app laws review` lists every such law with its gaps.",
        "",
        "| Jurisdiction | Id | Not confirmed | " + " | ".join(GAP_HEADINGS[k] for k in CONFIRMATION_GAPS) + " |",
        "|---|---|---:|" + "---:|" * len(CONFIRMATION_GAPS),
    ]
    for row in rows:
        open_laws = [law for law in row.jurisdiction.laws if not law.confirmed]
        if not open_laws:
            continue
        counts = gap_counts(open_laws)
        j = row.jurisdiction
        lines.append(f"| {j.name} | `{j.id}` | {len(open_laws)} | " + " | ".join(str(counts[k]) for k in CONFIRMATION_GAPS) + " |")
    every = [law for row in rows for law in row.jurisdiction.laws if not law.confirmed]
    totals = gap_counts(every)
    lines += [
        "",
        f"**{len(every)} laws not confirmed: " + ", ".join(f"{totals[k]} {GAP_HEADINGS[k].lower()}" for k in CONFIRMATION_GAPS) + ".**",
        "",
    ]
    return lines


ENGLISH_AIM, ENGLISH_LIMIT = 8.0, 12.0  # Flesch-Kincaid grade: the aim for the median, the most for any summary


@dataclass(frozen=True)
class EnglishReadability:
    """How one jurisdiction's English summaries read (Flesch-Kincaid grade, maintenance/readability.py)."""

    jurisdiction: Jurisdiction
    law_count: int
    median: float | None
    hardest: tuple[float, str] | None  # (grade, law id) of the hardest summary
    above_aim: int
    above_limit: int
    grades: tuple[float, ...] = ()  # every summary's grade, for the totals


def english_readability(rows: list[CoverageRow]) -> list[EnglishReadability]:
    """One line per jurisdiction with laws, in the coverage table's order."""
    found = []
    for row in rows:
        graded = [(round(english_grade(law.summary), 1), law.id) for law in row.jurisdiction.laws]
        if not graded:
            continue
        found.append(
            EnglishReadability(
                jurisdiction=row.jurisdiction,
                law_count=len(graded),
                median=median([grade for grade, _ in graded]),
                hardest=max(graded),
                above_aim=sum(1 for grade, _ in graded if grade > ENGLISH_AIM),
                above_limit=sum(1 for grade, _ in graded if grade > ENGLISH_LIMIT),
                grades=tuple(grade for grade, _ in graded),
            )
        )
    return found


def english_markdown(rows: list[CoverageRow]) -> list[str]:
    """The English section of docs/coverage.md: how plainly each jurisdiction's summaries read."""
    found = english_readability(rows)
    lines = [
        "## English summaries",
        "",
        "How plainly the English summaries read, by the Flesch-Kincaid grade (a US school grade, from the textstat",
        "library; `flask --app app laws readability` scores each law). The aim: a median of grade",
        f"{ENGLISH_AIM:.0f} or below, and no summary above grade {ENGLISH_LIMIT:.0f}.",
        "",
        f"| Jurisdiction | Id | Laws | Median grade | Hardest summary | Above {ENGLISH_AIM:.0f} | Above {ENGLISH_LIMIT:.0f} |",
        "|---|---|---:|---:|---|---:|---:|",
    ]
    for item in found:
        grade, law_id = item.hardest
        lines.append(
            f"| {item.jurisdiction.name} | `{item.jurisdiction.id}` | {item.law_count} | {item.median} | "
            f"{grade} (`{law_id}`) | {item.above_aim} | {item.above_limit} |"
        )
    us = [grade for item in found if item.jurisdiction.country == "us" for grade in item.grades]
    other = [grade for item in found if item.jurisdiction.country != "us" for grade in item.grades]
    lines += [
        "",
        f"**US laws: {len(us)}, median grade {median(us)}, {sum(1 for g in us if g > ENGLISH_LIMIT)} above "
        f"{ENGLISH_LIMIT:.0f}. Other countries: {len(other)}, median grade {median(other)}, "
        f"{sum(1 for g in other if g > ENGLISH_LIMIT)} above {ENGLISH_LIMIT:.0f}.**",
        "",
    ]
    return lines


SPANISH_AIM = 55.0  # INFLESZ: 55 or more reads as "normal"


@dataclass(frozen=True)
class SpanishReadability:
    """How one jurisdiction's Spanish summaries read (INFLESZ, maintenance/readability.py)."""

    jurisdiction: Jurisdiction
    translated: int
    law_count: int
    median: float | None
    hardest: tuple[float, str] | None  # (score, law id) of the hardest summary
    below_aim: int
    stale: int  # translations made from English that has changed since


def spanish_readability(rows: list[CoverageRow]) -> list[SpanishReadability]:
    """One line per jurisdiction with Spanish summaries, in the coverage table's order."""
    found = []
    for row in rows:
        scored = [(inflesz(law.translation("es").summary), law.id) for law in row.jurisdiction.laws if law.translation("es")]
        if not scored:
            continue
        found.append(
            SpanishReadability(
                jurisdiction=row.jurisdiction,
                translated=len(scored),
                law_count=row.law_count,
                median=median([score for score, _ in scored]),
                hardest=min(scored),
                below_aim=sum(1 for score, _ in scored if score < SPANISH_AIM),
                stale=sum(1 for law in row.jurisdiction.laws if law.translation_stale("es")),
            )
        )
    return found


def spanish_markdown(rows: list[CoverageRow]) -> list[str]:
    """The Spanish section of docs/coverage.md: which summaries are translated, and how plainly they read."""
    found = spanish_readability(rows)
    lines = [
        "## Spanish summaries",
        "",
        "How plainly the Spanish summaries read, by the Szigriszt-Pazos perspicuity on the INFLESZ scale, with our",
        "own Spanish syllable count (`maintenance/readability.py`; `flask --app app laws readability` scores each",
        f"law): {SPANISH_AIM:.0f} or more reads as normal, 65 or more as fairly easy, under 40 as very hard. The aim is",
        f"{SPANISH_AIM:.0f} or more for every summary: short sentences and everyday words. *To update* counts translations",
        "made from English that has changed since (see [translating.md](translating.md#when-the-english-changes)).",
        "",
        "| Jurisdiction | Id | Translated | Median INFLESZ | Hardest summary | Below 55 | To update |",
        "|---|---|---:|---:|---|---:|---:|",
    ]
    for item in found:
        score, law_id = item.hardest
        lines.append(
            f"| {item.jurisdiction.name} | `{item.jurisdiction.id}` | {item.translated} of {item.law_count} | {item.median} | "
            f"{score} (`{law_id}`) | {item.below_aim} | {item.stale} |"
        )
    scores = [inflesz(law.translation("es").summary) for row in rows for law in row.jurisdiction.laws if law.translation("es")]
    lines += [
        "",
        f"**{len(scores)} laws in {len(found)} jurisdictions have a Spanish summary; median INFLESZ {median(scores)}; "
        f"{sum(1 for s in scores if s < SPANISH_AIM)} below {SPANISH_AIM:.0f}; "
        f"{sum(item.stale for item in found)} to update.**",
        "",
    ]
    return lines


def _crime_mark(own: bool, national: bool) -> str:
    """Criminal law may be national only (Canada's Criminal Code): say so rather than 'missing'."""
    return "yes" if own else "in national law" if national else "**missing**"


def _order_mark(row: CoverageRow) -> str:
    """National law may leave protection orders to the regions (US and UK orders are regional)."""
    if row.protection_order:
        return "yes"
    if row.regional_orders or (row.jurisdiction.type == "federal" and not row.jurisdiction.parent):
        return "none at national level" + (" (civil claim)" if row.civil_remedy else "")
    return "civil claim only" if row.civil_remedy else "**missing**"
