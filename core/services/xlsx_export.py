"""导出 Excel The KPIs of a month and the ticket list as .xlsx, for owners who live in Excel or WPS (issue 7, item 4).

Contract:

- :func:`export_kpis_xlsx` ``(session, period, out, *, now, by=None) -> Path``: sheet 指标 — one row per KPI of the
  active ``kpis`` rule: name, this month, the month before, the change, unit, definition and basis (rates as
  Excel percentages, the change of a rate in percentage points); with ``by`` (host | product | platform | session)
  a second sheet 分组 holds each group's values, its key turned into the name staff know (主播, 商品, 场次, 平台).
- :func:`export_tickets_xlsx` ``(session, flt, out, *, now) -> Path``: sheet 工单 — every ticket the queue shows for
  :class:`~core.services.ticket_queue.QueueFilter` ``flt``, in the queue's order (nearest deadline first), with the
  queue's columns and nothing more: no phone, address or real name (个人信息保护法 Art 6, the minimum necessary).
  Times are real Excel date-times in the studio's timezone (a spreadsheet has no zone: the header says which).
- Both: Chinese headers (the studio's language), a frozen header row, set column widths; written through
  :func:`core.files.write_atomically` (a failed export leaves nothing at ``out``). Reads only.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import LiveSession, Product, User
from core.domain import deadlines as _deadline_labels  # noqa: F401 - registers deadlines.label.*
from core.files import write_atomically
from core.services import evidence_pack as _ticket_labels  # noqa: F401 - registers evidence.kind.*
from core.services import prelive as _platform_labels  # noqa: F401 - registers prelive.platform.*
from core.services.deadline_rules import deadline_context
from core.services.kpis import definitions, month_kpis, month_over_month, previous_period
from core.services.studio import get_profile
from core.services.ticket_events import status_name
from core.services.ticket_queue import QueueFilter, legal_rule_keys, queue_page, queue_state

i18n.register(
    {
        "xlsx.sheet.kpis": ("指标", "KPIs"),
        "xlsx.sheet.groups": ("分组", "Breakdown"),
        "xlsx.sheet.tickets": ("工单", "Tickets"),
        "xlsx.kpi.name": ("指标", "KPI"),
        "xlsx.kpi.this": ("本月（{period}）", "This month ({period})"),
        "xlsx.kpi.previous": ("上月（{period}）", "Last month ({period})"),
        "xlsx.kpi.change": ("变化", "Change"),
        "xlsx.kpi.unit": ("单位", "Unit"),
        "xlsx.kpi.definition": ("口径", "Definition"),
        "xlsx.kpi.basis": ("依据", "Basis"),
        "xlsx.unit.ratio": ("比例", "share"),
        "xlsx.unit.hours": ("小时", "hours"),
        "xlsx.unit.count": ("个", "count"),
        "xlsx.unit.per_session": ("每场", "per session"),
        "xlsx.unit.score_1_5": ("分（1–5）", "score (1–5)"),
        "xlsx.by.host": ("主播", "Host"),
        "xlsx.by.product": ("商品", "Product"),
        "xlsx.by.platform": ("平台", "Platform"),
        "xlsx.by.session": ("场次", "Session"),
        "xlsx.group.none": ("（未归属）", "(none)"),
        "xlsx.t.code": ("工单编号", "Ticket"),
        "xlsx.t.kind": ("类型", "Type"),
        "xlsx.t.status": ("状态", "Status"),
        "xlsx.t.summary": ("问题摘要", "Summary"),
        "xlsx.t.buyer": ("买家昵称", "Buyer"),
        "xlsx.t.platform": ("平台", "Platform"),
        "xlsx.t.order": ("订单编号", "Order number"),
        "xlsx.t.owner": ("负责人", "Owner"),
        "xlsx.t.opened": ("受理时间（{zone}）", "Opened ({zone})"),
        "xlsx.t.due": ("截止时间（{zone}）", "Due ({zone})"),
        "xlsx.t.rule": ("截止依据", "Deadline"),
        "xlsx.t.state": ("时限状态", "Deadline state"),
        "xlsx.t.unassigned": ("未指派", "Unassigned"),
        "xlsx.state.breached": ("已过法定时限", "Legal deadline passed"),
        "xlsx.state.overdue": ("已逾期", "Overdue"),
        "xlsx.state.due_soon": ("即将到期", "Due soon"),
        "xlsx.state.fine": ("未到期", "On time"),
        "xlsx.state.done": ("已办结", "Done"),
    }
)

DATE_FORMAT = "yyyy-mm-dd hh:mm"
PERCENT = "0.0%"
POINTS = "+0.0%;-0.0%;0.0%"  # the change of a rate: percentage points
PAGE = 5000  # tickets read per queue page
_BOLD = Font(bold=True)


def _label(prefix: str, code: str) -> str:
    """The registered words for ``code``, or the code itself for one a later version added."""
    key = f"{prefix}.{code}"
    return i18n.t(key) if key in i18n.CATALOG else code


def _save(book: Workbook, out: Path) -> Path:
    buffer = io.BytesIO()
    book.save(buffer)
    return write_atomically(buffer.getvalue(), out)


def _number_format(unit: str, change: bool = False) -> str:
    if unit == "ratio":
        return POINTS if change else PERCENT
    return "0" if unit == "count" else "0.00"


def _header(sheet: Any, titles: list[str], widths: list[int]) -> None:
    """Bold header row, frozen, with the column widths (in characters; a CJK character counts two)."""
    for column, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = sheet.cell(row=1, column=column, value=title)
        cell.font = _BOLD
        sheet.column_dimensions[cell.column_letter].width = width
    sheet.freeze_panes = "A2"


def _group_names(session: Session, by: str, keys: list[str]) -> dict[str, str]:
    ids = [int(k) for k in keys if k.isdigit()]
    if by == "host":
        found = session.execute(select(User.id, User.display_name).where(User.id.in_(ids))).all()
    elif by == "product":
        found = session.execute(select(Product.id, Product.name).where(Product.id.in_(ids))).all()
    elif by == "session":
        found = session.execute(
            select(LiveSession.id, LiveSession.title).where(LiveSession.id.in_(ids))
        ).all()
    else:
        return {k: _label("prelive.platform", k) if k else i18n.t("xlsx.group.none") for k in keys}
    names = {str(i): str(name) for i, name in found}
    return {k: names.get(k, k) if k else i18n.t("xlsx.group.none") for k in keys}


def export_kpis_xlsx(
    session: Session, period: str, out: Path, *, now: datetime, by: str | None = None
) -> Path:
    """The month ``period``'s KPIs beside the month before (see the module contract); returns the written path."""
    change = month_over_month(session, period, now=now)  # InvalidInput(field="period") on a bad period
    defs = definitions(session)
    book = Workbook()
    sheet = book.active
    sheet.title = i18n.t("xlsx.sheet.kpis")
    titles = [
        i18n.t("xlsx.kpi.name"),
        i18n.t("xlsx.kpi.this", period=period),
        i18n.t("xlsx.kpi.previous", period=previous_period(period)),
        i18n.t("xlsx.kpi.change"),
        i18n.t("xlsx.kpi.unit"),
        i18n.t("xlsx.kpi.definition"),
        i18n.t("xlsx.kpi.basis"),
    ]
    _header(sheet, titles, [28, 16, 16, 12, 12, 80, 50])
    for row, (key, definition) in enumerate(defs.items(), start=2):
        this, before, delta = change.get(key, (None, None, None))
        sheet.cell(row=row, column=1, value=definition.name)
        for column, value in ((2, this), (3, before), (4, delta)):
            cell = sheet.cell(row=row, column=column, value=value)
            cell.number_format = _number_format(definition.unit, change=column == 4)
        sheet.cell(row=row, column=5, value=_label("xlsx.unit", definition.unit))
        for column, text in ((6, definition.definition), (7, definition.basis)):
            sheet.cell(row=row, column=column, value=text).alignment = Alignment(
                wrap_text=True, vertical="top"
            )
    if by is not None:
        _groups_sheet(session, book, period, by, now, defs)
    return _save(book, out)


