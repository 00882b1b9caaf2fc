"""服务评价 The monthly self-assessment: draft, score by hand, sign, history (issue 7 deliverable 2).

Basis: GB/T 27922 grade bands and DOMAIN §7 hard fails (see :mod:`core.services.evaluation_rules`; the numbers are
the ``evaluation`` rule). 电子商务法 Art 62 — a signed evaluation is a record the studio must be able to show as it
was: signing freezes it in an ``Evaluation`` row with a ledger entry, and later data changes do not alter it.

Where drafts live (no schema change): each period has at most one *unsigned* ``Evaluation`` row (``signed_at``
NULL), version = the last signed version + 1. Its ``scores`` JSON holds what people entered so far::

    {"manual": {item_id: {"tenths", "evidence", "by", "at"}}, "answers": {check_id: {"failed", "evidence", …}}}

and is replaced on each edit (with an ``evaluation.scored`` / ``evaluation.answered`` ledger entry, so the ledger
vouches for every row). KPI figures are never stored in a draft: :func:`draft_evaluation` computes them afresh from
``core.services.kpis.month_kpis``. Signing fills the same row (``kpis`` snapshot, ``scores`` with every item's
points and why, ``total`` in tenths, ``grade`` band code, ``hard_fails``, ``signed_by/at``) and appends
``evaluation.signed``; the row is never written again. A re-evaluation is the next version: a new draft starts from
the signed version's manual scores and answers (carried over, editable) and is signed as version n + 1.

Signing refuses: a non-owner (``evaluation.sign``); a month not over yet in the studio's calendar; any item a person
must score but has not, or a yes/no hard-fail question not answered (named). Scoring by hand needs
``evaluation.score`` (owner).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger
from core.db.models import Evaluation, User
from core.domain.roles import Actor
from core.errors import InvalidInput, StudioDeskError
from core.rules import active_rule
from core.services import auth
from core.services.evaluation_rules import Assessment, assess, assessment_json, manual_items, rule_data
from core.services.evaluation_words import kpi_labels
from core.services.studio import studio_today

i18n.register(
    {
        "evaluation.period.bad": (
            "月份应写作 YYYY-MM，如 2026-11",
            "Write the month as YYYY-MM, e.g. 2026-11",
        ),
        "evaluation.period.open": (
            "{period} 尚未结束，月末后才能签署",
            "{period} has not ended; sign it after",
        ),
        "evaluation.kpis.missing": (
            "指标模块尚未就绪（core.services.kpis.month_kpis），无法计算服务评价",
            "The KPI module (core.services.kpis.month_kpis) is not available; the evaluation cannot be computed",
        ),
        "evaluation.item.unknown": ("没有名为“{item}”的评价项", "There is no evaluation item “{item}”"),
        "evaluation.item.auto": ("“{item}”由数据自动评分，不能人工打分", "“{item}” is scored from the data"),
        "evaluation.score.bad": ("分数应在 0 到 {points} 之间", "The score must be from 0 to {points}"),
        "evaluation.evidence.missing": (
            "请写明评分依据（检查了什么、在哪里可以看到）",
            "Write the evidence (what was checked and where it can be seen)",
        ),
        "evaluation.check.unknown": ("没有名为“{check}”的否决项", "There is no hard-fail check “{check}”"),
        "evaluation.check.auto": ("“{check}”由数据判断，不能人工回答", "“{check}” is detected from the data"),
        "evaluation.failed.bad": ("请回答是或否", "Answer yes or no"),
        "evaluation.unscored": ("还有评价项未评分：{items}", "Items still to score by a person: {items}"),
        "evaluation.unanswered": ("还有否决项未确认：{checks}", "Hard-fail checks still to answer: {checks}"),
    }
)

KpiSource = Callable[[Session, str, datetime | None], Any]
"""``(session, period, now) -> KpiReport``-like (``.values`` dict, optional ``.counts``, ``.start``, ``.end``)."""


class KpisUnavailable(StudioDeskError):
    """The KPI module is not there yet; nothing can be evaluated."""


@dataclass(frozen=True)
class EvaluationDraft:
    """What the evaluation page shows: the version being prepared, its KPI figures and the assessment."""

    period: str
    version: int
    kpis: dict[str, Any]
    assessment: Assessment
    rule_version: int
    rule_as_of: str


@dataclass(frozen=True)
class EvaluationVersion:
    """One stored version of a period's evaluation (``signed`` False for the draft in progress)."""

    id: int
    period: str
    version: int
    signed: bool
    total_tenths: int | None
    grade: str
    hard_fails: tuple[str, ...]
    signed_by: str
    signed_at: datetime | None
    kpis: dict[str, Any]
    scores: dict[str, Any]


