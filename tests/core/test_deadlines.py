"""The deadline engine: legal, platform, promise and internal clocks of a ticket, each with its basis.

Basis: 消费者权益保护法 (消法) Arts 24–25, 电子商务法 Art 51, 民法典 Arts 201–203, 侵害消费者权益行为处罚办法
Arts 8–9, 三包规定, 法释〔2022〕8号 Art 2, platform rules (DOMAIN.md §4–5). The numbers are rule data.
"""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from core.domain.deadlines import (
    Deadline,
    PromiseFacts,
    TicketFacts,
    bundled_deadline_rules,
    legal_return_last_day,
    nearest_binding,
    return_window_last_day,
    ticket_deadlines,
)
from core.domain.workdays import WorkCalendar

SH = ZoneInfo("Asia/Shanghai")


def at(y: int, m: int, d: int, h: int = 10, mi: int = 0, zone: ZoneInfo | None = SH) -> datetime:
    return datetime(y, m, d, h, mi, tzinfo=zone)


def by_key(facts: TicketFacts, now: datetime, **kw) -> dict[str, Deadline]:
    return {d.key: d for d in ticket_deadlines(facts, now=now, **kw).deadlines}


@pytest.mark.parametrize(
    ("signed_at", "last_day"),
    [
        pytest.param(at(2026, 3, 3), date(2026, 3, 10), id="ordinary_week_xiaofa25_civil_code_art201"),
        pytest.param(
            at(2026, 3, 3, 23, 59), date(2026, 3, 10), id="signing_day_not_counted_civil_code_art201"
        ),
        pytest.param(
            datetime(2026, 3, 3, 17, 30, tzinfo=UTC),
            date(2026, 3, 11),
            id="utc_evening_is_next_day_in_shanghai_ecl51",
        ),
        pytest.param(
            at(2026, 3, 7), date(2026, 3, 16), id="last_day_saturday_moves_to_monday_civil_code_art203"
        ),
        pytest.param(
            at(2025, 9, 29), date(2025, 10, 9), id="guoqing_2025_extended_past_holiday_civil_code_art203"
        ),
        pytest.param(
            at(2026, 9, 30), date(2026, 10, 8), id="guoqing_2026_extended_past_holiday_civil_code_art203"
        ),
        pytest.param(at(2025, 9, 24), date(2025, 10, 1 + 8), id="last_day_in_guoqing_2025_civil_code_art203"),
        pytest.param(
            at(2025, 9, 22), date(2025, 9, 29), id="holiday_after_the_window_changes_nothing_xiaofa25"
        ),
        pytest.param(
            at(2026, 2, 7), date(2026, 2, 14), id="spring_festival_makeup_saturday_is_a_workday_art203"
        ),
        pytest.param(
            at(2026, 2, 12), date(2026, 2, 24), id="spring_festival_2026_extended_civil_code_art203"
        ),
        pytest.param(at(2026, 2, 1), date(2026, 2, 9), id="holidays_mid_window_do_not_lengthen_it_art203"),
        pytest.param(at(2027, 1, 30), date(2027, 2, 8), id="uncovered_2027_weekend_fallback_domain_s4"),
    ],
)
def test_return_window_last_day(signed_at: datetime, last_day: date) -> None:
    assert return_window_last_day(signed_at) == last_day


def test_return_window_needs_an_aware_time_ecl51() -> None:
    with pytest.raises(ValueError):
        return_window_last_day(datetime(2026, 3, 3, 10, 0))


def test_uncovered_year_reports_a_visible_warning_domain_s4() -> None:
    facts = TicketFacts(kind="return_refund", opened_at=at(2027, 2, 1), signed_at=at(2027, 1, 30))
    report = ticket_deadlines(facts, now=at(2027, 2, 1, 12))
    legal = next(d for d in report.deadlines if d.key == "no_reason_return")
    assert legal.last_day == date(2027, 2, 8)
    assert len(report.warnings) == 1 and "2027" in report.warnings[0]
    covered = ticket_deadlines(
        TicketFacts(kind="return_refund", opened_at=at(2026, 3, 4), signed_at=at(2026, 3, 3)),
        now=at(2026, 3, 4),
    )
    assert covered.warnings == ()


