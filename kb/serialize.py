"""Plain dict forms of the model for the JSON API and exports (one shape, used everywhere)."""

from __future__ import annotations

from kb.describe import describe_elements
from kb.knowledge import KnowledgeBase
from kb.model import Jurisdiction, Law


def law_to_dict(law: Law) -> dict:
    """Return a law as JSON-ready data, with its elements both structured and in plain words."""
    e = law.elements
    elements = {
        "conduct": e.conduct,
        "min_acts": e.min_acts,
        "intent": list(e.intent),
        "fear": {"kinds": list(e.fear.kinds), "test": e.fear.test},
        "credible_threat": e.credible_threat,
        "electronic": e.electronic,
        "relationship": list(e.relationship) if e.relationship is not None else None,
        "requires": [{"describe": r.describe, "when": r.when} for r in e.requires],
    }
    return {
        "id": law.id,
        "jurisdiction": law.jurisdiction_id,
        "title": law.title,
        "citation": law.citation,
        "url": law.url,
        "kind": law.kind,
        "topics": list(law.topics),
        "summary": law.summary,
        "elements": elements,
        "elements_in_words": [
            {"element": t.key, "name": t.name, "text": t.text, "unconfirmed": t.unconfirmed} for t in describe_elements(law)
        ],
        "penalty": {"class": law.penalty.penalty_class, "detail": law.penalty.detail},
        "notes": list(law.notes),
        "checked": {"date": law.checked.date, "source": law.checked.source, "source_type": law.checked.source_type},
        "confirmed": law.confirmed,
        "unconfirmed": [{"field": u.field, "reason": u.reason} for u in law.unconfirmed],
        "history": [{"date": h.date, "change": h.change, "reference": h.reference} for h in law.history],
        "translations": {
            code: {"title": t.title, "summary": t.summary, "penalty_detail": t.penalty_detail} for code, t in law.translations
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
                "checked": {"date": r.checked.date, "source": r.checked.source},
            }
            for r in jurisdiction.resources
        ],
        "laws": [law_to_dict(law) for law in jurisdiction.laws],
        "also_applies": also_apply,
    }
