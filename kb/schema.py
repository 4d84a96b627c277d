"""The one definition of the law-file format, as a JSON Schema built from the vocabularies.

The loader, the validate command, /api/v1/schema.json, the docs test and the data tests all
use `law_file_schema()`; closed lists come from kb/vocabulary.yaml so they are defined once.
"""

from __future__ import annotations

from functools import lru_cache

from kb.vocabulary import facts, vocabulary

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HTTPS_URL = r"^https://[^\s/]+\.[^\s]+$"
JURISDICTION_ID = r"^[a-z]{2}(-[a-z0-9]{2,4})?$"
LAW_ID = r"^[a-z]{2}(-[a-z0-9]+)+$"
FIELD_PATH = r"^[a-z_]+(\.[a-z_]+|\[\d+\])*$"


def _enum(list_name: str) -> dict:
    # No "type" beside "enum": one failure, one message (a true/false gets the quoting hint).
    return {"enum": list(vocabulary()[list_name])}


def _text(min_length: int = 1) -> dict:
    return {"type": "string", "minLength": min_length}


def _object(properties: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _checked() -> dict:
    return _object(
        {
            "date": {"type": "string", "pattern": ISO_DATE},
            "source": {"type": "string", "pattern": HTTPS_URL},
            "source_type": _enum("source_types"),
        },
        ["date", "source"],
    )


def _condition() -> dict:
    fact_names = sorted(facts())
    return {
        "type": "object",
        "minProperties": 1,
        "properties": {
            "fact": {"enum": fact_names},
            "is": {"type": "string"},
            "in": {"type": "array", "items": {"type": "string"}, "minItems": 1},
            "all": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1},
            "any": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1},
            "not": {"$ref": "#/$defs/condition"},
        },
        "additionalProperties": False,
    }


def _elements() -> dict:
    intent = _enum("intent")
    relationship_values = [v for v in facts()["relationship"].values if v != "unknown"]
    return _object(
        {
            "conduct": _enum("conduct"),
            "min_acts": {"type": "integer", "minimum": 2, "maximum": 10},
            "intent": {"anyOf": [intent, {"type": "array", "items": intent, "minItems": 1, "uniqueItems": True}]},
            "fear": _object(
                {
                    "kinds": {"type": "array", "items": _enum("fear_kinds"), "minItems": 1, "uniqueItems": True},
                    "test": _enum("fear_tests"),
                },
                ["kinds", "test"],
            ),
            "credible_threat": {"type": "boolean"},
            "electronic": _enum("electronic"),
            "relationship": {
                "anyOf": [
                    {"enum": ["any"]},
                    {
                        "type": "array",
                        "items": {"enum": relationship_values},
                        "minItems": 1,
                        "uniqueItems": True,
                    },
                ]
            },
            "requires": {
                "type": "array",
                "items": _object({"describe": _text(), "when": {"$ref": "#/$defs/condition"}}, ["describe"]),
            },
        },
        ["conduct", "intent", "fear", "credible_threat", "electronic"],
    )


def _law() -> dict:
    return _object(
        {
            "id": {"type": "string", "pattern": LAW_ID},
            "title": _text(),
            "citation": _text(),
            "url": {"type": "string", "pattern": HTTPS_URL},
            "kind": _enum("kinds"),
            "topics": {"type": "array", "items": _enum("topics"), "minItems": 1, "uniqueItems": True},
            "summary": _text(),
            "elements": {"$ref": "#/$defs/elements"},
            "penalty": _object({"class": _enum("penalty_classes"), "detail": _text()}, ["class", "detail"]),
            "notes": {"type": "array", "items": _text()},
            "checked": _checked(),
            "unconfirmed": {
                "type": "array",
                "items": _object({"field": {"type": "string", "pattern": FIELD_PATH}, "reason": _text()}, ["field", "reason"]),
            },
            "history": {
                "type": "array",
                "items": _object(
                    {"date": {"type": "string", "pattern": PARTIAL_DATE}, "change": _text(), "reference": _text()},
                    ["date", "change"],
                ),
            },
            "quotes": {"type": "array", "items": _text()},
            "translations": {
                "type": "object",
                "propertyNames": {"enum": [code for code in vocabulary()["languages"] if code != "en"]},
                "additionalProperties": _object(
                    {"title": _text(), "summary": _text(), "penalty_detail": _text(), "requires": {"type": "array", "items": _text()}},
                    ["title", "summary"],
                ),
            },
        },
        ["id", "title", "citation", "url", "kind", "topics", "summary", "elements", "penalty", "checked"],
    )


@lru_cache(maxsize=1)
def law_file_schema() -> dict:
    """Return the JSON Schema (draft 2020-12) of one jurisdiction's law file."""
    resource = _object(
        {
            "name": _text(),
            "url": {"type": "string", "pattern": HTTPS_URL},
            "kind": _enum("resource_kinds"),
            "phone": _text(),
            "description": _text(),
            "checked": _checked(),
        },
        ["name", "url", "kind", "checked"],
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "A jurisdiction's law file",
        **_object(
            {
                "id": {"type": "string", "pattern": JURISDICTION_ID},
                "name": _text(),
                "country": {"type": "string", "pattern": r"^[a-z]{2}$"},
                "type": _enum("jurisdiction_types"),
                "parent": {"type": "string", "pattern": JURISDICTION_ID},
                "last_reviewed": {"type": "string", "pattern": ISO_DATE},
                "resources": {"type": "array", "items": resource},
                "laws": {"type": "array", "items": {"$ref": "#/$defs/law"}},
            },
            ["id", "name", "country", "type", "last_reviewed", "laws"],
        ),
        "$defs": {"law": _law(), "elements": _elements(), "condition": _condition()},
    }
