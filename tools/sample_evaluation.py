"""The sample studio's monthly self-assessment (issue 7's sample): September signed, October ready to evaluate.

王芳 (the owner) scores September's hand-scored items with their evidence and answers the yes/no hard-fail questions
on 2 October, and signs on 3 October 10:00 (Asia/Shanghai), through the real evaluation service
(:mod:`core.services.evaluation`) under a fixed clock, after the after-sales desk and the incident register, so the
signed figures are computed from the sample's own KPIs and every row has its ledger entry (the ledger verifies).

Why September, the studio's first month although its first stream is on 21 September (ten trading days): the issue
asks for "a signed evaluation for its first month; its second month is ready to evaluate", and the demo's clock
stands at 2026-11-28, so the month a new user can score and sign in the demo is October (November has not ended,
and the service refuses to sign an open month). October is left unscored for that walkthrough.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from core import clock
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import evaluation

OWNER = Actor(1, "王芳", Role.OWNER)
PERIOD = "2026-09"
SCORED_AT = (2026, 10, 2, 15, 0)
SIGNED_AT = (2026, 10, 3, 10, 0)

# (item id, score, evidence) — the rule's hand-scored items (resources/rules/evaluation.json).
MANUAL = (
    (
        "basic.papers",
        4.5,
        "09-30 核对营业执照与 9 月在播商品资质清单（商品资质页）：必备许可证与 3C 证书均在有效期内；"
        "JW-001 的 CMA 检测报告仍未上传，已催供应商补交，扣 0.5 分",
    ),
    (
        "basic.staff",
        5,
        "主播小美、阿杰与客服陈静、赵磊开播前均已实名核验（员工页）；09-18 七日无理由与售后话术培训，签到表存档",
    ),
    ("basic.policy", 5, "抖店、视频号小店店铺页已公示售后说明与客服电话，09-30 截图存档"),
    (
        "live.conduct",
        4,
        "抽查 9 月 4 场回放各 30 分钟：价格与商品页一致；脐橙讲解说“坏果包赔”但未说明申请时限，扣 1 分",
    ),
    (
        "opinion.watch",
        3.5,
        "陈静每日巡查抖音评论、小红书、黑猫投诉，巡查表 10 天中 9 天有记录（09-27 漏记），"
        "小红书脐橙笔记（YQ-202609-001）当天发现并截图留证，扣 0.5 分",
    ),
    (
        "improve.review",
        2,
        "10-02 九月复盘会：脐橙坏果投诉的原因（到仓未抽检、包装单薄），整改：到仓抽检 5%、单果网套；纪要存档",
    ),
)

# (hard-fail check id, it happened?, evidence) — the questions a person answers.
ANSWERS = (
    (
        "unlicensed_product",
        False,
        "对照 9 月订单商品与资质页：须证商品均持有效许可证或 3C 证书",
    ),
    ("deleted_comment", False, "核查抖店、视频号小店评价管理操作记录：9 月没有删除或屏蔽评价"),
)


def _local(parts: tuple[int, ...], zone: ZoneInfo) -> datetime:
    return datetime(*parts, tzinfo=zone)  # type: ignore[misc]


def add_evaluation(db: Any, zone: ZoneInfo) -> Any:
    """Score, answer and sign September as 王芳; returns the signed version (October is left to evaluate)."""
    with clock.fixed(_local(SCORED_AT, zone)):
        for item_id, score, evidence in MANUAL:
            with db.unit_of_work(OWNER) as session:
                evaluation.set_manual_score(session, OWNER, PERIOD, item_id, score, evidence)
        for check_id, failed, evidence in ANSWERS:
            with db.unit_of_work(OWNER) as session:
                evaluation.set_hard_fail_answer(session, OWNER, PERIOD, check_id, failed, evidence)
        clock.set_to(_local(SIGNED_AT, zone))
        with db.unit_of_work(OWNER) as session:
            return evaluation.sign_evaluation(session, OWNER, PERIOD)
