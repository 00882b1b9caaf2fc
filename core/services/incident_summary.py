"""舆情处置报告 An incident's summary (issue 6, deliverable 6): what a studio files after handling a public-opinion
incident, or hands to the platform, a regulator or its own owner.

Why: DOMAIN §6 — evidence first (the post's text, screenshots, link, time found), each tier's clocks, never deleting
the post (网络直播营销管理办法 Art 21); 电子商务法 Art 62 — original records in a dispute, so every step carries its
time and who did it, and the ledger head at print time lets a reviewer check the whole record
(``python main.py verify``).

Contract: :func:`incident_summary_data` only reads, through the incident read model
(:func:`core.services.incident_view.incident_view`); every sentence is already in the core language (core.i18n), so
the PDF builder (:mod:`core.reports.incident_summary`) only lays text out. Times are in the studio's timezone; the
clocks of every tier period are listed with their tier (earlier tiers first, so "contacted within the hour" survives
an escalation); each says met (and when), missed (and how many hours late, also when still open at print time or
when the tier changed), no longer applies (the tier changed before it was due) or still running at ``now``. With ``vault_dir`` each screenshot's vault copy is re-hashed and, when intact, its path is handed to the
builder to print the image. An unknown incident raises ``InvalidInput`` ('incident_id'; :func:`incident_summary_for_code`:
'incident_code').
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from core import i18n, ledger, vault
from core.errors import InvalidInput
from core.services.incident_view import find_incident_id, incident_view
from core.services.sheet_heading import local_time
from core.services.studio import get_profile

i18n.register(
    {
        "incident_summary.no_code": ("没有编号为 {code} 的舆情", "There is no incident with the code {code}"),
        "incident_summary.f.channel": ("渠道", "Channel"),
        "incident_summary.f.link": ("原帖链接", "Link"),
        "incident_summary.no_link": ("无公开链接（私信或预警）", "no public link (a DM or an early warning)"),
        "incident_summary.f.seen": ("发现时间 / 发现人", "First seen / by"),
        "incident_summary.f.reach": ("传播量", "Reach"),
        "incident_summary.no_reach": ("未记录", "not recorded"),
        "incident_summary.f.tier": ("级别 / 负责人", "Tier / owner"),
        "incident_summary.tier": ("{tier}（{owner}负责）", "{tier} (owner: {owner})"),
        "incident_summary.tier_unconfirmed": ("{tier}（尚未由人确认）", "{tier} (not yet confirmed)"),
        "incident_summary.f.status": ("状态", "Status"),
        "incident_summary.status.closed": ("已结案（{at}）", "closed ({at})"),
        "incident_summary.seen": ("{at}　{who} 发现", "{at}  by {who}"),
        "incident_summary.clock.met": ("按时完成：{at}", "met in time: {at}"),
        "incident_summary.clock.met_late": (
            "超时完成：{at}（晚 {hours} 小时）",
            "met late: {at} ({hours} h late)",
        ),
        "incident_summary.clock.missed": (
            "已超时，打印时仍未完成（已晚 {hours} 小时）",
            "missed: still not done at print time ({hours} h late)",
        ),
        "incident_summary.clock.running": (
            "进行中，打印时还剩 {hours} 小时",
            "running: {hours} h left at print time",
        ),
        "incident_summary.clock.name": ("{name}（{hours} 小时）", "{name} ({hours} h)"),
        "incident_summary.clock.superseded": (
            "因级别调整不再适用（{at} 调整时尚未到期）",
            "no longer applies after the tier change ({at}, before it was due)",
        ),
        "incident_summary.clock.missed_then": (
            "已超时：{at} 级别调整时仍未完成（已晚 {hours} 小时）",
            "missed: still not done when the tier changed at {at} ({hours} h late)",
        ),
        "incident_summary.tier.confirmed": ("确认为 {to}", "confirmed as {to}"),
        "incident_summary.tier.escalation": ("升级 {from_} → {to}", "escalated {from_} → {to}"),
        "incident_summary.tier.de-escalation": ("降级 {from_} → {to}", "de-escalated {from_} → {to}"),
        "incident_summary.done": ("{at} {who} 完成", "done {at} by {who}"),
        "incident_summary.open_action": ("未完成", "open"),
        "incident_summary.open_overdue": ("未完成，已逾期", "open, overdue"),
        "incident_summary.intact": ("完好", "intact"),
        "incident_summary.damaged": ("缺失或内容已变", "missing or changed"),
    }
)


@dataclass(frozen=True)
class ClockRow:
    tier: str  # the tier period the clock belongs to: "IV"
    name: str  # "公开声明（4 小时）"
    due: str
    state_code: str  # met | late | missed | running | superseded
    state: str  # the sentence: met at …, missed by … hours, running …


@dataclass(frozen=True)
class TierRow:
    at: str
    who: str
    change: str  # "升级 IV → III"
    reason: str


@dataclass(frozen=True)
class ActionRow:
    at: str
    who: str
    what: str
    body: str


@dataclass(frozen=True)
class ShotRow:
    name: str
    sha256: str  # full
    at: str
    intact: bool
    intact_text: str
    image_path: str  # the vault copy to print, "" when not checked or not intact


@dataclass(frozen=True)
class CorrectiveRow:
    title: str
    owner: str
    due: str
    done: str  # "2026-11-22 10:00 王芳 完成" or the open sentence
    is_open: bool
    overdue: bool


@dataclass(frozen=True)
class IncidentSummary:
    studio_name: str
    studio_legal: str
    code: str
    status_code: str
    fields: tuple[tuple[str, str], ...]  # (label, value): channel, status, seen, reach; then tier, link
    summary: str
    snapshot_text: str
    screenshots: tuple[ShotRow, ...]
    tiers: tuple[TierRow, ...]
    clocks: tuple[ClockRow, ...]
    actions: tuple[ActionRow, ...]
    links: tuple[str, ...]  # "工单 SH-202611-0042", "场次 #30 …"
    root_cause: str
    override_reason: str
    corrective: tuple[CorrectiveRow, ...]
    guide: str
    ledger_count: int
    ledger_hash: str  # full
    timezone: str
    generated_at: str


def _hours(delta_seconds: float) -> str:
    return f"{max(delta_seconds, 0) / 3600:.1f}".removesuffix(".0")


def _clock_row(c, now: datetime, zone: ZoneInfo) -> ClockRow:  # type: ignore[no-untyped-def]
    t = i18n.t
    name = t("incident_summary.clock.name", name=c.name, hours=f"{c.hours:g}")
    if c.met_at is not None and c.met_at <= c.due:
        code, state = "met", t("incident_summary.clock.met", at=local_time(c.met_at, zone))
    elif c.met_at is not None:
        late = _hours((c.met_at - c.due).total_seconds())
        code, state = "late", t("incident_summary.clock.met_late", at=local_time(c.met_at, zone), hours=late)
    elif c.state == "superseded":
        code, state = "superseded", t("incident_summary.clock.superseded", at=local_time(c.ended_at, zone))
    elif c.ended_at is not None:
        late = _hours((c.ended_at - c.due).total_seconds())
        code, state = (
            "missed",
            t("incident_summary.clock.missed_then", at=local_time(c.ended_at, zone), hours=late),
        )
    elif c.state == "missed" or c.due <= now:
        code, state = (
            "missed",
            t("incident_summary.clock.missed", hours=_hours((now - c.due).total_seconds())),
        )
    else:
        code, state = (
            "running",
            t("incident_summary.clock.running", hours=_hours((c.due - now).total_seconds())),
        )
    return ClockRow(c.tier, name, local_time(c.due, zone), code, state)


def _status(view, zone: ZoneInfo) -> str:  # type: ignore[no-untyped-def]
    if view.closed_at is None:
        return view.status_name
    return i18n.t("incident_summary.status.closed", at=local_time(view.closed_at, zone))


def _fields(view, zone: ZoneInfo) -> tuple[tuple[str, str], ...]:  # type: ignore[no-untyped-def]
    t = i18n.t
    key = "incident_summary.tier" if view.tier_confirmed else "incident_summary.tier_unconfirmed"
    return (
        (t("incident_summary.f.channel"), view.channel_name),
        (t("incident_summary.f.status"), _status(view, zone)),
        (t("incident_summary.f.seen"), t("incident_summary.seen", at=local_time(view.first_seen_at, zone), who=view.seen_by_name)),
        (t("incident_summary.f.reach"), f"{view.reach:,}" if view.reach is not None else t("incident_summary.no_reach")),
        (t("incident_summary.f.tier"), t(key, tier=view.tier_name, owner=view.tier_owner)),
        (t("incident_summary.f.link"), view.link or t("incident_summary.no_link")),
    )  # fmt: skip


def _tiers(view, zone: ZoneInfo) -> tuple[TierRow, ...]:  # type: ignore[no-untyped-def]
    rows = []
    for a in view.actions:
        if a.kind != "tier":
            continue
        direction = a.data.get("direction", "confirmed")
        change = i18n.t(
            f"incident_summary.tier.{direction}", from_=a.data.get("from", ""), to=a.data.get("to", "")
        )
        rows.append(TierRow(local_time(a.at, zone), a.actor_name, change, a.body))
    return tuple(rows)


def _actions(view, zone: ZoneInfo) -> tuple[ActionRow, ...]:  # type: ignore[no-untyped-def]
    links = {(x.target_type, x.target_id): x.label for x in view.links}
    rows = []
    for a in view.actions:
        what = a.kind_name or a.kind
        if a.kind == "tier":
            direction = a.data.get("direction", "confirmed")
            what += "：" + i18n.t(
                f"incident_summary.tier.{direction}", from_=a.data.get("from", ""), to=a.data.get("to", "")
            )
        elif a.kind == "screenshot":
            what += "：" + str(a.data.get("name", ""))
        elif a.kind == "link":
            what += "：" + links.get((a.data.get("target_type"), a.data.get("target_id")), "")
        rows.append(ActionRow(local_time(a.at, zone, "%Y-%m-%d %H:%M:%S"), a.actor_name, what, a.body))
    return tuple(rows)


def _shots(view, zone: ZoneInfo, vault_dir: Path | None) -> tuple[ShotRow, ...]:  # type: ignore[no-untyped-def]
    rows = []
    for s in view.screenshots:
        intact = vault_dir is None or vault.file_matches(vault_dir, s.sha256)
        path = str(vault.path_for(vault_dir, s.sha256)) if vault_dir is not None and intact else ""
        text = i18n.t("incident_summary.intact" if intact else "incident_summary.damaged")
        rows.append(ShotRow(s.name, s.sha256, local_time(s.at, zone), intact, text, path))
    return tuple(rows)


def _corrective(view, now: datetime, zone: ZoneInfo) -> tuple[CorrectiveRow, ...]:  # type: ignore[no-untyped-def]
    rows = []
    for c in view.corrective:
        if c.done_at is not None:
            done = i18n.t("incident_summary.done", at=local_time(c.done_at, zone), who=c.done_by_name)
        else:
            done = i18n.t("incident_summary.open_overdue" if c.overdue else "incident_summary.open_action")
        rows.append(
            CorrectiveRow(
                c.title,
                c.owner_name,
                c.due_on.isoformat() if c.due_on else "",
                done,
                c.done_at is None,
                bool(c.overdue),
            )
        )
    return tuple(rows)


def incident_summary_data(
    session: Session, incident_id: int, *, now: datetime, vault_dir: Path | None = None
) -> IncidentSummary:
    """Everything the summary of ``incident_id`` shows, measured and stamped at ``now`` (see the module contract)."""
    view = incident_view(session, incident_id, now=now)
    profile = get_profile(session)
    zone = ZoneInfo(profile.timezone or "Asia/Shanghai")
    head = ledger.head(session)
    return IncidentSummary(
        studio_name=profile.display_name or profile.legal_name,
        studio_legal=" ".join(x for x in (profile.legal_name, profile.credit_code) if x),
        code=view.code,
        status_code=view.status,
        fields=_fields(view, zone),
        summary=view.summary,
        snapshot_text=view.snapshot_text,
        screenshots=_shots(view, zone, vault_dir),
        tiers=_tiers(view, zone),
        clocks=tuple(_clock_row(c, now, zone) for c in view.clocks),
        actions=_actions(view, zone),
        links=tuple(x.label for x in view.links),
        root_cause=view.root_cause or "",
        override_reason=view.close_override_reason or "",
        corrective=_corrective(view, now, zone),
        guide=view.guide,
        ledger_count=head.count,
        ledger_hash=head.hash,
        timezone=zone.key,
        generated_at=local_time(now, zone),
    )


def incident_summary_for_code(
    session: Session, code: str, *, now: datetime, vault_dir: Path | None = None
) -> IncidentSummary:
    """:func:`incident_summary_data` of the incident with ``code`` (YQ-202611-001); unknown → InvalidInput naming
    it ('incident_code')."""
    incident_id = find_incident_id(session, code)
    if incident_id is None:
        raise InvalidInput(
            i18n.t("incident_summary.no_code", code=(code or "").strip()), field="incident_code"
        )
    return incident_summary_data(session, incident_id, now=now, vault_dir=vault_dir)


__all__ = ["IncidentSummary", "incident_summary_data", "incident_summary_for_code"]
