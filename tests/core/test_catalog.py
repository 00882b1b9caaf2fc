"""Suppliers, products, papers and the lineup gate (issue 3, deliverables 1 and 2), on real SQLite files."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from core import ledger
from core.db.models import AuditEvent, Document, LedgerEntry, LineupItem, LiveSession, VaultFile
from core.domain.codes import Role
from core.domain.roles import Actor
from core.errors import InvalidInput, PermissionDenied
from core.paths import vault_dir_for
from core.services import catalog
from core.services.catalog_documents import add_document, expiring_documents
from core.services.lineup import LineupBlocked, add_to_lineup
from core.services.product_detail import list_suppliers as catalog_suppliers
from tests.builders import add_staff

TODAY = date(2026, 12, 1)
VALID_CREDIT_CODE = "91350100M000100Y43"


def _staff(tmp_db, owner, role: Role) -> Actor:
    return add_staff(tmp_db, owner, role, display_name=role.value)


@pytest.fixture
def operator(tmp_db, owner) -> Actor:
    return _staff(tmp_db, owner, Role.OPERATOR)


@pytest.fixture
def vault_dir(tmp_db):
    """The database's own vault folder (the one ``ledger.verify`` checks)."""
    return vault_dir_for(tmp_db.path)


@pytest.fixture
def product(tmp_db, owner) -> int:
    """A general product of a supplier; neither holds any paper yet."""
    with tmp_db.unit_of_work(owner) as s:
        supplier = catalog.add_supplier(s, owner, name="福州好物供应链", credit_code=VALID_CREDIT_CODE)
        return catalog.add_product(
            s, owner, sku="SKU-1", name="竹纤维毛巾", category="general", supplier_id=supplier.id
        ).id


def _supplier_of(tmp_db, product_id: int) -> int:
    with tmp_db.sessions() as s:
        return catalog.get_product(s, product_id).supplier_id


def _live_session(tmp_db, owner) -> int:
    with tmp_db.unit_of_work(owner) as s:
        live = LiveSession(
            title="周五专场", platform="douyin", planned_start=datetime(2026, 12, 4, 12, tzinfo=UTC)
        )
        s.add(live)
        s.flush()
        return live.id


def _papers(tmp_db, owner, vault_dir, product_id: int, *, conformity_expires: date | None) -> None:
    with tmp_db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir, holder="supplier", holder_id=_supplier_of(tmp_db, product_id),
            doc_type="business_licence", number="BL-1", issued_on=date(2020, 1, 1),
        )  # fmt: skip
        add_document(
            s, owner, vault_dir, holder="product", holder_id=product_id, doc_type="conformity_certificate",
            number="CC-1", issued_on=date(2025, 1, 1), expires_on=conformity_expires,
        )  # fmt: skip


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"sku": "  "}, "sku"),
        ({"sku": "SKU-1"}, "sku"),  # taken by the fixture's product
        ({"name": ""}, "name"),
        ({"category": "weapons"}, "category"),
        ({"list_price_fen": -1}, "list_price_fen"),
        ({"list_price_fen": 9.9}, "list_price_fen"),
        ({"supplier_id": 999}, "supplier_id"),
    ],
    ids=["empty-sku", "duplicate-sku", "empty-name", "unknown-category", "negative-price", "yuan-not-fen",
         "unknown-supplier"],
)  # fmt: skip
def test_bad_product_input_names_the_field_and_writes_nothing(tmp_db, owner, product, fields, field):
    given = {"sku": "SKU-2", "name": "毛巾", "category": "general", **fields}
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        catalog.add_product(s, owner, **given)
    assert caught.value.field == field
    with tmp_db.sessions() as s:
        assert [p.sku for p in s.scalars(select(catalog.Product))] == ["SKU-1"]


