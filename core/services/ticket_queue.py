"""售后工单队列 The ticket queue (issue 5, deliverable 4): filter, sort by the nearest binding deadline, search, page.

Why: a missed 15-day line is a regulatory breach (DOMAIN §4), so the desk works the queue from the nearest binding
deadline down, and sees at a glance which tickets are fine, due soon, overdue, or past a legal line.

Contract (reads only; plain SQL on the session's connection, one page at a time, for 200,000 tickets):

- :func:`queue_page` returns the tickets matching a :class:`QueueFilter`, sorted (``due``: nearest ``due_at``
  first, tickets without a deadline last; ``opened``: newest first; ``code``), ``limit`` rows from ``offset``, and
  the total count. ``due_at``/``due_rule`` are the ticket's cached nearest binding deadline (written by the
  deadline engine).
- Text search covers the ticket code, summary, buyer nickname and the order number: three characters or more go
  through the FTS5 trigram index ``ticket_search`` (migration 0002); one or two characters are a plain scan of the
  index's own copy of that text (``ticket_search_content``), since trigrams cannot match them (SQLite 3.40).
- The page is chosen on ``tickets`` alone (``orders`` is joined only when a filter reads it) and then the page's
  rows are read with their order and owner: sorting 200,000 joined rows would cost the budget several times over.
- ``QueueFilter.due`` narrows to open tickets by their cached deadline (the dashboard's counts open these):
  ``today`` due before the end of the studio day (overdue ones included), ``overdue`` past it (any rule),
  ``breached`` past a legal clock (the keys of the active ``deadlines`` rule's ``legal``); ``now`` is the clock's.
- :func:`queue_state` colours a row: ``done`` (resolved, rejected, closed), ``breached`` (past a legal deadline),
  ``overdue`` (past any other deadline), ``due_soon`` (within ``warn_hours``), ``fine``.
- Saved views (:func:`save_view`, :func:`saved_views`, :func:`delete_view`) keep a person's named filters per page.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n
from core.db.models import SavedView
from core.domain.codes import TicketStatus
from core.errors import InvalidInput
from core.rules import active_rule

i18n.register(
    {
        "queue.view_name": ("请给视图起个名字（最多 60 个字）", "Name the view (up to 60 characters)"),
        "queue.bad_sort": ("无法按“{sort}”排序", "Cannot sort by “{sort}”"),
        "queue.bad_due": ("没有“{due}”这种到期筛选", "There is no due filter “{due}”"),
    }
)

PAGE = "tickets"
DONE_STATUSES = (TicketStatus.RESOLVED.value, TicketStatus.REJECTED.value, TicketStatus.CLOSED.value)
SHORT_QUERY = 3  # the trigram index matches three characters or more
_SORTS = {
    "due": "t.due_at IS NULL, t.due_at, t.id",
    "opened": "t.opened_at DESC, t.id DESC",
    "code": "t.code",
}
DUE_CHOICES = ("today", "overdue", "breached")  # nested: every breached ticket is overdue and due today
_STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy's DateTime stores UTC on SQLite


def _stored(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STORED)


def _moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text).replace(tzinfo=UTC)


def end_of_studio_day(now: datetime, zone: Any) -> datetime:
    """The next midnight in the studio's timezone after ``now`` (the end of the studio's "today")."""
    local = now.astimezone(zone).date() + timedelta(days=1)
    return datetime(local.year, local.month, local.day, tzinfo=zone)


def open_status_values() -> tuple[str, ...]:
    """Every status not done (resolved, rejected, closed)."""
    return tuple(s.value for s in TicketStatus if s.value not in DONE_STATUSES)


def legal_rule_keys(session: Session) -> frozenset[str]:
    """The keys of the active ``deadlines`` rule's legal clocks (a past one is a breach, not just overdue)."""
    return frozenset(active_rule(session, "deadlines")["data"].get("legal", {}))


@dataclass(frozen=True)
class QueueFilter:
    """What the desk narrows the queue to; empty tuples and None mean "any". ``open_only`` hides done tickets.

    ``due`` is "" (any) or one of :data:`DUE_CHOICES` (see the module contract); it implies open tickets only.
    """

    kinds: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    owner_ids: tuple[int, ...] = ()
    platforms: tuple[str, ...] = ()
    session_id: int | None = None
    host_id: int | None = None
    product_id: int | None = None
    opened_from: date | None = None
    opened_to: date | None = None
    text: str = ""
    open_only: bool = False
    due: str = ""

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for key in ("opened_from", "opened_to"):
            data[key] = data[key].isoformat() if data[key] else None
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        for key in ("kinds", "statuses", "owner_ids", "platforms"):
            known[key] = tuple(known.get(key) or ())
        for key in ("opened_from", "opened_to"):
            known[key] = date.fromisoformat(known[key]) if known.get(key) else None
        return cls(**known)


