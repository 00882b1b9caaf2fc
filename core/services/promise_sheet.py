"""The session's promise sheet (直播承诺单): every promise and correction said on air, for the host to sign.

Why: what is promised on air binds the studio (消费者权益保护法实施条例 2024; 法释〔2022〕8号 Arts 2, 8, 10;
DOMAIN §1), and in a dispute the seller must produce the original record (电子商务法 Art 62). After the stream the
host and the operator sign one document listing each promise verbatim with its time, offset into the stream,
product, structured terms, state and ledger entry hash, closed by the ledger head — so the paper and the
tamper-evident ledger vouch for each other (issue 4, deliverable 5).

Contract: :func:`promise_sheet_data` only reads; every sentence is already in the core language (core.i18n), so the
PDF builder (:mod:`core.reports.promise_sheet`) only lays text out. Times are shown in the studio's timezone;
offsets are mm:ss from ``actual_start`` (minutes keep counting past 60). Promise type names come from the active
``promises`` rule. An unknown session raises ``InvalidInput`` naming it (field ``session_id``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n, ledger
from core.db.models import LiveSession, Product
from core.domain.codes import CorrectionKind
from core.domain.money import yuan
from core.domain.promise_words import terms_in_words
from core.rules import active_rule
from core.services.live_timeline import elapsed_seconds, timeline
from core.services.promises import PromiseView, list_promises
from core.services.sheet_heading import local_time, sheet_heading

i18n.register(
    {
        "promise_sheet.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "promise_sheet.platform.douyin": ("抖音", "Douyin"),
        "promise_sheet.platform.kuaishou": ("快手", "Kuaishou"),
        "promise_sheet.platform.taobao": ("淘宝", "Taobao"),
        "promise_sheet.platform.wechat": ("视频号", "WeChat Channels"),
        "promise_sheet.platform.generic": ("其他平台", "Other platform"),
        "promise_sheet.not_started": ("未开播", "never went live"),
        "promise_sheet.still_live": ("{start} 起（仍在直播）", "from {start} (still live)"),
        "promise_sheet.actual": ("{start} 至 {end}（共 {duration}）", "{start}–{end} ({duration})"),
        "promise_sheet.duration": ("{h} 小时 {m} 分", "{h} h {m} min"),
        "promise_sheet.state.active": ("有效", "in force"),
        "promise_sheet.state.amended": ("已修正→#{by}", "amended → #{by}"),
        "promise_sheet.state.retracted": ("已撤回→#{by}", "retracted → #{by}"),
        "promise_sheet.state.retraction": ("撤回记录", "retraction"),
        "promise_sheet.correction.amendment": ("修正 #{id}", "amends #{id}"),
        "promise_sheet.correction.retraction": ("撤回 #{id}", "retracts #{id}"),
        "promise_sheet.correction.on_air": ("口误更正 #{id}", "corrected on air #{id}"),
        "promise_sheet.no_product": ("（未指定商品）", "(no product)"),
    }
)


@dataclass(frozen=True)
class SegmentRow:
    """One stretch of one product on air at one price."""

    product: str
    price: str
    start: str  # local "HH:MM:SS"
    offset: str  # "mm:ss" into the stream
    duration: str  # "mm:ss", "" while still on air


@dataclass(frozen=True)
class PromiseRow:
    """One promise or correction, every field already text."""

    number: int  # the promise id, "#n" elsewhere on the sheet
    said_at: str  # local "HH:MM:SS"
    offset: str  # "mm:ss" from the actual start, "—" if the session never went live
    product: str
    kind: str  # the template's name from the active rule
    wording: str  # verbatim
    terms: str  # "48 小时内发货；前 100 名" or "（无）"
    correction: str  # "" for a promise; "修正 #3" / "撤回 #3" / "口误更正 #3" for a correction
    state: str  # "有效" / "已修正→#n" / "已撤回→#n" / "撤回记录"
    state_code: str  # PromiseView.state
    entry_hash: str  # first 12 hex digits of the latest ledger entry about the row, "" if none


@dataclass(frozen=True)
class PromiseSheet:
    studio_name: str
    session_id: int
    title: str
    platform: str
    shop: str
    hosts: tuple[str, ...]
    planned: str
    actual: str
    timezone: str
    segments: tuple[SegmentRow, ...]
    products_on_air: int
    price_changes: int
    promises: tuple[PromiseRow, ...]
    counts: tuple[tuple[str, int], ...]  # (state code, n) for active, amended, retracted, retraction
    ledger_count: int
    ledger_hash: str  # the full head hash (the footer shows its first 12 digits)
    generated_at: str


def mmss(seconds: int | None) -> str:
    """``seconds`` as "mm:ss" (minutes run past 59: 3725 → "62:05"); "—" for None."""
    if seconds is None:
        return "—"
    minutes, rest = divmod(max(0, int(seconds)), 60)
    return f"{minutes:02d}:{rest:02d}"


def _kind_names(session: Session) -> dict[str, str]:
    english = i18n.language() == "en"
    templates = active_rule(session, "promises")["data"]["templates"]
    return {t["kind"]: t["en" if english else "zh"] for t in templates}


def _state(view: PromiseView) -> str:
    return i18n.t(f"promise_sheet.state.{view.state}", by=view.superseded_by)


def _rows(session: Session, views: tuple[PromiseView, ...], zone: ZoneInfo) -> tuple[PromiseRow, ...]:
    names = _kind_names(session)
    ids = {v.product_id for v in views if v.product_id is not None}
    products = dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(ids))).all())
    rows = []
    for v in views:
        correction = ""
        if v.correction in {c.value for c in CorrectionKind}:
            correction = i18n.t(f"promise_sheet.correction.{v.correction}", id=v.corrects_id)
        product = products.get(v.product_id) if v.product_id is not None else None
        rows.append(
            PromiseRow(
                number=v.id,
                said_at=local_time(v.said_at, zone, "%H:%M:%S"),
                offset=mmss(v.offset_seconds),
                product=product or i18n.t("promise_sheet.no_product"),
                kind=names.get(v.kind, v.kind),
                wording=v.wording,
                terms=terms_in_words(v.kind, v.terms),
                correction=correction,
                state=_state(v),
                state_code=v.state,
                entry_hash=v.entry_hash[:12],
            )
        )
    return tuple(rows)


def _actual(live: LiveSession, zone: ZoneInfo, now: datetime) -> str:
    if live.actual_start is None:
        return i18n.t("promise_sheet.not_started")
    start = local_time(live.actual_start, zone)
    if live.actual_end is None:
        return i18n.t("promise_sheet.still_live", start=start)
    hours, minutes = divmod(elapsed_seconds(live, now) // 60, 60)
    same_day = live.actual_end.astimezone(zone).date() == live.actual_start.astimezone(zone).date()
    end = local_time(live.actual_end, zone, "%H:%M" if same_day else "%Y-%m-%d %H:%M")
    duration = i18n.t("promise_sheet.duration", h=hours, m=minutes)
    return i18n.t("promise_sheet.actual", start=start, end=end, duration=duration)


def _segments(session: Session, session_id: int, zone: ZoneInfo) -> tuple[tuple[SegmentRow, ...], int, int]:
    """The timeline rows, the number of distinct products aired and the number of price changes."""
    segments = timeline(session, session_id)
    rows, last_price, changes = [], {}, 0
    for seg in segments:
        if seg.product_id in last_price and last_price[seg.product_id] != seg.price_fen:
            changes += 1
        last_price[seg.product_id] = seg.price_fen
        length = None if seg.ended_at is None else int((seg.ended_at - seg.started_at).total_seconds())
        rows.append(
            SegmentRow(
                product=seg.product_name,
                price=yuan(seg.price_fen),
                start=local_time(seg.started_at, zone, "%H:%M:%S"),
                offset=mmss(seg.offset_seconds),
                duration="" if length is None else mmss(length),
            )
        )
    return tuple(rows), len(last_price), changes


def promise_sheet_data(session: Session, session_id: int, *, now: datetime) -> PromiseSheet:
    """Everything the promise sheet of ``session_id`` shows, stamped ``now`` (see the module contract)."""
    heading = sheet_heading(session, session_id, missing_key="promise_sheet.no_session")
    live, zone = heading.live, heading.zone
    views = list_promises(session, live.id)
    segments, aired, changes = _segments(session, live.id, zone)
    states = ("active", "amended", "retracted", "retraction")
    head = ledger.head(session)
    return PromiseSheet(
        studio_name=heading.studio_name,
        session_id=live.id,
        title=live.title,
        platform=i18n.t(f"promise_sheet.platform.{live.platform}"),
        shop=live.shop or "",
        hosts=heading.hosts,
        planned=heading.planned,
        actual=_actual(live, zone, now),
        timezone=zone.key,
        segments=segments,
        products_on_air=aired,
        price_changes=changes,
        promises=_rows(session, views, zone),
        counts=tuple((s, sum(1 for v in views if v.state == s)) for s in states),
        ledger_count=head.count,
        ledger_hash=head.hash,
        generated_at=local_time(now, zone),
    )


__all__ = ["PromiseRow", "PromiseSheet", "SegmentRow", "mmss", "promise_sheet_data", "terms_in_words"]
