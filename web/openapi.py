"""The OpenAPI 3.1 document of the JSON API, built from the same vocabularies as the data."""

from __future__ import annotations

from functools import lru_cache

from search.query import QUERY_PATTERN
from web.openapi_law import NULLABLE_STRING, enum, law_components

_enum = enum


def _error_response(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def _ok(schema_ref: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": schema_ref}}}}


def _jurisdiction_param(ids: tuple[str, ...], extra: tuple[str, ...] = ()) -> dict:
    """A jurisdiction id: the ids being served, when known, so clients and fuzzers see what is valid."""
    schema = {"type": "string", "description": "a jurisdiction id, e.g. us-ca; GET /api/v1/jurisdictions lists them"}
    return {**schema, "enum": list(ids) + list(extra)} if ids else schema


@lru_cache(maxsize=4)
def openapi_document(jurisdiction_ids: tuple[str, ...] = ()) -> dict:
    """Return the OpenAPI document; tests check every response against it.

    Given the ids of the jurisdictions being served, the document lists them as the allowed values
    of every jurisdiction parameter (the data decide what is valid, so the document says so).
    """
    nullable_string = NULLABLE_STRING
    summary = {
        "type": "object",
        "required": ["id", "name", "country", "type", "last_reviewed", "law_count"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "country": {"type": "string"},
            "type": _enum("jurisdiction_types"),
            "parent": nullable_string,
            "last_reviewed": {"type": "string", "format": "date"},
            "law_count": {"type": "integer"},
        },
    }
    jurisdiction = {
        "allOf": [
            {"$ref": "#/components/schemas/JurisdictionSummary"},
            {
                "type": "object",
                "required": ["laws", "resources", "also_applies"],
                "properties": {
                    "laws": {"type": "array", "items": {"$ref": "#/components/schemas/Law"}},
                    "resources": {"type": "array", "items": {"type": "object"}},
                    "also_applies": {"type": "array", "items": {"type": "string"}, "description": "ids of parents' laws that also apply"},
                },
            },
        ]
    }
    error = {
        "type": "object",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["status", "message"],
                "properties": {
                    "status": {"type": "integer"},
                    "message": {"type": "string"},
                    "field": {"type": "string"},
                    "allowed": {"type": "array", "items": {"type": "string"}},
                },
            }
        },
    }
    id_param = lambda name: {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}  # noqa: E731
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Stalking and online-harassment law guide API",
            "version": "1.0.0",
            "description": "Legal information, not legal advice. Read-only data about stalking and harassment laws.",
        },
        "paths": {
            "/api/v1/jurisdictions": {
                "get": {
                    "summary": "List jurisdictions",
                    "responses": {
                        "200": {
                            "description": "Every jurisdiction",
                            "content": {
                                "application/json": {
                                    "schema": {
                                        "type": "object",
                                        "required": ["jurisdictions"],
                                        "properties": {
                                            "jurisdictions": {
                                                "type": "array",
                                                "items": {"$ref": "#/components/schemas/JurisdictionSummary"},
                                            }
                                        },
                                    }
                                }
                            },
                        }
                    },
                }
            },
            "/api/v1/jurisdictions/{jurisdiction_id}": {
                "get": {
                    "summary": "One jurisdiction with its laws",
                    "parameters": [id_param("jurisdiction_id")],
                    "responses": {
                        "200": _ok("#/components/schemas/Jurisdiction", "The jurisdiction"),
                        "404": _error_response("No such jurisdiction"),
                    },
                }
            },
            "/api/v1/laws/{law_id}": {
                "get": {
                    "summary": "One law",
                    "parameters": [id_param("law_id")],
                    "responses": {"200": _ok("#/components/schemas/Law", "The law"), "404": _error_response("No such law")},
                }
            },
            "/api/v1/questions": {
                "get": {
                    "summary": "The question flow and the fact vocabulary",
                    "responses": {
                        "200": {
                            "description": "Facts and questions",
                            "content": {"application/json": {"schema": {"type": "object", "required": ["facts", "questions"]}}},
                        }
                    },
                }
            },
            "/api/v1/assess": {
                "post": {
                    "summary": "Which laws may apply to what a person described",
                    "description": "Legal information, not legal advice. The request body is never logged or stored.",
                    "requestBody": {
                        "required": True,
                        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/AssessRequest"}}},
                    },
                    "responses": {
                        "200": _ok("#/components/schemas/AssessResponse", "Every law that could apply, most likely first"),
                        "400": _error_response("A field is missing, unknown or has a value that is not allowed; `field` names it"),
                    },
                }
            },
            "/api/v1/search": {
                "get": {
                    "summary": "Full-text search over every law",
                    "parameters": [
                        {
                            "name": "q",
                            "in": "query",
                            "required": True,
                            "schema": {"type": "string", "minLength": 1, "maxLength": 200, "pattern": QUERY_PATTERN},
                        },
                        {"name": "jurisdiction", "in": "query", "required": False, "schema": _jurisdiction_param(jurisdiction_ids)},
                        {"name": "topic", "in": "query", "required": False, "schema": _enum("topics")},
                        {"name": "kind", "in": "query", "required": False, "schema": _enum("kinds")},
                        {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                    ],
                    "responses": {
                        "200": {
                            "description": "Matching laws, facet counts and a spelling suggestion",
                            "content": {
                                "application/json": {"schema": {"type": "object", "required": ["query", "total", "results", "facets"]}}
                            },
                        },
                        "400": _error_response("A parameter is missing or not allowed; `field` names it"),
                    },
                }
            },
            "/api/v1/export.json": {
                "get": {
                    "summary": "Every jurisdiction's law file (the law-file format), with the data licence and how to cite",
                    "responses": {
                        "200": {
                            "description": "Open data",
                            "content": {
                                "application/json": {"schema": {"type": "object", "required": ["licence", "version", "jurisdictions"]}}
                            },
                        }
                    },
                }
            },
            "/api/v1/export.csv": {
                "get": {
                    "summary": "One row per law, elements as columns",
                    "responses": {"200": {"description": "CSV", "content": {"text/csv": {}}}},
                }
            },
            "/api/v1/schema.json": {
                "get": {
                    "summary": "The JSON Schema of a law file",
                    "responses": {"200": {"description": "JSON Schema", "content": {"application/json": {}}}},
                }
            },
            "/api/v1/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI document", "content": {"application/json": {}}}},
                }
            },
        },
        "components": {
            "schemas": {
                **law_components(),
                "JurisdictionSummary": summary,
                "Jurisdiction": jurisdiction,
                "Error": error,
                "AssessRequest": _assess_request(jurisdiction_ids),
                "AssessResponse": _assess_response(),
            }
        },
    }


