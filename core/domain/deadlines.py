"""The deadline engine (issue 5, deliverable 3): every clock that applies to an after-sales ticket, with its basis.

Pure: facts and rule data in, :class:`Deadline` values out; no database. Every number lives in the ``deadlines``
rule (``resources/rules/deadlines.json``, owner-editable through ``core.rules``). Binding levels, strongest first:
``legal`` (consumer law), ``platform`` (the shop platform's rules), ``promise`` (what was said on air, which binds:
消费者权益保护法实施条例 2024) and ``internal`` (the studio's own service standard).

Counting (DOMAIN §4; 民法典 Arts 201–203): day-counted clocks are judged on the studio's calendar (timezone from the
rule, default Asia/Shanghai). The day an event happens is not counted; day 1 is the next day; a clock whose rule has
``holiday_extension`` and whose last day is a day off (statutory holiday, or a weekend not made up by 调休) ends on
the first working day after it; the last day ends at 24:00, stored as ``due`` = 00:00 of the following day. Only
the last day matters: days off in the middle of a period do not lengthen it. Hour-counted clocks run on the wall
clock. Pausing: while the ticket waits on the customer, ``internal`` clocks stop; legal, platform and promise clocks
never pause.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

from core import i18n
from core.domain.workdays import WorkCalendar

i18n.register(
    {
        "deadlines.why": ("{label}：{due}截止。{moved}{basis}", "{label}: due {due}. {moved}{basis}"),
        "deadlines.extended": (
            "第{days}日（{last}）是{holiday}，顺延至{day}。",
            "Day {days} ({last}) is {holiday}, so it moves to {day}. ",
        ),
        "deadlines.paused": ("（等待买家回复，已暂停计时）", " (paused while waiting on the buyer)"),
        "deadlines.naive": ("时间必须带时区：{field}", "The time must carry its timezone: {field}"),
        "deadlines.label.no_reason_return": ("七日无理由退货期", "7-day no-reason return window"),
        "deadlines.label.refund_after_return": ("收到退货后七日内退款", "Refund within 7 days of the return"),
        "deadlines.label.handling_breach": ("十五日处理红线", "15-day handling line"),
        "deadlines.label.refund_breach": ("退货后十五日退款红线", "15-day refund line after the return"),
        "deadlines.label.sanbao_return": ("三包七日退货期", "Three-guarantee 7-day return"),
        "deadlines.label.sanbao_exchange": ("三包十五日换货期", "Three-guarantee 15-day exchange"),
        "deadlines.label.sanbao_repair": ("三包保修期", "Three-guarantee repair period"),
        "deadlines.label.handling_target": ("工作室七日办结目标", "Studio 7-day settling target"),
        "deadlines.label.first_response": ("首次响应", "First response"),
        "deadlines.label.promise_ship_within_hours": ("承诺发货时效", "Promised shipping time"),
        "deadlines.label.promise_ship_within_days": ("承诺发货天数", "Promised shipping days"),
        "deadlines.label.promise_price_protection_days": ("承诺价格保护期", "Promised price protection"),
        "deadlines.label.promise_return_days": ("承诺退货期", "Promised return period"),
        "deadlines.label.platform_ship_hours": ("平台发货时限", "Platform shipping limit"),
        "deadlines.label.platform_handle_request_hours": (
            "平台售后处理时限",
            "Platform request handling limit",
        ),
        "deadlines.label.platform_complaint_hours": ("平台投诉处理时限", "Platform complaint limit"),
        "deadlines.label.platform_confirm_return_days": (
            "平台确认退货收货时限",
            "Platform return-receipt limit",
        ),
        "deadlines.label.platform_after_sales_days": ("平台售后期", "Platform after-sales period"),
        "deadlines.label.platform_no_reason_hours": (
            "平台计法无理由退货期",
            "Platform-counted no-reason window",
        ),
        "deadlines.label.platform_export": ("平台导出的处理期限", "Deadline from the platform export"),
    }
)


BINDING_ORDER = ("legal", "platform", "promise", "internal")


@dataclass(frozen=True)
class PromiseFacts:
    """A promise linked to the ticket: its id and the structured terms read from its wording."""

    promise_id: int | None
    terms: Mapping[str, Any]


@dataclass(frozen=True)
class TicketFacts:
    """What the engine needs to know about a ticket. Every datetime is aware (UTC as stored is fine).

    ``handled_at``: when the studio accepted or refused the request (left new / in progress), which stops the
    15-day handling line. ``waiting``: the intervals the ticket waited on the customer; an open one has end None.
    """

    kind: str
    opened_at: datetime
    reason: str = "other"
    platform: str = "generic"
    paid_at: datetime | None = None
    shipped_at: datetime | None = None
    signed_at: datetime | None = None
    return_shipped_at: datetime | None = None
    return_received_at: datetime | None = None
    first_response_at: datetime | None = None
    handled_at: datetime | None = None
    refunded_at: datetime | None = None
    resolved_at: datetime | None = None
    waiting: Sequence[tuple[datetime, datetime | None]] = ()
    promises: Sequence[PromiseFacts] = ()
    sanbao: bool = False
    no_reason_excluded: bool = False
    warranty_days: int | None = None
    platform_deadline_at: datetime | None = None


@dataclass(frozen=True)
class Deadline:
    """One clock on a ticket. ``due`` is aware, in the studio's zone; a day clock's ``due`` is 24:00 of ``last_day``.

    ``done_at`` is when the clock was satisfied (None while it runs; later than ``due`` means met late).
    ``extended_from``/``extended_because`` say why a last day moved (the day off and the i18n key of its name).
    """

    key: str
    due: datetime
    binding: str
    basis_zh: str
    basis_en: str
    confidence: str = "H"
    last_day: date | None = None
    paused: bool = False
    done_at: datetime | None = None
    warn_at: datetime | None = None
    extended_from: date | None = None
    extended_because: str = ""
    days: int | None = None
    promise_id: int | None = None
    buyer_window: bool = (
        False  # the buyer's period to act (7-day no-reason, 三包): shown, never the studio's due
    )

    @property
    def label(self) -> str:
        return i18n.t(f"deadlines.label.{self.key}")

    @property
    def basis(self) -> str:
        """The basis in the current language."""
        return self.basis_en if i18n.language() == "en" else self.basis_zh

    def due_text(self) -> str:
        """``2025-10-09 24:00`` for a day clock, ``2025-10-01 14:30`` for an hour clock (studio time)."""
        if self.last_day is not None:
            return f"{self.last_day.isoformat()} 24:00"
        if self.due.hour == self.due.minute == 0:
            return f"{(self.due.date() - timedelta(days=1)).isoformat()} 24:00"
        return self.due.strftime("%Y-%m-%d %H:%M")

    def why(self) -> str:
        """One sentence for the ticket view: what, when, why it moved, and the law or rule behind it."""
        moved = ""
        if self.extended_from is not None and self.last_day is not None:
            moved = i18n.t(
                "deadlines.extended",
                days=self.days or "",
                last=self.extended_from.isoformat(),
                holiday=i18n.t(self.extended_because),
                day=self.last_day.isoformat(),
            )
        text = i18n.t("deadlines.why", label=self.label, due=self.due_text(), moved=moved, basis=self.basis)
        if self.paused:
            text += i18n.t("deadlines.paused")
        return text.strip()


@dataclass(frozen=True)
class DeadlineReport:
    """Every deadline of a ticket (soonest first) and the calendar warnings that touch them."""

    deadlines: tuple[Deadline, ...]
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Nearest:
    """The nearest open binding deadline, its state (fine, due_soon, overdue, breached) and why."""

    deadline: Deadline
    state: str
    why: str


@cache
def bundled_deadline_rules() -> dict[str, Any]:
    """The bundled ``deadlines`` rule document, read once from ``resources/rules`` (no database needed; do not
    change the returned dict). Services pass the owner's active version instead (core.services.deadline_rules)."""
    import json

    from core.paths import resource

    return json.loads(resource("rules", "deadlines.json").read_text(encoding="utf-8"))


