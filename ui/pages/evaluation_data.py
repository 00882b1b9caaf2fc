"""What the 服务评价 page reads and writes, as lane functions (each opens its own session; writes one unit_of_work).

``load_month`` gathers one month for the page: the KPIs of the month and the month before (and a breakdown), the
definitions, the editable draft and the stored versions, the grade bands and the months that have data. The
self-assessment is turned into plain views (:class:`AssessView`) both from a live draft and from a signed
version's frozen JSON, so the page draws both the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from core import clock
from core.domain.roles import Actor


@dataclass(frozen=True)
class ItemView:
    item_id: str
    name: str
    method: str  # auto | manual
    max_tenths: int
    points_tenths: int | None
    why: str
    evidence: str = ""


@dataclass(frozen=True)
class SectionView:
    name: str
    max_tenths: int
    points_tenths: int
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class CheckView:
    check_id: str
    name: str
    by: str  # kpi | manual
    failed: bool | None
    why: str
    evidence: str = ""


@dataclass(frozen=True)
class AssessView:
    """One version of the self-assessment as the page shows it (``signed`` False: the draft being prepared)."""

    version: int
    signed: bool
    signed_by: str
    signed_at: datetime | None
    total_tenths: int
    grade_name: str
    sections: tuple[SectionView, ...]
    checks: tuple[CheckView, ...]
    unscored: int = 0
    unanswered: int = 0


@dataclass(frozen=True)
class MonthView:
    period: str
    previous: str
    by: str | None
    months: tuple[str, ...]
    default_month: str
    ended: bool
    definitions: dict[str, Any]  # key -> core.services.kpis.KpiDefinition
    rows: tuple[tuple[str, Any, Any, Any], ...]  # (key, this, previous, change)
    groups: dict[str, dict[str, Any]]
    group_names: dict[str, str]
    draft: AssessView
    signed: AssessView | None  # the newest version when it is signed and no draft follows it
    history: tuple[tuple[int, str, str], ...]  # (version, signed by, signed on) of signed versions
    bands: tuple[tuple[str, float | None], ...]  # (grade name, min points) best first
    counts: dict[str, int] = field(default_factory=dict)


def _draft_view(draft: Any) -> AssessView:
    a = draft.assessment
    sections = tuple(
        SectionView(
            s.name,
            s.max_tenths,
            s.points_tenths,
            tuple(
                ItemView(i.item_id, i.name, i.method, i.max_tenths, i.points_tenths, i.why, i.evidence)
                for i in s.items
            ),
        )
        for s in a.sections
    )
    checks = tuple(
        CheckView(c.check_id, c.name, c.detected_by, c.failed, c.why, c.evidence) for c in a.checks
    )
    return AssessView(
        draft.version,
        False,
        "",
        None,
        a.total_tenths,
        a.grade_name,
        sections,
        checks,
        len(a.unscored),
        len(a.unanswered),
    )


def frozen_view(version: Any) -> AssessView:
    """A signed ``EvaluationVersion`` as the page shows it: the figures frozen at signing, never recomputed."""
    scores = version.scores or {}
    manual = scores.get("manual") or {}
    answers = scores.get("answers") or {}
    sections = tuple(
        SectionView(
            s["name"],
            int(s["max_tenths"]),
            int(s["points_tenths"]),
            tuple(
                ItemView(
                    i["id"],
                    i["name"],
                    i["method"],
                    int(i["max_tenths"]),
                    i["points_tenths"],
                    i["why"],
                    str((manual.get(i["id"]) or {}).get("evidence", "")),
                )
                for i in s["items"]
            ),
        )
        for s in scores.get("sections", [])
    )
    checks = tuple(
        CheckView(
            c["id"],
            c["name"],
            c["by"],
            c["failed"],
            c["why"],
            str((answers.get(c["id"]) or {}).get("evidence", "")),
        )
        for c in scores.get("checks", [])
    )
    return AssessView(
        version.version,
        True,
        version.signed_by,
        version.signed_at,
        int(version.total_tenths or 0),
        str(scores.get("grade_name", version.grade)),
        sections,
        checks,
    )


def _bands(session: Any) -> tuple[tuple[str, float | None], ...]:
    from core.i18n import language
    from core.rules import active_rule

    grades = active_rule(session, "evaluation")["data"]["grades"]
    lang = "en" if language() == "en" else "zh"
    return (*((b[lang], float(b["min"])) for b in grades["bands"]), (grades["below"][lang], None))


def default_month(db: Any, **_lane: Any) -> tuple[str, tuple[str, ...]]:
    """(the last ended month, the months that have data) — what the month picker offers first."""
    from core.services.evaluation_months import last_ended_month, months_with_data

    with db.sessions() as session:
        now = clock.now()
        last = last_ended_month(session, now)
        months = months_with_data(session, now)
    return last, tuple(sorted({*months, last}, reverse=True))


def load_month(db: Any, period: str, by: str | None = None, **_lane: Any) -> MonthView:
    """Everything the page shows for ``period`` (see the module docstring). Read-only."""
    from core.services import evaluation, kpis
    from core.services.evaluation_months import group_names, last_ended_month, months_with_data

    now = clock.now()
    with db.sessions() as session:
        this = kpis.month_kpis(session, period, now=now, by=by)
        previous = kpis.previous_period(period)
        before = kpis.month_kpis(session, previous, now=now).values
        rows = tuple(
            (
                key,
                value,
                before.get(key),
                None if value is None or before.get(key) is None else round(value - before[key], 4),
            )
            for key, value in this.values.items()
        )  # fmt: skip  (the same change as kpis.month_over_month, without computing the month twice)
        draft = evaluation.draft_evaluation(session, period, now=now, source=lambda *_a: this)
        history = evaluation.evaluation_history(session, period)
        last = last_ended_month(session, now)
        months = months_with_data(session, now)
        _first, last_day = evaluation.check_period(period)
        from core.services.studio import studio_today

        ended = studio_today(session, now) > last_day
        view = MonthView(
            period=period,
            previous=previous,
            by=by,
            months=tuple(sorted({*months, last, period}, reverse=True)),
            default_month=last,
            ended=ended,
            definitions=kpis.definitions(session),
            rows=rows,
            groups=this.groups,
            group_names=group_names(session, by, this.groups) if by else {},
            draft=_draft_view(draft),
            signed=frozen_view(history[-1]) if history and history[-1].signed else None,
            history=tuple(
                (v.version, v.signed_by, v.signed_at.astimezone(_zone(session)).date().isoformat())
                for v in history
                if v.signed and v.signed_at is not None
            ),
            bands=_bands(session),
            counts=dict(this.counts),
        )
    return view


def _zone(session: Any) -> Any:
    from core.services.studio import studio_zone

    return studio_zone(session)


def load_charts(db: Any, period: str, **_lane: Any) -> dict[str, Any]:
    """The monthly report's six charts, by the function the PDF's data uses (core.services.monthly_report_charts),
    without reading the rest of the report (overdue tickets, incidents, the ledger head)."""
    from core.services import kpis
    from core.services.monthly_report_charts import month_charts

    now = clock.now()
    with db.sessions() as session:
        by_host = kpis.month_kpis(session, period, now=now, by="host")
        start, end = kpis.month_range(period)
        return month_charts(session, start, end, by_host, by_host, now=now)


def save_score(
    db: Any, actor: Actor, period: str, item_id: str, score: float, evidence: str, **_lane: Any
) -> int:
    from core.services.evaluation import set_manual_score

    with db.unit_of_work(actor) as session:
        return set_manual_score(session, actor, period, item_id, score, evidence)


def save_answer(
    db: Any, actor: Actor, period: str, check_id: str, failed: bool, evidence: str, **_lane: Any
) -> None:
    from core.services.evaluation import set_hard_fail_answer

    with db.unit_of_work(actor) as session:
        set_hard_fail_answer(session, actor, period, check_id, failed, evidence)


def sign(db: Any, actor: Actor, period: str, **_lane: Any) -> Any:
    from core.services.evaluation import sign_evaluation

    with db.unit_of_work(actor) as session:
        return sign_evaluation(session, actor, period)
