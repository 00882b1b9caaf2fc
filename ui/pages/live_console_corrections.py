"""The live console's corrections: the current promise row and what can be done to it, and 改价 on air.

Why: a promise said on air binds the studio and the log is its evidence (DOMAIN §4; 电子商务法 Art 62), so a promise
is never edited: each correction is a new row written by :mod:`core.services.promises`, and the list shows the
original "amended by #m" / "retracted by #m" next to it.

Contract (keys also work while the wording field has focus; each action is also a button below the list):
- Ctrl+Up / Ctrl+Down move the current row; it starts on the newest row that can be corrected (state "active",
  which a retraction row never is) and goes back there whenever a new promise or correction is logged.
- Ctrl+K 口误更正 (the host corrected herself on air; the session must be live), Ctrl+E 更正记录 (the log had a typo;
  the original time is kept), Ctrl+R 撤回 (logged by mistake; a reason is required) open a dialog that saves
  through :func:`ui.pages.live_console_data.correct_promise` and closes only on success. A row that cannot be
  corrected is refused beside the field, naming it, before any dialog opens; core's own refusals (someone else
  corrected it meanwhile) are shown in the dialog.
- Ctrl+P 改价 asks for the new price of the product on air and saves it through
  :func:`ui.pages.live_console_data.put_on_air` (a new timeline row at the new price); refused beside the field
  when the session is not live or nothing is on air.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTreeWidgetItem, QWidget

from core.domain.promise_terms import parse_terms
from ui.dialogs.price_change import PriceChangeDialog
from ui.dialogs.promise_correction import PromiseCorrectionDialog, RetractionDialog
from ui.money import yuan
from ui.pages import live_console_data as data
from ui.pages.live_console_entry import terms_text
from ui.pages.live_console_views import offset_text, segment_text, state_name

if TYPE_CHECKING:
    from ui.pages.live_console import LiveConsolePage


def correctable(view: Any) -> bool:
    """A row can be corrected while it is in force: not amended, not retracted, not itself a retraction."""
    return view.state == "active"


def default_promise(rows: tuple) -> int | None:
    """The newest row that can be corrected (the last one logged), or None."""
    ids = [view.id for view in rows if correctable(view)]
    return max(ids) if ids else None


def not_live_text(state: Any) -> str:
    """Why nothing can be done on air now ("" when the session is live)."""
    if state is None or state.session_id is None:
        return QCoreApplication.translate(
            "PromiseCorrections", "No session is live: plan one on the Sessions page"
        )
    if state.live:
        return ""
    if state.status in ("planned", "ready"):
        return QCoreApplication.translate(
            "PromiseCorrections", "This session has not gone live yet: press “Go live” first"
        )
    return QCoreApplication.translate(
        "PromiseCorrections", "This session has ended: nothing more happens on air"
    )


class PromiseCorrections(QWidget):
    """The three correction buttons under the promise list (and the price button the page puts by the on-air label).

    ``current_id`` is the current promise row; ``dialog`` the correction or price dialog last opened.
    """

    def __init__(self, page: LiveConsolePage) -> None:
        super().__init__(page)
        self.page = page
        self.current_id: int | None = None
        self.newest_seen: int | None = None  # the newest promise id at the last read
        self.dialog: QDialog | None = None
        self.on_air_button = QPushButton(self.tr("On-air correction (Ctrl+K)"))
        self.amend_button = QPushButton(self.tr("Fix the record (Ctrl+E)"))
        self.retract_button = QPushButton(self.tr("Retract (Ctrl+R)"))
        self.price_button = QPushButton(self.tr("Change price (Ctrl+P)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button, name in (
            (self.on_air_button, "on_air"),
            (self.amend_button, "amend"),
            (self.retract_button, "retract"),
            (self.price_button, "price"),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.clicked.connect(lambda _checked=False, name=name: self.command(name))
            if button is not self.price_button:
                layout.addWidget(button)
        layout.addStretch(1)
        page.promises.itemClicked.connect(self._picked)  # not currentItemChanged: refilling sets one

    # -- the current row -------------------------------------------------------------------------------------
    def rows(self) -> tuple:
        state = self.page.state
        return () if state is None else state.promises

    def current(self) -> Any:
        return next((view for view in self.rows() if view.id == self.current_id), None)

    def show_state(self) -> None:
        """After a read: the newest correctable row when a new promise arrived (the operator corrects what was just
        said) or the current row is gone; otherwise the row the operator picked stays current."""
        ids = [view.id for view in self.rows()]
        newest = max(ids, default=None)
        arrived = newest is not None and self.newest_seen is not None and newest > self.newest_seen
        if arrived or self.current_id not in ids:
            self.current_id = default_promise(self.rows())
        self.newest_seen = newest
        self._select()

    def _items(self) -> list[QTreeWidgetItem]:
        tree = self.page.promises
        return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]

    def _select(self) -> None:
        tree = self.page.promises
        tree.blockSignals(True)
        tree.setCurrentItem(None)
        for item in self._items():
            mine = item.data(0, Qt.ItemDataRole.UserRole) == self.current_id
            for column in range(tree.columnCount()):
                font = item.font(column)
                font.setBold(mine)
                item.setFont(column, font)
            if mine:
                tree.setCurrentItem(item)
                tree.scrollToItem(item)
        tree.blockSignals(False)
        self._enable()

    def _picked(self, item: QTreeWidgetItem | None, _column: int = 0) -> None:
        if item is not None:
            self.current_id = item.data(0, Qt.ItemDataRole.UserRole)
            self._select()

    def _enable(self) -> None:
        state, view = self.page.state, self.current()
        live = state is not None and state.live
        ok = view is not None and correctable(view)
        self.on_air_button.setEnabled(ok and live)
        self.amend_button.setEnabled(ok)
        self.retract_button.setEnabled(ok)
        self.price_button.setEnabled(live and state.on_air is not None)

    def move(self, step: int) -> bool:
        """Ctrl+Up (-1) / Ctrl+Down (+1): the row above or below becomes current (False at either end)."""
        ids = [item.data(0, Qt.ItemDataRole.UserRole) for item in self._items()]
        if not ids:
            self.page.entry.show_result(self.tr("No promise logged in this session yet"), "error")
            return False
        at = ids.index(self.current_id) if self.current_id in ids else len(ids)
        target = min(max(at + step, 0), len(ids) - 1)
        moved = ids[target] != self.current_id
        self.current_id = ids[target]
        self._select()
        return moved

    # -- commands --------------------------------------------------------------------------------------------
    def command(self, name: str) -> bool:
        """One of the Ctrl+key commands (``up``, ``down``, ``on_air``, ``amend``, ``retract``, ``price``)."""
        if name in ("up", "down"):
            return self.move(-1 if name == "up" else 1)
        if name == "price":
            return self.open_price() is not None
        return self.open_correction(name) is not None

    def _refusal(self, how: str, view: Any) -> str:
        state = self.page.state
        if state is None or state.session_id is None or (how == "on_air" and not state.live):
            return not_live_text(state)
        if view is None:
            return self.tr("No promise to correct: none is logged in this session yet")
        if view.state == "retraction":
            return self.tr("#%1 is a retraction entry; it cannot be corrected").replace("%1", str(view.id))
        if not correctable(view):
            newest = self.newest(view)
            return (
                self.tr("#%1 is %2: correct the newest entry #%3 instead")
                .replace("%1", str(view.id))
                .replace("%2", state_name(view))
                .replace("%3", str(newest.id))
            )
        return ""

    def newest(self, view: Any) -> Any:
        """The newest entry of ``view``'s correction chain (follows "amended/retracted by" to its end)."""
        by_id = {row.id: row for row in self.rows()}
        while view.superseded_by in by_id:
            view = by_id[view.superseded_by]
        return view

    def open_correction(self, how: str) -> QDialog | None:
        """Ctrl+K / Ctrl+E / Ctrl+R on the current row: the dialog (opened, not blocking), or None when refused."""
        view = self.current()
        refusal = self._refusal(how, view)
        if refusal:
            self.page.entry.show_result(refusal, "error")
            return None
        page, session_id = self.page, self.page.state.session_id
        subject = f"#{view.id}  {offset_text(view.offset_seconds)}  “{view.wording}”"

        def save(text: str) -> Any:
            return data.correct_promise(page.context.db, page.context.actor, session_id, view.id, how, text)

        parent = page.entry.window()
        if how == "retract":
            dialog: Any = RetractionDialog(
                self.tr("Retract #%1").replace("%1", str(view.id)),
                subject,
                self.tr("Retract"),
                save,
                warning=self.tr(
                    "Only for a promise logged by mistake: the entry stays on the record, marked as retracted."
                ),
                parent=parent,
            )
        else:
            on_air = how == "on_air"
            dialog = PromiseCorrectionDialog(
                (self.tr("On-air correction of #%1") if on_air else self.tr("Fix the record of #%1")).replace(
                    "%1", str(view.id)
                ),
                subject,
                self.tr("Save correction"),
                view.wording,
                save,
                note=self.tr("The host corrected herself on air: the new wording counts from now.")
                if on_air
                else self.tr("The log had a typo: the corrected entry keeps the original time."),
                terms_of=lambda text: QCoreApplication.translate("PromiseEntry", "Terms read: %1").replace(
                    "%1", terms_text(parse_terms(view.kind, text), view.kind) if text else ""
                ),
                parent=parent,
            )
        dialog.saved.connect(lambda new: self._corrected(view.id, new, how))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _corrected(self, old_id: int, new: Any, how: str) -> None:
        text = self.tr("Retracted #%1 (entry #%2)") if how == "retract" else self.tr("Corrected #%1 → #%2")
        self.page.entry.show_result(text.replace("%1", str(old_id)).replace("%2", str(new.id)), "ok")
        self.current_id = None  # back to the newest correctable row once the list is read again
        self.page.refresh()

    def open_price(self) -> QDialog | None:
        """Ctrl+P 改价: the dialog for the product on air, or None when not live or nothing is on air."""
        page, state = self.page, self.page.state
        refusal = not_live_text(state)
        if not refusal and state.on_air is None:
            refusal = self.tr("Nothing is on air: press 1–9 to put a product on air first")
        if refusal:
            page.entry.show_result(refusal, "error")
            return None
        segment, session_id = state.on_air, state.session_id
        number = next((p.number for p in state.lineup if p.product_id == segment.product_id), None)

        def save(fen: int) -> Any:
            return data.put_on_air(page.context.db, page.context.actor, session_id, segment.product_id, fen)

        dialog = PriceChangeDialog(segment.product_name, segment.price_fen, save, parent=page.entry.window())
        dialog.saved.connect(lambda new: self._price_changed(segment, new, number))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _price_changed(self, old: Any, new: Any, number: int | None) -> None:
        self.page.on_air.setText(segment_text(new, number))
        if self.page.compact is not None:
            self.page.compact.on_air.setText(segment_text(new, number))
        self.page.entry.show_result(
            self.tr("Price of %1 changed: %2 → %3")
            .replace("%1", new.product_name)
            .replace("%2", yuan(old.price_fen))
            .replace("%3", yuan(new.price_fen)),
            "ok",
        )
        self.page.refresh()


__all__ = ["PromiseCorrections", "correctable", "default_promise", "not_live_text"]