def _data(rules: Mapping[str, Any] | None) -> Mapping[str, Any]:
    if rules is None:
        rules = bundled_deadline_rules()
    return rules.get("data", rules)


def _aware(value: datetime | None, name: str) -> None:
    if value is not None and value.tzinfo is None:
        raise ValueError(i18n.t("deadlines.naive", field=name))


def count_days(
    start: datetime, days: int, zone: ZoneInfo, calendar: WorkCalendar, extend: bool | None
) -> tuple[date, date | None, str]:
    """(last day, the unextended last day if it moved, i18n key of the day off) — 民法典 Arts 201–203.

    ``start``'s calendar day in ``zone`` is not counted; the last day is ``days`` days later; with ``extend`` a last
    day that is not a working day moves to the first working day after it.
    """
    last = start.astimezone(zone).date() + timedelta(days=days)
    if extend and not calendar.is_workday(last):
        return calendar.next_workday(last), last, calendar.holiday_name_key(last)
    return last, None, ""


def legal_return_last_day(
    signed_at: datetime,
    *,
    rules: Mapping[str, Any] | None = None,
    calendar: WorkCalendar | None = None,
    zone: ZoneInfo | None = None,
) -> date:
    """:func:`return_window_last_day` with the rule data, calendar and zone supplied by the caller."""
    _aware(signed_at, "signed_at")
    data = _data(rules)
    rule = data["legal"]["no_reason_return"]
    zone = zone or ZoneInfo(data.get("timezone", "Asia/Shanghai"))
    calendar = calendar or WorkCalendar(weekend=data["calendar"]["fallback_weekend"])
    return count_days(signed_at, rule["days"], zone, calendar, rule.get("holiday_extension"))[0]


