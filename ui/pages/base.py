"""The frame every page shares: a title, a one-line purpose and, until its chapter lands, an honest empty state."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


def page_frame(page: QWidget, title: str, purpose: str) -> QVBoxLayout:
    """Lay out ``page`` with its title (objectName ``pageTitle``) and purpose line; returns the body layout."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(28, 20, 28, 20)
    layout.setSpacing(10)
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    layout.addWidget(heading)
    if purpose:
        line = QLabel(purpose)
        line.setObjectName("pagePurpose")
        line.setWordWrap(True)
        layout.addWidget(line)
    return layout


def empty_state(body: QVBoxLayout, headline: str, text: str) -> QFrame:
    """A panel saying plainly what this page will hold and which issue brings it. No fake data, ever."""
    panel = QFrame()
    panel.setObjectName("emptyState")
    column = QVBoxLayout(panel)
    column.setContentsMargins(24, 20, 24, 20)
    big = QLabel(headline)
    big.setObjectName("emptyStateHeadline")
    big.setWordWrap(True)
    note = QLabel(text)
    note.setObjectName("emptyStateText")
    note.setWordWrap(True)
    note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    column.addWidget(big)
    column.addWidget(note)
    body.addWidget(panel)
    body.addStretch(1)
    return panel
