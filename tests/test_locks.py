"""The lock files pin the whole dependency tree with hashes, so an audit can be reproduced: every
requirement is in its lock at the same version, and every locked package carries hashes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;#\\]+)", re.MULTILINE)


def _name(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _requirements(path: Path) -> dict[str, str]:
    """Pinned requirements of a requirements file, following `-r` includes."""
    found: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("-r "):
            found |= _requirements(path.parent / line[3:].strip())
        elif line:
            match = PIN.match(line)
            assert match, f"{path.name}: '{line}' is not pinned with =="
            found[_name(match.group(1))] = match.group(2)
    return found


def _locked(path: Path) -> dict[str, tuple[str, int]]:
    """Each locked package: its version and how many hashes it carries."""
    text = path.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 1)[1])
    locked = {}
    for entry in entries:
        match = PIN.match(entry.strip())
        if match:
            locked[_name(match.group(1))] = (match.group(2), entry.count("--hash=sha256:"))
    return locked


@pytest.mark.parametrize(
    "requirements, lock", [("requirements.txt", "requirements.lock"), ("requirements-dev.txt", "requirements-dev.lock")]
)
def test_the_lock_covers_every_requirement_with_hashes(requirements, lock):
    wanted = _requirements(ROOT / requirements)
    locked = _locked(ROOT / lock)
    assert wanted and len(locked) > len(wanted)  # the transitive dependencies are pinned too
    missing = {name: version for name, version in wanted.items() if locked.get(name, ("", 0))[0] != version}
    assert missing == {}, f"{lock} is out of date; regenerate it (docs/deployment.md)"
    assert [name for name, (_, hashes) in locked.items() if hashes == 0] == []


def test_the_runtime_lock_is_part_of_the_dev_lock():
    runtime, dev = _locked(ROOT / "requirements.lock"), _locked(ROOT / "requirements-dev.lock")
    assert {name: version for name, (version, _) in runtime.items() if dev.get(name, ("",))[0] != version} == {}
