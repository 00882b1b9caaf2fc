"""Is a product's paperwork ready for the stream? (直播前准备：商品资质核验)

Pure: the caller passes the facts (the papers on file, today's date) and the ``documents`` rule data
(``resources/rules/documents.json``, or the owner's edited copy). Which papers a category needs, whether they
expire, who holds them and why they are required are all rule data with citations; no legal fact lives here.

Basis: 直播电商监督管理办法 (2026) — before each stream the room operator verifies the seller's licences and the
products' qualifications; DOMAIN.md §2 — warn before a paper expires, block a product whose required paper lapsed.

Contract:

- A requirement is met by the best paper of its ``code`` held by its ``holder`` (a supplier paper does not stand
  in for a product paper). Best = ok over expiring over lapsed over invalid; among valid ones the longest-lived.
- ``expires_on`` is the last valid day: on that day the paper is *expiring* with 0 days left; the next day it is
  *lapsed*. A paper is *expiring* when ``0 <= days_left <= warn_days_before_expiry``.
- A paper whose expiry date is before its issue date is *invalid* and meets nothing.
- A paper with no expiry date never lapses (a 长期 licence, a filing without a term).
- ``ready`` is true when every requirement is *ok* or *expiring*. ``blocks_lineup`` is true when a requirement is
  *lapsed* and the rule's ``lapsed_blocks_lineup`` is on, or *missing*/*invalid* and ``missing_blocks_lineup`` is on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from core import i18n
from core.errors import InvalidInput

i18n.register(
    {
        "readiness.unknown_category": (
            "没有名为“{category}”的商品类别；可用的类别：{known}",
            "There is no product category “{category}”; known categories: {known}",
        ),
        "readiness.unknown_condition": (
            "没有名为“{condition}”的商品条件；可用的条件：{known}",
            "There is no product condition “{condition}”; known conditions: {known}",
        ),
        "readiness.unknown_requirement": (
            "资质规则中类别“{category}”要求的“{code}”没有定义",
            "The documents rule lists “{code}” for category “{category}” but does not define it",
        ),
    }
)

Holder = Literal["supplier", "product"]
State = Literal["ok", "missing", "expiring", "lapsed", "invalid"]
PROBLEMS_WORST_FIRST: tuple[State, ...] = ("lapsed", "invalid", "missing", "expiring")
"""The order every screen and sheet names a product's paper problems in: the one that blocks the lineup first."""

_RANK: dict[str, int] = {"ok": 0, "expiring": 1, "lapsed": 2, "invalid": 3}


@dataclass(frozen=True)
class Paper:
    """One paper on file (营业执照, 3C证书, …) as plain facts; ``doc_type`` is a requirement code."""

    doc_type: str
    holder: Holder
    number: str = ""
    issued_on: date | None = None
    expires_on: date | None = None


@dataclass(frozen=True)
class RequirementStatus:
    """One required paper of a product and how it stands today."""

    code: str
    name_zh: str
    name_en: str
    holder: Holder
    expires: bool  # the rule expects this paper to carry an expiry date
    state: State
    days_left: int | None  # days until ``expires_on`` (0 on the last valid day, negative once lapsed)
    paper: Paper | None  # the paper that decided the state; None when missing
    basis: tuple[str, ...]  # why it is required

    @property
    def name(self) -> str:
        return self.name_en if i18n.language() == "en" else self.name_zh


@dataclass(frozen=True)
class Readiness:
    """Every requirement of a product with its state, and the verdicts the lineup gate uses."""

    category: str
    category_name_zh: str
    category_name_en: str
    requirements: tuple[RequirementStatus, ...]
    ready: bool
    blocks_lineup: bool
    blocks_lineup_basis: tuple[str, ...]
    warn_days: int

    def in_state(self, *states: State) -> tuple[RequirementStatus, ...]:
        return tuple(r for r in self.requirements if r.state in states)

    @property
    def missing(self) -> tuple[RequirementStatus, ...]:
        return self.in_state("missing")

    @property
    def expiring(self) -> tuple[RequirementStatus, ...]:
        return self.in_state("expiring")

    @property
    def lapsed(self) -> tuple[RequirementStatus, ...]:
        return self.in_state("lapsed")


def _data(rules: Mapping[str, Any]) -> Mapping[str, Any]:
    """Accept the whole rule document or just its ``data``."""
    return rules["data"] if "data" in rules and "categories" not in rules else rules


