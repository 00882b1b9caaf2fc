"""The promise sheet PDF (直播承诺单): every promise and correction of one session, for the host to sign.

Contract: :func:`build_promise_sheet` lays out a :class:`core.services.promise_sheet.PromiseSheet` (all text already
in the core language) and returns the PDF bytes: A4 portrait, as many pages as the promises need, the promise
table's header repeated on each page, and a footer on every page with the ledger head and "page n of N" (so a
missing page shows). Every style, table style and canvas string names the embedded CJK font
(:func:`core.reports.fonts.register_fonts`), otherwise Chinese prints as black boxes.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from core import i18n
from core.reports.fonts import register_fonts
from core.reports.sheet_style import (
    AMBER,
    GREEN,
    GREY,
    HEAD_BG,
    RED,
    WIDTH,
    SheetStyles,
    build_a4,
    columns,
    para,
)
from core.services.promise_sheet import PromiseSheet

i18n.register(
    {
        "promise_pdf.title": ("直播承诺单", "Promise sheet"),
        "promise_pdf.studio": ("直播间", "Studio"),
        "promise_pdf.session": ("场次", "Session"),
        "promise_pdf.platform": ("平台 / 店铺", "Platform / shop"),
        "promise_pdf.hosts": ("主播", "Hosts"),
        "promise_pdf.planned": ("计划时间", "Planned"),
        "promise_pdf.actual": ("实际直播", "On air"),
        "promise_pdf.none": ("（未指定）", "(none)"),
        "promise_pdf.timeline": ("在播时间线", "Timeline"),
        "promise_pdf.timeline.summary": (
            "共 {segments} 段，上播商品 {products} 款，价格变更 {changes} 次。",
            "{segments} segment(s), {products} product(s) on air, {changes} price change(s).",
        ),
        "promise_pdf.timeline.empty": ("本场没有上播记录。", "Nothing was put on air in this session."),
        "promise_pdf.col.start": ("开始", "Start"),
        "promise_pdf.col.offset": ("开播后", "Offset"),
        "promise_pdf.col.length": ("时长", "Length"),
        "promise_pdf.col.price": ("在播价", "Price"),
        "promise_pdf.on_air_now": ("在播中", "on air"),
        "promise_pdf.promises": ("承诺与更正", "Promises and corrections"),
        "promise_pdf.promises.summary": (
            "共 {total} 条：有效 {active}，已修正 {amended}，已撤回 {retracted}，撤回记录 {retraction}。",
            "{total} entries: {active} in force, {amended} amended, {retracted} retracted, {retraction} retractions.",
        ),
        "promise_pdf.promises.empty": ("本场没有记录承诺。", "No promise was logged in this session."),
        "promise_pdf.col.no": ("编号", "#"),
        "promise_pdf.col.said": ("时间", "Time"),
        "promise_pdf.col.product": ("商品", "Product"),
        "promise_pdf.col.kind": ("类型", "Type"),
        "promise_pdf.col.wording": ("原话", "Wording"),
        "promise_pdf.col.terms": ("条款", "Terms"),
        "promise_pdf.col.state": ("状态", "State"),
        "promise_pdf.col.hash": ("账本条目", "Ledger entry"),
        "promise_pdf.ledger": (
            "账本头：第 {count} 条，哈希 {hash}",
            "Ledger head: entry {count}, hash {hash}",
        ),
        "promise_pdf.signatures": ("签字", "Signatures"),
        "promise_pdf.sign.host": ("主播签字：", "Host signature:"),
        "promise_pdf.sign.operator": ("场控 / 运营签字：", "Operator signature:"),
        "promise_pdf.sign.date": ("日期：", "Date:"),
        "promise_pdf.sign.note": (
            "签字即确认本单所列承诺与直播中所说一致；每条承诺的账本条目与上方账本头可用“校验”命令核对。",
            "Signing confirms this sheet matches what was said on air; each entry and the ledger head above can "
            "be checked with the verify command.",
        ),
        "promise_pdf.footer": (
            "账本头：{count} 条 / {hash}　·　生成于 {at}（{tz}）　·　第 {page} 页，共 {pages} 页",
            "Ledger head: {count} / {hash}  ·  generated {at} ({tz})  ·  page {page} of {pages}",
        ),
    }
)

After = Callable[[SheetStyles], list]
_RETRACTED_BG = colors.HexColor("#fbeaea")
_SIZE = 8.5
_STATE_COLOR = {"active": GREEN, "amended": AMBER, "retracted": RED, "retraction": RED}


def _header(data: PromiseSheet, st: SheetStyles) -> list:
    t = i18n.t
    rows = [
        (
            t("promise_pdf.studio"),
            data.studio_name or "—",
            t("promise_pdf.session"),
            f"#{data.session_id} {data.title}",
        ),
        (
            t("promise_pdf.platform"),
            f"{data.platform} / {data.shop}" if data.shop else data.platform,
            t("promise_pdf.hosts"),
            "、".join(data.hosts) or t("promise_pdf.none"),
        ),
        (
            t("promise_pdf.planned"),
            data.planned,
            t("promise_pdf.actual"),
            f"{data.actual}（{data.timezone}）",
        ),
    ]
    cells = [[para(a, st.cell), para(b, st.cell), para(c, st.cell), para(d, st.cell)] for a, b, c, d in rows]
    table = Table(cells, colWidths=[22 * mm, 66 * mm, 22 * mm, WIDTH - 110 * mm])
    table.setStyle(
        st.table(
            ("BACKGROUND", (0, 0), (-1, -1), colors.white),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
        )
    )
    return [para(t("promise_pdf.title"), st.title), Spacer(1, st.size * 0.4), table]


def _timeline(data: PromiseSheet, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("promise_pdf.timeline"), st.h2)]
    if not data.segments:
        return [*flow, para(t("promise_pdf.timeline.empty"), st.body)]
    summary = t(
        "promise_pdf.timeline.summary",
        segments=len(data.segments),
        products=data.products_on_air,
        changes=data.price_changes,
    )
    flow.append(para(summary, st.body))
    keys = ("start", "offset", "length", "product", "price")
    cells = [[para(t(f"promise_pdf.col.{k}"), st.cell) for k in keys]]
    for seg in data.segments:
        length = seg.duration or t("promise_pdf.on_air_now")
        cells.append(
            [para(seg.start, st.cell), para(seg.offset, st.cell), para(length, st.cell), para(seg.product, st.cell),
             para(seg.price, st.cell)]
        )  # fmt: skip
    table = Table(cells, colWidths=columns(18, 16, 16, None, 22), repeatRows=1)
    table.setStyle(st.table())
    return [*flow, Spacer(1, st.size * 0.3), table]


def _promises(data: PromiseSheet, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("promise_pdf.promises"), st.h2)]
    if not data.promises:
        return [*flow, para(t("promise_pdf.promises.empty"), st.body)]
    counts = dict(data.counts)
    flow.append(para(t("promise_pdf.promises.summary", total=len(data.promises), **counts), st.body))
    keys = ("no", "said", "product", "kind", "wording", "terms", "state", "hash")
    cells = [[para(t(f"promise_pdf.col.{k}"), st.cell) for k in keys]]
    cells[0][1] = [
        para(t("promise_pdf.col.said"), st.cell),
        para(t("promise_pdf.col.offset"), st.small, GREY),
    ]
    extra: list[tuple] = []
    for n, row in enumerate(data.promises, start=1):
        gone = row.state_code in ("retracted", "retraction")
        superseded = row.state_code in ("amended", "retracted")
        state = [para(row.state, st.cell, _STATE_COLOR.get(row.state_code))]
        if row.correction:
            state.append(para(row.correction, st.small, GREY))
        cells.append(
            [
                para(f"#{row.number}", st.cell),
                [para(row.said_at, st.cell), para(row.offset, st.small, GREY)],
                para(row.product, st.cell),
                para(row.kind, st.cell),
                para(
                    row.wording, st.cell, GREY if superseded else None, strike=row.state_code == "retracted"
                ),
                para(row.terms, st.cell, GREY if superseded else None),
                state,
                para(row.entry_hash or "—", st.small),
            ]
        )
        if gone:
            extra.append(("BACKGROUND", (0, n), (-1, n), _RETRACTED_BG))
    table = Table(cells, colWidths=columns(11, 16, 24, 15, None, 30, 19, 21), repeatRows=1)
    table.setStyle(st.table(*extra))
    return [*flow, Spacer(1, st.size * 0.3), table]


def _signatures(data: PromiseSheet, st: SheetStyles) -> list:
    t = i18n.t
    line = "＿" * 14
    date = t("promise_pdf.sign.date") + "＿" * 8
    cells = [
        [para(t("promise_pdf.sign.host") + line, st.body), para(date, st.body)],
        [para(t("promise_pdf.sign.operator") + line, st.body), para(date, st.body)],
    ]
    table = Table(cells, colWidths=[WIDTH * 0.62, WIDTH * 0.38])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), st.font),
                ("TOPPADDING", (0, 0), (-1, -1), st.size * 1.2),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    head = t("promise_pdf.ledger", count=data.ledger_count, hash=data.ledger_hash)
    return [
        KeepTogether(
            [
                para(t("promise_pdf.signatures"), st.h2),
                para(head, st.body),
                Spacer(1, st.size * 0.3),
                para(t("promise_pdf.sign.note"), st.small),
                table,
            ]
        )
    ]


def _render(data: PromiseSheet, font: str, total: int, after: After | None = None) -> tuple[bytes, int]:
    st = SheetStyles(font, _SIZE, leading=1.3, h2_before=0.8, small=0.8, cell_padding=(1.5, 2))
    more = after(st) if after is not None else []
    story = [*_header(data, st), *_timeline(data, st), *_promises(data, st), *more, *_signatures(data, st)]
    return build_a4(
        story,
        title=f"{i18n.t('promise_pdf.title')} #{data.session_id} {data.title}",
        author=data.studio_name,
        font=font,
        size=_SIZE,
        footer_text=lambda page: i18n.t(
            "promise_pdf.footer",
            count=data.ledger_count,
            hash=data.ledger_hash[:12],
            at=data.generated_at,
            tz=data.timezone,
            page=page,
            pages=total or "?",
        ),
    )


def build_promise_sheet(data: PromiseSheet, after: After | None = None) -> bytes:
    """The sheet as PDF bytes (see the module contract); laid out twice so each footer knows the page count.

    ``after(styles)`` adds pages after the promise table and before the signatures and ledger head, which stay
    last (the session report's after-sales section); the footer and page count then run across the whole file."""
    font = register_fonts()
    _, pages = _render(data, font, 0, after)
    pdf, _ = _render(data, font, pages, after)
    return pdf
