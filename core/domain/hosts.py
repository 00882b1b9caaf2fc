"""May this person sell on camera? (直播前准备：主播核验)

Pure; the minimum age and how full age is counted come from the ``hosts`` rule data (``resources/rules/hosts.json``).

Basis: 网络直播营销管理办法（试行） Art 17 — on-camera sellers must be at least 16 — and real-identity verification
under the same Measures (DOMAIN.md §1). Age counting (民法典 Arts 201–202): the birth day is not counted and a
year period ends on the corresponding day, so with ``full_age_from = "day_after_birthday"`` a person is 16 from the
day after their 16th birthday; a 29 February birthday's corresponding day in a common year is 28 February (the
month's last day), so they are 16 from 1 March. ``full_age_from = "birthday"`` (the everyday reading) counts the
birthday itself; for 29 February that is then 28 February in a common year.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from core import i18n

i18n.register(
    {
        "hosts.not_verified": (
            "主播未完成实名认证",
            "The host has not passed real-name verification",
        ),
        "hosts.no_birth_date": (
            "没有出生日期，无法核验是否年满 {min_age} 周岁",
            "No birth date: cannot check that the host is at least {min_age}",
        ),
        "hosts.under_age": (
            "主播未满 {min_age} 周岁（{eligible_from} 起可以出镜）",
            "The host is under {min_age} (may appear on camera from {eligible_from})",
        ),
        "hosts.born_in_future": ("出生日期晚于核验日期", "The birth date is after the day checked"),
    }
)

Problem = Literal["not_verified", "no_birth_date", "under_age", "born_in_future"]


@dataclass(frozen=True)
class HostIssue:
    problem: Problem
    message: str
    basis: str


@dataclass(frozen=True)
class HostCheck:
    """Whether a host may appear on ``on``; ``issues`` says why not, each with its basis."""

    ok: bool
    on: date
    age: int | None  # completed years on ``on`` under the rule's counting
    eligible_from: date | None  # first day the person is old enough
    issues: tuple[HostIssue, ...]

    @property
    def problems(self) -> tuple[Problem, ...]:
        return tuple(i.problem for i in self.issues)


def _data(rules: Mapping[str, Any]) -> Mapping[str, Any]:
    return rules["data"] if "data" in rules and "min_age" not in rules else rules


def anniversary(birth_date: date, years: int) -> date:
    """The corresponding day ``years`` after ``birth_date``; 29 Feb → 28 Feb in a common year (民法典 Art 202)."""
    try:
        return birth_date.replace(year=birth_date.year + years)
    except ValueError:
        return date(birth_date.year + years, 2, 28)


def full_age_on(birth_date: date, years: int, *, full_age_from: str) -> date:
    """The first day on which someone born on ``birth_date`` counts as ``years`` old."""
    day = anniversary(birth_date, years)
    return day + timedelta(days=1) if full_age_from == "day_after_birthday" else day


def age_on(birth_date: date, on: date, *, full_age_from: str) -> int:
    """Completed years on ``on`` under the counting rule (0 before the first anniversary)."""
    years = max(on.year - birth_date.year, 0)
    while years > 0 and full_age_on(birth_date, years, full_age_from=full_age_from) > on:
        years -= 1
    return years


def host_verification(
    real_name_verified: bool, birth_date: date | None, on: date, rules: Mapping[str, Any]
) -> HostCheck:
    """Check a host on ``on`` against the ``hosts`` rule (see the module docstring for the counting)."""
    data = _data(rules)
    min_age = int(data["min_age"])
    counting = str(data.get("full_age_from", "day_after_birthday"))
    issues: list[HostIssue] = []
    if not real_name_verified:
        issues.append(HostIssue("not_verified", i18n.t("hosts.not_verified"), data["real_name_basis"]))
    age: int | None = None
    eligible: date | None = None
    if birth_date is None:
        issues.append(
            HostIssue("no_birth_date", i18n.t("hosts.no_birth_date", min_age=min_age), data["age_basis"])
        )
    elif birth_date > on:
        issues.append(HostIssue("born_in_future", i18n.t("hosts.born_in_future"), data["age_basis"]))
    else:
        age = age_on(birth_date, on, full_age_from=counting)
        eligible = full_age_on(birth_date, min_age, full_age_from=counting)
        if on < eligible:
            basis = f"{data['age_basis']}；{data.get('age_counting_basis', '')}".rstrip("；")
            issues.append(
                HostIssue(
                    "under_age",
                    i18n.t("hosts.under_age", min_age=min_age, eligible_from=eligible.isoformat()),
                    basis,
                )
            )
    return HostCheck(ok=not issues, on=on, age=age, eligible_from=eligible, issues=tuple(issues))