def test_unknown_category_message_lists_the_known_ones(tmp_db, owner):
    with pytest.raises(InvalidInput, match="cosmetics"), tmp_db.unit_of_work(owner) as s:
        catalog.add_product(s, owner, sku="X", name="x", category="weapons")


def test_supplier_credit_code_check_digit_gb32100(tmp_db, owner):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        catalog.add_supplier(s, owner, name="某公司", credit_code="91350100M000100Y44")
    assert caught.value.field == "credit_code"


@pytest.mark.parametrize("contact", ["王经理 13812345678", "王经理 138 1234 5678", "王经理 020-8888-7777"])
def test_a_supplier_contact_with_a_full_phone_number_is_refused__pipl_art6(tmp_db, owner, contact):
    with pytest.raises(InvalidInput, match="138\\*\\*\\*\\*1234") as caught, tmp_db.unit_of_work(owner) as s:
        catalog.add_supplier(s, owner, name="某公司", contact=contact)
    assert caught.value.field == "contact"
    with tmp_db.unit_of_work(owner) as s:
        kept = catalog.add_supplier(s, owner, name="某公司", contact="王经理 138****1234")
        assert [info.contact for info in catalog_suppliers(s)] == ["王经理 138****1234"]
        with pytest.raises(InvalidInput):
            catalog.update_supplier(s, owner, kept.id, contact="王经理 13812341234")


def test_update_product_keeps_sku_unique_and_accepts_own_sku(tmp_db, owner, product):
    with tmp_db.unit_of_work(owner) as s:
        catalog.add_product(s, owner, sku="SKU-2", name="浴巾", category="general")
        assert catalog.update_product(s, owner, product, sku="SKU-1", name="新毛巾").name == "新毛巾"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        catalog.update_product(s, owner, product, sku="SKU-2")
    assert caught.value.field == "sku"


def test_a_host_may_not_add_products(tmp_db, owner):
    host = _staff(tmp_db, owner, Role.HOST)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(host) as s:
        catalog.add_product(s, host, sku="H-1", name="口红", category="cosmetics")


def test_readiness_lists_what_is_missing_with_its_basis(tmp_db, owner, product):
    with tmp_db.sessions() as s:
        view = catalog.product_readiness_view(s, product, today=TODAY)
    assert view.name == "竹纤维毛巾" and view.category == "general" and view.supplier_name == "福州好物供应链"
    assert not view.readiness.ready
    missing = {r.code: r for r in view.readiness.missing}
    assert set(missing) == {"business_licence", "conformity_certificate"}
    assert any("电子商务法" in b for b in missing["business_licence"].basis)
    assert any("产品质量法" in b for b in missing["conformity_certificate"].basis)


def test_supplier_and_product_papers_both_count(tmp_db, owner, product, vault_dir):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=None)
    with tmp_db.sessions() as s:
        assert catalog.product_readiness_view(s, product, today=TODAY).readiness.ready


def test_document_added_is_a_ledger_entry_and_verify_stays_ok(tmp_db, owner, product, tmp_path, vault_dir):
    scan = tmp_path / "licence.pdf"
    scan.write_bytes(b"%PDF-1.4 licence scan")
    with tmp_db.unit_of_work(owner) as s:
        doc = add_document(
            s, owner, vault_dir, holder="product", holder_id=product, doc_type="conformity_certificate",
            number="CC-9", issued_on="2025-01-01", expires_on="2027-01-01", file=scan,
        )  # fmt: skip
    with tmp_db.sessions() as s:
        kinds = s.execute(select(LedgerEntry.kind, LedgerEntry.subject_id)).all()
    assert ("document.added", str(doc.id)) in kinds
    assert ("vault.added", doc.vault_sha256) in kinds
    report = ledger.verify(tmp_db)
    assert report.ok, report.first_problem


