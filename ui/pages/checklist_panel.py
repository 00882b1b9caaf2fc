"""开播检查 The pre-live checklist of one session, with the go-live gate (issue #3 deliverable 3).

Why: before each stream the room operator verifies seller, papers, wording and price claims and keeps the record
(《直播电商监督管理办法》, 2026; 《直播电商售后服务规范》 基本要求 / 直播前准备). Core decides (core.services.checklist):
who may sign, which reasons are required, whether the session may go live. This panel shows the run grouped by the
standard's chapters, signs items off, and moves the session to live or says which required items hold it back.

Threading: every read and write runs on the background lane (ui/pages/checklist_work.py). ``loaded`` follows each
refresh, ``changed`` each successful sign-off, override or go-live, ``refused(message)`` each
refusal (the same sentence is shown in ``message``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.errors import StudioDeskError
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.dialogs.reason import ask_reason
from ui.pages import checklist_work as work
from ui.pages.checklist_tree import GATE_STYLES, ChecklistTree, local, status_name
from ui.pages.prelive_export import export_prelive_sheet
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

SHOWN_OPEN_ITEMS = 8  # the override dialog lists this many open items, then counts the rest


class ChecklistPanel(QWidget):
    """One session's checklist: chapters and items, the gate line, sign-off and go-live buttons."""

    loaded = Signal()
    changed = Signal()
    refused = Signal(str)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.screen: work.ChecklistScreen | None = None
        self._busy = False
        self._embedded = False

        self.heading = QLabel(self.tr("Pre-live checklist"))
        self.heading.setObjectName("checklistHeading")
        self.heading.setStyleSheet("font-size: 12.5pt; font-weight: bold; color: #1f2933;")
        self.gate = QLabel()
        self.gate.setObjectName("gateLine")
        self.gate.setWordWrap(True)
        self.gate.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tree = ChecklistTree()
        self.tree.currentItemChanged.connect(self._on_tree_current_changed)

        self.detail = QLabel()
        self.detail.setObjectName("checklistDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.LinksAccessibleByMouse
        )
        self.detail.linkActivated.connect(self.open_link)
        self.open_url = QDesktopServices.openUrl  # the system viewer (a test puts a recorder here)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        detail_frame = QFrame()
        detail_frame.setObjectName("factsPanel")
        detail_frame.setMinimumHeight(96)
        QVBoxLayout(detail_frame).addWidget(self.detail)

        # clicked(bool) must not reach the slots' optional arguments, hence the lambdas
        self.done_button = _button(self.tr("Mark done"), lambda: self.mark_done())
        self.evidence_button = _button(self.tr("Done with evidence…"), lambda: self.mark_done_with_evidence())
        self.na_button = _button(self.tr("Not applicable…"), lambda: self.mark_not_applicable())
        self.waive_button = _button(self.tr("Waive…"), lambda: self.waive())
        self.export_button = _button(self.tr("Export pre-live sheet…"), lambda: self.export_sheet())
        self.go_live_button = _button(self.tr("Go live"), lambda: self.go_live())
        self.override_button = _button(self.tr("Go live anyway…"), lambda: self.override_and_go_live())
        owner = context.actor.may("checklist.waive")
        self.waive_button.setVisible(owner)
        self.override_button.setVisible(owner)

        item_row = QHBoxLayout()
        for button in (self.done_button, self.evidence_button, self.na_button, self.waive_button):
            item_row.addWidget(button)
        item_row.addStretch(1)
        item_row.addWidget(self.export_button)
        item_row.addWidget(self.go_live_button)
        item_row.addWidget(self.override_button)

        self.note = message_label("note")
        self.note.setObjectName("checklistNote")
        self.message = message_label()
        self.message.setObjectName("checklistMessage")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.heading)
        layout.addWidget(self.gate)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addWidget(detail_frame)
        layout.addLayout(item_row)
        layout.addWidget(self.message)
        self._show_gate("", "quiet")
        self._update_buttons()

    def set_embedded(self, embedded: bool = True) -> None:
        """Inside a page whose header already names the session and prints the sheet: leave both out here."""
        self._embedded = embedded
        self.export_button.setVisible(not embedded)
        if self.screen is not None:
            self._fill()

    # -- loading ---------------------------------------------------------------------------------------------------
    def show_session(self, session_id: int) -> None:
        """Show ``session_id``'s checklist, starting its run on first show when the reader may sign."""
        if session_id != self.session_id:  # showing the same session again keeps the last outcome in view
            show_message(self.message, "")
        self.session_id = session_id
        self.reload()

    def reload(self) -> None:
        if self.session_id is None:
            return
        self._busy = True
        self._update_buttons()
        task = self.context.tasks.run(
            self.tr("Reading the checklist"),
            work.load_checklist,
            self.context.db,
            self.context.actor,
            self.session_id,
        )
        task.succeeded.connect(self._on_load_succeeded)
        task.failed.connect(self._on_load_failed)

    def _on_load_succeeded(self, screen: work.ChecklistScreen) -> None:
        self._busy = False
        if screen.session_id != self.session_id:
            return
        self.screen = screen
        self._fill()
        emit(self.loaded)

    def _on_load_failed(self, exc: BaseException) -> None:
        self._busy = False
        self.screen = None
        self.tree.clear()
        self._show_gate("", "quiet")
        show_message(
            self.message, self.tr("Could not read the checklist: %1").replace("%1", _plain(exc)), "error"
        )
        self._update_buttons()
        emit(self.loaded)

    # -- showing ---------------------------------------------------------------------------------------------------
    def _fill(self) -> None:
        screen = self.screen
        assert screen is not None
        self.tree.show_screen(screen)
        parts = [screen.session_title, status_name(screen.status)] if not self._embedded else []
        self.heading.setText(" · ".join(part for part in [*parts, self.tree.template_name()] if part))
        self._show_gate_for(screen)
        self._show_note_for(screen)
        self._on_tree_current_changed()

    def _show_gate(self, text: str, kind: str, tooltip: str = "") -> None:
        self.gate.setText(text)
        self.gate.setToolTip(tooltip)
        self.gate.setProperty("gate", kind)
        self.gate.setStyleSheet(
            GATE_STYLES[kind] + " padding: 8px 12px; border-radius: 6px; font-size: 11pt;"
        )
        self.gate.setVisible(bool(text))

    def _show_gate_for(self, screen: work.ChecklistScreen) -> None:
        view = screen.view
        if view is None:
            self._show_gate(self.tr("This session's checklist has not been started yet."), "closed")
        elif view.overridden:
            who = screen.names.get(view.override_by, "") if view.override_by is not None else ""
            text = (
                self.tr("The owner forced the go-live: %1 (%2 · %3)")
                .replace("%1", view.override_reason)
                .replace("%2", who)
                .replace("%3", local(view.override_at, screen.timezone))
            )
            self._show_gate(text, "overridden")
        elif not screen.signable:
            at = local(screen.actual_start, screen.timezone)
            if view.open_required:
                count = str(len(view.open_required))
                self._show_gate(self.tr("%1 required items were left open.").replace("%1", count), "closed")
            elif at:
                self._show_gate(
                    self.tr("Went live at %1 with every required item closed.").replace("%1", at), "open"
                )
            else:
                self._show_gate(self.tr("Every required item was closed before going live."), "open")
        elif view.open_required:
            count = str(len(view.open_required))
            names = "\n".join(f"• {item.title}" for item in view.open_required)
            self._show_gate(
                self.tr("%1 required items still open: cannot go live").replace("%1", count), "closed", names
            )
        else:
            self._show_gate(self.tr("All required items are closed: may go live"), "open")

    def _show_note_for(self, screen: work.ChecklistScreen) -> None:
        if not screen.signable:
            text = self.tr("This session is %1; its checklist can no longer change.").replace(
                "%1", status_name(screen.status)
            )
        elif not self.context.actor.may("checklist.sign"):
            text = self.tr("Only an operator or the owner signs checklist items; you can read them here.")
        else:
            text = ""
        show_message(self.note, text, "note")

    def _on_tree_current_changed(self, *_args: Any) -> None:
        self.detail.setText(self.tree.detail_html())
        self._update_buttons()

    def _update_buttons(self) -> None:
        actor = self.context.actor
        screen = self.screen
        ready = not self._busy and screen is not None and screen.signable and screen.view is not None
        item = self.tree.selected_item() if screen is not None else None
        sign = ready and item is not None and actor.may("checklist.sign")
        self.done_button.setEnabled(bool(sign and item and item.state != "done"))
        self.evidence_button.setEnabled(bool(sign))
        self.na_button.setEnabled(bool(sign and item and item.state != "na"))
        self.waive_button.setEnabled(
            bool(sign and item and item.state != "waived" and actor.may("checklist.waive"))
        )
        self.go_live_button.setEnabled(ready and actor.may("sessions.plan"))
        held_back = bool(screen is not None and screen.view is not None and screen.view.open_required)
        self.override_button.setEnabled(ready and held_back and actor.may("checklist.waive"))
        self.export_button.setEnabled(self.session_id is not None and actor.may("reports.print"))

    # -- acting ----------------------------------------------------------------------------------------------------
    def _selected_or_say(self) -> Any:
        item = self.tree.selected_item()
        if item is None:
            show_message(self.message, self.tr("Select a checklist item first."), "error")
        return item

    def mark_done(self, evidence: Path | None = None) -> None:
        """Sign the selected item off as done, with ``evidence`` copied into the vault when given."""
        item = self._selected_or_say()
        if item is not None:
            done = self.tr("Marked done: %1").replace("%1", item.title)
            self._write(self.tr("Signing the item"), done, work.sign_done, item.id, evidence)

    def mark_done_with_evidence(self) -> None:
        """Ask for the evidence file (a screenshot, a photo, a PDF), then sign the selected item off as done."""
        if self._selected_or_say() is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the evidence file"),
            folder,
            self.tr("Pictures and documents (*.png *.jpg *.jpeg *.webp *.heic *.pdf);;All files (*)"),
        )
        if path:
            self.mark_done(Path(path))

    def mark_not_applicable(self, reason: str | None = None) -> None:
        """Close the selected item as not applicable; without ``reason`` a dialog asks for it."""
        item = self._selected_or_say()
        if item is None:
            return
        if reason is None:
            reason = ask_reason(
                self,
                self.tr("Not applicable"),
                self.tr("Why does “%1” not apply to this session?").replace("%1", item.title),
                self.tr("Mark not applicable"),
                placeholder=self.tr("e.g. this session sells only snacks, no cosmetics"),
            )
            if reason is None:
                return
        done = self.tr("Marked not applicable: %1").replace("%1", item.title)
        self._write(self.tr("Signing the item"), done, work.sign_not_applicable, item.id, reason)

    def waive(self, reason: str | None = None) -> None:
        """Waive the selected item (owner only); without ``reason`` a dialog asks for it."""
        item = self._selected_or_say()
        if item is None:
            return
        if reason is None:
            reason = ask_reason(
                self,
                self.tr("Waive an item"),
                self.tr("Why may this session go live without “%1”?").replace("%1", item.title),
                self.tr("Waive"),
                warning=self.tr("The waiver is recorded with your name and shows on the pre-live sheet."),
            )
            if reason is None:
                return
        done = self.tr("Waived: %1").replace("%1", item.title)
        self._write(self.tr("Signing the item"), done, work.sign_waived, item.id, reason)

    def open_link(self, link: str) -> Any:
        """``evidence:<sha256>`` in the detail area opens that evidence file; returns the lane task (or None)."""
        from ui.vault_files import open_vault_file

        if not link.startswith("evidence:"):
            return None
        task = open_vault_file(self.context, self, link.removeprefix("evidence:"))
        task.failed.connect(lambda exc: show_message(self.message, error_text(exc), "error"))
        return task

    def go_live(self) -> None:
        """Ask core to move the session to live; a refusal names the required items still open."""
        screen = self.screen
        if screen is None or self.session_id is None:
            return
        view = screen.view
        if view is not None and not view.open_required and not view.overridden:
            asked = confirm(
                self,
                self.tr("Go live"),
                self.tr("Start “%1” now?").replace("%1", screen.session_title),
                self.tr("Go live"),
                self.tr("Once the session is live its checklist can no longer change."),
            )
            if not asked:
                return
        self._write(self.tr("Going live"), self.tr("The session is live."), work.go_live, self.session_id)

    def override_and_go_live(self, reason: str | None = None) -> None:
        """The owner's override with a reason, then go live; without ``reason`` a dialog warns and asks for it."""
        screen = self.screen
        if screen is None or screen.view is None or self.session_id is None:
            return
        if reason is None:
            open_items = screen.view.open_required
            names = "\n".join(f"• {item.title}" for item in open_items[:SHOWN_OPEN_ITEMS])
            if len(open_items) > SHOWN_OPEN_ITEMS:
                rest = str(len(open_items) - SHOWN_OPEN_ITEMS)
                names += "\n" + self.tr("… and %1 more").replace("%1", rest)
            reason = ask_reason(
                self,
                self.tr("Go live anyway"),
                self.tr("%1 required items are still open:").replace("%1", str(len(open_items)))
                + "\n"
                + names,
                self.tr("Override and go live"),
                warning=self.tr(
                    "The override is recorded in the evidence ledger with your name, the time and this reason, and "
                    "it shows on the pre-live sheet and in reports. The open items stay open on the record."
                ),
            )
            if reason is None:
                return
        done = self.tr("Override recorded; the session is live.")
        self._write(self.tr("Going live"), done, work.override_and_go_live, self.session_id, reason)

    def export_sheet(self) -> None:
        if self.session_id is not None:
            export_prelive_sheet(self.context, self.session_id, self)

    def _write(self, label: str, done_text: str, fn: Any, *args: Any) -> None:
        show_message(self.message, "")
        self._busy = True
        self._update_buttons()
        task = self.context.tasks.run(label, fn, self.context.db, self.context.actor, *args).bind(self)
        task.succeeded.connect(lambda result: self._on_write_succeeded(done_text, result))
        task.failed.connect(self._on_write_failed)

    def _on_write_succeeded(self, done_text: str, _result: Any) -> None:
        self._busy = False
        show_message(self.message, done_text, "ok")
        emit(self.changed)
        self.reload()

    def _on_write_failed(self, exc: BaseException) -> None:
        self._busy = False
        text = _plain(exc)
        show_message(self.message, text, "error")
        open_items = getattr(exc, "open_items", ())
        if open_items:
            self.tree.select_item(open_items[0].id)
        self._update_buttons()
        emit(self.refused, text)


def _plain(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, StudioDeskError | OSError) else f"{type(exc).__name__}: {exc}"


def _button(text: str, slot: Any) -> QPushButton:
    button = QPushButton(text)
    button.clicked.connect(slot)
    return button
