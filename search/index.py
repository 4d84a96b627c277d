"""Building and opening the index: built aside, then swapped in; missing or corrupt means rebuild.

Each knowledge-base version gets its own folder (`<base>/<version>`), written under a temporary
name and renamed into place only when complete, so a reader never sees a half-built index and
instances serving different data never disturb each other.
"""

from __future__ import annotations

import fcntl
import gc
import logging
import os
import shutil
import stat
import tempfile
import threading
import warnings
from collections.abc import Callable
from pathlib import Path

from whoosh import index as whoosh_index

from kb.knowledge import KnowledgeBase
from search.fields import document, schema
from search.query import score_table

log = logging.getLogger(__name__)
COMPLETE_MARK = "complete"
KEEP_VERSIONS = 3


def build_index(kb: KnowledgeBase, base: Path, progress: Callable[[int, int], None] | None = None) -> Path:
    """Build the index of every law into `base/<version>` (aside, then renamed) and return its folder."""
    base = Path(base)
    base.mkdir(parents=True, exist_ok=True)
    target = base / kb.version
    building = Path(tempfile.mkdtemp(prefix=".building-", dir=base))
    try:
        ix = whoosh_index.create_in(building, schema())
        writer = ix.writer(limitmb=128)
        laws = list(kb.laws.values())
        for number, law in enumerate(laws, start=1):
            writer.add_document(**document(law, kb))
            if progress:
                progress(number, len(laws))
        writer.commit()
        ix.close()
        (building / COMPLETE_MARK).write_text(kb.version, encoding="utf-8")
        if target.exists():
            shutil.rmtree(target, ignore_errors=True)
        os.replace(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _prune_old(base, keep=target.name)
    log.info("search index built for data version %s (%d laws)", kb.version, len(kb.laws))
    return target


def _prune_old(base: Path, keep: str) -> None:
    versions = sorted(
        (p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in versions[KEEP_VERSIONS:]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)


def open_index(kb: KnowledgeBase, base: Path, damaged: bool = False):
    """Open the index for this data version, building it when it is missing, stale or corrupt
    (or `damaged`: found unreadable while in use).

    Several server processes may start at once on new data. A lock file lets one of them build
    while the others wait, then open what it built, so no process replaces an index another
    process is reading.
    """
    folder = Path(base) / kb.version
    if not damaged and (folder / COMPLETE_MARK).exists():
        ix = _try_open(folder, len(kb.laws))
        if ix is not None:
            return ix
    Path(base).mkdir(parents=True, exist_ok=True)
    with open(Path(base) / ".lock", "a+b") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            # Another process built it while we waited (or, after damage, rebuilt it: then it reads).
            if (folder / COMPLETE_MARK).exists() and not (damaged and not _readable(folder)):
                ix = _try_open(folder, len(kb.laws))
                if ix is not None:
                    return ix
            return whoosh_index.open_dir(build_index(kb, base))
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _readable(folder: Path) -> bool:
    """True when every stored field and every word of the index can be read (a full check, after a failure)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = whoosh_index.open_dir(folder)
            with ix.searcher() as searcher:
                reader = searcher.reader()
                for _ in reader.iter_docs():
                    pass
                for fieldname, text in reader.all_terms():
                    reader.postings(fieldname, text).all_ids()
            ix.close()
            return True
        except Exception:  # a damaged file can raise almost anything
            return False
        finally:
            gc.collect()


def _try_open(folder: Path, law_count: int):
    """Open a finished index folder; None when it is damaged or holds the wrong number of laws.

    Whoosh leaves a damaged index's file open when reading fails, so this runs with
    ResourceWarning silenced and collects the leaked file before returning.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            ix = whoosh_index.open_dir(folder)
            if sorted(ix.schema.names()) != sorted(schema().names()):
                # Built by an earlier version of this code: same data, different fields.
                log.warning("search index in %s has an older set of fields; rebuilding", folder)
                ix.close()
                return None
            with ix.searcher() as searcher:
                if searcher.doc_count() == law_count:
                    return ix
            log.warning("search index in %s has the wrong number of laws; rebuilding", folder)
        except Exception as exc:  # a damaged file can raise almost anything: rebuild rather than fail
            log.warning("search index in %s could not be opened (%s); rebuilding", folder, type(exc).__name__)
        gc.collect()
    return None


class IndexManager:
    """Hands out the open index for the knowledge base being served, rebuilding when data changes."""

    def __init__(self, base: Path) -> None:
        self.base = Path(base)
        self._lock = threading.Lock()
        self._version: str | None = None
        self._index = None

    def get(self, kb: KnowledgeBase, damaged=None):
        """Return an open index for `kb`, opening or building it on first use of each version
        (or rebuilding it when `damaged`, the index that failed, is still the one handed out).

        If the index folder cannot be written (a read-only instance folder, a full disk), the
        index is built in this user's private folder under the system's temporary folder instead,
        and the log says so: search keeps working, and every process reuses that one folder.
        """
        with self._lock:
            rebuild = damaged is not None and damaged is self._index
            if rebuild or self._index is None or self._version != kb.version or not (self.base / kb.version / COMPLETE_MARK).exists():
                try:
                    self._index = open_index(kb, self.base, damaged=rebuild)
                except OSError as exc:
                    fallback = private_fallback_folder()
                    log.warning(
                        "cannot write the search index in %s (%s: %s); building it in the temporary folder %s instead",
                        self.base,
                        type(exc).__name__,
                        exc.strerror or exc,
                        fallback,
                    )
                    self.base = fallback
                    self._index = open_index(kb, self.base, damaged=rebuild)
                self._version = kb.version
                score_table(self._index)  # worked out now, so no reader waits for it
            return self._index

    def run(self, kb: KnowledgeBase, work: Callable):
        """Return `work(index)`; if it fails because the open index was damaged on disk, rebuild it
        and try once more. A failure with a readable index is not the index's fault: it is raised."""
        ix = self.get(kb)
        try:
            return work(ix)
        except Exception as exc:
            error = exc
        folder = self.base / kb.version
        if _readable(folder):
            raise error
        log.error("search index in %s is damaged (%s); rebuilding it", folder, type(error).__name__)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ResourceWarning)
            error = None  # drops the traceback, and with it the file Whoosh left open
            gc.collect()
        return work(self.get(kb, damaged=ix))


def private_fallback_folder() -> Path:
    """This user's own index folder under the system's temporary folder: one per user, reused by
    every process (a fresh folder per start left 2.5 MB behind each time), never another user's."""
    folder = Path(tempfile.gettempdir()) / f"lawguide-search-index-{os.getuid()}"
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        pass
    info = folder.lstat()
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        log.warning("%s is not a private folder of this user; using a fresh temporary folder", folder)
        return Path(tempfile.mkdtemp(prefix="lawguide-search-index-"))
    return folder