def test_expiry_before_issue_is_refused_and_nothing_written(tmp_db, owner, product, tmp_path, vault_dir):
    scan = tmp_path / "cert.jpg"
    scan.write_bytes(b"jpeg bytes")
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir, holder="product", holder_id=product, doc_type="conformity_certificate",
            issued_on=date(2026, 5, 1), expires_on=date(2026, 4, 30), file=scan,
        )  # fmt: skip
    assert caught.value.field == "expires_on"
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(func.count()).select_from(VaultFile)) == 0
    assert not any(p.is_file() for p in vault_dir.rglob("*"))


def test_a_date_that_is_not_a_date_names_the_field(tmp_db, owner, product, vault_dir):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir, holder="product", holder_id=product, doc_type="conformity_certificate",
            issued_on="2026-13-45",
        )  # fmt: skip
    assert caught.value.field == "issued_on"


def test_unknown_type_and_wrong_holder_are_refused(tmp_db, owner, product, vault_dir):
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_document(s, owner, vault_dir, holder="product", holder_id=product, doc_type="driving_licence")
    assert caught.value.field == "doc_type"
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_document(s, owner, vault_dir, holder="product", holder_id=product, doc_type="business_licence")
    assert caught.value.field == "holder"


def test_oversize_file_refused_and_no_vault_file_left(tmp_db, owner, product, tmp_path, vault_dir):
    huge = tmp_path / "huge-scan.pdf"
    with huge.open("wb") as out:
        out.truncate(21 * 1024 * 1024)  # above max_document_mb (20) of the documents rule
    with pytest.raises(InvalidInput, match="20 MB") as caught, tmp_db.unit_of_work(owner) as s:
        add_document(
            s,
            owner,
            vault_dir,
            holder="product",
            holder_id=product,
            doc_type="conformity_certificate",
            file=huge,
        )
    assert caught.value.field == "file"
    assert not any(p.is_file() for p in vault_dir.rglob("*"))
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0


def test_unreadable_file_is_refused_naming_it(tmp_db, owner, product, tmp_path, vault_dir):
    gone = tmp_path / "no-such-scan.pdf"
    with pytest.raises(InvalidInput, match=r"no-such-scan\.pdf") as caught, tmp_db.unit_of_work(owner) as s:
        add_document(
            s,
            owner,
            vault_dir,
            holder="product",
            holder_id=product,
            doc_type="conformity_certificate",
            file=gone,
        )
    assert caught.value.field == "file"


def test_failure_after_copy_rolls_back_vault_row_and_file(
    tmp_db, owner, product, tmp_path, vault_dir, monkeypatch
):
    """Nothing half-saved: a failure inside the savepoint leaves no document, no vault row, no vault file."""
    scan = tmp_path / "cert.pdf"
    scan.write_bytes(b"a certificate")

    def broken_append(*args, **kwargs):
        raise RuntimeError("disk full")

    import core.services.catalog_documents as docs

    monkeypatch.setattr(docs.ledger, "append", broken_append)
    with pytest.raises(RuntimeError), tmp_db.unit_of_work(owner) as s:
        add_document(
            s,
            owner,
            vault_dir,
            holder="product",
            holder_id=product,
            doc_type="conformity_certificate",
            file=scan,
        )
    monkeypatch.undo()
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 0
        assert s.scalar(select(func.count()).select_from(VaultFile)) == 0
    assert not any(p.is_file() for p in vault_dir.rglob("*"))


def test_expiring_documents_finds_a_paper_expiring_within_30_days(tmp_db, owner, product, vault_dir):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=date(2026, 12, 20))
    with tmp_db.sessions() as s:
        found = expiring_documents(s, today=TODAY)
    assert [(e.doc_type, e.state, e.days_left, e.holder_name) for e in found] == [
        ("conformity_certificate", "expiring", 19, "竹纤维毛巾")
    ]
    assert found[0].basis


