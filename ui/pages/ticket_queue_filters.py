"""The 售后工单 queue's filter bar: type, status, owner, platform, session, host, product, opened dates, search, and
the person's saved views (选择 · 另存为… · 删除).

``changed`` fires when the desk narrows the queue (the search box waits 250 ms after the last key); :meth:`filter`
is the current :class:`QueueFilter` and :meth:`set_filter` shows any filter, including a saved one whose several
types or statuses no single choice of a combo names (it then gets its own entry). Saved views are written in one
unit of work each, on the lane.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from core.services.ticket_events import status_name
from core.services.ticket_queue import QueueFilter
from ui.context import PageContext
from ui.labels import platform_names
from ui.pages.ticket_queue_model import kind_names
from ui.qtcompat import emit
from ui.widgets import error_text

SEARCH_PAUSE_MS = 250
NO_DATE = QDate(2000, 1, 1)  # the date edits' "any" value, shown as 不限
OPEN = "open"  # the status combo's default entry: every ticket not yet done


def _key(values: Any) -> str:
    """A combo entry's data: the values joined by commas (\"\" for any); plain strings compare safely in Qt."""
    if values is None:
        return ""
    if isinstance(values, (tuple, list)):
        return ",".join(str(v) for v in values)
    return str(values)


def _values(data: Any) -> tuple[str, ...]:
    return tuple(part for part in str(data or "").split(",") if part)


def load_views(db: Any, user_id: int | None, **_lane: Any) -> tuple:
    from core.services.ticket_queue import saved_views

    with db.sessions() as session:
        return saved_views(session, user_id)


def write_view(db: Any, actor: Any, name: str, flt: QueueFilter, **_lane: Any) -> int:
    from core.services.ticket_queue import save_view

    with db.unit_of_work(actor) as session:
        return save_view(session, actor.user_id, name, flt)


def remove_view(db: Any, actor: Any, view_id: int, **_lane: Any) -> None:
    from core.services.ticket_queue import delete_view

    with db.unit_of_work(actor) as session:
        delete_view(session, actor.user_id, view_id)