def _groups_sheet(
    session: Session, book: Workbook, period: str, by: str, now: datetime, defs: dict[str, Any]
) -> None:
    groups = month_kpis(session, period, now=now, by=by).groups
    sheet = book.create_sheet(i18n.t("xlsx.sheet.groups"))
    keys = list(defs)
    _header(sheet, [i18n.t(f"xlsx.by.{by}")] + [defs[k].name for k in keys], [24] + [14] * len(keys))
    names = _group_names(session, by, list(groups))
    for row, (group, values) in enumerate(groups.items(), start=2):
        sheet.cell(row=row, column=1, value=names[group])
        for column, key in enumerate(keys, start=2):
            cell = sheet.cell(row=row, column=column, value=values.get(key))
            cell.number_format = _number_format(defs[key].unit)


def export_tickets_xlsx(session: Session, flt: QueueFilter, out: Path, *, now: datetime) -> Path:
    """Every ticket of the queue under ``flt``, in the queue's order (see the module contract)."""
    context = deadline_context(session)
    zone, legal = context.zone, legal_rule_keys(session)
    warn = float(context.rules["data"].get("warn_within_hours", 24))
    zone_name = get_profile(session).timezone
    book = Workbook(write_only=True)
    sheet = book.create_sheet(i18n.t("xlsx.sheet.tickets"))
    titles = [
        i18n.t(f"xlsx.t.{k}", zone=zone_name)
        for k in ("code", "kind", "status", "summary", "buyer", "platform", "order", "owner", "opened", "due")
    ] + [i18n.t("xlsx.t.rule"), i18n.t("xlsx.t.state")]
    widths = [16, 12, 10, 40, 16, 10, 22, 10, 24, 24, 20, 14]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[chr(64 + column)].width = width
    sheet.freeze_panes = "A2"
    header = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = _BOLD
        header.append(cell)
    sheet.append(header)
    offset = 0
    while True:
        page = queue_page(session, flt, zone=zone, offset=offset, limit=PAGE, now=now)
        for item in page.rows:
            sheet.append(_ticket_row(sheet, item, zone, now, legal, warn))
        offset += len(page.rows)
        if not page.rows or offset >= page.total:
            break
    return _save(book, out)


def _when(sheet: Any, moment: datetime | None, zone: Any) -> Any:
    if moment is None:
        return None
    cell = WriteOnlyCell(sheet, value=moment.astimezone(zone).replace(tzinfo=None))
    cell.number_format = DATE_FORMAT
    return cell


def _ticket_row(sheet: Any, item: Any, zone: Any, now: datetime, legal: frozenset[str], warn: float) -> list:
    state = queue_state(item, now, legal_rules=legal, warn_hours=warn)
    return [
        item.code,
        _label("evidence.kind", item.kind),
        status_name(item.status),
        item.summary,
        item.buyer_nickname,
        _label("prelive.platform", item.platform) if item.platform else "",
        item.order_number,
        item.owner_name or i18n.t("xlsx.t.unassigned"),
        _when(sheet, item.opened_at, zone),
        _when(sheet, item.due_at, zone) if state != "done" else None,
        _label("deadlines.label", item.due_rule) if item.due_rule and state != "done" else "",
        i18n.t(f"xlsx.state.{state}"),
    ]


__all__ = ["export_kpis_xlsx", "export_tickets_xlsx"]
