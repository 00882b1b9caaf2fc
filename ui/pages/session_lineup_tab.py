"""商品排期 tab of the Sessions page: the lineup with prices, the price-claim verdicts and the papers.

A claimed original price above the 7-day lowest, or with nothing to back it, is flagged in red with its basis
(明码标价和禁止价格欺诈规定 Art 16, DOMAIN.md §2) in the tooltip and in the detail line under the table. Writes happen
in the dialogs (one unit of work each); ``changed`` follows every write so the page reloads.
"""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.readiness import PROBLEMS_WORST_FIRST
from core.errors import StudioDeskError
from core.i18n import in_language
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.dialogs.lineup_add import LineupAddDialog, LineupPriceDialog
from ui.dialogs.lineup_copy import LineupCopyDialog
from ui.money import yuan
from ui.pages.product_table import STATE_COLOURS
from ui.qtcompat import emit
from ui.widgets import message_label, show_message

RED, GREEN = "#b91c1c", "#166534"
COLUMNS = 8


def price_verdict(check: Any) -> str:
    """The short verdict shown in the table for a core ``PriceClaimCheck``."""
    if check.state == "ok":
        return QCoreApplication.translate("LineupTab", "Backed")
    if check.state == "unbacked":
        return QCoreApplication.translate("LineupTab", "Unbacked claim")
    if check.state == "higher_than_7d_lowest":
        return QCoreApplication.translate("LineupTab", "%1 above the 7-day lowest").replace(
            "%1", yuan(check.excess_fen)
        )
    return QCoreApplication.translate("LineupTab", "No original price claimed")


def papers_state(view: Any) -> tuple[str, str | None]:
    """(text, colour) for a lineup item's papers, worst first: lapsed, invalid, missing, expiring, else ready."""
    readiness = view.readiness.readiness
    parts, colour = [], None
    labels = {
        "lapsed": QCoreApplication.translate("LineupTab", "Lapsed: %1"),
        "invalid": QCoreApplication.translate("LineupTab", "Invalid: %1"),
        "missing": QCoreApplication.translate("LineupTab", "Missing: %1"),
        "expiring": QCoreApplication.translate("LineupTab", "Expiring: %1"),
    }
    for state in PROBLEMS_WORST_FIRST:
        label = labels[state]
        found = readiness.in_state(state)
        if found:
            parts.append(label.replace("%1", "、".join(r.name for r in found)))
            colour = colour or STATE_COLOURS[state]  # the products page's colour for the same state
    text = "；".join(parts) or QCoreApplication.translate("LineupTab", "In order")
    if view.overridden:
        text += QCoreApplication.translate("LineupTab", " (let in by the owner: %1)").replace(
            "%1", view.override_reason
        )
    return text, colour