def check_period(period: Any) -> tuple[date, date]:
    """First and last studio day of ``"YYYY-MM"``; :class:`InvalidInput` (field ``period``) otherwise."""
    text = str(period or "").strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})", text)
    if match is None or not 1 <= int(match.group(2)) <= 12:
        raise InvalidInput(i18n.t("evaluation.period.bad"), field="period")
    year, month = int(match.group(1)), int(match.group(2))
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _rule(session: Session) -> dict[str, Any]:
    document = active_rule(session, "evaluation")
    rule_data(document)  # refuse a broken owner edit before scoring with it
    return document


def _default_source(session: Session, period: str, now: datetime | None) -> Any:
    try:
        from core.services.kpis import month_kpis  # written alongside; optional until it lands
    except ImportError as exc:
        raise KpisUnavailable(i18n.t("evaluation.kpis.missing")) from exc
    return month_kpis(session, period, now=now)


def _snapshot(report: Any) -> dict[str, Any]:
    """The KPI figures as plain JSON: values, counts and the days they cover."""
    snap: dict[str, Any] = {"values": dict(getattr(report, "values", {}) or {})}
    snap["counts"] = dict(getattr(report, "counts", {}) or {})
    for attr in ("start", "end"):
        value = getattr(report, attr, None)
        if isinstance(value, date):
            snap[attr] = value.isoformat()
    return snap


def _rows(session: Session, period: str) -> list[Evaluation]:
    return list(
        session.scalars(select(Evaluation).where(Evaluation.period == period).order_by(Evaluation.version))
    )


def _draft_and_last(session: Session, period: str) -> tuple[Evaluation | None, Evaluation | None]:
    rows = _rows(session, period)
    draft = next((row for row in rows if row.signed_at is None), None)
    signed = [row for row in rows if row.signed_at is not None]
    return draft, (signed[-1] if signed else None)


def _entered(scores: Mapping[str, Any]) -> tuple[dict[str, tuple[int, str]], dict[str, tuple[bool, str]]]:
    manual = {k: (int(v["tenths"]), str(v["evidence"])) for k, v in (scores.get("manual") or {}).items()}
    answers = {k: (bool(v["failed"]), str(v["evidence"])) for k, v in (scores.get("answers") or {}).items()}
    return manual, answers


def _carried(draft: Evaluation | None, last: Evaluation | None) -> dict[str, Any]:
    """What people entered so far: the draft's, else the last signed version's (a re-evaluation starts there)."""
    source = draft if draft is not None else last
    if source is None:
        return {"manual": {}, "answers": {}}
    scores = source.scores or {}
    return {"manual": dict(scores.get("manual") or {}), "answers": dict(scores.get("answers") or {})}


def draft_evaluation(
    session: Session, period: str, *, now: datetime | None = None, source: KpiSource | None = None
) -> EvaluationDraft:
    """The evaluation being prepared for ``period``: this month's KPIs (``source``, default ``month_kpis``; tests
    and the bench may pass their own) scored with the rule and what people entered. Read-only.

    Raises :class:`KpisUnavailable` while ``core.services.kpis`` is missing, ``InvalidInput`` for a bad period.
    """
    check_period(period)
    document = _rule(session)
    draft, last = _draft_and_last(session, period)
    kpis = _snapshot((source or _default_source)(session, period, now))
    manual, answers = _entered(_carried(draft, last))
    return EvaluationDraft(
        period=period,
        version=draft.version if draft is not None else (last.version + 1 if last is not None else 1),
        kpis=kpis,
        assessment=assess(document, kpis["values"], manual, answers, kpi_labels(session)),
        rule_version=int(document.get("version", 0)),
        rule_as_of=str(document.get("as_of", "")),
    )


