"""Errors a user can cause. The CLI turns them into messages and exit codes, never tracebacks."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about a data file: ``path:line: message`` (line 0 = the file as a whole)."""

    path: str
    line: int
    message: str
    level: str = "error"  # "error" or "conflict" (a known, explained inconsistency)

    def __str__(self) -> str:
        loc = f"{self.path}:{self.line}" if self.line else self.path
        return f"{loc}: {self.message}"


class FinsamError(Exception):
    """Base of errors caused by input (data, parameters, paths), shown without a traceback."""

    exit_code = 1


class DataError(FinsamError):
    """The curated tables are broken; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        head = "\n".join(str(p) for p in self.problems[:50])
        more = f"\n... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the data:\n{head}{more}")


class ParameterError(FinsamError, ValueError):
    """A notebook or CLI parameter is unknown or of the wrong type."""

    exit_code = 2