class QueueFilterBar(QWidget):
    """The filters above the queue (see the module docstring)."""

    changed = Signal()
    views_loaded = Signal()
    view_message = Signal(str, str)  # text, kind (ok/error): the page shows it

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._quiet = False
        self.views: tuple = ()
        self.kind = self._combo("filterKind")
        self.status = self._combo("filterStatus")
        self.owner = self._combo("filterOwner")
        self.platform = self._combo("filterPlatform")
        self.session = self._combo("filterSession")
        self.host = self._combo("filterHost")
        self.product = self._combo("filterProduct")
        self.opened_from = self._date("filterFrom")
        self.opened_to = self._date("filterTo")
        self.search = QLineEdit()
        self.search.setObjectName("queueSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search ticket, summary, buyer or order number"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self._changed)
        self.search.textChanged.connect(self.search_timer.start)
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.clicked.connect(self.clear)
        self.view = QComboBox()
        self.view.setObjectName("savedViews")
        self.view.setMinimumContentsLength(8)
        self.view.activated.connect(self._view_picked)
        self.save_button = QPushButton(self.tr("Save view as…"))
        self.save_button.setObjectName("saveView")
        self.save_button.clicked.connect(self.ask_save_view)
        self.delete_button = QPushButton(self.tr("Delete view"))
        self.delete_button.setObjectName("deleteView")
        self.delete_button.clicked.connect(self.delete_current_view)
        self._due = ""  # QueueFilter.due (the dashboard's counts): shown as a chip that drops it when clicked
        self.due_chip = QPushButton()
        self.due_chip.setObjectName("filterDue")
        self.due_chip.setToolTip(self.tr("Click to show every deadline again"))
        self.due_chip.clicked.connect(self._drop_due)
        self.due_chip.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        first = (self.kind, self.status, self.owner, self.platform, self.session, self.host, self.product)
        for column, widget in enumerate(first):
            grid.addWidget(widget, 0, column)
        dates = QHBoxLayout()
        dates.addWidget(QLabel(self.tr("Opened")))
        dates.addWidget(self.opened_from)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.opened_to)
        grid.addLayout(dates, 1, 0, 1, 2)
        grid.addWidget(self.search, 1, 2, 1, 3)
        views = QHBoxLayout()
        views.addWidget(self.due_chip)
        views.addWidget(self.clear_button)
        views.addSpacing(12)
        views.addWidget(QLabel(self.tr("View")))
        views.addWidget(self.view, 1)
        views.addWidget(self.save_button)
        views.addWidget(self.delete_button)
        grid.addLayout(views, 1, 5, 1, 2)
        self.set_choices(None)
        self.reload_views()

    # -- widgets -------------------------------------------------------------------------------------------------
    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._changed)
        return edit

    @staticmethod
    def _fill(combo: QComboBox, everything: str, entries: list[tuple[Any, str]]) -> None:
        """Refill ``combo`` with "any" then ``entries`` (data, text), keeping the chosen data when it is still there."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for data, text in entries:
            combo.addItem(text, _key(data))
        found = combo.findData(chosen)
        combo.setCurrentIndex(max(found, 0))
        combo.blockSignals(False)

    def set_choices(self, choices: Any, statuses: tuple[str, ...] = ()) -> None:
        """Fill the pickers from core's ``QueueChoices`` (None: types, statuses and platforms only)."""
        self._quiet = True
        self._fill(self.kind, self.tr("All types"), list(kind_names().items()))
        chosen = self.status.currentData()
        self._fill(self.status, self.tr("All statuses"), [(s, status_name(s)) for s in statuses])
        self.status.insertItem(0, self.tr("Open tickets"), OPEN)
        self.status.setCurrentIndex(max(self.status.findData(chosen), 0) if chosen else 0)
        self._fill(self.platform, self.tr("All platforms"), list(platform_names().items()))
        workers = choices.workers if choices else ()
        self._fill(self.owner, self.tr("All owners"), list(workers))
        sessions = choices.sessions if choices else ()
        self._fill(
            self.session,
            self.tr("All sessions"),
            [(i, f"{start:%m-%d} {title}" if start else title) for i, title, start in sessions],
        )
        self._fill(
            self.host, self.tr("All hosts"), [(i, name) for i, name in (choices.hosts if choices else ())]
        )
        products = choices.products if choices else ()
        self._fill(self.product, self.tr("All products"), [(i, name) for i, name in products])
        self._quiet = False

    # -- the filter ----------------------------------------------------------------------------------------------
    def _changed(self, *_args: Any) -> None:
        if not self._quiet:
            emit(self.changed)

    @staticmethod
    def _day(edit: QDateEdit) -> date | None:
        value = edit.date()
        return None if value == NO_DATE else date(value.year(), value.month(), value.day())

    @staticmethod
    def _one(combo: QComboBox) -> int | None:
        found = _values(combo.currentData())
        return int(found[0]) if found else None

    def filter(self) -> QueueFilter:
        status = self.status.currentData() or ""
        return QueueFilter(
            kinds=_values(self.kind.currentData()),
            statuses=() if status == OPEN else _values(status),
            owner_ids=tuple(int(v) for v in _values(self.owner.currentData())),
            platforms=_values(self.platform.currentData()),
            session_id=self._one(self.session),
            host_id=self._one(self.host),
            product_id=self._one(self.product),
            opened_from=self._day(self.opened_from),
            opened_to=self._day(self.opened_to),
            text=self.search.text().strip(),
            open_only=status == OPEN,
            due=self._due,
        )

    def _choose(self, combo: QComboBox, data: Any, label: str) -> None:
        """Select ``data``; a value no entry holds (several types, a session no longer listed) gets its own entry."""
        data = _key(data)
        found = combo.findData(data)
        if found < 0:
            combo.addItem(label, data)
            found = combo.count() - 1
        combo.setCurrentIndex(found)

    def set_filter(self, flt: QueueFilter) -> None:
        """Show ``flt`` in the widgets, then fire ``changed`` once."""
        self._quiet = True
        self.search_timer.stop()
        kinds = kind_names()
        self._choose(self.kind, flt.kinds, "、".join(kinds.get(k, k) for k in flt.kinds))
        status = OPEN if flt.open_only and not flt.statuses else _key(flt.statuses)
        self._choose(self.status, status, "、".join(status_name(s) for s in flt.statuses))
        self._choose(self.owner, flt.owner_ids, self.tr("Several owners"))
        names = platform_names()
        self._choose(self.platform, flt.platforms, "、".join(names.get(p, p) for p in flt.platforms))
        for combo, value in (
            (self.session, flt.session_id),
            (self.host, flt.host_id),
            (self.product, flt.product_id),
        ):
            self._choose(combo, value, f"#{value}")
        for edit, day in ((self.opened_from, flt.opened_from), (self.opened_to, flt.opened_to)):
            edit.setDate(QDate(day.year, day.month, day.day) if day else NO_DATE)
        self.search.setText(flt.text)
        self.search_timer.stop()
        self._show_due(flt.due)
        self._quiet = False
        emit(self.changed)

    def _show_due(self, due: str) -> None:
        self._due = due
        names = {
            "today": self.tr("Due by the end of today ✕"),
            "overdue": self.tr("Overdue ✕"),
            "breached": self.tr("Past a legal deadline ✕"),
        }
        self.due_chip.setText(names.get(due, due))
        self.due_chip.setVisible(bool(due))

    def _drop_due(self) -> None:
        self._show_due("")
        emit(self.changed)

    def clear(self) -> None:
        """Back to the default view: open tickets, nothing else narrowed."""
        self.view.setCurrentIndex(0)
        self.set_filter(QueueFilter(open_only=True))

    # -- saved views ---------------------------------------------------------------------------------------------
    def reload_views(self, select: int | None = None) -> None:
        task = self.context.tasks.run(
            self.tr("Reading saved views"), load_views, self.context.db, self.context.actor.user_id
        )
        task.bind(self)
        task.succeeded.connect(lambda views: self._show_views(views, select))
        task.failed.connect(lambda exc: emit(self.view_message, error_text(exc), "error"))

    def _show_views(self, views: tuple, select: int | None) -> None:
        self.views = views
        self.view.blockSignals(True)
        self.view.clear()
        self.view.addItem(self.tr("(no saved view)"), None)
        for view_id, name, _flt in views:
            self.view.addItem(name, view_id)
        self.view.setCurrentIndex(max(self.view.findData(select), 0) if select is not None else 0)
        self.view.blockSignals(False)
        self.delete_button.setEnabled(self.view.currentData() is not None)
        emit(self.views_loaded)

    def _view_picked(self, index: int) -> None:
        view_id = self.view.itemData(index)
        self.delete_button.setEnabled(view_id is not None)
        for found_id, _name, flt in self.views:
            if found_id == view_id:
                self.set_filter(flt)

    def ask_save_view(self) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Save view"),
            self.tr("Name of this view:"),
            text=self.view.currentText() if self.view.currentData() else "",
        )
        if ok:
            self.save_view(name)

    def save_view(self, name: str) -> None:
        """Save the current filter as the person's view ``name`` (an existing name is overwritten)."""
        task = self.context.tasks.run(
            self.tr("Saving the view"), write_view, self.context.db, self.context.actor, name, self.filter()
        ).bind(self)
        task.succeeded.connect(self._view_saved)
        task.failed.connect(lambda exc: emit(self.view_message, error_text(exc), "error"))

    def _view_saved(self, view_id: int) -> None:
        emit(self.view_message, self.tr("View saved."), "ok")
        self.reload_views(view_id)

    def delete_current_view(self) -> None:
        view_id = self.view.currentData()
        if view_id is None:
            return
        task = self.context.tasks.run(
            self.tr("Deleting the view"), remove_view, self.context.db, self.context.actor, view_id
        ).bind(self)
        task.succeeded.connect(lambda _r: self.reload_views())
        task.failed.connect(lambda exc: emit(self.view_message, error_text(exc), "error"))


__all__ = ["OPEN", "QueueFilterBar"]
