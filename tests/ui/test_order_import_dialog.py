"""导入订单 wizard (issue 5 deliverable 1): preset detected, masked preview, dry-run counts, all-or-nothing import."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "orders"


@pytest.fixture
def dialog(qtbot, context):
    from ui.dialogs.order_import import OrderImportDialog

    widget = OrderImportDialog(context)
    qtbot.addWidget(widget)
    return widget


def load(qtbot, dialog, name: str) -> None:
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.load_file(FIXTURES / name)


def import_(qtbot, dialog) -> object:
    with qtbot.waitSignal(dialog.imported, timeout=5000) as fired:
        dialog.import_button.click()
    return fired.args[0]


def order_count(db) -> int:
    from core.db.models import Order

    with db.sessions() as session:
        return session.scalar(select(func.count()).select_from(Order))


def column(dialog, table, title: str) -> list[str]:
    """A column's cells by its English title (compared translated, so the test holds in any language)."""
    shown = dialog.tr(title)
    index = next(i for i in range(table.columnCount()) if table.horizontalHeaderItem(i).text() == shown)
    return [table.item(row, index).text() for row in range(table.rowCount())]


def counts(dialog, added: int, updated: int, unchanged: int) -> str:
    text = dialog.tr("%1 new orders, %2 updated, %3 unchanged.")
    return text.replace("%1", str(added)).replace("%2", str(updated)).replace("%3", str(unchanged))


def test_a_douyin_export_is_recognised_and_previewed_masked_with_dry_run_counts(qtbot, dialog, tmp_db):
    load(qtbot, dialog, "douyin.csv")
    assert dialog.stack.currentIndex() == dialog.PREVIEW
    assert dialog.preview.detected and dialog.preview.platform == "douyin"
    assert "抖店" in dialog.preset_label.text()
    table = dialog.rows_table
    assert table.rowCount() == 3
    assert column(dialog, table, "Order no.")[2] == "0006920011223344000"  # text: the leading zeros are kept
    assert column(dialog, table, "Sub-order no.")[0] == "6920011223344556678"
    assert column(dialog, table, "Phone") == ["138****2210", "138****2210", "139****5678"]
    assert (
        column(dialog, table, "Buyer")[0] == "张**" and column(dialog, table, "Region")[0] == "广东省广州市"
    )
    assert "13800132210" not in " ".join(
        table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
    )
    assert counts(dialog, 3, 0, 0) in dialog.summary.text()
    assert dialog.import_button.isEnabled()
    assert order_count(tmp_db) == 0  # the preview wrote nothing


def test_importing_writes_the_orders_and_shows_added_updated_unchanged(qtbot, dialog, tmp_db):
    load(qtbot, dialog, "douyin.csv")
    result = import_(qtbot, dialog)
    assert (result.added, result.updated, result.unchanged) == (3, 0, 0)
    assert dialog.stack.currentIndex() == dialog.DONE
    done = dialog.tr("“%1” imported: %2 new orders, %3 updated, %4 unchanged.")
    assert done.replace("%1", "douyin.csv").replace("%2", "3").replace("%3", "0").replace("%4", "0") == (
        dialog.done_label.text()
    )
    assert order_count(tmp_db) == 3


def test_re_importing_the_same_file_adds_nothing_and_import_stays_disabled(qtbot, dialog, tmp_db, owner):
    from core.services.order_import import import_orders

    with tmp_db.unit_of_work(owner) as session:
        import_orders(session, owner, FIXTURES / "douyin.csv")
    load(qtbot, dialog, "douyin.csv")
    assert counts(dialog, 0, 0, 3) in dialog.summary.text()
    assert not dialog.import_button.isEnabled()
    assert order_count(tmp_db) == 3


def test_a_bad_row_shows_its_row_column_and_reason_and_nothing_is_written(qtbot, dialog, tmp_db):
    load(qtbot, dialog, "bad_date.csv")
    problems = dialog.problem_table
    assert problems.isVisibleTo(dialog) and problems.rowCount() == 1
    assert (problems.item(0, 0).text(), problems.item(0, 1).text()) == ("3", "支付时间")
    assert (
        problems.item(0, 2).text().startswith("“27.11.2026 晚上”不是时间")
        and "没有写入任何订单" in dialog.summary.text()
    )
    assert "27.11.2026" in column(dialog, dialog.rows_table, "Problem")[1]
    assert not dialog.import_button.isEnabled()
    assert order_count(tmp_db) == 0


def test_an_unrecognised_file_is_refused_on_step_one_and_choosing_the_platform_names_the_missing_column(
    qtbot, dialog
):
    load(qtbot, dialog, "douyin_missing_paid.csv")
    assert dialog.stack.currentIndex() == dialog.CHOOSE
    assert "认不出" in dialog.open_message.text()
    assert dialog.tr("If you know the platform, choose it above and the file is read again.") in (
        dialog.open_message.text()
    )
    with qtbot.waitSignal(dialog.previewed, timeout=5000):
        dialog.platform_box.setCurrentIndex(dialog.platform_box.findData("douyin"))
    assert dialog.stack.currentIndex() == dialog.CHOOSE
    assert "支付完成时间" in dialog.open_message.text()


def test_the_tickets_page_opens_the_wizard_from_its_import_button(qtbot, context):
    from ui.pages.tickets import TicketsPage

    page = TicketsPage(context)
    qtbot.addWidget(page)
    assert page.import_button.text() == page.tr("Import orders…") and page.import_button.isEnabled()
    page.import_button.click()
    assert page.import_dialog is not None and page.import_dialog.isVisible()
    page.import_dialog.reject()
