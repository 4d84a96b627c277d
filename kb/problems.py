"""Problems found in law files, kept as values so every one can be reported in one run."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one place, with a rule id editors can look up."""

    path: str
    line: int
    column: int
    field: str
    message: str
    rule: str
    severity: str = "error"

    def format(self) -> str:
        """Render as `path:line:col: error: field: message (rule)`, the form editors and CI read."""
        where = f"{self.field}: " if self.field else ""
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {where}{self.message} ({self.rule})"


def format_field(path: tuple) -> str:
    """Turn a value's path ('laws', 2, 'elements') into the readable `laws[2].elements`."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def sort_problems(problems) -> list[Problem]:
    """Order problems by file, then position, so output is stable and easy to scan."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.rule, p.message))
