"""Product readiness (商品资质): which papers each category needs, expiry warnings, and the lineup block.

Basis: 直播电商监督管理办法 (2026) — verify licences and product qualifications before each stream; DOMAIN.md §2.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import i18n, rules
from core.domain.readiness import Paper, product_readiness
from core.errors import InvalidInput

TODAY = date(2026, 11, 28)
DOCS = rules.bundled_rules()["documents"]
REQS = DOCS["data"]["requirements"]
CATS = DOCS["data"]["categories"]


def full_set(category: str, *, expires_on: date | None = None, extra: tuple[str, ...] = ()) -> list[Paper]:
    """One paper for every requirement of ``category`` (plus ``extra`` codes), all with the same expiry."""
    codes = list(CATS[category]["requires"]) + list(extra)
    return [Paper(code, REQS[code]["holder"], "X-1", date(2025, 1, 1), expires_on) for code in codes]


def without(papers: list[Paper], code: str) -> list[Paper]:
    return [p for p in papers if p.doc_type != code]


def state_of(readiness, code: str) -> str:
    return next(r.state for r in readiness.requirements if r.code == code)


def test_the_sample_categories_all_have_requirements_with_names_holders_and_basis():
    sample = {"general", "food", "fresh", "health_food", "cosmetics", "special_cosmetics", "ccc", "digital"}
    assert sample | {"custom", "jewellery", "imported_food", "medical_device"} <= set(CATS)
    for key, cat in CATS.items():
        assert cat["name_zh"] and cat["name_en"] and cat["requires"], key
        assert "business_licence" in cat["requires"], f"{key}: every supplier shows its 营业执照"
    for code, req in REQS.items():
        assert req["holder"] in ("supplier", "product") and isinstance(req["expires"], bool), code
        assert req["name_zh"] and req["basis"] and all(b.strip() for b in req["basis"]), code
    assert DOCS["data"]["warn_days_before_expiry"] == 30
    assert DOCS["data"]["lapsed_blocks_lineup"] is True and DOCS["data"]["lapsed_blocks_lineup_basis"]


@pytest.mark.parametrize(
    ("category", "code", "cited"),
    [
        ("special_cosmetics", "special_cosmetics_registration", "化妆品监督管理条例"),
        ("cosmetics", "cosmetics_filing", "化妆品监督管理条例"),
        ("food", "food_production_licence", "食品安全法"),
        ("food", "food_business_licence", "食品安全法"),
        ("health_food", "health_food_approval", "食品安全法 第七十六条"),
        ("health_food", "health_food_ad_approval", "广告法 第四十六条"),
        ("ccc", "ccc_certificate", "强制性产品认证管理规定"),
        ("jewellery", "cma_test_report", "CMA"),
        ("general", "conformity_certificate", "产品质量法 第二十七条"),
        ("imported_food", "inspection_certificate", "食品安全法 第九十二条"),
        ("medical_device", "medical_device_registration", "医疗器械监督管理条例"),
        ("digital", "business_licence", "直播电商监督管理办法"),
    ],
    ids=[
        "special_cosmetics_needs_registration_cosmetics_regulation",
        "ordinary_cosmetics_need_filing_cosmetics_regulation_art17",
        "food_needs_sc_licence_food_safety_law_art35",
        "food_seller_needs_business_licence_food_safety_law_art35",
        "health_food_needs_registration_or_filing_food_safety_law_art76",
        "health_food_ads_need_review_advertising_law_art46",
        "ccc_goods_need_3c_certificate_ccc_regulation",
        "jewellery_needs_cma_report_selection_norms",
        "general_goods_need_conformity_certificate_product_quality_law_art27",
        "imported_food_needs_inspection_food_safety_law_art92",
        "medical_device_needs_registration_device_regulation_art13",
        "every_seller_shows_business_licence_livestream_measures_2026",
    ],
)
def test_a_missing_required_paper_is_reported_with_why(category, code, cited):
    readiness = product_readiness(category, without(full_set(category), code), today=TODAY, rules=DOCS)
    assert not readiness.ready
    [missing] = readiness.missing
    assert missing.code == code
    assert any(cited in b for b in missing.basis)


@pytest.mark.parametrize(
    ("category", "not_required"),
    [
        ("fresh", "food_business_licence"),
        ("cosmetics", "special_cosmetics_registration"),
        ("digital", "conformity_certificate"),
        ("imported_food", "food_production_licence"),
    ],
    ids=[
        "farm_produce_needs_no_food_licence_food_safety_law_art35",
        "ordinary_cosmetics_need_no_registration_cosmetics_regulation_art17",
        "digital_goods_need_no_conformity_certificate",
        "imported_food_has_no_domestic_sc_food_safety_law_art92",
    ],
)
def test_papers_a_category_does_not_need_are_not_asked_for(category, not_required):
    readiness = product_readiness(category, full_set(category), today=TODAY, rules=DOCS)
    assert readiness.ready and not_required not in {r.code for r in readiness.requirements}


@pytest.mark.parametrize(
    ("expires_on", "state", "days_left", "ready", "blocks"),
    [
        (None, "ok", None, True, False),
        (TODAY + timedelta(days=31), "ok", 31, True, False),
        (TODAY + timedelta(days=30), "expiring", 30, True, False),
        (TODAY, "expiring", 0, True, False),
        (TODAY - timedelta(days=1), "lapsed", -1, False, True),
    ],
    ids=[
        "no_expiry_date_never_lapses",
        "31_days_left_is_ok_issue_3",
        "30_days_left_warns_issue_3",
        "last_valid_day_warns_not_lapsed",
        "lapsed_yesterday_blocks_lineup_livestream_measures_2026",
    ],
)
def test_expiry_warns_then_blocks(expires_on, state, days_left, ready, blocks):
    papers = full_set("food", expires_on=None)
    papers = [
        *without(papers, "food_production_licence"),
        Paper("food_production_licence", "product", "SC1", None, expires_on),
    ]
    readiness = product_readiness("food", papers, today=TODAY, rules=DOCS)
    sc = next(r for r in readiness.requirements if r.code == "food_production_licence")
    assert (sc.state, sc.days_left) == (state, days_left)
    assert (readiness.ready, readiness.blocks_lineup) == (ready, blocks)
    if blocks:
        assert any("直播电商监督管理办法" in b for b in readiness.blocks_lineup_basis)


def test_the_owner_can_change_the_warning_window():
    edited = rules.bundled_rules()["documents"]
    edited["data"]["warn_days_before_expiry"] = 60
    papers = full_set("ccc", expires_on=TODAY + timedelta(days=45))
    assert state_of(product_readiness("ccc", papers, today=TODAY, rules=DOCS), "ccc_certificate") == "ok"
    assert (
        state_of(product_readiness("ccc", papers, today=TODAY, rules=edited), "ccc_certificate") == "expiring"
    )


def test_the_owner_can_make_missing_papers_block_the_lineup():
    edited = rules.bundled_rules()["documents"]
    papers = without(full_set("ccc"), "ccc_certificate")
    assert not product_readiness("ccc", papers, today=TODAY, rules=edited).blocks_lineup
    edited["data"]["missing_blocks_lineup"] = True
    assert product_readiness("ccc", papers, today=TODAY, rules=edited).blocks_lineup


def test_an_expiry_before_issue_is_invalid_and_meets_nothing():
    papers = [
        *without(full_set("ccc"), "ccc_certificate"),
        Paper("ccc_certificate", "product", "C1", date(2026, 5, 1), date(2026, 4, 1)),
    ]
    readiness = product_readiness("ccc", papers, today=TODAY, rules=DOCS)
    assert state_of(readiness, "ccc_certificate") == "invalid" and not readiness.ready


def test_a_renewed_paper_wins_over_the_lapsed_one():
    papers = [
        *full_set("ccc", expires_on=TODAY + timedelta(days=400)),
        Paper("ccc_certificate", "product", "OLD", date(2020, 1, 1), date(2025, 1, 1)),
    ]
    readiness = product_readiness("ccc", papers, today=TODAY, rules=DOCS)
    cert = next(r for r in readiness.requirements if r.code == "ccc_certificate")
    assert cert.state == "ok" and cert.paper.number == "X-1" and readiness.ready


def test_a_supplier_paper_does_not_stand_in_for_a_product_paper():
    papers = [*without(full_set("ccc"), "ccc_certificate"), Paper("ccc_certificate", "supplier", "C1")]
    assert state_of(product_readiness("ccc", papers, today=TODAY, rules=DOCS), "ccc_certificate") == "missing"


@pytest.mark.parametrize(
    ("condition", "codes"),
    [
        ("branded", {"trademark_registration", "brand_authorisation"}),
        ("imported", {"customs_declaration", "inspection_certificate"}),
    ],
    ids=[
        "branded_goods_need_authorisation_chain_selection_norms",
        "imports_need_customs_and_inspection_inspection_law",
    ],
)
def test_branded_and_imported_goods_need_more_papers(condition, codes):
    readiness = product_readiness(
        "general", full_set("general"), today=TODAY, rules=DOCS, conditions=[condition]
    )
    assert {r.code for r in readiness.missing} == codes


def test_an_unknown_category_is_named_in_the_error():
    with pytest.raises(InvalidInput, match="spaceship") as caught:
        product_readiness("spaceship", [], today=TODAY, rules=DOCS)
    assert caught.value.field == "category" and "cosmetics" in str(caught.value)


def test_an_unknown_condition_is_named_in_the_error():
    with pytest.raises(InvalidInput, match="secondhand"):
        product_readiness("general", [], today=TODAY, rules=DOCS, conditions=["secondhand"])


def test_requirement_names_follow_the_language():
    readiness = product_readiness("ccc", [], today=TODAY, rules=DOCS)
    try:
        i18n.set_language("en")
        assert readiness.requirements[-1].name == "CCC certificate"
    finally:
        i18n.set_language("zh_CN")
    assert readiness.requirements[-1].name.startswith("3C证书")


# --- properties -------------------------------------------------------------------------------------------

paper_dates = st.one_of(st.none(), st.dates(min_value=date(2015, 1, 1), max_value=date(2035, 12, 31)))


@st.composite
def holdings(draw, category: str):
    """Some subset of the category's papers with arbitrary dates (sometimes an expiry before issue)."""
    codes = CATS[category]["requires"]
    chosen = draw(st.lists(st.sampled_from(codes), max_size=2 * len(codes)))
    return [Paper(c, REQS[c]["holder"], "N", draw(paper_dates), draw(paper_dates)) for c in chosen]


