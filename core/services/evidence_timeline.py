"""The promises an evidence pack shows (the linked ones and the corrections that superseded them) and the stretch of
the session's timeline around them: which product was on air when, at what price, when the promises were said and
the order was paid (issue 5, deliverable 7).

Why: a promise or a price is only provable against the product that was on air at that moment (消费者权益保护法实施条例
2024; DOMAIN §1); a reviewer needs the segments in which the promise was said and the order was paid, and the ones
just before and after, not a whole evening. A short session (at most ``SHOW_ALL`` segments) is shown whole.

Contract: :func:`with_corrections`, :func:`promise_items` and :func:`segment_groups` only read (:func:`core.services.live_timeline.timeline`); text in the core language.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import LiveSession, Product
from core.domain.money import yuan
from core.services.live_timeline import AirSegmentView, timeline
from core.services.promise_sheet import _kind_names, mmss, terms_in_words
from core.services.promises import PromiseView, list_promises
from core.services.sheet_heading import local_time

i18n.register(
    {
        "evidence.tl.session": ("#{id} {title}（{start} 开播）", "#{id} {title} (on air from {start})"),
        "evidence.tl.never": ("#{id} {title}（未开播）", "#{id} {title} (never went live)"),
        "evidence.tl.all": ("本场共 {n} 段上播记录，全部列出。", "All {n} segment(s) of the session."),
        "evidence.tl.some": (
            "本场共 {n} 段上播记录；下列 {shown} 段为说出承诺、本订单付款的时段及其前后各一段。",
            "{n} segment(s) in the session; the {shown} below are those in which the promises were said or the "
            "order was paid, with one before and one after each.",
        ),
        "evidence.tl.empty": ("本场没有上播记录。", "Nothing was put on air in this session."),
        "evidence.tl.promise": ("承诺 #{id}", "promise #{id}"),
        "evidence.tl.paid": ("本订单付款 {at}", "this order paid {at}"),
        "evidence.tl.on_air": ("至下播", "to the end"),
    }
)

SHOW_ALL = 12  # a session with at most this many segments is shown whole (layout, not a legal number)


@dataclass(frozen=True)
class SegmentLine:
    start: str  # studio time "12-01 20:02:00"
    offset: str  # "mm:ss" into the stream
    length: str  # "mm:ss", "至下播" while still open
    product: str
    price: str
    marks: str  # "承诺 #3；本订单付款 20:05:10" or ""


@dataclass(frozen=True)
class SegmentGroup:
    session: str  # "#3 双十一返场（2026-11-18 20:00 开播）"
    summary: str
    lines: tuple[SegmentLine, ...]


def _inside(at: datetime, seg: AirSegmentView) -> bool:
    return seg.started_at <= at and (seg.ended_at is None or at < seg.ended_at)


def _lines(
    segments: tuple[AirSegmentView, ...], said: list[PromiseView], paid: datetime | None, zone: ZoneInfo
) -> tuple[list[int], list[SegmentLine]]:
    marked, lines = [], []
    for n, seg in enumerate(segments):
        marks = [i18n.t("evidence.tl.promise", id=p.id) for p in said if _inside(p.said_at, seg)]
        if paid is not None and _inside(paid, seg):
            marks.append(i18n.t("evidence.tl.paid", at=local_time(paid, zone, "%H:%M:%S")))
        if marks:
            marked.append(n)
        length = (
            i18n.t("evidence.tl.on_air")
            if seg.ended_at is None
            else mmss(int((seg.ended_at - seg.started_at).total_seconds()))
        )
        lines.append(
            SegmentLine(
                local_time(seg.started_at, zone, "%m-%d %H:%M:%S"), mmss(seg.offset_seconds), length,
                seg.product_name, yuan(seg.price_fen), " · ".join(marks),
            )
        )  # fmt: skip
    return marked, lines


def segment_groups(
    session: Session,
    promises: Iterable[PromiseView],
    order_session: int | None,
    paid_at: datetime | None,
    zone: ZoneInfo,
) -> tuple[SegmentGroup, ...]:
    """One group per session the linked promises were said in, and the order's session (that one first)."""
    said = list(promises)
    ids = sorted({p.session_id for p in said} - {order_session})
    if order_session is not None:
        ids.insert(0, order_session)
    lives = {row.id: row for row in session.scalars(select(LiveSession).where(LiveSession.id.in_(ids)))}
    groups = []
    for sid in ids:
        live = lives.get(sid)
        if live is None:
            continue
        if live.actual_start is None:
            title = i18n.t("evidence.tl.never", id=sid, title=live.title)
        else:
            title = i18n.t(
                "evidence.tl.session", id=sid, title=live.title, start=local_time(live.actual_start, zone)
            )
        segments = timeline(session, sid)
        mine = [p for p in said if p.session_id == sid]
        marked, lines = _lines(segments, mine, paid_at if sid == order_session else None, zone)
        if not lines:
            groups.append(SegmentGroup(title, i18n.t("evidence.tl.empty"), ()))
            continue
        if len(lines) <= SHOW_ALL or not marked:
            groups.append(SegmentGroup(title, i18n.t("evidence.tl.all", n=len(lines)), tuple(lines)))
            continue
        keep = sorted({k for n in marked for k in (n - 1, n, n + 1) if 0 <= k < len(lines)})
        summary = i18n.t("evidence.tl.some", n=len(lines), shown=len(keep))
        groups.append(SegmentGroup(title, summary, tuple(lines[k] for k in keep)))
    return tuple(groups)


