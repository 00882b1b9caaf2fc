"""The promise sheet PDF (直播承诺单): every promise and correction of one session, for the host to sign.

Contract: :func:`build_promise_sheet` lays out a :class:`core.services.promise_sheet.PromiseSheet` (all text already
in the core language) and returns the PDF bytes: A4 portrait, as many pages as the promises need, the promise
table's header repeated on each page, and a footer on every page with the ledger head and "page n of N" (so a
missing page shows). Every style, table style and canvas string names the embedded CJK font
(:func:`core.reports.fonts.register_fonts`), otherwise Chinese prints as black boxes.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core import i18n
from core.reports.fonts import register_fonts
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

_RED = "#b3261e"
_AMBER = "#8a5a00"
_GREEN = "#1e6b34"
_GREY = "#5f6368"
_GRID = colors.HexColor("#9aa0a6")
_HEAD_BG = colors.HexColor("#e8eaed")
_RETRACTED_BG = colors.HexColor("#fbeaea")
_SIZE = 8.5
_MARGIN = 12 * mm
_WIDTH = A4[0] - 2 * _MARGIN
_STATE_COLOR = {"active": _GREEN, "amended": _AMBER, "retracted": _RED, "retraction": _RED}


class _Styles:
    def __init__(self, font: str, size: float) -> None:
        lead = size * 1.3
        self.size = size
        self.font = font
        self.title = ParagraphStyle(
            "title", fontName=font, fontSize=size * 2, leading=size * 2.4, alignment=TA_CENTER, wordWrap="CJK"
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=font, fontSize=size * 1.3, leading=size * 1.6, spaceBefore=size * 0.8,
            spaceAfter=size * 0.3, wordWrap="CJK",
        )  # fmt: skip
        self.body = ParagraphStyle("body", fontName=font, fontSize=size, leading=lead, wordWrap="CJK")
        self.cell = ParagraphStyle(
            "cell", fontName=font, fontSize=size * 0.95, leading=lead * 0.95, wordWrap="CJK"
        )
        self.small = ParagraphStyle(
            "small", fontName=font, fontSize=size * 0.8, leading=lead * 0.8, wordWrap="CJK"
        )

    def table(self, *extra: tuple) -> TableStyle:
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("FONTSIZE", (0, 0), (-1, -1), self.size * 0.95),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
                ("BACKGROUND", (0, 0), (-1, 0), _HEAD_BG),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                *extra,
            ]
        )


def _p(text: str, style: ParagraphStyle, color: str | None = None, *, strike: bool = False) -> Paragraph:
    body = escape(text)
    if strike:
        body = f"<strike>{body}</strike>"
    return Paragraph(f'<font color="{color}">{body}</font>' if color else body, style)


def _header(data: PromiseSheet, st: _Styles) -> list:
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
    cells = [[_p(a, st.cell), _p(b, st.cell), _p(c, st.cell), _p(d, st.cell)] for a, b, c, d in rows]
    table = Table(cells, colWidths=[22 * mm, 66 * mm, 22 * mm, _WIDTH - 110 * mm])
    table.setStyle(
        st.table(
            ("BACKGROUND", (0, 0), (-1, -1), colors.white),
            ("BACKGROUND", (0, 0), (0, -1), _HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), _HEAD_BG),
        )
    )
    return [_p(t("promise_pdf.title"), st.title), Spacer(1, st.size * 0.4), table]


def _timeline(data: PromiseSheet, st: _Styles) -> list:
    t = i18n.t
    flow: list = [_p(t("promise_pdf.timeline"), st.h2)]
    if not data.segments:
        return [*flow, _p(t("promise_pdf.timeline.empty"), st.body)]
    summary = t(
        "promise_pdf.timeline.summary",
        segments=len(data.segments),
        products=data.products_on_air,
        changes=data.price_changes,
    )
    flow.append(_p(summary, st.body))
    keys = ("start", "offset", "length", "product", "price")
    cells = [[_p(t(f"promise_pdf.col.{k}"), st.cell) for k in keys]]
    for seg in data.segments:
        length = seg.duration or t("promise_pdf.on_air_now")
        cells.append(
            [_p(seg.start, st.cell), _p(seg.offset, st.cell), _p(length, st.cell), _p(seg.product, st.cell),
             _p(seg.price, st.cell)]
        )  # fmt: skip
    widths = [18 * mm, 16 * mm, 16 * mm, 0, 22 * mm]
    widths[3] = _WIDTH - sum(widths)
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(st.table())
    return [*flow, Spacer(1, st.size * 0.3), table]


def _promises(data: PromiseSheet, st: _Styles) -> list:
    t = i18n.t
    flow: list = [_p(t("promise_pdf.promises"), st.h2)]
    if not data.promises:
        return [*flow, _p(t("promise_pdf.promises.empty"), st.body)]
    counts = dict(data.counts)
    flow.append(_p(t("promise_pdf.promises.summary", total=len(data.promises), **counts), st.body))
    keys = ("no", "said", "product", "kind", "wording", "terms", "state", "hash")
    cells = [[_p(t(f"promise_pdf.col.{k}"), st.cell) for k in keys]]
    cells[0][1] = [_p(t("promise_pdf.col.said"), st.cell), _p(t("promise_pdf.col.offset"), st.small, _GREY)]
    extra: list[tuple] = []
    for n, row in enumerate(data.promises, start=1):
        gone = row.state_code in ("retracted", "retraction")
        superseded = row.state_code in ("amended", "retracted")
        state = [_p(row.state, st.cell, _STATE_COLOR.get(row.state_code))]
        if row.correction:
            state.append(_p(row.correction, st.small, _GREY))
        cells.append(
            [
                _p(f"#{row.number}", st.cell),
                [_p(row.said_at, st.cell), _p(row.offset, st.small, _GREY)],
                _p(row.product, st.cell),
                _p(row.kind, st.cell),
                _p(row.wording, st.cell, _GREY if superseded else None, strike=row.state_code == "retracted"),
                _p(row.terms, st.cell, _GREY if superseded else None),
                state,
                _p(row.entry_hash or "—", st.small),
            ]
        )
        if gone:
            extra.append(("BACKGROUND", (0, n), (-1, n), _RETRACTED_BG))
    widths = [11 * mm, 16 * mm, 24 * mm, 15 * mm, 0, 30 * mm, 19 * mm, 21 * mm]
    widths[4] = _WIDTH - sum(widths)
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(st.table(*extra))
    return [*flow, Spacer(1, st.size * 0.3), table]


def _signatures(data: PromiseSheet, st: _Styles) -> list:
    t = i18n.t
    line = "＿" * 14
    date = t("promise_pdf.sign.date") + "＿" * 8
    cells = [
        [_p(t("promise_pdf.sign.host") + line, st.body), _p(date, st.body)],
        [_p(t("promise_pdf.sign.operator") + line, st.body), _p(date, st.body)],
    ]
    table = Table(cells, colWidths=[_WIDTH * 0.62, _WIDTH * 0.38])
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
                _p(t("promise_pdf.signatures"), st.h2),
                _p(head, st.body),
                Spacer(1, st.size * 0.3),
                _p(t("promise_pdf.sign.note"), st.small),
                table,
            ]
        )
    ]


def _render(data: PromiseSheet, font: str, total: int) -> tuple[bytes, int]:
    st = _Styles(font, _SIZE)
    out = BytesIO()
    pages = [0]

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        pages[0] = doc.page
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(colors.HexColor(_GREY))
        text = i18n.t(
            "promise_pdf.footer",
            count=data.ledger_count,
            hash=data.ledger_hash[:12],
            at=data.generated_at,
            tz=data.timezone,
            page=doc.page,
            pages=total or "?",
        )
        canvas.drawCentredString(A4[0] / 2, 7 * mm, text)
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN,
        title=f"{i18n.t('promise_pdf.title')} #{data.session_id} {data.title}",
        author=data.studio_name,
        initialFontName=font,
        initialFontSize=_SIZE,
    )
    story = [*_header(data, st), *_timeline(data, st), *_promises(data, st), *_signatures(data, st)]
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue(), pages[0]


def build_promise_sheet(data: PromiseSheet) -> bytes:
    """The sheet as PDF bytes (see the module contract); laid out twice so each footer knows the page count."""
    font = register_fonts()
    _, pages = _render(data, font, 0)
    pdf, _ = _render(data, font, pages)
    return pdf
