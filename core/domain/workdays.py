"""The studio's working calendar: official holidays and make-up working days (调休), plus the owner's own days.

Pure: no database. The official schedule comes from the ``chinese-calendar`` package, which carries the State
Council's yearly holiday notice including make-up working days (DOMAIN §4, last point). Owner-entered days
(``CalendarDay`` rows, handed in as data) win over the package. A year the package does not cover falls back to
weekends only, and the calendar records a warning naming that year (:attr:`WorkCalendar.warnings`) for the ticket
view to show: a date in that year may be wrong until the owner enters the year's holidays.

Contract:
- :meth:`WorkCalendar.is_workday` — owner day if entered, else the official schedule, else Monday–Friday.
- :meth:`WorkCalendar.next_workday` — the first working day strictly after ``day``.
- :meth:`WorkCalendar.add_workdays` — the ``n``-th working day after ``day`` (``day`` itself not counted).
- :meth:`WorkCalendar.add_business_hours` — an aware datetime ``hours`` of opening time after ``start``, counting
  only working days between ``opens`` and ``closes`` in ``zone`` and skipping paused intervals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from core import i18n

i18n.register(
    {
        "workdays.uncovered_year": (
            "官方放假安排未收录 {year} 年：该年仅按周六、周日休息计算，节假日与调休请由店主在日历中补录",
            "The official holiday schedule does not cover {year}: that year counts only Saturdays and Sundays as "
            "days off until the owner enters its holidays and make-up working days",
        ),
        "workdays.holiday.new_years_day": ("元旦", "New Year's Day"),
        "workdays.holiday.spring_festival": ("春节", "Spring Festival"),
        "workdays.holiday.tomb_sweeping_day": ("清明节", "Tomb-sweeping Day"),
        "workdays.holiday.labour_day": ("劳动节", "Labour Day"),
        "workdays.holiday.dragon_boat_festival": ("端午节", "Dragon Boat Festival"),
        "workdays.holiday.national_day": ("国庆节", "National Day"),
        "workdays.holiday.mid_autumn_festival": ("中秋节", "Mid-autumn Festival"),
        "workdays.holiday.anti_fascist_70th_day": ("抗战胜利纪念日", "Anti-Fascist 70th Day"),
        "workdays.holiday.weekend": ("周末", "weekend"),
        "workdays.holiday.owner": ("店主录入的休息日", "a day off entered by the owner"),
    }
)

_SEARCH_LIMIT = 3660  # days: a calendar with no working day in ten years is a broken owner entry


class WorkCalendar:
    """Working days in the studio's country, with the owner's corrections.

    ``owner_days`` maps a date to ``True`` for a day off (holiday) or ``False`` for a working day — the
    ``CalendarDay.is_holiday`` column. ``weekend`` lists ISO-less ``date.weekday()`` numbers (5, 6 = Sat, Sun) used
    for years the official schedule does not cover. ``official=False`` ignores the package (tests, other countries).
    """

    def __init__(
        self,
        owner_days: Mapping[date, bool] | None = None,
        *,
        weekend: Iterable[int] = (5, 6),
        official: bool = True,
    ) -> None:
        self.owner_days: dict[date, bool] = dict(owner_days or {})
        self.weekend = frozenset(weekend)
        self.official = official
        self.uncovered_years: set[int] = set()

    @property
    def warnings(self) -> list[str]:
        """One sentence per year looked up that the official schedule does not cover (weekends-only fallback)."""
        return [i18n.t("workdays.uncovered_year", year=year) for year in sorted(self.uncovered_years)]

    def _official(self, day: date) -> bool | None:
        """The package's answer for ``day`` (True = working day), or None when it does not cover the year."""
        if not self.official:
            return None
        import chinese_calendar

        try:
            return bool(chinese_calendar.is_workday(day))
        except (NotImplementedError, ValueError, KeyError):
            self.uncovered_years.add(day.year)
            return None

    def covers(self, year: int) -> bool:
        """True when the official schedule holds ``year`` (else the year falls back to weekends and warns)."""
        self._official(date(year, 7, 1))
        return self.official and year not in self.uncovered_years

    def is_workday(self, day: date) -> bool:
        """True on a working day: the owner's entry, else the official schedule, else not a weekend day."""
        if day in self.owner_days:
            return not self.owner_days[day]
        official = self._official(day)
        if official is not None:
            return official
        return day.weekday() not in self.weekend

    def is_holiday(self, day: date) -> bool:
        """A day off of any kind (statutory holiday, weekend not made up, or an owner's day off)."""
        return not self.is_workday(day)

    def holiday_name_key(self, day: date) -> str:
        """The i18n key naming why ``day`` is a day off (``workdays.holiday.national_day`` …); "" on a workday."""
        if self.is_workday(day):
            return ""
        if day in self.owner_days:
            return "workdays.holiday.owner"
        if self.official and day.year not in self.uncovered_years:
            import chinese_calendar

            try:
                _, name = chinese_calendar.get_holiday_detail(day)
            except (NotImplementedError, ValueError, KeyError):
                name = None
            for holiday in chinese_calendar.Holiday:
                if name == holiday.value:
                    return f"workdays.holiday.{holiday.name}"
        return "workdays.holiday.weekend"

    def next_workday(self, day: date) -> date:
        """The first working day strictly after ``day``."""
        for offset in range(1, _SEARCH_LIMIT):
            candidate = day + timedelta(days=offset)
            if self.is_workday(candidate):
                return candidate
        raise ValueError(f"no working day within {_SEARCH_LIMIT} days after {day}")

    def workday_or_next(self, day: date) -> date:
        """``day`` itself when it is a working day, else the first working day after it."""
        return day if self.is_workday(day) else self.next_workday(day)

    def add_workdays(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day`` (``day`` not counted; ``n`` = 0 gives ``day``)."""
        if n < 0:
            raise ValueError("n must not be negative")
        current = day
        for _ in range(n):
            current = self.next_workday(current)
        return current

    def add_business_hours(
        self,
        start: datetime,
        hours: float,
        *,
        opens: time,
        closes: time,
        zone: ZoneInfo,
        pauses: Iterable[tuple[datetime, datetime]] = (),
    ) -> datetime:
        """The moment ``hours`` of opening time have passed since ``start`` (aware), in ``zone``.

        Opening time is ``opens``–``closes`` on working days. Time inside a pause (aware ``(begin, end)`` pairs;
        the caller closes an open pause at "now") does not count. Returns an aware datetime in ``zone``.
        """
        if start.tzinfo is None:
            raise ValueError("start must be an aware datetime")
        spans = sorted((b.astimezone(zone), e.astimezone(zone)) for b, e in pauses if e > b)
        remaining = timedelta(hours=hours)
        cursor = start.astimezone(zone)
        for _ in range(_SEARCH_LIMIT * 4):
            day = cursor.date()
            day_open = datetime.combine(day, opens, zone)
            day_close = datetime.combine(day, closes, zone)
            if not self.is_workday(day) or cursor >= day_close:
                cursor = datetime.combine(self.next_workday(day), opens, zone)
                continue
            cursor = max(cursor, day_open)
            inside = next((e for b, e in spans if b <= cursor < e), None)
            if inside is not None:
                cursor = inside
                continue
            segment_end = min([day_close] + [b for b, _ in spans if cursor < b < day_close])
            available = segment_end - cursor
            if remaining <= available:
                return cursor + remaining
            remaining -= available
            cursor = segment_end
        raise ValueError("business hours could not be placed on the calendar")


def owner_days_from_rows(rows: Iterable[Any]) -> dict[date, bool]:
    """``{day: is_holiday}`` from objects with ``day`` and ``is_holiday`` (``CalendarDay`` rows or look-alikes)."""
    return {row.day: bool(row.is_holiday) for row in rows}
