"""Read law files into a KnowledgeBase, collecting every problem in every file in one run."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kb.checks import STRUCTURAL_RULES, FileData, cross_file_problems, file_problems
from kb.knowledge import KnowledgeBase
from kb.locations import PROJECT_ROOT
from kb.model import build_jurisdiction
from kb.problems import Problem, sort_problems
from kb.schema_check import schema_problems
from kb.text_files import read_texts
from kb.texts import TEXT_SUFFIX, text_folder
from kb.yamlsource import parse_yaml

DEFAULT_LAW_DIR = PROJECT_ROOT / "jurisdictions"


@dataclass
class FileResult:
    """One file as read: its schema-valid data (None when it failed) and its own problems."""

    path: str
    file: FileData | None
    problems: list[Problem]
    digest: str = ""


@dataclass
class LoadResult:
    """The knowledge base built from every valid file, and all problems found."""

    kb: KnowledgeBase
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, FileResult] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no file has an error."""
        return not any(p.severity == "error" for p in self.problems)


def display_path(path: Path) -> str:
    """Show a path relative to the project (as editors and CI print it), else as given."""
    try:
        return path.resolve().relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def law_file_paths(paths: list[Path]) -> list[Path]:
    """Expand folders into the YAML files below them (skipping index.yaml group files), each once."""
    found: dict[Path, Path] = {}
    for path in paths:
        candidates = [p for p in sorted(path.rglob("*.yaml")) if p.name != "index.yaml"] if path.is_dir() else [path]
        for candidate in candidates:
            found.setdefault(candidate.resolve(), candidate)
    return list(found.values())


# Files read before, by where they are, what they hold and the day they were checked on: a file (and
# its stored texts) that has not changed is not parsed again. It holds the law data only, never
# anything a reader sent; a test run, which builds many apps on the same files, parses each once.
_READ: dict[tuple, FileResult] = {}
_READ_LIMIT = 512


def read_file(path: Path, today: date) -> FileResult:
    """Parse, schema-check and rule-check one law file, with the statute texts its laws cite."""
    shown = display_path(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except FileNotFoundError:
        return FileResult(shown, None, [Problem(shown, 1, 1, "", "the file does not exist", "file-missing")])
    except UnicodeDecodeError as exc:
        return FileResult(shown, None, [Problem(shown, 1, 1, "", f"the file is not UTF-8 text ({exc.reason})", "encoding")])
    digest = hashlib.sha256(raw + texts_digest(path)).hexdigest()
    key = (str(path.resolve()), shown, digest, today)
    found = _READ.get(key)
    if found is None:
        found = _read(path, shown, text, digest, today)
        if len(_READ) >= _READ_LIMIT:
            _READ.clear()
        _READ[key] = found
    return found


def _read(path: Path, shown: str, text: str, digest: str, today: date) -> FileResult:
    parsed = parse_yaml(text, shown)
    problems = list(parsed.problems)
    if parsed.data is None:
        return FileResult(shown, None, problems, digest)
    if not isinstance(parsed.data, dict):
        problems.append(Problem(shown, 1, 1, "", "a law file is a mapping of fields (id, name, laws, ...)", "schema-type"))
        return FileResult(shown, None, problems, digest)
    problems.extend(schema_problems(parsed.data, parsed.source_map, shown))
    if problems:
        return FileResult(shown, None, problems, digest)
    texts, text_problems = read_texts(path, shown, parsed.data, parsed.source_map, today)
    file = FileData(shown, parsed.data, parsed.source_map, texts)
    problems.extend(text_problems)
    problems.extend(file_problems(file, today))
    has_errors = any(p.severity == "error" for p in problems)
    return FileResult(shown, None if has_errors else file, problems, digest)


def texts_digest(law_file: Path) -> bytes:
    """A digest of every stored text beside a law file, so an edited text changes the data version."""
    folder = text_folder(law_file)
    if not folder.is_dir():
        return b""
    digest = hashlib.sha256()
    for text in sorted(folder.glob(f"*{TEXT_SUFFIX}")):
        digest.update(text.name.encode() + b"\0" + text.read_bytes())
    return digest.digest()


def file_stamp(law_file: Path) -> tuple:
    """What changes when a law file or one of its stored texts is edited: sizes and modification times."""
    info = law_file.stat()
    stamp = [(law_file.name, info.st_mtime_ns, info.st_size)]
    folder = text_folder(law_file)
    if folder.is_dir():
        for text in sorted(folder.glob(f"*{TEXT_SUFFIX}")):
            text_info = text.stat()
            stamp.append((text.name, text_info.st_mtime_ns, text_info.st_size))
    return tuple(stamp)


def assemble(results: list[FileResult]) -> LoadResult:
    """Run the cross-file rules over the valid files and build the knowledge base from them."""
    good = [r.file for r in results if r.file is not None]
    cross = cross_file_problems(good)
    # A clash of ids, citations or parents makes a file unsafe to serve; a copied summary does not.
    bad_paths = {p.path for p in cross if p.rule in STRUCTURAL_RULES}
    jurisdictions = {}
    for file in good:
        if file.path in bad_paths:
            continue
        jurisdiction = build_jurisdiction(file.data, file.path, file.texts)
        jurisdictions[jurisdiction.id] = jurisdiction
    version = hashlib.sha256("".join(sorted(r.digest for r in results if r.file is not None)).encode()).hexdigest()[:16]
    problems = sort_problems([p for r in results for p in r.problems] + cross)
    return LoadResult(KnowledgeBase(jurisdictions, version), problems, {r.path: r for r in results})


def load(paths: list[Path] | None = None, today: date | None = None) -> LoadResult:
    """Load law files (default: every file under jurisdictions/) and report all problems."""
    today = today or date.today()
    files = law_file_paths(paths or [DEFAULT_LAW_DIR])
    return assemble([read_file(path, today) for path in files])
