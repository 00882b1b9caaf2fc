"""话术 scripts and lint exemptions (issue #3 deliverable 4).

Basis: 广告法 Art 9(3) bans absolute terms; SAMR's 《广告绝对化用语执法指南》(2023) Arts 4–5 say context decides, so a
person may record one of the guide's grounds for a finding — and that record is a ledger entry (电子商务法 Art 62).
"""

from __future__ import annotations

import sqlite3

import pytest

from core import ledger, rules
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.services import scripts
from tests.builders import add_staff

BODY = "家人们，这款面膜是全网最低价！第一次来直播间的朋友，本品牌今年最低价就是今天。"


def staff(tmp_db, owner, role: Role, username: str) -> Actor:
    return add_staff(tmp_db, owner, role, username)


def saved(tmp_db, actor, body: str = BODY) -> int:
    with tmp_db.unit_of_work(actor) as session:
        return scripts.save_script(session, actor, title="面膜开场", body=body).id


def finding(tmp_db, script_id: int, term: str):
    with tmp_db.unit_of_work() as session:
        found = scripts.script_findings(session, script_id, "cosmetics")
    return next(f for f in found if f.term == term)


def test_the_exemption_grounds_are_the_samr_guides_with_citations():
    body = rules.bundled_rules()["lint_exemptions"]
    codes = {r["code"] for r in body["data"]["reasons"]}
    assert {"service_attitude", "self_comparison", "consumer_tip", "official_grade"} <= codes
    assert {"name_or_trademark", "verifiable_fact", "business_goal"} <= codes
    assert any("广告绝对化用语执法指南" in b for b in body["basis"])
    assert all(r["zh"] and r["en"] for r in body["data"]["reasons"])


def test_a_host_may_edit_scripts_scripts_edit_permission(tmp_db, owner):
    host = staff(tmp_db, owner, Role.HOST, "zhubo")
    script_id = saved(tmp_db, host)
    with tmp_db.unit_of_work(host) as session:
        view = scripts.save_script(
            session, host, script_id=script_id, title="面膜开场 v2", body=BODY + "冲！"
        )
    assert view.body.endswith("冲！") and view.updated_by == host.user_id and view.title == "面膜开场 v2"


def test_customer_service_may_not_edit_scripts(tmp_db, owner):
    service = staff(tmp_db, owner, Role.SERVICE, "kefu")
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(service) as session:
        scripts.save_script(session, service, title="x", body=BODY)


def test_first_time_is_clean_and_the_lowest_price_claim_is_an_error(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    lowest = finding(tmp_db, script_id, "全网最低价")
    assert lowest.severity == "error" and BODY[lowest.start : lowest.end] == "全网最低价"
    with tmp_db.unit_of_work() as session:
        terms = [f.term for f in scripts.script_findings(session, script_id)]
    assert "第一" not in terms and "第一次" not in terms


def test_an_exemption_is_recorded_with_a_ledger_entry_and_verifies(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    own = next(f for f in _all(tmp_db, script_id) if f.term == "最低价")
    with tmp_db.unit_of_work(owner) as session:
        before = ledger.head(session).count
        exemption = scripts.record_exemption(
            session,
            owner,
            script_id,
            term=own.term,
            start=own.start,
            end=own.end,
            reason_code="self_comparison",
            note="与本品牌往年价格比较",
        )
        after = ledger.head(session).count
    assert after == before + 1 and exemption.reason_code == "self_comparison"
    report = ledger.verify(tmp_db)
    assert report.ok, report.first_problem


def test_an_exempted_finding_disappears_from_script_findings(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    own = next(f for f in _all(tmp_db, script_id) if f.term == "最低价")
    with tmp_db.unit_of_work(owner) as session:
        scripts.record_exemption(
            session,
            owner,
            script_id,
            term=own.term,
            start=own.start,
            end=own.end,
            reason_code="self_comparison",
        )
    remaining = _all(tmp_db, script_id)
    assert own not in remaining
    assert any(f.term == "全网最低价" for f in remaining)


def test_the_reason_must_be_one_of_the_guides_codes(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    lowest = finding(tmp_db, script_id, "全网最低价")
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        scripts.record_exemption(
            session,
            owner,
            script_id,
            term=lowest.term,
            start=lowest.start,
            end=lowest.end,
            reason_code="because_i_said_so",
        )
    assert caught.value.field == "reason_code"
    with tmp_db.unit_of_work() as session:
        assert scripts.exemptions_of(session, script_id) == ()


def test_an_exemption_must_point_at_a_real_finding(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        scripts.record_exemption(
            session, owner, script_id, term="全网最低价", start=0, end=5, reason_code="consumer_tip"
        )
    assert caught.value.field == "term"


def test_a_changed_exemption_row_is_caught_by_verify(tmp_db, owner):
    script_id = saved(tmp_db, owner)
    lowest = finding(tmp_db, script_id, "全网最低价")
    with tmp_db.unit_of_work(owner) as session:
        scripts.record_exemption(
            session,
            owner,
            script_id,
            term=lowest.term,
            start=lowest.start,
            end=lowest.end,
            reason_code="verifiable_fact",
        )
    tmp_db.dispose()
    with sqlite3.connect(tmp_db.path) as raw:
        raw.execute("UPDATE lint_exemptions SET reason_code = 'official_grade'")
    from core.db.opening import open_database

    reopened = open_database(tmp_db.path)
    try:
        report = ledger.verify(reopened)
    finally:
        reopened.dispose()
    assert not report.ok and report.first_problem.kind == "row"


def _all(tmp_db, script_id):
    with tmp_db.unit_of_work() as session:
        return scripts.script_findings(session, script_id)
