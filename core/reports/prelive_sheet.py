"""The pre-live sheet PDF (开播前确认单): one A4 page the host reads and signs before going on air.

Contract: :func:`build_prelive_sheet` lays out a :class:`core.services.prelive.PreliveSheet` (all text already in the
core language) and returns the PDF bytes. Every style, table style and canvas string names the embedded CJK font
(:func:`core.reports.fonts.register_fonts`), otherwise Chinese prints as black boxes. The sheet must stay on one
page: it is built at a comfortable size and the type shrinks step by step until it fits (a lineup of ~10 products
and the 15-item checklist fit at the normal size).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from core import i18n
from core.reports.fonts import register_fonts
from core.reports.sheet_style import AMBER, GREEN, HEAD_BG, RED, WIDTH, SheetStyles, build_a4, columns, para
from core.services.prelive import PreliveSheet

i18n.register(
    {
        "prelive_pdf.title": ("开播前确认单", "Pre-live sheet"),
        "prelive_pdf.studio": ("直播间", "Studio"),
        "prelive_pdf.session": ("场次", "Session"),
        "prelive_pdf.platform": ("平台 / 店铺", "Platform / shop"),
        "prelive_pdf.planned": ("计划时间", "Planned"),
        "prelive_pdf.hosts": ("主播", "Hosts"),
        "prelive_pdf.none": ("（未指定）", "(none)"),
        "prelive_pdf.lineup": ("商品排品", "Lineup"),
        "prelive_pdf.lineup.empty": ("本场还没有排品。", "No products in this lineup yet."),
        "prelive_pdf.col.pos": ("序", "#"),
        "prelive_pdf.col.product": ("商品", "Product"),
        "prelive_pdf.col.live": ("直播价", "Live price"),
        "prelive_pdf.col.original": ("原价", "Claimed 原价"),
        "prelive_pdf.col.lowest": ("7日最低", "7-day low"),
        "prelive_pdf.col.verdict": ("原价核验", "Claim check"),
        "prelive_pdf.col.papers": ("证照", "Papers"),
        "prelive_pdf.checklist": ("开播检查", "Pre-live checklist"),
        "prelive_pdf.checklist.counts": (
            "未完成 {open} · 已完成 {done} · 不适用 {na} · 豁免 {waived}",
            "open {open} · done {done} · n.a. {na} · waived {waived}",
        ),
        "prelive_pdf.col.item": ("检查项", "Item"),
        "prelive_pdf.col.required": ("必查", "Req."),
        "prelive_pdf.col.state": ("状态", "State"),
        "prelive_pdf.col.who": ("签字人 / 时间", "By / when"),
        "prelive_pdf.col.reason": ("理由", "Reason"),
        "prelive_pdf.yes": ("是", "yes"),
        "prelive_pdf.no": ("否", "no"),
        "prelive_pdf.gate": ("开播闸门：{text}", "Go-live gate: {text}"),
        "prelive_pdf.lint": ("话术检查", "Script check"),
        "prelive_pdf.lint.none": ("本场还没有话术。", "No script yet."),
        "prelive_pdf.col.script": ("话术", "Script"),
        "prelive_pdf.col.error": ("错误", "Error"),
        "prelive_pdf.col.warning": ("警告", "Warning"),
        "prelive_pdf.col.info": ("提示", "Info"),
        "prelive_pdf.col.exempted": ("已豁免", "Exempted"),
        "prelive_pdf.signatures": ("签字", "Signatures"),
        "prelive_pdf.sign.host": ("主播签字：", "Host signature:"),
        "prelive_pdf.sign.operator": ("场控 / 运营签字：", "Operator signature:"),
        "prelive_pdf.sign.date": ("日期：", "Date:"),
        "prelive_pdf.sign.note": (
            "签字即确认已阅读本单，并按本单所列价格、证照与话术要求直播。",
            "Signing confirms the signer has read this sheet and will stream by its prices, papers and wording.",
        ),
        "prelive_pdf.footer": (
            "账本头：{count} 条 / {hash}　·　生成于 {at}（{tz}）　·　第 {page} 页",
            "Ledger head: {count} / {hash}  ·  generated {at} ({tz})  ·  page {page}",
        ),
    }
)

_SIZES = (8.5, 8.0, 7.5, 7.0, 6.5, 6.0, 5.5)


def _header(data: PreliveSheet, st: SheetStyles) -> list:
    t = i18n.t
    rows = [
        (
            t("prelive_pdf.studio"),
            data.studio_name or "—",
            t("prelive_pdf.session"),
            f"#{data.session_id} {data.title}",
        ),
        (
            t("prelive_pdf.platform"),
            f"{data.platform} / {data.shop}" if data.shop else data.platform,
            t("prelive_pdf.planned"),
            f"{data.planned}（{data.timezone}）",
        ),
        (t("prelive_pdf.hosts"), "、".join(data.hosts) or t("prelive_pdf.none"), "", ""),
    ]
    cells = [[para(a, st.head), para(b, st.cell), para(c, st.head), para(d, st.cell)] for a, b, c, d in rows]
    widths = [22 * mm, 66 * mm, 22 * mm, WIDTH - 110 * mm]
    table = Table(cells, colWidths=widths)
    table.setStyle(
        st.table(
            ("BACKGROUND", (0, 0), (-1, -1), colors.white),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, 1), HEAD_BG),
            ("SPAN", (1, 2), (3, 2)),
        )
    )
    return [para(t("prelive_pdf.title"), st.title), Spacer(1, st.size * 0.4), table]


_PAPER_COLOR = {"lapsed": RED, "invalid": RED, "missing": RED, "expiring": AMBER, "ready": GREEN}


def _lineup(data: PreliveSheet, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("prelive_pdf.lineup"), st.h2)]
    if not data.lineup:
        return [*flow, para(t("prelive_pdf.lineup.empty"), st.body)]
    keys = ("pos", "product", "live", "original", "lowest", "verdict", "papers")
    cells = [[para(t(f"prelive_pdf.col.{k}"), st.head) for k in keys]]
    for row in data.lineup:
        papers = [para(row.papers, st.cell, _PAPER_COLOR.get(row.papers_state))]
        if row.override:
            papers.append(para(row.override, st.small, AMBER))
        cells.append(
            [
                para(str(row.position), st.cell),
                [para(row.product_name, st.cell), para(row.sku, st.small, "#5f6368")],
                para(row.live_price, st.cell),
                para(row.claimed_original, st.cell),
                para(row.lowest_7d, st.cell),
                para(row.price_verdict, st.cell, RED if row.price_flagged else None),
                papers,
            ]
        )
    table = Table(cells, colWidths=columns(6.5, 47, 16, 16, 16, 24, None), repeatRows=1)
    table.setStyle(st.table())
    return [*flow, table]


_STATE_COLOR = {"open": RED, "done": GREEN, "na": None, "waived": AMBER}


def _checklist(data: PreliveSheet, st: SheetStyles) -> list:
    t = i18n.t
    summary = data.checklist
    flow: list = [para(t("prelive_pdf.checklist"), st.h2)]
    counts = dict(summary.counts)
    line = t("prelive_pdf.checklist.counts", **counts) if summary.started else ""
    gate = t("prelive_pdf.gate", text=summary.gate_text)
    gate_color = GREEN if summary.gate_allowed else RED
    flow.append(
        Paragraph(
            (escape(line) + "　　" if line else "") + f'<font color="{gate_color}">{escape(gate)}</font>',
            st.body,
        )
    )
    if summary.override_text:
        flow.append(para(summary.override_text, st.body, AMBER))
    if not summary.rows:
        return flow
    keys = ("pos", "item", "required", "state", "who", "reason")
    cells = [[para(t(f"prelive_pdf.col.{k}"), st.head) for k in keys]]
    for row in summary.rows:
        who = f"{row.who} {row.at}".strip()
        cells.append(
            [
                para(str(row.position), st.cell),
                para(row.title, st.cell),
                para(t("prelive_pdf.yes") if row.required else t("prelive_pdf.no"), st.cell),
                para(row.state_text, st.cell, _STATE_COLOR.get(row.state)),
                para(who, st.small),
                para(row.reason, st.small),
            ]
        )
    table = Table(cells, colWidths=columns(7, 98, 9, 13, 25, None), repeatRows=1)
    table.setStyle(st.table())
    return [*flow, Spacer(1, st.size * 0.3), table]


def _lint(data: PreliveSheet, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("prelive_pdf.lint"), st.h2)]
    if not data.scripts:
        return [*flow, para(t("prelive_pdf.lint.none"), st.body)]
    keys = ("script", "error", "warning", "info", "exempted")
    cells = [[para(t(f"prelive_pdf.col.{k}"), st.head) for k in keys]]
    for script in data.scripts:
        counts = dict(script.counts)
        cells.append(
            [
                para(script.title, st.cell),
                para(str(counts["error"]), st.cell, RED if counts["error"] else None),
                para(str(counts["warning"]), st.cell, AMBER if counts["warning"] else None),
                para(str(counts["info"]), st.cell),
                para(str(script.exempted), st.cell),
            ]
        )
    widths = [WIDTH - 4 * 20 * mm] + [20 * mm] * 4
    table = Table(cells, colWidths=widths)
    table.setStyle(st.table())
    return [*flow, table]


def _signatures(st: SheetStyles) -> list:
    t = i18n.t
    line = "＿" * 14
    cells = [
        [
            para(t("prelive_pdf.sign.host") + line, st.body),
            para(t("prelive_pdf.sign.date") + "＿" * 8, st.body),
        ],
        [
            para(t("prelive_pdf.sign.operator") + line, st.body),
            para(t("prelive_pdf.sign.date") + "＿" * 8, st.body),
        ],
    ]
    table = Table(cells, colWidths=[WIDTH * 0.62, WIDTH * 0.38])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("TOPPADDING", (0, 0), (-1, -1), st.size * 0.9),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [
        KeepTogether(
            [para(t("prelive_pdf.signatures"), st.h2), para(t("prelive_pdf.sign.note"), st.small), table]
        )
    ]


def _render(data: PreliveSheet, font: str, size: float) -> tuple[bytes, int]:
    st = SheetStyles(font, size)
    story = [
        *_header(data, st),
        *_lineup(data, st),
        *_checklist(data, st),
        *_lint(data, st),
        *_signatures(st),
    ]
    return build_a4(
        story,
        title=f"{i18n.t('prelive_pdf.title')} #{data.session_id} {data.title}",
        author=data.studio_name,
        font=font,
        size=size,
        footer_text=lambda page: i18n.t(
            "prelive_pdf.footer",
            count=data.ledger_count,
            hash=data.ledger_hash,
            at=data.generated_at,
            tz=data.timezone,
            page=page,
        ),
    )


def build_prelive_sheet(data: PreliveSheet) -> bytes:
    """The sheet as PDF bytes: one A4 page, the type shrunk only as far as needed to keep it on one page.

    A lineup too long for one page even at the smallest size continues on a second page (numbered in the footer)
    rather than being cut off.
    """
    font = register_fonts()
    pdf = b""
    for size in _SIZES:
        pdf, pages = _render(data, font, size)
        if pages <= 1:
            break
    return pdf
