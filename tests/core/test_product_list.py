"""The 商品与资质 list and detail (issue 3 deliverable 1): each product's paper state from real documents, judged in
bulk exactly as the one-product readiness view judges it; search and filters; supplier papers count for products."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert

from core import clock
from core.db.models import Document, Product
from core.paths import vault_dir_for
from core.services import catalog
from core.services.catalog_documents import add_document
from core.services.product_detail import catalog_choices, product_detail
from core.services.product_list import STATE_ORDER, list_products, studio_today

TODAY = date(2026, 12, 1)
CREDIT_CODE = "91350100M000100Y43"


def _paper(db, owner, holder: str, holder_id: int, doc_type: str, expires: date | None, **extra) -> None:
    with db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir_for(db.path), holder=holder, holder_id=holder_id, doc_type=doc_type,
            issued_on=extra.get("issued", date(2024, 1, 1)), expires_on=expires, number=extra.get("number", ""),
            file=extra.get("file"),
        )  # fmt: skip


@pytest.fixture
def shop(tmp_db, owner) -> dict[str, int]:
    """Two suppliers (one with its 营业执照, one without) and products in every state."""
    with tmp_db.unit_of_work(owner) as s:
        licensed = catalog.add_supplier(s, owner, name="福州好物供应链", credit_code=CREDIT_CODE).id
        bare = catalog.add_supplier(s, owner, name="义乌小商品行").id
        ids = {
            sku: catalog.add_product(
                s, owner, sku=sku, name=name, category=category, supplier_id=supplier, brand=brand,
                list_price_fen=1990,
            ).id
            for sku, name, category, supplier, brand in [
                ("G-OK", "竹纤维毛巾", "general", licensed, ""),
                ("G-MISS", "收纳箱", "general", licensed, ""),
                ("C-SOON", "氮化镓充电器", "ccc", licensed, ""),
                ("C-LAPSED", "电热水壶", "ccc", licensed, ""),
                ("C-RENEWED", "吹风机", "ccc", licensed, ""),
                ("G-BARE", "拖鞋", "general", bare, ""),
                ("B-BRAND", "澜颜洁面乳", "general", licensed, "澜颜"),
            ]
        }  # fmt: skip
    ids["licensed"], ids["bare"] = licensed, bare
    _paper(tmp_db, owner, "supplier", licensed, "business_licence", None)
    for sku in ("G-OK", "C-SOON", "C-LAPSED", "C-RENEWED", "G-BARE", "B-BRAND"):
        _paper(tmp_db, owner, "product", ids[sku], "conformity_certificate", None)
    _paper(tmp_db, owner, "product", ids["C-SOON"], "ccc_certificate", date(2026, 12, 20))
    _paper(tmp_db, owner, "product", ids["C-LAPSED"], "ccc_certificate", date(2026, 11, 1))
    _paper(tmp_db, owner, "product", ids["C-RENEWED"], "ccc_certificate", date(2026, 11, 1))
    _paper(tmp_db, owner, "product", ids["C-RENEWED"], "ccc_certificate", date(2031, 11, 1))
    return ids


def _states(db, **filters) -> dict[str, tuple[str, int, date | None]]:
    with db.sessions() as s:
        return {
            r.sku: (r.state, r.problem_count, r.next_expiry) for r in list_products(s, today=TODAY, **filters)
        }


@pytest.mark.parametrize(
    ("sku", "state", "problems", "next_expiry"),
    [
        ("G-OK", "ok", 0, None),
        ("G-MISS", "missing", 1, None),
        ("C-SOON", "expiring", 1, date(2026, 12, 20)),
        ("C-LAPSED", "lapsed", 1, date(2026, 11, 1)),
        ("C-RENEWED", "ok", 0, date(2031, 11, 1)),
        ("G-BARE", "missing", 1, None),
        ("B-BRAND", "missing", 2, None),
    ],
    ids=[
        "general-goods-with-licence-and-conformity-proof-are-complete-产品质量法27",
        "conformity-proof-missing-产品质量法27",
        "3C-certificate-expiring-within-30-days-warns-DOMAIN§2",
        "3C-certificate-lapsed-blocks-lineup-直播电商监督管理办法",
        "a-renewed-3C-certificate-wins-over-the-lapsed-one",
        "supplier-without-business-licence-电子商务法15",
        "branded-goods-need-trademark-and-brand-authorisation-选品规范",
    ],
)
def test_each_product_shows_its_worst_paper_state(tmp_db, shop, sku, state, problems, next_expiry):
    assert _states(tmp_db)[sku] == (state, problems, next_expiry)


def test_the_bulk_list_agrees_with_the_one_product_view(tmp_db, shop):
    with tmp_db.sessions() as s:
        rows = list_products(s, today=TODAY)
        for row in rows:
            view = catalog.product_readiness_view(s, row.id, today=TODAY).readiness
            worst = max((r.state for r in view.requirements), key=STATE_ORDER.index, default="ok")
            assert row.state == worst, row.sku
            assert row.problem_count == sum(r.state != "ok" for r in view.requirements), row.sku


def test_worst_first_then_by_sku(tmp_db, shop):
    with tmp_db.sessions() as s:
        skus = [r.sku for r in list_products(s, today=TODAY)]
    assert skus[0] == "C-LAPSED"
    assert skus.index("B-BRAND") < skus.index("C-SOON") < skus.index("C-RENEWED") < skus.index("G-OK")


def test_a_supplier_paper_counts_for_every_product_of_that_supplier(tmp_db, owner, shop):
    assert _states(tmp_db)["G-BARE"][0] == "missing"
    _paper(tmp_db, owner, "supplier", shop["bare"], "business_licence", None)
    assert _states(tmp_db)["G-BARE"] == ("ok", 0, None)


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("c-", {"C-SOON", "C-LAPSED", "C-RENEWED"}),  # SKU, case-insensitive
        ("毛巾", {"G-OK"}),  # name
        ("澜颜", {"B-BRAND"}),  # brand
        ("义乌", {"G-BARE"}),  # supplier name
        ("%", set()),  # a literal percent sign, not a wildcard
    ],
)
def test_search_matches_sku_name_brand_or_supplier(tmp_db, shop, search, expected):
    assert set(_states(tmp_db, search=search)) == expected


def test_filters_by_category_and_state(tmp_db, shop):
    assert set(_states(tmp_db, category="ccc")) == {"C-SOON", "C-LAPSED", "C-RENEWED"}
    assert set(_states(tmp_db, state="missing")) == {"G-MISS", "G-BARE", "B-BRAND"}
    assert set(_states(tmp_db, state=("expiring", "lapsed"))) == {"C-SOON", "C-LAPSED"}
    assert set(_states(tmp_db, category="ccc", state="ok")) == {"C-RENEWED"}


def test_inactive_products_only_when_asked(tmp_db, owner, shop):
    with tmp_db.unit_of_work(owner) as s:
        catalog.update_product(s, owner, shop["G-OK"], active=False)
    assert "G-OK" not in _states(tmp_db)
    with tmp_db.sessions() as s:
        row = next(r for r in list_products(s, today=TODAY, include_inactive=True) if r.sku == "G-OK")
    assert not row.active and row.state == "ok"


def test_a_category_the_rule_no_longer_knows_is_shown_not_hidden(tmp_db, owner, shop):
    """An owner's edited rule may drop a category; the product stays listed as ``unknown``, its detail says why."""
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Product), [{"sku": "X-OLD", "name": "旧类目商品", "category": "weapons", "brand": ""}]
        )
    assert _states(tmp_db)["X-OLD"] == ("unknown", 1, None)
    with tmp_db.sessions() as s:
        pid = next(r.id for r in list_products(s, today=TODAY) if r.sku == "X-OLD")
        detail = product_detail(s, pid, today=TODAY)
    assert detail.readiness is None and "weapons" in detail.readiness_problem


