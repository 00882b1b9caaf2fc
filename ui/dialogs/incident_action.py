"""记录处理: log a handling action of a kind the ``incidents`` rule lists; a statement (and other kinds marked
``needs_text``) needs its text. There is no "delete the post" kind — the handling guide says why (网络直播营销管理办法
Art 21) at the top of the dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLabel, QPlainTextEdit, QWidget

from ui.dialogs.incident_form import IncidentFormDialog, Submit


class IncidentActionDialog(IncidentFormDialog):
    """``submit(kind, body)``; the text field says whether the chosen kind needs its text."""

    def __init__(
        self, code: str, kinds: tuple[Any, ...], guide: str, *, submit: Submit, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            self.tr("Record an action"), self.tr("Record an action · %1").replace("%1", code),
            self.tr("Record"), submit, parent,
        )  # fmt: skip
        self.setObjectName("incidentActionDialog")
        self.guide = QLabel(guide)
        self.guide.setObjectName("handlingGuide")
        self.guide.setWordWrap(True)
        self.guide.setStyleSheet(
            "color: #8a5a00; background: #fff4de; border: 1px solid #f0d49b; border-radius: 6px; padding: 8px;"
        )
        self.layout_.insertWidget(1, self.guide)
        self.kinds = {k.code: k for k in kinds}
        self.kind_box = QComboBox()
        self.kind_box.setObjectName("actionKind")
        for kind in kinds:
            self.kind_box.addItem(kind.name, kind.code)
        self.form.add_field("kind", self.tr("What was done"), self.kind_box)
        self.body = QPlainTextEdit()
        self.body.setObjectName("actionBody")
        self.body.setMinimumHeight(110)
        self.form.add_field("body", self.tr("Text"), self.body)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self, *_: Any) -> None:
        kind = self.kinds.get(self.kind_box.currentData())
        if kind is not None and kind.needs_text:
            self.body.setPlaceholderText(self.tr("Required: the text as published or sent, word for word"))
        else:
            self.body.setPlaceholderText(self.tr("Optional: who, what was said or agreed"))

    def choose(self, kind: str) -> None:
        self.kind_box.setCurrentIndex(self.kind_box.findData(kind))

    def values(self) -> tuple[Any, ...] | None:
        return (self.kind_box.currentData(), self.body.toPlainText().strip())


__all__ = ["IncidentActionDialog"]
