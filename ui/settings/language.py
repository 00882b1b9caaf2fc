"""Language (界面语言): 中文 or English, applied at once and remembered for the next start."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from ui import translation
from ui.qtcompat import emit


class LanguageTab(QWidget):
    """Two choices, each written in its own language. ``language_chosen(code)`` asks the window to switch."""

    language_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        intro = QLabel(
            self.tr(
                "The whole window switches at once, and the choice is remembered on this computer. "
                "Messages from the database and the rules follow the same language."
            )
        )
        intro.setWordWrap(True)
        # Each language is named in itself, so a person who cannot read the current one still finds theirs.
        self.chinese = QRadioButton("中文（简体）")
        self.english = QRadioButton("English")
        self.group = QButtonGroup(self)
        self.group.addButton(self.chinese)
        self.group.addButton(self.english)
        current = translation.current_language()
        (self.english if current == "en" else self.chinese).setChecked(True)
        self.chinese.toggled.connect(self._on_choice_toggled)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.chinese)
        layout.addWidget(self.english)
        layout.addStretch(1)

    def choose(self, language: str) -> None:
        (self.english if language == "en" else self.chinese).setChecked(True)

    def _on_choice_toggled(self, _checked: bool) -> None:
        language = "zh_CN" if self.chinese.isChecked() else "en"
        if language != translation.current_language():
            emit(self.language_chosen, language)
