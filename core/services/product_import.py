"""商品导入 Import products from a spreadsheet (CSV/XLSX), all or nothing, with row-level errors.

Basis: DESIGN.md §Reliability — imports are all-or-nothing per file, say which row and column is wrong, and
re-importing the same file adds nothing. The file is read by :mod:`core.importers.product_sheet` (format,
encoding, column names from ``resources/templates/product_import.json``); this module checks every cell and
writes the products.

Contract:

- Each row is checked with the same rules as the product form (:func:`core.services.catalog._clean_product`:
  required name, lengths, price in fen not negative, supplier exists), plus what only a file has: 类目 may be the
  category key or its Chinese/English name from the documents rule, 供应商 is matched by name to a supplier on
  file, 标价(元) is yuan (``¥`` and thousands commas tolerated, at most two decimals), 三包 is 是/否 (words in
  the column table), a SKU may appear once per file.
- A row whose SKU is on file updates that product, field by field, for the columns the file has (an empty cell in
  a present column clears brand, supplier or price; a column the file lacks is left as it is). A row whose
  values all equal the product's writes nothing, so importing the same file twice adds and changes nothing.
  A new SKU adds a product and needs a category.
- :func:`preview_product_import` writes nothing and lists every problem (spreadsheet row number, the column's
  header as written in the file, a sentence). :func:`import_products` (``products.edit``) checks again and, on
  any problem, raises :class:`InvalidInput` naming the first row and column and writes nothing; otherwise it adds
  and updates in one savepoint. Added and changed products go through the ORM, so each gets its audit event
  (:mod:`core.db.audit`), plus one ``import`` event naming the file and the counts; an import that would change
  nothing writes nothing at all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db import audit
from core.db.models import Product, Supplier
from core.domain.money import yuan_text
from core.domain.readiness import categories
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.importers import product_sheet
from core.importers.cells import cell_text, yes_no, yuan_to_fen
from core.importers.product_sheet import Sheet, normalise, write_template
from core.services import catalog
from core.services.auth import require

__all__ = [
    "FieldChange",
    "ImportPreview",
    "ImportResult",
    "RowError",
    "RowUpdate",
    "import_products",
    "preview_product_import",
    "write_template",
]

i18n.register(
    {
        "product_import.unknown_category": (
            "没有名为“{value}”的类目；可用的类目：{known}",
            "There is no category “{value}”; known categories: {known}",
        ),
        "product_import.category_needed": (
            "新商品须填写类目（可用的类目：{known}）",
            "A new product needs a category (known categories: {known})",
        ),
        "product_import.unknown_supplier": (
            "没有名为“{value}”的供应商：请先在“商品与资质”里添加该供应商，或改成已有供应商的名称",
            "There is no supplier named “{value}”: add it under Products & papers first, or use the name of one on file",
        ),
        "product_import.ambiguous_supplier": (
            "有 {count} 个供应商都叫“{value}”：请先在“商品与资质”里改名区分",
            "{count} suppliers are named “{value}”: rename them under Products & papers to tell them apart",
        ),
        "product_import.duplicate_sku": (
            "商品编码“{sku}”在第 {first} 行和第 {row} 行重复：每个编码只能出现一次",
            "The SKU “{sku}” is on both row {first} and row {row}: each SKU may appear once",
        ),
        "product_import.refused": (
            "“{file}”未导入，没有写入任何商品：第 {row} 行“{column}”：{message}（共 {count} 处问题）",
            "“{file}” was not imported and nothing was written: row {row}, “{column}”: {message} ({count} problem(s) in all)",
        ),
    }
)

# catalog field -> the import column it comes from
_FIELD_COLUMN = {
    "sku": "sku",
    "name": "name",
    "category": "category",
    "brand": "brand",
    "supplier_id": "supplier",
    "list_price_fen": "list_price",
    "three_guarantees": "three_guarantees",
}
_IN_CHUNK = 500  # SKUs per IN (...) query


@dataclass(frozen=True)
class RowError:
    """One problem: spreadsheet row number (header = 1), the column's header as written, what is wrong."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class FieldChange:
    """One field an import would change, as a person reads it (column header as written, ``¥`` amounts as yuan)."""

    column: str
    before: str
    after: str


