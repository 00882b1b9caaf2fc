"""A planned session's lineup, changed from the 直播场次 page: add, edit prices, remove, copy from a past session.

Every path goes through :mod:`core.services.lineup`, so the two gates apply each time a product enters a lineup
(DOMAIN.md §2): the lapsed-paper gate (直播电商监督管理办法 2026: verify product qualifications before each stream;
owner override with a reason) and the price check (明码标价和禁止价格欺诈规定 Art 16: a claimed original price
must not exceed the lowest price charged in the 7 days before).

Contract:

- Changes need ``sessions.plan`` and are allowed only while the session is *planned* or *ready*
  (:func:`editable_live`, ``InvalidInput`` naming ``status`` otherwise); prices are integer fen ≥ 0.
- :func:`copy_lineup` re-adds each item of the source session through :func:`core.services.lineup.add_to_lineup`
  with its live price and claimed original price; the 7-day lowest is *not* copied but recomputed for the target's
  planned start. An item that is refused (a paper lapsed since, already in the target, product retired) is skipped
  with the reason; the rest are copied. Nothing is overridden on the caller's behalf.
- :func:`update_lineup_item` re-judges the price claim; a cleared 7-day lowest is looked up again in earlier
  sessions, as when the item was added. :func:`remove_lineup_item` closes the gap in the positions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import LineupItem, LiveSession, Product
from core.domain.codes import SessionStatus
from core.domain.readiness import PROBLEMS_WORST_FIRST
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import ProductReadiness, check_fen, product_readiness_view
from core.services.checklist_reopen import reopen_for_change
from core.services.lineup import LineupItemView, add_to_lineup, lowest_from_earlier_sessions, session_lineup

i18n.register(
    {
        "sessions.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "sessions.frozen": (
            "场次“{title}”已{status}，不能再修改",
            "Session “{title}” is {status} and can no longer be changed",
        ),
        "sessions.status.planned": ("计划中", "planned"),
        "sessions.status.ready": ("已就绪", "ready"),
        "sessions.status.live": ("开播", "live"),
        "sessions.status.ended": ("结束", "ended"),
        "sessions.status.reviewed": ("复盘", "reviewed"),
        "sessions.no_item": ("找不到编号为 {id} 的排品", "There is no lineup item number {id}"),
        "sessions.unknown_field": ("没有名为“{field}”的资料项", "There is no field “{field}”"),
        "sessions.copy_same": ("不能从本场复制到本场", "A session's lineup cannot be copied onto itself"),
        "sessions.copy_inactive": ("商品已停用", "the product is no longer active"),
        "sessions.papers.lapsed": ("已过期：{names}", "lapsed: {names}"),
        "sessions.papers.missing": ("缺少：{names}", "missing: {names}"),
        "sessions.papers.invalid": ("无效：{names}", "invalid: {names}"),
    }
)

EDITABLE = frozenset({SessionStatus.PLANNED.value, SessionStatus.READY.value})
_ITEM_FIELDS = ("live_price_fen", "claimed_original_fen", "lowest_7d_fen", "gift_stock_confirmed")


@dataclass(frozen=True)
class CopyResult:
    """What :func:`copy_lineup` did: product names copied, and (product name, why not) for each one skipped."""

    copied: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class LineupCandidate:
    """A product the lineup dialog offers, with what the paper gate will say about it today."""

    product_id: int
    sku: str
    name: str
    category_name: str
    blocks_lineup: bool
    papers_note: str  # the lapsed/missing papers named, "" when nothing blocks
    last_live_price_fen: int | None  # the most recent live price in any lineup: a starting suggestion


def get_live(session: Session, session_id: int) -> LiveSession:
    """The session row or ``InvalidInput`` naming ``session_id``."""
    live = session.get(LiveSession, session_id) if session_id is not None else None
    if live is None:
        raise InvalidInput(i18n.t("sessions.no_session", id=session_id), field="session_id")
    return live


def status_name(status: str) -> str:
    """A session status (codes.SessionStatus) as staff say it: 计划中, 已就绪, 开播, 结束, 复盘."""
    return i18n.t(f"sessions.status.{status}")


def editable_live(session: Session, session_id: int) -> LiveSession:
    """The session row if it may still be planned (planned or ready), else ``InvalidInput`` naming ``status``."""
    live = get_live(session, session_id)
    if live.status not in EDITABLE:
        raise InvalidInput(
            i18n.t("sessions.frozen", title=live.title, status=status_name(live.status)), field="status"
        )
    return live


def _item(session: Session, item_id: int) -> LineupItem:
    item = session.get(LineupItem, item_id) if item_id is not None else None
    if item is None:
        raise InvalidInput(i18n.t("sessions.no_item", id=item_id), field="item_id")
    return item


def _view(session: Session, item: LineupItem, today: date) -> LineupItemView:
    return next(v for v in session_lineup(session, item.session_id, today=today) if v.id == item.id)


def add_lineup_item(
    session: Session,
    actor: Actor,
    session_id: int,
    product_id: int,
    *,
    live_price_fen: int,
    claimed_original_fen: int | None = None,
    lowest_7d_fen: int | None = None,
    override_reason: str | None = None,
    today: date,
) -> LineupItemView:
    """:func:`core.services.lineup.add_to_lineup`, refused (``status``) once the session is live or over."""
    require(actor, "sessions.plan")
    editable_live(session, session_id)
    added = add_to_lineup(
        session,
        actor,
        session_id,
        product_id,
        live_price_fen=live_price_fen,
        claimed_original_fen=claimed_original_fen,
        lowest_7d_fen=lowest_7d_fen,
        override_reason=override_reason,
        today=today,
    )
    reopen_for_change(session, actor, session_id, "lineup")
    return added


def update_lineup_item(
    session: Session, actor: Actor, item_id: int, *, today: date, **fields: Any
) -> LineupItemView:
    """Change an item's prices or gift-stock confirmation (``sessions.plan``; planned/ready sessions only).

    ``fields``: ``live_price_fen`` (required, fen ≥ 0), ``claimed_original_fen`` and ``lowest_7d_fen`` (fen ≥ 0 or
    None), ``gift_stock_confirmed`` (bool). Returns the item with its price claim judged again.
    """
    require(actor, "sessions.plan")
    for name in fields:
        if name not in _ITEM_FIELDS:
            raise InvalidInput(i18n.t("sessions.unknown_field", field=name), field=name)
    item = _item(session, item_id)
    live = editable_live(session, item.session_id)
    prices_before = (item.live_price_fen, item.claimed_original_fen, item.lowest_7d_fen)
    for name in ("live_price_fen", "claimed_original_fen", "lowest_7d_fen"):
        if name in fields:
            check_fen(fields[name], name, i18n.t(f"lineup.field.{name}"))
    if "live_price_fen" in fields:
        if fields["live_price_fen"] is None:
            label = i18n.t("lineup.field.live_price_fen")
            raise InvalidInput(i18n.t("catalog.required", label=label), field="live_price_fen")
        item.live_price_fen = fields["live_price_fen"]
    if "claimed_original_fen" in fields:
        item.claimed_original_fen = fields["claimed_original_fen"]
    if "lowest_7d_fen" in fields:
        lowest = fields["lowest_7d_fen"]
        evidence = ""
        if lowest is None:
            lowest = lowest_from_earlier_sessions(session, live, item.product_id)
            evidence = "earlier_sessions" if lowest is not None else ""
        item.lowest_7d_fen = lowest
        item.price_evidence = evidence
    if "gift_stock_confirmed" in fields:
        item.gift_stock_confirmed = bool(fields["gift_stock_confirmed"])
    session.flush()
    if (item.live_price_fen, item.claimed_original_fen, item.lowest_7d_fen) != prices_before:
        reopen_for_change(session, actor, live.id, "lineup")
    return _view(session, item, today)


def remove_lineup_item(session: Session, actor: Actor, item_id: int) -> None:
    """Take an item out of its session's lineup (``sessions.plan``; planned/ready only); later items move up."""
    require(actor, "sessions.plan")
    item = _item(session, item_id)
    live = editable_live(session, item.session_id)
    position = item.position
    session.delete(item)
    session.flush()
    later = session.scalars(
        select(LineupItem)
        .where(LineupItem.session_id == live.id, LineupItem.position > position)
        .order_by(LineupItem.position)
    ).all()
    for row in later:
        row.position -= 1
    session.flush()
    reopen_for_change(session, actor, live.id, "lineup")


