"""新建/编辑场次: a session's title, platform, shop, planned times (studio timezone) and hosts.

The dialog lays out and collects; ``save(values)`` (given by the page) writes through core in one unit of work and
raises ``InvalidInput`` naming the field, which the dialog shows next to that field and stays open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import clock
from core.errors import InvalidInput, StudioDeskError
from ui.labels import platform_names, role_name
from ui.widgets import FieldForm, show_message

DATETIME_FORMAT = "yyyy-MM-dd HH:mm"


def to_qdatetime(moment: datetime, zone: ZoneInfo) -> QDateTime:
    """An aware moment as the studio's wall-clock time (the edit shows it without any zone of its own)."""
    local = moment.astimezone(zone)
    return QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))


def from_qdatetime(value: QDateTime, zone: ZoneInfo) -> datetime:
    """The wall-clock time in the edit, read as the studio's local time (aware)."""
    day, time = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=zone)


class SessionPlanDialog(QDialog):
    """Plan a new session, or change one (``existing`` a core ``SessionRow``). ``saved_id`` is set on success."""

    def __init__(
        self,
        *,
        shops: Iterable[dict[str, str]],
        candidates: Iterable[Any],
        zone: ZoneInfo,
        save: Callable[[dict[str, Any]], int],
        existing: Any | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionPlanDialog")
        self.zone = zone
        self._save = save
        self.saved_id: int | None = None
        editing = existing is not None
        self.setWindowTitle(self.tr("Edit session") if editing else self.tr("New session"))
        self.setMinimumWidth(520)

        self.form = FieldForm()
        self.title = self.form.add_field("title", self.tr("Title"), QLineEdit())
        self.title.setPlaceholderText(self.tr("e.g. 12月02日 源头工厂直供"))
        self.platform = self.form.add_field("platform", self.tr("Platform"), QComboBox())
        for code, name in platform_names().items():
            self.platform.addItem(name, str(code))
        self.shop = self.form.add_field("shop", self.tr("Shop"), QComboBox())
        self.shop.setEditable(True)
        self.shop.lineEdit().setPlaceholderText(self.tr("The shop this stream sells in"))
        for shop in shops:
            self.shop.addItem(shop.get("shop", ""), shop.get("platform", ""))
        self.shop.activated.connect(self._on_shop_activated)
        zone_note = self.tr("(%1 time)").replace("%1", zone.key)
        self.start = self.form.add_field(
            "planned_start", self.tr("Planned start %1").replace("%1", zone_note), QDateTimeEdit()
        )
        self.end = self.form.add_field("planned_end", self.tr("Planned end"), QDateTimeEdit())
        for edit in (self.start, self.end):
            edit.setDisplayFormat(DATETIME_FORMAT)
            edit.setCalendarPopup(True)
        self.hosts = self.form.add_field("host_ids", self.tr("Hosts on camera"), QListWidget())
        self.hosts.setObjectName("hostPicker")
        self.hosts.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.hosts.setMaximumHeight(130)
        self.set_candidates(candidates, set(existing.host_ids) if editing else set())

        if editing:
            self.title.setText(existing.title)
            self.platform.setCurrentIndex(max(0, self.platform.findData(existing.platform)))
            self.shop.setEditText(existing.shop)
            self.start.setDateTime(to_qdatetime(existing.planned_start, zone))
            end = existing.planned_end or existing.planned_start + timedelta(hours=3)
            self.end.setDateTime(to_qdatetime(end, zone))
        else:
            tomorrow = (clock.now().astimezone(zone) + timedelta(days=1)).replace(
                hour=19, minute=30, second=0
            )
            self.start.setDateTime(to_qdatetime(tomorrow, zone))
            self.end.setDateTime(to_qdatetime(tomorrow + timedelta(hours=3), zone))
            if self.shop.count():
                self.shop.setCurrentIndex(0)
                self._on_shop_activated(0)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def set_candidates(self, candidates: Iterable[Any], chosen: set[int] | None = None) -> None:
        """List the people who may go on camera (core ``HostCandidate``s), keeping what is ticked already."""
        keep = set(self.checked_hosts()) if chosen is None else chosen
        self.hosts.clear()
        for person in candidates:
            text = f"{person.display_name} · {role_name(person.role)}"
            if not person.real_name_verified or person.birth_date is None:
                text += self.tr(" (verification incomplete)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in keep else Qt.CheckState.Unchecked)
            self.hosts.addItem(item)

    def _on_shop_activated(self, index: int) -> None:
        platform = self.shop.itemData(index)
        if platform:
            self.platform.setCurrentIndex(max(0, self.platform.findData(platform)))

    def checked_hosts(self) -> list[int]:
        return [
            self.hosts.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.hosts.count())
            if self.hosts.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_host_checked(self, user_id: int, checked: bool = True) -> None:
        for i in range(self.hosts.count()):
            item = self.hosts.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == user_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def values(self) -> dict[str, Any]:
        """What the form holds, as core takes it (aware datetimes in the studio's zone)."""
        return {
            "title": self.title.text().strip(),
            "platform": self.platform.currentData(),
            "shop": self.shop.currentText().strip(),
            "planned_start": from_qdatetime(self.start.dateTime(), self.zone),
            "planned_end": from_qdatetime(self.end.dateTime(), self.zone),
            "host_ids": self.checked_hosts(),
        }

    def submit(self) -> bool:
        """Save through the page's callable; an error shows beside its field and the dialog stays open."""
        self.form.clear_errors()
        try:
            self.saved_id = self._save(self.values())
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            return False
        except StudioDeskError as exc:
            show_message(self.form.general_error, str(exc))
            return False
        self.accept()
        return True
