"""Papers of suppliers and products (资质文件): adding them with their file, and the dashboard's expiry warnings.

Basis: 直播电商监督管理办法 (2026) — the room operator verifies licences and product qualifications before each
stream and keeps the records at least three years; DOMAIN.md §2 — warn before a paper expires (the number of days
is ``warn_days_before_expiry`` in the ``documents`` rule data).

Contract of :func:`add_document`: ``products.edit``; the paper type must be a requirement of the rule data and
belong to the holder kind the rule names; bad dates, an unreadable or oversize file (``max_document_mb``) raise
:class:`InvalidInput` naming the field before anything is written; the document row, its vault file record and
its ``document.added`` ledger entry are written together inside a savepoint of the caller's unit of work, so a
failure leaves none of them (and no newly copied vault file).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, cast

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from core import i18n, ledger, vault
from core.db.models import Document, Product, Supplier, VaultFile
from core.domain.readiness import Holder
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import documents_rule, get_product, get_supplier

i18n.register(
    {
        "documents.bad_holder": (
            "证照持有方只能是供应商（supplier）或商品（product），而不是“{holder}”",
            "A paper belongs to a supplier or a product, not “{holder}”",
        ),
        "documents.unknown_type": (
            "没有名为“{doc_type}”的证照类型；可用的类型：{known}",
            "There is no document type “{doc_type}”; known types: {known}",
        ),
        "documents.wrong_holder": (
            "“{name}”应登记在{holder}名下",
            "“{name}” is held by the {holder}; add it there",
        ),
        "documents.holder.supplier": ("供应商", "supplier"),
        "documents.holder.product": ("商品", "product"),
        "documents.not_a_date": (
            "{label}“{value}”不是有效日期，请按 YYYY-MM-DD 填写",
            "The {label} “{value}” is not a date; use YYYY-MM-DD",
        ),
        "documents.field.issued_on": ("发证日期", "issue date"),
        "documents.field.expires_on": ("有效期至", "expiry date"),
        "documents.expiry_before_issue": (
            "有效期至（{expires}）早于发证日期（{issued}）",
            "The expiry date ({expires}) is before the issue date ({issued})",
        ),
        "documents.number_too_long": (
            "证照编号最多 100 个字符",
            "The document number may have at most 100 characters",
        ),
        "documents.file_unreadable": (
            "无法读取证照文件 {path}：{reason}",
            "The document file {path} cannot be read: {reason}",
        ),
        "documents.file_not_file": ("{path} 不是文件", "{path} is not a file"),
        "documents.file_too_large": (
            "证照文件 {path} 有 {size_mb} MB，超过上限 {limit_mb} MB；请压缩或分页扫描后再上传",
            "The document file {path} is {size_mb} MB, above the {limit_mb} MB limit; compress it or scan fewer "
            "pages",
        ),
    }
)

DEFAULT_MAX_DOCUMENT_MB = 20  # used only when an owner-edited rule copy predates the max_document_mb key


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    doc_type: str
    holder: Holder
    holder_id: int
    number: str
    issued_on: date | None
    expires_on: date | None
    vault_sha256: str | None


@dataclass(frozen=True)
class ExpiringDocument:
    """A paper on the dashboard: lapsed, or expiring within the rule's warning window."""

    document_id: int
    doc_type: str
    name_zh: str
    name_en: str
    holder: Holder
    holder_id: int
    holder_name: str
    number: str
    expires_on: date
    days_left: int  # 0 on the last valid day, negative once lapsed
    state: Literal["expiring", "lapsed"]
    basis: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.name_en if i18n.language() == "en" else self.name_zh


