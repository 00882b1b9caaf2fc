"""The working calendar: official holidays and 调休 from chinese-calendar, owner days winning, uncovered years.

Basis: DOMAIN.md §4 (working days follow the State Council's yearly schedule with make-up days; years the package
does not cover fall back to weekends plus owner-entered holidays, with a visible warning).
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from core.domain.workdays import WorkCalendar

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("day", "workday"),
    [
        pytest.param(date(2025, 10, 1), False, id="state_council_2025_national_day_off"),
        pytest.param(date(2025, 10, 6), False, id="state_council_2025_mid_autumn_off"),
        pytest.param(date(2025, 10, 11), True, id="state_council_2025_makeup_saturday_works"),
        pytest.param(date(2026, 2, 14), True, id="state_council_2026_spring_festival_makeup_saturday_works"),
        pytest.param(date(2026, 2, 16), False, id="state_council_2026_spring_festival_monday_off"),
        pytest.param(date(2026, 3, 4), True, id="ordinary_wednesday_works"),
        pytest.param(date(2026, 3, 7), False, id="ordinary_saturday_off"),
    ],
)
def test_official_schedule_with_makeup_days(day: date, workday: bool) -> None:
    calendar = WorkCalendar()
    assert calendar.is_workday(day) is workday
    assert calendar.warnings == []


def test_uncovered_year_falls_back_to_weekends_and_warns_domain_s4() -> None:
    calendar = WorkCalendar()
    assert calendar.is_workday(date(2027, 2, 8))  # a Monday: 2027 is not in the package
    assert not calendar.is_workday(date(2027, 2, 6))  # a Saturday
    assert not calendar.covers(2027) and calendar.covers(2026)
    assert len(calendar.warnings) == 1 and "2027" in calendar.warnings[0]


def test_owner_days_win_over_the_official_schedule_and_the_fallback() -> None:
    calendar = WorkCalendar({date(2025, 10, 11): True, date(2027, 2, 8): True, date(2027, 2, 20): False})
    assert not calendar.is_workday(date(2025, 10, 11))  # official make-up Saturday, owner took it off
    assert calendar.holiday_name_key(date(2025, 10, 11)) == "workdays.holiday.owner"
    assert not calendar.is_workday(date(2027, 2, 8))  # owner's Spring Festival entry in an uncovered year
    assert calendar.is_workday(date(2027, 2, 20))  # owner's make-up Saturday


def test_next_and_add_workdays_skip_the_national_day_week() -> None:
    calendar = WorkCalendar()
    assert calendar.next_workday(date(2025, 9, 30)) == date(2025, 10, 9)
    assert calendar.add_workdays(date(2025, 9, 30), 3) == date(
        2025, 10, 11
    )  # 9th, 10th, make-up Saturday 11th
    assert calendar.workday_or_next(date(2025, 10, 3)) == date(2025, 10, 9)
    assert calendar.holiday_name_key(date(2025, 10, 3)) == "workdays.holiday.national_day"


def test_business_hours_skip_nights_weekends_and_pauses() -> None:
    calendar = WorkCalendar()
    friday_five_pm = datetime(2026, 3, 6, 17, 0, tzinfo=SHANGHAI)
    hours = {"opens": time(9), "closes": time(18), "zone": SHANGHAI}
    assert calendar.add_business_hours(friday_five_pm, 4, **hours) == datetime(
        2026, 3, 9, 12, 0, tzinfo=SHANGHAI
    )
    pause = (datetime(2026, 3, 9, 9, 0, tzinfo=SHANGHAI), datetime(2026, 3, 9, 11, 0, tzinfo=SHANGHAI))
    due = calendar.add_business_hours(friday_five_pm, 4, pauses=[pause], **hours)
    assert due == datetime(2026, 3, 9, 14, 0, tzinfo=SHANGHAI)
