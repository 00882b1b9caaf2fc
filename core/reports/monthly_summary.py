"""月度报告的一页概要 The monthly report's one-page summary (issue 7; DOMAIN §7), the page an owner reads in a minute.

Contract: :func:`summary_page` lays out, from a :class:`core.services.monthly_report.MonthlyReport` only, on one A4
page ending in a page break: the score and grade; the six section scores (name, points got / max, a bar); the hard
fails (or 无); the month's counts (live sessions, orders, tickets, incidents); the three overdue tickets most at
risk (past a legal line first, then the longest overdue; or 无) with how many more there are; the open corrective
actions (overdue among them); and the KPIs that moved most against last month. The shared formatting helpers
(:func:`points`, :func:`value_text`, :func:`local_time`) are used by the rest of the report too.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Rect
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from core import i18n
from core.reports.sheet_style import GREEN, GREY, GRID, RED, SheetStyles, columns, para
from core.services.monthly_report import LIST_LIMIT, MonthlyReport, OverdueTicket

i18n.register(
    {
        "monthly_pdf.s.summary": ("一、本月概要", "1. The month at a glance"),
        "monthly_pdf.score": ("总分 {score} 分", "Score {score}"),
        "monthly_pdf.grade": ("等级：{grade}", "Grade: {grade}"),
        "monthly_pdf.hard_fails": ("否决项：{names}", "Hard fails: {names}"),
        "monthly_pdf.no_hard_fails": ("否决项：无", "Hard fails: none"),
        "monthly_pdf.sum.signed": ("已签署（第 {version} 版）", "Signed (version {version})"),
        "monthly_pdf.sum.draft": (
            "草稿，未签署（{n} 项待人工评分）",
            "Draft, not signed ({n} items to score by hand)",
        ),
        "monthly_pdf.sum.sections": ("分项得分", "Section scores"),
        "monthly_pdf.col.section": ("分项", "Section"),
        "monthly_pdf.col.got": ("得分 / 满分", "Points / max"),
        "monthly_pdf.col.bar": ("得分率", "Share of points"),
        "monthly_pdf.sum.unscored": ("含 {n} 项待评分", "{n} items still to score"),
        "monthly_pdf.sum.counts": ("本月数据", "This month's figures"),
        "monthly_pdf.sum.sessions": ("直播场次", "Live sessions"),
        "monthly_pdf.sum.orders": ("订单", "Orders"),
        "monthly_pdf.sum.tickets": ("售后工单", "Tickets"),
        "monthly_pdf.sum.incidents": ("舆情事件", "Incidents"),
        "monthly_pdf.sum.at_risk": ("最需关注的超期工单", "Overdue tickets most at risk"),
        "monthly_pdf.sum.no_at_risk": (
            "无：本月的工单没有超期未办的。",
            "None: no ticket of this month is overdue.",
        ),
        "monthly_pdf.sum.more_overdue": (
            "共 {n} 张超期，全部见第五部分。",
            "{n} overdue in all, every one in part 5.",
        ),
        "monthly_pdf.sum.corrective": (
            "整改措施 {total} 项：已完成 {done} 项，目前未完成 {open} 项（其中已逾期 {overdue} 项）；"
            "月末时未完成 {month_end} 项。",
            "Corrective actions, {total}: {done} done, {open} still open ({overdue} of them overdue); "
            "{month_end} were open at the month's end.",
        ),
        "monthly_pdf.sum.capped": (
            "（报告只列出前 {n} 项，以上件数按这 {n} 项统计。）",
            "(The report lists the first {n} only; the counts above are of those.)",
        ),
        "monthly_pdf.sum.no_corrective": ("整改措施：本月没有。", "Corrective actions: none this month."),
        "monthly_pdf.moved": ("与上月相比变化最大的指标", "KPIs that moved most against last month"),
        "monthly_pdf.no_moves": ("上月没有可比数据。", "No figures from last month to compare with."),
        "monthly_pdf.col.kpi": ("指标", "KPI"),
        "monthly_pdf.col.this": ("本月", "This month"),
        "monthly_pdf.col.prev": ("上月", "Last month"),
        "monthly_pdf.col.change": ("变化", "Change"),
        "monthly_pdf.col.code": ("编号", "Code"),
        "monthly_pdf.col.what": ("事项", "What"),
        "monthly_pdf.col.deadline": ("期限", "Deadline"),
        "monthly_pdf.col.due": ("截止", "Due"),
        "monthly_pdf.col.state": ("状态", "State"),
    }
)

MOVED = 8  # KPI rows on the summary page
AT_RISK = 3  # overdue tickets on the summary page
CORRECTIVE_LIMIT = LIST_LIMIT * 2  # as core.services.monthly_report keeps them
_BAR = "#3c6e9f"
_BAR_BG = "#e8eaed"


def points(tenths: int | None) -> str:
    """Points from tenths ("64.2"), "—" when not scored."""
    return "—" if tenths is None else f"{tenths / 10:g}"


def value_text(value: Any, unit: str) -> str:
    """A KPI value in its unit: ratios as percentages, hours with one decimal."""
    if value is None:
        return "—"
    if unit == "ratio":
        return f"{float(value) * 100:.1f}%"
    if unit == "hours":
        return f"{float(value):.1f} h"
    return f"{value:g}" if isinstance(value, float) else str(value)


def local_time(data: MonthlyReport, at: Any, fmt: str = "%Y-%m-%d %H:%M") -> str:
    """An aware UTC moment in the studio's time zone ("" for None)."""
    return "" if at is None else at.astimezone(data.zone).strftime(fmt)


