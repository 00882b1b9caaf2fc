"""服务自评 The 100-point self-assessment's arithmetic: items, curves, grade bands and hard fails (issue 7).

Basis: GB/T 27922 (商品售后服务评价体系) — 100 points; ≥70 达标, ≥80 ★★★, ≥90 ★★★★, ≥95 ★★★★★ [M–H]; DOMAIN §7 —
hard-fail items cap the grade whatever the score: a refund not made 15+ days after the returned goods arrived
(侵害消费者权益行为处罚办法 Arts 8–9 [H]), a product sold without a required licence/registration/3C, a deleted
unfavourable comment (网络直播营销管理办法 Art 21 [H]). Every number lives in ``resources/rules/evaluation.json``.

Contract (pure: no database, no I/O, so it is table-tested on plain dicts):

* Points are kept in tenths (integers) from here to the ``Evaluation.total`` column.
* An ``auto`` item reads one KPI (a key of the KPI contract, ``core.services.kpis``) and its curve
  ``{"full_at": a, "zero_at": b}``: full points at or beyond ``a`` (in the direction away from ``b``), zero at or
  beyond ``b``, linear between, rounded half up to a tenth. Works both ways (higher-better and lower-better) and for
  counts (``full_at`` 0). A KPI that is ``None`` (no denominator this month) scores by the item's ``no_data``:
  ``"full"`` (nothing to fault) or ``"manual"`` (a person scores it, with evidence).
* A ``manual`` item takes the person's score ``(tenths, evidence)``; unscored it has ``points_tenths`` ``None``.
* A hard-fail check is detected from a KPI (``{"kpi": key, "fails_above": n}``) or answered yes/no by a person
  (``{"manual": "yes_no"}``); a failed check caps the grade at its ``cap`` (the 不达标 band: not above it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core import i18n
from core.services.evaluation_words import Labels, kpi_figure, kpi_name

KPI_KEYS = frozenset(
    {
        "checklist_completion_rate", "checklist_overrides", "lint_unexempted", "promises_per_session",
        "promise_fulfilment_rate", "first_response_median_h", "first_response_in_sla_rate", "resolution_median_h",
        "refund_in_legal_window_rate", "tickets_past_15_days", "rejection_rate", "quality_return_rate",
        "complaint_rate", "satisfaction_avg", "bad_review_rate", "incidents_iv", "incidents_iii", "incidents_ii",
        "incidents_i", "incident_clocks_met_rate", "corrective_open", "corrective_done_on_time_rate",
    }
)  # fmt: skip
"""The KPI keys of the contract in docs (issue 7): an ``auto`` item or a hard-fail check must name one."""

i18n.register(
    {
        "evaluation.rule.bad": ("服务评价规则有误：{problem}", "The evaluation rule is wrong: {problem}"),
        "evaluation.why.curve": (
            "{kpi} {value}：满分线 {full_at}，零分线 {zero_at}",
            "{kpi} {value}: full points at {full_at}, none at {zero_at}",
        ),
        "evaluation.why.no_data_full": (
            "本月无此项数据（分母为 0），无可扣分之处，记满分",
            "No data this month (nothing to count), nothing to fault: full points",
        ),
        "evaluation.why.no_data_manual": (
            "本月无此项数据，需由人工评分并写明依据",
            "No data this month: a person scores it with evidence",
        ),
        "evaluation.why.manual": ("人工评分，依据：{evidence}", "Scored by a person; evidence: {evidence}"),
        "evaluation.why.unscored": (
            "尚未评分（需人工评分并写明依据）",
            "Not scored yet (a person scores it with evidence)",
        ),
        "evaluation.hard.kpi_failed": ("{kpi} {value}，超过 {limit}", "{kpi} {value}, above {limit}"),
        "evaluation.hard.kpi_ok": ("{kpi} {value}，未超过 {limit}", "{kpi} {value}, not above {limit}"),
        "evaluation.hard.kpi_none": (
            "{kpi} 本月无数据，未触发",
            "{kpi} has no data this month: not triggered",
        ),
        "evaluation.hard.answered_yes": (
            "人工确认：是。依据：{evidence}",
            "Answered yes; evidence: {evidence}",
        ),
        "evaluation.hard.answered_no": (
            "人工确认：否。依据：{evidence}",
            "Answered no; evidence: {evidence}",
        ),
        "evaluation.hard.unanswered": (
            "尚未确认（需人工回答是/否并写明依据）",
            "Not answered yet (yes/no with evidence)",
        ),
    }
)


def _name(entry: Mapping[str, Any]) -> str:
    return str(entry["en" if i18n.language() == "en" else "zh"])


def rule_data(rule: Mapping[str, Any]) -> dict[str, Any]:
    """The ``data`` part of a rule document (a bare data dict is accepted too), checked: items total the rule's
    ``total_points``, ids unique, ``auto`` items and KPI checks name a contract KPI, curves have two distinct ends.
    Raises ``ValueError`` naming the problem (an owner's edit that breaks the model must not score silently)."""
    data = dict(rule.get("data", rule))

    def bad(problem: str) -> ValueError:
        return ValueError(i18n.t("evaluation.rule.bad", problem=problem))

    seen: set[str] = set()
    total = 0
    for section in data.get("sections", []):
        for item in section.get("items", []):
            if item["id"] in seen:
                raise bad(f"item {item['id']} twice")
            seen.add(item["id"])
            points = item.get("points")
            if not isinstance(points, int) or points <= 0:
                raise bad(f"item {item['id']}: points must be a positive whole number")
            total += points
            if item.get("method") == "auto":
                curve = item.get("curve", {})
                if item.get("kpi") not in KPI_KEYS:
                    raise bad(f"item {item['id']}: unknown KPI {item.get('kpi')!r}")
                if curve.get("full_at") == curve.get("zero_at") or curve.get("full_at") is None:
                    raise bad(f"item {item['id']}: the curve needs two different ends")
                if item.get("no_data", "full") not in ("full", "manual"):
                    raise bad(f"item {item['id']}: no_data must be full or manual")
            elif item.get("method") != "manual":
                raise bad(f"item {item['id']}: method must be auto or manual")
    if total != data.get("total_points"):
        raise bad(f"items total {total}, not {data.get('total_points')}")
    for check in data.get("hard_fails", []):
        kpi = check.get("detect", {}).get("kpi")
        if kpi is not None and kpi not in KPI_KEYS:
            raise bad(f"hard fail {check['id']}: unknown KPI {kpi!r}")
    return data


def curve_tenths(value: float, full_at: float, zero_at: float, max_tenths: int) -> int:
    """Points in tenths on the linear curve (full at/beyond ``full_at``, zero at/beyond ``zero_at``), half up."""
    fraction = (value - zero_at) / (full_at - zero_at)
    fraction = min(1.0, max(0.0, fraction))
    return math.floor(fraction * max_tenths + 0.5 + 1e-9)


@dataclass(frozen=True)
class ItemScore:
    """One item: ``points_tenths`` ``None`` while a person still has to score it; ``why`` says how it was scored."""

    item_id: str
    section: str
    name: str
    method: str  # auto | manual (an auto item without data and no_data "manual" is scored as manual)
    max_tenths: int
    points_tenths: int | None
    kpi: str | None
    value: float | int | None
    why: str
    evidence: str = ""

    @property
    def needs_person(self) -> bool:
        return self.method == "manual"


@dataclass(frozen=True)
class SectionScore:
    code: str
    name: str
    max_tenths: int
    points_tenths: int
    items: tuple[ItemScore, ...]


@dataclass(frozen=True)
class HardFailCheck:
    """One hard-fail check: ``failed`` ``None`` while a person still has to answer it."""

    check_id: str
    name: str
    detected_by: str  # kpi | manual
    failed: bool | None
    why: str
    cap: str
    cap_note: str
    evidence: str = ""  # a person's answer's evidence ("" for a KPI check or no answer yet)


@dataclass(frozen=True)
class Assessment:
    """The whole self-assessment: sections with items, total in tenths, the grade after any hard-fail cap."""

    sections: tuple[SectionScore, ...]
    total_tenths: int
    grade: str  # band code: 5star | 4star | 3star | pass | fail
    grade_name: str
    checks: tuple[HardFailCheck, ...]
    hard_fails: tuple[str, ...]  # ids of the failed checks
    unscored: tuple[str, ...]  # ids of items a person has not scored
    unanswered: tuple[str, ...]  # ids of hard-fail checks a person has not answered

    @property
    def items(self) -> tuple[ItemScore, ...]:
        return tuple(item for section in self.sections for item in section.items)

    @property
    def complete(self) -> bool:
        return not self.unscored and not self.unanswered


def _score_item(
    section: str,
    item: Mapping[str, Any],
    kpis: Mapping[str, Any],
    manual: Mapping[str, tuple[Any, str]],
    labels: Labels | None = None,
) -> ItemScore:
    max_tenths = int(item["points"]) * 10
    base = {"item_id": item["id"], "section": section, "name": _name(item), "max_tenths": max_tenths}
    kpi = item.get("kpi") if item["method"] == "auto" else None
    value = kpis.get(kpi) if kpi else None
    if kpi and value is not None:
        curve = item["curve"]
        points = curve_tenths(float(value), float(curve["full_at"]), float(curve["zero_at"]), max_tenths)
        why = i18n.t(
            "evaluation.why.curve",
            kpi=kpi_name(kpi, labels),
            value=kpi_figure(kpi, value, labels),
            full_at=kpi_figure(kpi, curve["full_at"], labels),
            zero_at=kpi_figure(kpi, curve["zero_at"], labels),
        )
        return ItemScore(**base, method="auto", points_tenths=points, kpi=kpi, value=value, why=why)
    if kpi and item.get("no_data", "full") == "full":
        why = i18n.t("evaluation.why.no_data_full")
        return ItemScore(**base, method="auto", points_tenths=max_tenths, kpi=kpi, value=None, why=why)
    given = manual.get(item["id"])
    if given is None:
        why = i18n.t("evaluation.why.no_data_manual" if kpi else "evaluation.why.unscored")
        return ItemScore(**base, method="manual", points_tenths=None, kpi=kpi, value=None, why=why)
    tenths, evidence = int(given[0]), str(given[1])
    why = i18n.t("evaluation.why.manual", evidence=evidence)
    return ItemScore(
        **base, method="manual", points_tenths=tenths, kpi=kpi, value=None, why=why, evidence=evidence
    )


def manual_items(rule: Mapping[str, Any], kpi_values: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The items a person scores with these KPI values (manual items, and auto items without data whose
    ``no_data`` is ``manual``), by id."""
    found: dict[str, dict[str, Any]] = {}
    for section in rule_data(rule)["sections"]:
        for item in section["items"]:
            if item["method"] == "manual" or (
                kpi_values.get(item["kpi"]) is None and item.get("no_data", "full") == "manual"
            ):
                found[item["id"]] = item
    return found


def score_items(
    rule: Mapping[str, Any],
    kpi_values: Mapping[str, Any],
    manual: Mapping[str, tuple[Any, str]],
    labels: Labels | None = None,
) -> tuple[SectionScore, ...]:
    """Score every item: ``manual`` maps item id → (score in tenths, evidence). Sections in the rule's order.
    ``labels`` (KPI key → (name, unit), :func:`core.services.evaluation_words.kpi_labels`) words the reasons."""
    sections: list[SectionScore] = []
    for section in rule_data(rule)["sections"]:
        items = tuple(_score_item(section["code"], i, kpi_values, manual, labels) for i in section["items"])
        sections.append(
            SectionScore(
                code=section["code"],
                name=_name(section),
                max_tenths=sum(i.max_tenths for i in items),
                points_tenths=sum(i.points_tenths or 0 for i in items),
                items=items,
            )
        )
    return tuple(sections)


def hard_fail_checks(
    rule: Mapping[str, Any],
    kpi_values: Mapping[str, Any],
    answers: Mapping[str, tuple[bool, str]],
    labels: Labels | None = None,
) -> tuple[HardFailCheck, ...]:
    """Each hard-fail check: from its KPI (failed when the value is above ``fails_above``) or a person's answer
    ``answers[id] = (failed, evidence)``."""
    checks: list[HardFailCheck] = []
    for check in rule_data(rule).get("hard_fails", []):
        detect = check["detect"]
        base = {
            "check_id": check["id"],
            "name": _name(check),
            "cap": check.get("cap", "fail"),
            "cap_note": _name(check["cap_note"]) if "cap_note" in check else "",
        }
        if "kpi" in detect:
            kpi, limit = detect["kpi"], detect.get("fails_above", 0)
            value = kpi_values.get(kpi)
            if value is None:
                failed, why = False, i18n.t("evaluation.hard.kpi_none", kpi=kpi_name(kpi, labels))
            else:
                failed = float(value) > float(limit)
                key = "evaluation.hard.kpi_failed" if failed else "evaluation.hard.kpi_ok"
                figure = {"value": kpi_figure(kpi, value, labels), "limit": kpi_figure(kpi, limit, labels)}
                why = i18n.t(key, kpi=kpi_name(kpi, labels), **figure)
            checks.append(HardFailCheck(**base, detected_by="kpi", failed=failed, why=why))
            continue
        answer = answers.get(check["id"])
        if answer is None:
            why = i18n.t("evaluation.hard.unanswered")
            checks.append(HardFailCheck(**base, detected_by="manual", failed=None, why=why))
        else:
            key = "evaluation.hard.answered_yes" if answer[0] else "evaluation.hard.answered_no"
            why = i18n.t(key, evidence=answer[1])
            checks.append(
                HardFailCheck(
                    **base, detected_by="manual", failed=bool(answer[0]), why=why, evidence=str(answer[1])
                )
            )
    return tuple(checks)


def grade_for(rule: Mapping[str, Any], total_tenths: int, caps: tuple[str, ...] = ()) -> tuple[str, str]:
    """(band code, name) for ``total_tenths``; each cap in ``caps`` (a band code) holds the grade at or below
    that band (a ``fail`` cap: not above 不达标)."""
    grades = rule_data(rule)["grades"]
    ladder = [*grades["bands"], {**grades["below"], "min": None}]  # best first
    order = [band["code"] for band in ladder]
    chosen = next(b for b in ladder if b["min"] is None or total_tenths >= round(float(b["min"]) * 10))
    for cap in caps:
        if cap in order and order.index(cap) > order.index(chosen["code"]):
            chosen = ladder[order.index(cap)]
    return chosen["code"], _name(chosen)


def assess(
    rule: Mapping[str, Any],
    kpi_values: Mapping[str, Any],
    manual: Mapping[str, tuple[Any, str]],
    answers: Mapping[str, tuple[bool, str]],
    labels: Labels | None = None,
) -> Assessment:
    """Items, total, hard fails and the capped grade in one value (what the page shows and signing freezes);
    ``labels`` names the KPIs in the reasons (without them the keys are shown)."""
    sections = score_items(rule, kpi_values, manual, labels)
    checks = hard_fail_checks(rule, kpi_values, answers, labels)
    total = sum(section.points_tenths for section in sections)
    failed = tuple(check for check in checks if check.failed)
    grade, grade_name = grade_for(rule, total, tuple(check.cap for check in failed))
    return Assessment(
        sections=sections,
        total_tenths=total,
        grade=grade,
        grade_name=grade_name,
        checks=checks,
        hard_fails=tuple(check.check_id for check in failed),
        unscored=tuple(i.item_id for s in sections for i in s.items if i.points_tenths is None),
        unanswered=tuple(check.check_id for check in checks if check.failed is None),
    )


def assessment_json(a: Assessment) -> dict[str, Any]:
    """The assessment as plain JSON (sections with items, checks, grade name) — what a signed row keeps."""
    return {
        "sections": [
            {
                "code": s.code,
                "name": s.name,
                "max_tenths": s.max_tenths,
                "points_tenths": s.points_tenths,
                "items": [
                    {
                        "id": i.item_id,
                        "name": i.name,
                        "method": i.method,
                        "kpi": i.kpi,
                        "value": i.value,
                        "max_tenths": i.max_tenths,
                        "points_tenths": i.points_tenths,
                        "why": i.why,
                    }
                    for i in s.items
                ],
            }
            for s in a.sections
        ],
        "checks": [
            {
                "id": c.check_id,
                "name": c.name,
                "by": c.detected_by,
                "failed": c.failed,
                "why": c.why,
                "cap": c.cap,
            }
            for c in a.checks
        ],
        "grade_name": a.grade_name,
    }