categories = st.sampled_from(sorted(CATS))
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@given(category=categories, data=st.data(), today=days)
def test_never_ready_while_a_required_paper_is_missing(category, data, today):
    papers = data.draw(holdings(category))
    readiness = product_readiness(category, papers, today=today, rules=DOCS)
    held = {p.doc_type for p in papers}
    if any(code not in held for code in CATS[category]["requires"]):
        assert not readiness.ready and readiness.missing
    assert readiness.ready == all(r.state in ("ok", "expiring") for r in readiness.requirements)
    assert readiness.blocks_lineup == bool(readiness.lapsed)


@given(category=categories, data=st.data(), today=days, later=st.integers(min_value=0, max_value=4000))
def test_time_only_makes_papers_worse(category, data, today, later):
    """A later day never turns a lapsed paper back into ok (nor un-blocks a lineup)."""
    papers = data.draw(holdings(category))
    before = product_readiness(category, papers, today=today, rules=DOCS)
    after = product_readiness(category, papers, today=today + timedelta(days=later), rules=DOCS)
    rank = {"ok": 0, "expiring": 1, "lapsed": 2, "invalid": 3, "missing": 4}
    for b, a in zip(before.requirements, after.requirements, strict=True):
        assert rank[a.state] >= rank[b.state]
    assert after.blocks_lineup or not before.blocks_lineup
