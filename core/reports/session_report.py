"""场次报告 PDF One session's report: the promise sheet, then its after-sales picture (issue 7 deliverable 3).

Contract: :func:`build_session_report` lays out a :class:`core.services.session_report.SessionReport` and returns the
PDF bytes. The promise sheet (:mod:`core.reports.promise_sheet`) comes first exactly as printed alone; the
after-sales section starts on a new page: the session's KPIs beside the month's, the same charts as the monthly
report drawn by the same code (:func:`core.reports.monthly_charts.chart_drawing`), overdue tickets, incidents
linked to the session, promises with linked tickets. The signatures and the ledger head close the file once, and
every page footer says "第 n 页，共 m 页" across the whole file. All text names the embedded font.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from core import i18n
from core.reports.monthly_charts import chart_drawing
from core.reports.monthly_report import incidents_flow, overdue_flow
from core.reports.monthly_summary import value_text
from core.reports.promise_sheet import build_promise_sheet
from core.reports.sheet_style import GREEN, GREY, GRID, RED, WIDTH, SheetStyles, columns, head_table, para
from core.services.session_report import SessionReport

i18n.register(
    {
        "session_pdf.title": ("本场售后情况", "After-sales of this session"),
        "session_pdf.days": (
            "统计期间：{start} 至 {end}（开播当天至最后一笔订单或工单，{tz}）；对比：{year} 年 {month} 月全月。",
            "Measured {start} to {end} (from the day of the stream to its last order or ticket, {tz}); compared "
            "with the whole of {year}-{month:02d}.",
        ),
        "session_pdf.counts": (
            "本场订单 {orders} 笔，售后工单 {tickets} 张，未兑现的承诺 {promises} 条。",
            "This session: {orders} orders, {tickets} tickets, {promises} promises broken.",
        ),
        "session_pdf.no_orders": (
            "本场没有订单，也没有售后工单，售后指标无从计算。",
            "This session has no orders and no tickets: there is no after-sales figure to measure.",
        ),
        "session_pdf.no_orders_but_tickets": (
            "本场没有导入订单；以下指标只按工单计算。",
            "No order of this session has been imported; the figures below count tickets only.",
        ),
        "session_pdf.s.kpis": (
            "售后指标（本场与本月对比）",
            "Service KPIs, this session against the month",
        ),
        "session_pdf.col.session": ("本场", "This session"),
        "session_pdf.col.month": ("{month} 月全月", "All of month {month}"),
        "session_pdf.s.charts": ("图表", "Charts"),
        "session_pdf.chart.empty": ("本场无数据", "No data for this session"),
        "session_pdf.s.overdue": ("超期工单", "Overdue tickets"),
        "session_pdf.no_overdue": ("本场的工单没有超期未办的。", "No ticket of this session is overdue."),
        "session_pdf.s.incidents": ("关联舆情事件", "Linked incidents"),
        "session_pdf.no_incidents": (
            "没有与本场或本场工单关联的舆情事件。",
            "No incident is linked to this session or its tickets.",
        ),
        "session_pdf.s.promises": ("被投诉的承诺", "Promises with tickets"),
        "session_pdf.no_promises": (
            "本场的承诺没有关联工单。",
            "No ticket is linked to a promise of this session.",
        ),
        "session_pdf.col.tickets": ("关联工单", "Tickets"),
        "session_pdf.col.verdict": ("结论", "Verdict"),
    }
)

_STATE_COLOUR = {"broken": RED, "open": None, "refused": GREEN}


def _heading(text: str, st: SheetStyles) -> Any:
    """A section heading kept on the page of what follows it (a clone: the promise sheet's styles stay as they are)."""
    return para(text, st.h2.clone("session_h2", keepWithNext=True))


def _kpis(data: SessionReport, st: SheetStyles) -> list:
    t = i18n.t
    head = [
        t("monthly_pdf.col.kpi"),
        t("session_pdf.col.session"),
        t("session_pdf.col.month", month=data.start.month),
    ]
    rows = []
    for key, value in data.kpis.items():
        d = data.definitions.get(key)
        if d is None:
            continue
        rows.append([para(d.name, st.cell), para(value_text(value, d.unit), st.cell),
                     para(value_text(data.month.get(key), d.unit), st.cell, GREY)])  # fmt: skip
    return [_heading(t("session_pdf.s.kpis"), st), head_table(st, head, rows, columns(None, 32, 32))]


def _charts(data: SessionReport, st: SheetStyles) -> list:
    empty = i18n.t("session_pdf.chart.empty")
    per_day, *others = data.charts.values()
    half, height = WIDTH / 2 - 4, 62 * mm
    grid = [
        [chart_drawing(per_day, st.font, WIDTH - 8, height, empty), ""],
        [chart_drawing(chart, st.font, half, height, empty) for chart in others],
    ]
    table = Table(grid, colWidths=[WIDTH / 2] * 2)
    table.setStyle(
        TableStyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("GRID", (0, 0), (-1, -1), 0.3, GRID),
                ("FONTNAME", (0, 0), (-1, -1), st.font),
            ]
        )
    )
    return [_heading(i18n.t("session_pdf.s.charts"), st), table]


