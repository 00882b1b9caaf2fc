"""The self-assessment panel of the 服务评价 page: sections with items (points got / max and why), the hard-fail
questions, the total, the grade with its bands, and the failed hard fails in red.

Auto items are read-only. While editable (a draft and a person allowed ``evaluation.score``), each manual item has a
score box (0..its points, step 0.1) and an evidence line, and each yes/no hard-fail question an answer and evidence;
pressing 保存 emits ``score_requested(item_id, score, evidence)`` / ``answer_requested(check_id, failed,
evidence)``. The page writes them on the lane and calls :meth:`show_error` with core's refusal, shown beside the
field (objectName ``error_<id>``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.pages.evaluation_data import AssessView
from ui.qtcompat import emit
from ui.widgets import message_label, show_message

RED, GREEN, AMBER = "#b3261e", "#1e7a3c", "#8a5a00"


def points(tenths: int | None) -> str:
    return "—" if tenths is None else f"{tenths / 10:.1f}"


class AssessmentPanel(QWidget):
    score_requested = Signal(str, float, str)
    answer_requested = Signal(str, bool, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.total_label = QLabel()
        self.total_label.setObjectName("assessTotal")
        self.total_label.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.bands_label = QLabel()
        self.bands_label.setObjectName("gradeBands")
        self.bands_label.setWordWrap(True)
        self.bands_label.setStyleSheet("color: #5f6368;")
        self.fails_label = QLabel()
        self.fails_label.setObjectName("hardFails")
        self.fails_label.setWordWrap(True)
        self.fails_label.setStyleSheet(f"color: {RED}; font-weight: bold;")
        for label in (self.total_label, self.bands_label, self.fails_label):
            self.column.addWidget(label)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.body)
        self.errors: dict[str, QLabel] = {}
        self.spins: dict[str, QDoubleSpinBox] = {}
        self.evidence: dict[str, QLineEdit] = {}
        self.answers: dict[str, QComboBox] = {}
        self.saves: dict[str, QPushButton] = {}

    def show_assessment(self, view: AssessView, bands: tuple, editable: bool) -> None:
        """Rebuild the panel for ``view``; inputs only for manual items/questions and only when ``editable``."""
        self.body.deleteLater()
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.column.addWidget(self.body)
        self.errors, self.spins, self.evidence, self.answers, self.saves = {}, {}, {}, {}, {}
        text = self.tr("Total %1 / 100 · grade %2").replace("%1", points(view.total_tenths))
        self.total_label.setText(text.replace("%2", view.grade_name))
        ladder = [
            (self.tr("%1 from %2").replace("%1", name).replace("%2", f"{low:g}") if low is not None else name)
            for name, low in bands
        ]
        self.bands_label.setText(self.tr("Grade bands: %1").replace("%1", " · ".join(ladder)))
        failed = [c.name for c in view.checks if c.failed]
        self.fails_label.setText(
            self.tr("Hard fail: %1 — the grade is capped whatever the score").replace("%1", "、".join(failed))
        )
        self.fails_label.setVisible(bool(failed))
        for section in view.sections:
            self._section(section, editable)
        self._checks(view, editable)

    def _section(self, section: Any, editable: bool) -> None:
        title = self.tr("%1 — %2 / %3").replace("%1", section.name)
        box = QGroupBox(
            title.replace("%2", points(section.points_tenths)).replace("%3", points(section.max_tenths))
        )
        grid = QGridLayout(box)
        grid.setColumnStretch(2, 1)
        for row, item in enumerate(section.items):
            name = QLabel(item.name)
            name.setToolTip(item.item_id)
            got = QLabel(f"{points(item.points_tenths)} / {points(item.max_tenths)}")
            got.setObjectName(f"points_{item.item_id}")
            got.setStyleSheet(f"color: {AMBER};" if item.points_tenths is None else "")
            grid.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(got, row, 1, Qt.AlignmentFlag.AlignTop)
            if item.method == "manual" and editable:
                grid.addWidget(self._score_editor(item), row, 2)
            else:
                why = QLabel(item.why)
                why.setWordWrap(True)
                why.setStyleSheet("color: #5f6368;")
                grid.addWidget(why, row, 2)
        self.body_layout.addWidget(box)

    def _editor(self, key: str, field: QWidget, evidence: str) -> QWidget:
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        line = QHBoxLayout()
        line.addWidget(field)
        edit = QLineEdit(evidence)
        edit.setObjectName(f"evidence_{key}")
        edit.setPlaceholderText(self.tr("Evidence: what was checked and where it can be seen"))
        line.addWidget(edit, 1)
        save = QPushButton(self.tr("Save"))
        save.setObjectName(f"save_{key}")
        line.addWidget(save)
        column.addLayout(line)
        error = message_label()
        error.setObjectName(f"error_{key}")
        column.addWidget(error)
        edit.textEdited.connect(lambda *_: show_message(error, ""))
        self.errors[key], self.evidence[key], self.saves[key] = error, edit, save
        return holder

    def _score_editor(self, item: Any) -> QWidget:
        spin = QDoubleSpinBox()
        spin.setObjectName(f"score_{item.item_id}")
        spin.setRange(0.0, item.max_tenths / 10)
        spin.setSingleStep(0.1)
        spin.setDecimals(1)
        spin.setValue((item.points_tenths or 0) / 10)
        spin.setSuffix(self.tr(" pts"))
        self.spins[item.item_id] = spin
        holder = self._editor(item.item_id, spin, item.evidence)
        self.saves[item.item_id].clicked.connect(
            lambda _c=False, i=item.item_id: emit(
                self.score_requested, i, self.spins[i].value(), self.evidence[i].text()
            )
        )
        return holder

    def _checks(self, view: AssessView, editable: bool) -> None:
        box = QGroupBox(self.tr("Hard-fail checks (any one caps the grade)"))
        grid = QGridLayout(box)
        grid.setColumnStretch(2, 1)
        for row, check in enumerate(view.checks):
            grid.addWidget(QLabel(check.name), row, 0, Qt.AlignmentFlag.AlignTop)
            state = {True: self.tr("FAILED"), False: self.tr("not triggered"), None: self.tr("to answer")}
            status = QLabel(state[check.failed])
            status.setObjectName(f"check_{check.check_id}")
            status.setStyleSheet(f"color: {({True: RED, False: GREEN, None: AMBER})[check.failed]};")
            grid.addWidget(status, row, 1, Qt.AlignmentFlag.AlignTop)
            if check.by == "manual" and editable:
                grid.addWidget(self._answer_editor(check), row, 2)
            else:
                why = QLabel(check.why)
                why.setWordWrap(True)
                why.setStyleSheet("color: #5f6368;")
                grid.addWidget(why, row, 2)
        self.body_layout.addWidget(box)

    def _answer_editor(self, check: Any) -> QWidget:
        combo = QComboBox()
        combo.setObjectName(f"answer_{check.check_id}")
        combo.addItem(self.tr("Not answered"), None)
        combo.addItem(self.tr("No, it did not happen"), False)
        combo.addItem(self.tr("Yes, it happened"), True)
        combo.setCurrentIndex({None: 0, False: 1, True: 2}[check.failed])
        self.answers[check.check_id] = combo
        combo.setToolTip(check.why)
        holder = self._editor(check.check_id, combo, check.evidence)
        self.saves[check.check_id].clicked.connect(lambda _c=False, c=check.check_id: self._answer(c))
        return holder

    def _answer(self, check_id: str) -> None:
        failed = self.answers[check_id].currentData()
        if failed is None:
            self.show_error(check_id, self.tr("Choose yes or no"))
            return
        emit(self.answer_requested, check_id, bool(failed), self.evidence[check_id].text())

    def show_error(self, key: str, message: str) -> None:
        """Show core's refusal beside the item or question ``key`` (at the top when there is no such field)."""
        label = self.errors.get(key)
        if label is None:
            show_message(self.fails_label, message)
            return
        show_message(label, message)
        (self.evidence.get(key) or label).setFocus()