def _bar(share: float, width: float, height: float, font: str) -> Drawing:
    drawing = Drawing(width, height, initialFontName=font)  # else ReportLab names Helvetica in the PDF
    drawing.add(Rect(0, 0, width, height, fillColor=colors.HexColor(_BAR_BG), strokeColor=None))
    if share:
        fill = colors.HexColor(_BAR)
        drawing.add(Rect(0, 0, width * min(max(share, 0.0), 1.0), height, fillColor=fill, strokeColor=None))
    return drawing


def _sections(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    bar_width = 62 * mm
    rows: list[list[Any]] = [[para(t(f"monthly_pdf.col.{k}"), st.head) for k in ("section", "got", "bar")]]
    for s in data.assessment.sections:
        share = s.got_tenths / s.max_tenths if s.max_tenths else None
        shown = f"{points(s.got_tenths)} / {points(s.max_tenths or None)}"
        if share is None:  # an older signed version kept the points only: no bar without a maximum
            rows.append([para(s.name, st.cell), para(shown, st.cell), para("—", st.cell, GREY)])
            continue
        bar = Table([[_bar(share, bar_width, st.size * 0.8, st.font), para(f"{share * 100:.0f}%", st.small, GREY)]],
                    colWidths=[bar_width + 2 * mm, None])  # fmt: skip
        bar.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), st.font), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))  # fmt: skip
        unscored = sum(i.got_tenths is None for i in s.items)
        name = [para(s.name, st.cell)]
        if unscored:
            name.append(para(t("monthly_pdf.sum.unscored", n=unscored), st.small, GREY))
        rows.append([name, para(shown, st.cell), bar])
    table = Table(rows, colWidths=columns(None, 30, 82))
    table.setStyle(st.table(("VALIGN", (0, 1), (-1, -1), "MIDDLE")))
    return [para(t("monthly_pdf.sum.sections"), st.h2), table]


def _counts(data: MonthlyReport, st: SheetStyles) -> list:
    c = data.kpis.counts
    figures = (("sessions", c.get("sessions_live", 0)), ("orders", c.get("orders", 0)),
               ("tickets", c.get("tickets", 0)), ("incidents", c.get("incidents", 0)))  # fmt: skip
    big = st.body.clone("figure", fontSize=st.size * 1.8, leading=st.size * 2.2, alignment=1)
    label = st.small.clone("figure_label", alignment=1)
    cells = [
        [[para(f"{n:,}", big), para(i18n.t(f"monthly_pdf.sum.{key}"), label, GREY)] for key, n in figures]
    ]
    table = Table(cells, colWidths=columns(*([None] + [45.0] * 3)))
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, GRID), ("INNERGRID", (0, 0), (-1, -1), 0.4, GRID),
                               ("FONTNAME", (0, 0), (-1, -1), st.font), ("TOPPADDING", (0, 0), (-1, -1), 3),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))  # fmt: skip
    return [para(i18n.t("monthly_pdf.sum.counts"), st.h2), table]


def at_risk(tickets: tuple[OverdueTicket, ...]) -> list[OverdueTicket]:
    """The ``AT_RISK`` tickets to name first: past a legal line before merely overdue, then the longest overdue."""
    return sorted(tickets, key=lambda o: (o.state != "breached", o.due))[:AT_RISK]


