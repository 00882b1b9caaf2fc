"""The KPI table of the 服务评价 page (this month, last month, change with an arrow coloured by the definition's
``better``), the breakdown table (groups × KPIs) and the definition dialog (definition, basis, denominator)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

GOOD, BAD, SAME = "#1e7a3c", "#b3261e", "#5f6368"


def format_value(value: Any, unit: str) -> str:
    """A KPI value as people read it: rates as percentages, hours with h, counts whole; "—" for no data."""
    if value is None:
        return "—"
    if unit == "ratio":
        return f"{value * 100:.1f}%"
    if unit == "hours":
        return QCoreApplication.translate("KpiTable", "%1 h").replace("%1", f"{value:.2f}")
    if unit == "count":
        return str(int(value))
    return f"{value:.2f}"


def format_change(change: Any, unit: str) -> str:
    if change is None:
        return "—"
    if change == 0:
        return QCoreApplication.translate("KpiTable", "unchanged")
    arrow = "▲" if change > 0 else "▼"
    if unit == "ratio":
        return (
            arrow
            + " "
            + QCoreApplication.translate("KpiTable", "%1 pts").replace("%1", f"{abs(change) * 100:.1f}")
        )
    return f"{arrow} {format_value(abs(change), unit)}"


def change_colour(change: Any, better: str) -> str:
    """Green when the change goes the way the definition calls better, red the other way, grey for none."""
    if not change:
        return SAME
    return GOOD if (change > 0) == (better == "higher") else BAD


def denominator_names() -> dict[str, str]:
    return {
        "sessions_live": QCoreApplication.translate("KpiTable", "sessions that went live"),
        "promises": QCoreApplication.translate("KpiTable", "promises made"),
        "promises_binding": QCoreApplication.translate(
            "KpiTable", "binding promises (corrections and retractions left out)"
        ),
        "orders": QCoreApplication.translate("KpiTable", "orders paid this month"),
        "tickets": QCoreApplication.translate("KpiTable", "tickets opened this month"),
        "tickets_responded": QCoreApplication.translate("KpiTable", "tickets with a first response"),
        "tickets_response_due": QCoreApplication.translate(
            "KpiTable", "tickets whose first-response deadline fell due"
        ),
        "tickets_resolved": QCoreApplication.translate("KpiTable", "tickets resolved"),
        "tickets_decided": QCoreApplication.translate("KpiTable", "tickets decided (resolved or rejected)"),
        "refunds_due": QCoreApplication.translate("KpiTable", "refunds that fell due"),
        "tickets_scored": QCoreApplication.translate("KpiTable", "tickets rated by the buyer"),
        "incident_clocks": QCoreApplication.translate("KpiTable", "incident clocks that fell due"),
        "corrective_due": QCoreApplication.translate("KpiTable", "corrective actions due"),
    }


class DefinitionDialog(QDialog):
    """What a KPI means: its definition, legal or standard basis, denominator (with this month's count) and
    which direction is better."""

    def __init__(self, definition: Any, counts: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(definition.name)
        self.setMinimumWidth(460)
        form = QFormLayout()
        rows = [
            (self.tr("Definition"), definition.definition),
            (self.tr("Basis"), definition.basis),
        ]
        if definition.denominator:
            what = denominator_names().get(definition.denominator, definition.denominator)
            count = counts.get(definition.denominator)
            if count is not None:
                what = self.tr("%1 (this month: %2)").replace("%1", what).replace("%2", str(count))
            rows.append((self.tr("Denominator"), what))
        better = self.tr("higher is better") if definition.better == "higher" else self.tr("lower is better")
        rows.append((self.tr("Direction"), better))
        if definition.confidence:
            rows.append((self.tr("Confidence"), definition.confidence))
        self.texts: dict[str, QLabel] = {}
        for name, text in rows:
            label = QLabel(text)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(name, label)
            self.texts[name] = label
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        heading = QLabel(definition.name)
        heading.setObjectName("dialogHeading")
        column.addWidget(heading)
        column.addLayout(form)
        column.addWidget(buttons)

    def text(self) -> str:
        return "\n".join(label.text() for label in self.texts.values())


class KpiTable(QTableWidget):
    """指标 · 本月 · 上月 · 变化 · ⓘ. Double-click a row or press its ⓘ for the definition dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("kpiTable")
        self.setHorizontalHeaderLabels(
            [self.tr("KPI"), self.tr("This month"), self.tr("Last month"), self.tr("Change"), ""]
        )
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.cellDoubleClicked.connect(lambda row, _col: self.explain(row))
        self.definitions: dict[str, Any] = {}
        self.counts: dict[str, int] = {}
        self.keys: list[str] = []
        self.dialog: DefinitionDialog | None = None

    def show_rows(self, rows: tuple, definitions: dict[str, Any], counts: dict[str, int]) -> None:
        self.definitions, self.counts = definitions, counts
        self.keys = [row[0] for row in rows]
        self.setRowCount(len(rows))
        for index, (key, this, previous, change) in enumerate(rows):
            d = definitions.get(key)
            unit, better = (d.unit, d.better) if d else ("", "higher")
            cells = [
                d.name if d else key,
                format_value(this, unit),
                format_value(previous, unit),
                format_change(change, unit),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 3:
                    item.setForeground(QBrush(QColor(change_colour(change, better))))
                    item.setData(Qt.ItemDataRole.UserRole, change_colour(change, better))
                if column == 0 and d is not None:
                    item.setToolTip(d.definition)
                self.setItem(index, column, item)
            button = QToolButton()
            button.setText("ⓘ")
            button.setObjectName(f"explain_{key}")
            button.setToolTip(self.tr("What this KPI means and its basis"))
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, r=index: self.explain(r))
            self.setCellWidget(index, 4, button)
        self.setMinimumHeight(min(len(rows), 22) * self.verticalHeader().defaultSectionSize() + 30)

    def explain(self, row: int) -> DefinitionDialog | None:
        """Open the definition dialog of row ``row`` (non-modal; kept in ``self.dialog``)."""
        if not 0 <= row < len(self.keys) or self.keys[row] not in self.definitions:
            return None
        self.dialog = DefinitionDialog(self.definitions[self.keys[row]], self.counts, self)
        self.dialog.show()
        return self.dialog


class BreakdownTable(QTableWidget):
    """Groups (hosts, products, platforms or sessions) × KPIs of the month; "—" where a KPI cannot be split."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("breakdownTable")
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setDefaultSectionSize(96)
        self.setMinimumHeight(260)

    def show_groups(
        self, groups: dict[str, dict[str, Any]], names: dict[str, str], definitions: dict
    ) -> None:
        keys = list(definitions)
        self.clear()
        self.setColumnCount(len(keys))
        self.setRowCount(len(groups))
        self.setHorizontalHeaderLabels([definitions[k].name for k in keys])
        for column, key in enumerate(keys):
            self.horizontalHeaderItem(column).setToolTip(definitions[key].definition)
        self.setVerticalHeaderLabels([names.get(g, g) if g else self.tr("(none)") for g in groups])
        for row, values in enumerate(groups.values()):
            for column, key in enumerate(keys):
                item = QTableWidgetItem(format_value(values.get(key), definitions[key].unit))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, item)
