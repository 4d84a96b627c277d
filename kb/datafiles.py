"""Every data file that is not a law file, read strictly and checked against its own schema.

The facts, the question flow, the vocabulary, the synonyms, the glossaries and the map grid are read at run time
through `load_data`, which refuses a file with errors (listing each as path:line:col); the scenario and
spot-check files of the test suite are checked too when present. `data_file_problems` reports every
problem in every such file for `flask --app app laws validate`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from kb import data_schemas
from kb.locations import PROJECT_ROOT
from kb.problems import Problem
from kb.yamlsource import ParsedYaml, parse_yaml


@dataclass(frozen=True)
class DataKind:
    """One kind of data file: where it lives (globs from the project root) and its schema."""

    name: str
    patterns: tuple[str, ...]
    schema: Callable[[], dict]
    needed: bool = True  # False: checked when present (the test data is not deployed)


KINDS = (
    DataKind("facts", ("questions/facts.yaml",), data_schemas.facts_schema),
    DataKind("flow", ("questions/flow.yaml",), data_schemas.flow_schema),
    DataKind("vocabulary", ("kb/vocabulary.yaml",), data_schemas.vocabulary_schema),
    DataKind("synonyms", ("search/synonyms.yaml",), data_schemas.synonyms_schema),
    DataKind("glossary", ("translations/*/glossary.yaml",), data_schemas.glossary_schema),
    DataKind("tile-grid", ("web/data/us-tile-grid.yaml",), data_schemas.tile_grid_schema),
    DataKind("scenarios", ("tests/scenarios/*.yaml",), data_schemas.scenarios_schema, needed=False),
    DataKind("spot-checks", ("tests/data/spot_checks.yaml",), data_schemas.spot_checks_schema, needed=False),
)
KIND_BY_NAME = {kind.name: kind for kind in KINDS}


class InvalidData(Exception):
    """A data file has errors; carries every problem so all can be shown at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s):\n" + "\n".join(p.format() for p in problems))


def schema_by_name(name: str) -> dict:
    """The schema of a data kind, or of the law file ("law-file")."""
    if name == "law-file":
        from kb.schema import law_file_schema

        return law_file_schema()
    if name == "statute-text":
        from kb.schema import text_front_matter_schema

        return text_front_matter_schema()
    return _schema(name)


@cache
def _schema(name: str) -> dict:
    return KIND_BY_NAME[name].schema()


def display(path: Path, root: Path = PROJECT_ROOT) -> str:
    """A path as editors see it: relative to the project when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def kind_paths(kind: DataKind, root: Path = PROJECT_ROOT) -> list[Path]:
    """The files of one kind under `root`, sorted."""
    return sorted(path for pattern in kind.patterns for path in root.glob(pattern))


def kind_of(path: Path, root: Path = PROJECT_ROOT) -> DataKind | None:
    """The kind of a data file given by path, or None when it is not one of ours."""
    shown = display(path, root)
    return next((kind for kind in KINDS if any(Path(shown).match(pattern) for pattern in kind.patterns)), None)


def read_data_file(path: Path, kind: DataKind, root: Path = PROJECT_ROOT) -> ParsedYaml:
    """Read one data file strictly and check it against its kind's schema."""
    from kb.schema_check import schema_problems

    shown = display(path, root)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ParsedYaml(None, None, [Problem(shown, 1, 1, "", "the file does not exist", "file-missing")])
    except UnicodeDecodeError as exc:
        return ParsedYaml(None, None, [Problem(shown, 1, 1, "", f"the file is not UTF-8 text ({exc.reason})", "encoding")])
    parsed = parse_yaml(text, shown)
    if parsed.data is not None and not parsed.problems:
        parsed.problems.extend(schema_problems(parsed.data, parsed.source_map, shown, kind.name))
    return parsed


def load_data(kind_name: str, path: Path | None = None) -> object:
    """Return a data file's contents for use at run time; raise InvalidData when it has errors."""
    kind = KIND_BY_NAME[kind_name]
    path = path or PROJECT_ROOT / kind.patterns[0]
    parsed = read_data_file(path, kind)
    errors = [p for p in parsed.problems if p.severity == "error"]
    if errors:
        raise InvalidData(errors)
    return parsed.data
