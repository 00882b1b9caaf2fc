"""Service KPIs (issue 7): one small October on a real database, every value worked out by hand.

Rows are raw Core inserts (the ticket, promise and incident services have their own tests). The studio is in
Asia/Shanghai (UTC+8): its October runs from 2026-09-30 16:00 UTC to 2026-10-31 16:00 UTC.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert

from core.db.models import (
    ChecklistRun,
    ChecklistRunItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    CorrectiveAction,
    Incident,
    IncidentAction,
    LiveSession,
    Order,
    Product,
    Promise,
    Script,
    SessionHost,
    Ticket,
    TicketEvent,
    TicketPromise,
)
from core.domain.codes import Role
from core.errors import InvalidInput
from core.services.kpis import compute_kpis, definitions, month_kpis, month_over_month
from tests.builders import add_staff

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)


def at(month: int, day: int, hour: int = 2, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def month(tmp_db, owner):
    """Two live sessions (A douyin with host xiaomei, B kuaishou), a planned one, orders, tickets, incidents."""
    host = add_staff(tmp_db, owner, Role.HOST, "xiaomei")
    with tmp_db.unit_of_work(owner) as s:
        s.execute(insert(Product), [{"id": 1, "sku": "BED-01", "name": "蚕丝四件套", "category": "general"},
                                    {"id": 2, "sku": "EAR-01", "name": "降噪耳机", "category": "general"}])  # fmt: skip
        s.execute(insert(LiveSession), [
            {"id": 1, "title": "A", "platform": "douyin", "planned_start": at(10, 10, 12), "status": "ended"},
            {"id": 2, "title": "B", "platform": "kuaishou", "planned_start": at(10, 20, 12), "status": "reviewed"},
            {"id": 3, "title": "C", "platform": "douyin", "planned_start": at(10, 25, 12), "status": "planned"},
        ])  # fmt: skip
        s.execute(insert(SessionHost), [{"session_id": 1, "user_id": host.user_id}])
        s.execute(insert(ChecklistTemplate), [{"id": 1, "name": "开播检查", "as_of": date(2026, 10, 1)}])
        s.execute(insert(ChecklistTemplateItem), [
            {"id": 1, "template_id": 1, "position": 1, "code": "papers", "title": "资质", "chapter": "prelive"},
            {"id": 2, "template_id": 1, "position": 2, "code": "gifts", "title": "赠品", "chapter": "prelive"},
        ])  # fmt: skip
        s.execute(insert(ChecklistRun), [
            {"id": 1, "session_id": 1, "template_id": 1, "override_at": at(10, 10, 11), "override_reason": "急"},
            {"id": 2, "session_id": 2, "template_id": 1},
        ])  # fmt: skip
        s.execute(insert(ChecklistRunItem), [
            {"run_id": 1, "template_item_id": 1, "state": "done"}, {"run_id": 1, "template_item_id": 2, "state": "open"},
            {"run_id": 2, "template_item_id": 1, "state": "done"}, {"run_id": 2, "template_item_id": 2, "state": "na"},
        ])  # fmt: skip
        s.execute(insert(Script), [{"id": 1, "session_id": 1, "body": "这款是全网最低价，大家放心买"}])
        said = {"wording": "…", "said_at": at(10, 10, 13)}
        s.execute(insert(Promise), [
            {"id": 1, "session_id": 1, "kind": "gift", **said}, {"id": 2, "session_id": 1, "kind": "gift", **said},
            {"id": 3, "session_id": 1, "kind": "gift", **said},
            {"id": 4, "session_id": 1, "kind": "gift", "corrects_id": 3, "correction": "retraction", **said},
            {"id": 5, "session_id": 2, "kind": "gift", **said},
        ])  # fmt: skip
        s.execute(insert(Order), [
            {"id": 1, "platform": "douyin", "platform_order_id": "1", "session_id": 1, "product_id": 1,
             "paid_at": at(10, 5)},
            {"id": 2, "platform": "kuaishou", "platform_order_id": "2", "session_id": 2, "product_id": 2,
             "paid_at": at(10, 21)},
            {"id": 3, "platform": "douyin", "platform_order_id": "3", "paid_at": at(9, 30, 15, 59)},  # 23:59 Sep 30
            {"id": 4, "platform": "douyin", "platform_order_id": "4", "paid_at": at(9, 30, 16, 30)},  # 00:30 Oct 1
        ])  # fmt: skip
        t = {"summary": "", "buyer_nickname": ""}
        s.execute(insert(Ticket), [
            {"id": 1, "code": "SH-1", "kind": "return_refund", "reason": "quality", "status": "resolved", "order_id": 1,
             "opened_at": at(9, 30, 16, 30), "first_response_at": at(9, 30, 17, 30),
             "return_received_at": at(10, 3), "resolved_at": at(10, 5), "satisfaction": 5, **t},
            {"id": 2, "code": "SH-2", "kind": "complaint", "status": "rejected", "order_id": 2,
             "opened_at": at(10, 21), "first_response_at": at(10, 21, 4), "satisfaction": 1, **t},
            {"id": 3, "code": "SH-3", "kind": "refund_only", "reason": "no_reason", "status": "new", "order_id": 1,
             "opened_at": at(10, 10), **t},
            {"id": 4, "code": "SH-4", "kind": "complaint", "status": "new", "order_id": 1,
             "opened_at": at(10, 31, 16, 30), **t},  # 00:30 on 1 November in the studio
            {"id": 5, "code": "SH-5", "kind": "inquiry", "status": "closed", "opened_at": at(10, 15),
             "first_response_at": at(10, 15, 2, 30), "resolved_at": at(10, 15, 3), "satisfaction": 4, **t},
        ])  # fmt: skip
        s.execute(insert(TicketEvent), [
            {"ticket_id": 1, "at": at(10, 1), "kind": "status", "data": {"from": "new", "to": "waiting_return"}},
            {"ticket_id": 2, "at": at(10, 21, 4), "kind": "status", "data": {"from": "new", "to": "rejected"}},
        ])  # fmt: skip
        s.execute(insert(TicketPromise), [{"ticket_id": 1, "promise_id": 1}])
        s.execute(insert(Incident), [
            {"id": 1, "code": "YQ-1", "channel": "douyin", "first_seen_at": at(10, 2, 1), "tier": "IV"},
            {"id": 2, "code": "YQ-2", "channel": "weibo", "first_seen_at": at(10, 12, 1), "tier": "III"},
        ])  # fmt: skip
        s.execute(insert(IncidentAction), [
            {"incident_id": 1, "at": at(10, 2, 1, 30), "kind": "contacted"},
            {"incident_id": 1, "at": at(10, 2, 3), "kind": "fix_plan"},
        ])  # fmt: skip
        s.execute(insert(CorrectiveAction), [
            {"source": "incident", "title": "c1", "due_on": date(2026, 10, 10), "done_at": at(10, 10, 15),
             "created_at": at(10, 2)},  # 23:00 on the due day in the studio: on time
            {"source": "incident", "title": "c2", "due_on": date(2026, 10, 20), "created_at": at(10, 12)},
            {"source": "incident", "title": "c3", "due_on": date(2026, 11, 30), "done_at": at(11, 5),
             "created_at": at(10, 1)},
        ])  # fmt: skip
    return {"host": host.user_id}


def october(db, **kw):
    with db.sessions() as s:
        return month_kpis(s, "2026-10", now=NOW, **kw)


# (KPI, value by hand) — the case name carries the basis of the figure.
CASES = [
    ("checklist_completion_rate", 0.5, "DOMAIN§2_B_done_and_na_A_has_an_open_item"),
    ("checklist_overrides", 1, "DOMAIN§2_A_went_live_on_an_override"),
    ("lint_unexempted", 1, "广告法Art9_全网最低价_in_A's_script"),
    ("promises_per_session", 2.0, "DOMAIN§1_four_promises_corrections_not_counted_two_sessions"),
    ("promise_fulfilment_rate", 0.6667, "实施条例2024_p1_broken_by_a_resolved_ticket_p3_retracted"),
    ("first_response_median_h", 1.0, "DOMAIN§7_median_of_1h_2h_half_an_hour"),
    ("first_response_in_sla_rate", 0.75, "deadlines_internal_first_response_SH3_never_answered"),
    ("resolution_median_h", 53.25, "DOMAIN§7_median_of_105.5h_and_1h"),
    ("refund_in_legal_window_rate", 1.0, "消法Art24-25_refund_2_days_after_the_return"),
    ("tickets_past_15_days", 1, "处罚办法Art8-9_SH3_unhandled_since_10_October"),
    ("rejection_rate", 0.3333, "DOMAIN§5_one_rejected_of_three_decided"),
    ("quality_return_rate", 0.3333, "DOMAIN§5_one_quality_return_over_three_October_orders"),
    ("complaint_rate", 0.3333, "DOMAIN§7_one_complaint_over_three_orders_November's_left_out"),
    ("satisfaction_avg", 3.33, "DOMAIN§7_mean_of_5_1_4"),
    ("bad_review_rate", 0.3333, "DOMAIN§5_score_1_is_bad"),
    ("incidents_iv", 1, "DOMAIN§6_tier_IV"),
    ("incidents_iii", 1, "DOMAIN§6_tier_III"),
    ("incidents_ii", 0, "DOMAIN§6_tier_II_none"),
    ("incidents_i", 0, "DOMAIN§6_tier_I_none"),
    ("incident_clocks_met_rate", 0.6667, "DOMAIN§6_IV_contact_1h_and_plan_24h_met_III_statement_4h_missed"),
    ("corrective_open", 2, "DOMAIN§6_c2_never_done_c3_done_in_November"),
    ("corrective_done_on_time_rate", 0.5, "DOMAIN§7_c1_on_its_studio_day_c2_overdue"),
]


@pytest.mark.parametrize(("key", "expected"), [c[:2] for c in CASES], ids=[c[2] for c in CASES])
def test_each_kpi_of_october_matches_the_hand_count(tmp_db, month, key, expected):
    assert october(tmp_db).values[key] == expected


def test_every_kpi_of_the_contract_has_a_definition_with_basis_and_the_counts_behind_the_rates(tmp_db, month):
    report = october(tmp_db)
    with tmp_db.sessions() as s:
        found = definitions(s)
    assert list(found) == list(report.values) and len(found) == 22
    assert all(d.basis and d.definition and d.better in ("higher", "lower") for d in found.values())
    assert "15" in found["tickets_past_15_days"].basis or "十五" in found["tickets_past_15_days"].basis
    assert (
        report.counts["orders"] == 3 and report.counts["tickets"] == 4 and report.counts["sessions_live"] == 2
    )


def test_the_studio_day_not_utc_decides_the_month(tmp_db, month):
    """00:30 on 1 October in the studio is 30 September in UTC; 00:30 on 1 November is still 31 October in UTC."""
    with tmp_db.sessions() as s:
        first = compute_kpis(s, start=date(2026, 10, 1), end=date(2026, 10, 1), now=NOW)
        last = compute_kpis(s, start=date(2026, 10, 31), end=date(2026, 10, 31), now=NOW)
        november_first = compute_kpis(s, start=date(2026, 11, 1), end=date(2026, 11, 1), now=NOW)
    assert first.counts["orders"] == 1 and first.counts["tickets"] == 1  # order 4, ticket SH-1
    assert last.counts["tickets"] == 0 and november_first.counts["tickets"] == 1  # SH-4


def test_a_month_with_nothing_gives_none_for_every_rate_and_zero_for_counts(tmp_db, month):
    with tmp_db.sessions() as s:
        empty = month_kpis(s, "2025-01", now=NOW).values
    assert empty["complaint_rate"] is None and empty["satisfaction_avg"] is None
    assert empty["checklist_completion_rate"] is None and empty["first_response_median_h"] is None
    assert empty["incidents_iv"] == 0 and empty["tickets_past_15_days"] == 0


def test_the_platform_breakdown_splits_orders_tickets_and_sessions(tmp_db, month):
    groups = october(tmp_db, by="platform").groups
    assert groups["douyin"]["complaint_rate"] == 0.0 and groups["douyin"]["quality_return_rate"] == 0.5
    assert (
        groups["kuaishou"]["complaint_rate"] == 1.0 and groups["kuaishou"]["checklist_completion_rate"] == 1.0
    )
    assert groups["douyin"]["checklist_overrides"] == 1 and groups["douyin"]["incidents_iv"] is None
    assert groups[""]["complaint_rate"] is None  # the inquiry without an order has no denominator


def test_the_host_breakdown_follows_the_session(tmp_db, month):
    groups = october(tmp_db, by="host").groups
    mine = groups[str(month["host"])]
    assert mine["tickets_past_15_days"] == 1 and mine["promise_fulfilment_rate"] == 0.5
    assert mine["lint_unexempted"] == 1 and mine["checklist_completion_rate"] == 0.0


def test_month_over_month_gives_this_previous_and_the_change(tmp_db, month):
    with tmp_db.sessions() as s:
        change = month_over_month(s, "2026-10", now=NOW)
    assert change["complaint_rate"] == (0.3333, 0.0, 0.3333)  # September: order 3, no ticket
    assert change["satisfaction_avg"] == (3.33, None, None)


@pytest.mark.parametrize(("period", "by"), [("2026-13", None), ("10-2026", None), ("2026-10", "buyer")])
def test_a_bad_period_or_breakdown_is_refused_naming_the_field(tmp_db, period, by):
    with tmp_db.sessions() as s, pytest.raises(InvalidInput) as error:
        month_kpis(s, period, by=by)
    assert error.value.field == ("by" if by else "period")
