"""What every page is given: the open database, the signed-in person and the background lane."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from core.domain.roles import Actor

if TYPE_CHECKING:
    from ui.tasks import TaskRunner


@dataclass(frozen=True)
class PageContext:
    """Plain handles a page needs. ``db`` is a core ``Database`` (typed loosely: ui never imports SQLAlchemy)."""

    db: Any
    actor: Actor
    tasks: TaskRunner
