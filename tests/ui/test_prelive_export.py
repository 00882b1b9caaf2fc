"""导出开播单 (issue #3 deliverable 5): the app writes the same one-page A4 PDF as ``report prelive``, with the session
and its checklist result, and says where it went.

Basis: 《直播电商监督管理办法》(2026) — the host reads the verified facts before going on air; the sheet is the record.
"""

from __future__ import annotations

from datetime import UTC, datetime
from io import BytesIO

import pytest
from pypdf import PdfReader

from core.db.models import LiveSession
from core.services import checklist

WAIT = 20_000


@pytest.fixture
def live_id(tmp_db, owner) -> int:
    with tmp_db.unit_of_work(owner) as session:
        live = LiveSession(
            title="双十二宠粉夜",
            platform="douyin",
            planned_start=datetime(2026, 12, 1, 12, 0, tzinfo=UTC),
            created_by=owner.user_id,
        )
        session.add(live)
        session.flush()
        view = checklist.start_run(session, owner, live.id)
        checklist.mark_done(session, owner, view.items[0].id)
        return live.id


def pdf_text(data: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(data))
    return len(reader.pages), "".join(page.extract_text() for page in reader.pages)


def test_the_written_pdf_names_the_session_and_the_checklist_result(tmp_db, owner, live_id, tmp_path):
    from ui.pages.prelive_export import write_prelive_sheet

    folder = tmp_path / "文档"
    folder.mkdir()
    out = folder / "开播单-1-2026-12-01.pdf"
    written = write_prelive_sheet(tmp_db, owner, live_id, out)
    assert written == out.resolve() and out.read_bytes().startswith(b"%PDF")
    pages, text = pdf_text(out.read_bytes())
    assert pages == 1
    assert "双十二宠粉夜" in text
    assert "开播检查" in text and "不能开播" in text  # the gate's verdict: required items are still open
    assert checklist.bundled_template()["items"][0]["title"][:10] in text
    assert [p.name for p in folder.iterdir()] == [out.name]  # no temporary file left beside it


def test_exporting_from_the_app_says_where_the_file_went(qtbot, context, live_id, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.prelive_export import export_prelive_sheet_to

    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "开播单.pdf"
    task = export_prelive_sheet_to(context, live_id, out, parent)
    with qtbot.waitSignal(task.succeeded, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "preliveExported")
    assert box is not None and str(out) in box.informativeText()
    assert any(b.text() for b in box.buttons())  # an Open button beside Close
    box.close()
    assert "双十二宠粉夜" in pdf_text(out.read_bytes())[1]


def test_an_unknown_session_is_said_plainly_and_no_file_is_left(qtbot, context, tmp_path):
    from PySide6.QtWidgets import QMessageBox, QWidget

    from ui.pages.prelive_export import export_prelive_sheet_to

    parent = QWidget()
    qtbot.addWidget(parent)
    folder = tmp_path / "文档"
    folder.mkdir()
    out = folder / "开播单.pdf"
    task = export_prelive_sheet_to(context, 999, out, parent)
    with qtbot.waitSignal(task.failed, timeout=WAIT):
        pass
    box = parent.findChild(QMessageBox, "preliveExportFailed")
    assert box is not None and "999" in box.informativeText()
    box.close()
    assert list(folder.iterdir()) == []


def test_the_default_file_name_carries_the_session_and_the_date():
    from datetime import date

    from ui.pages.prelive_export import default_path

    path = default_path(7, date(2026, 12, 1))
    assert path.name.endswith("-7-2026-12-01.pdf") and path.suffix == ".pdf"
