"""The evidence pack PDF (售后证据包): one ticket's order, promises, on-air timeline, deadlines, timeline, attachments
and the ledger head, for a platform appeal or a 12315 mediation.

Contract: :func:`build_evidence_pack` lays out a :class:`core.services.evidence_pack.EvidencePack` (all text already
in the core language) and returns the PDF bytes: A4 portrait, the sections in the order a reviewer reads them,
table headers repeated on each page, the full ledger head and how to verify it on the last page, and a footer on
every page with the ticket code, the short ledger head and "page n of N" (so a missing page shows). Every style,
table style and canvas string names the embedded CJK font (:func:`core.reports.fonts.register_fonts`), otherwise
Chinese prints as black boxes.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Spacer, Table

from core import i18n
from core.reports.sheet_ledger import record_close, record_pdf
from core.reports.sheet_style import (
    AMBER,
    GREEN,
    GREY,
    HEAD_BG,
    RED,
    SheetStyles,
    columns,
    para,
)
from core.services.evidence_pack import EvidencePack

i18n.register(
    {
        "evidence_pdf.title": ("售后证据包", "After-sales evidence pack"),
        "evidence_pdf.subtitle": (
            "{studio}　·　工单 {code}　·　生成于 {at}（{tz}）",
            "{studio}  ·  ticket {code}  ·  generated {at} ({tz})",
        ),
        "evidence_pdf.subtitle.bare": (
            "工单 {code}　·　生成于 {at}（{tz}）",
            "Ticket {code}  ·  generated {at} ({tz})",
        ),
        "evidence_pdf.s.ticket": ("一、工单", "1. The ticket"),
        "evidence_pdf.nearest": ("最近的约束期限：{why}", "Nearest binding deadline: {why}"),
        "evidence_pdf.s.order": ("二、订单", "2. The order"),
        "evidence_pdf.no_order": ("本工单没有关联订单。", "This ticket has no order."),
        "evidence_pdf.s.promises": ("三、直播中的承诺", "3. Promises said on air"),
        "evidence_pdf.no_promises": ("本工单没有关联直播承诺。", "No promise is linked to this ticket."),
        "evidence_pdf.promises.note": (
            "原话为直播中记录的原文，记录后不可修改；更正、撤回另记一条并注明所更正的条目。",
            "The wording is as logged on air and cannot be edited; a correction or retraction is a new entry "
            "naming the one it corrects.",
        ),
        "evidence_pdf.col.no": ("编号", "#"),
        "evidence_pdf.col.said": ("说出时间 / 开播后", "Said / into stream"),
        "evidence_pdf.col.product": ("商品 / 类型", "Product / type"),
        "evidence_pdf.col.wording": ("原话与条款", "Wording and terms"),
        "evidence_pdf.col.state": ("状态", "State"),
        "evidence_pdf.entry": ("账本条目 #{seq}　哈希 {hash}", "Ledger entry #{seq}  hash {hash}"),
        "evidence_pdf.no_entry": ("（无账本条目）", "(no ledger entry)"),
        "evidence_pdf.s.timeline": ("四、在播时间线", "4. What was on air"),
        "evidence_pdf.col.start": ("开始", "Start"),
        "evidence_pdf.col.offset": ("开播后", "Offset"),
        "evidence_pdf.col.length": ("时长", "Length"),
        "evidence_pdf.col.item": ("在播商品", "Product on air"),
        "evidence_pdf.col.price": ("在播价", "Price"),
        "evidence_pdf.col.marks": ("此时段内", "In this stretch"),
        "evidence_pdf.no_sessions": (
            "本工单的订单未归属直播场次，也没有关联承诺。",
            "The order is not attributed to a session and no promise is linked.",
        ),
        "evidence_pdf.s.deadlines": ("五、期限及依据", "5. Deadlines and their basis"),
        "evidence_pdf.no_deadlines": ("本工单没有适用的期限。", "No deadline applies to this ticket."),
        "evidence_pdf.col.deadline": ("期限 / 约束", "Deadline / binding"),
        "evidence_pdf.col.due": ("截止", "Due"),
        "evidence_pdf.col.met": ("是否按期", "Met?"),
        "evidence_pdf.col.why": ("说明与依据", "Why and basis"),
        "evidence_pdf.s.events": ("六、处理记录", "6. The ticket's timeline"),
        "evidence_pdf.col.at": ("时间", "When"),
        "evidence_pdf.col.who": ("经办人", "Who"),
        "evidence_pdf.col.what": ("事项", "What"),
        "evidence_pdf.col.entry": ("账本条目", "Ledger entry"),
        "evidence_pdf.s.attachments": ("七、附件", "7. Attachments"),
        "evidence_pdf.no_attachments": ("本工单没有附件。", "This ticket has no attachments."),
        "evidence_pdf.col.file": ("文件", "File"),
        "evidence_pdf.col.sha": ("SHA-256 哈希", "SHA-256"),
        "evidence_pdf.col.intact": ("存档", "Vault copy"),
        "evidence_pdf.s.warnings": ("提示", "Warnings"),
        "evidence_pdf.s.ledger": ("八、账本头与核验方法", "8. Ledger head and how to verify"),
        "evidence_pdf.ledger": (
            "生成本证据包时，证据账本共 {count} 条，账本头哈希：",
            "When this pack was made the evidence ledger had {count} entries; the head hash is:",
        ),
        "evidence_pdf.verify": (
            "账本是哈希链：每一条的哈希由它之前的全部条目推出，改动任何一条记录、承诺或附件都会使校验失败。"
            "核验方法：在工作室电脑上运行 python main.py verify，显示“校验通过”并列出账本头；"
            "其中第 {count} 条的哈希应与上面一致（之后新增的条目只会排在它后面）。"
            "附件可用任意 SHA-256 工具（如 sha256sum、certutil -hashfile 文件 SHA256）计算，与第七部分的哈希比对。",
            "The ledger is a hash chain: each entry's hash is derived from every entry before it, so changing any "
            "record, promise or attachment makes verification fail. To verify: run python main.py verify on the "
            "studio's computer; it says “Verified” and prints the ledger head; entry {count} must carry the hash "
            "above (later entries only come after it). Hash each attachment with any SHA-256 tool (sha256sum, "
            "certutil -hashfile FILE SHA256) and compare it with section 7.",
        ),
        "evidence_pdf.stamp": (
            "工作室（盖章）：＿＿＿＿＿＿＿＿＿＿＿＿　经办人签字：＿＿＿＿＿＿＿＿　日期：＿＿＿＿＿＿",
            "Studio (stamp): ____________  Handled by: ____________  Date: __________",
        ),
        "evidence_pdf.footer": (
            "证据包 {code}　·　账本头 {count} 条 / {hash}　·　第 {page} 页，共 {pages} 页",
            "Evidence pack {code}  ·  ledger head {count} / {hash}  ·  page {page} of {pages}",
        ),
    }
)

_SIZE = 8.5
_MARK_BG = colors.HexColor("#fff4d6")
_STATE_COLOR = {
    "active": GREEN, "amended": AMBER, "retracted": RED, "retraction": RED,
    "met": GREEN, "late": AMBER, "paused": GREY, "breached": RED, "overdue": RED, "running": None,
    "buyer_met": GREEN, "buyer_late": AMBER, "window_open": None, "window_closed": GREY,
}  # fmt: skip
_LONG = 28  # a field value longer than this gets a row of its own


def _fields(fields: tuple[tuple[str, str], ...], st: SheetStyles) -> Table:
    """Label/value pairs two to a row; a long value gets a whole row."""
    rows, spans, pending = [], [], []
    for label, value in fields:
        if len(value) > _LONG:
            rows.append([para(label, st.cell), para(value, st.cell), "", ""])
            spans.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
        else:
            pending.append((label, value))
            if len(pending) == 2:
                rows.append([para(x, st.cell) for pair in pending for x in pair])
                pending = []
    if pending:
        rows.append([para(pending[0][0], st.cell), para(pending[0][1], st.cell), "", ""])
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


def _heading(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    key = "evidence_pdf.subtitle" if data.studio_name else "evidence_pdf.subtitle.bare"
    sub = t(key, studio=data.studio_name, code=data.code, at=data.generated_at, tz=data.timezone)
    flow = [para(t("evidence_pdf.title"), st.title), para(sub, st.small, GREY)]
    if data.studio_legal:
        flow.append(para(data.studio_legal, st.small, GREY))
    flow += [para(t("evidence_pdf.s.ticket"), st.h2), _fields(data.title_fields, st)]
    if data.nearest:
        flow += [Spacer(1, st.size * 0.3), para(t("evidence_pdf.nearest", why=data.nearest), st.body, RED)]
    flow.append(para(t("evidence_pdf.s.order"), st.h2))
    flow.append(
        _fields(data.order_fields, st) if data.order_fields else para(t("evidence_pdf.no_order"), st.body)
    )
    return flow


def _entry(seq: int | None, digest: str) -> str:
    return i18n.t("evidence_pdf.entry", seq=seq, hash=digest) if seq else i18n.t("evidence_pdf.no_entry")


def _promises(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("evidence_pdf.s.promises"), st.h2)]
    if not data.promises:
        return [*flow, para(t("evidence_pdf.no_promises"), st.body)]
    flow.append(para(t("evidence_pdf.promises.note"), st.small, GREY))
    keys = ("no", "said", "product", "wording", "state")
    cells = [[para(t(f"evidence_pdf.col.{k}"), st.cell) for k in keys]]
    extra: list[tuple] = []
    for p in data.promises:
        state = [para(p.state, st.cell, _STATE_COLOR.get(p.state_code))]
        if p.correction:
            state.append(para(p.correction, st.small, GREY))
        if not p.linked:
            state.append(para(t("evidence.related"), st.small, GREY))
        wording = [
            para(p.wording, st.body, strike=p.state_code == "retracted"),
            para(p.terms, st.small, GREY),
        ]
        cells.append(
            [
                para(f"#{p.number}", st.cell),
                [para(p.said_at, st.cell), para(p.offset, st.small, GREY)],
                [para(p.product, st.cell), para(p.kind, st.small, GREY), para(p.session, st.small, GREY)],
                wording,
                state,
            ]
        )
        cells.append(["", para(_entry(p.entry_seq, p.entry_hash), st.small, GREY), "", "", ""])
        row = len(cells) - 1
        extra += [("SPAN", (1, row), (-1, row)), ("LINEABOVE", (1, row), (-1, row), 0.2, colors.white)]
        extra.append(("SPAN", (0, row - 1), (0, row)))
    table = Table(cells, colWidths=columns(12, 28, 34, None, 24), repeatRows=1)
    table.setStyle(st.table(*extra))
    return [*flow, Spacer(1, st.size * 0.3), table]


def _timeline(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("evidence_pdf.s.timeline"), st.h2)]
    if not data.segments:
        return [*flow, para(t("evidence_pdf.no_sessions"), st.body)]
    for group in data.segments:
        flow += [para(group.session, st.body), para(group.summary, st.small, GREY)]
        if not group.lines:
            continue
        keys = ("start", "offset", "length", "item", "price", "marks")
        cells = [[para(t(f"evidence_pdf.col.{k}"), st.cell) for k in keys]]
        extra = []
        for n, line in enumerate(group.lines, start=1):
            values = (line.start, line.offset, line.length, line.product, line.price, line.marks)
            cells.append([para(v, st.cell) for v in values])
            if line.marks:
                extra.append(("BACKGROUND", (0, n), (-1, n), _MARK_BG))
        table = Table(cells, colWidths=columns(25, 15, 15, None, 20, 42), repeatRows=1)
        table.setStyle(st.table(*extra))
        flow += [Spacer(1, st.size * 0.2), table, Spacer(1, st.size * 0.4)]
    return flow


def _deadlines(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("evidence_pdf.s.deadlines"), st.h2)]
    if not data.deadlines:
        return [*flow, para(t("evidence_pdf.no_deadlines"), st.body)]
    keys = ("deadline", "due", "met", "why")
    cells = [[para(t(f"evidence_pdf.col.{k}"), st.cell) for k in keys]]
    for d in data.deadlines:
        cells.append(
            [
                [para(d.label, st.cell), para(d.binding, st.small, GREY)],
                para(d.due, st.cell),
                [para(d.state, st.cell, _STATE_COLOR.get(d.state_code))]
                + ([para(d.done, st.small, GREY)] if d.done else []),
                para(d.why, st.small),
            ]
        )
    table = Table(cells, colWidths=columns(36, 27, 30, None), repeatRows=1)
    table.setStyle(st.table())
    return [*flow, table]


def _events(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    keys = ("at", "who", "what", "entry")
    cells = [[para(t(f"evidence_pdf.col.{k}"), st.cell) for k in keys]]
    for e in data.events:
        what = [para(e.what, st.cell)] + ([para(e.body, st.small)] if e.body else [])
        entry = (
            [para(f"#{e.entry_seq}", st.cell), para(e.entry_hash[:16], st.small, GREY)] if e.entry_seq else ""
        )
        cells.append([para(e.at, st.cell), para(e.who, st.cell), what, entry])
    table = Table(cells, colWidths=columns(33, 24, None, 30), repeatRows=1)
    table.setStyle(st.table())
    return [para(t("evidence_pdf.s.events"), st.h2), table]


def _attachments(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = [para(t("evidence_pdf.s.attachments"), st.h2)]
    if not data.attachments:
        return [*flow, para(t("evidence_pdf.no_attachments"), st.body)]
    keys = ("file", "sha", "intact")
    cells = [[para(t(f"evidence_pdf.col.{k}"), st.cell) for k in keys]]
    for a in data.attachments:
        about = [para(a.name, st.cell)]
        if a.caption:
            about.append(para(a.caption, st.small))
        about.append(para(f"{a.size}　{a.added}", st.small, GREY))
        cells.append(
            [about, para(a.sha256, st.small), para(a.intact_text, st.cell, GREEN if a.intact else RED)]
        )
    table = Table(cells, colWidths=columns(None, 94, 18), repeatRows=1)
    table.setStyle(st.table())
    return [*flow, table]


def _closing(data: EvidencePack, st: SheetStyles) -> list:
    t = i18n.t
    flow: list = []
    if data.warnings:
        flow.append(para(t("evidence_pdf.s.warnings"), st.h2))
        flow += [para(f"• {w}", st.body, AMBER) for w in data.warnings]
    return [*flow, record_close(st, "evidence_pdf", data)]


def _story(data: EvidencePack, font: str) -> list:
    st = SheetStyles(font, _SIZE, leading=1.3, h2_before=0.9, small=0.82, cell_padding=(1.5, 2))
    st.h2.keepWithNext = True  # a section heading never stays alone at the foot of a page
    return [
        *_heading(data, st), *_promises(data, st), *_timeline(data, st), *_deadlines(data, st),
        *_events(data, st), *_attachments(data, st), *_closing(data, st),
    ]  # fmt: skip


def _pdf(data: EvidencePack) -> bytes:
    return record_pdf("evidence_pdf", data, lambda font: _story(data, font), size=_SIZE)


def build_evidence_pack(data: EvidencePack) -> bytes:
    """The pack as PDF bytes (see the module contract); laid out twice so each footer knows the page count."""
    return _pdf(data)


__all__ = ["build_evidence_pack"]
