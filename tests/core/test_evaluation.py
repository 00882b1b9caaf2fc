"""The 100-point self-assessment: curves, grade bands, hard-fail caps, scoring by hand, signing and versions."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from core import ledger
from core.domain.codes import Role
from core.errors import InvalidInput, PermissionDenied
from core.rules import bundled_rule
from core.services import evaluation
from core.services.evaluation_rules import (
    KPI_KEYS,
    assess,
    curve_tenths,
    grade_for,
    manual_items,
    rule_data,
    score_items,
)
from tests.builders import add_staff

RULE = bundled_rule("evaluation")
PERIOD = "2026-11"
AFTER = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)

# Every KPI at its best: all auto items full.
GOOD: dict[str, Any] = {
    "checklist_completion_rate": 1.0,
    "checklist_overrides": 0,
    "lint_unexempted": 0,
    "promises_per_session": 2.0,
    "promise_fulfilment_rate": 1.0,
    "first_response_median_h": 0.5,
    "first_response_in_sla_rate": 1.0,
    "resolution_median_h": 12.0,
    "refund_in_legal_window_rate": 1.0,
    "tickets_past_15_days": 0,
    "rejection_rate": 0.0,
    "quality_return_rate": 0.0,
    "complaint_rate": 0.0,
    "satisfaction_avg": 4.9,
    "bad_review_rate": 0.0,
    "incidents_iv": 1,
    "incidents_iii": 0,
    "incidents_ii": 0,
    "incidents_i": 0,
    "incident_clocks_met_rate": 1.0,
    "corrective_open": 0,
    "corrective_done_on_time_rate": 1.0,
}
MANUAL_IDS = (
    "basic.papers",
    "basic.staff",
    "basic.policy",
    "live.conduct",
    "opinion.watch",
    "improve.review",
)
ANSWER_IDS = ("unlicensed_product", "deleted_comment")


def _manual_full() -> dict[str, tuple[int, str]]:
    items = manual_items(RULE, GOOD)
    return {item_id: (int(items[item_id]["points"]) * 10, "核对记录") for item_id in MANUAL_IDS}


def _answers(failed: bool = False) -> dict[str, tuple[bool, str]]:
    return {check_id: (failed, "巡查记录") for check_id in ANSWER_IDS}


# --- the rule ---------------------------------------------------------------------------------------------------


def test_bundled_rule_items_total_exactly_100_and_name_contract_kpis() -> None:
    data = rule_data(RULE)
    items = [item for section in data["sections"] for item in section["items"]]
    assert sum(item["points"] for item in items) == 100
    assert [s["zh"] for s in data["sections"]] == [
        "基本要求",
        "直播前准备",
        "直播中服务",
        "直播后服务",
        "舆情监控与处理",
        "改进",
    ]
    assert all(item["kpi"] in KPI_KEYS for item in items if item["method"] == "auto")
    assert RULE["basis"] and RULE["as_of"]


def test_rule_whose_items_do_not_total_100_is_refused() -> None:
    broken = copy.deepcopy(rule_data(RULE))
    broken["sections"][0]["items"][0]["points"] -= 1
    with pytest.raises(ValueError, match="99"):
        rule_data(broken)


# --- curves -------------------------------------------------------------------------------------------------------

CURVES = [
    ("studio default [L]: checklist completion 100% → full 8", "checklist_completion_rate", 1.0, 80),
    ("studio default [L]: checklist completion 90% → half way", "checklist_completion_rate", 0.9, 40),
    ("studio default [L]: checklist completion 80% → zero", "checklist_completion_rate", 0.8, 0),
    (
        "studio default [L]: checklist completion 50% → zero, never negative",
        "checklist_completion_rate",
        0.5,
        0,
    ),
    ("count: no unexempted lint finding → full 8", "lint_unexempted", 0, 80),
    ("count: one unexempted finding of five → 6.4", "lint_unexempted", 1, 64),
    ("count: five or more findings → zero", "lint_unexempted", 9, 0),
    ("lower is better: median resolution 24 h → full 3", "resolution_median_h", 24.0, 30),
    ("lower is better: median resolution 72 h → 1.5", "resolution_median_h", 72.0, 15),
    ("lower is better: median resolution 200 h → zero", "resolution_median_h", 200.0, 0),
    ("no data this month (no_data full): nothing to fault", "incident_clocks_met_rate", None, 60),
]


@pytest.mark.parametrize(("case", "kpi", "value", "tenths"), CURVES, ids=[c[0] for c in CURVES])
def test_auto_item_follows_its_curve(case: str, kpi: str, value: Any, tenths: int) -> None:
    sections = score_items(RULE, {**GOOD, kpi: value}, {})
    item = next(i for s in sections for i in s.items if i.kpi == kpi)
    assert item.points_tenths == tenths, item.why


def test_curve_rounds_half_up_to_a_tenth() -> None:
    assert curve_tenths(0.95, 1.0, 0.9, 80) == 40
    assert curve_tenths(0.9125, 1.0, 0.9, 80) == 10


def test_satisfaction_without_ratings_needs_a_person() -> None:
    sections = score_items(RULE, {**GOOD, "satisfaction_avg": None}, {})
    item = next(i for s in sections for i in s.items if i.item_id == "after.satisfaction")
    assert item.points_tenths is None and item.needs_person
    scored = score_items(RULE, {**GOOD, "satisfaction_avg": None}, {"after.satisfaction": (20, "回访 30 人")})
    item = next(i for s in scored for i in s.items if i.item_id == "after.satisfaction")
    assert item.points_tenths == 20 and "回访 30 人" in item.why


# --- grades -------------------------------------------------------------------------------------------------------

BANDS = [
    ("GB/T 27922 [M–H]: 69.9 is below 达标", 699, "fail"),
    ("GB/T 27922 [M–H]: 70 is 达标", 700, "pass"),
    ("GB/T 27922 [M–H]: 79.9 is still 达标", 799, "pass"),
    ("GB/T 27922 [M–H]: 80 is ★★★", 800, "3star"),
    ("GB/T 27922 [M–H]: 89.9 is ★★★", 899, "3star"),
    ("GB/T 27922 [M–H]: 90 is ★★★★", 900, "4star"),
    ("GB/T 27922 [M–H]: 94.9 is ★★★★", 949, "4star"),
    ("GB/T 27922 [M–H]: 95 is ★★★★★", 950, "5star"),
    ("GB/T 27922 [M–H]: 100 is ★★★★★", 1000, "5star"),
]


@pytest.mark.parametrize(("case", "tenths", "grade"), BANDS, ids=[b[0] for b in BANDS])
def test_grade_bands(case: str, tenths: int, grade: str) -> None:
    assert grade_for(RULE, tenths)[0] == grade


def test_grade_names_are_the_standards_words() -> None:
    assert grade_for(RULE, 699)[1] == "不达标"
    assert grade_for(RULE, 700)[1] == "达标"
    assert grade_for(RULE, 960)[1] == "★★★★★"


HARD_FAILS = [
    (
        "处罚办法 Arts 8–9 [H]: a refund 15+ days late caps 96 to 不达标",
        {"tickets_past_15_days": 1},
        {},
        "refund_late",
    ),
    (
        "产品质量法/3C [H]: a product sold without its licence caps to 不达标",
        {},
        {"unlicensed_product": (True, "抽查发现一款无 3C 充电器")},
        "unlicensed_product",
    ),
    (
        "网络直播营销管理办法 Art 21 [H]: a deleted bad comment caps to 不达标",
        {},
        {"deleted_comment": (True, "场控删除差评截图")},
        "deleted_comment",
    ),
]


@pytest.mark.parametrize(("case", "kpis", "answers", "check"), HARD_FAILS, ids=[h[0] for h in HARD_FAILS])
def test_hard_fail_caps_the_grade_whatever_the_score(
    case: str, kpis: dict[str, Any], answers: dict[str, Any], check: str
) -> None:
    manual = _manual_full()
    manual["basic.papers"] = (10, "营业执照在有效期，两款商品资质待补")  # 96 points before the cap
    result = assess(RULE, {**GOOD, **kpis}, manual, {**_answers(), **answers})
    assert result.total_tenths == 960
    assert result.grade == "fail" and result.grade_name == "不达标"
    assert result.hard_fails == (check,)


def test_no_hard_fail_leaves_96_at_five_stars() -> None:
    manual = _manual_full()
    manual["basic.papers"] = (10, "两款商品资质待补")
    result = assess(RULE, GOOD, manual, _answers())
    assert (result.total_tenths, result.grade, result.hard_fails) == (960, "5star", ())
    assert result.complete


# --- the services on a real database ------------------------------------------------------------------------------


def _source(values: dict[str, Any]):
    """A KPI source reading ``values`` at call time (the test changes them to stand for later data changes)."""
    return lambda session, period, now: SimpleNamespace(values=dict(values), counts={"orders": 10})


def _score_everything(tmp_db, actor) -> None:
    with tmp_db.unit_of_work(actor) as session:
        for item_id, (tenths, evidence) in _manual_full().items():
            evaluation.set_manual_score(session, actor, PERIOD, item_id, tenths / 10, evidence, now=AFTER)
        for check_id in ANSWER_IDS:
            evaluation.set_hard_fail_answer(
                session, actor, PERIOD, check_id, False, "每日巡查记录", now=AFTER
            )


@pytest.mark.parametrize(
    ("field", "item_id", "score", "evidence"),
    [
        ("evidence", "basic.papers", 5, ""),
        ("evidence", "basic.papers", 5, "   "),
        ("score", "basic.papers", 6, "核对执照"),
        ("score", "basic.papers", -1, "核对执照"),
        ("score", "basic.papers", "五", "核对执照"),
        ("item_id", "no.such.item", 1, "核对执照"),
        ("item_id", "prelive.lint", 1, "核对执照"),
    ],
)
def test_bad_manual_score_is_refused_naming_the_field(tmp_db, owner, field, item_id, score, evidence) -> None:
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        evaluation.set_manual_score(session, owner, PERIOD, item_id, score, evidence, now=AFTER)
    assert caught.value.field == field
    with tmp_db.sessions() as session:
        assert evaluation.evaluation_history(session, PERIOD) == ()


def test_signing_refuses_while_an_item_is_unscored_and_names_it(tmp_db, owner) -> None:
    with tmp_db.unit_of_work(owner) as session:
        evaluation.set_manual_score(session, owner, PERIOD, "basic.papers", 5, "执照与资质齐全", now=AFTER)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        evaluation.sign_evaluation(session, owner, PERIOD, now=AFTER, source=_source(GOOD))
    assert caught.value.field == "item_id"
    assert "basic.staff" in str(caught.value) and "basic.papers" not in str(caught.value)


def test_a_month_not_over_cannot_be_signed(tmp_db, owner) -> None:
    _score_everything(tmp_db, owner)
    during = datetime(2026, 11, 20, tzinfo=UTC)
    with pytest.raises(InvalidInput) as caught, tmp_db.unit_of_work(owner) as session:
        evaluation.sign_evaluation(session, owner, PERIOD, now=during, source=_source(GOOD))
    assert caught.value.field == "period"


def test_only_the_owner_scores_and_signs(tmp_db, owner) -> None:
    operator = add_staff(tmp_db, owner, Role.OPERATOR)
    _score_everything(tmp_db, owner)
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as session:
        evaluation.sign_evaluation(session, operator, PERIOD, now=AFTER, source=_source(GOOD))
    with pytest.raises(PermissionDenied), tmp_db.unit_of_work(operator) as session:
        evaluation.set_manual_score(session, operator, PERIOD, "basic.papers", 5, "看过", now=AFTER)
    with tmp_db.sessions() as session:
        assert [v.signed for v in evaluation.evaluation_history(session, PERIOD)] == [False]


def test_signing_freezes_and_a_re_evaluation_is_version_2(tmp_db, owner) -> None:
    values = dict(GOOD)
    _score_everything(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as session:
        signed = evaluation.sign_evaluation(session, owner, PERIOD, now=AFTER, source=_source(values))
    assert (signed.version, signed.total_tenths, signed.grade, signed.signed_by) == (1, 1000, "5star", "店主")

    values["lint_unexempted"] = 5  # later data change: the month's scripts gain unexempted findings
    values["tickets_past_15_days"] = 2
    with tmp_db.sessions() as session:
        (first,) = evaluation.evaluation_history(session, PERIOD)
        draft = evaluation.draft_evaluation(session, PERIOD, now=AFTER, source=_source(values))
    assert (first.version, first.total_tenths, first.grade, first.hard_fails) == (1, 1000, "5star", ())
    assert first.kpis["values"]["lint_unexempted"] == 0
    assert first.scores["manual"]["basic.papers"]["evidence"] == "核对记录"
    assert draft.version == 2 and draft.assessment.total_tenths == 920
    assert draft.assessment.grade == "fail" and draft.assessment.hard_fails == ("refund_late",)

    later = datetime(2026, 12, 5, tzinfo=UTC)
    with tmp_db.unit_of_work(owner) as session:  # manual scores carry over from version 1
        second = evaluation.sign_evaluation(session, owner, PERIOD, now=later, source=_source(values))
    assert (second.version, second.total_tenths, second.grade, second.hard_fails) == (
        2,
        920,
        "fail",
        ("refund_late",),
    )
    with tmp_db.sessions() as session:
        history = evaluation.evaluation_history(session, PERIOD)
    assert [(v.version, v.total_tenths, v.signed) for v in history] == [(1, 1000, True), (2, 920, True)]


def test_signed_evaluation_is_in_the_ledger_and_verifies(tmp_db, owner) -> None:
    _score_everything(tmp_db, owner)
    with tmp_db.unit_of_work(owner) as session:
        signed = evaluation.sign_evaluation(session, owner, PERIOD, now=AFTER, source=_source(GOOD))
    with tmp_db.sessions() as session:
        kinds = session.connection().exec_driver_sql(
            "SELECT kind FROM ledger_entries WHERE subject_type = 'evaluation' AND subject_id = ? ORDER BY seq",
            (str(signed.id),),
        )
        kinds = [row[0] for row in kinds]
    assert kinds[-1] == "evaluation.signed" and kinds.count("evaluation.scored") == len(MANUAL_IDS)
    assert ledger.verify(tmp_db).ok
    with tmp_db.unit_of_work(owner) as session:  # tampering with the frozen row is caught
        session.connection().exec_driver_sql("UPDATE evaluations SET total = 990 WHERE id = ?", (signed.id,))
    assert not ledger.verify(tmp_db).ok


def test_draft_from_the_real_kpis_of_an_empty_month(tmp_db, owner) -> None:
    with tmp_db.sessions() as session:
        draft = evaluation.draft_evaluation(session, PERIOD, now=AFTER)
    a = draft.assessment
    assert draft.version == 1 and set(KPI_KEYS) <= set(draft.kpis["values"])
    assert "after.satisfaction" in a.unscored  # no ratings this month: a person scores it
    assert set(a.unanswered) == set(ANSWER_IDS)
