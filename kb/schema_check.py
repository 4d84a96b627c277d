"""Check one file's data against the schema and word each failure so an editor can act on it."""

from __future__ import annotations

from functools import lru_cache

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from kb.checks.base import registry
from kb.data_schemas import GLOSSARY_TERM
from kb.problems import Problem, format_field
from kb.schema import HTTPS_URL, ISO_DATE, JURISDICTION_ID, PARTIAL_DATE, TRANSLATION_SOURCE, UNDATED_OR_ISO_DATE
from kb.yamlsource import SourceMap

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "number": "a number",
}
_PATTERN_HINTS = {
    ISO_DATE: 'a quoted date like "2026-11-24"',
    UNDATED_OR_ISO_DATE: 'a quoted date like "2026-11-24" (the date the source gives), or undated when the source gives none',
    PARTIAL_DATE: 'a quoted date like "2024-09-01", "2024-09" or "2024"',
    HTTPS_URL: "a full https:// address",
    JURISDICTION_ID: "a jurisdiction id (a two-letter country code, optionally a hyphen and a region code: us, us-ca)",
    TRANSLATION_SOURCE: 'a quoted fingerprint of 8 hexadecimal digits, like "3f9a61c2" (laws review gives it)',
    GLOSSARY_TERM: "one or more words, each of which may end with * (standing for any ending)",
}


@lru_cache(maxsize=16)
def _validator(schema_name: str) -> Draft202012Validator:
    from kb.datafiles import schema_by_name

    return Draft202012Validator(schema_by_name(schema_name))


def schema_problems(data: object, source_map: SourceMap, path: str, schema_name: str = "law-file") -> list[Problem]:
    """Return one problem per schema failure in `data` (checked against the named schema), with its line, column and field."""
    return [_to_problem(error, source_map, path) for error in _validator(schema_name).iter_errors(data)]


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    return repr(value)


_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", int: "integer"}


def _pick(error: ValidationError) -> ValidationError:
    """For 'any of' failures, use the branch written for the value's own kind (a mapping, a list, a word).

    An intent written as a mapping is reported against the mapping forms ({any_of}/{all_of}), not
    against the list of single words; among errors of a fitting branch, the deepest says most.
    """
    if error.validator != "anyOf" or not error.context:
        return error
    kind = _JSON_TYPES.get(type(error.instance))
    fitting = [e for e in error.context if e.validator != "type" and _branch_type(error, e) in (kind, None)]
    if not fitting:
        fitting = [e for e in error.context if e.validator != "type"]
    if not fitting:
        return error
    deepest = max(fitting, key=lambda e: len(e.absolute_path))
    return _pick(deepest)


def _branch_type(parent: ValidationError, error: ValidationError) -> str | None:
    """The type the failing branch of an anyOf was written for, when it says (an enum of one kind says so too)."""
    index = error.relative_schema_path[0] if error.relative_schema_path else None
    branches = parent.validator_value if isinstance(parent.validator_value, list) else []
    branch = branches[index] if isinstance(index, int) and index < len(branches) else {}
    declared = branch.get("type")
    if declared is None and "enum" in branch:
        values = {_JSON_TYPES.get(type(v)) for v in branch["enum"]}
        declared = values.pop() if len(values) == 1 else None
    return declared


def _to_problem(error: ValidationError, source_map: SourceMap, path: str) -> Problem:
    error = _pick(error)
    at = tuple(error.absolute_path)
    field = format_field(at)
    line, column = source_map.value(at)
    rule = f"schema-{error.validator}" if f"schema-{error.validator}" in registry() else "schema-invalid"
    value = error.instance
    kind = error.validator
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        hint = " (unquoted yes/no/on/off are read as true/false: put the word in quotes)" if isinstance(value, bool) else ""
        message = f"{_describe(value)} is not one of: {allowed}{hint}"
    elif kind == "type":
        wanted = error.validator_value
        wanted = " or ".join(_TYPE_NAMES.get(t, t) for t in wanted) if isinstance(wanted, list) else _TYPE_NAMES.get(wanted, wanted)
        message = f"expected {wanted}, found {_describe(value)}"
        if isinstance(value, bool) and "text" in wanted:
            message += ": YAML reads unquoted yes/no/on/off as true/false, so put the word in quotes"
    elif kind == "required":
        missing = [name for name in error.validator_value if not isinstance(value, dict) or name not in value]
        message = f"missing required field '{missing[0] if missing else '?'}'"
    elif kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        key = extra[0] if extra else "?"
        line, column = source_map.key(at + (key,))
        field = format_field(at + (key,))
        message = f"unknown field '{key}'; allowed fields: {', '.join(allowed)}"
        rule = "schema-unknown-field"
    elif kind == "pattern":
        wanted = _PATTERN_HINTS.get(error.validator_value, f"text matching {error.validator_value}")
        message = f"{_describe(value)} is not {wanted}"
    elif kind == "minLength":
        message = "must not be empty"
    elif kind == "minItems":
        message = f"needs at least {error.validator_value} item(s)"
    elif kind == "uniqueItems":
        message = "lists the same value twice; keep one"
    elif kind in ("minimum", "maximum"):
        message = f"{_describe(value)} is out of range ({kind} {error.validator_value})"
    else:
        message = error.message
    return Problem(path, line, column, field, message, rule)
