"""Typed errors. The CLI turns each into one line, ``error: path:line: message``, and an exit code.

No click import here: the library raises these, only ``cli.py`` knows about terminals.
"""

from __future__ import annotations

from collections.abc import Sequence


class ClaimdiffError(Exception):
    """Base class; ``exit_code`` 2 means a usage, input or configuration error."""

    exit_code = 2
    code = "claimdiff-error"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class CorpusError(ClaimdiffError):
    code = "corpus-error"


class ManifestError(ClaimdiffError):
    code = "manifest-error"


class StoreError(ClaimdiffError):
    code = "store-error"


class DecisionError(ClaimdiffError):
    code = "decision-error"


class ExpectationError(ClaimdiffError):
    code = "expectation-error"


class ReviewError(ClaimdiffError):
    code = "review-error"


class InputErrors(ClaimdiffError):
    """Several input errors collected before failing, so the user fixes them in one pass."""

    code = "input-errors"

    def __init__(self, errors: Sequence[ClaimdiffError]) -> None:
        self.errors = tuple(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
