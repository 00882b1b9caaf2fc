"""The 工作台's 上月概况 strip (issue 7 deliverable 4) on a real database: the October of tests/core/test_kpis.py,
read on 20 November 2026 (the last ended month is October). Its charts are the monthly PDF's Chart objects."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core import clock
from tests.core.test_kpis import month  # noqa: F401 (the October fixture)

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)
WAIT = 20_000


@pytest.fixture
def page(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    from PySide6.QtCore import QCoreApplication

    from ui.context import PageContext
    from ui.pages.dashboard import DashboardPage

    with clock.fixed(NOW):
        page = DashboardPage(PageContext(tmp_db, owner, tasks))
        qtbot.addWidget(page)
        page.resize(1280, 800)
        # Until the second task arrives: 正在计算… (the translation merged by the lead) and no KPI value yet.
        assert page.month_strip.status.text() == QCoreApplication.translate("MonthStrip", "Calculating…")
        assert all(cell.text() == "" for cell in page.month_strip.cells.values())
        with qtbot.waitSignal(page.month_strip.loaded, timeout=WAIT):
            pass
        yield page
    tasks.wait_for_done(WAIT)


def test_the_strip_shows_october_complaint_rate_rising_in_red(page):
    """One complaint over three October orders, none over September's one order (test_kpis, by hand)."""
    strip = page.month_strip
    assert strip.period == "2026-10" and "2026-10" in strip.caption.text()
    cell = strip.cells["complaint_rate"].text()
    assert "投诉率" in cell and "<b>33.3%</b>" in cell
    assert "▲ 33.3" in cell and "#b3261e" in cell  # a complaint rate going up is bad: red


def test_the_strip_draws_both_charts_with_the_pdf_charts_numbers(page, tmp_db):
    from core.services.monthly_report import monthly_report_data

    views = page.month_strip.charts
    assert views["tickets_per_day"].chart.title == "每日新增工单（按日）"
    assert views["incidents_by_tier"].chart.title == "舆情事件按等级"
    assert views["tickets_per_day"].accessibleName() == "每日新增工单（按日）"
    with clock.fixed(NOW), tmp_db.sessions() as session:
        pdf = monthly_report_data(session, "2026-10", now=NOW).charts
    for key, view in views.items():
        assert view.chart.labels == pdf[key].labels and view.chart.series == pdf[key].series
    per_day = dict(
        zip(views["tickets_per_day"].chart.labels, views["tickets_per_day"].chart.series[0][1], strict=True)
    )
    assert {day for day, n in per_day.items() if n} == {"1", "10", "15", "21"}  # SH-1, SH-3, SH-5, SH-2
    assert views["incidents_by_tier"].chart.series[0][1] == (
        1.0,
        1.0,
        0.0,
        0.0,
    )  # YQ-1 tier IV, YQ-2 tier III


def test_clicking_the_strip_asks_for_the_evaluation_page_on_that_month(page, qtbot):
    from PySide6.QtCore import Qt

    with qtbot.waitSignal(page.evaluation_requested, timeout=WAIT) as asked:
        qtbot.mouseClick(page.month_strip, Qt.MouseButton.LeftButton)
    assert asked.args == ["2026-10"]