def move_lineup_item(session: Session, actor: Actor, item_id: int, step: int) -> int:
    """Move an item ``step`` places (−1 earlier, +1 later) in the running order; returns its new position.

    ``sessions.plan``, planned/ready sessions only. At either end it stays where it is. The order is the host's
    running order on air; it changes no check, so nothing is reopened.
    """
    require(actor, "sessions.plan")
    item = _item(session, item_id)
    live = editable_live(session, item.session_id)
    order = session.scalars(
        select(LineupItem)
        .where(LineupItem.session_id == live.id)
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    index = next(i for i, row in enumerate(order) if row.id == item.id)
    target = min(max(index + step, 0), len(order) - 1)
    order.insert(target, order.pop(index))
    for position, row in enumerate(order, start=1):
        row.position = position
    session.flush()
    return item.position


def copy_lineup(
    session: Session, actor: Actor, *, from_session_id: int, to_session_id: int, today: date
) -> CopyResult:
    """Copy a past session's lineup onto a planned one, product by product through the gates (see the module).

    Each product is added in a savepoint, so a refusal leaves nothing of that product behind; the unit of work
    keeps the products that were copied.
    """
    require(actor, "sessions.plan")
    if from_session_id == to_session_id:
        raise InvalidInput(i18n.t("sessions.copy_same"), field="from_session_id")
    source = get_live(session, from_session_id)
    target = editable_live(session, to_session_id)
    rows = session.execute(
        select(LineupItem, Product.name, Product.active)
        .join(Product, Product.id == LineupItem.product_id)
        .where(LineupItem.session_id == source.id)
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    copied: list[str] = []
    skipped: list[tuple[str, str]] = []
    for item, name, active in rows:
        if not active:
            skipped.append((name, i18n.t("sessions.copy_inactive")))
            continue
        try:
            with session.begin_nested():
                add_to_lineup(
                    session,
                    actor,
                    target.id,
                    item.product_id,
                    live_price_fen=item.live_price_fen,
                    claimed_original_fen=item.claimed_original_fen,
                    today=today,
                )
        except InvalidInput as refused:
            skipped.append((name, str(refused)))
        else:
            copied.append(name)
    if copied:
        reopen_for_change(session, actor, target.id, "lineup")
    return CopyResult(copied=tuple(copied), skipped=tuple(skipped))


def _papers_note(view: ProductReadiness) -> str:
    readiness = view.readiness
    if not readiness.blocks_lineup:
        return ""
    parts = []
    for state in PROBLEMS_WORST_FIRST:
        if state == "expiring":  # still valid: not what keeps the product out
            continue
        found = readiness.in_state(state)
        if found:
            parts.append(i18n.t(f"sessions.papers.{state}", names="、".join(r.name for r in found)))
    return "；".join(parts)


def lineup_candidates(
    session: Session, *, query: str = "", today: date, limit: int = 50
) -> list[LineupCandidate]:
    """Active products whose name or SKU contains ``query`` (all when empty), by name, with today's paper verdict."""
    stmt = select(Product).where(Product.active.is_(True))
    text = (query or "").strip()
    if text:
        pattern = f"%{text}%"
        stmt = stmt.where(or_(Product.name.like(pattern), Product.sku.like(pattern)))
    products = session.scalars(stmt.order_by(Product.name, Product.id).limit(max(1, limit))).all()
    ids = [p.id for p in products]
    last_prices: dict[int, int] = {}
    if ids:
        newest = (
            select(LineupItem.product_id, func.max(LineupItem.id).label("last_id"))
            .where(LineupItem.product_id.in_(ids))
            .group_by(LineupItem.product_id)
            .subquery()
        )
        for product_id, fen in session.execute(
            select(LineupItem.product_id, LineupItem.live_price_fen).join(
                newest, LineupItem.id == newest.c.last_id
            )
        ):
            last_prices[product_id] = fen
    out = []
    for product in products:
        view = product_readiness_view(session, product.id, today=today)
        out.append(
            LineupCandidate(
                product_id=product.id,
                sku=product.sku,
                name=product.name,
                category_name=view.category_name,
                blocks_lineup=view.readiness.blocks_lineup,
                papers_note=_papers_note(view),
                last_live_price_fen=last_prices.get(product.id),
            )
        )
    return out
