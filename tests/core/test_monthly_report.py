"""The monthly report (issue 7 deliverable 3): the October of tests/core/test_kpis.py printed as a PDF and read
back with pdftotext/pdffonts, and the ``report monthly`` command's exit codes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import update

from core import i18n
from core.db.models import Ticket
from core.reports.monthly_report import build_monthly_report
from core.services.monthly_report import monthly_report_data
from tests.core.test_kpis import NOW
from tests.core.test_kpis import month as month

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

HEADINGS = ("一、本月概要", "二、图表", "三、分项得分", "四、否决项检查", "五、超期工单", "六、舆情事件",
            "七、整改措施", "八、指标口径", "九、账本头与核验方法")  # fmt: skip


@pytest.fixture
def october_pdf(tmp_db, month, tmp_path):
    """SH-3 (refund only, never answered) is past its 15-day handling line: the overdue list must name it."""
    with tmp_db.unit_of_work(None) as s:
        s.execute(
            update(Ticket)
            .where(Ticket.code == "SH-3")
            .values(due_at=datetime(2026, 10, 25, 16, tzinfo=UTC), due_rule="handling_breach")
        )
    i18n.set_language("zh_CN")
    with tmp_db.sessions() as s:
        data = monthly_report_data(s, "2026-10", now=NOW)
    out = tmp_path / "october.pdf"
    out.write_bytes(build_monthly_report(data))
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True)
    return data, out, text.stdout


def test_the_report_data_follows_the_contract(october_pdf):
    data, _out, _text = october_pdf
    assert set(data.charts) == {"tickets_per_day", "tickets_by_type", "deadline_compliance",
                                "response_time_distribution", "promise_fulfilment_by_host", "incidents_by_tier"}  # fmt: skip
    per_day = dict(
        zip(data.charts["tickets_per_day"].labels, data.charts["tickets_per_day"].series[0][1], strict=True)
    )
    assert len(per_day) == 31 and per_day["1"] == 1  # SH-1 opened 00:30 on 1 October in the studio
    breached = data.charts["deadline_compliance"].series[1][1]
    assert sum(breached) == data.kpis.values["tickets_past_15_days"] == 1  # the same measure as the KPI
    assert [o.code for o in data.overdue_tickets] == ["SH-3"] and data.overdue_tickets[0].state == "breached"
    assert [i.code for i in data.incidents] == ["YQ-1", "YQ-2"]
    assert data.assessment.total_tenths is not None and not data.assessment.signed


def test_the_pdf_reads_in_chinese_with_every_section_and_the_font_embedded(october_pdf):
    data, out, text = october_pdf
    for heading in HEADINGS:
        assert heading in text, heading
    assert "■" not in text
    assert f"总分 {data.assessment.total_tenths / 10:g} 分" in text
    assert data.assessment.grade_name in text
    assert "法定期限遵守情况（按周）" in text and "首次响应用时分布" in text
    assert "SH-3" in text and "YQ-2" in text
    assert "第 1 页，共" in text and "店主" in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "Helvetica" not in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:])  # emb column


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--lang", "zh_CN", *args],
                          capture_output=True, text=True, cwd=ROOT)  # fmt: skip


def test_report_monthly_writes_the_pdf_and_refuses_a_bad_month_or_an_unwritable_file(tmp_db, month, tmp_path):
    db = str(tmp_db.path)
    out = tmp_path / "m.pdf"
    ok = cli("--db", db, "report", "monthly", "--month", "2026-10", "--out", str(out))
    assert ok.returncode == 0, ok.stderr
    assert out.read_bytes().startswith(b"%PDF")
    bad = cli("--db", db, "report", "monthly", "--month", "2026-13", "--out", str(tmp_path / "bad.pdf"))
    assert bad.returncode == 2 and "--month" in bad.stderr
    assert not (tmp_path / "bad.pdf").exists()
    nowhere = tmp_path / "missing-folder" / "m.pdf"
    denied = cli("--db", db, "report", "monthly", "--month", "2026-10", "--out", str(nowhere))
    assert denied.returncode == 2 and str(nowhere) in denied.stderr
    assert not nowhere.exists()


def test_the_summary_page_names_every_section_the_counts_and_the_ticket_most_at_risk(october_pdf):
    data, out, _text = october_pdf
    page = subprocess.run(["pdftotext", "-layout", "-f", "2", "-l", "2", str(out), "-"],
                          capture_output=True, text=True, check=True).stdout  # fmt: skip
    assert "一、本月概要" in page and "分项得分" in page
    for section in data.assessment.sections:
        assert section.name in page, section.name
        assert f"{section.got_tenths / 10:g} / {section.max_tenths / 10:g}" in page
    assert "否决项" in page and "本月数据" in page and "售后工单" in page
    assert "最需关注的超期工单" in page and "SH-3" in page and "已超法定期限" in page
    assert "整改措施" in page and "与上月相比变化最大的指标" in page
    assert "三、分项得分" not in page  # it all fits on the one page
