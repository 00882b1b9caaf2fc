"""登记舆情… Register a public-opinion incident with its evidence (issue 6, deliverable 1).

Basis: DOMAIN §6 — preserve the evidence first (the post's text, screenshots, link, time first seen), then handle it;
the handling guide sentence (why there is no "delete the post") stands at the top. Channel comes from the active
``incidents`` rule; the link is optional (a DM or an early-warning proposal has none); the time first seen is in the
studio's zone and defaults to now (core refuses a time in the future); reach is an optional whole number.

Save writes ONE unit of work: ``incidents.open_incident``, ``attach_screenshot`` for each listed file, and for a
dialog opened from an early-warning proposal ``link_to`` for each of its tickets. Any refusal is shown beside the
field it names (channel, link, snapshot_text, first_seen_at, reach, file) and nothing is saved — the unit of work
rolls back and a screenshot copied into the vault before the refusal is removed again. ``opened(incident_id, code)``
follows a successful save.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.qtcompat import emit
from ui.widgets import FieldForm, error_text


@dataclass(frozen=True)
class OpenChoices:
    channels: tuple[tuple[str, str], ...]  # (code, name in the current language)
    guide: str
    zone: ZoneInfo
    now: datetime


def load_open_choices(db: Any, **_lane: Any) -> OpenChoices:
    from core import clock, i18n
    from core.services.incident_actions import handling_guide
    from core.services.incidents import channels
    from core.services.studio import studio_zone

    key = "zh" if i18n.language().startswith("zh") else "en"
    with db.sessions() as session:
        names = tuple((str(c["code"]), str(c[key])) for c in channels(session))
        return OpenChoices(names, handling_guide(session), studio_zone(session), clock.now())


def _fresh_in_vault(vault_dir: Path, files: list[Path]) -> list[Path]:
    """The vault paths these files would take that are not there yet (removed again if the save fails)."""
    from core import vault

    fresh = []
    for file in files:
        try:
            sha = hashlib.sha256(Path(file).read_bytes()).hexdigest()
        except OSError:
            continue  # core names the unreadable file
        target = vault.path_for(vault_dir, sha)
        if not target.exists():
            fresh.append(target)
    return fresh


def save_incident(
    db: Any,
    actor: Any,
    fields: dict[str, Any],
    files: list[Path],
    ticket_ids: tuple[int, ...],
    **_lane: Any,
) -> tuple[int, str]:
    """On the lane: one unit of work — open, attach each screenshot, link each proposal ticket; all or nothing."""
    from core.services.incidents import attach_screenshot, link_to, open_incident

    fresh = _fresh_in_vault(Path(db.vault_dir), files)
    try:
        with db.unit_of_work(actor) as session:
            incident = open_incident(session, actor, **fields)
            for file in files:
                attach_screenshot(session, actor, db.vault_dir, incident.id, Path(file))
            for ticket_id in ticket_ids:
                link_to(session, actor, incident.id, "ticket", ticket_id)
            session.flush()
            return incident.id, incident.code
    except BaseException:
        for path in fresh:  # a screenshot stored before a later refusal: no orphan copy in the vault
            if path.exists():
                path.chmod(0o600)
                path.unlink(missing_ok=True)
        raise


def reach_value(text: str) -> int | str | None:
    """Empty: no figure; a whole number as int; anything else as typed (core refuses it naming 'reach')."""
    cleaned = text.strip().replace(",", "").replace("，", "")
    if not cleaned:
        return None
    try:
        return int(cleaned)
    except ValueError:
        return text.strip()


class OpenIncidentDialog(QDialog):
    """The register form (see the module docstring). ``proposal``: a core early-warning Proposal to start from."""

    opened = Signal(int, str)
    ready = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None, proposal: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.proposal = proposal
        self.zone = ZoneInfo("Asia/Shanghai")
        self.setObjectName("openIncidentDialog")
        self.setWindowTitle(self.tr("Register an incident"))
        self.setMinimumWidth(720)
        heading = QLabel(self.tr("Register an incident"))
        heading.setObjectName("dialogHeading")
        self.guide = QLabel()
        self.guide.setObjectName("handlingGuide")
        self.guide.setWordWrap(True)
        self.guide.setProperty("kind", "note")
        self.channel = QComboBox()
        self.channel.setObjectName("incidentChannel")
        self.link = QLineEdit()
        self.link.setObjectName("incidentLink")
        self.link.setPlaceholderText(self.tr("https://… (leave empty for a DM or a call)"))
        self.seen = QDateTimeEdit()
        self.seen.setObjectName("incidentSeen")
        self.seen.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.seen.setCalendarPopup(True)
        self.reach = QLineEdit()
        self.reach.setObjectName("incidentReach")
        self.reach.setPlaceholderText(self.tr("Views, likes or reposts so far (optional)"))
        self.summary = QLineEdit()
        self.summary.setObjectName("incidentSummary")
        self.summary.setMaxLength(200)
        self.summary.setPlaceholderText(self.tr("What the post says, in one line"))
        self.snapshot = QPlainTextEdit()
        self.snapshot.setObjectName("incidentSnapshot")
        self.snapshot.setPlaceholderText(
            self.tr("Paste the post's text here first — the post may be edited or deleted later")
        )
        self.snapshot.setMinimumHeight(110)
        self.shots = QListWidget()
        self.shots.setObjectName("incidentScreenshots")
        self.shots.setFixedHeight(72)
        add = QPushButton(self.tr("Add screenshots…"))
        add.setObjectName("addScreenshots")
        add.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeScreenshot")
        self.remove_button.clicked.connect(self.remove_selected)
        shots_box = QWidget()
        shots_column = QVBoxLayout(shots_box)
        shots_column.setContentsMargins(0, 0, 0, 0)
        shots_column.addWidget(self.shots)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(self.remove_button)
        buttons_row.addStretch(1)
        shots_column.addLayout(buttons_row)

        self.form = FieldForm()
        self.form.add_field("channel", self.tr("Channel"), self.channel)
        self.form.add_field("link", self.tr("Link"), self.link)
        self.form.add_field("first_seen_at", self.tr("First seen"), self.seen)
        self.form.add_field("reach", self.tr("Reach"), self.reach)
        self.form.add_field("summary", self.tr("Summary"), self.summary)
        self.form.add_field("snapshot_text", self.tr("Post text (snapshot)"), self.snapshot)
        self.form.add_field("file", self.tr("Screenshots"), shots_box)
        self.tickets_note = QLabel()
        self.tickets_note.setObjectName("proposalTickets")
        self.tickets_note.setWordWrap(True)
        self.tickets_note.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.addButton(self.tr("Register"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("saveIncident")
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(heading)
        column.addWidget(self.guide)
        column.addWidget(self.tickets_note)
        column.addWidget(self.form)
        column.addWidget(self.buttons)
        if proposal is not None:
            self._prefill(proposal)
        task = self.context.tasks.run(self.tr("Reading the channels"), load_open_choices, self.context.db)
        task.bind(self)
        task.succeeded.connect(self._show_choices)
        task.failed.connect(lambda exc: self.form.show_error("", error_text(exc)))

    def _prefill(self, proposal: Any) -> None:
        self.summary.setText(proposal.sentence[:200])
        self.summary.setCursorPosition(0)
        codes = "、".join(proposal.ticket_codes)
        self.snapshot.setPlainText(f"{proposal.sentence}\n{codes}")
        self.tickets_note.setText(
            self.tr("From the early warning: its %1 ticket(s) will be linked to the incident.").replace(
                "%1", str(len(proposal.ticket_ids))
            )
        )
        self.tickets_note.show()

    def _show_choices(self, choices: OpenChoices) -> None:
        self.zone = choices.zone
        self.guide.setText(choices.guide)
        self.channel.clear()
        for code, name in choices.channels:
            self.channel.addItem(name, code)
        local = choices.now.astimezone(choices.zone)
        self.seen.setDateTime(
            QDateTime(local.year, local.month, local.day, local.hour, local.minute, 0)
        )  # studio wall time, shown as is
        self.ok_button.setEnabled(True)
        emit(self.ready)

    # -- screenshots ---------------------------------------------------------------------------------------------
    def choose_files(self) -> None:
        names, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose screenshots"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"),
        )
        self.add_files([Path(name) for name in names])

    def add_files(self, files: list[Path]) -> None:
        """List ``files`` to attach (a file already listed is not listed twice)."""
        listed = set(self.files())
        for file in files:
            if Path(file) in listed:
                continue
            item = QListWidgetItem(Path(file).name)
            item.setToolTip(str(file))
            item.setData(256, str(file))
            self.shots.addItem(item)
            listed.add(Path(file))

    def remove_selected(self) -> None:
        for item in self.shots.selectedItems():
            self.shots.takeItem(self.shots.row(item))

    def files(self) -> list[Path]:
        return [Path(self.shots.item(i).data(256)) for i in range(self.shots.count())]

    # -- writing -------------------------------------------------------------------------------------------------
    def first_seen(self) -> datetime:
        """The chosen wall time read in the studio's zone (aware)."""
        chosen = self.seen.dateTime()
        day, moment = chosen.date(), chosen.time()
        return datetime(day.year(), day.month(), day.day(), moment.hour(), moment.minute(), tzinfo=self.zone)

    def fields(self) -> dict[str, Any]:
        return {
            "channel": self.channel.currentData() or "",
            "link": self.link.text().strip(),
            "snapshot_text": self.snapshot.toPlainText().strip(),
            "first_seen_at": self.first_seen(),
            "summary": self.summary.text().strip(),
            "reach": reach_value(self.reach.text()),
        }

    def submit(self) -> None:
        self.form.clear_errors()
        self.ok_button.setEnabled(False)
        tickets = tuple(self.proposal.ticket_ids) if self.proposal is not None else ()
        task = self.context.tasks.run(
            self.tr("Registering the incident"),
            save_incident,
            self.context.db,
            self.context.actor,
            self.fields(),
            self.files(),
            tickets,
        ).bind(self)
        task.succeeded.connect(self._saved)
        task.failed.connect(self._refused)
        task.ended.connect(lambda: self.ok_button.setEnabled(True))

    def _saved(self, result: tuple[int, str]) -> None:
        emit(self.opened, *result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self.form.show_error(getattr(exc, "field", None) or "", error_text(exc))


__all__ = ["OpenIncidentDialog", "load_open_choices", "reach_value", "save_incident"]
