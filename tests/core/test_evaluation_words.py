"""The self-assessment's reasons name each KPI as the owner knows it (开播检查完成率 100%), not by its rule key, and
a person's evidence for a hard-fail answer is kept on the check so the page can show it again."""

from __future__ import annotations

from typing import Any

import pytest

from core.rules import bundled_rule
from core.services import evaluation
from core.services.evaluation_rules import assess, hard_fail_checks, score_items
from core.services.evaluation_words import kpi_figure
from tests.core.test_evaluation import AFTER, GOOD, PERIOD, RULE, _source

LABELS = {k["key"]: (k["zh"], k["unit"]) for k in bundled_rule("kpis")["data"]["kpis"]}

FIGURES = [
    ("rate as a percentage: 1 → 100%", "checklist_completion_rate", 1.0, "100%"),
    ("rate to one decimal: 0.3333 → 33.3%", "complaint_rate", 0.3333, "33.3%"),
    ("hours with 小时", "resolution_median_h", 67.5, "67.5 小时"),
    ("count whole", "lint_unexempted", 3, "3"),
    ("satisfaction in points of 5", "satisfaction_avg", 4.8, "4.8 分"),
    ("promises per session", "promises_per_session", 2.0, "2 条/场"),
]


@pytest.mark.parametrize(("case", "key", "value", "text"), FIGURES, ids=[f[0] for f in FIGURES])
def test_kpi_figure_in_its_unit(case: str, key: str, value: Any, text: str) -> None:
    assert kpi_figure(key, value, LABELS) == text


def _item(values: dict[str, Any], item_id: str, labels: Any = LABELS) -> Any:
    return next(i for s in score_items(RULE, values, {}, labels) for i in s.items if i.item_id == item_id)


def test_auto_item_reason_names_the_kpi_with_percentages() -> None:
    item = _item(GOOD, "prelive.checklist")
    assert item.why == "开播检查完成率 100%：满分线 100%，零分线 80%"
    assert "checklist_completion_rate" not in item.why


def test_hours_reason_says_hours() -> None:
    item = _item({**GOOD, "resolution_median_h": 67.5}, "after.resolution")
    assert item.why.startswith("办结时长中位数 67.5 小时：满分线 ")
    assert item.why.endswith(" 小时")


def test_without_labels_the_key_is_shown_as_before() -> None:
    assert _item(GOOD, "prelive.checklist", None).why.startswith("checklist_completion_rate 1")


def test_kpi_hard_fail_reason_names_the_kpi() -> None:
    checks = hard_fail_checks(RULE, GOOD, {}, LABELS)
    refund = next(c for c in checks if c.check_id == "refund_late")
    assert refund.why == "超十五日未处理工单 0，未超过 0"


def test_answered_hard_fail_keeps_its_evidence() -> None:
    a = assess(RULE, GOOD, {}, {"deleted_comment": (False, "每日巡查记录")}, LABELS)
    check = next(c for c in a.checks if c.check_id == "deleted_comment")
    assert check.failed is False and check.evidence == "每日巡查记录"
    assert next(c for c in a.checks if c.check_id == "unlicensed_product").evidence == ""


def test_draft_words_its_reasons_from_the_studio_kpi_rule_and_shows_the_saved_evidence(tmp_db, owner) -> None:
    with tmp_db.unit_of_work(owner) as session:
        evaluation.set_hard_fail_answer(
            session, owner, PERIOD, "unlicensed_product", False, "资质台账逐项核对", now=AFTER
        )
    with tmp_db.sessions() as session:
        draft = evaluation.draft_evaluation(session, PERIOD, now=AFTER, source=_source(GOOD))
    reasons = {i.item_id: i.why for i in draft.assessment.items}
    assert reasons["prelive.checklist"] == "开播检查完成率 100%：满分线 100%，零分线 80%"
    check = next(c for c in draft.assessment.checks if c.check_id == "unlicensed_product")
    assert check.evidence == "资质台账逐项核对"
