"""舆情处置时限 across tier periods (issue 6): a tier change keeps the earlier tier's clocks in the history.

Basis: DOMAIN §6 (tier IV: first contact within 1 h, fix plan within 24 h; tier III: statement within 4 h — the
``incidents`` rule [L–M]); 电子商务法 Art 62 (the record of what was done in time must survive an escalation).
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.db.models import Incident
from core.services import incident_actions, incident_view, incidents
from tests.core.test_incidents import SEEN, act, new_incident

M = timedelta(minutes=1)


def near(a, b) -> bool:
    """Equal to the second (the test clock steps a millisecond on each reading)."""
    return a is not None and abs(a - b) < timedelta(seconds=1)


def escalated(db, owner, *, contact: int | None, change: int, to: str = "III") -> int:
    """Tier IV confirmed at 10 min; contacted at ``contact`` minutes (None: never); changed to ``to`` at ``change``."""
    iid = new_incident(db, owner)
    act(db, owner, incidents.set_tier, iid, "IV", at=SEEN + 10 * M)
    if contact is not None and contact < change:
        act(db, owner, incident_actions.record_action, iid, "contacted", at=SEEN + contact * M)
    act(db, owner, incidents.set_tier, iid, to, reason="同类投诉增多", at=SEEN + change * M)
    if contact is not None and contact >= change:
        act(db, owner, incident_actions.record_action, iid, "contacted", at=SEEN + contact * M)
    return iid


@pytest.mark.parametrize(
    ("contact", "change", "first_contact", "fix_plan"),
    [
        pytest.param(
            40, 180, "met", "superseded", id="domain6_IV_contact_within_1h_stays_met_after_escalation"
        ),
        pytest.param(120, 180, "missed", "superseded", id="domain6_IV_contact_after_1h_is_missed_late"),
        pytest.param(
            None, 180, "missed", "superseded", id="domain6_IV_no_contact_by_1h_then_escalated_is_missed"
        ),
        pytest.param(
            210, 180, "missed", "superseded", id="domain6_IV_contact_after_the_change_does_not_count"
        ),
        pytest.param(
            None, 30, "superseded", "superseded", id="domain6_IV_escalated_before_the_hour_supersedes"
        ),
        pytest.param(
            None, 25 * 60, "missed", "missed", id="domain6_IV_both_clocks_ran_out_before_the_change"
        ),
    ],
)
def test_an_earlier_tiers_clocks_are_judged_up_to_the_tier_change(
    tmp_db, owner, contact, change, first_contact, fix_plan
):
    iid = escalated(tmp_db, owner, contact=contact, change=change)
    now = SEEN + (change + 60) * M
    with tmp_db.sessions() as session:
        views = incidents.clocks(session, session.get(Incident, iid), now)
    assert [(v.tier, v.kind, v.current) for v in views] == [
        ("IV", "first_contact", False),
        ("IV", "fix_plan", False),
        ("III", "public_statement", True),
    ]
    assert (views[0].state, views[1].state) == (first_contact, fix_plan)
    assert all(v.left is None and near(v.ended_at, SEEN + change * M) for v in views[:2])
    assert views[0].due == SEEN + 60 * M  # from the time first seen, not from the confirmation at 10 min
    assert views[2].state == "running" and near(views[2].left, timedelta(hours=3))


def test_each_tier_change_starts_a_period_and_the_current_one_runs(tmp_db, owner):
    iid = escalated(tmp_db, owner, contact=None, change=30)  # IV → III at 30 min
    act(tmp_db, owner, incidents.set_tier, iid, "IV", reason="核实为个例", at=SEEN + 120 * M)  # III → IV
    with tmp_db.sessions() as session:
        views = incidents.clocks(session, session.get(Incident, iid), SEEN + 150 * M)
    assert [(v.tier, v.kind, v.state, v.current) for v in views] == [
        ("IV", "first_contact", "superseded", False),
        ("IV", "fix_plan", "superseded", False),
        ("III", "public_statement", "superseded", False),  # due at 4.5 h, the tier went back at 2 h
        ("IV", "first_contact", "running", True),
        ("IV", "fix_plan", "running", True),
    ]
    assert near(views[3].due, SEEN + 180 * M) and near(views[3].left, timedelta(minutes=30))


def test_the_register_counts_an_earlier_missed_clock_but_not_a_superseded_one(tmp_db, owner):
    missed = escalated(tmp_db, owner, contact=None, change=180)  # the hour ran out before the escalation
    superseded = escalated(tmp_db, owner, contact=None, change=30)
    with tmp_db.sessions() as session:
        rows = {r.id: r for r in incident_view.incident_rows(session, now=SEEN + 200 * M)}
    assert (rows[missed].missed, rows[missed].warn, rows[missed].nearest.kind) == (
        1,
        True,
        "public_statement",
    )
    assert (rows[superseded].missed, rows[superseded].nearest.kind) == (0, "public_statement")
    assert rows[superseded].nearest.tier == "III" and rows[superseded].nearest.current
