"""A table model whose rows each carry a state that colours them (the ticket queue, the incident register).

Subclasses fill ``rows`` and ``states``, and give :meth:`headers`, :meth:`text` and :meth:`_tooltip`; the colours are
passed in as ``{state: "#rrggbb"}`` for the text and the background. Each row's state is also its ``UserRole``, so
tests and delegates read the state a person sees.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor


class StateTableModel(QAbstractTableModel):
    def __init__(self, colours: dict[str, str], backgrounds: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.states: list[str] = []
        self._fore = {k: QBrush(QColor(v)) for k, v in colours.items()}
        self._back = {k: QBrush(QColor(v)) for k, v in backgrounds.items()}

    def headers(self) -> list[str]:
        raise NotImplementedError

    def text(self, row: int, column: int) -> str:
        raise NotImplementedError

    def _tooltip(self, row: int, column: int) -> str:
        return ""

    def row_of(self, item_id: int | None) -> int | None:
        """The row showing the item with this id, or None."""
        return next((i for i, r in enumerate(self.rows) if r.id == item_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        state = self.states[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._fore.get(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._back.get(state)
        if role == Qt.ItemDataRole.UserRole:
            return state
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None
