"""The review lists advocates work through: stale laws, unconfirmed facts, topic gaps, advisories.

One pure function, `review`, gathers them so the /maintain page and `flask laws review` show the
same thing. Each item carries the file to edit, because the person fixing it works in that file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from kb.checks import WARNING, registry
from kb.i18n import N_
from kb.knowledge import KnowledgeBase
from kb.model import CONFIRMATION_GAPS, Jurisdiction, Law
from kb.problems import Problem
from kb.vocabulary import vocabulary
from maintenance.reports import coverage, is_harassment_crime, stale_laws

CORE_NEEDS = {
    "stalking_crime": N_("a stalking crime"),
    "harassment_crime": N_("a harassment-type crime"),
    "protection_order": N_("a protection order"),
}


# Warnings that the review lists in a section of their own, with more to say than the rule's summary.
OWN_LIST = ("translation-stale", "translation-source")


@dataclass(frozen=True)
class UnconfirmedItem:
    """One fact of one law that the researcher could not confirm."""

    law: Law
    field: str
    reason: str
    path: str


@dataclass(frozen=True)
class TopicGap:
    """A jurisdiction without a law of its own for a core need, or for a topic."""

    jurisdiction: Jurisdiction
    missing_core: tuple[str, ...]
    national_cover: tuple[str, ...]  # core needs that a parent's (national) law meets
    missing_topics: tuple[str, ...]


@dataclass(frozen=True)
class Advisory:
    """Something worth a second look in a file: not an error, so the file is still served."""

    path: str
    subject: str  # a law id or a jurisdiction id
    rule: str
    message: str


@dataclass(frozen=True)
class StaleTranslation:
    """A translation made from English that has changed since, or one that does not say what it was made from."""

    law: Law
    language: str
    written_for: str | None  # the fingerprint it records; None when it records none
    english_now: str  # the fingerprint of today's English
    path: str


@dataclass(frozen=True)
class Review:
    """Every list on the maintenance dashboard, for one day and one staleness threshold."""

    today: date
    months: int
    stale: list[Law]
    unconfirmed: list[UnconfirmedItem]
    gaps: list[TopicGap]
    problems: list[Problem]
    advisories: list[Advisory]
    files: dict[str, str]  # jurisdiction id -> the file that holds it
    translations: list[StaleTranslation] = field(default_factory=list)  # stale first, then without a fingerprint
    not_confirmed: list[Law] = field(default_factory=list)  # by jurisdiction, each with its confirmation gaps

    def only(self, jurisdiction: Jurisdiction) -> Review:
        """The same review narrowed to one jurisdiction and its file."""
        path = file_to_edit(jurisdiction.source_path)
        return replace(
            self,
            stale=[law for law in self.stale if law.jurisdiction_id == jurisdiction.id],
            unconfirmed=[item for item in self.unconfirmed if item.law.jurisdiction_id == jurisdiction.id],
            gaps=[gap for gap in self.gaps if gap.jurisdiction.id == jurisdiction.id],
            problems=[p for p in self.problems if p.path == path],
            advisories=[a for a in self.advisories if a.path == path],
            translations=[t for t in self.translations if t.law.jurisdiction_id == jurisdiction.id],
            not_confirmed=[law for law in self.not_confirmed if law.jurisdiction_id == jurisdiction.id],
        )

    @property
    def stale_translations(self) -> list[StaleTranslation]:
        """Translations made from English that has changed since."""
        return [t for t in self.translations if t.written_for is not None]

    @property
    def unstamped_translations(self) -> list[StaleTranslation]:
        """Translations that do not record the English they were made from."""
        return [t for t in self.translations if t.written_for is None]


def file_to_edit(path: str) -> str:
    """The file as editors know it, `jurisdictions/<country>/<code>.yaml`, wherever the data is deployed.

    Law files always sit one country folder below the law folder (the file-name rule), so the last
    two parts name the file; a deployment's own folders never appear on a public page.
    """
    return "jurisdictions/" + "/".join(Path(path).parts[-2:])


def unconfirmed_items(kb: KnowledgeBase, jurisdiction_id: str | None = None) -> list[UnconfirmedItem]:
    """Every unconfirmed fact, by jurisdiction, law and field."""
    items = []
    for _, _, members in kb.by_country():
        for j in members:
            if jurisdiction_id and j.id != jurisdiction_id:
                continue
            for law in j.laws:
                items.extend(UnconfirmedItem(law, u.field, u.reason, file_to_edit(j.source_path)) for u in law.unconfirmed)
    return items


def not_confirmed_laws(kb: KnowledgeBase) -> list[Law]:
    """Every law not yet confirmed, in browsing order (each says why in `confirmation_gaps`)."""
    return [law for _, _, members in kb.by_country() for j in members for law in j.laws if not law.confirmed]


def gaps_text(law: Law) -> str:
    """A law's confirmation gaps in one line: what to read or write next, and what it concerns."""
    parts = []
    for gap in law.confirmation_gaps:
        items = f" ({', '.join(gap.items)})" if gap.items else ""
        parts.append(CONFIRMATION_GAPS[gap.kind] + items)
    return "; ".join(parts)


def _meets(need: str, laws) -> bool:
    if need == "stalking_crime":
        return any(law.kind == "crime" and "stalking" in law.topics for law in laws)
    if need == "harassment_crime":
        return any(is_harassment_crime(law) for law in laws)
    return any(law.kind == "protection_order" for law in laws)


