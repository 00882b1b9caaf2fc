"""Exceptions that carry a message a person can act on. Core raises them; the CLI and the UI show them."""

from __future__ import annotations


class StudioDeskError(Exception):
    """Base class. ``str(exc)`` is a complete sentence naming what and where."""


class DatabaseProblem(StudioDeskError):
    """The database file cannot be used as it is; nothing has been written to it.

    ``kind`` is one of: missing, locked, corrupt, foreign, newer, unreadable.
    """

    def __init__(self, kind: str, path: object, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.path = path


class PermissionDenied(StudioDeskError):
    """The actor's role may not do this; raised inside services, whatever the UI shows."""


class InvalidInput(StudioDeskError):
    """Bad input, with ``field`` (and ``row`` where there is one) named."""

    def __init__(self, message: str, *, field: str = "", row: int | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.row = row


class AccountLocked(StudioDeskError):
    def __init__(self, message: str, seconds_left: int) -> None:
        super().__init__(message)
        self.seconds_left = seconds_left


class LoginFailed(StudioDeskError):
    pass
