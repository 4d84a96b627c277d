"""Rules whose problems are made outside the checks: reading the file and the schema.

They are registered here so that the registry, and so the docs test, knows every rule id a
maintainer can meet.
"""

from __future__ import annotations

from kb.checks.base import register

SOURCE = "reading files"
for _id, _summary in (
    ("yaml-syntax", "the file is not valid YAML"),
    ("yaml-tag", "a !!tag was used"),
    ("yaml-alias", "an anchor (&) or alias (*): values are written out in full"),
    ("duplicate-key", "the same key twice in one mapping"),
    ("bool-key", "an unquoted yes, no, on or off used as a key"),
    ("empty-file", "the file has nothing in it"),
    ("encoding", "the file is not UTF-8 text"),
    ("file-missing", "a file that was being served has been deleted"),
):
    register(_id, _summary, area=SOURCE)

SCHEMA = "the schema"
for _id, _summary in (
    ("schema-enum", "a value not in its closed list"),
    ("schema-type", "a value of the wrong kind"),
    ("schema-required", "a required field is missing"),
    ("schema-unknown-field", "a field the format does not have"),
    ("schema-pattern", "a date, address or id of the wrong form"),
    ("schema-minLength", "an empty field"),
    ("schema-maxLength", "a field that is too long"),
    ("schema-minItems", "an empty list"),
    ("schema-uniqueItems", "a list that repeats a value"),
    ("schema-minimum", "a number below its range"),
    ("schema-maximum", "a number above its range"),
    ("schema-minProperties", "an empty mapping where fields are needed"),
    ("schema-oneOf", "a value that fits none, or more than one, of the allowed forms"),
    ("schema-not", "a combination of fields that is not allowed"),
    ("schema-invalid", "a value the schema refuses for another reason (the message says which)"),
):
    register(_id, _summary, area=SCHEMA)
