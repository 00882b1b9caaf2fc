"""舆情登记 (issue 6, deliverables 1–2): the incident register, screenshots, links, tiers and their clocks.

Basis: DOMAIN §6 — preserve evidence (screenshots, link, time found) before anything else; channels, tiers IV–I,
their triggers and clocks are data in the ``incidents`` rule (practitioner defaults [L–M], with basis and as_of).
电子商务法 Art 62 — original records in a dispute: every write is a ledger entry in the caller's unit of work.

Contracts: permission ``incidents.work``; bad input raises :class:`InvalidInput` naming the field before anything is
written ('channel', 'link', 'snapshot_text', 'first_seen_at', 'reach', 'file', 'target_type', 'target_id', 'tier',
'reason'). A tier is suggested by :func:`suggest_tier` and confirmed by a person with :func:`set_tier`; a change
after the first confirmation needs a reason and is logged as an escalation or de-escalation. Each tier's clocks run
from the time first seen (first confirmation) or from the tier change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from core import clock, i18n, vault
from core.db.models import Incident, IncidentAction, IncidentLink, LiveSession, Product, Ticket, User
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.incident_actions import (
    add_action,
    incidents_rule,
    load_incident,
    note_incident,
)
from core.services.incident_clocks import ClockView, clock_views
from core.services.studio import studio_zone

i18n.register(
    {
        "incidents.unknown_channel": (
            "没有名为“{channel}”的渠道；可用的渠道：{known}",
            "There is no channel “{channel}”; known channels: {known}",
        ),
        "incidents.bad_link": (
            "“{link}”不是网址；请粘贴以 http:// 或 https:// 开头的链接",
            "“{link}” is not a link; paste an address starting with http:// or https://",
        ),
        "incidents.snapshot_required": (
            "请先保存原帖内容（文字快照），再处理",
            "Save the post's text (snapshot) first, before handling it",
        ),
        "incidents.seen_not_time": (
            "发现时间必须带时区的时间",
            "The time first seen must be a time with a zone",
        ),
        "incidents.seen_in_future": (
            "发现时间 {at} 晚于现在",
            "The time first seen {at} is in the future",
        ),
        "incidents.bad_reach": ("传播量必须是不小于 0 的整数", "Reach must be a whole number, 0 or more"),
        "incidents.file_unreadable": ("无法读取文件 {path}", "The file {path} cannot be read"),
        "incidents.not_image": (
            "{name} 不是图片（支持 PNG、JPEG、GIF、WEBP）",
            "{name} is not an image (PNG, JPEG, GIF or WEBP)",
        ),
        "incidents.bad_target_type": (
            "只能关联工单、场次、商品或主播，而不是“{kind}”",
            "Link a ticket, session, product or host, not “{kind}”",
        ),
        "incidents.no_target": ("没有编号为 {id} 的{kind}", "There is no {kind} number {id}"),
        "incidents.target.ticket": ("工单", "ticket"),
        "incidents.target.session": ("场次", "session"),
        "incidents.target.product": ("商品", "product"),
        "incidents.target.host": ("主播", "host"),
        "incidents.unknown_tier": (
            "没有“{tier}”这一级别；可用：{known}",
            "There is no tier “{tier}”; known: {known}",
        ),
        "incidents.tier_reason": (
            "调整级别（{old} → {new}）需要说明理由",
            "Changing the tier ({old} → {new}) needs a reason",
        ),
        "incidents.why.base": (
            "单条投诉，未扩散（默认 IV 级）",
            "A single complaint, no spread (tier IV by default)",
        ),
        "incidents.why.similar": (
            "当日同类投诉 {count} 条，达到 {tier} 级的 {limit} 条",
            "{count} similar complaints today, at or above tier {tier}'s {limit}",
        ),
        "incidents.why.reach": (
            "传播量 {reach}，达到 {tier} 级的 {limit}",
            "Reach {reach}, at or above tier {tier}'s {limit}",
        ),
        "incidents.why.channel": (
            "渠道“{channel}”至少按 {tier} 级处理",
            "Channel “{channel}” is at least tier {tier}",
        ),
        "incidents.why.safety": ("涉及安全事故，按 {tier} 级处理", "A safety incident is tier {tier}"),
    }
)

TIER_ORDER = ("IV", "III", "II", "I")  # least to most severe (DOMAIN §6)
LINK_MODELS: dict[str, type] = {"ticket": Ticket, "session": LiveSession, "product": Product, "host": User}
IMAGE_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


def _name(entry: dict[str, Any]) -> str:
    return str(entry["zh" if i18n.language().startswith("zh") else "en"])


def channels(session: Session) -> list[dict[str, Any]]:
    """The channels of the active rule (code, zh, en, optional min_tier and basis)."""
    return list(incidents_rule(session)["channels"])


def _tiers(session: Session) -> dict[str, dict[str, Any]]:
    return {t["code"]: t for t in incidents_rule(session)["tiers"]}


def _next_code(session: Session, first_seen_at: datetime) -> str:
    code = incidents_rule(session)["code"]
    prefix = f"{code['prefix']}-{first_seen_at.astimezone(studio_zone(session)).strftime('%Y%m')}-"
    last = session.scalar(
        select(func.max(cast(func.substr(Incident.code, len(prefix) + 1), Integer))).where(
            Incident.code.like(prefix + "%")
        )
    )
    return f"{prefix}{(last or 0) + 1:0{int(code['digits'])}d}"


def _check_link(link: str) -> str:
    text = (link or "").strip()
    if not text:
        return ""  # no public address (a DM, a phone complaint, an early-warning proposal)
    parsed = urlparse(text)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in text or len(text) > 1000:
        raise InvalidInput(i18n.t("incidents.bad_link", link=text), field="link")
    return text


def open_incident(
    session: Session,
    actor: Actor,
    *,
    channel: str,
    link: str,
    snapshot_text: str,
    first_seen_at: datetime,
    summary: str = "",
    reach: int | None = None,
) -> Incident:
    """Register an incident (tier IV until a person confirms one); seen by ``actor``. ``link`` may be empty (a DM, a
    call, an early-warning proposal); when given it must be an http(s) address. See the module contract."""
    require(actor, "incidents.work")
    known = {c["code"]: c for c in channels(session)}
    if channel not in known:
        names = "、".join(_name(c) for c in known.values())
        raise InvalidInput(i18n.t("incidents.unknown_channel", channel=channel, known=names), field="channel")
    url = _check_link(link)
    snapshot = (snapshot_text or "").strip()
    if not snapshot:
        raise InvalidInput(i18n.t("incidents.snapshot_required"), field="snapshot_text")
    if not isinstance(first_seen_at, datetime) or first_seen_at.tzinfo is None:
        raise InvalidInput(i18n.t("incidents.seen_not_time"), field="first_seen_at")
    if first_seen_at > clock.now():
        raise InvalidInput(i18n.t("incidents.seen_in_future", at=first_seen_at), field="first_seen_at")
    if reach is not None and (not isinstance(reach, int) or isinstance(reach, bool) or reach < 0):
        raise InvalidInput(i18n.t("incidents.bad_reach"), field="reach")
    row = Incident(
        code=_next_code(session, first_seen_at),
        channel=channel,
        link=url,
        summary=(summary or "").strip(),
        snapshot_text=snapshot,
        first_seen_at=first_seen_at,
        seen_by=actor.user_id,
        reach=reach,
        tier=TIER_ORDER[0],
        status="open",
    )
    session.add(row)
    session.flush()
    note_incident(session, actor, row, "opened")
    return row


def _image_type(head: bytes) -> str | None:
    for magic, media in IMAGE_MAGIC:
        if head.startswith(magic):
            return media
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    return None


def attach_screenshot(
    session: Session, actor: Actor, vault_dir: Path, incident_id: int, file: Path
) -> IncidentAction:
    """Copy a screenshot (PNG/JPEG/GIF/WEBP by its first bytes, else refused naming 'file') into the vault and log
    it; the file, its vault record and the action are all-or-nothing."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    path = Path(file)
    try:
        with path.open("rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise InvalidInput(i18n.t("incidents.file_unreadable", path=path), field="file") from exc
    media = _image_type(head)
    if media is None:
        raise InvalidInput(i18n.t("incidents.not_image", name=path.name), field="file")
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    with vault.stored_with(session, vault_dir, sha):
        stored = vault.store_file(session, vault_dir, path, actor, media_type=media)
        return add_action(
            session,
            actor,
            incident,
            "screenshot",
            data={"sha256": stored, "name": path.name, "media_type": media},
        )


def link_to(
    session: Session, actor: Actor, incident_id: int, target_type: str, target_id: int
) -> IncidentAction:
    """Link the incident to a ticket, session, product or host ('target_type', 'target_id'); linking twice is
    harmless (no second row)."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    model = LINK_MODELS.get(target_type)
    if model is None:
        raise InvalidInput(i18n.t("incidents.bad_target_type", kind=target_type), field="target_type")
    if session.get(model, target_id) is None:
        kind = i18n.t(f"incidents.target.{target_type}")
        raise InvalidInput(i18n.t("incidents.no_target", kind=kind, id=target_id), field="target_id")
    if session.get(IncidentLink, (incident.id, target_type, target_id)) is None:
        session.add(IncidentLink(incident_id=incident.id, target_type=target_type, target_id=target_id))
    return add_action(
        session, actor, incident, "link", data={"target_type": target_type, "target_id": target_id}
    )


@dataclass(frozen=True)
class TierSuggestion:
    """The tier the facts point to and why (one sentence per fact that raised it, in the current language)."""

    tier: str
    reasons: tuple[str, ...]


def _severer(a: str, b: str) -> str:
    return a if TIER_ORDER.index(a) >= TIER_ORDER.index(b) else b


def suggest_tier(
    session: Session,
    *,
    channel: str,
    similar_today: int = 0,
    reach: int | None = None,
    safety_incident: bool = False,
) -> TierSuggestion:
    """The tier the rule's triggers give for these facts: similar complaints that day, reach, the channel's
    ``min_tier`` (a regulator channel such as 12315), a safety incident. The most severe wins."""
    tier, reasons = TIER_ORDER[0], [i18n.t("incidents.why.base")]
    for code, entry in _tiers(session).items():
        trigger = entry.get("trigger", {})
        limit = trigger.get("similar_per_day")
        if code != TIER_ORDER[0] and limit and similar_today >= limit:
            tier = _severer(tier, code)
            reasons.append(i18n.t("incidents.why.similar", count=similar_today, tier=code, limit=limit))
        limit = trigger.get("reach")
        if limit and reach is not None and reach >= limit:
            tier = _severer(tier, code)
            reasons.append(i18n.t("incidents.why.reach", reach=reach, tier=code, limit=limit))
        if trigger.get("safety_incident") and safety_incident:
            tier = _severer(tier, code)
            reasons.append(i18n.t("incidents.why.safety", tier=code))
    found = next((c for c in channels(session) if c["code"] == channel), None)
    if found and found.get("min_tier"):
        tier = _severer(tier, found["min_tier"])
        reasons.append(i18n.t("incidents.why.channel", channel=_name(found), tier=found["min_tier"]))
    if len(reasons) > 1:
        reasons.pop(0)
    return TierSuggestion(tier, tuple(reasons))


def set_tier(
    session: Session, actor: Actor, incident_id: int, tier: str, *, reason: str = ""
) -> IncidentAction:
    """Confirm or change the tier ('tier'). The first confirmation needs no reason; a later change needs one
    ('reason') and is recorded as ``escalation`` or ``de-escalation`` (its clocks start now)."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    if tier not in TIER_ORDER or tier not in _tiers(session):
        raise InvalidInput(
            i18n.t("incidents.unknown_tier", tier=tier, known="、".join(TIER_ORDER)), field="tier"
        )
    why = (reason or "").strip()
    first = incident.tier_confirmed_by is None
    old = incident.tier
    if first or tier == old:
        direction = "confirmed"
    elif not why:
        raise InvalidInput(i18n.t("incidents.tier_reason", old=old, new=tier), field="reason")
    else:
        direction = "escalation" if TIER_ORDER.index(tier) > TIER_ORDER.index(old) else "de-escalation"
    incident.tier, incident.tier_confirmed_by = tier, actor.user_id
    note_incident(session, actor, incident, "changed")
    return add_action(
        session, actor, incident, "tier", body=why, data={"from": old, "to": tier, "direction": direction}
    )


def clocks(session: Session, incident: Incident, now: datetime | None = None) -> tuple[ClockView, ...]:
    """The clocks of every tier period of the incident (earlier tiers' first, see
    :func:`core.services.incident_clocks.clock_views`), measured at ``now`` (default the app clock)."""
    actions = session.scalars(
        select(IncidentAction).where(IncidentAction.incident_id == incident.id).order_by(IncidentAction.at)
    ).all()
    return clock_views(incidents_rule(session), incident, list(actions), now or clock.now())


def update_reach(session: Session, actor: Actor, incident_id: int, reach: int) -> IncidentAction:
    """Record the reach figure now known ('reach': a whole number, 0 or more); logged as a ``reach`` action with
    the old and new figures (the suggestion of a tier uses the newest)."""
    require(actor, "incidents.work")
    incident = load_incident(session, incident_id)
    if not isinstance(reach, int) or isinstance(reach, bool) or reach < 0:
        raise InvalidInput(i18n.t("incidents.bad_reach"), field="reach")
    old, incident.reach = incident.reach, reach
    note_incident(session, actor, incident, "changed")
    return add_action(session, actor, incident, "reach", body=str(reach), data={"from": old, "to": reach})