def return_window_last_day(signed_at: datetime) -> date:
    """The last day of the legal 7-day no-reason return window for goods signed for at ``signed_at`` (aware).

    消费者权益保护法 Art 25 with 民法典 Arts 201–203 (DOMAIN §4): judged in the studio timezone of the bundled rule
    (Asia/Shanghai); the signing day is not counted, day 1 is the next day; if day 7 is a statutory day off the
    window ends on the first working day after it (official schedule with 调休 from ``chinese-calendar``; a year it
    does not cover counts weekends only). The window closes at 24:00 of the returned day.
    """
    return legal_return_last_day(signed_at)


def ticket_deadlines(
    facts: TicketFacts,
    *,
    now: datetime,
    rules: Mapping[str, Any] | None = None,
    calendar: WorkCalendar | None = None,
    zone: ZoneInfo | None = None,
) -> DeadlineReport:
    """Every deadline that applies to the ticket, soonest first, with the calendar's warnings for the years used.

    ``rules``: the ``deadlines`` rule document or its ``data`` (default: the bundled file). ``calendar``: the
    official schedule plus owner days (default: official only). ``now`` closes an open waiting interval.
    """
    for name in (
        "opened_at",
        "paid_at",
        "shipped_at",
        "signed_at",
        "return_received_at",
        "first_response_at",
    ):
        _aware(getattr(facts, name), name)
    _aware(now, "now")
    data = _data(rules)
    from core.domain.deadline_clocks import Run, add_all_clocks

    run = Run(
        data=data,
        zone=zone or ZoneInfo(data.get("timezone", "Asia/Shanghai")),
        calendar=calendar or WorkCalendar(weekend=data["calendar"]["fallback_weekend"]),
        now=now,
        facts=facts,
    )
    add_all_clocks(run)
    ordered = sorted(run.out, key=lambda d: (d.due, BINDING_ORDER.index(d.binding), d.key))
    warnings = tuple(
        i18n.t("workdays.uncovered_year", year=year)
        for year in sorted(run.years)
        if not run.calendar.covers(year)
    )
    return DeadlineReport(tuple(ordered), warnings)


def nearest_binding(
    deadlines: Sequence[Deadline], now: datetime, *, warn_within: timedelta | None = None
) -> Nearest | None:
    """The open (not done, not paused) deadline due soonest, the stronger binding first on a tie; None if none.

    A legal line already passed is chosen before any other (the breach is what the desk must see), and the
    buyer's own windows (``buyer_window``: the 7-day no-reason and 三包 periods) are never chosen: their end is not
    a deadline the studio can miss.

    State: ``breached`` (a legal clock past due), ``overdue`` (any other past due), ``due_soon`` (within
    ``warn_within``, default the rule's ``warn_within_hours``, or past its own ``warn_at``), else ``fine``.
    """
    if warn_within is None:
        warn_within = timedelta(hours=_data(None)["warn_within_hours"])
    candidates = [d for d in deadlines if d.done_at is None and not d.paused and not d.buyer_window]
    if not candidates:
        return None
    # A legal line already passed outranks everything: the desk must see the breach, not an earlier
    # platform or internal clock that is merely overdue.
    breached = [d for d in candidates if d.binding == "legal" and d.due <= now]
    best = min(breached or candidates, key=lambda d: (d.due, BINDING_ORDER.index(d.binding), d.key))
    if best.due <= now:
        state = "breached" if best.binding == "legal" else "overdue"
    elif best.due - now <= warn_within or (best.warn_at is not None and best.warn_at <= now):
        state = "due_soon"
    else:
        state = "fine"
    return Nearest(best, state, best.why())
