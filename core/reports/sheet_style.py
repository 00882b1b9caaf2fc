"""What the printed sheets share: A4 margins, colours, the CJK paragraph styles and the table grid.

Every style names the embedded font (a style without it prints each Chinese character as ■) and wraps CJK text.
Each sheet picks its base size and spacing; the rest is the same for all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

RED = "#b3261e"
AMBER = "#8a5a00"
GREEN = "#1e6b34"
GREY = "#5f6368"
GRID = colors.HexColor("#9aa0a6")
HEAD_BG = colors.HexColor("#e8eaed")
MARGIN = 12 * mm
WIDTH = A4[0] - 2 * MARGIN


class SheetStyles:
    """Paragraph styles at base ``size`` (points) and a table style; the keyword numbers tune one sheet's density."""

    def __init__(
        self,
        font: str,
        size: float,
        *,
        leading: float = 1.25,
        h2_before: float = 0.6,
        small: float = 0.85,
        cell_padding: tuple[float, float] = (1.2, 1.6),
    ) -> None:
        lead = size * leading
        self.size = size
        self.font = font
        self.cell_padding = cell_padding
        self.title = ParagraphStyle(
            "title", fontName=font, fontSize=size * 2, leading=size * 2.4, alignment=TA_CENTER, wordWrap="CJK"
        )
        self.h2 = ParagraphStyle(
            "h2", fontName=font, fontSize=size * 1.3, leading=size * 1.6, spaceBefore=size * h2_before,
            spaceAfter=size * 0.3, wordWrap="CJK",
        )  # fmt: skip
        self.body = ParagraphStyle("body", fontName=font, fontSize=size, leading=lead, wordWrap="CJK")
        self.cell = ParagraphStyle(
            "cell", fontName=font, fontSize=size * 0.95, leading=lead * 0.95, wordWrap="CJK"
        )
        self.head = ParagraphStyle(
            "head",
            fontName=font,
            fontSize=size * 0.95,
            leading=lead * 0.95,
            wordWrap="CJK",
            textColor=colors.black,
        )
        self.small = ParagraphStyle(
            "small", fontName=font, fontSize=size * small, leading=lead * small, wordWrap="CJK"
        )

    def table(self, *extra: tuple) -> TableStyle:
        top, bottom = self.cell_padding
        return TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), self.font),
                ("FONTSIZE", (0, 0), (-1, -1), self.size * 0.95),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                ("TOPPADDING", (0, 0), (-1, -1), top),
                ("BOTTOMPADDING", (0, 0), (-1, -1), bottom),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
                *extra,
            ]
        )


def columns(*fixed_mm: float | None) -> list[float]:
    """Column widths in points for a full-width table; the one None column takes what is left of the page."""
    rest = WIDTH - sum(w * mm for w in fixed_mm if w is not None)
    return [rest if w is None else w * mm for w in fixed_mm]


def para(text: str, style: ParagraphStyle, color: str | None = None, *, strike: bool = False) -> Paragraph:
    """``text`` escaped as a paragraph, optionally coloured and struck through."""
    body = escape(text)
    if strike:
        body = f"<strike>{body}</strike>"
    return Paragraph(f'<font color="{color}">{body}</font>' if color else body, style)


def head_table(st: SheetStyles, head: list[str], rows: list[list], widths: list[float]) -> Table:
    """A table with a header row in the sheet's head style, repeated on every page, in the house table style."""
    cells = [[para(h, st.head) for h in head], *rows]
    table = Table(cells, colWidths=widths, repeatRows=1)
    table.setStyle(st.table())
    return table


def build_a4(
    story: list[Flowable],
    *,
    title: str,
    author: str,
    font: str,
    size: float,
    footer_text: Callable[[int], str],
) -> tuple[bytes, int]:
    """Lay ``story`` out on A4 with the house margins and a grey footer line on every page (``footer_text(page)``);
    returns the PDF bytes and the number of pages (a sheet that must fit, or must print "page n of m", lays out
    twice)."""
    out = BytesIO()
    pages = [0]

    def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
        pages[0] = doc.page
        canvas.saveState()
        canvas.setFont(font, 7)
        canvas.setFillColor(colors.HexColor(GREY))
        canvas.drawCentredString(A4[0] / 2, 7 * mm, footer_text(doc.page))
        canvas.restoreState()

    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=title,
        author=author,
        initialFontName=font,
        initialFontSize=size,
    )
    doc.build(story, onFirstPage=footer, onLaterPages=footer)
    return out.getvalue(), pages[0]
