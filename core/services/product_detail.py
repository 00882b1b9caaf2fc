"""The 商品与资质 page's other reads: one product's detail (fields, readiness with why and basis, papers on file),
the suppliers, and what the dialogs' pickers offer from the active ``documents`` rule.

Basis: 直播电商监督管理办法 (2026) and SAMR 国市监广〔2020〕175号 — the room operator verifies each product's
qualifications before the stream (DOMAIN.md §2); which papers a category needs, and why, is rule data with
citations. Reads only; no permission needed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import Document, Product, Supplier, VaultFile
from core.domain.readiness import Holder, Paper, State, categories, paper_state
from core.errors import InvalidInput
from core.services.catalog import (
    ProductInfo,
    ProductReadiness,
    SupplierInfo,
    conditions_of,
    documents_rule,
    get_product,
    product_readiness_view,
)

i18n.register(
    {
        "product_detail.why.category": (
            "“{category}”类商品都须具备",
            "Every product in the “{category}” category needs it",
        ),
        "product_detail.why.condition": (
            "商品属于“{condition}”（{because}），因此须具备",
            "Needed because the product counts as “{condition}” ({because})",
        ),
        "product_detail.because.branded": ("填写了品牌", "it has a brand"),
    }
)


@dataclass(frozen=True)
class PaperOnFile:
    """A paper held for the product or its supplier, as the detail panel lists it."""

    id: int
    doc_type: str
    name_zh: str
    name_en: str
    holder: Holder
    holder_name: str
    number: str
    issued_on: date | None
    expires_on: date | None
    file_name: str  # the original name of its vault file; "" when no file was attached
    vault_sha256: str | None
    state: State
    days_left: int | None

    @property
    def name(self) -> str:
        return self.name_en if i18n.language() == "en" else self.name_zh


@dataclass(frozen=True)
class ProductDetail:
    """Everything the detail panel shows: fields, supplier, readiness (with basis) and the papers on file."""

    product: ProductInfo
    supplier: SupplierInfo | None
    readiness: ProductReadiness | None  # None when the active rule no longer knows the category
    readiness_problem: str  # why there is no readiness ("" when there is one)
    # requirement code -> why this product needs it (its category, or a condition it meets)
    why: dict[str, str]
    papers: tuple[PaperOnFile, ...]


@dataclass(frozen=True)
class DocTypeChoice:
    """A paper type the add-paper dialog offers: its code, name, who holds it and whether it expires."""

    code: str
    name: str
    holder: Holder
    expires: bool  # the rule expects an expiry date on this paper


@dataclass(frozen=True)
class CatalogChoices:
    """What the pickers offer: the rule's categories and paper types, and the suppliers."""

    categories: tuple[tuple[str, str], ...]  # (key, name in the current language), in the rule's order
    doc_types: tuple[DocTypeChoice, ...]
    suppliers: tuple[SupplierInfo, ...]
    warn_days: int


def _supplier_info(row: Supplier) -> SupplierInfo:
    return SupplierInfo(row.id, row.name, row.credit_code, row.contact, row.note, row.active)


def list_suppliers(session: Session, *, include_inactive: bool = True) -> list[SupplierInfo]:
    """Suppliers by name (inactive ones too unless ``include_inactive`` is false)."""
    query = select(Supplier).order_by(Supplier.name, Supplier.id)
    if not include_inactive:
        query = query.where(Supplier.active.is_(True))
    return [_supplier_info(row) for row in session.scalars(query)]


def catalog_choices(session: Session) -> CatalogChoices:
    """The categories and paper types of the active documents rule, and the suppliers, for the dialogs' pickers."""
    data = documents_rule(session)
    english = i18n.language() == "en"
    doc_types = tuple(
        DocTypeChoice(code, req["name_en" if english else "name_zh"], req["holder"], bool(req["expires"]))
        for code, req in data["requirements"].items()
    )
    return CatalogChoices(
        categories=tuple(categories(data).items()),
        doc_types=doc_types,
        suppliers=tuple(list_suppliers(session)),
        warn_days=int(data["warn_days_before_expiry"]),
    )


def _why(data: dict[str, Any], product: Product) -> dict[str, str]:
    """For each code the product needs: a sentence naming the category or the condition that brings it."""
    english = i18n.language() == "en"
    reasons: dict[str, str] = {}
    for condition in conditions_of(product):
        body = data.get("conditions", {}).get(condition)
        if body is None:
            continue
        name = body["name_en" if english else "name_zh"]
        key = f"product_detail.because.{condition}"
        because = i18n.t(key) if key in i18n.CATALOG else name
        for code in body["requires"]:
            reasons[code] = i18n.t("product_detail.why.condition", condition=name, because=because)
    category = data["categories"].get(product.category)
    if category is not None:
        name = category["name_en" if english else "name_zh"]
        for code in category["requires"]:
            reasons[code] = i18n.t("product_detail.why.category", category=name)
    return reasons


def product_detail(session: Session, product_id: int, *, today: date) -> ProductDetail:
    """One product's fields, its supplier, its readiness on ``today`` and its papers and its supplier's.

    Papers are listed newest expiry first within each holder (the product's own first); each carries its
    state on ``today`` and the original name of its vault file. Unknown product → InvalidInput (``product_id``).
    """
    row = get_product(session, product_id)
    data = documents_rule(session)
    warn_days = int(data["warn_days_before_expiry"])
    product = ProductInfo(
        row.id, row.sku, row.name, row.category, row.brand, row.supplier_id, row.list_price_fen,
        row.three_guarantees, row.active,
    )  # fmt: skip
    supplier_row = session.get(Supplier, row.supplier_id) if row.supplier_id is not None else None
    owner = Document.product_id == row.id
    if row.supplier_id is not None:
        owner = owner | (Document.supplier_id == row.supplier_id)
    query = (
        select(Document, VaultFile.original_name)
        .outerjoin(VaultFile, VaultFile.sha256 == Document.vault_sha256)
        .where(owner)
        .order_by(Document.product_id.is_(None), Document.doc_type, Document.expires_on.desc(), Document.id)
    )
    papers = []
    for doc, file_name in session.execute(query):
        holder: Holder = "product" if doc.product_id is not None else "supplier"
        state, days_left = paper_state(
            Paper(doc.doc_type, holder, doc.number, doc.issued_on, doc.expires_on),
            today=today,
            warn_days=warn_days,
        )
        req: dict[str, Any] = data["requirements"].get(doc.doc_type, {})
        papers.append(
            PaperOnFile(
                id=doc.id, doc_type=doc.doc_type, name_zh=req.get("name_zh", doc.doc_type),
                name_en=req.get("name_en", doc.doc_type), holder=holder,
                holder_name=row.name if holder == "product" else (supplier_row.name if supplier_row else ""),
                number=doc.number, issued_on=doc.issued_on, expires_on=doc.expires_on,
                file_name=file_name or "", vault_sha256=doc.vault_sha256, state=state, days_left=days_left,
            )
        )  # fmt: skip
    try:
        readiness, problem = product_readiness_view(session, row.id, today=today), ""
    except InvalidInput as exc:  # a category or condition the owner's edited rule dropped
        readiness, problem = None, str(exc)
    return ProductDetail(
        why=_why(data, row),
        product=product,
        supplier=_supplier_info(supplier_row) if supplier_row is not None else None,
        readiness=readiness,
        readiness_problem=problem,
        papers=tuple(papers),
    )
