"""The pre-live sheet's facts (开播前确认单): what the host reads before going on air, assembled from the services.

Why: before each stream the room operator verifies product qualifications, sales wording and price claims and keeps
the record (直播电商监督管理办法 2026; 明码标价和禁止价格欺诈规定 Art 16; DOMAIN.md §1–3). The sheet puts one
session's lineup (prices, claim verdicts, papers), checklist result, script lint summary and the ledger head on one
page for the host and operator to sign.

Contract: :func:`prelive_sheet_data` only reads; every sentence is already in the core language (core.i18n), so the
PDF builder (:mod:`core.reports.prelive_sheet`) only lays text out. Times are shown in the studio's timezone. Money
is integer fen, shown through :func:`yuan`. An unknown session raises ``InvalidInput`` naming it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from core import i18n, ledger
from core.db.models import Product, Script, User
from core.domain.codes import ChecklistItemState
from core.domain.lint import lint
from core.domain.money import yuan
from core.domain.readiness import PROBLEMS_WORST_FIRST
from core.services.checklist import can_go_live
from core.services.checklist_records import get_run
from core.services.lineup import LineupItemView, session_lineup
from core.services.rules_lexicon import studio_lexicon
from core.services.scripts import exemptions_of, is_exempted, lint_category
from core.services.sheet_heading import local_time, sheet_heading

i18n.register(
    {
        "prelive.no_session": ("找不到编号为 {id} 的直播场次", "There is no live session number {id}"),
        "prelive.platform.douyin": ("抖音", "Douyin"),
        "prelive.platform.kuaishou": ("快手", "Kuaishou"),
        "prelive.platform.taobao": ("淘宝", "Taobao"),
        "prelive.platform.wechat": ("视频号", "WeChat Channels"),
        "prelive.platform.generic": ("其他平台", "Other platform"),
        "prelive.papers.ready": ("齐全", "ready"),
        "prelive.papers.missing": ("缺少：{names}", "missing: {names}"),
        "prelive.papers.invalid": ("无效：{names}", "invalid: {names}"),
        "prelive.papers.lapsed": ("已过期：{names}", "lapsed: {names}"),
        "prelive.papers.expiring": ("{days} 天后到期：{names}", "expiring in {days} days: {names}"),
        "prelive.price.ok": ("有依据", "backed"),
        "prelive.price.unbacked": ("无依据", "unbacked"),
        "prelive.price.higher_than_7d_lowest": ("高于 7 日最低 {excess}", "{excess} above 7-day lowest"),
        "prelive.price.no_claim": ("未标原价", "no claim"),
        "prelive.override": ("{who}放行：{reason}", "let in by {who}: {reason}"),
        "prelive.state.open": ("未完成", "open"),
        "prelive.state.done": ("已完成", "done"),
        "prelive.state.na": ("不适用", "n.a."),
        "prelive.state.waived": ("豁免", "waived"),
        "prelive.gate.open": ("可以开播", "may go live"),
        "prelive.gate.closed": ("不能开播：{n} 项必查项未完成", "may not go live: {n} required item(s) open"),
        "prelive.gate.no_run": ("尚未开始开播检查，不能开播", "checklist not started; may not go live"),
        "prelive.gate.overridden": (
            "店主{who}已越过检查（{at}）：{reason}",
            "owner {who} overrode the gate ({at}): {reason}",
        ),
        "prelive.lint.session_script": ("本场话术", "session script"),
        "prelive.unknown_user": ("（未知）", "(unknown)"),
    }
)


@dataclass(frozen=True)
class LineupRow:
    """One product on the sheet; every figure already formatted."""

    position: int
    product_name: str
    sku: str
    live_price: str
    claimed_original: str
    lowest_7d: str
    price_verdict: str
    price_flagged: bool
    papers: str
    papers_state: str  # "ready" | "expiring" | "missing" | "invalid" | "lapsed" (the worst)
    override: str  # "" unless the owner let a lapsed-paper product in


@dataclass(frozen=True)
class ChecklistRow:
    position: int
    title: str
    required: bool
    state: str  # codes.ChecklistItemState value
    state_text: str
    who: str
    at: str
    reason: str


@dataclass(frozen=True)
class ChecklistSummary:
    started: bool
    counts: tuple[tuple[str, int], ...]  # (state, count) for open, done, na, waived
    rows: tuple[ChecklistRow, ...]
    gate_allowed: bool
    gate_text: str
    override_text: str  # "" unless the owner overrode the gate


@dataclass(frozen=True)
class ScriptLint:
    title: str
    counts: tuple[
        tuple[str, int], ...
    ]  # (severity, count) for error, warning, info — exempted findings excluded
    exempted: int


@dataclass(frozen=True)
class PreliveSheet:
    studio_name: str
    session_id: int
    title: str
    platform: str
    shop: str
    planned: str  # "2026-11-25 19:30–22:00 (Asia/Shanghai)"
    timezone: str
    hosts: tuple[str, ...]
    lineup: tuple[LineupRow, ...]
    checklist: ChecklistSummary
    scripts: tuple[ScriptLint, ...]  # empty: no script yet
    ledger_count: int
    ledger_hash: str  # short (first 12 hex digits)
    generated_at: str


def _names(session: Session, user_ids: set[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids))).all()
    return {uid: name for uid, name in rows}


def _papers(view: LineupItemView) -> tuple[str, str]:
    readiness = view.readiness.readiness
    parts, worst = [], "ready"
    for state in PROBLEMS_WORST_FIRST:
        found = readiness.in_state(state)
        if not found:
            continue
        worst = state if worst == "ready" else worst
        names = "、".join(r.name for r in found)
        days = min((r.days_left for r in found if r.days_left is not None), default=0)
        parts.append(i18n.t(f"prelive.papers.{state}", names=names, days=days))
    return ("；".join(parts) or i18n.t("prelive.papers.ready")), worst


def _lineup_rows(session: Session, views: tuple[LineupItemView, ...]) -> tuple[LineupRow, ...]:
    names = _names(session, {v.override_by for v in views if v.override_by is not None})
    rows = []
    for v in views:
        check = v.price_check
        verdict = i18n.t(f"prelive.price.{check.state}", excess=yuan(check.excess_fen))
        papers, worst = _papers(v)
        override = ""
        if v.overridden:
            who = names.get(v.override_by or -1, i18n.t("prelive.unknown_user"))
            override = i18n.t("prelive.override", who=who, reason=v.override_reason)
        rows.append(
            LineupRow(
                position=v.position,
                product_name=v.product_name,
                sku=v.readiness.sku,
                live_price=yuan(v.live_price_fen),
                claimed_original=yuan(v.claimed_original_fen),
                lowest_7d=yuan(v.lowest_7d_fen),
                price_verdict=verdict,
                price_flagged=check.flagged,
                papers=papers,
                papers_state=worst,
                override=override,
            )
        )
    return tuple(rows)


def _checklist(session: Session, session_id: int, zone: ZoneInfo) -> ChecklistSummary:
    view = get_run(session, session_id)
    gate = can_go_live(session, session_id)
    states = [s.value for s in ChecklistItemState]
    if view is None:
        return ChecklistSummary(
            started=False,
            counts=tuple((s, 0) for s in states),
            rows=(),
            gate_allowed=False,
            gate_text=i18n.t("prelive.gate.no_run"),
            override_text="",
        )
    users = {i.by_user_id for i in view.items if i.by_user_id is not None}
    if view.override_by is not None:
        users.add(view.override_by)
    names = _names(session, users)
    counted = Counter(item.state for item in view.items)
    rows = tuple(
        ChecklistRow(
            position=item.position,
            title=item.title,
            required=item.required,
            state=item.state,
            state_text=i18n.t(f"prelive.state.{item.state}"),
            who=names.get(item.by_user_id, "") if item.by_user_id is not None else "",
            at=local_time(item.at, zone, "%m-%d %H:%M"),
            reason=item.reason,
        )
        for item in view.items
    )
    override = ""
    if view.overridden:
        who = names.get(view.override_by or -1, i18n.t("prelive.unknown_user"))
        override = i18n.t(
            "prelive.gate.overridden",
            who=who,
            at=local_time(view.override_at, zone),
            reason=view.override_reason,
        )
    if gate.allowed:
        gate_text = i18n.t("prelive.gate.open")
    else:
        gate_text = i18n.t("prelive.gate.closed", n=len(gate.open_items))
    return ChecklistSummary(
        started=True,
        counts=tuple((s, counted.get(s, 0)) for s in states),
        rows=rows,
        gate_allowed=gate.allowed,
        gate_text=gate_text,
        override_text=override,
    )


def _scripts(session: Session, session_id: int, product_ids: list[int]) -> tuple[ScriptLint, ...]:
    """Lint the session's scripts and those of its lineup's products; exempted findings are counted apart."""
    condition = Script.session_id == session_id
    if product_ids:
        condition = or_(condition, Script.product_id.in_(product_ids))
    scripts = session.scalars(select(Script).where(condition).order_by(Script.id)).all()
    result = []
    lexicon = studio_lexicon(session)
    for script in scripts:
        product = session.get(Product, script.product_id) if script.product_id is not None else None
        category = lint_category(product.category if product is not None else None)
        findings = lint(script.body, category, lexicon=lexicon)
        exemptions = exemptions_of(session, script.id)
        remaining = [f for f in findings if not is_exempted(f, exemptions)]
        counted = Counter(f.severity for f in remaining)
        title = script.title or (
            product.name if product is not None else i18n.t("prelive.lint.session_script")
        )
        result.append(
            ScriptLint(
                title=title,
                counts=tuple((s, counted.get(s, 0)) for s in ("error", "warning", "info")),
                exempted=len(findings) - len(remaining),
            )
        )
    return tuple(result)


def prelive_sheet_data(session: Session, session_id: int, *, today: date, now: datetime) -> PreliveSheet:
    """Everything the pre-live sheet shows for ``session_id``; papers judged on ``today``, stamped ``now``."""
    heading = sheet_heading(session, session_id, missing_key="prelive.no_session")
    live, zone = heading.live, heading.zone
    views = session_lineup(session, live.id, today=today)
    head = ledger.head(session)
    return PreliveSheet(
        studio_name=heading.studio_name,
        session_id=live.id,
        title=live.title,
        platform=i18n.t(f"prelive.platform.{live.platform}"),
        shop=live.shop,
        planned=heading.planned,
        timezone=zone.key,
        hosts=heading.hosts,
        lineup=_lineup_rows(session, views),
        checklist=_checklist(session, live.id, zone),
        scripts=_scripts(session, live.id, [v.product_id for v in views]),
        ledger_count=head.count,
        ledger_hash=head.hash[:12],
        generated_at=local_time(now, zone),
    )