class LineupTab(QWidget):
    """The lineup table, its detail line and the add / copy / edit / remove buttons."""

    changed = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.items: list[Any] = []
        self.sources: list[Any] = []
        self.zone = ZoneInfo("Asia/Shanghai")
        self.editable = False
        self.dialog: QDialog | None = None
        self.ask = confirm  # swapped by tests

        self.summary = QLabel()
        self.summary.setObjectName("lineupSummary")
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("lineupTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Product"),
                self.tr("Live price"),
                self.tr("Claimed original"),
                self.tr("7-day lowest"),
                self.tr("Price check"),
                self.tr("Papers"),
                self.tr("Gift stock"),
            ]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        self.detail = QLabel()
        self.detail.setObjectName("lineupDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message = message_label()

        self.add_button = QPushButton(self.tr("Add product…"))
        self.add_button.clicked.connect(self.add_product)
        self.copy_button = QPushButton(self.tr("Copy from a past session…"))
        self.copy_button.clicked.connect(self.copy_from_past)
        self.edit_button = QPushButton(self.tr("Edit prices…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button = QPushButton(self.tr("Move up"))
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button = QPushButton(self.tr("Move down"))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        buttons = QHBoxLayout()
        for button in (
            self.add_button, self.copy_button, self.edit_button, self.remove_button, self.up_button, self.down_button,
        ):  # fmt: skip
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._enable()

    # -- showing -------------------------------------------------------------------------------------------------
    def show_lineup(
        self, session_id: int, items: list[Any], *, editable: bool, sources: list[Any], zone: ZoneInfo
    ) -> None:
        """Fill the table with core ``LineupItemView``s; ``sources`` are the sessions offered for copying."""
        previous = self.selected()
        keep = previous.id if previous is not None and session_id == self.session_id else None
        self.session_id, self.items, self.editable = session_id, list(items), editable
        self.sources, self.zone = list(sources), zone
        self.table.setRowCount(len(self.items))
        for row, view in enumerate(self.items):
            self._fill_row(row, view)
        flagged = sum(1 for v in self.items if v.price_check.flagged)
        papers = sum(1 for v in self.items if papers_state(v)[1] is not None)
        self.summary.setText(
            self.tr("%1 products · %2 price claims flagged · %3 with papers not in order")
            .replace("%1", str(len(self.items)))
            .replace("%2", str(flagged))
            .replace("%3", str(papers))
            if self.items
            else self.tr("No products yet: add them one by one or copy a past session's lineup.")
        )
        target = next((r for r, v in enumerate(self.items) if v.id == keep), None)
        if target is None:
            target = next(
                (r for r, v in enumerate(self.items) if v.price_check.flagged), 0 if self.items else -1
            )
        if target >= 0:
            self.table.setCurrentCell(target, 1)
        else:
            self.table.clearSelection()
        self._show_detail()
        self._enable()

    def _fill_row(self, row: int, view: Any) -> None:
        check = view.price_check
        lowest = yuan(view.lowest_7d_fen)
        if view.lowest_source == "earlier_sessions":
            lowest += self.tr(" (earlier sessions)")
        papers, papers_colour = papers_state(view)
        gift = self.tr("Checked") if view.gift_stock_confirmed else self.tr("Not checked")
        cells = [
            str(view.position),
            view.product_name,
            yuan(view.live_price_fen),
            yuan(view.claimed_original_fen),
            lowest,
            price_verdict(check),
            papers,
            gift,
        ]
        tip = f"{check.message}\n" + self.tr("Basis: %1").replace("%1", in_language(check.basis))
        for column, text in enumerate(cells):
            cell = QTableWidgetItem(text)
            if column in (2, 3, 4):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if check.flagged and column in (1, 3, 4, 5):
                cell.setForeground(QColor(RED))
                cell.setToolTip(tip)
            elif column == 5:
                cell.setForeground(QColor(GREEN if check.state == "ok" else "#52606d"))
                cell.setToolTip(tip)
            if column == 6:
                cell.setToolTip(papers)
                if papers_colour:
                    cell.setForeground(QColor(papers_colour))
            self.table.setItem(row, column, cell)

    def selected(self) -> Any | None:
        row = self.table.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _on_table_current_cell_changed(self, *_args: Any) -> None:
        self._show_detail()
        self._enable()

    def _show_detail(self) -> None:
        view = self.selected()
        if view is None:
            self.detail.setText("")
            return
        check = view.price_check
        lines = [f"<b>{view.product_name}</b> — {check.message}"]
        if check.state != "no_claim":
            lines.append("<i>" + self.tr("Basis: %1").replace("%1", in_language(check.basis)) + "</i>")
        readiness = view.readiness.readiness
        if readiness.blocks_lineup:
            papers, _ = papers_state(view)
            lines.append(self.tr("Papers: %1").replace("%1", papers))
            lines += [
                "<i>" + self.tr("Basis: %1").replace("%1", in_language(b)) + "</i>"
                for b in readiness.blocks_lineup_basis
            ]
        colour = RED if check.flagged or readiness.blocks_lineup else "#3e4c59"
        self.detail.setText(f"<span style='color:{colour}'>" + "<br>".join(lines) + "</span>")

    def _enable(self) -> None:
        may = self.editable and self.session_id is not None and self.context.actor.may("sessions.plan")
        chosen = self.selected() is not None
        self.add_button.setEnabled(may)
        self.copy_button.setEnabled(may)
        self.edit_button.setEnabled(may and chosen)
        self.remove_button.setEnabled(may and chosen)
        row = self.table.currentRow()
        self.up_button.setEnabled(may and chosen and row > 0)
        self.down_button.setEnabled(may and chosen and 0 <= row < len(self.items) - 1)

    # -- actions -------------------------------------------------------------------------------------------------
    def _open(self, dialog: QDialog) -> QDialog:
        self.dialog = dialog
        dialog.accepted.connect(self._on_dialog_accepted)
        dialog.open()
        return dialog

    def _on_dialog_accepted(self) -> None:
        emit(self.changed)

    def add_product(self) -> LineupAddDialog | None:
        """Open the add dialog (window-modal); the table reloads when it is accepted."""
        if self.session_id is None:
            return None
        show_message(self.message, "")
        return self._open(LineupAddDialog(self.context, self.session_id, self))

    def copy_from_past(self) -> LineupCopyDialog | None:
        if self.session_id is None:
            return None
        dialog = LineupCopyDialog(self.context, self.session_id, self.sources, self.zone, self)
        dialog.copied.connect(lambda _result: emit(self.changed))
        self.dialog = dialog
        dialog.open()
        return dialog

    def edit_selected(self) -> LineupPriceDialog | None:
        view = self.selected()
        if view is None or not self.edit_button.isEnabled():
            return None
        return self._open(LineupPriceDialog(self.context, view, self))

    def remove_selected(self) -> bool:
        """Ask, then take the selected product out of the lineup (one unit of work)."""
        from core.services import sessions

        view = self.selected()
        if view is None:
            return False
        question = self.tr("Take “%1” out of this session's lineup?").replace("%1", view.product_name)
        if not self.ask(self, self.tr("Remove from the lineup"), question, self.tr("Remove")):
            return False
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                sessions.remove_lineup_item(session, self.context.actor, view.id)
        except StudioDeskError as exc:
            show_message(self.message, str(exc), "error")
            return False
        emit(self.changed)
        return True

    def move_selected(self, step: int) -> bool:
        """Move the selected product one place earlier (−1) or later (+1) in the running order."""
        from core.services import sessions

        view = self.selected()
        if view is None:
            return False
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                sessions.move_lineup_item(session, self.context.actor, view.id, step)
        except StudioDeskError as exc:
            show_message(self.message, str(exc), "error")
            return False
        emit(self.changed)
        return True
