"""JSON Schemas of the data files that are not law files: facts, the question flow, the vocabulary,
the search synonyms, the translation glossaries, the map grid, and the test data (scenarios and spot checks).

Each is checked by the same strict reader and worded-error machinery as the law files, so an unquoted
`yes:` in a question or a misspelt fact in a scenario is reported as `path:line:col: error: ...`.
"""

from __future__ import annotations

TEXT = {"type": "string", "minLength": 1}
NAME = {"type": "string", "pattern": r"^[a-z][a-z0-9_]*$"}
LAW_ID = {"type": "string", "pattern": r"^[a-z]{2}(-[a-z0-9]+)+$"}
STATUS = {"enum": ["likely", "possible", "unlikely"]}
GLOSSARY_TERM = r"^[^\s*]+\*?( [^\s*]+\*?)*$"  # words; a word ending in * stands for any ending


def _object(properties: dict, required: list[str]) -> dict:
    return {"type": "object", "properties": properties, "required": required, "additionalProperties": False}


def _labels(min_properties: int = 1) -> dict:
    """A mapping of value -> label, all text (a true/false key or value means a missing quote)."""
    return {"type": "object", "minProperties": min_properties, "propertyNames": {"type": "string"}, "additionalProperties": TEXT}


def _loose_condition() -> dict:
    """A condition over facts or flow steps; names and values are checked against the files later."""
    return {
        "type": "object",
        "minProperties": 1,
        "properties": {
            "fact": NAME,
            "is": TEXT,
            "in": {"type": "array", "items": TEXT, "minItems": 1},
            "all": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1},
            "any": {"type": "array", "items": {"$ref": "#/$defs/condition"}, "minItems": 1},
            "not": {"$ref": "#/$defs/condition"},
        },
        "additionalProperties": False,
    }


def facts_schema() -> dict:
    """questions/facts.yaml: each fact's reader label and its values (or jurisdiction ids)."""
    fact = _object({"label": TEXT, "values": {"anyOf": [{"enum": ["jurisdiction ids"]}, _labels(2)]}}, ["label", "values"])
    return {"type": "object", "minProperties": 1, "propertyNames": NAME, "additionalProperties": fact}


def flow_schema() -> dict:
    """questions/flow.yaml: the ordered questions, each setting a fact, several facts, or a step."""
    question = _object(
        {
            "id": NAME,
            "kind": {"enum": ["country", "region", "jurisdiction", "choice", "multi"]},
            "text": TEXT,
            "help": TEXT,
            "fact": NAME,
            "facts": {"type": "array", "items": NAME, "minItems": 2, "uniqueItems": True},
            "step": NAME,
            "answers": _labels(2),
            "options": _labels(2),
            "unsure_label": TEXT,
            "show_if": {"$ref": "#/$defs/condition"},
        },
        ["id", "kind", "text", "help"],
    )
    question["oneOf"] = [{"required": ["fact"]}, {"required": ["facts"]}, {"required": ["step"]}]
    return {
        **_object({"questions": {"type": "array", "items": question, "minItems": 1}}, ["questions"]),
        "$defs": {"condition": _loose_condition()},
    }


VOCABULARY_LISTS = (
    "kinds", "topics", "jurisdiction_types", "resource_kinds", "conduct", "intent", "fear_kinds", "fear_tests",
    "electronic", "penalty_classes", "relationships", "languages", "source_types", "fear_facts",
)  # fmt: skip


def vocabulary_schema() -> dict:
    """kb/vocabulary.yaml: every closed list, value -> reader label."""
    return _object({name: _labels() for name in VOCABULARY_LISTS}, list(VOCABULARY_LISTS))


def synonyms_schema() -> dict:
    """search/synonyms.yaml: groups of terms that mean the same for searching."""
    group = {"type": "array", "items": TEXT, "minItems": 2, "uniqueItems": True}
    return _object({"groups": {"type": "array", "items": group, "minItems": 1}}, ["groups"])


def glossary_schema() -> dict:
    """translations/<code>/glossary.yaml: the legal terms of a translation, the courts' own words, wrong terms to avoid."""
    texts = {"type": "array", "items": TEXT, "minItems": 1, "uniqueItems": True}
    court = _object(
        {
            "jurisdiction": {"type": "string", "pattern": r"^[a-z]{2}(-[a-z0-9]{2,4})?$"},
            "es": TEXT,
            "source": {"type": "string", "pattern": r"^https://[^\s/]+\.[^\s]+$"},
        },
        ["jurisdiction", "es", "source"],
    )
    avoid = _object({"term": {"type": "string", "pattern": GLOSSARY_TERM}, "why": TEXT}, ["term", "why"])
    term = _object(
        {
            "en": texts,
            "es": TEXT,
            "also": texts,
            "note": TEXT,
            "courts": {"type": "array", "items": court, "minItems": 1},
            "avoid": {"type": "array", "items": avoid, "minItems": 1},
        },
        ["en", "es"],
    )
    return _object(
        {"language": {"type": "string", "pattern": r"^[a-z]{2}$"}, "terms": {"type": "array", "items": term, "minItems": 1}},
        ["language", "terms"],
    )


def tile_grid_schema() -> dict:
    """web/data/us-tile-grid.yaml: each postal code's [row, column] on the map."""
    place = {"type": "array", "items": {"type": "integer", "minimum": 0, "maximum": 20}, "minItems": 2, "maxItems": 2}
    return {"type": "object", "minProperties": 1, "propertyNames": {"pattern": r"^[A-Z]{2}$"}, "additionalProperties": place}


def scenarios_schema() -> dict:
    """tests/scenarios/*.yaml: situations, the answers given, and the status each named law (or path) must get."""
    case = _object(
        {
            "name": TEXT,
            "jurisdiction": {"type": "string", "pattern": r"^[a-z]{2}(-[a-z0-9]{2,4})?$"},
            "answers": {"type": "object", "propertyNames": NAME, "additionalProperties": TEXT},
            "expect": {"type": "object", "minProperties": 1, "propertyNames": LAW_ID, "additionalProperties": STATUS},
            "expect_paths": {
                "type": "object",
                "propertyNames": LAW_ID,
                "additionalProperties": {"type": "object", "minProperties": 1, "additionalProperties": STATUS},
            },
            "why": TEXT,
        },
        ["name", "jurisdiction", "answers", "expect", "why"],
    )
    return {"type": "array", "items": case, "minItems": 1}


def spot_checks_schema() -> dict:
    """tests/data/spot_checks.yaml: facts read in a law's text, pinned so a wrong edit fails a test."""
    check = _object({"law": LAW_ID, "field": TEXT, "equals": {}, "excludes": {}, "verified": TEXT}, ["law", "field", "verified"])
    check["oneOf"] = [{"required": ["equals"]}, {"required": ["excludes"]}]
    return {"type": "array", "items": check, "minItems": 1}
