"""Early warning (issue 6, deliverable 4): a spike of similar tickets or a cluster of low scores proposes an incident.

Orders and tickets are written as raw rows (the import and the ticket service have their own tests). The studio is
in Asia/Shanghai (UTC+8), so its day starts at 16:00 UTC the day before.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock, rules
from core.db.models import Order, Product, Ticket
from core.services import incident_actions, incidents
from core.services.early_warning import proposals

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # 20:00 on 20 November in the studio
MORNING = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # 09:00 on 20 November in the studio
RULE = rules.bundled_rule("early_warning")


@pytest.fixture
def shop(tmp_db, owner):
    """Two products with one order each."""
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Product),
            [
                {"id": 1, "sku": "BED-01", "name": "蚕丝四件套", "category": "general"},
                {"id": 2, "sku": "EAR-01", "name": "降噪耳机", "category": "general"},
            ],
        )
        s.execute(
            insert(Order),
            [
                {"id": 1, "platform": "douyin", "platform_order_id": "69384756102938", "product_id": 1},
                {"id": 2, "platform": "douyin", "platform_order_id": "69384756102939", "product_id": 2},
            ],
        )
    return tmp_db


def add_tickets(
    db, owner, first: int, count: int, *, at: datetime, step=timedelta(minutes=1), **values
) -> list[int]:
    """``count`` tickets numbered from ``first``, opened from ``at`` one ``step`` apart; returns their ids."""
    rows = [
        {
            "id": n,
            "code": f"SH-202611-{n:04d}",
            "kind": "return_refund",
            "reason": "no_reason",
            "status": "new",
            "opened_at": at + step * (n - first),
            **values,
        }
        for n in range(first, first + count)
    ]
    with db.unit_of_work(owner) as s:
        s.execute(insert(Ticket), rows)
    return [row["id"] for row in rows]


def read(db, now=NOW, rule=None):
    with db.sessions() as s:
        return proposals(s, now=now, rule=rule)


def test_tier_iii_ten_similar_tickets_on_one_product_in_a_studio_day_propose_an_incident_with_exactly_them(
    shop, owner
):
    spike = add_tickets(shop, owner, 1, 10, at=MORNING, order_id=1)
    add_tickets(shop, owner, 11, 3, at=MORNING, order_id=2)  # another product: not part of it
    [proposal] = read(shop)
    assert (
        proposal.kind == "product_spike" and proposal.subject == "1" and proposal.subject_name == "蚕丝四件套"
    )
    assert proposal.count == 10 and proposal.threshold == 10 and proposal.studio_day == date(2026, 11, 20)
    assert list(proposal.ticket_ids) == spike and proposal.ticket_codes[0] == "SH-202611-0001"
    assert "蚕丝四件套" in proposal.sentence and "10" in proposal.sentence


def test_tier_iii_nine_similar_tickets_in_a_day_propose_nothing(shop, owner):
    add_tickets(shop, owner, 1, 9, at=MORNING, order_id=1)
    assert read(shop) == ()


def test_tier_iii_the_day_is_the_studios_midnight_not_utcs(shop, owner):
    # 5 tickets at 23:55–23:59 on 19 Nov in the studio (15:55 UTC) and 5 at 00:00–00:04 on 20 Nov (16:00 UTC):
    # the same UTC day, two studio days, so no day holds ten.
    add_tickets(shop, owner, 1, 10, at=datetime(2026, 11, 19, 15, 55, tzinfo=UTC), order_id=1)
    assert read(shop) == ()
    # 10 tickets from 00:00 to 07:30 UTC on 20 Nov run from 08:00 to 15:30 in the studio: one studio day.
    add_tickets(shop, owner, 11, 10, at=datetime(2026, 11, 20, 0, 0, tzinfo=UTC), step=timedelta(minutes=50),
                order_id=2)  # fmt: skip
    [proposal] = read(shop)
    assert proposal.subject == "2" and proposal.studio_day == date(2026, 11, 20)


def test_tier_iii_a_spike_late_last_night_still_shows_this_morning(shop, owner):
    add_tickets(
        shop, owner, 1, 10, at=datetime(2026, 11, 19, 14, 0, tzinfo=UTC), order_id=1
    )  # 22:00 on the 19th
    [proposal] = read(shop, now=MORNING)
    assert proposal.studio_day == date(2026, 11, 19)


def test_tier_iii_ten_quality_complaints_across_products_are_a_reason_spike_but_no_reason_returns_are_not(
    shop, owner
):
    quality = add_tickets(shop, owner, 1, 5, at=MORNING, order_id=1, reason="quality", kind="complaint")
    quality += add_tickets(shop, owner, 6, 5, at=MORNING, order_id=2, reason="quality", kind="exchange")
    add_tickets(shop, owner, 11, 6, at=MORNING, reason="no_reason")  # the buyer's right (消保法 Art 25)
    add_tickets(shop, owner, 17, 6, at=MORNING, reason="no_reason", kind="refund_only")
    [proposal] = read(shop)
    assert (
        proposal.kind == "reason_spike"
        and proposal.subject == "quality"
        and proposal.subject_name == "质量问题"
    )
    assert list(proposal.ticket_ids) == quality and proposal.count == 10


def test_tier_iii_inquiries_are_not_similar_complaints(shop, owner):
    add_tickets(shop, owner, 1, 12, at=MORNING, order_id=1, reason="other", kind="inquiry")
    assert read(shop) == ()


def test_gbt31526_ten_scores_of_two_or_less_in_a_studio_day_are_a_low_satisfaction_cluster(shop, owner):
    low = add_tickets(shop, owner, 1, 4, at=MORNING, satisfaction=1)
    low += add_tickets(shop, owner, 5, 6, at=MORNING + timedelta(hours=1), satisfaction=2)
    add_tickets(shop, owner, 11, 8, at=MORNING, satisfaction=3)  # middling scores do not count
    [proposal] = read(shop)
    assert proposal.kind == "low_satisfaction" and list(proposal.ticket_ids) == low
    assert proposal.count == 10 and proposal.threshold == 10 and proposal.studio_day == date(2026, 11, 20)


def test_gbt31526_nine_low_scores_are_no_cluster(shop, owner):
    add_tickets(shop, owner, 1, 9, at=MORNING, satisfaction=1)
    assert read(shop) == ()


def test_domain6_the_thresholds_come_from_the_rule(shop, owner):
    add_tickets(shop, owner, 1, 5, at=MORNING, order_id=1, satisfaction=2)
    add_tickets(shop, owner, 6, 2, at=MORNING - timedelta(days=2), satisfaction=1)  # 18 Nov
    edited = rules.bundled_rule("early_warning")
    edited["data"]["similar_tickets_per_studio_day"]["product"] = 5
    edited["data"]["low_satisfaction"] = {"max_score": 2, "min_count": 7, "within_studio_days": 3}
    found = read(shop, rule=edited)
    assert [(p.kind, p.count, p.threshold) for p in found] == [
        ("product_spike", 5, 5),
        ("low_satisfaction", 7, 7),
    ]
    assert found[-1].ticket_ids == (1, 2, 3, 4, 5, 6, 7)
    assert read(shop, rule=RULE) == ()  # the bundled numbers: ten of each


def test_domain6_the_owners_active_rule_is_the_one_read(shop, owner):
    from core.db.models import RuleSet

    add_tickets(shop, owner, 1, 4, at=MORNING, order_id=2)
    edited = rules.bundled_rule("early_warning")
    edited["version"] = 99
    edited["data"]["similar_tickets_per_studio_day"]["product"] = 4
    with shop.unit_of_work(owner) as s:
        rules.ensure_rules(s)
        for row in s.query(RuleSet).filter(RuleSet.kind == "early_warning"):
            row.active = False
        s.add(RuleSet(kind="early_warning", version=99, as_of=date(2026, 11, 29), origin="owner", active=True,
                      data=edited))  # fmt: skip
    [proposal] = read(shop)
    assert proposal.subject_name == "降噪耳机" and proposal.threshold == 4


def history(db, owner, first: int, per_day: int, *, days: int = 28, gap: int = 0, **values) -> int:
    """``per_day`` tickets (09:00 on) on each of ``days`` studio days before 20 November, the last ``gap`` days left out;
    returns the next id."""
    for back in range(days + gap, gap, -1):
        add_tickets(db, owner, first, per_day, at=MORNING - timedelta(days=back), **values)
        first += per_day
    return first


@pytest.mark.parametrize(
    ("case", "usual", "today", "fires", "baseline", "threshold"),
    [
        ("L_baseline_a_steady_busy_product_at_its_usual_dozen_does_not_fire", 12, 12, False, 12.0, 36),
        ("L_baseline_a_busy_product_at_twice_its_usual_does_not_fire", 6, 12, False, 6.0, 18),
        ("L_baseline_a_tripled_day_fires", 4, 12, True, 4.0, 12),
        ("L_baseline_just_under_three_times_does_not_fire", 4, 11, False, 4.0, 12),
        ("domain6_tier_iii_a_quiet_product_needs_the_absolute_minimum_of_ten", 1, 10, True, 1.0, 10),
        ("domain6_tier_iii_a_quiet_product_at_nine_does_not_fire", 1, 9, False, 1.0, 10),
        ("domain6_tier_iii_a_new_product_with_ten_fires_baseline_0", 0, 10, True, 0.0, 10),
    ],
)
def test_a_spike_is_relative_to_the_products_usual_day(
    shop, owner, case, usual, today, fires, baseline, threshold
):
    nxt = history(shop, owner, 1, usual, order_id=1) if usual else 1
    spike = add_tickets(shop, owner, nxt, today, at=MORNING, order_id=1)
    found = [p for p in read(shop) if p.studio_day == date(2026, 11, 20)]
    assert bool(found) is fires, case
    if fires:
        [proposal] = found
        assert proposal.baseline == baseline and proposal.threshold == threshold
        assert list(proposal.ticket_ids) == spike and proposal.count == today
        if baseline:
            assert f"平时日均 {baseline:.1f} 张" in proposal.sentence
        else:
            assert "平时" not in proposal.sentence


def test_L_baseline_counts_only_the_28_studio_days_before_the_day(shop, owner):
    # 40 a day from 1 to 22 October: older than the 28 studio days before 20 November, so not its baseline.
    nxt = history(shop, owner, 1, 40, days=22, gap=28, order_id=1)
    add_tickets(shop, owner, nxt, 10, at=MORNING, order_id=1)
    [proposal] = read(shop)
    assert proposal.baseline == 0.0 and proposal.threshold == 10 and proposal.count == 10


def test_L_baseline_a_steady_busy_reason_does_not_fire_but_its_tripled_day_does(shop, owner):
    nxt = history(shop, owner, 1, 5, reason="quality", kind="complaint")
    add_tickets(shop, owner, nxt, 14, at=MORNING, reason="quality", kind="complaint")
    assert read(shop) == ()
    add_tickets(shop, owner, nxt + 14, 1, at=MORNING, reason="quality", kind="complaint")
    [proposal] = read(shop)
    assert proposal.kind == "reason_spike" and proposal.count == 15 and proposal.baseline == 5.0
    assert "平时日均 5.0 张" in proposal.sentence


def test_L_baseline_the_factor_and_the_days_come_from_the_rule(shop, owner):
    nxt = history(shop, owner, 1, 4, days=7, order_id=1)  # 4 a day for the last week only
    add_tickets(shop, owner, nxt, 10, at=MORNING, order_id=1)
    [proposal] = read(shop)  # bundled: 28 tickets over 28 days is 1.0 a day, so the minimum of ten decides
    assert proposal.baseline == 1.0 and proposal.threshold == 10
    edited = rules.bundled_rule("early_warning")
    edited["data"]["baseline_studio_days"] = 7  # 4.0 a day: three times is 12
    assert read(shop, rule=edited) == ()
    edited["data"]["spike_factor"] = 2  # twice is 8, under the minimum: ten fires again
    [proposal] = read(shop, rule=edited)
    assert proposal.baseline == 4.0 and proposal.threshold == 10


def test_domain6_a_rule_copy_without_a_baseline_keeps_the_absolute_minimum_alone(shop, owner):
    nxt = history(shop, owner, 1, 12, order_id=1)
    add_tickets(shop, owner, nxt, 12, at=MORNING, order_id=1)
    version_1 = rules.bundled_rule("early_warning")
    for key in ("baseline_studio_days", "spike_factor"):
        version_1["data"].pop(key)
    assert [p.studio_day.day for p in read(shop, rule=version_1)] == [19, 20]
    assert read(shop) == ()


# --- proposals an incident already covers ----------------------------------------------------------------------


def incident_on(
    db, owner, *, seen: datetime, tickets=(), product: int | None = None, close: bool = False
) -> int:
    """An incident first seen at ``seen`` linking ``tickets`` and ``product``; closed when ``close``."""
    with clock.fixed(NOW), db.unit_of_work(owner) as s:
        iid = incidents.open_incident(
            s, owner, channel="douyin", link="", snapshot_text="蚕丝四件套起球", first_seen_at=seen
        ).id
        for ticket in tickets:
            incidents.link_to(s, owner, iid, "ticket", ticket)
        if product is not None:
            incidents.link_to(s, owner, iid, "product", product)
        if close:
            incident_actions.close_incident(s, owner, iid, root_cause="面料批次问题")
    return iid


def test_domain6_a_spike_whose_tickets_are_all_linked_to_an_incident_is_not_proposed_again(shop, owner):
    spike = add_tickets(shop, owner, 1, 10, at=MORNING, order_id=1)
    incident_on(shop, owner, seen=MORNING, tickets=spike[:9])
    assert [p.ticket_ids for p in read(shop)] == [tuple(spike)]  # one ticket is not covered yet
    incident_on(shop, owner, seen=MORNING, tickets=spike[9:])  # tickets linked across two incidents count
    assert read(shop) == ()


@pytest.mark.parametrize(
    ("seen", "close", "proposed"),
    [
        pytest.param(MORNING, False, False, id="domain6_open_incident_on_the_product_that_day_covers_it"),
        pytest.param(
            MORNING - timedelta(days=3), False, False, id="domain6_an_older_open_incident_covers_it"
        ),
        pytest.param(MORNING, True, True, id="domain6_a_closed_incident_does_not_cover_a_new_spike"),
    ],
)
def test_a_product_spike_is_covered_by_an_open_incident_on_that_product(shop, owner, seen, close, proposed):
    add_tickets(shop, owner, 1, 10, at=MORNING, order_id=1)
    add_tickets(shop, owner, 11, 10, at=MORNING, order_id=2)  # the other product's spike stays
    incident_on(shop, owner, seen=seen, product=1, close=close)
    subjects = [p.subject for p in read(shop) if p.kind == "product_spike"]
    assert subjects == (["1", "2"] if proposed else ["2"])


def test_domain6_an_incident_first_seen_after_the_spikes_day_does_not_cover_that_day(shop, owner):
    yesterday = add_tickets(shop, owner, 1, 10, at=MORNING - timedelta(days=1), order_id=1)
    incident_on(shop, owner, seen=MORNING, product=1)  # opened today about the product
    [proposal] = [p for p in read(shop) if p.kind == "product_spike"]
    assert (proposal.studio_day, proposal.ticket_ids) == (date(2026, 11, 19), tuple(yesterday))
