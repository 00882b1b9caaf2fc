"""What the live console reads and writes, as plain functions over core services (no Qt here).

Reads (:func:`read_console`) run on the background lane and write nothing. Writes are each one short unit of work
on the GUI thread (switching the product on air or saving a promise takes a few milliseconds), so what the operator
did is committed before the key press returns: a crash right after loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core.domain.roles import Actor

CONSOLE_STATUSES = ("live", "ready", "planned")  # the combo's choices; the live one is picked first


@dataclass(frozen=True)
class SessionChoice:
    id: int
    title: str
    status: str
    planned_start: datetime


@dataclass(frozen=True)
class NumberedProduct:
    """A lineup product on a number key (1–9) with its live price in fen."""

    number: int
    product_id: int
    name: str
    price_fen: int | None


@dataclass(frozen=True)
class ConsoleState:
    """Everything the console shows for one session (``session_id`` None: no session to pick)."""

    choices: tuple[SessionChoice, ...]
    session_id: int | None
    title: str = ""
    status: str = ""
    actual_start: datetime | None = None
    actual_end: datetime | None = None
    zone: Any = None  # the studio's zoneinfo
    lineup: tuple[NumberedProduct, ...] = ()
    on_air: Any = None  # live_timeline.AirSegmentView | None
    timeline: tuple = ()  # live_timeline.AirSegmentView rows
    promises: tuple = ()  # promises.PromiseView rows
    counters: tuple = ()  # promises.QuantityCounter rows
    templates: tuple[dict[str, Any], ...] = ()
    draft: dict[str, Any] | None = None

    @property
    def live(self) -> bool:
        return self.status == "live"


def pick_session(choices: tuple[SessionChoice, ...], wanted: int | None) -> int | None:
    """The session to show: ``wanted`` if still a choice, else the live one, else the next planned (soonest)."""
    ids = [c.id for c in choices]
    if wanted in ids:
        return wanted
    live = [c for c in choices if c.status == "live"]
    if live:
        return live[0].id
    upcoming = sorted((c for c in choices), key=lambda c: (c.planned_start, c.id))
    return upcoming[0].id if upcoming else None


def read_console(db, session_id: int | None, user_id: int | None, **_lane) -> ConsoleState:
    """On the lane: the session choices and, for the picked session, lineup, timeline, promises, draft."""
    from core import rules
    from core.db.models import LiveSession
    from core.services import console_drafts, live_timeline, promises, sessions, studio
    from core.services.lineup import session_lineup

    with db.sessions() as session:
        rows = sessions.list_sessions(session, status=CONSOLE_STATUSES)
        choices = tuple(SessionChoice(r.id, r.title, r.status, r.planned_start) for r in rows)
        picked = pick_session(choices, session_id)
        templates = tuple(rules.active_rule(session, "promises")["data"]["templates"])
        if picked is None:
            return ConsoleState(choices=choices, session_id=None, templates=templates)
        live = session.get(LiveSession, picked)
        by_number = live_timeline.lineup_by_number(session, picked)
        items = {v.product_id: v for v in session_lineup(session, picked, today=studio.studio_today(session))}
        lineup = tuple(
            NumberedProduct(n, pid, items[pid].product_name, items[pid].live_price_fen)
            for n, pid in by_number.items()
            if pid in items
        )
        return ConsoleState(
            choices=choices,
            session_id=picked,
            title=live.title,
            status=live.status,
            actual_start=live.actual_start,
            actual_end=live.actual_end,
            zone=studio.studio_zone(session),
            lineup=lineup,
            on_air=live_timeline.on_air(session, picked),
            timeline=live_timeline.timeline(session, picked),
            promises=promises.list_promises(session, picked),
            counters=promises.quantity_counters(session, picked),
            templates=templates,
            draft=None if user_id is None else console_drafts.load_draft(session, user_id, picked),
        )


# --- writes: each one short unit of work ------------------------------------------------------------------------


def go_live(db, actor: Actor, session_id: int) -> None:
    """Through the pre-live checklist gate (raises its ``GateClosed`` naming the open items)."""
    from core.services import checklist

    with db.unit_of_work(actor) as session:
        checklist.go_live(session, actor, session_id)


def end_session(db, actor: Actor, session_id: int) -> None:
    from core.services import live_timeline

    with db.unit_of_work(actor) as session:
        live_timeline.end_session(session, actor, session_id)


def put_on_air(db, actor: Actor, session_id: int, product_id: int, price_fen: int | None = None):
    """Switch the product on air; with ``price_fen`` the same product at a new price is a price change (改价)."""
    from core.services import live_timeline

    with db.unit_of_work(actor) as session:
        return live_timeline.put_on_air(
            session, actor, session_id, product_id=product_id, price_fen=price_fen
        )


CORRECTIONS = ("on_air", "amend", "retract")  # 口误更正, 更正记录, 撤回


def correct_promise(db, actor: Actor, session_id: int, promise_id: int, how: str, text: str):
    """Write one correction row of promise ``promise_id`` (``how`` one of :data:`CORRECTIONS`; ``text`` is the new
    wording, or the reason for a retraction); core's refusal (already corrected, other session, not live) raises."""
    from core.services import promises

    with db.unit_of_work(actor) as session:
        if how == "on_air":
            return promises.correct_on_air(session, actor, promise_id, session_id=session_id, wording=text)
        if how == "amend":
            return promises.amend(session, actor, promise_id, session_id=session_id, wording=text)
        if how == "retract":
            return promises.retract(session, actor, promise_id, session_id=session_id, reason=text)
        raise ValueError(how)


def log_promise(
    db,
    actor: Actor,
    session_id: int,
    *,
    kind: str,
    wording: str,
    said_at: datetime | None,
    product_id: int | None,
):
    """Save the promise and drop the operator's draft in the same unit of work (nothing lost, nothing twice)."""
    from core.services import console_drafts, promises

    with db.unit_of_work(actor) as session:
        view = promises.log_promise(
            session, actor, session_id, kind=kind, wording=wording, said_at=said_at, product_id=product_id
        )
        if actor.user_id is not None:
            console_drafts.clear_draft(session, actor.user_id, session_id)
        return view


def save_draft(db, actor: Actor, session_id: int, data: dict[str, Any]) -> None:
    from core.services import console_drafts

    if actor.user_id is None:
        return
    with db.unit_of_work(actor) as session:
        if data.get("wording"):
            console_drafts.save_draft(session, actor.user_id, session_id, data)
        else:
            console_drafts.clear_draft(session, actor.user_id, session_id)


__all__ = [
    "CONSOLE_STATUSES",
    "CORRECTIONS",
    "ConsoleState",
    "NumberedProduct",
    "SessionChoice",
    "correct_promise",
    "end_session",
    "go_live",
    "log_promise",
    "pick_session",
    "put_on_air",
    "read_console",
    "save_draft",
]
