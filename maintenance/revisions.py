"""Read the law files as they were at a git revision, for the semantic diff.

Git is asked through its command line (no library needed). Files are parsed with the same safe
YAML loader as the site; a file that does not parse at some revision is reported, not fatal, so a
reviewer can diff across a broken commit.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml


class RevisionError(Exception):
    """Git could not give us the files: the message says why and what to try."""


@dataclass
class ParsedRevision:
    """The parsed law files of one revision (path -> data) and the files that would not parse."""

    label: str
    files: dict[str, dict] = field(default_factory=dict)
    unreadable: dict[str, str] = field(default_factory=dict)


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False, timeout=60)
    except FileNotFoundError as error:
        raise RevisionError("git is not installed; the semantic diff reads revisions with git.") from error
    if done.returncode != 0:
        raise RevisionError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def repository_of(law_dir: Path) -> tuple[Path, str]:
    """The git work tree holding the law folder, and the folder's path inside it."""
    try:
        root = Path(_git(law_dir, "rev-parse", "--show-toplevel").strip())
    except RevisionError as error:
        raise RevisionError(f"{law_dir} is not inside a git repository ({error}).") from error
    return root, law_dir.resolve().relative_to(root.resolve()).as_posix()


def _parse(label: str, texts: dict[str, str]) -> ParsedRevision:
    parsed = ParsedRevision(label)
    for path, text in sorted(texts.items()):
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as error:
            parsed.unreadable[path] = str(error).splitlines()[0]
            continue
        if isinstance(data, dict):
            parsed.files[path] = data
        else:
            parsed.unreadable[path] = "the file does not hold a jurisdiction (a mapping of keys)"
    return parsed


def _is_law_file(path: str) -> bool:
    return path.endswith(".yaml") and not path.endswith("/index.yaml")


def at_revision(law_dir: Path, revision: str) -> ParsedRevision:
    """The law files at `revision` (anything git accepts: a commit, a tag, HEAD~1, main)."""
    root, inside = repository_of(law_dir)
    try:
        commit = _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").strip()
    except RevisionError as error:
        raise RevisionError(f"'{revision}' is not a revision in {root.name}: try a commit id, a branch, a tag or HEAD~1.") from error
    names = [n for n in _git(root, "ls-tree", "-r", "--name-only", commit, "--", inside).splitlines() if _is_law_file(n)]
    texts = {name: _git(root, "show", f"{commit}:{name}") for name in names}
    return _parse(revision, texts)


def working_tree(law_dir: Path) -> ParsedRevision:
    """The law files as they are on disk now, edits not yet committed included."""
    root, _ = repository_of(law_dir)
    texts = {
        path.resolve().relative_to(root.resolve()).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(law_dir.rglob("*.yaml"))
        if _is_law_file(path.as_posix())
    }
    return _parse("working files", texts)