def _open_draft(session: Session, period: str) -> Evaluation:
    """The period's unsigned row, created (next version, carrying the last signed version's entries) if needed."""
    draft, last = _draft_and_last(session, period)
    if draft is not None:
        return draft
    row = Evaluation(
        period=period,
        version=last.version + 1 if last is not None else 1,
        kpis={},
        scores=_carried(None, last),
        total=None,
        grade="",
        hard_fails=[],
    )
    session.add(row)
    session.flush()
    return row


def _item(document: Mapping[str, Any], item_id: Any) -> dict[str, Any]:
    for section in rule_data(document)["sections"]:
        for item in section["items"]:
            if item["id"] == item_id:
                return item
    raise InvalidInput(i18n.t("evaluation.item.unknown", item=item_id), field="item_id")


def _evidence(evidence: Any) -> str:
    text = str(evidence or "").strip()
    if not text:
        raise InvalidInput(i18n.t("evaluation.evidence.missing"), field="evidence")
    return text


def _record(
    session: Session,
    actor: Actor,
    period: str,
    where: tuple[str, str],
    entry: dict[str, Any],
    kind: str,
    now: datetime | None,
) -> None:
    """Put a person's entry into the period's draft (replacing the scores JSON) and vouch for it in the ledger."""
    when = now or clock.now()
    row = _open_draft(session, period)
    scores = _carried(row, None)
    scores[where[0]][where[1]] = {**entry, "by": actor.user_id, "at": when.isoformat()}
    row.scores = scores
    data = {"period": period, "version": row.version, "id": where[1], **entry}
    ledger.append(session, actor, kind, subject_type="evaluation", subject_id=row.id, data=data, at=when)


def set_manual_score(
    session: Session,
    actor: Actor,
    period: str,
    item_id: str,
    score: Any,
    evidence: Any,
    *,
    now: datetime | None = None,
) -> int:
    """Score a manual item (0..its points, one decimal kept) with evidence; returns the score in tenths.

    Auto items are refused unless the rule lets a person score them when the month has no data for them
    (``no_data: manual``); whether it has data is decided when signing, so such a score is kept either way.
    Raises ``InvalidInput`` naming ``period``, ``item_id``, ``score`` or ``evidence``; nothing is written then.
    """
    auth.require(actor, "evaluation.score")
    check_period(period)
    document = _rule(session)
    item = _item(document, item_id)
    if item["method"] != "manual" and item.get("no_data", "full") != "manual":
        raise InvalidInput(i18n.t("evaluation.item.auto", item=item_id), field="item_id")
    points = int(item["points"])
    try:
        value = float(str(score).strip())
    except ValueError:
        value = -1.0
    if not 0 <= value <= points:
        raise InvalidInput(i18n.t("evaluation.score.bad", points=points), field="score")
    text = _evidence(evidence)
    tenths = round(value * 10)
    entry = {"tenths": tenths, "evidence": text}
    _record(session, actor, period, ("manual", item_id), entry, "evaluation.scored", now)
    return tenths