def test_owner_entered_days_override_the_fallback_civil_code_art203() -> None:
    spring_2027 = {date(2027, 2, 6) + timedelta(days=i): True for i in range(7)}  # owner enters 6–12 Feb off
    calendar = WorkCalendar(spring_2027)
    assert legal_return_last_day(at(2027, 1, 30), calendar=calendar) == date(2027, 2, 15)  # then Sat, Sun off
    calendar = WorkCalendar({**spring_2027, date(2027, 2, 13): False})  # and a make-up Saturday
    assert legal_return_last_day(at(2027, 1, 30), calendar=calendar) == date(2027, 2, 13)


def test_guoqing_ticket_says_why_it_was_extended_civil_code_art203() -> None:
    facts = TicketFacts(kind="inquiry", opened_at=at(2025, 9, 30), signed_at=at(2025, 9, 29))
    legal = by_key(facts, at(2025, 9, 30))["no_reason_return"]
    assert legal.due == datetime(2025, 10, 10, 0, 0, tzinfo=SH)  # 24:00 of 9 October
    assert legal.extended_from == date(2025, 10, 6) and legal.binding == "legal"
    why = legal.why()
    assert "2025-10-09 24:00" in why and "2025-10-06" in why and "中秋节" in why and "第二十五条" in why


def test_taobao_counting_is_earlier_and_kept_beside_the_legal_window_xiaofa25() -> None:
    facts = TicketFacts(
        kind="inquiry",
        platform="taobao",
        opened_at=at(2025, 9, 30),
        signed_at=at(2025, 9, 29),
        first_response_at=at(2025, 9, 30, 11),
    )
    clocks = by_key(facts, at(2025, 9, 30))
    assert clocks["platform_no_reason_hours"].due == datetime(
        2025, 10, 7, 0, 0, tzinfo=SH
    )  # 168 h from 30 Sep 0:00
    assert clocks["no_reason_return"].due > clocks["platform_no_reason_hours"].due  # honour the later
    nearest = nearest_binding(list(clocks.values()), at(2025, 10, 6, 12))
    assert nearest is not None and nearest.deadline.key == "platform_no_reason_hours"  # warn on the earlier
    assert nearest.state == "due_soon"


def test_request_in_time_meets_the_window_and_starts_the_15_day_line_penalty_measures_art8() -> None:
    facts = TicketFacts(kind="return_refund", opened_at=at(2026, 3, 5), signed_at=at(2026, 3, 3))
    clocks = by_key(facts, at(2026, 3, 5, 12))
    assert clocks["no_reason_return"].done_at == facts.opened_at
    line = clocks["handling_breach"]
    assert line.last_day == date(2026, 3, 20) and line.warn_at == datetime(2026, 3, 16, tzinfo=SH)
    assert clocks["handling_target"].last_day == date(2026, 3, 12)


def test_refund_within_7_days_of_the_return_xiaofa25() -> None:
    facts = TicketFacts(
        kind="return_refund",
        opened_at=at(2026, 3, 5),
        signed_at=at(2026, 3, 3),
        handled_at=at(2026, 3, 5, 11),
        return_received_at=at(2026, 3, 10, 15),
    )
    clocks = by_key(facts, at(2026, 3, 11))
    assert clocks["refund_after_return"].last_day == date(2026, 3, 17)
    assert clocks["refund_breach"].last_day == date(2026, 3, 25)
    assert clocks["handling_breach"].done_at == facts.handled_at
    nearest = nearest_binding(list(clocks.values()), at(2026, 3, 18, 9))
    assert (
        nearest is not None and nearest.deadline.key == "refund_after_return" and nearest.state == "breached"
    )


def test_excluded_goods_lose_the_legal_window_but_a_promise_binds_spc_2022_8_art2() -> None:
    promise = PromiseFacts(promise_id=12, terms={"return_days": 30})
    facts = TicketFacts(
        kind="return_refund",
        opened_at=at(2026, 3, 5),
        signed_at=at(2026, 3, 3),
        no_reason_excluded=True,
        promises=[promise],
    )
    clocks = by_key(facts, at(2026, 3, 5))
    assert "no_reason_return" not in clocks
    assert (
        clocks["promise_return_days"].last_day == date(2026, 4, 2)
        and clocks["promise_return_days"].promise_id == 12
    )


