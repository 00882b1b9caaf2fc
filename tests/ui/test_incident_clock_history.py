"""The incident panel's clocks across tier periods (issue 6): after an escalation tier IV's clocks stay listed,
prefixed with their tier, and one the tier change overtook reads 因级别调整不再适用 in grey.

Basis: DOMAIN §6 (tier IV first contact within 1 h; tier III statement within 4 h — the ``incidents`` rule).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from core import clock
from core.services import incident_actions, incidents
from core.services.incident_view import incident_view

SEEN = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)  # 10:00 in the studio


def escalated(db, owner) -> int:
    """Seen at 10:00, tier IV confirmed at 10:05, contacted at 10:40, escalated to III at 11:30."""
    steps = [
        (5, lambda s, iid: incidents.set_tier(s, owner, iid, "IV")),
        (40, lambda s, iid: incident_actions.record_action(s, owner, iid, "contacted", body="私信买家")),
        (90, lambda s, iid: incidents.set_tier(s, owner, iid, "III", reason="同类投诉增多")),
    ]
    with clock.fixed(SEEN + timedelta(minutes=1)), db.unit_of_work(owner) as s:
        iid = incidents.open_incident(
            s, owner, channel="xiaohongshu", link="", snapshot_text="保温杯漏水", first_seen_at=SEEN
        ).id
    for minutes, step in steps:
        with clock.fixed(SEEN + timedelta(minutes=minutes)), db.unit_of_work(owner) as s:
            step(s, iid)
    return iid


def test_earlier_tier_clocks_stay_prefixed_and_the_superseded_one_is_grey(qtbot, tmp_db, owner):
    from ui.pages.incident_detail_data import SUPERSEDED_GREY, IncidentRecord, clock_colour
    from ui.pages.incident_detail_views import ClocksBox

    iid = escalated(tmp_db, owner)
    now = SEEN + timedelta(hours=2)
    with tmp_db.sessions() as s:
        view = incident_view(s, iid, now=now)
    record = IncidentRecord(view, (), (), (), (), (), timedelta(hours=2), ZoneInfo("Asia/Shanghai"), now)
    box = ClocksBox()
    qtbot.addWidget(box)
    box.show_record(record, now)
    rows = box.rows()
    assert [r[0].split(" · ")[0] for r in rows[:2]] == ["IV", "IV"] and " · " not in rows[2][0]
    states = [box.tree.topLevelItem(i).data(1, 0x0100) for i in range(3)]  # Qt.UserRole
    assert states == ["met", "superseded", "running"]
    assert clock_colour(view.clocks[1], now, record.warning) == SUPERSEDED_GREY
    grey = box.tree.topLevelItem(1).foreground(1).color().name()
    assert grey == SUPERSEDED_GREY and rows[1][1] != rows[2][1]
