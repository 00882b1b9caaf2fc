"""手动对应列 The 导入订单 wizard's mapping step, for an export no platform preset recognises.

Each order field the app reads (labels from the presets file, ``*`` = needed: the generic template's required
fields) gets a combo of the file's own headers, blank for "not in this file". The person chooses the platform the
orders are stored under and, optionally, a name: saved under it (:func:`core.services.order_mappings.save_mapping`),
a file with the same headers is recognised next time, and the wizard's platform list offers it as 已保存：<name>.
Display and input only: checking (unknown field, missing required field, header not in the file, empty name) is
core's, and its InvalidInput is shown beside the field it names (:meth:`show_error`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ui.widgets import FieldForm, message_label, show_message


def saved_names(db: Any, **_lane: Any) -> list[str]:
    """The saved mappings' names (on the lane)."""
    from core.services.order_mappings import saved_mappings

    with db.sessions() as session:
        return [saved.name for saved in saved_mappings(session)]


def file_headers(path: str, **_lane: Any) -> tuple[list[str], dict[str, str]]:
    """The file's headers and a first guess at the mapping (on the lane: reads the file)."""
    from core.services import order_mappings

    headers = order_mappings.file_headers(path)
    return headers, order_mappings.guess_mapping(headers)


class OrderMappingPage(QWidget):
    """Field -> header combos, the platform, a name to save under, and 预览 (``preview_button``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from core.importers.order_sheet import presets
        from core.services.order_mappings import mapping_fields, required_fields
        from core.services.order_preview import field_label

        self.heading = QLabel(self.tr("Match the file's columns"))
        self.heading.setObjectName("dialogHeading")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.required = required_fields()
        self.combos: dict[str, QComboBox] = {}
        forms = QHBoxLayout()
        self.forms = [FieldForm(), FieldForm()]
        keys = mapping_fields()
        half = (len(keys) + 1) // 2
        for index, key in enumerate(keys):
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.setMinimumContentsLength(12)
            label = field_label(key) + (" *" if key in self.required else "")
            self.combos[key] = self.forms[index // half].add_field(key, label, combo)  # type: ignore[assignment]
        for form in self.forms:
            forms.addWidget(form, 1)
        settings = FieldForm()
        self.settings = settings
        self.platform_box = QComboBox()
        self.platform_box.setObjectName("mappingPlatform")
        for code, preset in presets().items():
            self.platform_box.addItem(preset.name, code)
        self.platform_box.setCurrentIndex(self.platform_box.findData("generic"))
        settings.add_field("platform", self.tr("Orders are from:"), self.platform_box)
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("mappingName")
        self.name_edit.setMaxLength(60)
        self.name_edit.setPlaceholderText(self.tr("e.g. warehouse ERP export — leave empty to use it once"))
        settings.add_field("name", self.tr("Save as:"), self.name_edit)
        self.note = QLabel(
            self.tr(
                "Fields marked * are needed. Street addresses and full names are not kept: only province + "
                "city and the surname with stars."
            )
        )
        self.note.setWordWrap(True)
        self.note.setProperty("kind", "note")
        self.message = message_label("error")
        self.message.setObjectName("mappingMessage")
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setObjectName("mappingPreview")
        bottom = QHBoxLayout()
        bottom.addWidget(settings, 1)
        bottom.addWidget(self.preview_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addLayout(forms)
        layout.addWidget(self.note)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def set_headers(self, file_name: str, headers: list[str], guessed: dict[str, str]) -> None:
        """Fill every combo with the file's headers (blank first), preselecting ``guessed``; clear the errors."""
        self.intro.setText(
            self.tr(
                "“%1” is not an export StudioDesk knows. For each order field choose the column of the file that "
                "holds it. Saved under a name, files with these columns are recognised next time."
            ).replace("%1", file_name)
        )
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(
                self.tr("(choose a column)") if key in self.required else self.tr("(not in this file)"), ""
            )
            for header in headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(combo.findData(guessed.get(key, "")), 0))
        self.clear_errors()

    def mapping(self) -> dict[str, str]:
        """Field -> the chosen header, the blank ones left out."""
        return {key: combo.currentData() for key, combo in self.combos.items() if combo.currentData()}

    def platform(self) -> str:
        return self.platform_box.currentData()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def clear_errors(self) -> None:
        for form in (*self.forms, self.settings):
            form.clear_errors()
        show_message(self.message, "")

    def show_error(self, field: str | None, message: str) -> None:
        """Beside the field core named, else below the form."""
        for form in (*self.forms, self.settings):
            if field in form.errors:
                form.show_error(field, message)
                return
        show_message(self.message, message, "error")