def test_a_paper_dated_to_expire_before_issue_counts_as_invalid(tmp_db, owner, shop):
    """Such a row can only come from old data (add_document refuses it); it meets nothing (readiness contract)."""
    with tmp_db.unit_of_work(owner) as s:
        s.execute(
            insert(Document),
            [{"doc_type": "conformity_certificate", "product_id": shop["G-MISS"],
              "issued_on": date(2026, 5, 1), "expires_on": date(2026, 4, 30)}],
        )  # fmt: skip
    assert _states(tmp_db)["G-MISS"][0] == "invalid"


def test_the_detail_lists_papers_with_file_names_and_says_why_each_is_required(tmp_db, owner, shop, tmp_path):
    scan = tmp_path / "品牌授权书-澜颜.pdf"
    scan.write_bytes(b"%PDF-1.4 authorisation")
    _paper(
        tmp_db, owner, "product", shop["B-BRAND"], "brand_authorisation", date(2027, 6, 30),
        number="SQ-2026-8", file=scan,
    )  # fmt: skip
    with tmp_db.sessions() as s:
        detail = product_detail(s, shop["B-BRAND"], today=TODAY)
    papers = {(p.doc_type, p.holder): p for p in detail.papers}
    assert papers[("brand_authorisation", "product")].file_name == "品牌授权书-澜颜.pdf"
    assert papers[("brand_authorisation", "product")].number == "SQ-2026-8"
    assert papers[("business_licence", "supplier")].holder_name == "福州好物供应链"
    assert "普通商品" in detail.why["conformity_certificate"]
    assert "品牌" in detail.why["trademark_registration"]
    missing = {r.code: r for r in detail.readiness.readiness.missing}
    assert set(missing) == {"trademark_registration"}
    assert detail.supplier.credit_code == CREDIT_CODE


