"""承诺记录 The sessions page's promise tab: every promise and correction of the shown session (issue 4, item 5).

Why: what is promised on air binds the studio (消费者权益保护法实施条例 2024; 法释〔2022〕8号 Arts 2, 8, 10) and in
a dispute the seller produces the original record (电子商务法 Art 62). After the stream the operator checks the same
rows the promise sheet prints — time said (studio timezone), offset into the stream, product, type, wording verbatim,
terms, state and the ledger entry that vouches for the row — and prints the sheet for signing from here.

Contracts: :func:`load_promises` only reads (it runs on the background lane). Filtering (type, state, product,
wording text) happens in the widget on the loaded rows, never by reading again. "Corrected or retracted" shows the
rows no longer in force (amended or retracted originals) and the retraction entries that took them back. The print
button is always enabled: a session that never went live prints a sheet saying so ("未开播", no promises).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.context import PageContext
from ui.pages.live_console_entry import template_name, terms_text
from ui.pages.live_console_views import offset_text, state_name
from ui.qtcompat import emit
from ui.tasks import NewestRead
from ui.widgets import message_label, show_message

ALL = "__all__"
NO_PRODUCT = -1
IN_FORCE = "in_force"
CORRECTED = "corrected"
CORRECTED_STATES = frozenset({"amended", "retracted", "retraction"})
HASH_DIGITS = 12
NO_VALUE = "—"


@dataclass(frozen=True)
class PromiseRecord:
    """What the tab shows for one session: its promise views (core PromiseView, in the order said) and names."""

    session_id: int
    status: str
    promises: tuple[Any, ...]
    products: dict[int, str]
    templates: tuple[dict[str, Any], ...]
    zone: ZoneInfo
    over_promised: tuple[str, ...] = ()  # the over-promise check's sentences (a limit below the paid orders)


def load_promises(db: Any, session_id: int, **_lane: Any) -> PromiseRecord:
    """On the lane: the session's promises with product names, the active promise templates and the studio zone."""
    from core import rules
    from core.services import catalog, promises, sessions, studio
    from core.services.ticket_links import over_promise_warnings

    with db.sessions() as session:
        row = sessions.get_session(session, session_id)
        views = promises.list_promises(session, session_id)
        ids = sorted({v.product_id for v in views if v.product_id is not None})
        return PromiseRecord(
            session_id=session_id,
            status=row.status,
            promises=views,
            products={pid: catalog.get_product(session, pid).name for pid in ids},
            templates=tuple(rules.active_rule(session, "promises")["data"]["templates"]),
            zone=studio.studio_zone(session),
            over_promised=tuple(w.message for w in over_promise_warnings(session, session_id)),
        )


def matches(view: Any, kind: str, state: str, product: Any, text: str) -> bool:
    """Whether ``view`` passes the filters (``ALL`` passes anything; ``text`` is searched in the wording)."""
    if kind != ALL and view.kind != kind:
        return False
    if state == IN_FORCE and view.state != "active":
        return False
    if state == CORRECTED and view.state not in CORRECTED_STATES:
        return False
    if product != ALL and (view.product_id if view.product_id is not None else NO_PRODUCT) != product:
        return False
    needle = text.strip().casefold()
    return not needle or needle in view.wording.casefold()


