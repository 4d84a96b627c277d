"""Unconfirmed marks and translations point at what the law really has."""

from __future__ import annotations

from datetime import date

from kb.checks.base import FileData, register

UNCONFIRMED_FIELD = register("unconfirmed-field", "an unconfirmed mark naming a field a law does not have")
TRANSLATION_REQUIRES = register("translation-requires", "a translation whose requires list does not match the law's requires, one for one")
TRANSLATION_PATH = register("translation-path", "a translation naming a path the law does not have")

LAW_FIELDS = (
    "id", "title", "citation", "url", "kind", "topics", "summary", "elements", "paths", "text", "penalty", "notes", "checked", "history"
)  # fmt: skip


def check_unconfirmed_fields(file: FileData, today: date):
    """Every unconfirmed mark names a field of a law."""
    for i, law in enumerate(file.data["laws"]):
        for j, entry in enumerate(law.get("unconfirmed", [])):
            if entry["field"].split(".")[0].split("[")[0] not in LAW_FIELDS:
                yield file.problem(
                    ("laws", i, "unconfirmed", j, "field"),
                    f"'{entry['field']}' names no field of a law; use one of: {', '.join(LAW_FIELDS)} (e.g. elements.min_acts)",
                    UNCONFIRMED_FIELD,
                )


def check_translations(file: FileData, today: date):
    """A translation's requirements match the law's, one for one; its paths are the law's paths."""
    for i, law in enumerate(file.data["laws"]):
        at = ("laws", i)
        paths = {path["id"]: path for path in law.get("paths", [])}
        for code, translated in law.get("translations", {}).items():
            given = translated.get("requires")
            wanted = len(law["elements"].get("requires", [])) if "elements" in law else 0
            if given is not None and len(given) != wanted:
                yield file.problem(
                    at + ("translations", code, "requires"),
                    f"gives {len(given)} requirement(s) but the law has {wanted}; translate each elements.requires describe, in order",
                    TRANSLATION_REQUIRES,
                )
            for path_id, path_text in translated.get("paths", {}).items():
                where = at + ("translations", code, "paths", path_id)
                if path_id not in paths:
                    known = ", ".join(paths) or "none"
                    yield file.problem(where, f"the law has no path '{path_id}' (its paths: {known})", TRANSLATION_PATH, key=True)
                    continue
                given = path_text.get("requires")
                wanted = len(paths[path_id]["elements"].get("requires", []))
                if given is not None and len(given) != wanted:
                    yield file.problem(
                        where + ("requires",),
                        f"gives {len(given)} requirement(s) but path '{path_id}' has {wanted}; translate each requires describe, in order",
                        TRANSLATION_REQUIRES,
                    )