@dataclass(frozen=True)
class QueueRow:
    id: int
    code: str
    kind: str
    status: str
    summary: str
    buyer_nickname: str
    order_number: str
    platform: str
    owner_id: int | None
    owner_name: str
    opened_at: datetime
    due_at: datetime | None
    due_rule: str


@dataclass(frozen=True)
class QueuePage:
    rows: tuple[QueueRow, ...]
    total: int
    offset: int
    limit: int
    searched_by: str = field(default="")  # "index" (3+ characters), "scan" (1–2) or "" (no text)


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _where(
    flt: QueueFilter, zone: Any, now: datetime | None = None, legal: frozenset[str] = frozenset()
) -> tuple[list[str], dict[str, Any], str]:
    clauses: list[str] = []
    params: dict[str, Any] = {}

    def any_of(column: str, values: tuple, name: str) -> None:
        if values:
            marks = ", ".join(f":{name}{i}" for i in range(len(values)))
            clauses.append(f"{column} IN ({marks})")
            params.update({f"{name}{i}": v for i, v in enumerate(values)})

    any_of("t.kind", flt.kinds, "kind")
    any_of("t.status", flt.statuses, "status")
    any_of("t.owner_id", flt.owner_ids, "owner")
    any_of("o.platform", flt.platforms, "platform")
    if flt.open_only or flt.due:
        any_of("t.status", open_status_values(), "open")
    if flt.due:
        moment = now or datetime.now(UTC)
        edge = end_of_studio_day(moment, zone) if flt.due == "today" else moment
        clauses.append("t.due_at < :due_before")
        params["due_before"] = _stored(edge)
        if flt.due == "breached":
            any_of("t.due_rule", tuple(sorted(legal)) or ("",), "legal")
    if flt.session_id is not None:  # the ticket's cached stream (tickets.session_id, kept by triggers)
        clauses.append("t.session_id = :session_id")
        params["session_id"] = flt.session_id
    if flt.product_id is not None:
        clauses.append("t.order_id IN (SELECT id FROM orders WHERE product_id = :product_id)")
        params["product_id"] = flt.product_id
    if flt.host_id is not None:
        clauses.append("t.session_id IN (SELECT session_id FROM session_hosts WHERE user_id = :host_id)")
        params["host_id"] = flt.host_id
    for key, day, op in (("opened_from", flt.opened_from, ">="), ("opened_to", flt.opened_to, "<")):
        if day is not None:  # whole studio days: [from 00:00, to+1 00:00)
            edge = day if op == ">=" else day + timedelta(days=1)
            moment = datetime(edge.year, edge.month, edge.day, tzinfo=zone)
            clauses.append(f"t.opened_at {op} :{key}")
            params[key] = _stored(moment)
    text = flt.text.strip()
    searched_by = ""
    if len(text) >= SHORT_QUERY:
        clauses.append("t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH :match)")
        params["match"] = '"' + text.replace('"', '""') + '"'
        searched_by = "index"
    elif text:  # the index's own copy of the searchable text, one column, scanned in C
        clauses.append("t.id IN (SELECT id FROM ticket_search_content WHERE c0 LIKE :like ESCAPE '\\')")
        params["like"] = _like(text)
        searched_by = "scan"
    return clauses, params, searched_by


def _page_ids(conn: Any, base: str, params: dict[str, Any], sort: str, limit: int, offset: int) -> list[int]:
    sql = f"SELECT t.id {base} ORDER BY {_SORTS[sort]} LIMIT :limit OFFSET :offset"
    return list(conn.exec_driver_sql(sql, {**params, "limit": limit, "offset": offset}).scalars().all())