class SessionPromisesTab(QWidget):
    """The list of one session's promises with filters, a "showing n of m" count and 打印承诺单…."""

    loaded = Signal()
    COLUMNS = 9
    WORDING = 5
    ENTRY = 8

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: int | None = None
        self.record: PromiseRecord | None = None
        self.reads = NewestRead(self, context.tasks)  # an older answer arriving late is dropped

        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("promiseKindFilter")
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("promiseStateFilter")
        self.state_filter.addItem(self.tr("All states"), ALL)
        self.state_filter.addItem(self.tr("In force"), IN_FORCE)
        self.state_filter.addItem(self.tr("Corrected or retracted"), CORRECTED)
        self.state_filter.setToolTip(
            self.tr(
                "“Corrected or retracted”: promises no longer in force and the retractions that took them back"
            )
        )
        self.product_filter = QComboBox()
        self.product_filter.setObjectName("promiseProductFilter")
        self.search = QLineEdit()
        self.search.setObjectName("promiseSearch")
        self.search.setPlaceholderText(self.tr("Search the wording…"))
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("promiseCount")
        self.print_button = QPushButton(self.tr("Print promise sheet…"))
        self.print_button.setObjectName("printPromiseSheet")
        self.print_button.setToolTip(
            self.tr(
                "The promise sheet (PDF) with every promise and correction, for the host and operator to sign"
            )
        )
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.setEnabled(False)
        for combo in (self.kind_filter, self.state_filter, self.product_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.search.textChanged.connect(self.apply_filters)
        self._fill_choices()

        filters = QHBoxLayout()
        for label, widget in (
            (self.tr("Type"), self.kind_filter),
            (self.tr("State"), self.state_filter),
            (self.tr("Product"), self.product_filter),
        ):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.print_button)

        self.tree = QTreeWidget()
        self.tree.setObjectName("sessionPromises")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.setHeaderLabels(
            [
                self.tr("#"),
                self.tr("Said at"),
                self.tr("Offset"),
                self.tr("Product"),
                self.tr("Type"),
                self.tr("Wording"),
                self.tr("Terms"),
                self.tr("State"),
                self.tr("Entry"),
            ]
        )
        header = self.tree.header()
        header.setStretchLastSection(False)
        fixed = {3: 150, 6: 170}  # product and terms: elided at a set width (full text in the tooltip) so the
        # state column stays on screen on a laptop; the person can still drag them wider
        for column in range(self.COLUMNS):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == self.WORDING
                else QHeaderView.ResizeMode.Interactive
                if column in fixed
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
            if column in fixed:
                header.resizeSection(column, fixed[column])
        self.empty = QLabel()
        self.empty.setObjectName("promisesEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #52606d; font-size: 11pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty)
        self.message = message_label()

        self.over_promised = message_label()  # issue 5: a gift limit below the paid orders, in red
        self.over_promised.setObjectName("overPromised")
        layout = QVBoxLayout(self)
        layout.addWidget(self.over_promised)
        layout.addLayout(filters)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self._show_empty(self.tr("No session selected."))

    # -- loading -------------------------------------------------------------------------------------------------
    def show_session(self, session_id: int | None) -> None:
        """Show ``session_id``'s promises (read on the lane); None clears the tab."""
        self.session_id = session_id
        self.print_button.setEnabled(session_id is not None)
        if session_id is None:
            self.record = None
            self.reads.drop()
            self._fill_choices()
            self.count.clear()
            self._show_empty(self.tr("No session selected."))
            return
        self.reload()

    def reload(self) -> None:
        if self.session_id is None:
            return
        self.reads.run(
            self.tr("Reading the promises"),
            load_promises,
            self.context.db,
            self.session_id,
            on_result=self._on_loaded,
            on_error=self._on_failed,
        )

    def showEvent(self, event: QShowEvent) -> None:
        """Read again each time the tab comes into view: promises may have been logged in the console meanwhile."""
        super().showEvent(event)
        if self.record is not None:
            self.reload()

    def _on_loaded(self, record: PromiseRecord) -> None:
        if record.session_id != self.session_id:
            return
        self.record = record
        self.message.clear()
        show_message(self.over_promised, "\n".join("⚠ " + text for text in record.over_promised), "error")
        self._fill_choices()
        self.apply_filters()
        emit(self.loaded)

    def _on_failed(self, exc: BaseException) -> None:
        show_message(
            self.message, self.tr("Could not read the promises: %1").replace("%1", str(exc)), "error"
        )

    # -- filters -------------------------------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        """Type (every template), product (each present): the current picks are kept when still offered."""
        record = self.record
        kinds = [(template_name(t), t["kind"]) for t in (record.templates if record else ())]
        products: list[tuple[str, Any]] = sorted(
            ((name, pid) for pid, name in (record.products if record else {}).items()), key=lambda p: p[0]
        )
        if record is not None and any(v.product_id is None for v in record.promises):
            products.append((self.tr("(no product)"), NO_PRODUCT))
        self._refill(self.kind_filter, self.tr("All types"), kinds)
        self._refill(self.product_filter, self.tr("All products"), products)

    @staticmethod
    def _refill(combo: QComboBox, everything: str, choices: list[tuple[str, Any]]) -> None:
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ALL)
        for text, data in choices:
            combo.addItem(text, data)
        combo.setCurrentIndex(max(0, combo.findData(kept)))
        combo.blockSignals(False)

    def shown_ids(self) -> list[int]:
        """The promise numbers now listed, top to bottom."""
        return [
            int(self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole))
            for i in range(self.tree.topLevelItemCount())
        ]

    def apply_filters(self) -> None:
        """List the loaded rows passing the filters and say "showing n of m"."""
        self.tree.clear()
        record = self.record
        if record is None:
            return
        total = len(record.promises)
        if total == 0:
            self.count.clear()
            if record.status in ("planned", "ready"):
                self._show_empty(
                    self.tr(
                        "No promises yet: they are logged from the live console once the session is live."
                    )
                )
            else:
                self._show_empty(self.tr("No promise was logged in this session."))
            return
        kind, state = self.kind_filter.currentData(), self.state_filter.currentData()
        product, text = self.product_filter.currentData(), self.search.text()
        shown = [v for v in record.promises if matches(v, kind, state, product, text)]
        for view in shown:
            self.tree.addTopLevelItem(self._item(view, record))
        self.stack.setCurrentWidget(self.tree)
        count = self.tr("Showing %1 of %2").replace("%1", str(len(shown))).replace("%2", str(total))
        if not shown:
            count += " · " + self.tr("no promise matches the filters")
        self.count.setText(count)

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentWidget(self.empty)

    # -- rows ----------------------------------------------------------------------------------------------------
    def _state_text(self, view: Any) -> str:
        text = state_name(view)
        if view.corrects_id is not None and view.correction != "retraction":
            what = (
                self.tr("corrected on air #%1") if view.correction == "on_air" else self.tr("amends #%1")
            ).replace("%1", str(view.corrects_id))
            text = f"{text} · {what}"
        return text

    def _item(self, view: Any, record: PromiseRecord) -> QTreeWidgetItem:
        names = {t["kind"]: template_name(t) for t in record.templates}
        product = record.products.get(view.product_id, "") if view.product_id is not None else ""
        digest = view.entry_hash or ""
        item = QTreeWidgetItem(
            [
                f"#{view.id}",
                view.said_at.astimezone(record.zone).strftime("%H:%M:%S"),
                offset_text(view.offset_seconds),
                product or NO_VALUE,
                names.get(view.kind, view.kind),
                view.wording,
                terms_text(view.terms, view.kind) or NO_VALUE,
                self._state_text(view),
                digest[:HASH_DIGITS] or NO_VALUE,
            ]
        )
        item.setData(0, Qt.ItemDataRole.UserRole, view.id)
        item.setToolTip(1, view.said_at.astimezone(record.zone).strftime("%Y-%m-%d %H:%M:%S %Z"))
        item.setToolTip(self.WORDING, view.wording)
        item.setToolTip(3, product)
        item.setToolTip(6, item.text(6))
        item.setToolTip(
            self.ENTRY,
            self.tr("Ledger entry %1: %2").replace("%1", str(view.entry_seq)).replace("%2", digest)
            if digest
            else self.tr("No ledger entry vouches for this row"),
        )
        if view.state in CORRECTED_STATES:
            for column in range(self.COLUMNS):
                item.setForeground(column, Qt.GlobalColor.gray)
        return item

    # -- printing ------------------------------------------------------------------------------------------------
    def print_sheet(self) -> None:
        """Ask where to save the shown session's promise sheet, then write it on the lane."""
        from ui.pages.promise_sheet_export import export_promise_sheet

        if self.session_id is not None:
            export_promise_sheet(self.context, self.session_id, self)


__all__ = ["PromiseRecord", "SessionPromisesTab", "load_promises", "matches"]
