"""The ticket detail panel's asking side: each action button opens its dialog, then calls the panel's write.

A mixin of :class:`ui.pages.ticket_detail.TicketDetail` (its ``self.tr`` context is "TicketDetail"). Rejecting asks
for the reason (the ``ticket_flow`` rule requires one); :meth:`TicketAsks.ask_rejection_reason` is the seam tests
replace to answer without a dialog.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from ui.widgets import error_text, show_message

REJECTED = "rejected"


class TicketAsks:
    """Dialog openers and list-selection actions; the host class provides the writes and the widgets."""

    def _code(self) -> str:
        return self.record.view.code if self.record is not None else ""

    def _step_clicked(self, target: str) -> None:
        if target != REJECTED:
            self.apply_status(target)
            return
        reason = self.ask_rejection_reason()
        if reason is not None:
            self.apply_status(target, reason=reason)

    def ask_rejection_reason(self) -> str | None:
        """The reason for rejecting (None when cancelled); tests replace this to answer without a dialog."""
        from ui.dialogs.reason import ask_reason

        return ask_reason(
            self,
            QCoreApplication.translate("TicketDetail", "Reject the request"),
            self._code(),
            QCoreApplication.translate("TicketDetail", "Reject"),
            warning=QCoreApplication.translate(
                "TicketDetail", "The reason is kept on the ticket's record and may be shown to the platform."
            ),
        )

    def _ask_note(self) -> None:
        from ui.dialogs.reason import ReasonDialog

        dialog = ReasonDialog(
            QCoreApplication.translate("TicketDetail", "Add a note"), self._code(), QCoreApplication.translate("TicketDetail", "Add note"), label=QCoreApplication.translate("TicketDetail", "Note (internal, not sent)"),
            placeholder=QCoreApplication.translate("TicketDetail", "What happened, what was agreed, what to check"), parent=self,
        )  # fmt: skip
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_note(dialog.reason())

    def _ask_reply(self) -> None:
        from ui.dialogs.ticket_reply import TicketReplyDialog

        if self.record is None:
            return
        dialog = TicketReplyDialog(self._code(), self.record.templates, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.send_reply(dialog.template_id(), dialog.body())

    def _ask_attach(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, QCoreApplication.translate("TicketDetail", "Attach a file to the ticket")
        )
        if path:
            self.attach(path)

    def _ask_link(self) -> None:
        from ui.dialogs.ticket_promise_link import TicketPromiseLinkDialog

        if self.record is None:
            return
        dialog = TicketPromiseLinkDialog(self._code(), self.record.suggestions, self.record.zone, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.promise_id() is not None:
            self.link_promise(dialog.promise_id())

    def _ask_follow_up(self) -> None:
        from ui.dialogs.ticket_follow_up import TicketFollowUpDialog

        dialog = TicketFollowUpDialog(self._code(), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.record_follow_up(dialog.reached(), dialog.satisfaction(), dialog.comment())

    def _unlink_selected(self) -> None:
        item = self.promises.currentItem()
        if item is None:
            show_message(
                self.action_message,
                QCoreApplication.translate("TicketDetail", "Choose a linked promise first."),
                "error",
            )
            return
        self.unlink_promise(int(item.data(0, Qt.ItemDataRole.UserRole)))

    def open_selected_attachment(self) -> Any:
        """Open the chosen attachment with the system's viewer (a hash-checked copy); a problem is shown."""
        from ui.vault_files import open_vault_file

        item = self.attachments.currentItem()
        if item is None:
            show_message(
                self.action_message,
                QCoreApplication.translate("TicketDetail", "Choose an attachment first."),
                "error",
            )
            return None
        task = open_vault_file(self.context, self, str(item.data(0, Qt.ItemDataRole.UserRole)), item.text(0))
        task.failed.connect(lambda exc: show_message(self.action_message, error_text(exc), "error"))
        return task


__all__ = ["REJECTED", "TicketAsks"]