def queue_page(
    session: Session,
    flt: QueueFilter,
    *,
    zone: Any,
    sort: str = "due",
    offset: int = 0,
    limit: int = 100,
    now: datetime | None = None,
) -> QueuePage:
    """One page of the queue (see the module contract); ``zone`` is the studio's timezone for the date range,
    ``now`` (default :func:`core.clock.now`) the moment ``flt.due`` is measured from."""
    if sort not in _SORTS:
        raise InvalidInput(i18n.t("queue.bad_sort", sort=sort), field="sort")
    if flt.due and flt.due not in DUE_CHOICES:
        raise InvalidInput(i18n.t("queue.bad_due", due=flt.due), field="due")
    legal = legal_rule_keys(session) if flt.due == "breached" else frozenset()
    clauses, params, searched_by = _where(flt, zone, now or clock.now(), legal)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    # Orders are joined only when a filter reads them row by row (platform), and then with tickets as the
    # outer loop (CROSS JOIN fixes the order: the planner's own choice walks most of the orders first, 4× slower)
    # and through the narrow ix_orders_queue (half the time of reading the wide order rows).
    needs_order = any(clause.startswith("o.") for clause in clauses)
    join = "CROSS JOIN orders o INDEXED BY ix_orders_queue ON o.id = t.order_id" if needs_order else ""
    base = f"FROM tickets t {join} {where}"
    conn = session.connection()
    if searched_by == "index" and len(clauses) == 1:
        # Text alone: the index counts its own rows (every row is a ticket) in a few ms, and the page is read by
        # joining the matches to tickets — a common word matching 60,000 tickets stays inside the 50 ms budget.
        total = conn.exec_driver_sql(
            "SELECT count(*) FROM ticket_search WHERE ticket_search MATCH :match", params
        ).scalar_one()
        base = "FROM ticket_search s JOIN tickets t ON t.id = s.rowid WHERE s.ticket_search MATCH :match"
        ids = _page_ids(conn, base, params, sort, limit, offset)
    else:
        total = conn.exec_driver_sql(f"SELECT count(*) {base}", params).scalar_one()
        ids = _page_ids(conn, base, params, sort, limit, offset)
    found = {}
    if ids:
        marks = ", ".join("?" * len(ids))
        for row in conn.exec_driver_sql(
            "SELECT t.id, t.code, t.kind, t.status, t.summary, t.buyer_nickname,"
            " coalesce(o.platform_order_id, ''), coalesce(o.platform, ''), t.owner_id, coalesce(u.display_name, ''),"
            " t.opened_at, t.due_at, t.due_rule FROM tickets t LEFT JOIN orders o ON o.id = t.order_id"
            f" LEFT JOIN users u ON u.id = t.owner_id WHERE t.id IN ({marks})",
            tuple(ids),
        ):
            found[row[0]] = QueueRow(*row[:10], _moment(row[10]), _moment(row[11]), row[12])  # type: ignore[arg-type]
    return QueuePage(tuple(found[i] for i in ids), int(total), offset, limit, searched_by)


def queue_state(
    row: QueueRow, now: datetime, *, legal_rules: frozenset[str] = frozenset(), warn_hours: float = 24
) -> str:
    """``done``, ``breached`` (a legal deadline passed), ``overdue``, ``due_soon`` (within ``warn_hours``), ``fine``."""
    if row.status in DONE_STATUSES:
        return "done"
    if row.due_at is None:
        return "fine"
    if row.due_at < now:
        return "breached" if row.due_rule in legal_rules else "overdue"
    if row.due_at - now <= timedelta(hours=warn_hours):
        return "due_soon"
    return "fine"


# --- saved views ------------------------------------------------------------------------------------------------


def save_view(session: Session, user_id: int | None, name: str, flt: QueueFilter) -> int:
    """Save (or overwrite) the person's view ``name`` of the ticket queue; returns its id."""
    name = (name or "").strip()
    if not name or len(name) > 60:
        raise InvalidInput(i18n.t("queue.view_name"), field="name")
    row = session.scalars(
        select(SavedView).where(SavedView.user_id == user_id, SavedView.page == PAGE, SavedView.name == name)
    ).first()
    if row is None:
        row = SavedView(user_id=user_id, page=PAGE, name=name, filters=flt.to_json())
        session.add(row)
    else:
        row.filters = flt.to_json()
    session.flush()
    return row.id


def saved_views(session: Session, user_id: int | None) -> tuple[tuple[int, str, QueueFilter], ...]:
    rows = session.scalars(
        select(SavedView).where(SavedView.user_id == user_id, SavedView.page == PAGE).order_by(SavedView.name)
    ).all()
    return tuple((row.id, row.name, QueueFilter.from_json(row.filters or {})) for row in rows)


def delete_view(session: Session, user_id: int | None, view_id: int) -> None:
    row = session.get(SavedView, view_id)
    if row is not None and row.user_id == user_id and row.page == PAGE:
        session.delete(row)


__all__ = [
    "DONE_STATUSES",
    "DUE_CHOICES",
    "QueueFilter",
    "QueuePage",
    "QueueRow",
    "delete_view",
    "end_of_studio_day",
    "legal_rule_keys",
    "open_status_values",
    "queue_page",
    "queue_state",
    "save_view",
    "saved_views",
]