def _date(value: Any, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        label = i18n.t(f"documents.field.{field}")
        raise InvalidInput(i18n.t("documents.not_a_date", value=value, label=label), field=field) from None


# i18n keys for the three refusals of :func:`check_upload`: not a file, unreadable, too large.
PAPER_FILE_MESSAGES = ("documents.file_not_file", "documents.file_unreadable", "documents.file_too_large")


def check_upload(path: Path, limit_mb: float, messages: tuple[str, str, str] = PAPER_FILE_MESSAGES) -> None:
    """Refuse a file that cannot be read or is above the limit, before anything is copied (``field="file"``).

    ``messages`` names the i18n keys to use, so papers and checklist evidence each speak of their own file.
    """
    not_file, unreadable, too_large = messages
    try:
        if not path.is_file():
            raise InvalidInput(i18n.t(not_file, path=path), field="file")
        size = path.stat().st_size
        with path.open("rb") as handle:
            handle.read(1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise InvalidInput(i18n.t(unreadable, path=path, reason=reason), field="file") from exc
    if size > limit_mb * 1024 * 1024:
        raise InvalidInput(
            i18n.t(too_large, path=path, size_mb=f"{size / 1048576:.1f}", limit_mb=f"{limit_mb:g}"),
            field="file",
        )


def add_document(
    session: Session,
    actor: Actor,
    vault_dir: Path,
    *,
    holder: str,
    holder_id: int,
    doc_type: str,
    number: str = "",
    issued_on: date | str | None = None,
    expires_on: date | str | None = None,
    file: Path | None = None,
) -> DocumentInfo:
    """Add a paper for a supplier or a product, with its file copied into the vault (see the module contract)."""
    require(actor, "products.edit")
    data = documents_rule(session)
    if holder not in ("supplier", "product"):
        raise InvalidInput(i18n.t("documents.bad_holder", holder=holder), field="holder")
    requirement = data["requirements"].get(doc_type)
    if requirement is None:
        known = "、".join(data["requirements"])
        raise InvalidInput(i18n.t("documents.unknown_type", doc_type=doc_type, known=known), field="doc_type")
    if requirement["holder"] != holder:
        name = requirement["name_en" if i18n.language() == "en" else "name_zh"]
        shown = i18n.t(f"documents.holder.{requirement['holder']}")
        raise InvalidInput(i18n.t("documents.wrong_holder", name=name, holder=shown), field="holder")
    holder_row = get_supplier(session, holder_id) if holder == "supplier" else get_product(session, holder_id)
    number = (number or "").strip()
    if len(number) > 100:
        raise InvalidInput(i18n.t("documents.number_too_long"), field="number")
    issued, expires = _date(issued_on, "issued_on"), _date(expires_on, "expires_on")
    if issued and expires and expires < issued:
        raise InvalidInput(
            i18n.t("documents.expiry_before_issue", expires=expires, issued=issued), field="expires_on"
        )
    source = Path(file) if file is not None else None
    if source is not None:
        check_upload(source, float(data.get("max_document_mb", DEFAULT_MAX_DOCUMENT_MB)))

    # A file neither the vault nor its table knew yet is removed again if the savepoint rolls back.
    fresh_file: Path | None = None
    if source is not None:
        with source.open("rb") as handle:
            sha_ahead = hashlib.file_digest(handle, "sha256").hexdigest()
        if session.get(VaultFile, sha_ahead) is None and not vault.path_for(vault_dir, sha_ahead).exists():
            fresh_file = vault.path_for(vault_dir, sha_ahead)
    try:
        with session.begin_nested():
            sha = None
            if source is not None:
                try:
                    sha = vault.store_file(session, vault_dir, source, actor)
                except OSError as exc:
                    raise InvalidInput(str(exc), field="file") from exc
            row = Document(
                doc_type=doc_type,
                number=number,
                issued_on=issued,
                expires_on=expires,
                supplier_id=holder_row.id if holder == "supplier" else None,
                product_id=holder_row.id if holder == "product" else None,
                vault_sha256=sha,
                added_by=actor.user_id,
            )
            session.add(row)
            session.flush()
            ledger.append(
                session,
                actor,
                "document.added",
                subject_type="document",
                subject_id=row.id,
                data={
                    "doc_type": doc_type,
                    "holder": holder,
                    "holder_id": holder_row.id,
                    "vault_sha256": sha,
                },
            )
    except BaseException:
        if fresh_file is not None:
            _remove_quietly(fresh_file)
        raise
    return DocumentInfo(row.id, doc_type, cast(Holder, holder), holder_row.id, number, issued, expires, sha)


def _remove_quietly(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
        path.unlink()
    except OSError:
        pass


def expiring_documents(session: Session, *, today: date) -> list[ExpiringDocument]:
    """Papers of active suppliers and products that lapsed or expire within ``warn_days_before_expiry`` days.

    A paper is left out when the same holder has a paper of the same type that expires later (or never): a
    renewed licence silences the old one, and only the renewal is judged. Soonest first.
    """
    data = documents_rule(session)
    warn_days = int(data["warn_days_before_expiry"])
    horizon = today + timedelta(days=warn_days)
    candidates = session.scalars(
        select(Document).where(Document.expires_on.is_not(None), Document.expires_on <= horizon)
    ).all()
    if not candidates:
        return []
    # The latest expiry per holder and type (None: one copy never expires). Only the copy that carries it is
    # judged: an older copy is superseded by its renewal, whether the renewal is good or itself expiring.
    latest: dict[tuple[int | None, int | None, str], date | None] = {}
    for supplier_id, product_id, doc_type, last, open_ended in session.execute(
        select(
            Document.supplier_id,
            Document.product_id,
            Document.doc_type,
            func.max(Document.expires_on),
            func.max(case((Document.expires_on.is_(None), 1), else_=0)),
        )
        .where(Document.doc_type.in_({d.doc_type for d in candidates}))
        .group_by(Document.supplier_id, Document.product_id, Document.doc_type)
    ):
        latest[(supplier_id, product_id, doc_type)] = None if open_ended else last
    suppliers = {s.id: s for s in session.scalars(select(Supplier).where(Supplier.active.is_(True)))}
    product_ids = {d.product_id for d in candidates if d.product_id is not None}
    products = {
        p.id: p
        for p in session.scalars(select(Product).where(Product.id.in_(product_ids), Product.active.is_(True)))
    }
    found: list[ExpiringDocument] = []
    for doc in candidates:
        if latest.get((doc.supplier_id, doc.product_id, doc.doc_type), doc.expires_on) != doc.expires_on:
            continue
        if doc.product_id is not None:
            holder: Holder = "product"
            holder_row: Any = products.get(doc.product_id)
        else:
            holder, holder_row = "supplier", suppliers.get(doc.supplier_id)
        if holder_row is None:
            continue
        requirement = data["requirements"].get(doc.doc_type, {})
        assert doc.expires_on is not None
        days_left = (doc.expires_on - today).days
        found.append(
            ExpiringDocument(
                document_id=doc.id,
                doc_type=doc.doc_type,
                name_zh=requirement.get("name_zh", doc.doc_type),
                name_en=requirement.get("name_en", doc.doc_type),
                holder=holder,
                holder_id=holder_row.id,
                holder_name=holder_row.name,
                number=doc.number,
                expires_on=doc.expires_on,
                days_left=days_left,
                state="lapsed" if days_left < 0 else "expiring",
                basis=tuple(requirement.get("basis", ())),
            )
        )
    found.sort(key=lambda e: (e.expires_on, e.holder_name, e.document_id))
    return found
