"""舆情预警 The early-warning strip above the register (issue 6, deliverable 4, shown on the 舆情 page).

Each proposal of ``core.services.early_warning.proposals`` (a spike of similar tickets, a cluster of low scores) is
one line: its sentence, a 登记为舆情… button, which asks the page to open the register dialog pre-filled from it,
and 关联到所选舆情, enabled only while an open incident is selected in the register (:meth:`ProposalStrip.set_target`),
which asks the page to link the proposal's tickets to that incident instead of opening a second one.
The strip hides itself when there is nothing to propose. Reading runs on the page's lane (:func:`load_proposals`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.qtcompat import emit


def load_proposals(db: Any, **_lane: Any) -> tuple[Any, ...]:
    """On the lane: the early-warning proposals as of now."""
    from core import clock
    from core.services.early_warning import proposals

    with db.sessions() as session:
        return tuple(proposals(session, now=clock.now()))


class ProposalStrip(QFrame):
    """One line per proposal; ``register_requested(proposal)`` / ``link_requested(proposal)`` when its buttons
    are pressed."""

    register_requested = Signal(object)
    link_requested = Signal(object)

    def __init__(self, may_work: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("earlyWarning")
        self.setStyleSheet(
            "#earlyWarning { background: #fff7e6; border: 1px solid #f5c97a; border-radius: 6px; }"
            " #earlyWarning QLabel { background: transparent; }"
        )
        self.may_work = may_work
        self.proposals: tuple[Any, ...] = ()
        self.buttons: list[QPushButton] = []
        self.link_buttons: list[QPushButton] = []
        self.target = ""  # the code of the open incident selected in the register ("" = none)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(10, 6, 10, 6)
        self.column.setSpacing(4)
        self.heading = QLabel(self.tr("Early warning"))
        self.heading.setStyleSheet("font-weight: 600; color: #b45309;")
        self.column.addWidget(self.heading)
        self.hide()

    def show_proposals(self, proposals: tuple[Any, ...]) -> None:
        """Replace the lines with ``proposals``; hidden when there are none."""
        while self.column.count() > 1:
            item = self.column.takeAt(1)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.proposals = tuple(proposals)
        self.buttons = []
        self.link_buttons = []
        for index, proposal in enumerate(self.proposals):
            line = QWidget()
            row = QHBoxLayout(line)
            row.setContentsMargins(0, 0, 0, 0)
            sentence = QLabel(proposal.sentence)
            sentence.setWordWrap(True)
            sentence.setObjectName(f"proposal_{index}")
            codes = "、".join(proposal.ticket_codes)
            sentence.setToolTip(f"{codes}\n{proposal.basis}" if proposal.basis else codes)
            button = QPushButton(self.tr("Register as incident…"))
            button.setObjectName(f"registerProposal_{index}")
            button.setVisible(self.may_work)
            button.clicked.connect(lambda _checked=False, p=proposal: emit(self.register_requested, p))
            link = QPushButton(self.tr("Link to selected incident"))
            link.setObjectName(f"linkProposal_{index}")
            link.setVisible(self.may_work)
            link.clicked.connect(lambda _checked=False, p=proposal: emit(self.link_requested, p))
            row.addWidget(sentence, 1)
            row.addWidget(button)
            row.addWidget(link)
            self.column.addWidget(line)
            self.buttons.append(button)
            self.link_buttons.append(link)
        self.setVisible(bool(self.proposals))
        self.set_target(self.target)

    def set_target(self, code: str) -> None:
        """The open incident selected in the register (its code; "" when none or a closed one is selected):
        the 关联到所选舆情 buttons are enabled only with one, and say which."""
        self.target = code
        tip = (
            self.tr("Link these tickets to %1").replace("%1", code)
            if code
            else self.tr("Select an open incident in the list first")
        )
        for button in self.link_buttons:
            button.setEnabled(bool(code))
            button.setToolTip(tip)


__all__ = ["ProposalStrip", "load_proposals"]
