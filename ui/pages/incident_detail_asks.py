"""The incident detail panel's asking side: each button opens its dialog; the work each write does in its session.

A mixin of :class:`ui.pages.incident_detail.IncidentDetail` (its ``self.tr`` context is "IncidentDetail"). The
``*_work`` methods return ``work(session)`` callables for the panel's unit of work; the dialogs get
``submit`` callables that run one and return the refusal (shown under the field it names, the dialog stays open)
or None. :meth:`IncidentAsks.open_dialog` and :meth:`IncidentAsks.choose_screenshot` are the seams tests replace.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QListWidgetItem

from ui.widgets import error_text, show_message


def resolve_target(session: Any, target_type: str, identifier: str | int) -> int:
    """The id to link: a ticket code (SH-202611-0042), a product SKU, or the session's / host's id as chosen.
    An unknown code or SKU is refused naming 'target_id'."""
    from core import i18n
    from core.errors import InvalidInput
    from core.services import studio, tickets
    from core.services.product_list import list_products

    if isinstance(identifier, int):
        return identifier
    text = str(identifier).strip()
    found: int | None = None
    if target_type == "ticket":
        found = tickets.find_ticket_id(session, text.upper()) if text else None
    elif target_type == "product" and text:
        rows = list_products(session, today=studio.studio_today(session), search=text, include_inactive=True)
        found = next((r.id for r in rows if r.sku.upper() == text.upper()), None)
    elif text.isdigit():
        found = int(text)
    if found is None:
        kind = i18n.t(f"incidents.target.{target_type}")
        raise InvalidInput(i18n.t("incidents.no_target", kind=kind, id=text or "—"), field="target_id")
    return found


class IncidentAsks:
    """Dialog openers and the work of each write; the host class provides ``attempt``, the writes and widgets."""

    # -- the work of each write (run inside the panel's unit of work) -----------------------------------------

    def _ids(self) -> tuple[Any, int | None]:
        return self.context.actor, self.incident_id

    def tier_work(self, tier: str, reason: str = "") -> Any:
        from core.services import incidents

        actor, iid = self._ids()
        return lambda s: incidents.set_tier(s, actor, iid, tier, reason=reason)

    def reach_work(self, reach: int) -> Any:
        from core.services import incidents

        actor, iid = self._ids()
        return lambda s: incidents.update_reach(s, actor, iid, reach)

    def screenshot_work(self, path: str) -> Any:
        from pathlib import Path

        from core.services import incidents

        actor, iid = self._ids()
        vault_dir = self.context.db.vault_dir
        return lambda s: incidents.attach_screenshot(s, actor, vault_dir, iid, Path(path))

    def action_work(self, kind: str, body: str = "") -> Any:
        from core.services import incident_actions

        actor, iid = self._ids()
        return lambda s: incident_actions.record_action(s, actor, iid, kind, body=body)

    def link_work(self, target_type: str, identifier: str | int) -> Any:
        from core.services import incidents

        actor, iid = self._ids()
        return lambda s: incidents.link_to(
            s, actor, iid, target_type, resolve_target(s, target_type, identifier)
        )

    def corrective_work(self, title: str, owner_id: int, due_on: Any) -> Any:
        from core.services import incident_actions

        actor, iid = self._ids()
        return lambda s: incident_actions.add_corrective_action(
            s, actor, iid, title=title, owner_id=owner_id, due_on=due_on
        )

    def done_work(self, corrective_id: int) -> Any:
        from core.services import incident_actions

        actor = self.context.actor
        return lambda s: incident_actions.mark_action_done(s, actor, corrective_id)

    def close_work(self, root_cause: str, override_reason: str = "") -> Any:
        from core.services import incident_actions

        actor, iid = self._ids()
        return lambda s: incident_actions.close_incident(
            s, actor, iid, root_cause=root_cause, override_reason=override_reason
        )

    # -- dialogs ------------------------------------------------------------------------------------------------

    def open_dialog(self, dialog: QDialog) -> int:
        """Show ``dialog`` modally (tests replace this to drive it)."""
        return dialog.exec()

    def _code(self) -> str:
        return self.record.view.code if self.record is not None else ""

    def _ask_tier(self) -> None:
        from ui.dialogs.incident_tier import IncidentTierDialog

        if self.record is None:
            return
        view = self.record.view
        dialog = IncidentTierDialog(
            view.code,
            self.record.tier_choices,
            current=view.tier,
            suggested=view.suggestion.tier,
            confirmed=view.tier_confirmed,
            submit=lambda tier, reason: self.attempt(self.tier_work(tier, reason)),
            parent=self,
        )
        self.open_dialog(dialog)

    def _ask_action(self) -> None:
        from ui.dialogs.incident_action import IncidentActionDialog

        if self.record is None:
            return
        dialog = IncidentActionDialog(
            self._code(),
            self.record.action_kinds,
            self.record.view.guide,
            submit=lambda kind, body: self.attempt(self.action_work(kind, body)),
            parent=self,
        )
        self.open_dialog(dialog)

    def _ask_link(self) -> None:
        from ui.dialogs.incident_link import IncidentLinkDialog

        if self.record is None:
            return
        dialog = IncidentLinkDialog(
            self._code(),
            sessions=self.record.sessions,
            hosts=self.record.hosts,
            zone=self.record.zone,
            submit=lambda kind, identifier: self.attempt(self.link_work(kind, identifier)),
            parent=self,
        )
        self.open_dialog(dialog)

    def _ask_corrective(self) -> None:
        from ui.dialogs.incident_corrective import IncidentCorrectiveDialog

        if self.record is None:
            return
        dialog = IncidentCorrectiveDialog(
            self._code(),
            self.record.staff,
            today=self.record.now.astimezone(self.record.zone).date(),
            submit=lambda title, owner, due: self.attempt(self.corrective_work(title, owner, due)),
            parent=self,
        )
        self.open_dialog(dialog)

    def _ask_close(self) -> None:
        from core.domain.codes import Role
        from ui.dialogs.incident_close import IncidentCloseDialog

        if self.record is None:
            return
        pending = [c for c in self.record.view.corrective if c.done_at is None]
        dialog = IncidentCloseDialog(
            self._code(),
            pending,
            may_override=self.context.actor.role == Role.OWNER,
            submit=lambda cause, override: self.attempt(self.close_work(cause, override)),
            parent=self,
        )
        self.open_dialog(dialog)

    def _ask_reach(self) -> None:
        if self.record is None:
            return
        current = self.record.view.reach or 0
        value, ok = QInputDialog.getInt(
            self,
            QCoreApplication.translate("IncidentDetail", "Update reach"),
            QCoreApplication.translate(
                "IncidentDetail", "Reach now (views, reposts or comments as the platform shows):"
            ),
            current,
            0,
            2_000_000_000,
        )
        if ok:
            self.update_reach(int(value))

    def choose_screenshot(self) -> str:
        """The file to attach ("" when cancelled); tests replace this to answer without a dialog."""
        path, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("IncidentDetail", "Add a screenshot of the post"),
            "",
            QCoreApplication.translate(
                "IncidentDetail", "Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"
            ),
        )
        return path

    def _ask_screenshot(self) -> None:
        path = self.choose_screenshot()
        if path:
            self.attach_screenshot(path)

    def _mark_selected_done(self) -> None:
        item = self.corrective.currentItem()
        if item is None or not item.data(3, Qt.ItemDataRole.UserRole):
            show_message(
                self.action_message,
                QCoreApplication.translate("IncidentDetail", "Choose an open corrective action first."),
                "error",
            )
            return
        self.mark_done(int(item.data(0, Qt.ItemDataRole.UserRole)))

    # -- opening --------------------------------------------------------------------------------------------

    def open_url(self, url: QUrl) -> bool:
        """Hand ``url`` to the system (tests replace this)."""
        return QDesktopServices.openUrl(url)

    def open_link(self, link: str) -> None:
        """Open the post's public link in the browser."""
        self.open_url(QUrl(link))

    def open_linked(self, item: Any, _column: int = 0) -> bool:
        """Double-clicking a linked ticket opens it on the 售后工单 page (MainWindow.open_queue narrowed to its code,
        then selected); other link types have no page to jump to. False when nothing was opened."""
        from core.services.ticket_queue import QueueFilter

        target_type, target_id = item.data(0, Qt.ItemDataRole.UserRole)
        window = self.window()
        if target_type != "ticket" or not hasattr(window, "open_queue"):
            return False
        code = item.text(0).split()[-1]
        page = window.open_queue(QueueFilter(text=code))
        page.reload(select=int(target_id))
        return True

    def _screenshot_clicked(self, item: QListWidgetItem) -> Any:
        """Open the screenshot with the system's viewer (a hash-checked copy); a problem is shown."""
        from ui.vault_files import open_vault_file

        task = open_vault_file(self.context, self, str(item.data(Qt.ItemDataRole.UserRole)), item.text())
        task.failed.connect(lambda exc: show_message(self.action_message, error_text(exc), "error"))
        return task


__all__ = ["IncidentAsks", "resolve_target"]
