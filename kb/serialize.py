"""Plain dict forms of the model for the JSON API and exports (one shape, used everywhere)."""

from __future__ import annotations

from kb.describe import describe_elements
from kb.knowledge import KnowledgeBase
from kb.model import Elements, Evidence, Jurisdiction, Law, Path
from kb.texts import StatuteText


def elements_to_dict(e: Elements) -> dict:
    """One set of elements (a path's, or a law's summary of its paths) as JSON-ready data."""
    relationship = None
    if e.relationship is not None:
        relationship = [_relationship_entry(e, who) for who in e.relationship]
    return {
        "conduct": e.conduct,
        "min_acts": e.min_acts,
        "intent": list(e.intent),
        "intent_mode": e.intent_mode,
        "fear": {"kinds": list(e.fear.kinds), "test": e.fear.test},
        "credible_threat": e.credible_threat,
        "electronic": e.electronic,
        "relationship": relationship,
        "requires": [
            {
                "describe": r.describe,
                "when": r.when.to_raw() if r.when is not None else None,
                "evidence": _evidence(r.evidence),
            }
            for r in e.requires
        ],
    }


def _relationship_entry(e: Elements, who: str) -> str | dict:
    condition = e.condition_for(who)
    if condition is None:
        return who
    entry: dict = {"who": who}
    if condition.when is not None:
        entry["when"] = condition.when.to_raw()
    if condition.describe:
        entry["describe"] = condition.describe
    return entry


def _evidence(found: Evidence | None) -> dict | None:
    return {"pinpoint": found.pinpoint, "quote": found.quote} if found else None


def _words(law: Law, path: Path | None = None) -> list[dict]:
    return [{"element": t.key, "name": t.name, "text": t.text, "unconfirmed": t.unconfirmed} for t in describe_elements(law, path)]


def path_to_dict(law: Law, path: Path) -> dict:
    """One path of a law: its subsection, elements, the statute's words for each, and its penalty tier."""
    return {
        "id": path.id,
        "label": path.label,
        "pinpoint": path.pinpoint,
        "elements": elements_to_dict(path.elements),
        "elements_in_words": _words(law, path),
        "evidence": {name: _evidence(found) for name, found in path.evidence},
        "penalty": {"class": path.penalty.penalty_class, "detail": path.penalty.detail} if path.penalty else None,
        "notes": list(path.notes),
    }


def text_to_dict(text: StatuteText) -> dict:
    """One stored section: where it was read, its date, what was not seen, and its words."""
    return {
        "id": text.id,
        "citation": text.citation,
        "heading": text.heading,
        "source": text.source,
        "source_type": text.source_type,
        "as_of": text.as_of,
        "read": text.read,
        "complete": text.complete,
        "not_seen": [{"part": p.part, "reason": p.reason} for p in text.not_seen],
        "omitted": [{"part": p.part, "reason": p.reason} for p in text.omitted],
        "text": text.body.strip(),
    }


def law_text_to_dict(law: Law) -> dict | None:
    """The law's stored statute text: the main section's source and date, completeness, and every section."""
    if not law.texts:
        return None
    main = law.texts[0]
    return {
        "source": main.source,
        "source_type": main.source_type,
        "as_of": main.as_of,
        "complete": all(text.complete for text in law.texts),
        "sections": [text_to_dict(text) for text in law.texts],
    }


def law_to_dict(law: Law) -> dict:
    """Return a law as JSON-ready data: its paths (always one or more), elements in words, and stored text."""
    return {
        "id": law.id,
        "jurisdiction": law.jurisdiction_id,
        "title": law.title,
        "citation": law.citation,
        "url": law.url,
        "kind": law.kind,
        "topics": list(law.topics),
        "summary": law.summary,
        "elements": elements_to_dict(law.elements),
        "elements_in_words": _words(law),
        "paths": [path_to_dict(law, path) for path in law.paths],
        "text": law_text_to_dict(law),
        "penalty": {"class": law.penalty.penalty_class, "detail": law.penalty.detail},
        "notes": list(law.notes),
        "checked": {"date": law.checked.date, "source": law.checked.source, "source_type": law.checked.source_type},
        "anchored": law.anchored,
        "confirmed": law.confirmed,
        "unconfirmed": [{"field": u.field, "reason": u.reason} for u in law.unconfirmed],
        "history": [{"date": h.date, "change": h.change, "reference": h.reference} for h in law.history],
        "translations": {
            code: {
                "title": t.title,
                "summary": t.summary,
                "penalty_detail": t.penalty_detail,
                "paths": {path_id: {"label": found.label} for path_id, found in t.paths},
                "source": t.source,
                "stale": law.translation_stale(code),
            }
            for code, t in law.translations
        },
    }


def jurisdiction_summary(jurisdiction: Jurisdiction) -> dict:
    """Return a jurisdiction's identity and counts, without its laws."""
    return {
        "id": jurisdiction.id,
        "name": jurisdiction.name,
        "country": jurisdiction.country,
        "type": jurisdiction.type,
        "parent": jurisdiction.parent,
        "last_reviewed": jurisdiction.last_reviewed,
        "law_count": len(jurisdiction.laws),
    }


def jurisdiction_to_dict(jurisdiction: Jurisdiction, kb: KnowledgeBase) -> dict:
    """Return a jurisdiction with its laws, resources, and the ids of laws that also apply from parents."""
    also_apply = [law.id for parent in kb.lineage(jurisdiction.id)[1:] for law in parent.laws]
    return {
        **jurisdiction_summary(jurisdiction),
        "resources": [
            {
                "name": r.name,
                "url": r.url,
                "kind": r.kind,
                "phone": r.phone,
                "description": r.description,
                "languages": list(r.languages),
                "translations": {
                    code: {
                        "description": text,
                        **({"phone": dict(r.phone_translations)[code]} if code in dict(r.phone_translations) else {}),
                    }
                    for code, text in r.translations
                },
                "checked": {"date": r.checked.date, "source": r.checked.source},
            }
            for r in jurisdiction.resources
        ],
        "laws": [law_to_dict(law) for law in jurisdiction.laws],
        "also_applies": also_apply,
    }
