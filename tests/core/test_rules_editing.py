"""The owner edits the rule data (issue #3: the requirement table, the checklist and the lexicon are "editable by the
owner, with citations"): each save is a new version with its as-of date and basis, checked whole, all or nothing,
and the app then uses the owner's version. Basis: DESIGN §Rules are data; 直播电商监督管理办法 (2026) for the papers;
广告法 Art 9(3) for the lexicon; the checklist runs stay as signed (电子商务法 Art 62 — records shown unchanged).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from core.db.models import AuditEvent, LiveSession, RuleSet
from core.domain.codes import Role
from core.domain.lint import lint
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.lexicon import default_lexicon
from core.paths import vault_dir_for
from core.services import catalog, checklist, scripts
from core.services import rules_checklist as rc
from core.services import rules_documents as rd
from core.services import rules_lexicon as rl
from core.services.catalog_documents import add_document, expiring_documents
from tests.builders import add_staff

TODAY = date(2026, 12, 1)
AS_OF = date(2026, 11, 28)
VALID_CREDIT_CODE = "91350100M000100Y43"


def staff(tmp_db, owner, role: Role) -> Actor:
    return add_staff(tmp_db, owner, role, display_name=role.value)


@pytest.fixture
def product(tmp_db, owner) -> int:
    """A general product whose conformity certificate expires in 40 days and whose supplier is licensed."""
    vault = vault_dir_for(tmp_db.path)
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name="福州好物供应链", credit_code=VALID_CREDIT_CODE)
        pid = catalog.add_product(
            s, owner, sku="SKU-1", name="竹纤维毛巾", category="general", supplier_id=supplier.id
        ).id
        add_document(
            s, owner, vault, holder="supplier", holder_id=supplier.id, doc_type="business_licence",
            number="BL-1", issued_on=date(2020, 1, 1),
        )  # fmt: skip
        add_document(
            s, owner, vault, holder="product", holder_id=pid, doc_type="conformity_certificate",
            number="CC-1", issued_on=date(2025, 1, 1), expires_on=TODAY + timedelta(days=40),
        )  # fmt: skip
    return pid


def conformity_state(tmp_db, product_id: int) -> str:
    with tmp_db.sessions() as s:
        view = catalog.product_readiness_view(s, product_id, today=TODAY)
    return next(r.state for r in view.readiness.requirements if r.code == "conformity_certificate")


def active_data(tmp_db) -> dict:
    with tmp_db.sessions() as s:
        return catalog.documents_rule(s)


# --- documents rule ---------------------------------------------------------------------------------------------


def test_raising_warning_days_to_60_makes_a_paper_40_days_from_expiry_expiring__zbds_measures_2026(
    tmp_db, owner, product
):
    assert conformity_state(tmp_db, product) == "ok"
    data = rd.set_warn_days(active_data(tmp_db), 60, basis="本店供应商换证慢，提前 60 天提醒")
    with tmp_db.unit_of_work(owner) as s:
        saved = rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="提醒提前到 60 天")
    assert (saved.origin, saved.as_of, saved.note) == ("owner", AS_OF, "提醒提前到 60 天")
    assert conformity_state(tmp_db, product) == "expiring"
    with tmp_db.sessions() as s:
        assert [e.days_left for e in expiring_documents(s, today=TODAY)] == [40]
        current = rd.documents_rule_version(s)
        versions = s.scalars(select(RuleSet).where(RuleSet.kind == "documents")).all()
    assert current.version == saved.version and current.data["warn_days_before_expiry"] == 60
    assert [v.active for v in sorted(versions, key=lambda v: v.version)] == [False, True]


def test_a_requirement_naming_an_unknown_paper_type_is_refused_naming_it_and_nothing_is_saved(tmp_db, owner):
    data = active_data(tmp_db)
    data["categories"]["food"]["requires"].append("halal_certificate")
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="加清真证书")
    assert "halal_certificate" in str(caught.value) and "预包装食品" in str(caught.value)
    assert caught.value.field == "categories.food.requires"
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).where(RuleSet.kind == "documents")) == 1
        assert rd.documents_rule_version(s).origin == "bundled"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(warn_days_before_expiry=0), "warn_days_before_expiry"),
        (lambda d: d.update(warn_days_before_expiry="30"), "warn_days_before_expiry"),
        (lambda d: d.update(warn_days_before_expiry=3650), "warn_days_before_expiry"),
        (
            lambda d: d["requirements"]["ccc_certificate"].update(basis=[]),
            "requirements.ccc_certificate.basis",
        ),
        (lambda d: d["categories"]["digital"].update(requires=[]), "categories.digital.requires"),
        (lambda d: d["categories"]["ccc"]["requires"].append("ccc_certificate"), "categories.ccc.requires"),
        (lambda d: d.update(warn_days_basis=" "), "warn_days_basis"),
    ],
    ids=[
        "warn_zero_days",
        "warn_days_as_text",
        "warn_ten_years",
        "ccc_certificate_without_its_basis_ccc_regulation",
        "a_category_requiring_no_paper_zbds_measures_2026",
        "a_paper_required_twice",
        "warn_days_without_basis",
    ],
)
def test_bad_rule_data_names_the_field(tmp_db, owner, change, field):
    data = active_data(tmp_db)
    change(data)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="试一下")
    assert caught.value.field == field


def test_an_as_of_date_in_the_future_and_an_empty_note_are_refused(tmp_db, owner):
    data = active_data(tmp_db)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=date.today() + timedelta(days=3), note="x")
    assert caught.value.field == "as_of"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="  ")
    assert caught.value.field == "note"


def test_an_as_of_that_is_not_a_date_is_named_as_typed(tmp_db, owner):
    data = active_data(tmp_db)
    with pytest.raises(InvalidInput, match="2026-02-30") as caught, tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of="2026-02-30", note="x")
    assert caught.value.field == "as_of"
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(RuleSet).where(RuleSet.origin == "owner")) == 0


def test_a_paper_added_to_a_category_shows_the_owners_basis_in_readiness(tmp_db, owner, product):
    data = rd.add_required(active_data(tmp_db), "general", "cma_test_report", basis="本店毛巾类要求检测报告")
    with tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="毛巾加检测报告")
    with tmp_db.sessions() as s:
        view = catalog.product_readiness_view(s, product, today=TODAY)
    report = next(r for r in view.readiness.requirements if r.code == "cma_test_report")
    assert report.state == "missing" and report.basis[0] == "本店毛巾类要求检测报告"
    with pytest.raises(InvalidInput) as caught:
        rd.add_required(data, "general", "cma_test_report", basis="again")
    assert caught.value.field == "doc_type"
    removed = rd.remove_required(data, "general", "cma_test_report")
    assert "cma_test_report" not in removed["categories"]["general"]["requires"]
    assert "basis" not in removed["categories"]["general"]


def test_reset_brings_back_the_bundled_table_as_a_new_version(tmp_db, owner, product):
    data = rd.set_warn_days(active_data(tmp_db), 60, basis="提前 60 天")
    with tmp_db.unit_of_work(owner) as s:
        mine = rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="60 天")
    with tmp_db.unit_of_work(owner) as s:
        reset = rd.reset_documents_rule(s, owner)
    assert (
        reset.origin == "bundled"
        and reset.version == mine.version + 1
        and reset.data["warn_days_before_expiry"] == 30
    )
    assert conformity_state(tmp_db, product) == "ok"


def test_only_the_owner_may_change_rules_rules_edit(tmp_db, owner):
    operator = staff(tmp_db, owner, Role.OPERATOR)
    data = rd.set_warn_days(active_data(tmp_db), 60, basis="提前 60 天")
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as s:
        rd.save_documents_rule(s, operator, data, as_of=AS_OF, note="60 天")
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as s:
        rd.reset_documents_rule(s, operator)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as s:
        rc.save_checklist_template(s, operator, [], as_of=AS_OF, note="x")
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as s:
        rl.disable_term(s, operator, "秒杀", reason="x")
    with tmp_db.sessions() as s:
        assert rd.documents_rule_version(s).origin == "bundled"


def test_each_save_is_in_the_audit_log_with_who(tmp_db, owner):
    data = rd.set_warn_days(active_data(tmp_db), 45, basis="提前 45 天")
    with tmp_db.unit_of_work(owner) as s:
        rd.save_documents_rule(s, owner, data, as_of=AS_OF, note="45 天")
    with tmp_db.sessions() as s:
        events = s.scalars(select(AuditEvent).where(AuditEvent.entity == "rule_sets")).all()
    assert any(e.action == "insert" and e.actor_id == owner.user_id for e in events)
    assert any(e.action == "update" for e in events)  # the previous version made inactive


# --- checklist template -----------------------------------------------------------------------------------------


def live(tmp_db, owner, title: str) -> int:
    with tmp_db.unit_of_work(owner) as s:
        row = LiveSession(title=title, platform="douyin", planned_start=datetime(2026, 12, 4, 12, tzinfo=UTC))
        s.add(row)
        s.flush()
        return row.id


def test_a_new_template_version_is_used_by_new_runs_and_old_runs_keep_theirs(tmp_db, owner):
    first = live(tmp_db, owner, "周五专场")
    with tmp_db.unit_of_work(owner) as s:
        old_run = checklist.start_run(s, owner, first)
        template = rc.active_checklist_template(s)
    items = [i.as_dict() for i in template.items if i.code != "gift_stock_confirmed"]
    items.insert(0, {"code": "live_permit_shown", "title": "直播间已展示本场活动规则", "chapter": "直播前准备",
                     "required": True, "basis": "《网络直播营销管理办法（试行）》第十八条"})  # fmt: skip
    with tmp_db.unit_of_work(owner) as s:
        saved = rc.save_checklist_template(s, owner, items, as_of=AS_OF, note="加活动规则，去掉赠品")
    assert saved.origin == "owner" and saved.version == template.version + 1 and saved.runs == 0
    second = live(tmp_db, owner, "周六专场")
    with tmp_db.unit_of_work(owner) as s:
        new_run = checklist.start_run(s, owner, second)
        again = checklist.get_run(s, first)
    assert new_run.template_version == saved.version and new_run.items[0].code == "live_permit_shown"
    assert "gift_stock_confirmed" not in {i.code for i in new_run.items}
    assert again.template_version == old_run.template_version
    assert [i.code for i in again.items] == [i.code for i in old_run.items]
    with tmp_db.sessions() as s:
        versions = rc.template_versions(s)
    assert [(v.version, v.active, v.runs) for v in versions] == [(saved.version, True, 1), (1, False, 1)]


@pytest.mark.parametrize(
    ("change", "field", "row"),
    [
        (lambda items: items[1].update(code=items[0]["code"]), "code", 2),
        (lambda items: items[2].update(title="  "), "title", 3),
        (lambda items: items[0].update(basis=""), "basis", 1),
        (lambda items: items[0].update(code="Seller ID"), "code", 1),
        (lambda items: items.clear(), "items", None),
    ],
    ids=["code_repeated", "empty_title", "required_item_without_basis", "bad_code", "no_items"],
)
def test_a_bad_template_names_the_row_and_field_and_saves_nothing(tmp_db, owner, change, field, row):
    with tmp_db.unit_of_work(owner) as s:
        before = rc.active_checklist_template(s)
    items = [i.as_dict() for i in before.items]
    change(items)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rc.save_checklist_template(s, owner, items, as_of=AS_OF, note="改")
    assert (caught.value.field, caught.value.row) == (field, row)
    with tmp_db.sessions() as s:
        assert rc.active_checklist_template(s).version == before.version


def test_an_optional_item_may_go_without_basis_and_reset_restores_the_bundled_items(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as s:
        items = [i.as_dict() for i in rc.active_checklist_template(s).items]
    items.append(
        {"code": "lights_checked", "title": "灯光已调好", "chapter": "直播前准备", "required": False}
    )
    with tmp_db.unit_of_work(owner) as s:
        saved = rc.save_checklist_template(s, owner, items, as_of=AS_OF, note="加灯光检查")
    assert saved.items[-1].code == "lights_checked" and not saved.items[-1].required
    with tmp_db.unit_of_work(owner) as s:
        reset = rc.reset_checklist_template(s, owner)
    assert reset.origin == "bundled" and reset.version == saved.version + 1
    assert "lights_checked" not in {i.code for i in reset.items}


def test_a_newer_bundled_template_does_not_replace_the_owners(tmp_db, owner, monkeypatch):
    from core.services import checklist_records

    with tmp_db.unit_of_work(owner) as s:
        items = [i.as_dict() for i in rc.active_checklist_template(s).items][:5]
        mine = rc.save_checklist_template(s, owner, items, as_of=AS_OF, note="精简")
    newer = checklist_records.bundled_template() | {"version": 9}
    monkeypatch.setattr(checklist_records, "_bundled", lambda: newer)
    with tmp_db.unit_of_work(owner) as s:
        assert rc.active_checklist_template(s).version == mine.version


# --- lexicon ----------------------------------------------------------------------------------------------------

BODY = "家人们，这款毛巾绝绝子，库存告急！第一次来的朋友点关注。"


def saved_script(tmp_db, actor, body: str = BODY) -> int:
    with tmp_db.unit_of_work(actor) as s:
        return scripts.save_script(s, actor, title="毛巾开场", body=body).id


def terms(tmp_db, script_id: int) -> set[str]:
    with tmp_db.sessions() as s:
        return {f.term for f in scripts.script_findings(s, script_id)}


def test_an_owner_added_term_is_flagged_and_a_disabled_bundled_term_no_longer_is__ad_law_art9(tmp_db, owner):
    script_id = saved_script(tmp_db, owner)
    assert "绝绝子" not in terms(tmp_db, script_id) and "库存告急" in terms(tmp_db, script_id)
    with tmp_db.unit_of_work(owner) as s:
        rl.add_term(
            s, owner, term="绝绝子", category="absolute", severity={"default": "warning", "food": "error"},
            basis="《广告法》第九条第（三）项（平台把“绝绝子”视为极限用语）", reason="网络极限用语，平台处罚过",
        )  # fmt: skip
        rl.disable_term(s, owner, "库存告急", reason="本店库存实时显示，属真实事实")
    found = terms(tmp_db, script_id)
    assert "绝绝子" in found and "库存告急" not in found
    with tmp_db.sessions() as s:
        severity = {f.term: f.severity for f in scripts.script_findings(s, script_id, "food")}
        changes = rl.lexicon_changes(s)
        entries = {e.term: e for e in rl.lexicon_entries(s)}
    assert severity["绝绝子"] == "error"
    assert (changes.version, changes.origin) == (2, "owner")
    assert entries["库存告急"].status == "disabled" and entries["绝绝子"].status == "added"
    # the exemption check uses the studio lexicon too
    start = BODY.index("绝绝子")
    with tmp_db.unit_of_work(owner) as s:
        view = scripts.record_exemption(
            s, owner, script_id, term="绝绝子", start=start, end=start + 3, reason_code="service_attitude"
        )
    assert view.term == "绝绝子"
    # the bundled lexicon (CLI lint without a database) is untouched
    assert "绝绝子" not in {f.term for f in lint(BODY)}


def test_the_studio_lexicon_is_cached_until_the_owner_saves_again(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as s:
        assert rl.studio_lexicon(s) is default_lexicon()
        rl.add_term(s, owner, term="闭眼入", category="pressure", severity={"default": "warning"},
                    basis="《广告法》第二十八条", reason="诱导下单")  # fmt: skip
    with tmp_db.sessions() as s:
        first = rl.studio_lexicon(s)
        assert rl.studio_lexicon(s) is first
    text = "闭眼入！今天天气很好，大家好。"
    assert lint(text, lexicon=first)[0].term == "闭眼入"
    assert "matcher" in vars(first)  # compiled once and kept with the cached lexicon
    with tmp_db.unit_of_work(owner) as s:
        rl.withdraw_change(s, owner, "闭眼入")
    with tmp_db.sessions() as s:
        after = rl.studio_lexicon(s)
    assert after is not first and "闭眼入" not in {f.term for f in lint(text, lexicon=after)}


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"term": ""}, "term"),
        ({"term": "x" * 61}, "term"),
        ({"category": "weapons"}, "category"),
        ({"severity": {"default": "fatal"}}, "severity"),
        ({"severity": {"food": "error"}}, "severity"),
        ({"basis": " "}, "basis"),
        ({"reason": ""}, "reason"),
    ],
    ids=["empty_term", "term_too_long", "unknown_category", "unknown_severity", "no_default_severity",
         "no_legal_basis_ad_law", "no_reason"],
)  # fmt: skip
def test_a_bad_term_names_the_field_and_nothing_is_saved(tmp_db, owner, fields, field):
    given = {"term": "闭眼入", "category": "pressure", "severity": {"default": "warning"},
             "basis": "《广告法》第二十八条", "reason": "诱导下单"} | fields  # fmt: skip
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rl.add_term(s, owner, **given)
    assert caught.value.field == field
    with tmp_db.sessions() as s:
        assert rl.lexicon_changes(s).version == 0


def test_disabling_needs_a_known_term_and_a_reason_and_reset_goes_back_to_bundled(tmp_db, owner):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rl.disable_term(s, owner, "不存在的词", reason="x")
    assert caught.value.field == "term"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        rl.disable_term(s, owner, "秒杀", reason=" ")
    assert caught.value.field == "reason"
    with tmp_db.unit_of_work(owner) as s:
        rl.disable_term(s, owner, "秒杀", reason="平台活动名称")
        reset = rl.reset_lexicon(s, owner)
    assert (reset.origin, reset.added, reset.disabled) == ("bundled", (), ())
    with tmp_db.sessions() as s:
        assert rl.studio_lexicon(s) is default_lexicon()
