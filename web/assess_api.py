"""The questionnaire's JSON API: GET /api/v1/questions and POST /api/v1/assess.

Bad input gets a 400 naming the field and the allowed values; the body is never logged.
"""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from kb.i18n import translate_text
from kb.vocabulary import facts
from web.i18n import current_language
from web.pages import current_kb
from web.security import NO_STORE_ENDPOINTS
from wizard.answers import check_answers
from wizard.assess import assess
from wizard.flow import load_flow

bp = Blueprint("assess_api", __name__, url_prefix="/api/v1")


def _error(field: str, message: str, allowed=()):
    body = {"error": {"status": 400, "field": field, "message": message}}
    if allowed:
        body["error"]["allowed"] = list(allowed)
    return jsonify(body), 400


@bp.get("/questions")
def questions():
    """Return the question flow and the fact vocabulary, so another client can ask the same questions."""
    flow = load_flow()

    def words(labels: dict[str, str]) -> dict[str, str] | None:
        return {key: translate_text(text) for key, text in labels.items()} or None

    return jsonify(
        {
            "language": current_language(),
            "facts": {name: {"label": translate_text(fact.label), "values": words(fact.values)} for name, fact in facts().items()},
            "questions": [
                {
                    "id": q.id,
                    "kind": q.kind,
                    "sets": list(q.keys),
                    "is_fact": q.step is None,
                    "text": translate_text(q.text),
                    "help": translate_text(q.help),
                    "answers": words(q.answers),
                    "options": words(q.options),
                    "show_if": q.show_if,
                }
                for q in flow.questions
            ],
        }
    )


def _element_to_dict(e) -> dict:
    return {"element": e.element, "name": e.name, "status": e.status, "reason": e.reason, "decisive": e.decisive}


def _path_to_dict(judged) -> dict:
    penalty = judged.path.penalty
    return {
        "id": judged.path.id,
        "label": judged.label,
        "pinpoint": judged.path.pinpoint,
        "status": judged.status,
        "elements": [_element_to_dict(e) for e in judged.elements],
        "penalty": {"class": penalty.penalty_class, "detail": penalty.detail} if penalty else None,
    }


def _result_to_dict(result) -> dict:
    law = result.law
    return {
        "law_id": law.id,
        "jurisdiction": law.jurisdiction_id,
        "citation": law.citation,
        "title": law.title,
        "kind": law.kind,
        "url": law.url,
        "status": result.status,
        "applies_because": result.applies_because,
        "elements": [_element_to_dict(e) for e in result.elements],
        "paths": [_path_to_dict(judged) for judged in result.paths],
        "checked": law.checked.date,
        "confirmed": law.confirmed,
    }


@bp.post("/assess")
def assess_answers():
    """Assess answers against every law that could apply; see the OpenAPI document for the shape."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        return _error("body", 'send a JSON object: {"jurisdiction": "us-ca", "answers": {"incidents": "one", ...}}')
    kb = current_kb()
    unknown = sorted(set(body) - {"jurisdiction", "answers"})
    if unknown:
        name = unknown[0]
        return _error(name or "body", f"'{name[:60]}' is not a field of this request", ["jurisdiction", "answers"])
    jurisdiction = body.get("jurisdiction")
    if not isinstance(jurisdiction, str) or kb.jurisdiction(jurisdiction) is None:
        return _error("jurisdiction", "jurisdiction must be the id of a jurisdiction we have", sorted(kb.jurisdictions))
    raw = body.get("answers", {})
    if not isinstance(raw, dict):
        return _error("answers", "answers must be an object of fact names and values")
    if "jurisdiction" in raw and raw["jurisdiction"] != jurisdiction:
        return _error("answers.jurisdiction", "leave jurisdiction out of answers, or give the same id as the top-level jurisdiction")
    answers, errors = check_answers(raw, kb)
    if errors:
        first = errors[0]
        return _error(f"answers.{first.field}", first.message, first.allowed)
    answers["jurisdiction"] = jurisdiction
    results = assess(kb, jurisdiction, answers)
    return jsonify(
        {
            "jurisdiction": jurisdiction,
            "disclaimer": "Legal information, not legal advice: these laws may apply.",
            "results": [_result_to_dict(r) for r in results],
        }
    )


NO_STORE_ENDPOINTS.add("assess_api.assess_answers")
