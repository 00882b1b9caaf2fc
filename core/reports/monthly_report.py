"""月度服务评价报告 PDF The monthly service-evaluation report (issue 7 deliverable 3; DOMAIN §7, GB/T 27922).

Contract: :func:`build_monthly_report` lays out a :class:`core.services.monthly_report.MonthlyReport` and returns
the PDF bytes: A4; a cover (studio, month, score, grade, the owner's signature lines 店主 / 日期); a one-page summary
(score, grade, hard fails, the KPIs that moved most against last month with arrows); the six charts; section scores
with their items; hard-fail checks; overdue tickets; incidents; corrective actions; KPI definitions from the
``kpis`` rule; the ledger head it was printed against (电子商务法 Art 62). Every page footer says
"第 n 页，共 m 页". All text, styles, tables and chart labels name the embedded font.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Spacer, Table, TableStyle

from core import i18n
from core.reports.monthly_charts import chart_drawing
from core.reports.monthly_summary import local_time, points, summary_page
from core.reports.sheet_ledger import build_numbered_a4, ledger_close
from core.reports.sheet_style import GREEN, GREY, GRID, RED, WIDTH, SheetStyles, columns, head_table, para
from core.services.monthly_report import MonthlyReport

i18n.register(
    {
        "monthly_pdf.title": ("月度服务评价报告", "Monthly service evaluation report"),
        "monthly_pdf.period": ("{year} 年 {month} 月", "{year}-{month:02d}"),
        "monthly_pdf.days": ("统计期间：{start} 至 {end}（{tz}）", "Period: {start} to {end} ({tz})"),
        "monthly_pdf.generated": ("生成时间：{at}", "Generated: {at}"),
        "monthly_pdf.signed": (
            "第 {version} 版，已由 {who} 于 {at} 签署",
            "Version {version}, signed by {who} on {at}",
        ),
        "monthly_pdf.draft": (
            "第 {version} 版草稿，尚未签署（{n} 项待人工评分）",
            "Version {version} draft, not signed ({n} items to score by hand)",
        ),
        "monthly_pdf.sign": (
            "店主：＿＿＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿＿＿＿＿",
            "Owner: ____________        Date: ____________",
        ),
        "monthly_pdf.s.charts": ("二、图表", "2. Charts"),
        "monthly_pdf.s.sections": ("三、分项得分", "3. Section scores"),
        "monthly_pdf.col.item": ("评价项", "Item"),
        "monthly_pdf.col.points": ("得分", "Points"),
        "monthly_pdf.col.why": ("计分说明", "How it was scored"),
        "monthly_pdf.unscored": ("待评分", "To score"),
        "monthly_pdf.section": ("{name}　{got} / {max} 分", "{name}  {got} / {max}"),
        "monthly_pdf.s.hard": ("四、否决项检查", "4. Hard-fail checks"),
        "monthly_pdf.col.check": ("检查项", "Check"),
        "monthly_pdf.col.result": ("结果", "Result"),
        "monthly_pdf.failed": ("触发", "Failed"),
        "monthly_pdf.passed": ("未触发", "Passed"),
        "monthly_pdf.unanswered": ("待确认", "To answer"),
        "monthly_pdf.no_checks": (
            "签署版本未保存否决项明细。",
            "The signed version kept no hard-fail details.",
        ),
        "monthly_pdf.s.overdue": ("五、超期工单", "5. Overdue tickets"),
        "monthly_pdf.no_overdue": ("本月的工单没有超期未办的。", "No ticket of this month is overdue."),
        "monthly_pdf.more": ("另有 {n} 张未列出。", "{n} more not listed."),
        "monthly_pdf.s.incidents": ("六、舆情事件", "6. Incidents"),
        "monthly_pdf.no_incidents": ("本月没有登记舆情事件。", "No incident was logged this month."),
        "monthly_pdf.col.tier": ("等级", "Tier"),
        "monthly_pdf.col.channel": ("渠道", "Channel"),
        "monthly_pdf.col.seen": ("发现时间", "First seen"),
        "monthly_pdf.col.clocks": ("时限 按时/超时", "Clocks met / missed"),
        "monthly_pdf.s.corrective": ("七、整改措施", "7. Corrective actions"),
        "monthly_pdf.no_corrective": ("本月没有整改措施。", "No corrective action this month."),
        "monthly_pdf.col.title": ("措施", "Action"),
        "monthly_pdf.col.source": ("来源", "Source"),
        "monthly_pdf.col.owner": ("负责人", "Owner"),
        "monthly_pdf.s.definitions": ("八、指标口径", "8. KPI definitions"),
        "monthly_pdf.col.definition": ("口径与依据", "Definition and basis"),
        "monthly_pdf.s.ledger": ("九、账本头与核验方法", "9. Ledger head and how to verify"),
        "monthly_pdf.ledger": (
            "生成本报告时，证据账本共 {count} 条，账本头哈希：",
            "When this report was made the evidence ledger had {count} entries; the head hash is:",
        ),
        "monthly_pdf.verify": (
            "在工作室电脑上运行 python main.py verify 可核验账本；其中第 {count} 条的哈希应与上面一致。"
            "已签署的评价在签署时冻结，之后数据变化不会改变签署版本的分数。",
            "Run python main.py verify on the studio's computer; entry {count} must carry the hash above. A signed "
            "evaluation was frozen when signed; later data changes do not alter its scores.",
        ),
        "monthly_pdf.stamp": (
            "店主签字：＿＿＿＿＿＿＿＿＿＿　　日期：＿＿＿＿＿＿＿＿",
            "Owner: ____________    Date: __________",
        ),
        "monthly_pdf.footer": (
            "月度服务评价报告 {period}　·　账本头 {count} 条 / {hash}　·　第 {page} 页，共 {pages} 页",
            "Monthly report {period}  ·  ledger head {count} / {hash}  ·  page {page} of {pages}",
        ),
    }
)

_SIZE = 9.0


def _cover(data: MonthlyReport, st: SheetStyles) -> list:
    t, a = i18n.t, data.assessment
    big = st.title.clone("big", fontSize=st.size * 3.2, leading=st.size * 3.8)
    status = (
        t("monthly_pdf.signed", version=a.version, who=a.signed_by_name, at=local_time(data, a.signed_at))
        if a.signed
        else t("monthly_pdf.draft", version=a.version, n=a.unscored)
    )
    center = st.body.clone("center", alignment=1, fontSize=st.size * 1.2, leading=st.size * 1.7)
    return [
        Spacer(1, 40 * mm),
        *([para(data.studio_name, center)] if data.studio_name else []),
        Spacer(1, 4 * mm),
        para(t("monthly_pdf.title"), st.title),
        para(t("monthly_pdf.period", year=data.start.year, month=data.start.month), center),
        Spacer(1, 16 * mm),
        para(t("monthly_pdf.score", score=points(a.total_tenths)), big),
        para(t("monthly_pdf.grade", grade=a.grade_name), center, RED if a.grade == "fail" else None),
        Spacer(1, 6 * mm),
        para(status, center, GREEN if a.signed else GREY),
        para(t("monthly_pdf.days", start=data.start, end=data.end, tz=data.zone.key), center, GREY),
        para(t("monthly_pdf.generated", at=local_time(data, data.generated_at)), center, GREY),
        Spacer(1, 50 * mm),
        para(t("monthly_pdf.sign"), center),
        PageBreak(),
    ]


def _charts(data: MonthlyReport, st: SheetStyles) -> list:
    width, height = WIDTH / 2 - 4, 68 * mm
    drawings = [chart_drawing(chart, st.font, width, height) for chart in data.charts.values()]
    grid = [drawings[i : i + 2] for i in range(0, len(drawings), 2)]
    table = Table(grid, colWidths=[WIDTH / 2] * 2)
    table.setStyle(
        TableStyle([("GRID", (0, 0), (-1, -1), 0.3, GRID), ("FONTNAME", (0, 0), (-1, -1), st.font)])
    )
    return [para(i18n.t("monthly_pdf.s.charts"), st.h2), table]


def _sections(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("monthly_pdf.s.sections"), st.h2)]
    for section in data.assessment.sections:
        flow.append(para(t("monthly_pdf.section", name=section.name, got=points(section.got_tenths),
                           max=points(section.max_tenths or None)), st.body))  # fmt: skip
        rows: list[list[Any]] = [
            [para(t(f"monthly_pdf.col.{k}"), st.head) for k in ("item", "points", "why")]
        ]
        for item in section.items:
            got = t("monthly_pdf.unscored") if item.got_tenths is None else points(item.got_tenths)
            rows.append([para(item.name, st.cell), para(f"{got} / {points(item.max_tenths)}", st.cell),
                         para(item.why, st.small)])  # fmt: skip
        if len(rows) > 1:
            table = Table(rows, colWidths=columns(55, 22, None), repeatRows=1)
            table.setStyle(st.table())
            flow += [table, Spacer(1, 2 * mm)]
    return flow


def _hard(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    if not data.assessment.checks:
        return [para(t("monthly_pdf.s.hard"), st.h2), para(t("monthly_pdf.no_checks"), st.body, GREY)]
    rows: list[list[Any]] = [[para(t(f"monthly_pdf.col.{k}"), st.head) for k in ("check", "result", "why")]]
    for check in data.assessment.checks:
        key, colour = {True: ("failed", RED), False: ("passed", GREEN)}.get(
            check.failed, ("unanswered", GREY)
        )  # type: ignore[call-overload]
        rows.append(
            [
                para(check.name, st.cell),
                para(t(f"monthly_pdf.{key}"), st.cell, colour),
                para(check.why, st.small),
            ]
        )
    table = Table(rows, colWidths=columns(55, 18, None), repeatRows=1)
    table.setStyle(st.table())
    return [para(t("monthly_pdf.s.hard"), st.h2), table]


def overdue_flow(data: Any, st: SheetStyles, empty: str) -> list:
    """The overdue and breached tickets of a report (``data.overdue_tickets``, ``overdue_total``, ``zone``): a table,
    "n more not listed" when cut, or ``empty`` in green. Shared by the monthly and the session report."""
    t = i18n.t
    if not data.overdue_tickets:
        return [para(empty, st.body, GREEN)]
    head = [t(f"monthly_pdf.col.{k}") for k in ("code", "what", "deadline", "due", "state")]
    rows = [
        [para(o.code, st.cell), para(o.what, st.cell), para(o.deadline, st.cell), para(local_time(data, o.due), st.cell),
         para(o.state_name, st.cell, RED)]
        for o in data.overdue_tickets
    ]  # fmt: skip
    flow: list = [head_table(st, head, rows, columns(34, None, 38, 30, 24))]
    if data.overdue_total > len(data.overdue_tickets):
        flow.append(
            para(t("monthly_pdf.more", n=data.overdue_total - len(data.overdue_tickets)), st.small, GREY)
        )
    return flow


def incidents_flow(data: Any, st: SheetStyles, empty: str) -> list:
    """A report's incidents (``data.incidents``, ``zone``): code and summary, tier, channel, first seen, state and
    clocks met / missed (red when any was missed), or ``empty`` in green. Shared by the monthly and session report."""
    t = i18n.t
    if not data.incidents:
        return [para(empty, st.body, GREEN)]
    head = [t(f"monthly_pdf.col.{k}") for k in ("code", "tier", "channel", "seen", "state", "clocks")]
    rows = []
    for i in data.incidents:
        about = [para(i.code, st.cell), para(i.summary, st.small, GREY)]
        clocks = para(f"{i.clocks_met} / {i.clocks_missed}", st.cell, RED if i.clocks_missed else None)
        rows.append([about, para(i.tier_name, st.cell), para(i.channel, st.cell),
                     para(local_time(data, i.first_seen_at), st.cell), para(i.status, st.cell), clocks])  # fmt: skip
    return [head_table(st, head, rows, columns(None, 24, 24, 28, 18, 24))]


def _overdue(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    return [para(t("monthly_pdf.s.overdue"), st.h2), *overdue_flow(data, st, t("monthly_pdf.no_overdue"))]


def _incidents(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    return [
        para(t("monthly_pdf.s.incidents"), st.h2),
        *incidents_flow(data, st, t("monthly_pdf.no_incidents")),
    ]


def _corrective(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("monthly_pdf.s.corrective"), st.h2)]
    if not data.corrective:
        return [*flow, para(t("monthly_pdf.no_corrective"), st.body)]
    head = [t(f"monthly_pdf.col.{k}") for k in ("title", "source", "owner", "due", "state")]
    colour = {"done": GREEN, "overdue": RED, "open": None}
    rows = [
        [para(c.title, st.cell), para(c.source, st.cell), para(c.owner or "—", st.cell),
         para(str(c.due or "—"), st.cell), para(c.state_name, st.cell, colour[c.state])]
        for c in data.corrective
    ]  # fmt: skip
    flow.append(head_table(st, head, rows, columns(None, 22, 20, 22, 18)))
    return flow


def _definitions(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    head = [t("monthly_pdf.col.kpi"), t("monthly_pdf.col.definition")]
    rows = [
        [para(d.name, st.cell), [para(d.definition, st.small), para(d.basis, st.small, GREY)]]
        for d in data.definitions.values()
    ]
    return [para(t("monthly_pdf.s.definitions"), st.h2), head_table(st, head, rows, columns(48, None))]


def _closing(data: MonthlyReport, st: SheetStyles) -> list:
    t = i18n.t
    return [
        ledger_close(
            st,
            heading=t("monthly_pdf.s.ledger"),
            count_line=t("monthly_pdf.ledger", count=data.ledger_count),
            ledger_hash=data.ledger_hash,
            verify_line=t("monthly_pdf.verify", count=data.ledger_count),
            stamp=t("monthly_pdf.stamp"),
        )
    ]


def _story(data: MonthlyReport, font: str) -> list:
    st = SheetStyles(font, _SIZE, leading=1.3, h2_before=0.9, small=0.85, cell_padding=(1.5, 2))
    st.h2.keepWithNext = True
    return [
        *_cover(data, st), *summary_page(data, st), *_charts(data, st), *_sections(data, st), *_hard(data, st),
        *_overdue(data, st), *_incidents(data, st), *_corrective(data, st), *_definitions(data, st),
        *_closing(data, st),
    ]  # fmt: skip


def build_monthly_report(data: MonthlyReport) -> bytes:
    """The report as PDF bytes (see the module contract); laid out twice so each footer knows the page count."""
    return build_numbered_a4(
        lambda font: _story(data, font),
        title=f"{i18n.t('monthly_pdf.title')} {data.period}",
        author=data.studio_name,
        size=_SIZE,
        footer_text=lambda page, pages: i18n.t(
            "monthly_pdf.footer",
            period=data.period,
            count=data.ledger_count,
            hash=data.ledger_hash[:12],
            page=page,
            pages=pages,
        ),
    )


__all__ = ["build_monthly_report"]
