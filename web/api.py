"""The read-only JSON API (v1) and its OpenAPI document."""

from __future__ import annotations

from flask import Blueprint, abort, jsonify

from kb.schema import law_file_schema
from kb.serialize import jurisdiction_summary, jurisdiction_to_dict, law_to_dict
from web.openapi import openapi_document
from web.pages import current_kb

bp = Blueprint("api", __name__, url_prefix="/api/v1")


@bp.get("/jurisdictions")
def jurisdictions():
    """List every jurisdiction with its law count."""
    kb = current_kb()
    items = [jurisdiction_summary(j) for _, _, members in kb.by_country() for j in members]
    return jsonify({"jurisdictions": items})


@bp.get("/jurisdictions/<jurisdiction_id>")
def jurisdiction(jurisdiction_id: str):
    """Return one jurisdiction with its laws."""
    kb = current_kb()
    found = kb.jurisdiction(jurisdiction_id.lower())
    if found is None:
        abort(404, description=f"No jurisdiction with id '{jurisdiction_id}'. GET /api/v1/jurisdictions lists them.")
    return jsonify(jurisdiction_to_dict(found, kb))


@bp.get("/laws/<law_id>")
def law(law_id: str):
    """Return one law."""
    found = current_kb().law(law_id.lower())
    if found is None:
        abort(404, description=f"No law with id '{law_id}'. GET /api/v1/jurisdictions/<id> lists a jurisdiction's laws.")
    return jsonify(law_to_dict(found))


@bp.get("/schema.json")
def schema():
    """Return the JSON Schema of a law file."""
    return jsonify(law_file_schema())


@bp.get("/openapi.json")
def openapi():
    """Return the OpenAPI 3 document describing this API."""
    return jsonify(openapi_document(tuple(sorted(current_kb().jurisdictions))))