@pytest.mark.parametrize(
    ("reason", "sanbao", "expected"),
    [
        pytest.param(
            "quality",
            True,
            {
                "sanbao_return": date(2026, 3, 10),
                "sanbao_exchange": date(2026, 3, 18),
                "sanbao_repair": date(2027, 3, 3),
            },
            id="sanbao_quality_fault_windows",
        ),
        pytest.param("no_reason", True, {}, id="sanbao_needs_a_quality_fault"),
        pytest.param("quality", False, {}, id="no_sanbao_for_ordinary_goods"),
    ],
)
def test_sanbao_windows(reason: str, sanbao: bool, expected: dict[str, date]) -> None:
    facts = TicketFacts(
        kind="exchange",
        reason=reason,
        opened_at=at(2026, 3, 12),
        signed_at=at(2026, 3, 3),
        sanbao=sanbao,
        warranty_days=365,
    )
    clocks = by_key(facts, at(2026, 3, 12))
    found = {k: d.last_day for k, d in clocks.items() if k.startswith("sanbao")}
    assert found == expected
    if expected:
        assert clocks["sanbao_return"].done_at is None  # asked on day 9: the 7-day return choice has passed
        assert clocks["sanbao_exchange"].done_at == facts.opened_at


def test_first_response_sla_across_a_weekend_in_business_hours_studio_rule() -> None:
    facts = TicketFacts(kind="inquiry", opened_at=at(2026, 3, 6, 17))  # Friday 17:00
    sla = by_key(facts, at(2026, 3, 6, 17))["first_response"]
    assert sla.due == at(2026, 3, 9, 12) and sla.binding == "internal" and not sla.paused


def test_first_response_sla_pauses_while_waiting_on_the_customer_but_legal_clocks_do_not() -> None:
    waiting = [(at(2026, 3, 9, 9), at(2026, 3, 9, 11))]
    facts = TicketFacts(
        kind="return_refund", opened_at=at(2026, 3, 6, 17), signed_at=at(2026, 3, 3), waiting=waiting
    )
    clocks = by_key(facts, at(2026, 3, 9, 12))
    assert clocks["first_response"].due == at(2026, 3, 9, 14)
    assert clocks["handling_target"].due == datetime(2026, 3, 14, 2, 0, tzinfo=SH)  # 7 days + 2 h waited
    assert clocks["handling_breach"].last_day == date(2026, 3, 21)  # legal: never paused
    still_waiting = TicketFacts(
        kind="return_refund",
        opened_at=at(2026, 3, 6, 17),
        signed_at=at(2026, 3, 3),
        waiting=[(at(2026, 3, 9, 9), None)],
    )
    clocks = by_key(still_waiting, at(2026, 3, 9, 10))
    assert clocks["first_response"].paused and clocks["handling_target"].paused
    assert not clocks["handling_breach"].paused and not clocks["no_reason_return"].paused
    nearest = nearest_binding(list(clocks.values()), at(2026, 3, 9, 10))
    assert nearest is not None and nearest.deadline.binding != "internal"


def test_promise_shipping_clock_from_its_terms_consumer_regulations_2024() -> None:
    promises = [PromiseFacts(5, {"ship_within_hours": 48}), PromiseFacts(6, {"ship_within_days": 3})]
    facts = TicketFacts(
        kind="inquiry", opened_at=at(2026, 3, 4), paid_at=at(2026, 3, 3, 20), promises=promises
    )
    clocks = by_key(facts, at(2026, 3, 4))
    assert clocks["promise_ship_within_hours"].due == at(2026, 3, 5, 20)
    assert clocks["promise_ship_within_days"].last_day == date(2026, 3, 6)
    late = TicketFacts(**{**facts.__dict__, "shipped_at": at(2026, 3, 6, 9)})
    shipped = by_key(late, at(2026, 3, 7))["promise_ship_within_hours"]
    assert shipped.done_at == at(2026, 3, 6, 9) and shipped.done_at > shipped.due  # met, but late


def test_wechat_platform_clocks_domain_s5() -> None:
    facts = TicketFacts(
        kind="return_refund",
        platform="wechat",
        opened_at=at(2026, 3, 5),
        paid_at=at(2026, 3, 1),
        shipped_at=at(2026, 3, 2),
        signed_at=at(2026, 3, 3),
        return_shipped_at=at(2026, 3, 6),
    )
    clocks = by_key(facts, at(2026, 3, 6))
    assert clocks["platform_handle_request_hours"].due == at(2026, 3, 7)
    assert clocks["platform_ship_hours"].done_at == facts.shipped_at
    assert clocks["platform_confirm_return_days"].last_day == date(2026, 3, 16)
    assert "platform_complaint_hours" not in clocks