def _overdue(data: SessionReport, st: SheetStyles) -> list:
    t = i18n.t
    return [_heading(t("session_pdf.s.overdue"), st), *overdue_flow(data, st, t("session_pdf.no_overdue"))]


def _incidents(data: SessionReport, st: SheetStyles) -> list:
    t = i18n.t
    return [
        _heading(t("session_pdf.s.incidents"), st),
        *incidents_flow(data, st, t("session_pdf.no_incidents")),
    ]


def _promises(data: SessionReport, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [_heading(t("session_pdf.s.promises"), st)]
    if not data.promise_tickets:
        return [*flow, para(t("session_pdf.no_promises"), st.body, GREEN)]
    head = [t("promise_pdf.col.no"), t("promise_pdf.col.wording"), t("session_pdf.col.tickets"),
            t("session_pdf.col.verdict")]  # fmt: skip
    rows = [
        [para(f"#{p.number}", st.cell), para(p.wording, st.cell), para("、".join(p.tickets), st.cell),
         para(p.state_name, st.cell, _STATE_COLOUR.get(p.state))]
        for p in data.promise_tickets
    ]  # fmt: skip
    flow.append(head_table(st, head, rows, columns(12, None, 40, 24)))
    return flow


def after_sales(data: SessionReport, st: SheetStyles) -> list:
    """The after-sales pages (flowables in the promise sheet's styles), starting on a new page."""
    t = i18n.t
    days = t("session_pdf.days", start=data.start, end=data.end, tz=data.zone.key, year=data.start.year,
             month=data.start.month)  # fmt: skip
    flow: list = [PageBreak(), para(t("session_pdf.title"), st.title), Spacer(1, st.size * 0.4),
                  para(days, st.body, GREY)]  # fmt: skip
    broken = sum(p.state == "broken" for p in data.promise_tickets)
    flow.append(
        para(t("session_pdf.counts", orders=data.orders, tickets=data.tickets, promises=broken), st.body)
    )
    if not data.orders and not data.tickets:
        flow.append(para(t("session_pdf.no_orders"), st.body, RED))
    else:
        if not data.orders:
            flow.append(para(t("session_pdf.no_orders_but_tickets"), st.body, GREY))
        flow += [*_kpis(data, st), *_charts(data, st)]
    return [*flow, *_overdue(data, st), *_incidents(data, st), *_promises(data, st)]


def build_session_report(data: SessionReport) -> bytes:
    """The session report as PDF bytes (see the module contract)."""
    return build_promise_sheet(data.sheet, after=lambda st: after_sales(data, st))


__all__ = ["after_sales", "build_session_report"]