def set_hard_fail_answer(
    session: Session,
    actor: Actor,
    period: str,
    check_id: str,
    failed: Any,
    evidence: Any,
    *,
    now: datetime | None = None,
) -> None:
    """Answer a yes/no hard-fail check (``failed`` True = it happened) with evidence, for the period's draft.

    Raises ``InvalidInput`` naming ``period``, ``check_id``, ``failed`` or ``evidence``.
    """
    auth.require(actor, "evaluation.score")
    check_period(period)
    document = _rule(session)
    check = next((c for c in rule_data(document).get("hard_fails", []) if c["id"] == check_id), None)
    if check is None:
        raise InvalidInput(i18n.t("evaluation.check.unknown", check=check_id), field="check_id")
    if "manual" not in check["detect"]:
        raise InvalidInput(i18n.t("evaluation.check.auto", check=check_id), field="check_id")
    if not isinstance(failed, bool):
        raise InvalidInput(i18n.t("evaluation.failed.bad"), field="failed")
    text = _evidence(evidence)
    entry = {"failed": failed, "evidence": text}
    _record(session, actor, period, ("answers", check_id), entry, "evaluation.answered", now)


def sign_evaluation(
    session: Session,
    actor: Actor,
    period: str,
    *,
    now: datetime | None = None,
    source: KpiSource | None = None,
) -> EvaluationVersion:
    """The owner signs ``period``: the draft is scored with this moment's KPIs and frozen (one ledger entry).

    Refuses (``InvalidInput``): a month not over yet (field ``period``), items a person must still score (field
    ``item_id``, naming them), hard-fail questions unanswered (field ``check_id``, naming them).
    """
    auth.require(actor, "evaluation.sign")
    _first, last_day = check_period(period)
    when = now or clock.now()
    if studio_today(session, when) <= last_day:
        raise InvalidInput(i18n.t("evaluation.period.open", period=period), field="period")
    draft = draft_evaluation(session, period, now=when, source=source)
    a = draft.assessment
    needs = manual_items(_rule(session), draft.kpis["values"])
    if a.unscored:
        names = "、".join(f"{i.name}（{i.item_id}）" for i in a.items if i.item_id in a.unscored)
        raise InvalidInput(i18n.t("evaluation.unscored", items=names), field="item_id")
    if a.unanswered:
        names = "、".join(f"{c.name}（{c.check_id}）" for c in a.checks if c.check_id in a.unanswered)
        raise InvalidInput(i18n.t("evaluation.unanswered", checks=names), field="check_id")
    row = _open_draft(session, period)
    entered = _carried(row, None)
    entered["manual"] = {k: v for k, v in entered["manual"].items() if k in needs}  # used in the score
    row.kpis = draft.kpis
    rule_info = {"version": draft.rule_version, "as_of": draft.rule_as_of}
    row.scores = {**entered, "rule": rule_info, **assessment_json(a)}
    row.total = a.total_tenths
    row.grade = a.grade
    row.hard_fails = list(a.hard_fails)
    row.signed_by = actor.user_id
    row.signed_at = when
    ledger.append(
        session,
        actor,
        "evaluation.signed",
        subject_type="evaluation",
        subject_id=row.id,
        data={
            "period": period,
            "version": row.version,
            "total": a.total_tenths,
            "grade": a.grade,
            "hard_fails": list(a.hard_fails),
        },
        at=when,
    )
    return _version(row, _names(session, {row.signed_by}))


def _names(session: Session, ids: set[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {u.id: u.display_name for u in session.scalars(select(User).where(User.id.in_(wanted)))}


def _version(row: Evaluation, names: Mapping[int, str]) -> EvaluationVersion:
    return EvaluationVersion(
        id=row.id,
        period=row.period,
        version=row.version,
        signed=row.signed_at is not None,
        total_tenths=row.total,
        grade=row.grade,
        hard_fails=tuple(row.hard_fails or ()),
        signed_by=names.get(row.signed_by, "") if row.signed_by is not None else "",
        signed_at=row.signed_at,
        kpis=dict(row.kpis or {}),
        scores=dict(row.scores or {}),
    )


def evaluation_history(session: Session, period: str) -> tuple[EvaluationVersion, ...]:
    """Every stored version of ``period``, oldest first (the unsigned draft, if any, last with ``signed`` False)."""
    check_period(period)
    rows = _rows(session, period)
    names = _names(session, {row.signed_by for row in rows})
    return tuple(_version(row, names) for row in rows)
