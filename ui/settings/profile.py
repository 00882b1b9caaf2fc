"""Studio profile (店铺资料): legal name, 统一社会信用代码, shops, after-sales policy, timezone, retention.

Validation is core's (core.services.studio.update_profile); its InvalidInput names the field and the message
appears beside that field. Only the owner may change the profile (studio.edit), enforced in the service.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput, StudioDeskError
from ui.context import PageContext
from ui.labels import platform_names
from ui.qtcompat import emit
from ui.widgets import FieldForm, message_label, show_message

COMMON_TIMEZONES = ("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei", "Asia/Urumqi")


class ShopsEditor(QWidget):
    """The studio's shops: one row per (platform, shop name)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Platform"), self.tr("Shop name")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(110)
        self.table.setMaximumHeight(160)
        add = QPushButton(self.tr("Add shop"))
        remove = QPushButton(self.tr("Remove shop"))
        add.clicked.connect(lambda: self.add_shop("douyin", ""))
        remove.clicked.connect(self._remove_current)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def add_shop(self, platform: str, shop: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        picker = QComboBox()
        for code, name in platform_names().items():
            picker.addItem(name, str(code))
        index = picker.findData(platform)
        picker.setCurrentIndex(max(0, index))
        self.table.setCellWidget(row, 0, picker)
        name = QLineEdit(shop)
        name.setFrame(False)
        self.table.setCellWidget(row, 1, name)

    def _remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def set_shops(self, shops: Any) -> None:
        self.table.setRowCount(0)
        for entry in shops or []:
            self.add_shop(str(entry.get("platform", "generic")), str(entry.get("shop", "")))

    def shops(self) -> list[dict[str, str]]:
        result = []
        for row in range(self.table.rowCount()):
            platform = self.table.cellWidget(row, 0).currentData()
            shop = self.table.cellWidget(row, 1).text().strip()
            if shop:
                result.append({"platform": platform, "shop": shop})
        return result


class ProfileTab(QWidget):
    """Edit the studio profile. ``saved(ok)`` follows every save attempt."""

    saved = Signal(bool)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.form = FieldForm()
        self.display_name = self.form.add_field("display_name", self.tr("Studio name"), QLineEdit())
        self.legal_name = self.form.add_field(
            "legal_name", self.tr("Legal name (on the business licence)"), QLineEdit()
        )
        self.credit_code = self.form.add_field(
            "credit_code", self.tr("Unified social credit code"), QLineEdit()
        )
        self.credit_code.setMaxLength(18)
        self.credit_code.setPlaceholderText(self.tr("18 characters, e.g. 91350100M000100Y43"))
        self.shops = self.form.add_field("shops", self.tr("Shops"), ShopsEditor())
        self.service_phone = self.form.add_field(
            "service_phone", self.tr("Customer service phone"), QLineEdit()
        )
        self.return_address = self.form.add_field(
            "return_address", self.tr("Return address"), QPlainTextEdit()
        )
        self.return_address.setMaximumHeight(60)
        self.policy = self.form.add_field(
            "after_sales_policy", self.tr("Published after-sales policy"), QPlainTextEdit()
        )
        self.policy.setMinimumHeight(90)
        self.timezone = self.form.add_field("timezone", self.tr("Timezone"), QComboBox())
        self.timezone.setEditable(True)
        self.timezone.addItems(COMMON_TIMEZONES)
        self.retention = self.form.add_field(
            "retention_years", self.tr("Keep records for (years)"), QSpinBox()
        )
        self.retention.setRange(1, 30)

        self.note = message_label("note")
        self.result = message_label("ok")
        self.result.setObjectName("profileResult")
        self.save_button = QPushButton(self.tr("Save profile"))
        self.save_button.clicked.connect(self.save)
        if not context.actor.may("studio.edit"):
            show_message(
                self.note, self.tr("Only the owner can change the studio profile; you can read it here.")
            )
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.result, 1)
        row.addStretch(1)

        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.note)
        column.addWidget(self.form)
        column.addLayout(row)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    def load(self) -> None:
        from core.services import studio

        with self.context.db.unit_of_work(self.context.actor) as session:
            profile = studio.get_profile(session)
        self.display_name.setText(profile.display_name)
        self.legal_name.setText(profile.legal_name)
        self.credit_code.setText(profile.credit_code)
        self.shops.set_shops(profile.shops)
        self.service_phone.setText(profile.service_phone)
        self.return_address.setPlainText(profile.return_address)
        self.policy.setPlainText(profile.after_sales_policy)
        self.timezone.setCurrentText(profile.timezone)
        self.retention.setValue(int(profile.retention_years))

    def values(self) -> dict[str, Any]:
        return {
            "display_name": self.display_name.text().strip(),
            "legal_name": self.legal_name.text().strip(),
            "credit_code": self.credit_code.text().strip().upper(),
            "shops": self.shops.shops(),
            "service_phone": self.service_phone.text().strip(),
            "return_address": self.return_address.toPlainText().strip(),
            "after_sales_policy": self.policy.toPlainText().strip(),
            "timezone": self.timezone.currentText().strip(),
            "retention_years": self.retention.value(),
        }

    def save(self) -> None:
        """Save through core in one unit of work; a refusal is shown beside its field, nothing half-saved."""
        from core.services import studio

        self.form.clear_errors()
        show_message(self.result, "")
        try:
            with self.context.db.unit_of_work(self.context.actor) as session:
                studio.update_profile(session, self.context.actor, **self.values())
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            emit(self.saved, False)
            return
        except StudioDeskError as exc:
            show_message(self.form.general_error, str(exc))
            emit(self.saved, False)
            return
        show_message(self.result, self.tr("Saved."), "ok")
        emit(self.saved, True)
