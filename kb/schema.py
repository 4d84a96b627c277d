"""The one definition of the law-file format, as a JSON Schema built from the vocabularies.

The loader, the validate command, /api/v1/schema.json, the docs test and the data tests all
use `law_file_schema()`; closed lists come from kb/vocabulary.yaml so they are defined once.
"""

from __future__ import annotations

from functools import lru_cache

from kb.texts import TEXT_SOURCE_TYPES
from kb.vocabulary import facts, vocabulary

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
UNDATED_OR_ISO_DATE = r"^(\d{4}-\d{2}-\d{2}|undated)$"
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
HTTPS_URL = r"^https://[^\s/]+\.[^\s]+$"
JURISDICTION_ID = r"^[a-z]{2}(-[a-z0-9]{2,4})?$"
LAW_ID = r"^[a-z]{2}(-[a-z0-9]+)+$"
FIELD_PATH = r"^[a-z_]+(\.[a-z_]+|\[\d+\])*$"
PATH_ID = r"^[a-z0-9]+(-[a-z0-9]+)*$"
SECTION_ID = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
# A pinpoint: an optional section id (a stored text's file name), then subdivisions in brackets:
# "(a)(1)", "22-3133(a)(1)", "pen-646.9(f)", "18-2261A(2)(B)", or a section id alone.
PINPOINT = r"^([A-Za-z0-9][A-Za-z0-9._-]*)?(\([A-Za-z0-9.-]+\))*$"
# The fingerprint of the English a translation was made from (kb.model.fingerprint).
TRANSLATION_SOURCE = r"^[0-9a-f]{8}$"
# The elements a path's evidence may support (each requirement carries its own).
EVIDENCE_ELEMENTS = ("conduct", "intent", "fear", "credible_threat", "relationship")


def _enum(list_name: str) -> dict:
    """A closed list from the vocabulary, as a schema enum."""
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


def _quote() -> dict:
    """Where in the stored text an element is supported, and the statute's own words there."""
    return _object({"pinpoint": {"type": "string", "pattern": PINPOINT}, "quote": _text(3) | {"maxLength": 400}}, ["pinpoint", "quote"])


def _intent() -> dict:
    intent = _enum("intent")
    listed = {"type": "array", "items": intent, "minItems": 2, "uniqueItems": True}
    return {
        "anyOf": [
            intent,
            {"type": "array", "items": intent, "minItems": 1, "uniqueItems": True},  # a bare list: any one is enough
            _object({"any_of": listed}, ["any_of"]),
            _object({"all_of": listed}, ["all_of"]),
        ]
    }


def _relationship() -> dict:
    relationship_values = [v for v in facts()["relationship"].values if v != "unknown"]
    conditional = _object(
        {"who": {"enum": relationship_values}, "when": {"$ref": "#/$defs/condition"}, "describe": _text()},
        ["who"],
    )
    conditional["anyOf"] = [{"required": ["when"]}, {"required": ["describe"]}]
    return {
        "anyOf": [
            {"enum": ["any"]},
            {"type": "array", "items": {"anyOf": [{"enum": relationship_values}, conditional]}, "minItems": 1},
        ]
    }


def _elements() -> dict:
    return _object(
        {
            "conduct": _enum("conduct"),
            "min_acts": {"type": "integer", "minimum": 2, "maximum": 10},
            "intent": _intent(),
            "fear": _object(
                {
                    "kinds": {"type": "array", "items": _enum("fear_kinds"), "minItems": 1, "uniqueItems": True},
                    "test": {"enum": [test for test in vocabulary()["fear_tests"] if test != "varies"]},
                },
                ["kinds", "test"],
            ),
            "credible_threat": {"type": "boolean"},
            "electronic": _enum("electronic"),
            "relationship": _relationship(),
            "requires": {
                "type": "array",
                "items": _object(
                    {"describe": _text(), "when": {"$ref": "#/$defs/condition"}, "evidence": {"$ref": "#/$defs/quote"}}, ["describe"]
                ),
            },
        },
        ["conduct", "intent", "fear", "credible_threat", "electronic"],
    )


def _penalty() -> dict:
    return _object({"class": _enum("penalty_classes"), "detail": _text()}, ["class", "detail"])


def _path() -> dict:
    evidence = _object({name: {"$ref": "#/$defs/quote"} for name in EVIDENCE_ELEMENTS}, [])
    return _object(
        {
            "id": {"type": "string", "pattern": PATH_ID},
            "label": _text(),
            "pinpoint": {"type": "string", "pattern": PINPOINT},
            "elements": {"$ref": "#/$defs/elements"},
            "evidence": evidence,
            "penalty": _penalty(),
            "notes": {"type": "array", "items": _text()},
        },
        ["id", "label", "pinpoint", "elements"],
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
            "paths": {"type": "array", "items": {"$ref": "#/$defs/path"}, "minItems": 1},
            "text": {"type": "array", "items": {"type": "string", "pattern": SECTION_ID}, "minItems": 1, "uniqueItems": True},
            "penalty": _penalty(),
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
                    {
                        "source": {"type": "string", "pattern": TRANSLATION_SOURCE},
                        "title": _text(),
                        "summary": _text(),
                        "penalty_detail": _text(),
                        "requires": {"type": "array", "items": _text()},
                        "paths": {
                            "type": "object",
                            "propertyNames": {"pattern": PATH_ID},
                            "additionalProperties": _object(
                                {
                                    "label": _text(),
                                    "penalty_detail": _text(),
                                    "requires": {"type": "array", "items": _text()},
                                    "relationship": {"type": "object", "additionalProperties": _text()},
                                },
                                [],
                            ),
                        },
                    },
                    ["title", "summary"],
                ),
            },
        },
        ["id", "title", "citation", "url", "kind", "topics", "summary", "penalty", "checked"],
    )


def text_front_matter_schema() -> dict:
    """The header of a stored statute text: what it is, where it was read, and what was not seen."""
    part = _object({"part": _text(), "reason": _text()}, ["part", "reason"])
    return _object(
        {
            "citation": _text(),
            "heading": _text(),
            "source": {"type": "string", "pattern": HTTPS_URL},
            "source_type": {"enum": list(TEXT_SOURCE_TYPES)},  # a summary is never a source of text
            "as_of": {"type": "string", "pattern": UNDATED_OR_ISO_DATE},  # "undated" when the source gives no date
            "read": {"type": "string", "pattern": ISO_DATE},
            "not_seen": {"type": "array", "items": part},
            "omitted": {"type": "array", "items": part},
            "notes": {"type": "array", "items": _text()},
        },
        ["citation", "source", "source_type", "as_of", "read"],
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
            "languages": {"type": "array", "items": {"enum": list(vocabulary()["languages"])}, "minItems": 1, "uniqueItems": True},
            "translations": {
                "type": "object",
                "propertyNames": {"enum": [code for code in vocabulary()["languages"] if code != "en"]},
                "additionalProperties": _object({"description": _text(), "phone": _text()}, ["description"]),
            },
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
        "$defs": {"law": _law(), "path": _path(), "elements": _elements(), "quote": _quote(), "condition": _condition()},
    }
