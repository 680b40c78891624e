"""Content problems: stable codes, and the one-line format editors see.

Every problem reads ``file:line: CODE field — what is wrong — how to fix it``. Line 0 means the
problem concerns the file or folder as a whole. The codes are stable: they are listed in the README
and a test fails when one is missing there.
"""

from __future__ import annotations

from dataclasses import dataclass

#: code -> what the rule is about (English, for developers; messages to editors are Dutch)
CODES: dict[str, str] = {
    "T001": "file unreadable, or front matter missing or not closed with ---",
    "T002": "YAML syntax error, or front matter that is not a mapping",
    "T003": "required field missing",
    "T004": "unknown field",
    "T005": "wrong type or value out of range",
    "T006": "roles: unknown role, or no role with a weight above zero",
    "T007": "list with too few or too many items",
    "T008": "statement not in the first person (no 'ik')",
    "T009": "reflection question does not end with '?'",
    "T010": "chapter key not in structuur.yaml",
    "T011": "related theme unknown, duplicated, or the theme itself",
    "T012": "file name does not match number and title (NNN-slug.md)",
    "T013": "theme number used by more than one file",
    "T014": "theme missing: a number of the structure has no file",
    "T015": "theme in the wrong chapter: order differs from the book's",
    "T016": "structure file inconsistent (chapter ranges, roles, quick scan)",
    "T017": "statement opens with a rarely behavioural form (Ik ken/weet/ben/heb/kan) without a reason, or a stale exception",
    "T018": "main role differs from the chapter's role without a role_exception, or a stale role_exception",
}


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, located as precisely as we can."""

    path: str
    line: int
    code: str
    field: str
    message: str
    fix: str

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code}")

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.field} — {self.message} — {self.fix}"


class ContentError(Exception):
    """Raised when the content cannot be loaded; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = tuple(problems)
        super().__init__(f"{len(self.problems)} problem(s) in the theme content")