@dataclass(frozen=True)
class PromiseItem:
    """One promise linked to the ticket (or a correction of one), every field text."""

    number: int
    session: str  # "#3 双十一返场"
    said_at: str  # studio time "2026-09-25 20:02:00"
    offset: str  # "mm:ss" into the stream, "—" if it never went live
    product: str
    kind: str
    wording: str  # verbatim
    terms: str
    state: str  # "有效" / "已修正→#n" / "已撤回→#n" / "撤回记录"
    state_code: str
    correction: str  # "修正 #3" … or ""
    linked: bool  # False: a correction shown because it supersedes a linked promise
    entry_seq: int | None
    entry_hash: str  # full


def with_corrections(session: Session, linked: tuple[PromiseView, ...]) -> list[tuple[PromiseView, bool]]:
    """The linked promises in the order said, each followed by the corrections that superseded it."""
    by_session: dict[int, dict[int, PromiseView]] = {}
    rows: list[tuple[PromiseView, bool]] = []
    seen: set[int] = set()
    linked_ids = {v.id for v in linked}
    for view in linked:
        if view.id in seen:
            continue
        rows.append((view, True))
        seen.add(view.id)
        views = by_session.setdefault(
            view.session_id, {v.id: v for v in list_promises(session, view.session_id)}
        )
        later = views.get(view.superseded_by) if view.superseded_by is not None else None
        while later is not None and later.id not in seen:
            rows.append((later, later.id in linked_ids))
            seen.add(later.id)
            later = views.get(later.superseded_by) if later.superseded_by is not None else None
    return rows


def promise_items(
    session: Session, rows: list[tuple[PromiseView, bool]], zone: ZoneInfo
) -> tuple[PromiseItem, ...]:
    names = _kind_names(session)
    ids = {v.product_id for v, _ in rows if v.product_id is not None}
    products = dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(ids))).all())
    titles = session_titles(session, {v.session_id for v, _ in rows})
    items = []
    for v, linked in rows:
        correction = ""
        if v.correction:
            correction = i18n.t(f"promise_sheet.correction.{v.correction}", id=v.corrects_id)
        product = products.get(v.product_id) if v.product_id is not None else None
        items.append(
            PromiseItem(
                number=v.id, session=f"#{v.session_id} {titles.get(v.session_id, '')}",
                said_at=local_time(v.said_at, zone, "%Y-%m-%d %H:%M:%S"), offset=mmss(v.offset_seconds),
                product=product or i18n.t("promise_sheet.no_product"), kind=names.get(v.kind, v.kind),
                wording=v.wording, terms=terms_in_words(v.kind, v.terms), correction=correction,
                state=i18n.t(f"promise_sheet.state.{v.state}", by=v.superseded_by), state_code=v.state,
                linked=linked, entry_seq=v.entry_seq, entry_hash=v.entry_hash,
            )
        )  # fmt: skip
    return tuple(items)


def session_titles(session: Session, ids: set[int]) -> dict[int, str]:
    """Session id → title, for the sessions in ``ids``."""
    return dict(
        session.execute(select(LiveSession.id, LiveSession.title).where(LiveSession.id.in_(ids))).all()
    )


__all__ = [
    "SHOW_ALL",
    "PromiseItem",
    "SegmentGroup",
    "SegmentLine",
    "promise_items",
    "segment_groups",
    "session_titles",
    "with_corrections",
]
