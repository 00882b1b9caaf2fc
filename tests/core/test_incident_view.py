"""舆情 read model (issue 6): the register's nearest clock, the dashboard's clocks running out, one incident's page.

Basis: DOMAIN §6 (tier IV: first contact within 1 h; tier III: ≥10 similar complaints a day, statement within 4 h;
the rule's clock_warning window is a studio default [L]).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock
from core.db.models import Order, Product, Ticket
from core.domain.codes import Role
from core.errors import InvalidInput
from core.services import incident_actions, incident_view, incidents
from tests.builders import add_staff
from tests.core.test_incidents import SEEN, act, new_incident


def test_a_new_post_shows_its_first_contact_clock_running_and_on_the_dashboard_domain_6_tier_iv(
    tmp_db, owner
):
    iid = new_incident(tmp_db, owner, summary="保温杯漏水差评")
    now = SEEN + timedelta(minutes=25)
    with tmp_db.sessions() as session:
        (row,) = incident_view.incident_rows(session, now=now)
        urgent = incident_view.clocks_running_out(session, now=now)
    assert (row.id, row.code, row.channel_name, row.tier, row.summary) == (
        iid, "YQ-202611-001", "小红书", "IV", "保温杯漏水差评"
    )  # fmt: skip
    assert (row.nearest.kind, row.nearest.left, row.missed, row.warn) == (
        "first_contact", timedelta(minutes=35), 0, True
    )  # fmt: skip
    assert [r.id for r in urgent] == [iid]


def test_a_contacted_incident_leaves_the_dashboard_until_its_next_clock_nears(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    act(tmp_db, owner, incident_actions.record_action, iid, "contacted", at=SEEN + timedelta(minutes=20))
    with tmp_db.sessions() as session:
        (row,) = incident_view.incident_rows(session, now=SEEN + timedelta(hours=2))
        assert (row.nearest.kind, row.warn) == ("fix_plan", False)  # 22 h left of the 24-h plan
        assert incident_view.clocks_running_out(session, now=SEEN + timedelta(hours=2)) == ()
        late = incident_view.clocks_running_out(session, now=SEEN + timedelta(hours=23))
    assert [r.id for r in late] == [iid]


def test_a_missed_clock_keeps_the_incident_first_and_red_until_closed(tmp_db, owner):
    older = new_incident(tmp_db, owner)
    newer = new_incident(tmp_db, owner, at=SEEN + timedelta(hours=3))
    with tmp_db.sessions() as session:
        rows = incident_view.incident_rows(session, now=SEEN + timedelta(hours=3, minutes=10))
    assert [(r.id, r.missed, r.warn) for r in rows] == [(older, 1, True), (newer, 0, True)]


def test_closed_and_search_filters(tmp_db, owner):
    a = new_incident(tmp_db, owner, summary="保温杯漏水")
    b = new_incident(tmp_db, owner, summary="耳机没声音", snapshot_text="耳机左耳没有声音")
    act(tmp_db, owner, incident_actions.close_incident, b, root_cause="批次质检漏检")
    now = SEEN + timedelta(hours=1)
    with tmp_db.sessions() as session:
        assert [r.id for r in incident_view.incident_rows(session, now=now)] == [a]
        closed = incident_view.incident_rows(session, now=now, status="closed")
        assert [(r.id, r.status_name, r.nearest) for r in closed] == [(b, "已结案", None)]
        assert [r.id for r in incident_view.incident_rows(session, now=now, status="", text="左耳")] == [b]
        assert incident_view.clocks_running_out(session, now=now + timedelta(days=3)) != ()
        assert [r.id for r in incident_view.clocks_running_out(session, now=now)] == [a]


def _similar_tickets(db, owner, count: int, at: datetime) -> list[int]:
    with db.unit_of_work(owner) as s:
        s.execute(insert(Product), [{"id": 1, "sku": "CUP-01", "name": "保温杯", "category": "general"}])
        s.execute(
            insert(Order),
            [
                {"id": n, "platform": "douyin", "platform_order_id": f"69{n:012d}", "product_id": 1}
                for n in range(1, 12)
            ],
        )
        s.execute(
            insert(Ticket),
            [
                {"id": n, "code": f"SH-202611-{n:04d}", "kind": "refund_only", "reason": "quality",
                 "status": "new", "order_id": n, "opened_at": at + timedelta(minutes=n)}
                for n in range(1, count + 1)
            ],
        )  # fmt: skip
    return list(range(1, count + 1))


@pytest.mark.parametrize(
    ("similar", "tier"),
    [(1, "IV"), (9, "IV"), (10, "III")],
    ids=["one-complaint-tier-IV-domain-6", "nine-stays-IV", "ten-similar-a-day-is-tier-III-domain-6"],
)
def test_similar_tickets_that_day_drive_the_suggested_tier(tmp_db, owner, similar, tier):
    iid = new_incident(tmp_db, owner)
    ids = _similar_tickets(tmp_db, owner, similar, SEEN)
    act(tmp_db, owner, incidents.link_to, iid, "ticket", ids[0])
    with tmp_db.sessions() as session:
        view = incident_view.incident_view(session, iid, now=SEEN + timedelta(hours=1))
        next_day = incident_view.similar_today(session, iid, now=SEEN + timedelta(days=1))
    assert (view.similar_today, view.suggestion.tier, next_day) == (similar, tier, 0)
    assert [link.label for link in view.links] == ["工单 SH-202611-0001"]


def test_the_page_shows_tier_log_screenshots_and_corrective_actions(tmp_db, owner, tmp_path):
    staff = add_staff(tmp_db, owner, Role.SERVICE, "chenjing", display_name="陈静")
    iid = new_incident(tmp_db, owner, reach=800)
    shot = tmp_path / "post.png"
    shot.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    with clock.fixed(SEEN + timedelta(minutes=10)), tmp_db.unit_of_work(owner) as session:
        incidents.attach_screenshot(session, owner, tmp_db.vault_dir, iid, shot)
        incidents.set_tier(session, owner, iid, "IV")
        incidents.update_reach(session, owner, iid, 12000)
    act(tmp_db, owner, incidents.set_tier, iid, "III", reason="本地账号转发，传播量过万")
    later = SEEN + timedelta(hours=1)
    act(
        tmp_db, owner, incident_actions.record_action, iid, "statement", body="致歉声明：已全部召回", at=later
    )
    act(tmp_db, owner, incident_actions.add_corrective_action, iid, title="保温杯到货抽检",
        owner_id=staff.user_id, due_on=SEEN.date() + timedelta(days=3), at=later + timedelta(hours=1))  # fmt: skip
    with tmp_db.sessions() as session:
        view = incident_view.incident_view(session, iid, now=SEEN + timedelta(days=5))
    assert (view.tier, view.tier_confirmed, view.reach, view.status_name) == ("III", True, 12000, "处理中")
    assert [a.kind_name for a in view.actions] == [
        "添加截图",
        "级别",
        "更新传播量",
        "级别",
        "发布声明",
        "新增整改",
    ]
    assert view.actions[3].data["direction"] == "escalation"
    assert [(c.tier, c.name, c.state) for c in view.clocks] == [
        ("IV", "首次联系", "superseded"),  # escalated 30 minutes in, before the hour was up
        ("IV", "解决/整改方案", "superseded"),
        ("III", "公开声明", "met"),
    ]
    assert [(s.name, s.media_type) for s in view.screenshots] == [("post.png", "image/png")]
    (fix,) = view.corrective
    assert (fix.title, fix.owner_name, fix.overdue) == ("保温杯到货抽检", "陈静", True)
    assert "删除" in view.guide and view.suggestion.tier == "III"


def test_a_reach_figure_must_be_a_whole_number(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    with pytest.raises(InvalidInput) as err:
        act(tmp_db, owner, incidents.update_reach, iid, -5)
    assert err.value.field == "reach"


def test_an_incident_without_a_public_link_is_allowed_but_a_bad_one_is_not(tmp_db, owner):
    iid = new_incident(tmp_db, owner, channel="douyin", link="")
    with tmp_db.sessions() as session:
        assert incident_view.incident_view(session, iid, now=SEEN + timedelta(hours=1)).link == ""
        assert incident_view.find_incident_id(session, "yq-202611-001") == iid


def test_choices_for_the_dialogs(tmp_db):
    with tmp_db.sessions() as session:
        kinds = incident_view.action_kinds(session)
        tiers = incident_view.tier_choices(session)
    assert "delete_post" not in {k.code for k in kinds}
    assert [k.needs_text for k in kinds if k.code == "statement"] == [True]
    assert [(t.code, t.clocks_text) for t in tiers][:2] == [
        ("IV", "首次联系 1 小时、解决/整改方案 24 小时"),
        ("III", "公开声明 4 小时"),
    ]


def test_a_corrective_action_done_shows_in_the_handling_log_by_name(tmp_db, owner):
    iid = new_incident(tmp_db, owner)
    fix = act(tmp_db, owner, incident_actions.add_corrective_action, iid, title="保温杯到货抽检",
              owner_id=owner.user_id, due_on=SEEN.date() + timedelta(days=3))  # fmt: skip
    act(tmp_db, owner, incident_actions.mark_action_done, fix.id, at=SEEN + timedelta(days=1))
    with tmp_db.sessions() as session:
        view = incident_view.incident_view(session, iid, now=SEEN + timedelta(days=2))
    assert [(a.kind_name, a.body) for a in view.actions] == [
        ("新增整改", "保温杯到货抽检"),
        ("整改完成", "保温杯到货抽检"),
    ]
    assert view.corrective[0].done_at is not None
