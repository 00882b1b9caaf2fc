"""服务评价 Service evaluation: the month's KPIs, charts, the 100-point self-assessment, signing (issue #7).

Every read runs on the lane (:mod:`ui.pages.evaluation_data`); every write is one unit_of_work there. A month whose
newest version is signed shows the frozen figures read-only ("已签署 v1 · 王芳 · 日期"); the owner's 重新评价 turns
the page to the next version's draft (core's ``draft_evaluation`` carries the signed entries over; the draft row is
created by the first saved score or answer, and signing it makes version n + 1).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.errors import InvalidInput
from ui.context import PageContext
from ui.dialogs.confirm import confirm
from ui.pages import evaluation_data as data
from ui.pages.base import page_frame
from ui.pages.evaluation_assess import AssessmentPanel
from ui.pages.evaluation_charts import ChartView
from ui.pages.evaluation_kpis import BreakdownTable, KpiTable
from ui.qtcompat import emit
from ui.widgets import error_text, message_label, show_message

CHART_KEYS = (
    "tickets_per_day",
    "tickets_by_type",
    "deadline_compliance",
    "response_time_distribution",
    "promise_fulfilment_by_host",
    "incidents_by_tier",
)


class EvaluationPage(QWidget):
    """``loaded`` follows each finished read of a month (the tests and the dashboard tile wait on it)."""

    loaded = Signal()

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.confirm = confirm  # replaced in tests
        self.view: data.MonthView | None = None
        self.re_evaluating = False
        self.title = self.tr("Service evaluation")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        outer.addWidget(scroll)
        inner = QWidget()
        scroll.setWidget(inner)
        body = page_frame(
            inner, self.title, self.tr("The monthly service evaluation the owner prints and signs.")
        )
        body.addLayout(self._bar())
        self.message = message_label()
        body.addWidget(self.message)
        self.kpi_table = KpiTable()
        self.breakdown = BreakdownTable()
        self.breakdown.hide()
        kpis = QGroupBox(self.tr("Service KPIs"))
        column = QVBoxLayout(kpis)
        column.addWidget(QLabel(self.tr("Double-click a KPI or press ⓘ for its definition and basis.")))
        column.addWidget(self.kpi_table)
        column.addWidget(self.breakdown)
        body.addWidget(kpis)
        charts = QGroupBox(self.tr("Charts"))
        self.chart_grid = QGridLayout(charts)
        self.charts: dict[str, ChartView] = {}
        for index, key in enumerate(CHART_KEYS):
            view = ChartView()
            view.setObjectName(f"chart_{key}")
            self.charts[key] = view
            self.chart_grid.addWidget(view, index // 2, index % 2)
        self.chart_note = QLabel(self.tr("Loading…"))
        self.chart_grid.addWidget(self.chart_note, 3, 0, 1, 2)
        body.addWidget(charts)
        assess = QGroupBox(self.tr("Self-assessment (100 points)"))
        column = QVBoxLayout(assess)
        self.assessment = AssessmentPanel()
        self.assessment.score_requested.connect(self.save_score)
        self.assessment.answer_requested.connect(self.save_answer)
        column.addWidget(self.assessment)
        body.addWidget(assess)
        body.addStretch(1)
        task = context.tasks.run(self.tr("Reading the months"), data.default_month, context.db)
        task.succeeded.connect(self._on_months)
        task.failed.connect(self._on_failed)

    def _bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Month")))
        self.month_box = QComboBox()
        self.month_box.setObjectName("monthPicker")
        self.month_box.setMinimumWidth(110)
        bar.addWidget(self.month_box)
        bar.addWidget(QLabel(self.tr("Breakdown")))
        self.by_box = QComboBox()
        self.by_box.setObjectName("breakdownPicker")
        for text, by in (
            (self.tr("All"), None),
            (self.tr("By host"), "host"),
            (self.tr("By product"), "product"),
            (self.tr("By platform"), "platform"),
            (self.tr("By session"), "session"),
        ):
            self.by_box.addItem(text, by)
        bar.addWidget(self.by_box)
        self.status = QLabel()
        self.status.setObjectName("evaluationStatus")
        bar.addWidget(self.status, 1)
        self.reevaluate_button = QPushButton(self.tr("Re-evaluate"))
        self.reevaluate_button.setObjectName("reevaluateButton")
        self.reevaluate_button.clicked.connect(self.re_evaluate)
        self.sign_button = QPushButton(self.tr("Sign evaluation"))
        self.sign_button.setObjectName("signButton")
        self.sign_button.clicked.connect(self.sign)
        self.print_button = QPushButton(self.tr("Print monthly report…"))
        self.print_button.clicked.connect(self.print_report)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.setToolTip(self.tr("See the monthly report's pages and print them directly"))
        self.preview_button.clicked.connect(self.preview_report)
        self.excel_button = QPushButton(self.tr("Export to Excel…"))
        self.excel_button.setObjectName("excelButton")
        self.excel_button.setToolTip(
            self.tr("The month's KPIs (and the breakdown chosen) as an Excel workbook")
        )
        self.excel_button.clicked.connect(self.export_excel)
        buttons = (self.reevaluate_button, self.sign_button, self.print_button, self.preview_button)
        for button in (*buttons, self.excel_button):
            bar.addWidget(button)
        self.month_box.activated.connect(lambda _i: self.load())
        self.by_box.activated.connect(lambda _i: self.load())
        return bar

    # -- reading -----------------------------------------------------------------------------------------------
    def _on_months(self, result: tuple[str, tuple[str, ...]]) -> None:
        last, months = result
        self._fill_months(months, last)
        self.load()

    def _fill_months(self, months: tuple[str, ...], chosen: str) -> None:
        self.month_box.blockSignals(True)
        self.month_box.clear()
        for month in months:
            self.month_box.addItem(month, month)
        self.month_box.setCurrentIndex(max(0, self.month_box.findData(chosen)))
        self.month_box.blockSignals(False)

    def period(self) -> str:
        return str(self.month_box.currentData() or "")

    def show_period(self, period: str) -> None:
        """Show ``period`` ("YYYY-MM"), e.g. when the dashboard's score tile is clicked."""
        if self.month_box.findData(period) < 0:
            self.month_box.addItem(period, period)
        self.month_box.setCurrentIndex(self.month_box.findData(period))
        self.load()

    def load(self) -> None:
        period = self.period()
        if not period:
            return
        self.re_evaluating = False
        self.status.setText(self.tr("Reading %1…").replace("%1", period))
        task = self.context.tasks.run(
            self.tr("Reading the evaluation"),
            data.load_month,
            self.context.db,
            period,
            self.by_box.currentData(),
        )
        task.succeeded.connect(self._on_loaded)
        task.failed.connect(self._on_failed)
        charts = self.context.tasks.run(
            self.tr("Drawing the charts"), data.load_charts, self.context.db, period
        )
        charts.succeeded.connect(self._on_charts)
        charts.failed.connect(self._on_charts_failed)

    def _on_loaded(self, view: data.MonthView) -> None:
        if view.period != self.period():
            return  # an older answer for a month no longer chosen
        self.view = view
        self._fill_months(view.months, view.period)
        self.kpi_table.show_rows(view.rows, view.definitions, view.counts)
        if view.by:
            names = dict(view.group_names)
            if view.by == "platform":
                from ui.labels import platform_names

                names |= platform_names()
            self.breakdown.show_groups(view.groups, names, view.definitions)
        self.breakdown.setVisible(bool(view.by))
        self._show_assessment()
        emit(self.loaded)

    def _show_assessment(self) -> None:
        view = self.view
        if view is None:
            return
        owner = self.context.actor.may("evaluation.sign")
        signed = view.signed is not None and not self.re_evaluating
        shown = view.signed if signed and view.signed is not None else view.draft
        editable = not signed and self.context.actor.may("evaluation.score")
        self.assessment.show_assessment(shown, view.bands, editable)
        if signed:
            status = self.tr("Signed v%1 · %2 · %3").replace("%1", str(shown.version))
            status = status.replace("%2", shown.signed_by)
            status = status.replace("%3", view.history[-1][2] if view.history else "")
        else:
            status = self.tr("Draft v%1 · %2 items and %3 questions to go")
            status = status.replace("%1", str(shown.version)).replace("%2", str(shown.unscored))
            status = status.replace("%3", str(shown.unanswered))
            if not view.ended:
                status += " · " + self.tr("month not over yet")
            if view.history:
                last = view.history[-1]
                status += " · " + self.tr("v%1 signed %2").replace("%1", str(last[0])).replace("%2", last[2])
        self.status.setText(status)
        self.reevaluate_button.setVisible(signed and owner)
        self.sign_button.setVisible(not signed)
        self.sign_button.setEnabled(owner and view.ended)
        if not owner:
            self.sign_button.setToolTip(self.tr("Only the owner signs the monthly evaluation"))
        elif not view.ended:
            self.sign_button.setToolTip(self.tr("The month has not ended yet"))
        else:
            self.sign_button.setToolTip(self.tr("Freeze this month's evaluation with your signature"))

    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText("")
        show_message(self.message, self.tr("Could not read: %1").replace("%1", error_text(exc)), "error")
        emit(self.loaded)

    def _on_charts(self, charts: dict[str, Any]) -> None:
        for key, view in self.charts.items():
            view.set_chart(charts.get(key))
        self.chart_note.setText(self.tr("The same charts as the printed monthly report."))

    def _on_charts_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ImportError):
            text = self.tr("The charts arrive with the monthly report module.")
        else:
            text = self.tr("Could not draw the charts: %1").replace("%1", error_text(exc))
        self.chart_note.setText(text)

    # -- writing -----------------------------------------------------------------------------------------------
    def save_score(self, item_id: str, score: float, evidence: str) -> None:
        task = self.context.tasks.run(
            self.tr("Saving the score"), data.save_score, self.context.db, self.context.actor, self.period(),
            item_id, score, evidence,
        )  # fmt: skip
        task.succeeded.connect(lambda _r: self._reload_kept())
        task.failed.connect(lambda exc, key=item_id: self._on_write_failed(key, exc))

    def save_answer(self, check_id: str, failed: bool, evidence: str) -> None:
        task = self.context.tasks.run(
            self.tr("Saving the answer"), data.save_answer, self.context.db, self.context.actor, self.period(),
            check_id, failed, evidence,
        )  # fmt: skip
        task.succeeded.connect(lambda _r: self._reload_kept())
        task.failed.connect(lambda exc, key=check_id: self._on_write_failed(key, exc))

    def _reload_kept(self) -> None:
        show_message(self.message, "")
        self.load()

    def _on_write_failed(self, key: str, exc: BaseException) -> None:
        if isinstance(exc, InvalidInput) and exc.field in (
            "score",
            "evidence",
            "item_id",
            "check_id",
            "failed",
        ):
            self.assessment.show_error(key, error_text(exc))
        else:
            show_message(self.message, error_text(exc), "error")
        emit(self.loaded)

    def re_evaluate(self) -> None:
        """Show the next version's draft (entries carried over from the signed one); nothing is written yet."""
        self.re_evaluating = True
        self._show_assessment()

    def sign(self) -> None:
        period = self.period()
        if not self.confirm(
            self,
            self.tr("Sign evaluation"),
            self.tr("Sign the service evaluation of %1?").replace("%1", period),
            self.tr("Sign"),
            self.tr(
                "The figures are frozen and recorded in the evidence ledger; a later change is a new version."
            ),
        ):
            return
        task = self.context.tasks.run(
            self.tr("Signing the evaluation"), data.sign, self.context.db, self.context.actor, period
        )
        task.succeeded.connect(lambda _r: self._reload_kept())
        task.failed.connect(self._on_sign_failed)

    def _on_sign_failed(self, exc: BaseException) -> None:
        show_message(self.message, error_text(exc), "error")
        emit(self.loaded)

    def print_report(self) -> None:
        try:
            from ui.pages.monthly_export import export_monthly_report
        except ImportError:
            show_message(self.message, self.tr("The monthly report is not available yet."), "note")
            return
        export_monthly_report(self.context, self.period(), self)

    def preview_report(self) -> Any:
        """预览并打印…: the report's pages in Qt's print preview (built on the lane); the Task."""
        from ui.pages.monthly_print import preview_monthly_report

        return preview_monthly_report(self.context, self.period(), self)

    def export_excel(self) -> Any:
        """导出 Excel…: the month's KPIs with the breakdown shown; the Task, or None when cancelled."""
        from ui.pages.xlsx_export import export_kpis

        return export_kpis(self.context, self.period(), self, by=self.by_box.currentData())
