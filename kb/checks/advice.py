"""Warnings: nothing is invalid, but a reader would be better served if someone looked again."""

from __future__ import annotations

from datetime import date

from kb.checks.base import WARNING, FileData, register
from kb.i18n import N_

SECONDARY_SOURCE = register(
    "secondary-source", N_("the law was checked against a summary, not its text; find the text and check it again"), WARNING
)
NO_RESOURCES = register("no-resources", N_("the jurisdiction lists no local help (a coalition, legal aid or a hotline)"), WARNING)


def check_advice(file: FileData, today: date):
    """Warn about laws checked only against a summary, and files with no local help."""
    if not file.data.get("resources"):
        yield file.problem(("id",), "the file lists no local help; add a coalition, legal aid or a hotline under resources", NO_RESOURCES)
    for i, law in enumerate(file.data["laws"]):
        if law["checked"].get("source_type") == "secondary":
            yield file.problem(
                ("laws", i, "checked", "source_type"),
                "checked against a summary, not the law's text; find the text and check the law again",
                SECONDARY_SOURCE,
            )
