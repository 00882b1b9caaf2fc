"""The studio profile: who the seller legally is (SPC 法释〔2022〕8号 Art 12), checked before it is printed."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from core.db.models import AuditEvent
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.services import studio


def test_a_new_studio_starts_in_shanghai_time_keeping_records_3_years(tmp_db):
    with tmp_db.unit_of_work() as session:
        profile = studio.get_profile(session)
    assert profile.timezone == "Asia/Shanghai"
    assert profile.retention_years == 3
    assert profile.shops == () and profile.legal_name == ""


@pytest.mark.parametrize(
    "code",
    [
        "91350100M000100Y43",
        "91110000802100433B",
        "911101085923662400",
        "91440113MA5CXH7Q22",
        "91350100m000100y43",
    ],
    ids=[
        "gb32100_2015_published_example",
        "gb32100_2015_check_char_letter",
        "gb32100_2015_check_char_zero",
        "gb32100_2015_sample_studio",
        "gb32100_2015_lower_case_is_normalised",
    ],
)
def test_valid_credit_codes_are_accepted(tmp_db, owner, code):
    with tmp_db.unit_of_work(owner) as session:
        profile = studio.update_profile(session, owner, credit_code=code)
    assert profile.credit_code == code.upper()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("91350100M000100Y44", "校验位不对（应为 3）"),
        ("91350100M000100Y4", "18 位"),
        ("91350100M0001O0Y43", "不含 I、O"),
        ("91350100M000100Y4３", "18 位"),
    ],
    ids=[
        "gb32100_2015_wrong_check_char",
        "gb32100_2015_must_be_18_characters",
        "gb32100_2015_letter_o_not_used",
        "gb32100_2015_full_width_digit",
    ],
)
def test_wrong_credit_codes_are_refused_naming_the_field(tmp_db, owner, code, words):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as caught:
        studio.update_profile(session, owner, credit_code=code)
    assert caught.value.field == "credit_code" and words in str(caught.value)


def test_an_empty_credit_code_is_allowed_until_the_owner_has_it(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        assert studio.update_profile(session, owner, credit_code="  ").credit_code == ""


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"timezone": "Asia/Beijing"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"retention_years": 2}, "retention_years"),
        ({"retention_years": "3"}, "retention_years"),
        ({"shops": [{"platform": "pinduoduo", "shop": "店"}]}, "shops"),
        ({"shops": [{"platform": "douyin", "shop": ""}]}, "shops"),
        ({"service_phone": "call me"}, "service_phone"),
        ({"legal_name": "名" * 201}, "legal_name"),
        ({"owner_name": "张三"}, "owner_name"),
    ],
    ids=[
        "timezone_must_be_a_zoneinfo_key",
        "timezone_required",
        "retention_at_least_3_years_ecommerce_law_art31",
        "retention_is_a_number",
        "shop_platform_from_the_platform_list",
        "shop_needs_a_name",
        "service_phone_digits_only",
        "legal_name_at_most_200_characters",
        "unknown_field_refused",
    ],
)
def test_bad_profile_values_are_refused_and_nothing_is_written(tmp_db, owner, changes, field):
    with tmp_db.unit_of_work(owner) as session:
        before = studio.get_profile(session)
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as caught:
        studio.update_profile(session, owner, display_name="新名字", **changes)
    assert caught.value.field == field
    with tmp_db.unit_of_work(owner) as session:
        assert studio.get_profile(session) == before


def test_the_owner_saves_the_whole_profile(tmp_db, owner):
    fields = {
        "legal_name": "广州星禾电子商务有限公司",
        "credit_code": "91440113MA5CXH7Q22",
        "display_name": "星禾优选直播间",
        "shops": [{"platform": "douyin", "shop": "星禾优选旗舰店"}],
        "after_sales_policy": "支持七天无理由退货。",
        "return_address": "广州市番禺区星禾路 18 号",
        "service_phone": "020-3888-0000",
        "timezone": "Asia/Urumqi",
        "retention_years": 5,
    }
    with tmp_db.unit_of_work(owner) as session:
        studio.update_profile(session, owner, **fields)
    with tmp_db.unit_of_work(owner) as session:
        profile = studio.get_profile(session)
    assert profile == studio.StudioProfile(
        **{**fields, "shops": ({"platform": "douyin", "shop": "星禾优选旗舰店"},)}
    )


def test_only_the_owner_edits_the_profile(tmp_db):
    operator = Actor(user_id=None, display_name="场控", role=Role.OPERATOR)
    with tmp_db.unit_of_work(operator) as session, pytest.raises(PermissionDenied):
        studio.update_profile(session, operator, display_name="我改的")


def test_profile_changes_are_audited(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        studio.get_profile(session)
    with tmp_db.unit_of_work(owner) as session:
        studio.update_profile(session, owner, display_name="星禾优选")
    with tmp_db.sessions() as session:
        update = session.scalars(
            select(AuditEvent).where(AuditEvent.entity == "studio", AuditEvent.action == "update")
        ).one()
    assert update.after["display_name"] == "星禾优选" and update.actor_id == owner.user_id


def test_check_char_table_matches_gb32100():
    assert studio.CREDIT_CODE_WEIGHTS == (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
    assert len(studio.CREDIT_CODE_CHARS) == 31 and not set("IOZSV") & set(studio.CREDIT_CODE_CHARS)
