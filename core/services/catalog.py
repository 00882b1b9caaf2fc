"""Suppliers and products (商品与资质): adding and editing them, and each product's paper readiness.

Basis: 直播电商监督管理办法 (2026) and SAMR 国市监广〔2020〕175号 — before each stream the room operator verifies the
seller's licences and the products' qualifications (DOMAIN.md §2). Which category needs which papers is rule data
(``resources/rules/documents.json`` via :func:`core.rules.active_rule`); the judging is
:func:`core.domain.readiness.product_readiness`. Papers themselves are added in
:mod:`core.services.catalog_documents`; products join a lineup in :mod:`core.services.lineup`.

Contract: every change needs ``products.edit`` (checked here, whatever the UI hides) and runs in the caller's unit
of work; bad input raises :class:`InvalidInput` naming the field and writes nothing; money is integer fen. A
supplier's contact is a name and a masked phone at most (个人信息保护法 Art 6: personal data kept minimal): a full
number (seven or more digits in a row) is refused naming ``contact``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n, rules
from core.db.models import Document, Product, Supplier
from core.domain.readiness import Paper, Readiness, product_readiness
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.studio import check_credit_code

i18n.register(
    {
        "catalog.required": ("请填写“{label}”", "“{label}” is required"),
        "catalog.too_long": ("“{label}”最多 {n} 个字符", "“{label}” may have at most {n} characters"),
        "catalog.sku_taken": (
            "商品编码“{sku}”已被其他商品使用",
            "The SKU “{sku}” is already used by another product",
        ),
        "catalog.unknown_category": (
            "没有名为“{category}”的商品类别；可用的类别：{known}",
            "There is no product category “{category}”; known categories: {known}",
        ),
        "catalog.negative_price": (
            "“{label}”不能为负数（单位：分）",
            "“{label}” cannot be negative (in fen)",
        ),
        "catalog.not_integer": ("“{label}”须为整数（单位：分）", "“{label}” must be a whole number (in fen)"),
        "catalog.no_supplier": ("找不到编号为 {id} 的供应商", "There is no supplier number {id}"),
        "catalog.no_product": ("找不到编号为 {id} 的商品", "There is no product number {id}"),
        "catalog.unknown_field": ("没有名为“{field}”的资料项", "There is no field “{field}”"),
        "catalog.field.name": ("名称", "Name"),
        "catalog.field.sku": ("商品编码", "SKU"),
        "catalog.field.category": ("商品类别", "Category"),
        "catalog.field.brand": ("品牌", "Brand"),
        "catalog.field.contact": ("联系人", "Contact"),
        "catalog.field.list_price_fen": ("标价", "List price"),
        "catalog.field.note": ("备注", "Note"),
        "catalog.contact_unmasked": (
            "联系人只记姓名和打码的电话（如 王经理 138****1234），不要存完整号码",
            "Keep only a name and a masked phone as the contact (e.g. 王经理 138****1234), not the full number",
        ),
    }
)

_SUPPLIER_FIELDS = ("name", "credit_code", "contact", "note", "active")
# Seven or more digits in a row (spaces and dashes between them allowed) is a full phone number, not a masked one.
_UNMASKED_PHONE = re.compile(r"\d(?:[\s-]?\d){6,}")
_PRODUCT_FIELDS = (
    "sku", "name", "category", "brand", "supplier_id", "list_price_fen", "three_guarantees", "active",
)  # fmt: skip
_LENGTHS = {"name": 200, "sku": 64, "brand": 100, "contact": 100}


@dataclass(frozen=True)
class SupplierInfo:
    id: int
    name: str
    credit_code: str
    contact: str
    note: str
    active: bool


@dataclass(frozen=True)
class ProductInfo:
    id: int
    sku: str
    name: str
    category: str
    brand: str
    supplier_id: int | None
    list_price_fen: int | None
    three_guarantees: bool
    active: bool


@dataclass(frozen=True)
class ProductReadiness:
    """A product's readiness (its own papers and its supplier's) with what a page needs to show it."""

    product_id: int
    sku: str
    name: str
    category: str
    category_name: str
    supplier_id: int | None
    supplier_name: str
    readiness: Readiness


def documents_rule(session: Session) -> dict[str, Any]:
    """The active ``documents`` rule data (the owner's edited copy wins)."""
    return rules.active_rule(session, "documents")["data"]


def _text(value: Any, field: str, *, required: bool = False) -> str:
    text = "" if value is None else str(value).strip()
    label = i18n.t(f"catalog.field.{field}")
    if required and not text:
        raise InvalidInput(i18n.t("catalog.required", label=label), field=field)
    limit = _LENGTHS.get(field)
    if limit and len(text) > limit:
        raise InvalidInput(i18n.t("catalog.too_long", label=label, n=limit), field=field)
    return text


def check_fen(value: Any, field: str, label: str | None = None) -> int | None:
    """``value`` as a non-negative integer amount in fen (None stays None), or InvalidInput naming ``field``."""
    if value is None:
        return None
    shown = label or field
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidInput(i18n.t("catalog.not_integer", label=shown), field=field)
    if value < 0:
        raise InvalidInput(i18n.t("catalog.negative_price", label=shown), field=field)
    return value


def _category(session: Session, value: Any) -> str:
    category = _text(value, "category", required=True)
    known = documents_rule(session)["categories"]
    if category not in known:
        raise InvalidInput(
            i18n.t("catalog.unknown_category", category=category, known="、".join(known)), field="category"
        )
    return category


def _supplier_info(row: Supplier) -> SupplierInfo:
    return SupplierInfo(row.id, row.name, row.credit_code, row.contact, row.note, row.active)


def _product_info(row: Product) -> ProductInfo:
    return ProductInfo(
        row.id, row.sku, row.name, row.category, row.brand, row.supplier_id, row.list_price_fen,
        row.three_guarantees, row.active,
    )  # fmt: skip


def get_supplier(session: Session, supplier_id: int) -> Supplier:
    """The supplier row or InvalidInput naming ``supplier_id``."""
    row = session.get(Supplier, supplier_id) if supplier_id is not None else None
    if row is None:
        raise InvalidInput(i18n.t("catalog.no_supplier", id=supplier_id), field="supplier_id")
    return row


def get_product(session: Session, product_id: int) -> Product:
    """The product row or InvalidInput naming ``product_id``."""
    row = session.get(Product, product_id) if product_id is not None else None
    if row is None:
        raise InvalidInput(i18n.t("catalog.no_product", id=product_id), field="product_id")
    return row


def _unknown(fields: dict[str, Any], allowed: tuple[str, ...]) -> None:
    for name in fields:
        if name not in allowed:
            raise InvalidInput(i18n.t("catalog.unknown_field", field=name), field=name)


def _clean_supplier(fields: dict[str, Any]) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "name" in fields:
        clean["name"] = _text(fields["name"], "name", required=True)
    if "credit_code" in fields:
        clean["credit_code"] = check_credit_code(fields["credit_code"] or "")
    if "contact" in fields:
        contact = _text(fields["contact"], "contact")
        if _UNMASKED_PHONE.search(contact):  # personal data kept minimal (个人信息保护法 Art 6)
            raise InvalidInput(i18n.t("catalog.contact_unmasked"), field="contact")
        clean["contact"] = contact
    if "note" in fields:
        clean["note"] = _text(fields["note"], "note")
    if "active" in fields:
        clean["active"] = bool(fields["active"])
    return clean


def add_supplier(
    session: Session, actor: Actor, *, name: str, credit_code: str = "", contact: str = "", note: str = ""
) -> SupplierInfo:
    """Add a supplier (``products.edit``). The 统一社会信用代码 is checked (GB 32100-2015) when given."""
    require(actor, "products.edit")
    clean = _clean_supplier({"name": name, "credit_code": credit_code, "contact": contact, "note": note})
    row = Supplier(**clean, active=True)
    session.add(row)
    session.flush()
    return _supplier_info(row)


def update_supplier(session: Session, actor: Actor, supplier_id: int, **fields: Any) -> SupplierInfo:
    """Change some of a supplier's fields (``products.edit``): name, credit_code, contact, note, active."""
    require(actor, "products.edit")
    _unknown(fields, _SUPPLIER_FIELDS)
    row = get_supplier(session, supplier_id)
    for key, value in _clean_supplier(fields).items():
        setattr(row, key, value)
    session.flush()
    return _supplier_info(row)


def _clean_product(session: Session, fields: dict[str, Any], *, product_id: int | None) -> dict[str, Any]:
    clean: dict[str, Any] = {}
    if "sku" in fields:
        sku = _text(fields["sku"], "sku", required=True)
        clash = session.scalar(select(Product.id).where(Product.sku == sku, Product.id != (product_id or -1)))
        if clash is not None:
            raise InvalidInput(i18n.t("catalog.sku_taken", sku=sku), field="sku")
        clean["sku"] = sku
    if "name" in fields:
        clean["name"] = _text(fields["name"], "name", required=True)
    if "category" in fields:
        clean["category"] = _category(session, fields["category"])
    if "brand" in fields:
        clean["brand"] = _text(fields["brand"], "brand")
    if "supplier_id" in fields:
        supplier_id = fields["supplier_id"]
        clean["supplier_id"] = None if supplier_id is None else get_supplier(session, supplier_id).id
    if "list_price_fen" in fields:
        label = i18n.t("catalog.field.list_price_fen")
        clean["list_price_fen"] = check_fen(fields["list_price_fen"], "list_price_fen", label)
    for flag in ("three_guarantees", "active"):
        if flag in fields:
            clean[flag] = bool(fields[flag])
    return clean


def add_product(
    session: Session,
    actor: Actor,
    *,
    sku: str,
    name: str,
    category: str,
    supplier_id: int | None = None,
    brand: str = "",
    list_price_fen: int | None = None,
    three_guarantees: bool = False,
) -> ProductInfo:
    """Add a product (``products.edit``): SKU unique and non-empty, category known to the documents rule."""
    require(actor, "products.edit")
    given = {
        "sku": sku, "name": name, "category": category, "supplier_id": supplier_id, "brand": brand,
        "list_price_fen": list_price_fen, "three_guarantees": three_guarantees,
    }  # fmt: skip
    row = Product(**_clean_product(session, given, product_id=None), active=True)
    session.add(row)
    session.flush()
    return _product_info(row)


def update_product(session: Session, actor: Actor, product_id: int, **fields: Any) -> ProductInfo:
    """Change some of a product's fields (``products.edit``), validated as in :func:`add_product`."""
    require(actor, "products.edit")
    _unknown(fields, _PRODUCT_FIELDS)
    row = get_product(session, product_id)
    for key, value in _clean_product(session, fields, product_id=row.id).items():
        setattr(row, key, value)
    session.flush()
    return _product_info(row)


def papers_of(session: Session, product: Product) -> list[Paper]:
    """The product's own papers and its supplier's, as domain :class:`Paper` facts."""
    owner = Document.product_id == product.id
    if product.supplier_id is not None:
        owner = owner | (Document.supplier_id == product.supplier_id)
    return [
        Paper(
            doc_type=doc.doc_type,
            holder="product" if doc.product_id is not None else "supplier",
            number=doc.number,
            issued_on=doc.issued_on,
            expires_on=doc.expires_on,
        )
        for doc in session.scalars(select(Document).where(owner))
    ]


def conditions_of(product: Product) -> tuple[str, ...]:
    """Rule conditions a product meets: a product with a brand is ``branded`` (商标注册证 + 品牌授权书, DOMAIN §2)."""
    return ("branded",) if product.brand.strip() else ()


def product_readiness_view(session: Session, product_id: int, *, today: date) -> ProductReadiness:
    """Judge one product's papers (its own and its supplier's) on ``today`` against the active documents rule."""
    product = get_product(session, product_id)
    readiness = product_readiness(
        product.category,
        papers_of(session, product),
        today=today,
        rules=documents_rule(session),
        conditions=conditions_of(product),
    )
    supplier = session.get(Supplier, product.supplier_id) if product.supplier_id is not None else None
    return ProductReadiness(
        product_id=product.id,
        sku=product.sku,
        name=product.name,
        category=product.category,
        category_name=readiness.category_name_en if i18n.language() == "en" else readiness.category_name_zh,
        supplier_id=product.supplier_id,
        supplier_name=supplier.name if supplier is not None else "",
        readiness=readiness,
    )
