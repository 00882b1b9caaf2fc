"""The lists of the incident detail panel: the handling log in words, links, 整改 (corrective actions), closure.

The log is oldest first (电子商务法 Art 62: the record in a dispute is the sequence of what was done); a corrective
action shows done (when, by whom), overdue (red) or open (orange).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from ui.pages.incident_detail_data import (
    MISSED_RED,
    NO_VALUE,
    IncidentRecord,
    studio_time,
    target_name,
)
from ui.pages.incident_detail_views import fit_rows


def action_words(action: Any, links: dict[tuple[str, int], str]) -> tuple[str, str]:
    """(what, text) for one log line: a tier step reads 确认级别 / 升级 / 降级 with "IV → III" and the reason; a link
    names what was linked; a screenshot its file name; a reach update "3,200 → 12,800"."""
    data = action.data or {}
    if action.kind == "tier":
        names = {
            "confirmed": QCoreApplication.translate("IncidentDetail", "Tier confirmed"),
            "escalation": QCoreApplication.translate("IncidentDetail", "Escalated"),
            "de-escalation": QCoreApplication.translate("IncidentDetail", "De-escalated"),
        }
        what = names.get(str(data.get("direction")), action.kind_name)
        if data.get("direction") == "confirmed":
            return what, str(data.get("to", ""))
        return what, f"{data.get('from', '')} → {data.get('to', '')}  {action.body}".strip()
    if action.kind == "link":
        key = (str(data.get("target_type")), int(data.get("target_id") or 0))
        return action.kind_name, links.get(key, f"{target_name(key[0])} #{key[1]}")
    if action.kind == "screenshot":
        return action.kind_name, str(data.get("name", ""))
    if action.kind == "reach":
        old = data.get("from")
        new = data.get("to")
        old_text = NO_VALUE if old is None else f"{old:,}"
        return action.kind_name, f"{old_text} → {new:,}" if isinstance(new, int) else action.body
    if action.kind == "closed" and data.get("override_reason"):
        return (
            action.kind_name,
            action.body
            + "\n"
            + QCoreApplication.translate("IncidentDetail", "Owner override: %1").replace(
                "%1", data["override_reason"]
            ),
        )
    return action.kind_name, action.body


def full_tooltips(item: QTreeWidgetItem) -> None:
    """Each non-empty cell's tooltip is its whole text, so an elided statement or root cause can still be read."""
    for column in range(item.columnCount()):
        if item.text(column):
            item.setToolTip(column, item.text(column))


def log_line_text(item: QTreeWidgetItem) -> str:
    """One handling-log row in full for the read-only dialog: "when · who · what", a blank line, the text."""
    head = " · ".join(item.text(c) for c in range(3) if item.text(c))
    return f"{head}\n\n{item.text(3)}" if item.text(3) else head


def fill_actions(widget: QTreeWidget, record: IncidentRecord) -> None:
    """The handling log, oldest first: when (studio time), who, what, text."""
    widget.clear()
    links = {(link.target_type, link.target_id): link.label for link in record.view.links}
    for action in record.view.actions:
        what, text = action_words(action, links)
        item = QTreeWidgetItem([studio_time(action.at, record.zone), action.actor_name, what, text])
        item.setData(0, Qt.ItemDataRole.UserRole, action.kind)
        full_tooltips(item)
        widget.addTopLevelItem(item)
    if record.view.actions:
        widget.scrollToItem(widget.topLevelItem(widget.topLevelItemCount() - 1))


def fill_links(widget: QTreeWidget, record: IncidentRecord) -> None:
    """Linked tickets, sessions, products and hosts (the label names the type); (type, id) as item data."""
    widget.clear()
    for link in record.view.links:
        item = QTreeWidgetItem([link.label])
        item.setData(0, Qt.ItemDataRole.UserRole, (link.target_type, link.target_id))
        widget.addTopLevelItem(item)
    fit_rows(widget, len(record.view.links), 5)


def corrective_state(line: Any, zone: Any) -> tuple[str, str]:
    """(words, colour): 已完成 date by whom / 已逾期 / 进行中."""
    if line.done_at is not None:
        who = f" {line.done_by_name}" if line.done_by_name else ""
        return QCoreApplication.translate("IncidentDetail", "Done %1").replace(
            "%1", studio_time(line.done_at, zone)
        ) + who, "#1f6b3a"
    if line.overdue:
        return QCoreApplication.translate("IncidentDetail", "Overdue"), MISSED_RED
    return QCoreApplication.translate("IncidentDetail", "In progress"), ""


def fill_corrective(widget: QTreeWidget, record: IncidentRecord) -> None:
    """Corrective actions: what, owner, due date, state (overdue in red); the corrective id as item data."""
    widget.clear()
    for line in record.view.corrective:
        words, colour = corrective_state(line, record.zone)
        due = line.due_on.isoformat() if line.due_on else NO_VALUE
        item = QTreeWidgetItem([line.title, line.owner_name or NO_VALUE, due, words])
        item.setData(0, Qt.ItemDataRole.UserRole, line.id)
        item.setData(3, Qt.ItemDataRole.UserRole, line.done_at is None)
        if colour:
            item.setForeground(3, QBrush(QColor(colour)))
        full_tooltips(item)
        widget.addTopLevelItem(item)
    fit_rows(widget, len(record.view.corrective), 6)


def closure_text(record: IncidentRecord) -> str:
    """For a closed incident: when, the root cause and the owner's override reason if there was one."""
    view = record.view
    if view.status != "closed":
        return ""
    lines = [
        QCoreApplication.translate("IncidentDetail", "Closed %1").replace(
            "%1", studio_time(view.closed_at, record.zone)
        ),
        QCoreApplication.translate("IncidentDetail", "Root cause: %1").replace(
            "%1", view.root_cause or NO_VALUE
        ),
    ]
    if view.close_override_reason:
        lines.append(
            QCoreApplication.translate(
                "IncidentDetail", "Closed with corrective actions open; the owner's reason: %1"
            ).replace("%1", view.close_override_reason)
        )
    return "\n".join(lines)


__all__ = [
    "action_words",
    "closure_text",
    "corrective_state",
    "fill_actions",
    "fill_corrective",
    "fill_links",
    "full_tooltips",
    "log_line_text",
]
