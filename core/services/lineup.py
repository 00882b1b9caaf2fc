"""A session's lineup (排品): which products go on air, at what live price and with which claimed original price.

Two gates, both from rule data:

- Papers — a product whose required paper has lapsed (``blocks_lineup`` of
  :func:`core.domain.readiness.product_readiness`) cannot join a lineup (直播电商监督管理办法 2026: verify product
  qualifications before each stream; DOMAIN.md §2) unless the **owner** lets it in with a written reason. The
  reason and who gave it are stored on the lineup item; the audit log records the row automatically.
- Price claims — the claimed original price (划线价) is checked against the lowest price charged in the window
  before (明码标价和禁止价格欺诈规定 Art 16; :func:`core.domain.pricing.check_price_claim`). An unbacked or higher
  claim is *flagged* in the returned view, not refused: the caller shows it with its basis.

When no 7-day lowest price is entered, it is taken from the live prices of the same product in other sessions that
went live (or ended) within the window before this session's planned start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import i18n, rules
from core.db.models import LineupItem, LiveSession
from core.domain.codes import Role, SessionStatus
from core.domain.pricing import PriceClaimCheck, check_price_claim, lowest_price_in_window, window_days
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import ProductReadiness, check_fen, product_readiness_view

i18n.register(
    {
        "lineup.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "lineup.already": ("“{name}”已在本场排品中", "“{name}” is already in this session's lineup"),
        "lineup.blocked": (
            "“{name}”的必备证照已过期：{papers}。只有店主写明理由后才能放行。依据：{basis}",
            "“{name}” has a lapsed required paper: {papers}. Only the owner can let it in, with a reason. "
            "Basis: {basis}",
        ),
        "lineup.reason_needed": (
            "“{name}”的必备证照已过期：{papers}。放行需要写明理由",
            "“{name}” has a lapsed required paper: {papers}. Letting it in needs a written reason",
        ),
        "lineup.field.live_price_fen": ("直播价", "Live price"),
        "lineup.field.claimed_original_fen": ("原价（划线价）", "Claimed original price"),
        "lineup.field.lowest_7d_fen": ("前 7 日最低成交价", "7-day lowest price"),
    }
)

_COUNTED = (SessionStatus.LIVE.value, SessionStatus.ENDED.value, SessionStatus.REVIEWED.value)


class LineupBlocked(InvalidInput):
    """A lapsed required paper keeps the product out; ``readiness`` says which and why."""

    def __init__(self, message: str, *, field: str, readiness: ProductReadiness) -> None:
        super().__init__(message, field=field)
        self.readiness = readiness


@dataclass(frozen=True)
class LineupItemView:
    id: int
    session_id: int
    product_id: int
    product_name: str
    position: int
    live_price_fen: int
    claimed_original_fen: int | None
    lowest_7d_fen: int | None
    lowest_source: Literal["entered", "earlier_sessions", "none"]
    price_check: PriceClaimCheck
    readiness: ProductReadiness
    override_reason: str
    override_by: int | None
    gift_stock_confirmed: bool = False  # 赠品库存已核实 (a gift's stated value and stock, Art 18)

    @property
    def overridden(self) -> bool:
        return bool(self.override_reason)


def lowest_from_earlier_sessions(session: Session, live: LiveSession, product_id: int) -> int | None:
    """The lowest live price of ``product_id`` in sessions that went on air in the window before ``live``."""
    days = window_days(rules.active_rule(session, "pricing"))
    rows = session.execute(
        select(LiveSession.planned_start, LiveSession.actual_start, LineupItem.live_price_fen)
        .join(LineupItem, LineupItem.session_id == LiveSession.id)
        .where(
            LineupItem.product_id == product_id,
            LiveSession.id != live.id,
            LiveSession.status.in_(_COUNTED),
        )
    ).all()
    before = live.planned_start
    if before.tzinfo is None:
        before = before.replace(tzinfo=UTC)
    prices = [(actual or planned, fen) for planned, actual, fen in rows]
    prices = [(at if at.tzinfo else at.replace(tzinfo=UTC), fen) for at, fen in prices]
    return lowest_price_in_window(prices, before, days)


def _papers(view: ProductReadiness) -> str:
    return "、".join(
        f"{r.name}（{r.paper.expires_on}）" if r.paper and r.paper.expires_on else r.name
        for r in view.readiness.lapsed
    )


def add_to_lineup(
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
    """Put a product at the end of a session's lineup (``sessions.plan``) and return it with its price check.

    Refused with :class:`LineupBlocked` when a required paper has lapsed, unless ``actor`` is the owner and gives
    ``override_reason`` (then stored with ``override_by``). Prices are integer fen ≥ 0 (InvalidInput naming the
    field). A product already in the lineup is refused (``product_id``).
    """
    require(actor, "sessions.plan")
    live = session.get(LiveSession, session_id) if session_id is not None else None
    if live is None:
        raise InvalidInput(i18n.t("lineup.no_session", id=session_id), field="session_id")
    view = product_readiness_view(session, product_id, today=today)
    for name, value in (
        ("live_price_fen", live_price_fen),
        ("claimed_original_fen", claimed_original_fen),
        ("lowest_7d_fen", lowest_7d_fen),
    ):
        check_fen(value, name, i18n.t(f"lineup.field.{name}"))
    if live_price_fen is None:
        label = i18n.t("lineup.field.live_price_fen")
        raise InvalidInput(i18n.t("catalog.required", label=label), field="live_price_fen")
    taken = session.scalar(
        select(LineupItem.id).where(LineupItem.session_id == live.id, LineupItem.product_id == product_id)
    )
    if taken is not None:
        raise InvalidInput(i18n.t("lineup.already", name=view.name), field="product_id")

    reason = (override_reason or "").strip()
    if view.readiness.blocks_lineup:
        papers = _papers(view)
        if actor.role != Role.OWNER:
            basis = "；".join(i18n.in_language(b) for b in view.readiness.blocks_lineup_basis)
            raise LineupBlocked(
                i18n.t("lineup.blocked", name=view.name, papers=papers, basis=basis),
                field="product_id",
                readiness=view,
            )
        if not reason:
            raise LineupBlocked(
                i18n.t("lineup.reason_needed", name=view.name, papers=papers),
                field="override_reason",
                readiness=view,
            )
    else:
        reason = ""  # nothing to override: a stray reason is not recorded as an override

    lowest, source, check = _price_check(
        session, live, product_id, live_price_fen, claimed_original_fen, lowest_7d_fen
    )

    last = session.scalar(select(func.max(LineupItem.position)).where(LineupItem.session_id == live.id))
    item = LineupItem(
        session_id=live.id,
        product_id=view.product_id,
        position=(last or 0) + 1,
        live_price_fen=live_price_fen,
        claimed_original_fen=claimed_original_fen,
        lowest_7d_fen=lowest,
        price_evidence="" if source != "earlier_sessions" else "earlier_sessions",
        override_reason=reason,
        override_by=actor.user_id if reason else None,
    )
    session.add(item)
    session.flush()
    return _item_view(item, view, lowest, source, check)


def _item_view(
    item: LineupItem, readiness: ProductReadiness, lowest: int | None, source: Source, check: PriceClaimCheck
) -> LineupItemView:
    return LineupItemView(
        id=item.id,
        session_id=item.session_id,
        product_id=item.product_id,
        product_name=readiness.name,
        position=item.position,
        live_price_fen=item.live_price_fen,
        claimed_original_fen=item.claimed_original_fen,
        lowest_7d_fen=lowest,
        lowest_source=source,
        price_check=check,
        readiness=readiness,
        override_reason=item.override_reason,
        override_by=item.override_by,
        gift_stock_confirmed=bool(item.gift_stock_confirmed),
    )


Source = Literal["entered", "earlier_sessions", "none"]


def _price_check(
    session: Session,
    live: LiveSession,
    product_id: int,
    live_price_fen: int,
    claimed_original_fen: int | None,
    lowest_7d_fen: int | None,
) -> tuple[int | None, Source, PriceClaimCheck]:
    """The 7-day lowest (entered, else from earlier sessions), where it came from, and the claim's verdict."""
    source: Source = "entered"
    lowest = lowest_7d_fen
    if lowest is None:
        lowest = lowest_from_earlier_sessions(session, live, product_id)
        source = "earlier_sessions" if lowest is not None else "none"
    check = check_price_claim(
        claimed_original_fen, live_price_fen, lowest, rules=rules.active_rule(session, "pricing")
    )
    return lowest, source, check


def session_lineup(session: Session, session_id: int, *, today: date) -> tuple[LineupItemView, ...]:
    """The session's lineup in position order, each item with its price check and its papers judged on ``today``.

    A stored 7-day lowest price is used as entered (or as taken from earlier sessions when the item was added);
    when none is stored it is looked up in earlier sessions now. Read-only; ``InvalidInput`` for an unknown session.
    """
    live = session.get(LiveSession, session_id) if session_id is not None else None
    if live is None:
        raise InvalidInput(i18n.t("lineup.no_session", id=session_id), field="session_id")
    items = session.scalars(
        select(LineupItem)
        .where(LineupItem.session_id == live.id)
        .order_by(LineupItem.position, LineupItem.id)
    ).all()
    views = []
    for item in items:
        readiness = product_readiness_view(session, item.product_id, today=today)
        lowest, source, check = _price_check(
            session, live, item.product_id, item.live_price_fen, item.claimed_original_fen, item.lowest_7d_fen
        )
        if item.lowest_7d_fen is not None and item.price_evidence == "earlier_sessions":
            source = "earlier_sessions"
        views.append(_item_view(item, readiness, lowest, source, check))
    return tuple(views)
