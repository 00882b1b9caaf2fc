"""The dashboard's paper warnings judge only the latest copy of a paper (直播电商监督管理办法: papers checked before
each stream; DOMAIN §2: warn before expiry)."""

from __future__ import annotations

from datetime import date

from core.paths import vault_dir_for
from core.services import catalog
from core.services.catalog_documents import add_document, expiring_documents

TODAY = date(2026, 12, 1)


def _conformity(tmp_db, owner, product_id: int, expires_on: date, number: str) -> None:
    with tmp_db.unit_of_work(owner) as s:
        add_document(
            s, owner, vault_dir_for(tmp_db.path), holder="product", holder_id=product_id,
            doc_type="conformity_certificate", number=number, issued_on=date(2025, 1, 1), expires_on=expires_on,
        )  # fmt: skip


def test_a_renewal_that_is_itself_expiring_replaces_the_lapsed_copy_in_the_warnings(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as s:
        pid = catalog.add_product(s, owner, sku="SKU-9", name="竹纤维浴巾", category="general").id
    _conformity(tmp_db, owner, pid, date(2026, 11, 1), "OLD")
    _conformity(tmp_db, owner, pid, date(2026, 12, 20), "NEW")  # renewed, but for a short term
    with tmp_db.sessions() as s:
        found = expiring_documents(s, today=TODAY)
    assert [(e.number, e.state, e.days_left) for e in found] == [("NEW", "expiring", 19)]