def test_choices_offer_the_rule_categories_paper_types_and_suppliers(tmp_db, shop):
    with tmp_db.sessions() as s:
        choices = catalog_choices(s)
    assert ("food", "预包装食品") in choices.categories
    by_code = {t.code: t for t in choices.doc_types}
    assert by_code["business_licence"].holder == "supplier" and not by_code["business_licence"].expires
    assert {s.name for s in choices.suppliers} == {"福州好物供应链", "义乌小商品行"}
    assert choices.warn_days == 30


def test_today_is_the_studio_calendar_day(tmp_db):
    """Papers expire by the studio's calendar (Asia/Shanghai by default), not the computer's UTC date."""
    with tmp_db.sessions() as s:
        assert studio_today(s, datetime(2026, 11, 30, 20, 0, tzinfo=UTC)) == date(2026, 12, 1)
        with clock.fixed(datetime(2026, 11, 30, 16, 30, tzinfo=UTC)):  # the sample builder's clock is obeyed
            assert studio_today(s) == date(2026, 12, 1)


def test_many_products_agree_with_the_one_product_view_on_both_read_paths(tmp_db, owner):
    """Above 500 products every paper is read at once; a search narrows the read to its products' papers."""
    rng = random.Random(3)
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name="大供应商").id
    with tmp_db.sessions() as s:
        data = catalog.documents_rule(s)
    cats = list(data["categories"])
    products = [
        {"id": i, "sku": f"P{i:04d}", "name": f"商品{i}", "category": cats[i % len(cats)],
         "brand": "牌" if i % 3 == 0 else "", "supplier_id": supplier}
        for i in range(1, 521)
    ]  # fmt: skip
    docs = []
    for p in products:
        for code in data["categories"][p["category"]]["requires"]:
            for _ in range(rng.choice([0, 1, 1, 2])):
                expires = None if rng.random() < 0.3 else TODAY + timedelta(days=rng.randint(-60, 400))
                issued = TODAY - timedelta(days=rng.randint(0, 900))
                holder = data["requirements"][code]["holder"]
                docs.append(
                    {"doc_type": code, "issued_on": issued, "expires_on": expires,
                     "product_id": p["id"] if holder == "product" else None,
                     "supplier_id": supplier if holder == "supplier" else None}
                )  # fmt: skip
    with tmp_db.unit_of_work(owner) as s:
        s.execute(insert(Product), products)
        s.execute(insert(Document), docs)
    with tmp_db.sessions() as s:
        wide = {r.id: r for r in list_products(s, today=TODAY)}
        narrow = {r.id: r for r in list_products(s, today=TODAY, search="P01")}
        assert len(wide) == 520 and 0 < len(narrow) < 500
        for pid in list(narrow)[:60] + list(wide)[::9]:
            view = catalog.product_readiness_view(s, pid, today=TODAY).readiness
            worst = max((r.state for r in view.requirements), key=STATE_ORDER.index, default="ok")
            expiries = [r.paper.expires_on for r in view.requirements if r.paper and r.paper.expires_on]
            for row in (wide[pid], narrow.get(pid, wide[pid])):
                assert (row.state, row.next_expiry) == (worst, min(expiries, default=None)), row.sku
