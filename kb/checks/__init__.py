"""Checks beyond the schema, one small rule each, all in one registry (kb.checks.base).

`file_problems` runs the single-file checks in a stable order; `cross_file_problems` the ones that
need every file. Each check is a generator of Problems made through its Rule, so a problem always
carries its rule id and level.
"""

from __future__ import annotations

from datetime import date

from kb.checks import catalogue  # noqa: F401  (registers the reading and schema rules)
from kb.checks.advice import check_advice
from kb.checks.base import ERROR, WARNING, FileData, Rule, level_of, registry, undocumented
from kb.checks.consistency import check_same_words
from kb.checks.crossfile import STRUCTURAL_RULES, cross_file_problems
from kb.checks.dates import check_dates, check_review_order
from kb.checks.elements import check_elements
from kb.checks.evidence import check_evidence, check_paths
from kb.checks.files import check_file_name, check_law_ids
from kb.checks.marks import (
    LAW_FIELDS,
    check_resource_translations,
    check_translation_sources,
    check_translation_terms,
    check_translations,
    check_unconfirmed_fields,
)
from kb.checks.summaries import check_summaries
from kb.checks.urls import check_urls

FILE_CHECKS = (
    check_file_name,
    check_law_ids,
    check_dates,
    check_review_order,
    check_urls,
    check_summaries,
    check_paths,
    check_elements,
    check_evidence,
    check_same_words,
    check_translations,
    check_translation_sources,
    check_translation_terms,
    check_resource_translations,
    check_unconfirmed_fields,
    check_advice,
)

__all__ = [
    "ERROR",
    "WARNING",
    "FileData",
    "Rule",
    "LAW_FIELDS",
    "STRUCTURAL_RULES",
    "cross_file_problems",
    "file_problems",
    "level_of",
    "registry",
    "undocumented",
]


def file_problems(file: FileData, today: date) -> list:
    """Run every single-file check on one schema-valid file."""
    return [problem for check in FILE_CHECKS for problem in check(file, today)]
