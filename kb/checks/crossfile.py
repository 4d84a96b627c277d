"""Rules that need every file at once: unique ids and citations, known parents, no copied summaries."""

from __future__ import annotations

from kb.checks.base import FileData, register
from kb.checks.summaries import words

DUPLICATE_JURISDICTION_ID = register("duplicate-jurisdiction-id", "two files with the same jurisdiction id")
DUPLICATE_LAW_ID = register("duplicate-law-id", "two laws with the same id")
DUPLICATE_CITATION = register("duplicate-citation", "two laws with the same citation")
UNKNOWN_PARENT = register("unknown-parent", "a parent that names no jurisdiction")
COPIED_SUMMARY = register("copied-summary", "a long run of words shared with another law's summary")

COPY_RUN_WORDS = 12
# A clash of ids, citations or parents makes a file unsafe to serve; a copied summary does not.
STRUCTURAL_RULES = {r.id for r in (DUPLICATE_JURISDICTION_ID, DUPLICATE_LAW_ID, DUPLICATE_CITATION, UNKNOWN_PARENT)}


def cross_file_problems(files: list[FileData]) -> list:
    """Run the rules that need every file: unique ids and citations, parents, copied summaries."""
    problems = []
    seen_jurisdictions: dict[str, FileData] = {}
    for file in files:
        jid = file.data["id"]
        if jid in seen_jurisdictions:
            other = seen_jurisdictions[jid].path
            problems.append(file.problem(("id",), f"jurisdiction id '{jid}' is already used by {other}", DUPLICATE_JURISDICTION_ID))
        else:
            seen_jurisdictions[jid] = file
    for file in files:
        parent = file.data.get("parent")
        if parent and parent not in seen_jurisdictions:
            known = ", ".join(sorted(seen_jurisdictions)[:12])
            problems.append(file.problem(("parent",), f"'{parent}' is not a known jurisdiction (known: {known}, ...)", UNKNOWN_PARENT))
    problems.extend(_unique_law_fields(files, "id", DUPLICATE_LAW_ID))
    problems.extend(_unique_law_fields(files, "citation", DUPLICATE_CITATION))
    problems.extend(_copied_summaries(files))
    return problems


def _laws(files: list[FileData]):
    for file in files:
        for i, law in enumerate(file.data["laws"]):
            yield file, ("laws", i), law


def _unique_law_fields(files: list[FileData], field: str, rule):
    first: dict[str, tuple[FileData, tuple]] = {}
    for file, at, law in _laws(files):
        key = " ".join(law[field].split()).lower()
        if key in first:
            other_file, other_at = first[key]
            line = other_file.source_map.value(other_at + (field,))[0]
            yield file.problem(at + (field,), f"{field} '{law[field]}' is already used in {other_file.path}:{line}", rule)
        else:
            first[key] = (file, at)


def _copied_summaries(files: list[FileData]):
    """Report a shared run of words on both laws: load order says nothing about who copied whom."""
    owners: dict[tuple, tuple[FileData, tuple, str]] = {}
    pairs: set[tuple[str, str]] = set()
    for file, at, law in _laws(files):
        summary_words = words(law["summary"])
        for start in range(len(summary_words) - COPY_RUN_WORDS + 1):
            run = tuple(summary_words[start : start + COPY_RUN_WORDS])
            owner = owners.setdefault(run, (file, at, law["id"]))
            pair = tuple(sorted((owner[2], law["id"])))
            if owner[2] == law["id"] or pair in pairs:
                continue
            pairs.add(pair)
            for (this_file, this_at, _), other in (((file, at, law["id"]), owner), (owner, (file, at, law["id"]))):
                yield this_file.problem(
                    this_at + ("summary",),
                    f"shares {COPY_RUN_WORDS}+ words in a row with the summary of {other[2]} ({other[0].path}); write each summary afresh",
                    COPIED_SUMMARY,
                )
