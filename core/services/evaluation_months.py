"""Small reads the 服务评价 page needs besides the KPIs: which months have data, and names for breakdown groups.

Contract:

- :func:`months_with_data` ``(session, now=None) -> tuple[str, ...]``: every studio calendar month ("YYYY-MM"),
  newest first, from the month of the earliest order, ticket or live session (in the studio's timezone) up to the
  month containing ``now``; months of stored evaluations are always included. Three indexed MIN() reads.
- :func:`last_ended_month` ``(session, now=None) -> str``: the month before the studio's current month.
- :func:`group_names` ``(session, by, keys) -> {key: name}`` for a ``compute_kpis`` breakdown: host = the user's
  display name, product = SKU · name, session = date · title; platform codes and "" are left to the caller.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock
from core.db.models import Evaluation, LiveSession, Order, Product, Ticket, User
from core.services.studio import studio_zone


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def last_ended_month(session: Session, now: datetime | None = None) -> str:
    """The last month that has ended in the studio's calendar at ``now``."""
    today = (now or clock.now()).astimezone(studio_zone(session)).date()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year:04d}-{month:02d}"


def months_with_data(session: Session, now: datetime | None = None) -> tuple[str, ...]:
    """Months from the first recorded activity to the current month, newest first (see the module contract)."""
    zone = studio_zone(session)
    today = (now or clock.now()).astimezone(zone).date()
    firsts = [
        session.scalar(select(func.min(Order.paid_at))),
        session.scalar(select(func.min(Ticket.opened_at))),
        session.scalar(select(func.min(LiveSession.planned_start))),
    ]
    found = [moment.astimezone(zone).date() for moment in firsts if moment is not None]
    stored = set(session.scalars(select(Evaluation.period).distinct()))
    months: list[str] = []
    if found:
        year, month = min(found).year, min(found).month
        while (year, month) <= (today.year, today.month):
            months.append(f"{year:04d}-{month:02d}")
            year, month = (year, month + 1) if month < 12 else (year + 1, 1)
    return tuple(sorted(set(months) | stored, reverse=True))


def group_names(session: Session, by: str, keys: Iterable[str]) -> dict[str, str]:
    """Readable names of breakdown group keys (ids as text); unknown keys are absent."""
    ids = [int(key) for key in keys if key.isdigit()]
    if not ids or by not in ("host", "product", "session"):
        return {}
    if by == "host":
        rows = session.execute(select(User.id, User.display_name).where(User.id.in_(ids)))
        return {str(i): name for i, name in rows}
    if by == "product":
        rows = session.execute(select(Product.id, Product.sku, Product.name).where(Product.id.in_(ids)))
        return {str(i): f"{sku} · {name}" for i, sku, name in rows}
    zone = studio_zone(session)
    rows = session.execute(
        select(LiveSession.id, LiveSession.title, LiveSession.planned_start).where(LiveSession.id.in_(ids))
    )
    return {str(i): f"{start.astimezone(zone):%m-%d} · {title}" for i, title, start in rows}