def test_expiring_documents_shows_lapsed_until_renewed(tmp_db, owner, product, vault_dir):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=date(2026, 11, 1))
    with tmp_db.sessions() as s:
        assert [e.state for e in expiring_documents(s, today=TODAY)] == ["lapsed"]
    with tmp_db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir, holder="product", holder_id=product, doc_type="conformity_certificate",
            issued_on=date(2026, 11, 2), expires_on=date(2031, 11, 1),
        )  # fmt: skip
    with tmp_db.sessions() as s:
        assert expiring_documents(s, today=TODAY) == []


def test_lapsed_paper_blocks_lineup_for_an_operator__zbds_measures_2026(
    tmp_db, owner, operator, product, vault_dir
):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=date(2026, 11, 1))
    live = _live_session(tmp_db, owner)
    with pytest.raises(LineupBlocked) as caught, tmp_db.unit_of_work(operator) as s:
        add_to_lineup(
            s, operator, live, product, live_price_fen=1990, override_reason="店主口头同意", today=TODAY
        )
    assert "合格证明" in str(caught.value) and "直播电商监督管理办法" in str(caught.value)
    with tmp_db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(LineupItem)) == 0


def test_owner_override_needs_a_reason_and_is_recorded(tmp_db, owner, product, vault_dir):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=date(2026, 11, 1))
    live = _live_session(tmp_db, owner)
    with pytest.raises(LineupBlocked) as caught, tmp_db.unit_of_work(owner) as s:
        add_to_lineup(s, owner, live, product, live_price_fen=1990, override_reason="  ", today=TODAY)
    assert caught.value.field == "override_reason"
    with tmp_db.unit_of_work(owner) as s:
        item = add_to_lineup(
            s, owner, live, product, live_price_fen=1990, override_reason="新证已寄出，附快递单", today=TODAY
        )
    assert item.overridden and item.override_by == owner.user_id
    with tmp_db.sessions() as s:
        row = s.get(LineupItem, item.id)
        assert row.override_reason == "新证已寄出，附快递单"
        audit = s.scalars(select(AuditEvent).where(AuditEvent.entity == "lineup_items")).all()
    assert any((a.after or {}).get("override_reason") == "新证已寄出，附快递单" for a in audit)


def test_operator_adds_a_ready_product_and_sees_an_unbacked_claim__price_fraud_art16(
    tmp_db, owner, operator, product, vault_dir
):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=None)
    live = _live_session(tmp_db, owner)
    with tmp_db.unit_of_work(operator) as s:
        item = add_to_lineup(
            s, operator, live, product, live_price_fen=1990, claimed_original_fen=5990, today=TODAY
        )
    assert item.position == 1 and not item.overridden
    assert item.price_check.state == "unbacked" and item.price_check.flagged
    assert "第十六条" in item.price_check.basis


def test_a_claim_above_the_entered_7_day_lowest_is_flagged__price_fraud_art16(
    tmp_db, owner, product, vault_dir
):
    _papers(tmp_db, owner, vault_dir, product, conformity_expires=None)
    live = _live_session(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as s:
        item = add_to_lineup(
            s,
            owner,
            live,
            product,
            live_price_fen=1990,
            claimed_original_fen=5990,
            lowest_7d_fen=3990,
            today=TODAY,
        )
    assert item.price_check.state == "higher_than_7d_lowest" and item.price_check.excess_fen == 2000
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_to_lineup(s, owner, live, product, live_price_fen=1990, today=TODAY)
    assert caught.value.field == "product_id"  # already in the lineup


def test_negative_live_price_names_the_field(tmp_db, owner, product):
    live = _live_session(tmp_db, owner)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as s:
        add_to_lineup(s, owner, live, product, live_price_fen=-5, today=TODAY)
    assert caught.value.field == "live_price_fen"


def test_a_host_may_not_plan_the_lineup(tmp_db, owner, product):
    host = _staff(tmp_db, owner, Role.HOST)
    live = _live_session(tmp_db, owner)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(host) as s:
        add_to_lineup(s, host, live, product, live_price_fen=100, today=TODAY)