def categories(rules: Mapping[str, Any]) -> dict[str, str]:
    """Category key -> its name in the current language, in the rule's order."""
    lang = "name_en" if i18n.language() == "en" else "name_zh"
    return {key: body[lang] for key, body in _data(rules)["categories"].items()}


def paper_state(paper: Paper, *, today: date, warn_days: int) -> tuple[State, int | None]:
    """The state of one paper on ``today`` and its days left (see the module contract)."""
    if paper.issued_on and paper.expires_on and paper.expires_on < paper.issued_on:
        return "invalid", None
    if paper.expires_on is None:
        return "ok", None
    days_left = (paper.expires_on - today).days
    if days_left < 0:
        return "lapsed", days_left
    if days_left <= warn_days:
        return "expiring", days_left
    return "ok", days_left


def _best(papers: list[Paper], *, today: date, warn_days: int) -> tuple[State, int | None, Paper | None]:
    if not papers:
        return "missing", None, None
    judged = [(*paper_state(p, today=today, warn_days=warn_days), p) for p in papers]
    # Lower rank first; then the longest-lived (no expiry counts as forever).
    judged.sort(key=lambda j: (_RANK[j[0]], -(j[1] if j[1] is not None else 10**9)))
    return judged[0]


def required_codes(category: str, rules: Mapping[str, Any], conditions: Iterable[str] = ()) -> list[str]:
    """The requirement codes of ``category`` plus those of each condition (``branded``, ``imported``…), in order.

    Raises :class:`InvalidInput` naming an unknown category or condition.
    """
    data = _data(rules)
    cats = data["categories"]
    if category not in cats:
        raise InvalidInput(
            i18n.t("readiness.unknown_category", category=category, known="、".join(cats)), field="category"
        )
    codes = list(cats[category]["requires"])
    known_conditions = data.get("conditions", {})
    for condition in conditions:
        if condition not in known_conditions:
            raise InvalidInput(
                i18n.t("readiness.unknown_condition", condition=condition, known="、".join(known_conditions)),
                field="conditions",
            )
        codes.extend(c for c in known_conditions[condition]["requires"] if c not in codes)
    for code in codes:
        if code not in data["requirements"]:
            raise InvalidInput(i18n.t("readiness.unknown_requirement", category=category, code=code))
    return codes


def product_readiness(
    category: str,
    documents: Iterable[Paper],
    *,
    today: date,
    rules: Mapping[str, Any],
    conditions: Iterable[str] = (),
) -> Readiness:
    """Judge a product of ``category`` with ``documents`` (its own and its supplier's papers) on ``today``.

    ``rules`` is the ``documents`` rule document (or its ``data``); ``conditions`` adds the papers of e.g. branded
    or imported goods. Unknown category or condition → :class:`InvalidInput` naming it.
    """
    data = _data(rules)
    codes = required_codes(category, data, conditions)
    warn_days = int(data["warn_days_before_expiry"])
    papers = list(documents)
    owner_basis = data["categories"][category].get("basis") or {}  # the owner's own reason, shown first
    statuses = []
    for code in codes:
        req = data["requirements"][code]
        mine = [p for p in papers if p.doc_type == code and p.holder == req["holder"]]
        state, days_left, paper = _best(mine, today=today, warn_days=warn_days)
        statuses.append(
            RequirementStatus(
                code=code,
                name_zh=req["name_zh"],
                name_en=req["name_en"],
                holder=req["holder"],
                expires=bool(req["expires"]),
                state=state,
                days_left=days_left,
                paper=paper,
                basis=tuple(owner_basis.get(code, ())) + tuple(req["basis"]),
            )
        )
    states = {s.state for s in statuses}
    blocks: list[str] = []
    if data.get("lapsed_blocks_lineup", True) and "lapsed" in states:
        blocks.append(data.get("lapsed_blocks_lineup_basis", ""))
    if data.get("missing_blocks_lineup", False) and states & {"missing", "invalid"}:
        blocks.append(data.get("missing_blocks_lineup_basis", ""))
    cat = data["categories"][category]
    return Readiness(
        category=category,
        category_name_zh=cat["name_zh"],
        category_name_en=cat["name_en"],
        requirements=tuple(statuses),
        ready=states <= {"ok", "expiring"},
        blocks_lineup=bool(blocks),
        blocks_lineup_basis=tuple(b for b in blocks if b),
        warn_days=warn_days,
    )
