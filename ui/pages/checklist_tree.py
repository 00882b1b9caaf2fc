"""The checklist's items grouped by the standard's chapters (基本要求 / 直播前准备), and the selected item's details.

A view only: :class:`ChecklistTree` lays out a :class:`ui.pages.checklist_work.ChecklistScreen`; the panel
(ui/pages/checklist_panel.py) decides what the buttons do. Times are shown in the studio's timezone.
"""

from __future__ import annotations

from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ui.pages.checklist_work import ChecklistScreen

COLOURS = {
    "open": "#b3261e",
    "open_optional": "#7b8794",
    "done": "#166534",
    "na": "#3e4c59",
    "waived": "#8a5a00",
}
ITEM_ID = Qt.ItemDataRole.UserRole
# the gate line's look: refused, may go live, overridden by the owner, nothing to say
GATE_STYLES = {
    "closed": "color: #b3261e; background: #fdecea; border: 1px solid #f5c2bd;",
    "open": "color: #166534; background: #e9f7ef; border: 1px solid #b7e1c6;",
    "overridden": "color: #8a5a00; background: #fff4de; border: 1px solid #f0d49b;",
    "quiet": "color: #3e4c59; background: #f6f7f9; border: 1px solid #e4e7eb;",
}


def status_name(status: str) -> str:
    """A session status as staff say it (计划中 / 已就绪 / 直播中 / 已结束 / 已复盘)."""
    names = {
        "planned": QCoreApplication.translate("ChecklistStatus", "planned"),
        "ready": QCoreApplication.translate("ChecklistStatus", "ready"),
        "live": QCoreApplication.translate("ChecklistStatus", "live"),
        "ended": QCoreApplication.translate("ChecklistStatus", "ended"),
        "reviewed": QCoreApplication.translate("ChecklistStatus", "reviewed"),
    }
    return names.get(status, status)


def local(moment: Any, timezone: str, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """A stored UTC time as the studio's wall-clock time ("" for None)."""
    return "" if moment is None else moment.astimezone(ZoneInfo(timezone)).strftime(fmt)


class ChecklistTree(QTreeWidget):
    """Chapters as bold top rows (with how many items are closed), items under them; the state cell coloured."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checklistTree")
        self.screen: ChecklistScreen | None = None
        self.setHeaderLabels(
            [
                self.tr("Item"),
                self.tr("Need"),
                self.tr("State"),
                self.tr("Signed by"),
                self.tr("When"),
                self.tr("Reason"),
            ]
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(5, 170)

    def state_name(self, state: str) -> str:
        names = {
            "open": self.tr("Open"),
            "done": self.tr("Done"),
            "na": self.tr("Not applicable"),
            "waived": self.tr("Waived"),
        }
        return names.get(state, state)

    def need_name(self, required: bool) -> str:
        return self.tr("Required") if required else self.tr("Optional")

    def template_name(self) -> str:
        """ "Pre-live checklist version 1" for the run's template (its name and version)."""
        view = self.screen.view if self.screen is not None else None
        if view is None:
            return ""
        name = {"prelive": self.tr("Pre-live checklist")}.get(view.template_name, view.template_name)
        return self.tr("%1, version %2").replace("%1", name).replace("%2", str(view.template_version))

    def show_screen(self, screen: ChecklistScreen) -> None:
        """Show ``screen``'s items, keeping the selected item selected."""
        keep = self.selected_item_id()
        self.screen = screen
        self.clear()
        chapters: dict[str, QTreeWidgetItem] = {}
        closed: dict[str, list[bool]] = {}
        bold = QFont()
        bold.setBold(True)
        for item in screen.view.items if screen.view is not None else ():
            chapter = chapters.get(item.chapter)
            if chapter is None:
                chapter = QTreeWidgetItem([item.chapter])
                chapter.setFont(0, bold)
                chapter.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.addTopLevelItem(chapter)
                chapters[item.chapter] = chapter
            chapter.addChild(self._row(item))
            closed.setdefault(item.chapter, []).append(item.state != "open")
        for name, chapter in chapters.items():
            counts = closed[name]
            chapter.setText(
                0,
                self.tr("%1 · %2 of %3 closed")
                .replace("%1", name)
                .replace("%2", str(sum(counts)))
                .replace("%3", str(len(counts))),
            )
            chapter.setExpanded(True)
        if keep is not None:
            self.select_item(keep)

    def _row(self, item: Any) -> QTreeWidgetItem:
        screen = self.screen
        assert screen is not None
        who = screen.names.get(item.by_user_id, "") if item.by_user_id is not None else ""
        at = local(item.at, screen.timezone, "%m-%d %H:%M")
        row = QTreeWidgetItem(
            [item.title, self.need_name(item.required), self.state_name(item.state), who, at, item.reason]
        )
        row.setData(0, ITEM_ID, item.id)
        tip = item.title + "\n\n" + self.tr("Basis: %1").replace("%1", item.basis)
        for column in range(5):
            row.setToolTip(column, tip)
        row.setToolTip(5, item.reason or tip)
        key = "open_optional" if item.state == "open" and not item.required else item.state
        row.setForeground(2, QBrush(QColor(COLOURS.get(key, COLOURS["na"]))))
        font = row.font(2)
        font.setBold(item.state == "open" and item.required)
        row.setFont(2, font)
        return row

    def rows(self) -> list[QTreeWidgetItem]:
        """Every item row (not the chapter rows), in order."""
        return [
            self.topLevelItem(i).child(j)
            for i in range(self.topLevelItemCount())
            for j in range(self.topLevelItem(i).childCount())
        ]

    def selected_item_id(self) -> int | None:
        row = self.currentItem()
        value = None if row is None else row.data(0, ITEM_ID)
        return int(value) if value is not None else None

    def selected_item(self) -> Any:
        if self.screen is None:
            return None
        item_id = self.selected_item_id()
        return None if item_id is None else self.screen.item(item_id)

    def select_item(self, item_id: int) -> None:
        for row in self.rows():
            if row.data(0, ITEM_ID) == item_id:
                self.setCurrentItem(row)
                self.scrollToItem(row)
                return

    def detail_html(self) -> str:
        """The selected item: title, need and chapter, who closed it and when, reason, evidence, basis."""
        item = self.selected_item()
        if item is None or self.screen is None:
            return escape(self.tr("Select an item to see why it is required and who signed it."))
        lines = [f"<b>{escape(item.title)}</b>", escape(f"{self.need_name(item.required)} · {item.chapter}")]
        state = self.state_name(item.state)
        if item.by_user_id is not None and item.at is not None:
            who = self.screen.names.get(item.by_user_id, "")
            state = f"{state} · {who} · {local(item.at, self.screen.timezone)}"
        lines.append(escape(self.tr("State: %1").replace("%1", state)))
        if item.reason:
            lines.append(escape(self.tr("Reason: %1").replace("%1", item.reason)))
        if item.evidence_sha256:
            link = self.tr("open the evidence file (%1)").replace("%1", item.evidence_sha256[:12])
            lines.append(
                escape(self.tr("Evidence:"))
                + f" <a href='evidence:{item.evidence_sha256}'>{escape(link)}</a>"
            )
        basis = escape(self.tr("Basis: %1").replace("%1", item.basis))
        lines.append(f"<span style='color:#52606d'>{basis}</span>")
        return "<br>".join(lines)