@dataclass(frozen=True)
class RowUpdate:
    """A row whose SKU is on file and whose values differ: what would change, so it can be read before importing."""

    row: int
    sku: str
    name: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ImportPreview:
    """What importing the file would do. Counts cover the rows without problems; ``updates`` lists each change."""

    file_name: str
    rows_total: int
    new: int
    updated: int
    unchanged: int
    errors: tuple[RowError, ...]
    updates: tuple[RowUpdate, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportResult:
    """What an import wrote, counted by product: added, updated, and rows that matched what is stored already."""

    file_name: str
    added: int
    updated: int
    unchanged: int


@dataclass
class _Plan:
    preview: ImportPreview
    new_rows: list[dict[str, Any]]
    changes: list[tuple[Product, dict[str, Any]]]


class _Checker:
    """What a row is checked against, loaded once per file (5,000 rows must not mean 5,000 rule reads)."""

    def __init__(self, session: Session, sheet: Sheet) -> None:
        self.session = session
        self.sheet = sheet
        rule = catalog.documents_rule(session)
        names = rule["categories"]
        self.category_label = categories(rule)  # key -> name in the current language
        self.category_names = (", " if i18n.language() == "en" else "、").join(self.category_label.values())
        self.categories: dict[str, str] = {}
        for key, body in names.items():
            for name in (key, body.get("name_zh", ""), body.get("name_en", "")):
                if name:
                    self.categories[normalise(name)] = key
        self.suppliers: dict[str, list[int]] = {}
        self.supplier_names: dict[int, str] = {}
        for supplier in session.scalars(select(Supplier)):  # also fills the identity map for get_supplier
            self.suppliers.setdefault(normalise(supplier.name), []).append(supplier.id)
            self.supplier_names[supplier.id] = supplier.name
        spec = product_sheet.import_spec()
        self.yes_no = {normalise(w): True for w in spec["yes"]} | {normalise(w): False for w in spec["no"]}

    def header(self, key: str) -> str:
        """The column's header as written in the file (its template name when the file lacks it)."""
        written = self.sheet.headers.get(key)
        if written is not None:
            return written
        return next(c.header for c in product_sheet.columns() if c.key == key)

    def shown(self, field: str, value: Any) -> str:
        """A field's value as the spreadsheet would show it (yuan, supplier and category names, 是/否)."""
        if value is None:
            return ""
        if field == "list_price_fen":
            return yuan_text(value)
        if field == "supplier_id":
            return self.supplier_names.get(value, str(value))
        if field == "category":
            return self.category_label.get(value, value)
        if isinstance(value, bool):
            return i18n.t("sheet.yes") if value else i18n.t("sheet.no")
        return str(value)

    def update(self, number: int, product: Product, changed: dict[str, Any]) -> RowUpdate:
        return RowUpdate(
            row=number,
            sku=product.sku,
            name=product.name,
            changes=tuple(
                FieldChange(
                    self.header(_FIELD_COLUMN[field]),
                    self.shown(field, getattr(product, field)),
                    self.shown(field, value),
                )
                for field, value in changed.items()
            ),
        )

    def existing(self, skus: Iterable[str]) -> dict[str, Product]:
        wanted = sorted(set(skus))
        found: dict[str, Product] = {}
        for start in range(0, len(wanted), _IN_CHUNK):
            chunk = wanted[start : start + _IN_CHUNK]
            for product in self.session.scalars(select(Product).where(Product.sku.in_(chunk))):
                found[product.sku] = product
        return found

    def _category(self, text: str, new: bool, given: dict[str, Any], errors: list[tuple[str, str]]) -> None:
        """类目: the rule's key or its name in either language; required for a new product, never emptied."""
        key = self.categories.get(normalise(text))
        if key is not None:
            given["category"] = key
        elif not text and new:
            errors.append(("category", i18n.t("product_import.category_needed", known=self.category_names)))
        elif not text:
            label = i18n.t("catalog.field.category")
            errors.append(("category", i18n.t("catalog.required", label=label)))
        else:
            message = i18n.t("product_import.unknown_category", value=text, known=self.category_names)
            errors.append(("category", message))

    def _supplier(self, text: str, given: dict[str, Any], errors: list[tuple[str, str]]) -> None:
        """供应商: empty means none; otherwise exactly one supplier on file with that name."""
        ids = self.suppliers.get(normalise(text), []) if text else [None]
        if len(ids) == 1:
            given["supplier_id"] = ids[0]
        elif not ids:
            errors.append(("supplier", i18n.t("product_import.unknown_supplier", value=text)))
        else:
            message = i18n.t("product_import.ambiguous_supplier", value=text, count=len(ids))
            errors.append(("supplier", message))

    def fields(self, values: dict[str, Any], errors: list[tuple[str, str]], *, new: bool) -> dict[str, Any]:
        """The row's product fields for the columns present; each bad cell appended to ``errors``."""
        given: dict[str, Any] = {}
        if "name" in values:
            given["name"] = cell_text(values["name"])
        if "brand" in values:
            given["brand"] = cell_text(values["brand"])
        if "category" in values:
            self._category(cell_text(values["category"]), new, given, errors)
        if "supplier" in values:
            self._supplier(cell_text(values["supplier"]), given, errors)
        for key, field, parse in (
            ("list_price", "list_price_fen", yuan_to_fen),
            ("three_guarantees", "three_guarantees", lambda v: yes_no(v, self.yes_no)),
        ):
            if key in values:
                try:
                    given[field] = parse(values[key])
                except ValueError as exc:
                    errors.append((key, str(exc)))
        clean: dict[str, Any] = {}
        for field, value in given.items():
            if field == "category":  # already resolved against the rule; catalog would re-read it per row
                clean[field] = value
                continue
            try:  # the product form's own rules, one field at a time so every bad cell is reported
                clean.update(catalog._clean_product(self.session, {field: value}, product_id=None))
            except InvalidInput as exc:
                errors.append((_FIELD_COLUMN.get(exc.field, field), str(exc)))
        return clean


def _plan(session: Session, path: Path | str) -> _Plan:
    sheet = product_sheet.read_sheet(path)
    check = _Checker(session, sheet)
    existing = check.existing(cell_text(row.values.get("sku")) for row in sheet.rows)
    errors: list[RowError] = []
    new_rows: list[dict[str, Any]] = []
    changes: list[tuple[Product, dict[str, Any]]] = []
    updates: list[RowUpdate] = []
    unchanged = 0
    first_row_of: dict[str, int] = {}
    for row in sheet.rows:
        problems: list[tuple[str, str]] = []
        sku = ""
        try:
            sku = catalog._text(cell_text(row.values.get("sku")), "sku", required=True)
        except InvalidInput as exc:
            problems.append(("sku", str(exc)))
        if sku in first_row_of:
            first = first_row_of[sku]
            problems.append(
                ("sku", i18n.t("product_import.duplicate_sku", sku=sku, first=first, row=row.number))
            )
        elif sku:
            first_row_of[sku] = row.number
        product = existing.get(sku)
        fields = check.fields(row.values, problems, new=product is None)
        if product is None and "category" not in fields and not any(k == "category" for k, _ in problems):
            problems.append(
                ("category", i18n.t("product_import.category_needed", known=check.category_names))
            )
        if problems:
            errors.extend(RowError(row.number, check.header(key), message) for key, message in problems)
        elif product is None:
            new_rows.append({"sku": sku, **fields})
        elif changed := {k: v for k, v in fields.items() if getattr(product, k) != v}:
            changes.append((product, changed))
            updates.append(check.update(row.number, product, changed))
        else:
            unchanged += 1
    preview = ImportPreview(
        file_name=sheet.file_name,
        rows_total=len(sheet.rows),
        new=len(new_rows),
        updated=len(changes),
        unchanged=unchanged,
        errors=tuple(errors),
        updates=tuple(updates),
    )
    return _Plan(preview, new_rows, changes)


def preview_product_import(session: Session, path: Path | str) -> ImportPreview:
    """What importing ``path`` would add, update and leave, and every problem; writes nothing.

    A file that cannot be used at all (type, encoding, columns, empty) raises InvalidInput naming the file.
    """
    return _plan(session, path).preview


def import_products(session: Session, actor: Actor, path: Path | str) -> ImportResult:
    """Import ``path`` (``products.edit``): all rows or none. See the module docstring for the rules."""
    require(actor, "products.edit")
    plan = _plan(session, path)
    preview = plan.preview
    if preview.errors:
        first = preview.errors[0]
        raise InvalidInput(
            i18n.t(
                "product_import.refused",
                file=preview.file_name,
                row=first.row,
                column=first.column,
                message=first.message,
                count=len(preview.errors),
            ),
            field=first.column,
            row=first.row,
        )
    if not plan.new_rows and not plan.changes:
        return ImportResult(
            preview.file_name, 0, 0, preview.unchanged
        )  # the same file again: nothing to write
    with session.begin_nested():
        defaults = {"brand": "", "supplier_id": None, "list_price_fen": None, "three_guarantees": False}
        session.add_all(Product(**(defaults | fields), active=True) for fields in plan.new_rows)
        for product, changed in plan.changes:
            for key, value in changed.items():
                setattr(product, key, value)
        audit.record(
            session,
            "import",
            "products",
            preview.file_name,
            file=preview.file_name,
            added=preview.new,
            updated=preview.updated,
            unchanged=preview.unchanged,
        )
        session.flush()
    return ImportResult(preview.file_name, preview.new, preview.updated, preview.unchanged)
