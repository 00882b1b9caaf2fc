"""Which clocks apply to a ticket and how each one starts and stops; helper of :mod:`core.domain.deadlines`.

Pure. Every clock is an entry of the ``deadlines`` rule with ``days`` or ``hours``, ``from`` (the event that starts
it), optional ``kinds`` (ticket kinds it applies to; all when absent) and ``requires`` (``no_reason_allowed``: the
goods are not excluded from no-reason return; ``sanbao``: the product is a 三包 good; ``quality``: the reason is a
quality problem). What stops a clock follows from what starts it (:data:`_STOPS`): a buyer's window (from signing
or payment) is met when the request came in before it closed; a clock on the studio's handling stops when the
request is accepted or refused; a refund clock when the refund is paid; a shipping clock when the goods ship.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from core.domain.deadlines import Deadline, TicketFacts, count_days
from core.domain.workdays import WorkCalendar

_WINDOW = "window"
_STOPS: dict[str, tuple[str, ...]] = {
    "paid": ("shipped_at",),
    "opened": ("handled_at", "resolved_at"),
    "signed": (_WINDOW,),
    "signed_next_midnight": (_WINDOW,),
    "return_shipped": ("return_received_at",),
    "return_received": ("refunded_at", "resolved_at"),
}


@dataclass
class Run:
    """One computation: the rule data, zone, calendar, facts, and the deadlines found so far."""

    data: Mapping[str, Any]
    zone: ZoneInfo
    calendar: WorkCalendar
    now: datetime
    facts: TicketFacts
    years: set[int] = field(default_factory=set)
    out: list[Deadline] = field(default_factory=list)

    def start(self, source: str) -> datetime | None:
        """The moment the event ``source`` happened (None when it has not)."""
        f = self.facts
        if source == "signed_next_midnight":
            if f.signed_at is None:
                return None
            day = f.signed_at.astimezone(self.zone).date() + timedelta(days=1)
            return datetime.combine(day, time(0), self.zone)
        return getattr(
            f,
            {"return_shipped": "return_shipped_at", "return_received": "return_received_at"}.get(
                source, f"{source}_at"
            ),
        )

    def stopped(self, source: str, due: datetime) -> datetime | None:
        """When the clock started by ``source`` was satisfied, or None while it still runs."""
        f = self.facts
        for name in _STOPS.get(source, ("resolved_at",)):
            if name == _WINDOW:
                if f.kind != "inquiry" and f.opened_at < due:
                    return f.opened_at
            elif (value := getattr(f, name)) is not None:
                return value
        return None

    def waiting(self) -> list[tuple[datetime, datetime]]:
        """The waiting-on-customer intervals, an open one closed at ``now``."""
        return [(b, e or self.now) for b, e in self.facts.waiting]

    def waiting_now(self) -> bool:
        return any(e is None for _, e in self.facts.waiting)

    def applies(self, rule: Mapping[str, Any]) -> bool:
        f = self.facts
        if "kinds" in rule and f.kind not in rule["kinds"]:
            return False
        needs = set(rule.get("requires", ()))
        if "no_reason_allowed" in needs and f.no_reason_excluded:
            return False
        if "sanbao" in needs and not f.sanbao:
            return False
        return not ("quality" in needs and f.reason != "quality")

    def clock(
        self,
        key: str,
        rule: Mapping[str, Any],
        binding: str,
        amount: float | None = None,
        promise_id: int | None = None,
    ) -> Deadline | None:
        """Add the clock ``rule`` (``amount`` overrides its ``days``/``hours``) if its start event has happened."""
        source = rule.get("from", "opened")
        begin = self.start(source)
        if begin is None:
            return None
        hours = rule.get("hours") if amount is None else (amount if key.endswith("hours") else None)
        days = rule.get("days") if amount is None else (None if key.endswith("hours") else amount)
        if days is not None and float(days) != int(days):
            hours, days = float(days) * 24, None
        common = {
            "key": key,
            "binding": binding,
            "basis_zh": rule.get("basis_zh", ""),
            "basis_en": rule.get("basis_en", ""),
            "confidence": rule.get("confidence", "H"),
            "promise_id": promise_id,
            "buyer_window": bool(rule.get("buyer_window")),
        }
        if days is not None:
            extend = bool(rule.get("holiday_extension"))
            last, moved_from, because = count_days(begin, int(days), self.zone, self.calendar, extend)
            if extend:
                self.years.update({last.year, (moved_from or last).year})
            warn_days = rule.get("warn_days")
            deadline = Deadline(
                due=datetime.combine(last + timedelta(days=1), time(0), self.zone),
                last_day=last,
                extended_from=moved_from,
                extended_because=because,
                days=int(days),
                warn_at=None if warn_days is None else _day_end(begin, int(warn_days), self.zone),
                **common,
            )
        elif hours is not None:
            deadline = Deadline(due=(begin + timedelta(hours=float(hours))).astimezone(self.zone), **common)
        else:
            return None
        deadline = replace(deadline, done_at=self.stopped(source, deadline.due))
        if rule.get("pausable"):
            deadline = self.paused(deadline)
        self.out.append(deadline)
        return deadline

    def paused(self, deadline: Deadline) -> Deadline:
        """An internal clock pushed back by the time spent waiting on the customer (flagged while it still waits)."""
        waited = sum((e - b for b, e in self.waiting() if e > b), timedelta(0))
        if not waited:
            return replace(deadline, paused=self.waiting_now() and deadline.done_at is None)
        return replace(
            deadline,
            due=deadline.due + waited,
            last_day=None,
            paused=self.waiting_now() and deadline.done_at is None,
        )


def _day_end(start: datetime, days: int, zone: ZoneInfo) -> datetime:
    return datetime.combine(start.astimezone(zone).date() + timedelta(days=days + 1), time(0), zone)


def add_all_clocks(run: Run) -> None:
    """Every applicable clock: legal, platform, the export's own deadline, promises, then the internal ones."""
    data, facts = run.data, run.facts
    for key, rule in data.get("legal", {}).items():
        if not run.applies(rule):
            continue
        amount = None
        if "days_from_facts" in rule:
            amount = getattr(facts, rule["days_from_facts"])
            if amount is None:
                continue
        run.clock(key, rule, "legal", amount)
    for key, rule in data.get("platforms", {}).get(facts.platform, {}).items():
        if run.applies(rule):
            run.clock(f"platform_{key}", rule, "platform")
    if facts.platform_deadline_at is not None:
        export = data.get("export_deadline", {})
        due = facts.platform_deadline_at.astimezone(run.zone)
        run.out.append(
            Deadline(
                key="platform_export",
                due=due,
                binding="platform",
                basis_zh=export.get("basis_zh", ""),
                basis_en=export.get("basis_en", ""),
                confidence=export.get("confidence", "H"),
                done_at=run.stopped("opened", due),
            )
        )
    promise_rules = data.get("promise", {})
    for promise in facts.promises:
        for term, value in promise.terms.items():
            rule = promise_rules.get(term)
            if rule is not None and isinstance(value, int | float) and value > 0:
                run.clock(f"promise_{term}", rule, "promise", value, promise.promise_id)
    for key, rule in data.get("internal", {}).items():
        if not run.applies(rule):
            continue
        if "business_hours" in rule:
            _first_response(run, key, rule)
        else:
            run.clock(key, rule, "internal")


def _first_response(run: Run, key: str, rule: Mapping[str, Any]) -> None:
    """The first-response SLA in business hours on working days, paused while the ticket waits on the customer."""
    facts = run.facts
    due = run.calendar.add_business_hours(
        facts.opened_at,
        float(rule["business_hours"]),
        opens=time.fromisoformat(rule["opens"]),
        closes=time.fromisoformat(rule["closes"]),
        zone=run.zone,
        pauses=run.waiting(),
    )
    run.years.update({facts.opened_at.astimezone(run.zone).year, due.year})
    done = facts.first_response_at or facts.handled_at or facts.resolved_at  # handling is a response too
    run.out.append(
        Deadline(
            key=key,
            due=due,
            binding="internal",
            basis_zh=rule.get("basis_zh", ""),
            basis_en=rule.get("basis_en", ""),
            confidence=rule.get("confidence", "H"),
            done_at=done,
            paused=run.waiting_now() and done is None,
        )
    )
