"""The products list as a Qt model, and how paper states read and look (shared by the page and its detail panel).

A :class:`ProductTableModel` holds core ``ProductRow`` values and answers ``data()`` only for the rows the view
paints, so 5,000 products cost one list, not 40,000 widgets. Sorting is a Python sort of that list.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from core.services.product_list import STATE_ORDER
from ui.money import yuan

STATE_COLOURS = {
    "ok": "#166534",
    "expiring": "#b45309",
    "missing": "#b91c1c",
    "invalid": "#b91c1c",
    "unknown": "#52606d",
    "lapsed": "#991b1b",
}
STATE_BACKGROUNDS = {"lapsed": "#fde2e2", "missing": "#fff1f1", "invalid": "#fff1f1", "expiring": "#fff7e6"}
SEVERITY = {state: rank for rank, state in enumerate(STATE_ORDER)}  # core's order, best to worst


def state_name(state: str) -> str:
    """A product's overall paper state as staff say it (齐全 / 即将过期 / 缺资质 / 已过期 …)."""
    names = {
        "ok": QCoreApplication.translate("ProductStates", "Complete"),
        "expiring": QCoreApplication.translate("ProductStates", "Expiring soon"),
        "missing": QCoreApplication.translate("ProductStates", "Papers missing"),
        "invalid": QCoreApplication.translate("ProductStates", "Date error"),
        "unknown": QCoreApplication.translate("ProductStates", "Unknown category"),
        "lapsed": QCoreApplication.translate("ProductStates", "Lapsed"),
    }
    return names.get(state, state)


def paper_state_text(state: str, days_left: int | None, expires_on: date | None) -> str:
    """One required paper's standing: missing, expiring in N days, lapsed N days ago, valid, or a date error."""
    day = expires_on.isoformat() if expires_on else ""
    if state == "missing":
        return QCoreApplication.translate("ProductStates", "Missing")
    if state == "invalid":
        return QCoreApplication.translate("ProductStates", "Expiry date before issue date")
    if state == "lapsed" and days_left is not None:
        return (
            QCoreApplication.translate("ProductStates", "Lapsed %1 days ago (%2)")
            .replace("%1", str(-days_left))
            .replace("%2", day)
        )
    if state == "expiring" and days_left is not None:
        if days_left == 0:
            return QCoreApplication.translate("ProductStates", "Expires today (%1)").replace("%1", day)
        return (
            QCoreApplication.translate("ProductStates", "Expires in %1 days (%2)")
            .replace("%1", str(days_left))
            .replace("%2", day)
        )
    if expires_on is None:
        return QCoreApplication.translate("ProductStates", "Valid, no expiry")
    return QCoreApplication.translate("ProductStates", "Valid until %1").replace("%1", day)


class ProductTableModel(QAbstractTableModel):
    """Rows of core ``ProductRow``; the paper-state column is coloured, lapsed rows tinted."""

    SKU, NAME, CATEGORY, BRAND, SUPPLIER, PRICE, STATE, EXPIRY = range(8)
    DEFAULT_SORT = (STATE, Qt.SortOrder.DescendingOrder)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.today: date | None = None
        self.headers = [
            self.tr("SKU"),
            self.tr("Name"),
            self.tr("Category"),
            self.tr("Brand"),
            self.tr("Supplier"),
            self.tr("List price"),
            self.tr("Papers"),
            self.tr("Next expiry"),
        ]
        self._sort: tuple[int, Qt.SortOrder] = self.DEFAULT_SORT
        self._brushes = {k: QBrush(QColor(v)) for k, v in STATE_COLOURS.items()}
        self._backgrounds = {k: QBrush(QColor(v)) for k, v in STATE_BACKGROUNDS.items()}
        self._bold = QFont()
        self._bold.setBold(True)
        self._state_names = {state: state_name(state) for state in STATE_COLOURS}

    def set_rows(self, rows: Sequence[Any], today: date | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.today = today
        if self._sort != self.DEFAULT_SORT:  # core lists worst first, then by SKU: the default order already
            self._apply_sort()
        self.endResetModel()

    def row_at(self, row: int) -> Any | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of(self, product_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == product_id), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def _text(self, r: Any, column: int) -> str:
        if column == self.SKU:
            return r.sku
        if column == self.NAME:
            return r.name if r.active else self.tr("%1 (inactive)").replace("%1", r.name)
        if column == self.CATEGORY:
            return r.category_name
        if column == self.BRAND:
            return r.brand
        if column == self.SUPPLIER:
            return r.supplier_name
        if column == self.PRICE:
            return yuan(r.list_price_fen) if r.list_price_fen is not None else ""
        if column == self.STATE:
            name = self._state_names.get(r.state, r.state)
            return f"{name} ({r.problem_count})" if r.state != "ok" and r.problem_count > 1 else name
        return r.next_expiry.isoformat() if r.next_expiry else ""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(r, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATE or (column == self.EXPIRY and r.state in ("expiring", "lapsed")):
                return self._brushes.get(r.state)
            if not r.active:
                return self._brushes["unknown"]
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE:
            return self._backgrounds.get(r.state)
        if role == Qt.ItemDataRole.FontRole and column == self.STATE and r.state == "lapsed":
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PRICE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATE and r.problem_count:
            return self.tr("%1 required papers need attention").replace("%1", str(r.problem_count))
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self.beginResetModel()
        self._apply_sort()
        self.endResetModel()

    def _apply_sort(self) -> None:
        """Sort by the chosen column; ties stay in SKU order either way (Python's sort is stable, reversed too)."""
        column, order = self._sort
        far = date.max
        keys = {
            self.SKU: lambda r: r.sku,
            self.PRICE: lambda r: (r.list_price_fen is None, r.list_price_fen or 0),
            self.STATE: lambda r: SEVERITY.get(r.state, 0),
            self.EXPIRY: lambda r: r.next_expiry or far,
        }
        self.rows.sort(key=lambda r: r.sku)
        if column != self.SKU or order == Qt.SortOrder.DescendingOrder:
            key = keys.get(column, lambda r: self._text(r, column))
            self.rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
