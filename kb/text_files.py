"""Read the stored statute texts a law file's laws cite, strictly, with every problem at its line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kb.checks.base import FileData, register
from kb.checks.dates import date_problems
from kb.problems import Problem
from kb.schema_check import schema_problems
from kb.texts import TEXT_SUFFIX, UNDATED, Part, StatuteText, section_file_ids, split_front_matter, text_folder, text_path
from kb.yamlsource import SourceMap, parse_yaml

TEXT_MISSING = register("text-missing", "a law's text names a section with no stored text file", area="statute texts")
TEXT_HEADER = register("text-header", "a stored text without its header between --- lines", area="statute texts")
TEXT_EMPTY = register("text-empty", "a stored text with no words of the statute", area="statute texts")


def read_texts(law_file: Path, shown: str, data: dict, source_map: SourceMap, today: date) -> tuple[dict[str, StatuteText], list[Problem]]:
    """Read every text stored beside a law file (each is checked, cited or not); report the ones a law cites but lacks."""
    texts: dict[str, StatuteText] = {}
    problems: list[Problem] = []
    folder_shown = Path(shown).with_suffix("").as_posix()
    for section in section_file_ids(text_folder(law_file)):
        text, found = read_text_file(text_path(law_file, section), section, f"{folder_shown}/{section}{TEXT_SUFFIX}", today)
        problems.extend(found)
        if text is not None:
            texts[section] = text
    file = FileData(shown, data, source_map)
    for i, law in enumerate(data["laws"]):
        for k, section in enumerate(law.get("text", [])):
            if section not in texts and not text_path(law_file, section).exists():
                message = f"no stored text at {folder_shown}/{section}{TEXT_SUFFIX}; add the section's text there, or fix the id"
                problems.append(file.problem(("laws", i, "text", k), message, TEXT_MISSING))
    return texts, problems


def read_text_file(path: Path, section: str, shown: str, today: date) -> tuple[StatuteText | None, list[Problem]]:
    """Read one text file: its header checked against the schema, its dates real, its body not empty."""
    try:
        source = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(shown, 1, 1, "", f"the file is not UTF-8 text ({exc.reason})", "encoding")]
    split = split_front_matter(source)
    if split is None:
        return None, [TEXT_HEADER.at(shown, 1, 1, "", "start the file with a header between two --- lines (citation, source, ...)")]
    header, body, body_line = split
    parsed = parse_yaml(header, shown)
    problems = [_shift(p, 1) for p in parsed.problems]
    if parsed.data is None or not isinstance(parsed.data, dict):
        if not problems:
            problems.append(TEXT_HEADER.at(shown, 2, 1, "", "the header is empty; give citation, source, source_type, as_of and read"))
        return None, problems
    problems += [_shift(p, 1) for p in schema_problems(parsed.data, parsed.source_map, shown, "statute-text")]
    if problems:
        return None, problems
    meta = parsed.data
    holder = FileData(shown, meta, parsed.source_map)
    for field in ("as_of", "read"):
        if meta[field] != UNDATED:
            problems += [_shift(p, 1) for p in date_problems(holder, (field,), meta[field], today)]
    if not body.strip():
        problems.append(TEXT_EMPTY.at(shown, body_line, 1, "", "the file has a header but no statute text below it"))
    if problems:
        return None, problems
    text = StatuteText(
        id=section,
        citation=meta["citation"],
        source=meta["source"],
        source_type=meta["source_type"],
        as_of=meta["as_of"],
        read=meta["read"],
        body=body,
        heading=meta.get("heading"),
        not_seen=tuple(Part(p["part"], p["reason"]) for p in meta.get("not_seen", [])),
        omitted=tuple(Part(p["part"], p["reason"]) for p in meta.get("omitted", [])),
        notes=tuple(meta.get("notes", [])),
    )
    return text, []


def _shift(problem: Problem, lines: int) -> Problem:
    """Move a header problem down past the opening --- line."""
    from dataclasses import replace

    return replace(problem, line=problem.line + lines)