def _assess_request(jurisdiction_ids: tuple[str, ...]) -> dict:
    from kb.vocabulary import JURISDICTION_FACTS, facts

    answers = {}
    for name, fact in facts().items():
        if name == "jurisdiction":
            continue  # given at the top level; an equal copy in answers is tolerated, a different one refused
        if name in JURISDICTION_FACTS:
            extra = ("unsure",) if name == "other_jurisdiction" else ()
            answers[name] = {**_jurisdiction_param(jurisdiction_ids, extra), "description": fact.label}
        else:
            answers[name] = {"type": "string", "enum": list(fact.values), "description": fact.label}
    return {
        "type": "object",
        "required": ["jurisdiction"],
        "additionalProperties": False,
        "properties": {
            "jurisdiction": {**_jurisdiction_param(jurisdiction_ids), "description": "where the person lives, e.g. us-ca"},
            "answers": {"type": "object", "properties": answers, "additionalProperties": False},
        },
    }


def _assess_response() -> dict:
    element = {
        "type": "object",
        "required": ["element", "name", "status", "reason", "decisive"],
        "properties": {
            "element": {"type": "string"},
            "name": {"type": "string"},
            "status": {"enum": ["met", "not_met", "unknown"]},
            "reason": {"type": "string"},
            "decisive": {"type": "boolean", "description": "false for intent: explained, never used to rule a law out"},
        },
    }
    path = {
        "type": "object",
        "required": ["id", "label", "status", "elements"],
        "description": "one alternative way the law is met, judged on its own; the law's status is its best path's",
        "properties": {
            "id": {"type": "string"},
            "label": {"type": "string"},
            "pinpoint": {"type": "string"},
            "status": {"enum": ["likely", "possible", "unlikely"]},
            "elements": {"type": "array", "items": element},
            "penalty": {"type": ["object", "null"]},
        },
    }
    result = {
        "type": "object",
        "required": ["law_id", "citation", "title", "kind", "status", "elements", "paths"],
        "properties": {
            "law_id": {"type": "string"},
            "jurisdiction": {"type": "string"},
            "citation": {"type": "string"},
            "title": {"type": "string"},
            "kind": _enum("kinds"),
            "url": {"type": "string"},
            "status": {"enum": ["likely", "possible", "unlikely"]},
            "applies_because": {"type": "string"},
            "elements": {"type": "array", "items": element, "description": "the best path's elements"},
            "paths": {"type": "array", "items": path, "minItems": 1, "description": "best first"},
            "checked": {"type": "string"},
            "confirmed": {"type": "boolean"},
        },
    }
    return {
        "type": "object",
        "required": ["jurisdiction", "results"],
        "properties": {"jurisdiction": {"type": "string"}, "disclaimer": {"type": "string"}, "results": {"type": "array", "items": result}},
    }
