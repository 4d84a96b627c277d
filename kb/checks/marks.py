"""Unconfirmed marks and translations point at what the law really has."""

from __future__ import annotations

import re
from datetime import date

from kb.checks.base import WARNING, FileData, register
from kb.glossary import wrong_terms
from kb.i18n import N_
from kb.model import build_law

UNCONFIRMED_FIELD = register("unconfirmed-field", "an unconfirmed mark naming a field a law does not have")
TRANSLATION_REQUIRES = register("translation-requires", "a translation whose requires list does not match the law's requires, one for one")
TRANSLATION_PATH = register("translation-path", "a translation naming a path the law does not have")
TRANSLATION_STALE = register(
    "translation-stale", N_("a translation made from English that has changed since (its source fingerprint differs)"), WARNING
)
TRANSLATION_SOURCE = register("translation-source", N_("a translation without the fingerprint of the English it was made from"), WARNING)
TRANSLATION_TERM = register("translation-term", N_("a translation using a term its language's glossary lists as wrong"), WARNING)
RESOURCE_PHONE = register("resource-phone", "a resource's translated phone line whose numbers differ from the phone line's")

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


def check_translation_sources(file: FileData, today: date):
    """Each translation records the fingerprint of the English it was made from, and it is still today's.

    A translation made from an older English summary may say less than the law does: readers are told,
    and `laws review` and /maintain list it until someone compares the two and updates the fingerprint.
    """
    for i, raw in enumerate(file.data["laws"]):
        codes = list(raw.get("translations", {}))
        if not codes:
            continue
        law = build_law(raw, file.data["id"])
        for code in codes:
            written_for = raw["translations"][code].get("source")
            now = law.english_fingerprint(code)
            at = ("laws", i, "translations", code)
            if written_for is None:
                yield file.problem(
                    at,
                    f'has no source fingerprint: compare it with the English, then add `source: "{now}"` under `{code}:`',
                    TRANSLATION_SOURCE,
                    key=True,
                )
            elif written_for != now:
                yield file.problem(
                    at + ("source",),
                    f"was made from English that has changed since (written for {written_for}, the English is now {now}): "
                    f'update the translation to match the English, then set `source: "{now}"`',
                    TRANSLATION_STALE,
                )


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def check_resource_translations(file: FileData, today: date):
    """A resource's translated phone line gives exactly the numbers of its phone line, in order."""
    for i, resource in enumerate(file.data.get("resources", [])):
        for code, translated in resource.get("translations", {}).items():
            phone = translated.get("phone")
            if phone is None:
                continue
            if "phone" not in resource or _numbers(phone) != _numbers(resource["phone"]):
                yield file.problem(
                    ("resources", i, "translations", code, "phone"),
                    f"gives the numbers {' '.join(_numbers(phone)) or 'none'} but the phone line has "
                    f"{' '.join(_numbers(resource.get('phone', ''))) or 'none'}: translate only the words",
                    RESOURCE_PHONE,
                )


def _texts(value, at: tuple):
    """Every text inside a translation, with where it is."""
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, dict):
        for key, inner in value.items():
            if key != "source":
                yield from _texts(inner, at + (key,))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _texts(inner, at + (index,))


def check_translation_terms(file: FileData, today: date):
    """No translation uses a term its language's glossary (translations/<code>/glossary.yaml) lists as wrong."""
    places = [(("laws", i), law) for i, law in enumerate(file.data["laws"])]
    places += [(("resources", i), resource) for i, resource in enumerate(file.data.get("resources", []))]
    for at, item in places:
        for code, translated in item.get("translations", {}).items():
            for where, text in _texts(translated, at + ("translations", code)):
                for wrong in wrong_terms(text, code):
                    message = f"'{wrong.found}': {wrong.why} (glossary: {wrong.english[0]} = {wrong.use})"
                    yield file.problem(where, message, TRANSLATION_TERM)
