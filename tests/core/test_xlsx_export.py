"""导出 Excel (issue 7, deliverable 4): the KPIs and the ticket list open in Excel/WPS with Chinese headers, real dates
in the studio's time, a frozen header row, and no personal data beyond what the queue shows."""

from __future__ import annotations

from datetime import datetime

import openpyxl
import pytest
from sqlalchemy import text

from core.errors import InvalidInput
from core.services import xlsx_export
from core.services.ticket_queue import QueueFilter
from core.services.xlsx_export import export_kpis_xlsx, export_tickets_xlsx
from tests.core import test_kpis

NOW = test_kpis.NOW
month = test_kpis.month  # the hand-counted October (two sessions, five tickets)


def test_the_kpi_sheet_has_this_month_last_month_and_the_change_with_definitions(tmp_db, month, tmp_path):
    out = tmp_path / "kpis.xlsx"
    with tmp_db.sessions() as s:
        export_kpis_xlsx(s, "2026-10", out, now=NOW, by="platform")
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["指标", "分组"]
    sheet = book["指标"]
    assert [c.value for c in sheet[1]] == [
        "指标",
        "本月（2026-10）",
        "上月（2026-09）",
        "变化",
        "单位",
        "口径",
        "依据",
    ]
    assert sheet.freeze_panes == "A2"
    rows = {r[0].value: r for r in sheet.iter_rows(min_row=2)}
    complaint = rows["投诉率"]
    assert (complaint[1].value, complaint[2].value, complaint[3].value) == (0.3333, 0, 0.3333)
    assert complaint[1].number_format == "0.0%" and complaint[4].value == "比例"
    assert complaint[5].value  # the definition travels with the figure
    groups = {r[0].value for r in book["分组"].iter_rows(min_row=2)}
    assert {"抖音", "快手"} <= groups  # platform codes turned into the names staff use


def test_the_ticket_sheet_lists_the_queue_with_excel_dates_in_studio_time_and_no_phone(
    tmp_db,
    month,
    tmp_path,
    monkeypatch,
):
    monkeypatch.setattr(xlsx_export, "PAGE", 2)  # several queue pages
    out = tmp_path / "tickets.xlsx"
    with tmp_db.sessions() as s:
        export_tickets_xlsx(s, QueueFilter(), out, now=NOW)
        total = s.execute(text("SELECT count(*) FROM tickets")).scalar_one()
    sheet = openpyxl.load_workbook(out)["工单"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["工单编号", "类型", "状态", "问题摘要"]
    assert "受理时间（Asia/Shanghai）" in header and not any("电话" in h or "手机" in h for h in header)
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["D"].width == 40
    rows = list(sheet.iter_rows(min_row=2))
    assert len(rows) == total == 5  # every ticket, not just the first page
    opened = rows[0][header.index("受理时间（Asia/Shanghai）")]
    assert (
        opened.is_date and isinstance(opened.value, datetime) and opened.number_format == "yyyy-mm-dd hh:mm"
    )
    assert opened.value.tzinfo is None  # Excel has no zones: studio wall time


def test_a_filtered_export_keeps_only_the_filtered_tickets(tmp_db, month, tmp_path):
    out = tmp_path / "complaints.xlsx"
    with tmp_db.sessions() as s:
        export_tickets_xlsx(s, QueueFilter(kinds=("complaint",)), out, now=NOW)
    kinds = {r[1] for r in openpyxl.load_workbook(out)["工单"].iter_rows(min_row=2, values_only=True)}
    assert kinds == {"投诉"}


def test_a_bad_period_is_refused_and_nothing_is_left_behind(tmp_db, month, tmp_path):
    out = tmp_path / "kpis.xlsx"
    with tmp_db.sessions() as s, pytest.raises(InvalidInput) as refused:
        export_kpis_xlsx(s, "2026-13", out, now=NOW)
    assert refused.value.field == "period" and not out.exists()
