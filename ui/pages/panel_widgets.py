"""Pieces the detail panels share (a ticket's, an incident's): a selectable word-wrapping label and a flat list
whose columns fit their contents while one column takes the rest."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget


def wrapped(name: str, style: str = "") -> QLabel:
    """A label named ``name`` that wraps, can be selected and copied, styled by ``style``."""
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


def tree(name: str, headers: list[str], stretch: int) -> QTreeWidget:
    """A flat, alternating-row list named ``name``; every column fits its contents but ``stretch``."""
    widget = QTreeWidget()
    widget.setObjectName(name)
    widget.setHeaderLabels(headers)
    widget.setRootIsDecorated(False)
    widget.setAlternatingRowColors(True)
    widget.setWordWrap(True)
    widget.setUniformRowHeights(False)
    header = widget.header()
    header.setStretchLastSection(False)
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return widget