def _at_risk(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("monthly_pdf.sum.at_risk"), st.h2)]
    chosen = at_risk(data.overdue_tickets)
    if not chosen:
        return [*flow, para(t("monthly_pdf.sum.no_at_risk"), st.body, GREEN)]
    head = [t(f"monthly_pdf.col.{k}") for k in ("code", "what", "deadline", "due", "state")]
    rows = [[para(h, st.head) for h in head]]
    rows += [
        [para(o.code, st.cell), para(o.what, st.cell), para(o.deadline, st.cell),
         para(local_time(data, o.due), st.cell), para(o.state_name, st.cell, RED)]
        for o in chosen
    ]  # fmt: skip
    table = Table(rows, colWidths=columns(30, None, 36, 28, 24))
    table.setStyle(st.table())
    flow.append(table)
    if data.overdue_total > len(chosen):
        flow.append(para(t("monthly_pdf.sum.more_overdue", n=data.overdue_total), st.small, GREY))
    return flow


def _corrective(data: MonthlyReport, st: SheetStyles) -> list:
    """One line: the month's corrective actions as they stand now, and the KPI's count open at the month's end."""
    states = [c.state for c in data.corrective]
    if not states:
        return [Spacer(1, 2 * mm), para(i18n.t("monthly_pdf.sum.no_corrective"), st.body)]
    still_open, overdue = sum(s != "done" for s in states), states.count("overdue")
    month_end = data.kpis.values.get("corrective_open")
    text = i18n.t("monthly_pdf.sum.corrective", total=len(states), done=states.count("done"), open=still_open,
                  overdue=overdue, month_end="—" if month_end is None else month_end)  # fmt: skip
    flow = [Spacer(1, 2 * mm), para(text, st.body, RED if overdue else None)]
    if len(states) >= CORRECTIVE_LIMIT:
        flow.append(para(i18n.t("monthly_pdf.sum.capped", n=len(states)), st.small, GREY))
    return flow


def moved(data: MonthlyReport) -> list[tuple[str, Any, Any, Any, str]]:
    """The KPIs whose change is largest relative to their size, with the direction's colour."""
    found = []
    for key, (this, prev, change) in data.month_over_month.items():
        d = data.definitions.get(key)
        if d is None or change is None or change == 0:
            continue
        weight = abs(change) / max(abs(prev or 0), abs(this or 0), 1e-9)
        good = (change > 0) == (d.better == "higher")
        found.append((weight, key, good))
    found.sort(key=lambda x: -x[0])
    return [(key, *data.month_over_month[key], GREEN if good else RED) for _w, key, good in found[:MOVED]]


def _moved(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("monthly_pdf.moved"), st.h2)]
    found = moved(data)
    if not found:
        return [*flow, para(t("monthly_pdf.no_moves"), st.body, GREY)]
    head = [t(f"monthly_pdf.col.{k}") for k in ("kpi", "this", "prev", "change")]
    rows: list[list[Any]] = [[para(h, st.head) for h in head]]
    for key, this, prev, change, colour in found:
        d = data.definitions[key]
        arrow = "↑" if change > 0 else "↓"
        rows.append([para(d.name, st.cell), para(value_text(this, d.unit), st.cell),
                     para(value_text(prev, d.unit), st.cell),
                     para(f"{arrow} {value_text(abs(change), d.unit)}", st.cell, colour)])  # fmt: skip
    table = Table(rows, colWidths=columns(None, 28, 28, 30))
    table.setStyle(st.table())
    return [*flow, table]


def summary_page(data: MonthlyReport, st: SheetStyles) -> list:
    """The summary page's flowables (see the module contract), ending in a page break."""
    t, a = i18n.t, data.assessment
    status = (
        t("monthly_pdf.sum.signed", version=a.version)
        if a.signed
        else t("monthly_pdf.sum.draft", n=a.unscored)
    )
    score = f"{t('monthly_pdf.score', score=points(a.total_tenths))}　　{t('monthly_pdf.grade', grade=a.grade_name)}"
    flow: list = [
        para(t("monthly_pdf.s.summary"), st.h2),
        para(score, st.h2, RED if a.grade == "fail" else None),
        para(status, st.small, GREEN if a.signed else GREY),
    ]
    if a.hard_fails:
        flow.append(para(t("monthly_pdf.hard_fails", names="、".join(a.hard_fails)), st.body, RED))
    else:
        flow.append(para(t("monthly_pdf.no_hard_fails"), st.body, GREEN))
    return [
        *flow, *_sections(data, st), *_counts(data, st), *_at_risk(data, st), *_corrective(data, st),
        *_moved(data, st), PageBreak(),
    ]  # fmt: skip


__all__ = ["AT_RISK", "MOVED", "at_risk", "local_time", "moved", "points", "summary_page", "value_text"]