def translation_items(kb: KnowledgeBase) -> list[StaleTranslation]:
    """Every translation whose English has changed since it was written (then every one that does not
    say what it was made from), by jurisdiction and law."""
    stale, unstamped = [], []
    for _, _, members in kb.by_country():
        for j in members:
            for law in j.laws:
                for code, translated in law.translations:
                    now = law.english_fingerprint(code)
                    item = StaleTranslation(law, code, translated.source, now, file_to_edit(j.source_path))
                    if translated.source is None:
                        unstamped.append(item)
                    elif translated.source != now:
                        stale.append(item)
    return stale + unstamped


def topic_gaps(kb: KnowledgeBase) -> list[TopicGap]:
    """Jurisdictions missing a core need or a topic among their own laws.

    A need met only by national law is still listed, with the national cover named, so that a
    region relying on its country's criminal code is visible without being called uncovered.
    """
    topics = list(vocabulary()["topics"])
    gaps = []
    for row in coverage(kb):
        j = row.jurisdiction
        missing = tuple(need for need in CORE_NEEDS if not getattr(row, need))
        if not row.protection_order and j.type == "federal":
            missing = tuple(need for need in missing if need != "protection_order")
        national = [law for parent in kb.lineage(j.id)[1:] for law in parent.laws]
        cover = tuple(need for need in missing if _meets(need, national))
        missing_topics = tuple(t for t in topics if not row.topic_counts[t])
        if missing or missing_topics:
            gaps.append(TopicGap(j, missing, cover, missing_topics))
    return gaps


def advisories(kb: KnowledgeBase, problems: list[Problem]) -> list[Advisory]:
    """The warnings of the load (rules of level "warning"), each about a law or a jurisdiction."""
    by_file = {file_to_edit(j.source_path): j for j in kb.jurisdictions.values()}
    found = []
    for problem in problems:
        if problem.severity != WARNING or problem.rule in OWN_LIST:
            continue
        path = file_to_edit(problem.path)
        jurisdiction = by_file.get(path)
        subject = jurisdiction.id if jurisdiction else path
        index = re.match(r"laws\[(\d+)\]", problem.field)
        if jurisdiction and index and int(index.group(1)) < len(jurisdiction.laws):
            subject = jurisdiction.laws[int(index.group(1))].id
        found.append(Advisory(path, subject, problem.rule, registry()[problem.rule].summary))
    return sorted(found, key=lambda a: (a.path, a.subject, a.rule))


def review(kb: KnowledgeBase, problems: list[Problem], today: date, months: int = 12) -> Review:
    """Gather the dashboard's lists; `problems` are the load problems of files not served as written."""
    return Review(
        today=today,
        months=months,
        stale=stale_laws(kb, months, today),
        unconfirmed=unconfirmed_items(kb),
        gaps=topic_gaps(kb),
        problems=[replace(p, path=file_to_edit(p.path)) for p in problems if p.severity != WARNING],
        advisories=advisories(kb, problems),
        files={j.id: file_to_edit(j.source_path) for j in kb.jurisdictions.values()},
        translations=translation_items(kb),
        not_confirmed=not_confirmed_laws(kb),
    )


def review_text(found: Review) -> list[str]:
    """The review as terminal lines, one item per line, each ending with the file to edit."""
    lines = [f"Not checked in {found.months} months: {len(found.stale)}"]
    lines += [f"  {law.checked.date}  {law.id}  {law.citation}  [{found.files[law.jurisdiction_id]}]" for law in found.stale]
    lines.append(f"Facts marked unconfirmed: {len(found.unconfirmed)}")
    lines += [f"  {item.law.id}  {item.field}: {item.reason}  [{item.path}]" for item in found.unconfirmed]
    lines.append(f"Laws not confirmed: {len(found.not_confirmed)}")
    lines += [f"  {law.id}  {gaps_text(law)}  [{found.files[law.jurisdiction_id]}]" for law in found.not_confirmed]
    lines.append(f"Jurisdictions missing a topic: {len(found.gaps)}")
    for gap in found.gaps:
        core = ", ".join(CORE_NEEDS[n] + (" (national law has one)" if n in gap.national_cover else "") for n in gap.missing_core)
        topics = ", ".join(gap.missing_topics) or "none"
        lines.append(f"  {gap.jurisdiction.id}  core: {core or 'none missing'}; topics: {topics}  [{found.files[gap.jurisdiction.id]}]")
    lines.append(f"Translations older than their English: {len(found.stale_translations)}")
    lines += [
        f"  {t.law.id} ({t.language})  written for {t.written_for}, the English is now {t.english_now}  [{t.path}]"
        for t in found.stale_translations
    ]
    lines.append(f"Translations without a source fingerprint: {len(found.unstamped_translations)}")
    lines += [f"  {t.law.id} ({t.language})  the English is now {t.english_now}  [{t.path}]" for t in found.unstamped_translations]
    lines.append(f"Files with problems: {len({p.path for p in found.problems})}")
    lines += [f"  {p.format()}" for p in found.problems]
    lines.append(f"Warnings: {len(found.advisories)}")
    lines += [f"  {a.subject}  {a.message} ({a.rule})  [{a.path}]" for a in found.advisories]
    return lines