def test_nearest_binding_picks_the_soonest_open_and_says_why() -> None:
    facts = TicketFacts(
        kind="return_refund",
        platform="douyin",
        opened_at=at(2026, 3, 5),
        paid_at=at(2026, 3, 1),
        signed_at=at(2026, 3, 3),
        first_response_at=at(2026, 3, 5, 10, 30),
        platform_deadline_at=at(2026, 3, 8, 18),
    )
    clocks = list(ticket_deadlines(facts, now=at(2026, 3, 6)).deadlines)
    nearest = nearest_binding(clocks, at(2026, 3, 6))
    assert nearest is not None
    assert (
        nearest.deadline.key == "platform_ship_hours" and nearest.state == "overdue"
    )  # paid 1 Mar, not shipped
    assert "48" in nearest.why
    shipped = [d for d in clocks if d.key != "platform_ship_hours"]
    nearest = nearest_binding(shipped, at(2026, 3, 6))
    assert nearest is not None and nearest.deadline.key == "platform_export" and nearest.state == "fine"
    assert nearest_binding([], at(2026, 3, 6)) is None


def test_a_passed_legal_line_outranks_an_earlier_overdue_platform_clock_penalty_measures_art8() -> None:
    """Found on the queue: a ticket 16 days unhandled showed orange (a platform clock from day 2 was nearer)."""
    facts = TicketFacts(
        kind="return_refund", platform="douyin", opened_at=at(2026, 3, 2), paid_at=at(2026, 3, 1),
        signed_at=at(2026, 3, 3), first_response_at=at(2026, 3, 2, 11),
    )  # fmt: skip
    now = at(2026, 3, 20)
    nearest = nearest_binding(list(ticket_deadlines(facts, now=now).deadlines), now)
    assert nearest is not None
    assert (nearest.deadline.key, nearest.deadline.binding, nearest.state) == (
        "handling_breach",
        "legal",
        "breached",
    )


def test_the_buyers_own_window_ending_is_no_breach_by_the_studio_xiaofa25() -> None:
    """A buyer who asks after the 7-day window is late; the studio has missed nothing."""
    facts = TicketFacts(
        kind="inquiry", opened_at=at(2026, 3, 20), signed_at=at(2026, 3, 3), reason="no_reason"
    )
    now = at(2026, 3, 20, 12)
    clocks = {d.key: d for d in ticket_deadlines(facts, now=now).deadlines}
    assert clocks["no_reason_return"].buyer_window and clocks["no_reason_return"].due < now  # still shown
    nearest = nearest_binding(list(clocks.values()), now)
    assert nearest is None or nearest.deadline.key != "no_reason_return"


def test_numbers_come_from_the_rule_data() -> None:
    edited = copy.deepcopy(bundled_deadline_rules())
    edited["data"]["legal"]["no_reason_return"]["days"] = 10
    assert legal_return_last_day(at(2026, 3, 3), rules=edited) == date(2026, 3, 13)
    assert return_window_last_day(at(2026, 3, 3)) == date(2026, 3, 10)  # the bundled file is untouched


def test_service_reads_owner_calendar_days_and_the_active_rule(tmp_db, owner) -> None:
    from core.db.models import CalendarDay
    from core.services.deadline_rules import deadline_context, deadlines_for

    with tmp_db.unit_of_work(owner) as session:
        for i in range(7):
            session.add(CalendarDay(day=date(2027, 2, 6) + timedelta(days=i), is_holiday=True, note="春节"))
        session.add(CalendarDay(day=date(2027, 2, 13), is_holiday=False, note="调休上班"))
    facts = TicketFacts(kind="inquiry", opened_at=at(2027, 1, 31), signed_at=at(2027, 1, 30))
    with tmp_db.sessions() as session:
        context = deadline_context(session)
        report = deadlines_for(session, facts, now=at(2027, 1, 31, 12), context=context)
    legal = next(d for d in report.deadlines if d.key == "no_reason_return")
    assert legal.last_day == date(2027, 2, 13) and legal.extended_because == "workdays.holiday.owner"
    assert context.rules["kind"] == "deadlines" and str(context.zone) == "Asia/Shanghai"
    assert report.warnings and "2027" in report.warnings[0]  # owner days do not make the year official
