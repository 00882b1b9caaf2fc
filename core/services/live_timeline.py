"""The live session's timeline (直播中服务): which product was on air when, at what price, and the end of the stream.

Why: what is said on air binds the studio (消费者权益保护法实施条例 2024; DOMAIN §1), and a promise or a price is
only provable against the product that was on air at that moment. The timeline is that record: one
:class:`~core.db.models.AirSegment` per stretch of one product at one price.

Contract:

- Going live is :func:`core.services.checklist.go_live` (the pre-live gate). :func:`end_session` ('sessions.plan')
  ends a *live* session only: status *ended*, ``actual_end`` = :func:`core.clock.now`, the open segment closed at
  that instant, and a ``session.ended`` ledger entry.
- :func:`put_on_air` ('promises.log': the operator beside the host switches products as they log promises) needs
  a *live* session and a product of its lineup (else ``InvalidInput`` naming ``status`` / ``product_id``). It closes
  the open segment and opens a new one at the same instant; the price defaults to the product's latest price on
  air in this session (a price cut stays cut when the host comes back to the product), else the lineup's live
  price. The same product at a different price is a price change (a new segment); the same product at the same
  price changes nothing. At most one segment of a session is open at any time. Each segment is a ledger subject
  (``air_segment``): opening it appends ``air.on`` and closing it (the next switch or the end) ``air.off``, so
  :func:`core.ledger.verify` names a product or a price on air changed behind the app's back.
- :func:`lineup_by_number` maps the number keys 1–9 to the first nine lineup products in position order.
- Reads (:func:`timeline`, :func:`on_air`, :func:`lineup_by_number`) write nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger
from core.db.models import AirSegment, LineupItem, LiveSession, Product
from core.domain.codes import SessionStatus
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import check_fen

i18n.register(
    {
        "timeline.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "timeline.not_live": (
            "场次“{title}”不在直播中（当前：{status}），不能{what}",
            "Session “{title}” is not live (it is {status}), so you cannot {what}",
        ),
        "timeline.what.switch": ("切换在播商品", "switch the product on air"),
        "timeline.what.end": ("结束直播", "end the stream"),
        "timeline.not_in_lineup": (
            "商品（编号 {product_id}）不在本场排品中，不能上播",
            "Product number {product_id} is not in this session's lineup and cannot go on air",
        ),
        "timeline.field.price_fen": ("在播价", "Price on air"),
        "timeline.status.planned": ("计划中", "planned"),
        "timeline.status.ready": ("已就绪", "ready"),
        "timeline.status.live": ("直播中", "live"),
        "timeline.status.ended": ("已结束", "ended"),
        "timeline.status.reviewed": ("已复盘", "reviewed"),
    }
)

NUMBER_KEYS = 9  # keys 1–9 of the console


class HasActualTimes(Protocol):
    actual_start: datetime | None
    actual_end: datetime | None


@dataclass(frozen=True)
class AirSegmentView:
    """One stretch on air: the product, its price, when it started and ended, and the offset into the stream."""

    id: int
    session_id: int
    product_id: int
    product_name: str
    price_fen: int | None
    started_at: datetime
    ended_at: datetime | None
    offset_seconds: int | None  # from the session's actual_start; None when the session never went live

    @property
    def open(self) -> bool:
        return self.ended_at is None


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def elapsed_seconds(live: HasActualTimes, now: datetime) -> int:
    """Whole seconds since ``actual_start`` (the big clock): up to ``actual_end`` once ended; 0 before going live."""
    if live.actual_start is None:
        return 0
    until = _utc(live.actual_end) if live.actual_end is not None else _utc(now)
    return max(0, int((until - _utc(live.actual_start)).total_seconds()))


def _live_session(session: Session, session_id: int) -> LiveSession:
    live = session.get(LiveSession, session_id) if session_id is not None else None
    if live is None:
        raise InvalidInput(i18n.t("timeline.no_session", id=session_id), field="session_id")
    return live


def _require_live(live: LiveSession, what: str) -> None:
    if live.status != SessionStatus.LIVE.value:
        status = i18n.t(f"timeline.status.{live.status}")
        raise InvalidInput(
            i18n.t(
                "timeline.not_live", title=live.title, status=status, what=i18n.t(f"timeline.what.{what}")
            ),
            field="status",
        )


def _open_segment(session: Session, session_id: int) -> AirSegment | None:
    return session.scalars(
        select(AirSegment)
        .where(AirSegment.session_id == session_id, AirSegment.ended_at.is_(None))
        .order_by(AirSegment.started_at.desc(), AirSegment.id.desc())
    ).first()


def _view(segment: AirSegment, product_name: str, actual_start: datetime | None) -> AirSegmentView:
    started = _utc(segment.started_at)
    offset = None if actual_start is None else int((started - _utc(actual_start)).total_seconds())
    return AirSegmentView(
        id=segment.id,
        session_id=segment.session_id,
        product_id=segment.product_id,
        product_name=product_name,
        price_fen=segment.price_fen,
        started_at=started,
        ended_at=None if segment.ended_at is None else _utc(segment.ended_at),
        offset_seconds=offset,
    )


def _product_name(session: Session, product_id: int) -> str:
    return session.scalar(select(Product.name).where(Product.id == product_id)) or ""


def _price_now(session: Session, session_id: int, product_id: int, lineup_price: int | None) -> int | None:
    """The product's price in this stream: its latest stretch on air (a price cut stays cut), else the lineup's."""
    latest = session.scalars(
        select(AirSegment.price_fen)
        .where(AirSegment.session_id == session_id, AirSegment.product_id == product_id)
        .order_by(AirSegment.started_at.desc(), AirSegment.id.desc())
        .limit(1)
    ).first()
    return lineup_price if latest is None else latest


def _close(session: Session, actor: Actor, segment: AirSegment, now: datetime) -> None:
    """End ``segment`` at ``now``; its ledger entry now vouches for the end time too."""
    segment.ended_at = now
    session.flush()
    ledger.append(session, actor, "air.off", subject_type="air_segment", subject_id=segment.id, at=now)


def put_on_air(
    session: Session, actor: Actor, session_id: int, *, product_id: int, price_fen: int | None = None
) -> AirSegmentView:
    """Put a lineup product on air now ('promises.log') and return its segment (see the module contract)."""
    require(actor, "promises.log")
    live = _live_session(session, session_id)
    _require_live(live, "switch")
    item = session.scalars(
        select(LineupItem).where(LineupItem.session_id == live.id, LineupItem.product_id == product_id)
    ).first()
    if item is None:
        raise InvalidInput(i18n.t("timeline.not_in_lineup", product_id=product_id), field="product_id")
    check_fen(price_fen, "price_fen", i18n.t("timeline.field.price_fen"))
    price = _price_now(session, live.id, product_id, item.live_price_fen) if price_fen is None else price_fen
    current = _open_segment(session, live.id)
    if current is not None and current.product_id == product_id and current.price_fen == price:
        return _view(current, _product_name(session, product_id), live.actual_start)
    now = clock.now()
    if current is not None:
        _close(session, actor, current, now)
    segment = AirSegment(session_id=live.id, product_id=product_id, started_at=now, price_fen=price)
    session.add(segment)
    session.flush()
    ledger.append(
        session,
        actor,
        "air.on",
        subject_type="air_segment",
        subject_id=segment.id,
        data={"session_id": live.id, "product_id": product_id, "price_fen": price},
        at=now,
    )
    return _view(segment, _product_name(session, product_id), live.actual_start)


def end_session(session: Session, actor: Actor, session_id: int) -> datetime:
    """End a live session ('sessions.plan'): status *ended*, ``actual_end`` now, open segment closed; returns it."""
    require(actor, "sessions.plan")
    live = _live_session(session, session_id)
    _require_live(live, "end")
    now = clock.now()
    current = _open_segment(session, live.id)
    if current is not None:
        _close(session, actor, current, now)
    live.status = SessionStatus.ENDED.value
    live.actual_end = now
    ledger.append(
        session,
        actor,
        "session.ended",
        data={"session_id": live.id, "elapsed_seconds": elapsed_seconds(live, now)},
        at=now,
    )
    return now


def timeline(session: Session, session_id: int) -> tuple[AirSegmentView, ...]:
    """The session's segments in the order they went on air (read-only)."""
    live = _live_session(session, session_id)
    rows = session.execute(
        select(AirSegment, Product.name)
        .join(Product, Product.id == AirSegment.product_id)
        .where(AirSegment.session_id == live.id)
        .order_by(AirSegment.started_at, AirSegment.id)
    ).all()
    return tuple(_view(segment, name, live.actual_start) for segment, name in rows)


def on_air(session: Session, session_id: int) -> AirSegmentView | None:
    """The segment on air now (None when nothing is, or the session is not live)."""
    live = _live_session(session, session_id)
    current = _open_segment(session, live.id)
    return (
        None
        if current is None
        else _view(current, _product_name(session, current.product_id), live.actual_start)
    )


def lineup_by_number(session: Session, session_id: int) -> dict[int, int]:
    """Number key (1–9) → product id: the first nine lineup products in position order (read-only)."""
    live = _live_session(session, session_id)
    product_ids = session.scalars(
        select(LineupItem.product_id)
        .where(LineupItem.session_id == live.id)
        .order_by(LineupItem.position, LineupItem.id)
        .limit(NUMBER_KEYS)
    ).all()
    return {number: product_id for number, product_id in enumerate(product_ids, start=1)}


__all__ = [
    "NUMBER_KEYS",
    "AirSegmentView",
    "elapsed_seconds",
    "end_session",
    "lineup_by_number",
    "on_air",
    "put_on_air",
    "timeline",
]
