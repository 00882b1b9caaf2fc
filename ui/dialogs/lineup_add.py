"""添加商品 / 编辑价格: put a product into a session's lineup, or change an item's prices, in yuan.

Both dialogs write through :mod:`core.services.sessions` in one unit of work and show a refusal beside the field it
names. The lapsed-paper gate (直播电商监督管理办法 2026) refuses a product whose required paper has lapsed; the
dialog then says why, and for the owner opens a reason box: the owner may let it in, and the reason is recorded.
Product search reads on the background lane.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.domain.codes import Role
from core.errors import InvalidInput, StudioDeskError
from core.i18n import in_language
from ui.context import PageContext
from ui.money import parse_yuan, yuan, yuan_text
from ui.qtcompat import emit
from ui.widgets import FieldForm, message_label, show_message

PRICE_FIELDS = ("live_price_fen", "claimed_original_fen", "lowest_7d_fen")
SEARCH_DEBOUNCE_MS = 200


def _candidates(db: Any, query: str, **_lane: Any) -> list[Any]:
    from core.services import sessions

    with db.sessions() as session:
        return sessions.lineup_candidates(session, query=query, today=sessions.studio_today(session))


class PriceFields:
    """The three yuan boxes shared by both dialogs, parsed to fen with errors beside each box."""

    def __init__(self, form: FieldForm) -> None:
        self.form = form
        self.live = form.add_field(
            "live_price_fen", QCoreApplication.translate("PriceFields", "Live price (¥)"), QLineEdit()
        )
        self.live.setPlaceholderText(QCoreApplication.translate("PriceFields", "e.g. 59.90"))
        self.claimed = form.add_field(
            "claimed_original_fen",
            QCoreApplication.translate("PriceFields", "Claimed original price (¥)"),
            QLineEdit(),
        )
        self.claimed.setPlaceholderText(
            QCoreApplication.translate("PriceFields", "Leave empty when no struck-through price is shown")
        )
        self.lowest = form.add_field(
            "lowest_7d_fen", QCoreApplication.translate("PriceFields", "7-day lowest price (¥)"), QLineEdit()
        )
        self.lowest.setPlaceholderText(
            QCoreApplication.translate("PriceFields", "Leave empty to take it from earlier sessions")
        )

    def read(self) -> dict[str, int | None] | None:
        """Fen per field, or None after showing the first unreadable amount beside its box."""
        out: dict[str, int | None] = {}
        for name, box in zip(PRICE_FIELDS, (self.live, self.claimed, self.lowest), strict=True):
            try:
                out[name] = parse_yuan(box.text())
            except ValueError:
                self.form.show_error(
                    name, QCoreApplication.translate("PriceFields", "Enter an amount in yuan, e.g. 59.90")
                )
                return None
        if out["live_price_fen"] is None:
            self.form.show_error(
                "live_price_fen", QCoreApplication.translate("PriceFields", "Enter the live price")
            )
            return None
        return out


class LineupAddDialog(QDialog):
    """Search a product, give its prices, add it. ``added`` is the core item view after success."""

    candidates_loaded = Signal()

    def __init__(self, context: PageContext, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineupAddDialog")
        self.setWindowTitle(self.tr("Add a product to the lineup"))
        self.setMinimumWidth(560)
        self.context = context
        self.session_id = session_id
        self.added: Any | None = None
        self.candidates: list[Any] = []

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or SKU"))
        self.results = QListWidget()
        self.results.setObjectName("productResults")
        self.results.setMinimumHeight(180)
        self.results.currentRowChanged.connect(self._on_results_current_row_changed)
        self.form = FieldForm()
        self.form.add_field("product_id", self.tr("Product"), self.results)
        self.prices = PriceFields(self.form)
        self.reason = self.form.add_field("override_reason", self.tr("Owner's reason"), QLineEdit())
        self.reason.setPlaceholderText(self.tr("Why this product may go on air despite the lapsed paper"))
        self._set_reason_visible(False)
        self.note = message_label("note")
        self.note.setObjectName("lineupAddNote")

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DEBOUNCE_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(self.timer.start)
        self.run_search()

    def _set_reason_visible(self, visible: bool) -> None:
        self.reason_shown = visible
        self.form.form.setRowVisible(self.reason.parentWidget(), visible)

    # -- searching -----------------------------------------------------------------------------------------------
    def run_search(self) -> None:
        self.timer.stop()
        task = self.context.tasks.run(
            self.tr("Searching products"), _candidates, self.context.db, self.search.text()
        )
        task.succeeded.connect(self._on_search_succeeded)
        task.failed.connect(self._on_search_failed)

    def _on_search_succeeded(self, found: list[Any]) -> None:
        self.candidates = found
        self.results.clear()
        for candidate in found:
            text = f"{candidate.name} · {candidate.sku} · {candidate.category_name}"
            item = QListWidgetItem(text)
            if candidate.blocks_lineup:
                item.setText(text + "  ⚠ " + candidate.papers_note)
                item.setForeground(QColor("#b91c1c"))
                item.setToolTip(self.tr("Papers not in order: %1").replace("%1", candidate.papers_note))
            self.results.addItem(item)
        if not found:
            self.results.addItem(self.tr("No product matches."))
            self.results.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        emit(self.candidates_loaded)

    def _on_search_failed(self, exc: BaseException) -> None:
        show_message(self.form.general_error, str(exc))
        emit(self.candidates_loaded)

    def select_product(self, product_id: int) -> bool:
        """Make ``product_id`` the chosen product (it must be among the search results)."""
        for row, candidate in enumerate(self.candidates):
            if candidate.product_id == product_id:
                self.results.setCurrentRow(row)
                return True
        return False

    def chosen(self) -> Any | None:
        row = self.results.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def _on_results_current_row_changed(self, _row: int) -> None:
        candidate = self.chosen()
        self.form.clear_errors()
        self._set_reason_visible(False)
        show_message(self.note, "")
        if candidate is None:
            return
        if not self.prices.live.text().strip() and candidate.last_live_price_fen is not None:
            self.prices.live.setText(yuan_text(candidate.last_live_price_fen))
        if candidate.last_live_price_fen is not None:
            show_message(
                self.note,
                self.tr("Last live price of this product: %1").replace(
                    "%1", yuan(candidate.last_live_price_fen)
                ),
                "note",
            )

    # -- saving --------------------------------------------------------------------------------------------------
    def submit(self) -> bool:
        """Add the chosen product; a lapsed-paper refusal is explained, and the owner is offered the override."""
        from core.services import sessions
        from core.services.lineup import LineupBlocked

        self.form.clear_errors()
        candidate = self.chosen()
        if candidate is None:
            self.form.show_error("product_id", self.tr("Choose a product first"))
            return False
        prices = self.prices.read()
        if prices is None:
            return False
        reason = self.reason.text().strip() if self.reason_shown else ""
        actor = self.context.actor
        try:
            with self.context.db.unit_of_work(actor) as session:
                self.added = sessions.add_lineup_item(
                    session,
                    actor,
                    self.session_id,
                    candidate.product_id,
                    **prices,
                    override_reason=reason or None,
                    today=sessions.studio_today(session),
                )
        except LineupBlocked as exc:
            self._refused(exc, owner=actor.role == Role.OWNER)
            return False
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            return False
        except StudioDeskError as exc:
            show_message(self.form.general_error, str(exc))
            return False
        self.accept()
        return True

    def _refused(self, exc: Any, *, owner: bool) -> None:
        """Say why the gate refused; the owner gets the reason box (an empty reason is marked there)."""
        if owner and self.reason_shown and exc.field == "override_reason":
            self.form.show_error("override_reason", str(exc))
            return
        text = str(exc)
        basis = "；".join(in_language(b) for b in exc.readiness.readiness.blocks_lineup_basis)
        if basis and basis not in text:
            text += "\n" + self.tr("Basis: %1").replace("%1", basis)
        self.form.show_error("product_id", text)
        if owner:
            self._set_reason_visible(True)
            self.reason.setFocus()
            show_message(
                self.note,
                self.tr("As the owner you may let it in: write the reason, then press Add again."),
                "note",
            )


class LineupPriceDialog(QDialog):
    """Change a lineup item's prices and gift-stock confirmation. ``updated`` is the item view after success."""

    def __init__(self, context: PageContext, item: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lineupPriceDialog")
        self.setWindowTitle(self.tr("Edit prices: %1").replace("%1", item.product_name))
        self.setMinimumWidth(480)
        self.context = context
        self.item = item
        self.updated: Any | None = None
        self.form = FieldForm()
        self.prices = PriceFields(self.form)
        self.prices.live.setText(yuan_text(item.live_price_fen))
        self.prices.claimed.setText(yuan_text(item.claimed_original_fen))
        if item.lowest_source == "entered":
            self.prices.lowest.setText(yuan_text(item.lowest_7d_fen))
        self.gift = self.form.add_field(
            "gift_stock_confirmed",
            self.tr("Gifts"),
            QCheckBox(self.tr("Gift stock and stated value checked")),
        )
        self.gift.setChecked(item.gift_stock_confirmed)
        hint = QLabel(
            self.tr(
                "A claimed original price may not exceed the lowest price charged in the 7 days before "
                "(明码标价和禁止价格欺诈规定 Art 16)."
            )
        )
        hint.setWordWrap(True)
        hint.setObjectName("pagePurpose")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.form)
        layout.addWidget(buttons)

    def submit(self) -> bool:
        from core.services import sessions

        self.form.clear_errors()
        prices = self.prices.read()
        if prices is None:
            return False
        actor = self.context.actor
        try:
            with self.context.db.unit_of_work(actor) as session:
                self.updated = sessions.update_lineup_item(
                    session,
                    actor,
                    self.item.id,
                    **prices,
                    gift_stock_confirmed=self.gift.isChecked(),
                    today=sessions.studio_today(session),
                )
        except InvalidInput as exc:
            self.form.show_error(exc.field, str(exc))
            return False
        except StudioDeskError as exc:
            show_message(self.form.general_error, str(exc))
            return False
        self.accept()
        return True
