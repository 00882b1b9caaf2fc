"""Host verification (主播核验): real-name verified and at least 16 on the day of the stream.

Basis: 网络直播营销管理办法（试行） Art 17 (DOMAIN.md §1); age counted under 民法典 Arts 201–202; numbers are rule data.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import rules
from core.domain.hosts import age_on, host_verification

HOSTS = rules.bundled_rules()["hosts"]


@pytest.mark.parametrize(
    ("verified", "born", "on", "ok", "problems", "age"),
    [
        (True, date(2000, 5, 1), date(2026, 11, 28), True, (), 26),
        (True, date(2011, 3, 1), date(2026, 11, 28), False, ("under_age",), 15),
        (True, date(2010, 11, 28), date(2026, 11, 28), False, ("under_age",), 15),
        (True, date(2010, 11, 28), date(2026, 11, 29), True, (), 16),
        (True, date(2010, 11, 27), date(2026, 11, 28), True, (), 16),
        (False, date(2000, 5, 1), date(2026, 11, 28), False, ("not_verified",), 26),
        (True, None, date(2026, 11, 28), False, ("no_birth_date",), None),
        (False, None, date(2026, 11, 28), False, ("not_verified", "no_birth_date"), None),
        (True, date(2027, 1, 1), date(2026, 11, 28), False, ("born_in_future",), None),
    ],
    ids=[
        "adult_verified_ok_livestream_marketing_art17",
        "host_15_refused_livestream_marketing_art17",
        "sixteenth_birthday_today_not_yet_full_age_civil_code_art201",
        "day_after_sixteenth_birthday_ok_civil_code_art202",
        "sixteen_since_yesterday_ok_livestream_marketing_art17",
        "not_real_name_verified_refused_livestream_marketing_measures",
        "no_birth_date_cannot_be_checked_livestream_marketing_art17",
        "both_problems_reported_together",
        "birth_date_after_the_stream_refused",
    ],
)
def test_host_verification(verified, born, on, ok, problems, age):
    check = host_verification(verified, born, on, HOSTS)
    assert (check.ok, check.problems, check.age) == (ok, problems, age)
    assert all(issue.basis and issue.message for issue in check.issues)
    if "under_age" in problems:
        assert "第十七条" in check.issues[0].basis and check.eligible_from > on


def test_an_under_age_refusal_says_from_when():
    check = host_verification(True, date(2010, 11, 28), date(2026, 11, 28), HOSTS)
    assert check.eligible_from == date(2026, 11, 29) and "2026-11-29" in check.issues[0].message


def adult_at(min_age: int, counting: str = "day_after_birthday") -> dict:
    edited = rules.bundled_rules()["hosts"]
    edited["data"]["min_age"] = min_age
    edited["data"]["full_age_from"] = counting
    return edited


@pytest.mark.parametrize(
    ("counting", "on", "ok"),
    [
        ("day_after_birthday", date(2026, 2, 28), False),
        ("day_after_birthday", date(2026, 3, 1), True),
        ("birthday", date(2026, 2, 27), False),
        ("birthday", date(2026, 2, 28), True),
    ],
    ids=[
        "feb29_born_common_year_feb28_is_the_birthday_civil_code_art202",
        "feb29_born_full_age_from_march_1_civil_code_art202",
        "everyday_counting_feb29_not_before_feb28",
        "everyday_counting_feb29_full_age_on_feb28",
    ],
)
def test_a_29_february_birthday_in_a_common_year(counting, on, ok):
    # 2008 + 18 = 2026, a common year: the owner raised the age to 18 (numbers are data).
    assert host_verification(True, date(2008, 2, 29), on, adult_at(18, counting)).ok is ok


def test_the_feb_29_host_turns_16_in_a_leap_year_on_march_1():
    assert not host_verification(True, date(2008, 2, 29), date(2024, 2, 29), HOSTS).ok
    assert host_verification(True, date(2008, 2, 29), date(2024, 3, 1), HOSTS).ok


def test_the_minimum_age_is_rule_data():
    assert HOSTS["data"]["min_age"] == 16
    born, on = date(2008, 1, 1), date(2026, 11, 28)
    assert host_verification(True, born, on, HOSTS).ok
    assert not host_verification(True, born, on, adult_at(20)).ok


births = st.dates(min_value=date(1950, 1, 1), max_value=date(2030, 12, 31))


@given(born=births, on=births, step=st.integers(0, 800))
def test_age_never_goes_down_and_steps_at_most_one_year_a_day(born, on, step):
    if on < born:
        return
    later = on + timedelta(days=step)
    for counting in ("day_after_birthday", "birthday"):
        assert age_on(born, later, full_age_from=counting) >= age_on(born, on, full_age_from=counting)
        nxt = age_on(born, on + timedelta(days=1), full_age_from=counting)
        assert nxt - age_on(born, on, full_age_from=counting) in (0, 1)


@given(born=births, on=births)
def test_eligible_exactly_from_eligible_from(born, on):
    check = host_verification(True, born, on, HOSTS)
    if born <= on:
        assert check.ok == (on >= check.eligible_from) == (check.age >= 16)
