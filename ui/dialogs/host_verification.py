"""编辑核验: a host's real-name verification (yes/no) and birth date — nothing more is kept about them.

Basis: 网络直播营销管理办法（试行） Art 17 (on-camera sellers are real-name verified and 16 or older). Personal data
stays minimal (个人信息保护法 Art 6): no ID number is asked for or stored. The page passes ``save(verified,
birth_date)``, which writes through core (owner only: ``staff.manage``) and raises ``InvalidInput`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from core.errors import InvalidInput, StudioDeskError
from ui.widgets import FieldForm, show_message


class HostVerificationDialog(QDialog):
    """Real-name checkbox and birth date (or "not known") for one person; stays open on a refusal."""

    def __init__(
        self,
        name: str,
        *,
        real_name_verified: bool,
        birth_date: date | None,
        save: Callable[[bool, date | None], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("hostVerificationDialog")
        self.setWindowTitle(self.tr("Host verification: %1").replace("%1", name))
        self.setMinimumWidth(440)
        self._save = save
        privacy = QLabel(
            self.tr(
                "Only two facts are kept: whether the platform's real-name verification is done, and the birth "
                "date (to check the host is 16 or older on the session day). Never enter an ID number."
            )
        )
        privacy.setWordWrap(True)
        privacy.setObjectName("pagePurpose")
        self.form = FieldForm()
        self.verified = self.form.add_field(
            "real_name_verified",
            self.tr("Real name"),
            QCheckBox(self.tr("Real-name verification done on the platform")),
        )
        self.verified.setChecked(real_name_verified)
        self.birth = self.form.add_field("birth_date", self.tr("Birth date"), QDateEdit())
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.birth.setCalendarPopup(True)
        self.birth.setMinimumDate(QDate(1900, 1, 1))
        self.unknown = self.form.add_field(
            "birth_unknown", "", QCheckBox(self.tr("Birth date not known yet"))
        )
        self.unknown.toggled.connect(lambda on: self.birth.setEnabled(not on))
        if birth_date is None:
            self.birth.setDate(QDate(2000, 1, 1))
            self.unknown.setChecked(True)
        else:
            self.birth.setDate(QDate(birth_date.year, birth_date.month, birth_date.day))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(privacy)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def set_birth_date(self, day: date | None) -> None:
        self.unknown.setChecked(day is None)
        if day is not None:
            self.birth.setDate(QDate(day.year, day.month, day.day))

    def values(self) -> tuple[bool, date | None]:
        birth = None if self.unknown.isChecked() else self.birth.date().toPython()
        return self.verified.isChecked(), birth

    def submit(self) -> bool:
        self.form.clear_errors()
        try:
            self._save(*self.values())
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            return False
        except StudioDeskError as exc:
            show_message(self.form.general_error, str(exc))
            return False
        self.accept()
        return True
