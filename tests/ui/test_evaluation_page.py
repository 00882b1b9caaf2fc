"""The 服务评价 page on a real database: the October of tests/core/test_kpis.py, read on 20 November 2026."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from core import clock
from core.domain.codes import Role
from core.services import evaluation
from tests.builders import add_staff
from tests.core.test_kpis import month  # noqa: F401 (the October fixture)

NOW = datetime(2026, 11, 20, 4, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def on_the_20th():
    with clock.fixed(NOW):
        yield


def _page(qtbot, tmp_db, actor, tasks):
    from ui.context import PageContext
    from ui.pages.evaluation import EvaluationPage

    page = EvaluationPage(PageContext(tmp_db, actor, tasks))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        pass
    return page


def _row(page, name: str) -> int:
    table = page.kpi_table
    return next(r for r in range(table.rowCount()) if table.item(r, 0).text() == name)


def _score_all_but_one(tmp_db, owner) -> None:
    """Every manual item and question answered except 改进复盘 (improve.review), as the owner would."""
    with clock.fixed(NOW), tmp_db.unit_of_work(owner) as session:
        for item_id in ("basic.papers", "basic.staff", "basic.policy", "live.conduct", "opinion.watch"):
            evaluation.set_manual_score(session, owner, "2026-10", item_id, 1, "核对记录")
        for check_id in ("unlicensed_product", "deleted_comment"):
            evaluation.set_hard_fail_answer(session, owner, "2026-10", check_id, False, "每日巡查记录")


def test_kpi_table_shows_october_complaint_rate_and_its_red_rise(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    page = _page(qtbot, tmp_db, owner, tasks)
    assert page.period() == "2026-10"  # the last ended month on 20 November
    row = _row(page, "投诉率")
    # One complaint over three October orders; September had an order and no complaint (test_kpis, by hand).
    assert page.kpi_table.item(row, 1).text() == "33.3%"
    assert page.kpi_table.item(row, 2).text() == "0.0%"
    assert page.kpi_table.item(row, 3).text().startswith("▲")
    assert page.kpi_table.item(row, 3).data(0x0100) == "#b3261e"  # a complaint rate going up is bad: red


def test_definition_dialog_shows_definition_basis_and_denominator(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    page = _page(qtbot, tmp_db, owner, tasks)
    dialog = page.kpi_table.explain(_row(page, "投诉率"))
    assert dialog is not None and dialog.windowTitle() == "投诉率"
    definition = page.view.definitions["complaint_rate"]
    assert definition.definition in dialog.text() and definition.basis in dialog.text()
    assert "3" in dialog.texts[dialog.tr("Denominator")].text()  # the denominator: three October orders


def test_manual_score_without_evidence_is_refused_beside_the_field(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    page = _page(qtbot, tmp_db, owner, tasks)
    page.assessment.spins["basic.papers"].setValue(4.5)
    page.assessment.evidence["basic.papers"].setText("")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.assessment.saves["basic.papers"].click()
    error = page.assessment.errors["basic.papers"]
    assert not error.isHidden() and "依据" in error.text()
    with tmp_db.sessions() as session:
        assert evaluation.evaluation_history(session, "2026-10") == ()


def test_owner_signs_then_the_month_is_read_only_with_its_version(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    _score_all_but_one(tmp_db, owner)
    page = _page(qtbot, tmp_db, owner, tasks)
    page.assessment.spins["improve.review"].setValue(1.5)
    page.assessment.evidence["improve.review"].setText("十月复盘会记录")
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.assessment.saves["improve.review"].click()
    page.confirm = lambda *_args: True
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        page.sign()
    assert "v1 · 店主 · 2026-11-20" in page.status.text()  # 已签署 v1 · 店主 · 2026-11-20
    assert page.assessment.spins == {}  # read-only: no score boxes on a signed month
    page.re_evaluate()
    assert "improve.review" in page.assessment.spins and "v2" in page.status.text()


def test_operator_cannot_sign(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    page = _page(qtbot, tmp_db, operator, tasks)
    assert not page.sign_button.isEnabled()
    assert page.sign_button.toolTip() == page.tr("Only the owner signs the monthly evaluation")
    assert page.assessment.spins == {}  # an operator sees the draft read-only


def test_dashboard_tile_shows_the_signed_score(qtbot, tmp_db, owner, tasks, month):  # noqa: F811
    from ui.context import PageContext
    from ui.pages.dashboard import DashboardPage

    _score_all_but_one(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as session:
        evaluation.set_manual_score(session, owner, "2026-10", "improve.review", 1.5, "十月复盘会记录")
        signed = evaluation.sign_evaluation(session, owner, "2026-10")
    page = DashboardPage(PageContext(tmp_db, owner, tasks))
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=20_000):
        pass
    assert page.score_tile.score.text() == f"{signed.total_tenths / 10:.1f}"
    assert "2026-10" in page.score_tile.caption.text() and "v1" in page.score_tile.caption.text()
    with qtbot.waitSignal(page.evaluation_requested) as clicked:
        page.score_tile.click()
    assert clicked.args == ["2026-10"]
