"""Keep the live knowledge base current while law files are edited, without outages.

A changed file is re-read; if it no longer validates (or now clashes with another file), its
last good version stays live and the problems are kept for the maintainer to see. Production
uses `load_strict`, which refuses invalid data outright and serves nothing of it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from kb.loader import (
    DEFAULT_LAW_DIR,
    STRUCTURAL_RULES,
    FileResult,
    LoadResult,
    assemble,
    display_path,
    file_stamp,
    law_file_paths,
    read_file,
)
from kb.problems import Problem

log = logging.getLogger(__name__)


class InvalidLawData(Exception):
    """The law files have errors; carries every problem so all can be shown at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        lines = "\n".join(p.format() for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the law files:\n{lines}")


class LawStore:
    """Holds the current KnowledgeBase and reloads changed files on request."""

    def __init__(self, directory: Path = DEFAULT_LAW_DIR, today: Callable[[], date] = date.today, min_interval: float = 0.5) -> None:
        self.directory = Path(directory)
        self.today = today
        self.min_interval = min_interval
        self._lock = threading.Lock()
        self._stamps: dict[Path, tuple[int, int]] = {}
        self._results: dict[Path, FileResult] = {}
        self._good: dict[Path, FileResult] = {}
        self._last_check = 0.0
        self.current: LoadResult | None = None
        self.problems: list[Problem] = []
        self.listeners: list[Callable[[LoadResult], None]] = []

    @property
    def kb(self):
        """The knowledge base being served."""
        return self.current.kb

    def load_strict(self) -> LoadResult:
        """Load every file; raise InvalidLawData listing every problem if any file is invalid."""
        result = self._reload_all(notify=False)
        errors = [p for p in self.problems if p.severity == "error"]
        if errors:
            with self._lock:
                self.current, self._good, self._stamps, self._results = None, {}, {}, {}
            raise InvalidLawData(errors)
        for listener in self.listeners:
            listener(result)
        return result

    def load_lenient(self) -> LoadResult:
        """Load every file, serving the valid ones and keeping the problems for the maintainer."""
        result = self._reload_all()
        for problem in self.problems:
            if problem.severity == "error":
                log.error("law file problem: %s", problem.format())
        return result

    def _stamp(self, path: Path) -> tuple:
        return file_stamp(path)

    def _scan(self) -> dict[Path, tuple[int, int]]:
        stamps = {}
        for path in law_file_paths([self.directory]):
            try:
                stamps[path] = self._stamp(path)
            except FileNotFoundError:
                continue
        return stamps

    def _reload_all(self, notify: bool = True) -> LoadResult:
        with self._lock:
            self._stamps = self._scan()
            self._results = {path: read_file(path, self.today()) for path in self._stamps}
            # Only a file with a last good version can be "not reloaded"; on a first load, a problem is
            # reported once, by the caller.
            return self._publish({path for path in self._results if path in self._good}, notify)

    def refresh(self, force: bool = False) -> bool:
        """Re-read files changed since the last look; return True if the served data changed."""
        now = time.monotonic()
        if not force and now - self._last_check < self.min_interval:
            return False
        self._last_check = now
        with self._lock:
            stamps = self._scan()
            changed = {p for p, s in stamps.items() if self._stamps.get(p) != s}
            removed = set(self._stamps) - set(stamps)
            if not changed and not removed:
                return False
            self._stamps = stamps
            for path in removed:
                self._results[path] = read_file(path, self.today())  # reports the file as missing
            for path in changed:
                self._results[path] = read_file(path, self.today())
            before = self.current.kb.version if self.current else None
            old_ids = self._law_ids(changed)
            self._publish(changed | removed)
            self._log_lost_laws(old_ids)
            return self.current.kb.version != before

    def _law_ids(self, paths: set[Path]) -> dict[Path, set[str]]:
        """The law ids each file served before a reload."""
        return {path: _ids(self._good[path]) for path in paths if path in self._good}

    def _log_lost_laws(self, old_ids: dict[Path, set[str]]) -> None:
        """A valid file with fewer laws is served (it may be a deliberate edit), but never silently."""
        for path, before in old_ids.items():
            after = _ids(self._good[path]) if path in self._good else set()
            lost = sorted(before - after)
            if lost:
                log.warning("law file %s no longer has %d law(s): %s", display_path(path), len(lost), ", ".join(lost))

    def _publish(self, touched: set[Path], notify: bool = True) -> LoadResult:
        """Serve each file's newest good version; a touched file that fails keeps its old one."""
        chosen = {path: (result if result.file is not None else self._good.get(path)) for path, result in self._results.items()}
        serving = [r for r in chosen.values() if r is not None]
        result = assemble(serving)
        clashing = {p.path for p in result.problems if p.rule in STRUCTURAL_RULES}
        reverted_paths = set()
        for path in touched:
            fresh = self._results[path]
            if fresh.file is not None and fresh.path in clashing and path in self._good:
                chosen[path] = self._good[path]
                reverted_paths.add(fresh.path)
        clash_problems = [p for p in result.problems if p.path in reverted_paths]
        if reverted_paths:
            result = assemble([r for r in chosen.values() if r is not None])
            for problem in clash_problems:
                log.error("law file not reloaded, keeping its last good version: %s", problem.format())
        own_problems = [p for r in self._results.values() for p in r.problems]
        self.problems = sorted(set(own_problems) | set(result.problems) | set(clash_problems), key=lambda p: (p.path, p.line, p.column))
        unsafe = {p.path for p in result.problems if p.rule in STRUCTURAL_RULES}
        for path, picked in chosen.items():
            if picked is not None and picked.path not in unsafe:
                self._good[path] = picked
        for path in touched:
            if self._results[path].file is None:
                for problem in (p for p in self._results[path].problems if p.severity == "error"):
                    log.error("law file not reloaded, keeping its last good version: %s", problem.format())
        self.current = result
        if notify:
            for listener in self.listeners:
                listener(result)
        return result


def _ids(result: FileResult) -> set[str]:
    """The law ids in one read file (none when it failed to read)."""
    if result.file is None:
        return set()
    return {str(law.get("id")) for law in result.file.data.get("laws") or [] if isinstance(law, dict)}
