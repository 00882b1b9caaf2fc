"""The incident summary PDF (舆情处置报告): one incident's heading, the post as saved, its screenshots, tier history,
clocks met or missed, the handling log, links, the closure review and the ledger head at print time.

Contract: :func:`build_incident_summary` lays out a :class:`core.services.incident_summary.IncidentSummary` (all
text already in the core language) and returns the PDF bytes (and writes them atomically to ``out_path`` when
given): A4 portrait, table headers repeated on each page, a footer on every page with the incident code, the short
ledger head and "page n of N" (so a missing page shows). Every style, table style and canvas string names the
embedded CJK font (:func:`core.reports.fonts.register_fonts`), otherwise Chinese prints as black boxes. A screenshot
whose image cannot be read is listed with a note instead of its picture.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Image, Spacer, Table, TableStyle

from core import i18n
from core.files import write_atomically
from core.reports.sheet_ledger import record_close, record_pdf
from core.reports.sheet_style import (
    AMBER,
    GREEN,
    GREY,
    GRID,
    HEAD_BG,
    RED,
    WIDTH,
    SheetStyles,
    columns,
    para,
)
from core.services.incident_summary import IncidentSummary

i18n.register(
    {
        "incident_pdf.title": ("舆情处置报告", "Incident summary"),
        "incident_pdf.subtitle": (
            "{studio}　·　舆情 {code}　·　生成于 {at}（{tz}）",
            "{studio}  ·  incident {code}  ·  generated {at} ({tz})",
        ),
        "incident_pdf.subtitle.bare": (
            "舆情 {code}　·　生成于 {at}（{tz}）",
            "Incident {code}  ·  generated {at} ({tz})",
        ),
        "incident_pdf.s.incident": ("一、舆情概况", "1. The incident"),
        "incident_pdf.f.summary": ("摘要", "Summary"),
        "incident_pdf.s.snapshot": ("二、原帖内容（文字快照）", "2. The post as saved (text snapshot)"),
        "incident_pdf.s.screenshots": ("三、截图", "3. Screenshots"),
        "incident_pdf.no_screenshots": ("没有保存截图。", "No screenshot was saved."),
        "incident_pdf.no_image": ("（图片无法显示）", "(the image cannot be shown)"),
        "incident_pdf.s.tiers": ("四、级别确认与调整", "4. Tier confirmations and changes"),
        "incident_pdf.no_tiers": (
            "级别尚未由人确认（系统默认 IV 级）。",
            "No person has confirmed the tier yet (tier IV by default).",
        ),
        "incident_pdf.s.clocks": ("五、处置时限", "5. Clocks"),
        "incident_pdf.no_clocks": ("本级别没有处置时限。", "This tier has no clocks."),
        "incident_pdf.s.actions": ("六、处置记录", "6. Handling log"),
        "incident_pdf.no_actions": ("还没有处置记录。", "Nothing has been logged yet."),
        "incident_pdf.s.links": ("七、关联", "7. Linked records"),
        "incident_pdf.no_links": (
            "没有关联工单、场次、商品或主播。",
            "No ticket, session, product or host is linked.",
        ),
        "incident_pdf.s.review": ("八、结案复盘", "8. Closure review"),
        "incident_pdf.root_cause": ("根本原因：{text}", "Root cause: {text}"),
        "incident_pdf.not_closed": ("尚未结案。", "Not closed yet."),
        "incident_pdf.override": (
            "整改未全部完成即结案，店主说明的理由：{text}",
            "Closed with corrective actions open; the owner's reason: {text}",
        ),
        "incident_pdf.no_corrective": ("没有整改事项。", "No corrective action."),
        "incident_pdf.col.file": ("文件", "File"),
        "incident_pdf.col.sha": ("SHA-256（前 16 位）", "SHA-256 (first 16)"),
        "incident_pdf.col.added": ("保存时间", "Saved"),
        "incident_pdf.col.intact": ("存档", "Vault copy"),
        "incident_pdf.col.at": ("时间", "Time"),
        "incident_pdf.col.who": ("操作人", "By"),
        "incident_pdf.col.change": ("确认 / 调整", "Confirmed / changed"),
        "incident_pdf.col.reason": ("理由", "Reason"),
        "incident_pdf.col.tier": ("级别", "Tier"),
        "incident_pdf.col.clock": ("时限", "Clock"),
        "incident_pdf.col.due": ("截止", "Due"),
        "incident_pdf.col.result": ("结果", "Result"),
        "incident_pdf.col.action": ("处置", "Action"),
        "incident_pdf.col.text": ("内容", "Text"),
        "incident_pdf.col.corrective": ("整改事项", "Corrective action"),
        "incident_pdf.col.owner": ("负责人", "Owner"),
        "incident_pdf.col.due_on": ("完成期限", "Due"),
        "incident_pdf.col.done": ("完成情况", "Done"),
        "incident_pdf.s.ledger": ("账本", "Ledger"),
        "incident_pdf.ledger": (
            "打印时账本共 {count} 条，账本头哈希：",
            "At print time the ledger holds {count} entries; its head hash:",
        ),
        "incident_pdf.verify": (
            "核对方法：在工作室电脑上运行 python main.py verify，账本条数不少于 {count} 且上述哈希出现在账本中，即说明本报告所载记录未被改动。",
            "To check: run python main.py verify on the studio's computer; at least {count} entries and the hash "
            "above in the ledger mean the records in this summary were not altered.",
        ),
        "incident_pdf.stamp": (
            "工作室（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿　负责人签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿",
            "Studio (stamp): ____________  Responsible: ____________  Date: __________",
        ),
        "incident_pdf.footer": (
            "舆情处置报告 {code}　·　账本头 {count} 条 / {hash}　·　第 {page} 页，共 {pages} 页",
            "Incident summary {code}  ·  ledger head {count} / {hash}  ·  page {page} of {pages}",
        ),
    }
)

_SIZE = 8.5
_SNAPSHOT_BG = colors.HexColor("#f6f7f9")
_GUIDE_BG = colors.HexColor("#fff4d6")
_CLOCK_COLOR = {"met": GREEN, "late": AMBER, "missed": RED, "running": None, "superseded": GREY}
_SHOT_W, _SHOT_H = 88 * mm, 105 * mm  # the most a screenshot takes on the page


def _fields(data: IncidentSummary, st: SheetStyles) -> Table:
    """Label/value pairs two to a row; the link and the summary get a whole row."""
    t = i18n.t
    pairs = list(data.fields)
    wide = pairs[4:]  # the tier with its owner and the link
    pairs = pairs[:4]
    if data.summary:
        wide.append((t("incident_pdf.f.summary"), data.summary))
    rows = [
        [para(x, st.cell) for pair in pairs[i : i + 2] for x in pair]
        + ["", ""] * (len(pairs[i : i + 2]) == 1)
        for i in range(0, len(pairs), 2)
    ]
    spans = []
    for label, value in wide:
        rows.append([para(label, st.cell), para(value, st.cell), "", ""])
        row = len(rows) - 1
        spans += [("SPAN", (1, row), (3, row)), ("BACKGROUND", (1, row), (3, row), colors.white)]
    table = Table(rows, colWidths=columns(26, 66, 26, None))
    table.setStyle(
        st.table(
            ("BACKGROUND", (0, 0), (-1, -1), colors.white),
            ("BACKGROUND", (0, 0), (0, -1), HEAD_BG),
            ("BACKGROUND", (2, 0), (2, -1), HEAD_BG),
            *spans,
        )
    )
    return table


def _boxed(text: str, style, background: colors.Color) -> Table:  # type: ignore[no-untyped-def]
    table = Table([[para(text, style)]], colWidths=columns(None))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), style.fontName),
                ("BACKGROUND", (0, 0), (-1, -1), background),
                ("BOX", (0, 0), (-1, -1), 0.4, GRID),
                ("LEFTPADDING", (0, 0), (-1, -1), 5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 5),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _heading(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    key = "incident_pdf.subtitle" if data.studio_name else "incident_pdf.subtitle.bare"
    sub = t(key, studio=data.studio_name, code=data.code, at=data.generated_at, tz=data.timezone)
    flow = [para(t("incident_pdf.title"), st.title), para(sub, st.small, GREY)]
    if data.studio_legal:
        flow.append(para(data.studio_legal, st.small, GREY))
    return [
        *flow,
        para(t("incident_pdf.s.incident"), st.h2),
        _fields(data, st),
        para(t("incident_pdf.s.snapshot"), st.h2),
        _boxed(data.snapshot_text, st.body, _SNAPSHOT_BG),
    ]


def _table(
    head: tuple[str, ...], rows: list[list], widths: tuple[float | None, ...], st: SheetStyles
) -> Table:
    cells = [[para(i18n.t(f"incident_pdf.col.{k}"), st.cell) for k in head], *rows]
    table = Table(cells, colWidths=columns(*widths), repeatRows=1)
    table.setStyle(st.table())
    return table


def _picture(path: str) -> Image | None:
    """The screenshot scaled to fit the box (never enlarged); None when the file is not a readable image."""
    if not path:
        return None
    try:
        width, height = ImageReader(path).getSize()
    except Exception:  # any unreadable image is listed without its picture
        return None
    if width <= 0 or height <= 0:
        return None
    scale = min(_SHOT_W / width, _SHOT_H / height, 1.0)
    return Image(path, width=width * scale, height=height * scale, hAlign="LEFT")


def _screenshots(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.screenshots"), st.h2)]
    if not data.screenshots:
        return [*flow, para(t("incident_pdf.no_screenshots"), st.body)]
    rows = [
        [
            para(s.name, st.cell),
            para(s.sha256[:16], st.cell),
            para(s.at, st.cell),
            para(s.intact_text, st.cell, GREEN if s.intact else RED),
        ]
        for s in data.screenshots
    ]
    flow.append(_table(("file", "sha", "added", "intact"), rows, (None, 40, 30, 24), st))
    cells = []
    for s in data.screenshots:
        if not s.image_path:
            continue  # not checked against the vault, or the vault copy is damaged: listed above only
        picture = _picture(s.image_path)
        body = picture if picture is not None else para(t("incident_pdf.no_image"), st.small, GREY)
        cells.append([para(f"{s.name}　{s.at}", st.small, GREY), body])
    for i in range(0, len(cells), 2):  # two pictures side by side
        pair = cells[i : i + 2] + ([""] if len(cells[i : i + 2]) == 1 else [])
        grid = Table([pair], colWidths=[WIDTH / 2, WIDTH / 2])
        grid.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), st.font),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        flow += [Spacer(1, st.size * 0.5), grid]
    return flow


def _tiers(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.tiers"), st.h2)]
    if not data.tiers:
        return [*flow, para(t("incident_pdf.no_tiers"), st.body)]
    rows = [
        [para(x.at, st.cell), para(x.who, st.cell), para(x.change, st.cell), para(x.reason, st.cell)]
        for x in data.tiers
    ]
    return [*flow, _table(("at", "who", "change", "reason"), rows, (30, 24, 36, None), st)]  # fmt: skip


def _clocks(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.clocks"), st.h2)]
    if not data.clocks:
        return [*flow, para(t("incident_pdf.no_clocks"), st.body)]
    rows = [
        [
            para(c.tier, st.cell),
            para(c.name, st.cell),
            para(c.due, st.cell),
            para(c.state, st.cell, _CLOCK_COLOR.get(c.state_code)),
        ]
        for c in data.clocks
    ]  # every tier period's clocks, earlier tiers first (a met clock of tier IV stays after an escalation)
    return [*flow, _table(("tier", "clock", "due", "result"), rows, (12, 44, 28, None), st)]


def _actions(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.actions"), st.h2)]
    if not data.actions:
        return [*flow, para(t("incident_pdf.no_actions"), st.body)]
    rows = [
        [para(a.at, st.cell), para(a.who, st.cell), para(a.what, st.cell), para(a.body, st.cell)]
        for a in data.actions
    ]
    return [*flow, _table(("at", "who", "action", "text"), rows, (32, 22, 46, None), st)]


def _links(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.links"), st.h2)]
    if not data.links:
        return [*flow, para(t("incident_pdf.no_links"), st.body)]
    return [*flow, *(para(f"• {label}", st.body) for label in data.links)]


def _review(data: IncidentSummary, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("incident_pdf.s.review"), st.h2)]
    if data.root_cause:
        flow.append(para(t("incident_pdf.root_cause", text=data.root_cause), st.body))
    elif data.status_code != "closed":
        flow.append(para(t("incident_pdf.not_closed"), st.body, GREY))
    if data.override_reason:
        flow.append(para(t("incident_pdf.override", text=data.override_reason), st.body, RED))
    flow.append(Spacer(1, st.size * 0.3))
    if not data.corrective:
        return [*flow, para(t("incident_pdf.no_corrective"), st.body)]
    rows = [
        [
            para(c.title, st.cell),
            para(c.owner, st.cell),
            para(c.due, st.cell),
            para(c.done, st.cell, (RED if c.overdue else AMBER) if c.is_open else None),
        ]
        for c in data.corrective
    ]
    return [*flow, _table(("corrective", "owner", "due_on", "done"), rows, (None, 24, 24, 46), st)]


def _closing(data: IncidentSummary, st: SheetStyles) -> list:
    flow: list = []
    if data.guide:
        flow += [Spacer(1, st.size * 0.8), _boxed(data.guide, st.small, _GUIDE_BG)]
    return [*flow, record_close(st, "incident_pdf", data)]


def _story(data: IncidentSummary, font: str) -> list:
    st = SheetStyles(font, _SIZE, leading=1.3, h2_before=0.9, small=0.82, cell_padding=(1.5, 2))
    st.h2.keepWithNext = True  # a section heading never stays alone at the foot of a page
    return [
        *_heading(data, st), *_screenshots(data, st), *_tiers(data, st), *_clocks(data, st),
        *_actions(data, st), *_links(data, st), *_review(data, st), *_closing(data, st),
    ]  # fmt: skip


def _pdf(data: IncidentSummary) -> bytes:
    return record_pdf("incident_pdf", data, lambda font: _story(data, font), size=_SIZE)


def build_incident_summary(data: IncidentSummary, out_path: Path | None = None) -> bytes:
    """The summary as PDF bytes (see the module contract), laid out twice so each footer knows the page count;
    with ``out_path`` also written there atomically (nothing left under that name on error)."""
    pdf = _pdf(data)
    if out_path is not None:
        write_atomically(pdf, out_path)
    return pdf


__all__ = ["build_incident_summary"]
