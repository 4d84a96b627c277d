"""The OpenAPI schemas of a law: its elements, paths, evidence and stored text (components of the API document)."""

from __future__ import annotations

from kb.texts import TEXT_SOURCE_TYPES
from kb.vocabulary import vocabulary

NULLABLE_STRING = {"type": ["string", "null"]}


def enum(name: str) -> dict:
    """A closed list from the vocabulary as a string enum."""
    return {"type": "string", "enum": list(vocabulary()[name])}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _evidence() -> dict:
    return {
        "type": ["object", "null"],
        "required": ["pinpoint", "quote"],
        "properties": {
            "pinpoint": {"type": "string", "description": "the subdivision of the stored text, e.g. (a)(1) or 22-3133(a)(1)"},
            "quote": {"type": "string", "description": "the statute's own words there"},
        },
    }


def _elements() -> dict:
    return {
        "type": "object",
        "required": ["conduct", "intent", "intent_mode", "fear", "credible_threat", "electronic"],
        "properties": {
            "conduct": enum("conduct"),
            "min_acts": {"type": ["integer", "null"]},
            "intent": {"type": "array", "items": enum("intent")},
            "intent_mode": {"enum": ["any_of", "all_of"], "description": "any one state is enough, or all are needed together"},
            "fear": {
                "type": "object",
                "properties": {"kinds": {"type": "array", "items": enum("fear_kinds")}, "test": enum("fear_tests")},
            },
            "credible_threat": {"type": "boolean"},
            "electronic": enum("electronic"),
            "relationship": {
                "type": ["array", "null"],
                "description": "who may ask; an entry with `when` is open only on that condition over the facts",
                "items": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["who"]}]},
            },
            "requires": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["describe"],
                    "properties": {"describe": {"type": "string"}, "when": {"type": ["object", "null"]}, "evidence": _ref("Evidence")},
                },
            },
        },
    }


def _in_words() -> dict:
    return {
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "element": {"type": "string"},
                "name": {"type": "string"},
                "text": {"type": "string"},
                "unconfirmed": {"type": "boolean"},
            },
        },
    }


def _penalty(nullable: bool = False) -> dict:
    return {
        "type": ["object", "null"] if nullable else "object",
        "properties": {"class": enum("penalty_classes"), "detail": {"type": "string"}},
    }


def _path() -> dict:
    return {
        "type": "object",
        "required": ["id", "label", "pinpoint", "elements", "evidence"],
        "properties": {
            "id": {"type": "string"},
            "label": {"type": "string"},
            "pinpoint": {"type": "string"},
            "elements": _ref("Elements"),
            "elements_in_words": _in_words(),
            "evidence": {"type": "object", "additionalProperties": _ref("Evidence")},
            "penalty": _penalty(nullable=True),
            "notes": {"type": "array", "items": {"type": "string"}},
        },
    }


def _parts() -> dict:
    return {"type": "array", "items": {"type": "object", "properties": {"part": {"type": "string"}, "reason": {"type": "string"}}}}


def _text() -> dict:
    section = {
        "type": "object",
        "required": ["id", "citation", "source", "source_type", "as_of", "complete", "text"],
        "properties": {
            "id": {"type": "string"},
            "citation": {"type": "string"},
            "heading": NULLABLE_STRING,
            "source": {"type": "string"},
            "source_type": {"enum": list(TEXT_SOURCE_TYPES)},
            "as_of": {
                "type": "string",
                "description": 'the date the source gives for its text (YYYY-MM-DD), or "undated" when it gives none',
            },
            "read": {"type": "string", "format": "date"},
            "complete": {"type": "boolean"},
            "not_seen": _parts(),
            "omitted": _parts(),
            "text": {"type": "string"},
        },
    }
    return {
        "type": ["object", "null"],
        "required": ["source", "source_type", "as_of", "complete", "sections"],
        "properties": {
            "source": {"type": "string"},
            "source_type": {"type": "string"},
            "as_of": {"type": "string"},
            "complete": {"type": "boolean", "description": "every part of every stored section was seen"},
            "sections": {"type": "array", "items": section},
        },
    }


def _law() -> dict:
    return {
        "type": "object",
        "required": ["id", "jurisdiction", "title", "citation", "url", "kind", "topics", "summary", "elements", "paths", "penalty"]
        + ["checked", "anchored", "confirmed"],
        "properties": {
            "id": {"type": "string"},
            "jurisdiction": {"type": "string"},
            "title": {"type": "string"},
            "citation": {"type": "string"},
            "url": {"type": "string", "format": "uri"},
            "kind": enum("kinds"),
            "topics": {"type": "array", "items": enum("topics")},
            "summary": {"type": "string", "description": "Markdown, in our own words"},
            "elements": {**_ref("Elements"), "description": "the paths summed up in one line (for tables and search)"},
            "elements_in_words": _in_words(),
            "paths": {"type": "array", "minItems": 1, "items": _ref("Path"), "description": "each alternative way the law is met"},
            "text": _ref("LawText"),
            "penalty": _penalty(),
            "notes": {"type": "array", "items": {"type": "string"}},
            "checked": {
                "type": "object",
                "properties": {
                    "date": {"type": "string", "format": "date"},
                    "source": {"type": "string"},
                    "source_type": enum("source_types"),
                },
            },
            "anchored": {"type": "boolean", "description": "every deciding element of every path has evidence in the stored text"},
            "confirmed": {"type": "boolean", "description": "anchored in complete text from an official source or reliable copy"},
            "translations": {
                "type": "object",
                "description": "the law's title and summary in other languages, by language code (es)",
                "additionalProperties": {
                    "type": "object",
                    "required": ["title", "summary"],
                    "properties": {
                        "title": {"type": "string"},
                        "summary": {"type": "string"},
                        "penalty_detail": NULLABLE_STRING,
                        "paths": {"type": "object"},
                        "source": {**NULLABLE_STRING, "description": "the fingerprint of the English the translation was made from"},
                        "stale": {"type": "boolean", "description": "the English has changed since the translation was made"},
                    },
                },
            },
            "unconfirmed": {
                "type": "array",
                "items": {"type": "object", "properties": {"field": {"type": "string"}, "reason": {"type": "string"}}},
            },
            "history": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"date": {"type": "string"}, "change": {"type": "string"}, "reference": NULLABLE_STRING},
                },
            },
        },
    }


def law_components() -> dict:
    """The schemas a law is made of, keyed by component name."""
    return {"Law": _law(), "Path": _path(), "Elements": _elements(), "Evidence": _evidence(), "LawText": _text()}
