"""The document-requirement table (资质要求) as data the owner edits: checking it whole, and pure edits.

Basis: 直播电商监督管理办法 (2026) and SAMR 国市监广〔2020〕175号 — before each stream the room operator verifies the
seller's licences and the products' qualifications (DOMAIN.md §2). The table is ``resources/rules/documents.json``
(``data``) or the owner's copy; :mod:`core.domain.readiness` judges products with it, this module keeps it sound.

Contract:

- :func:`check_documents_data` returns a validated deep copy or raises :class:`InvalidInput` whose ``field`` is the
  path of the first problem (``categories.food.requires``, ``requirements.ccc_certificate.basis``,
  ``warn_days_before_expiry``…) and whose message names the category or paper in words.
- :func:`set_warn_days`, :func:`add_required` and :func:`remove_required` return a changed copy (the input is never
  modified). A paper added to a category carries the owner's basis in ``categories.<c>.basis.<code>``, which
  readiness shows before the paper's own citations.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core import i18n
from core.errors import InvalidInput

# Input sanity bounds (not legal numbers): a warning more than a year ahead would warn about every paper.
WARN_DAYS_RANGE = (1, 365)
MAX_MB_RANGE = (1, 1024)
HOLDERS = ("supplier", "product")

i18n.register(
    {
        "docs_rule.structure": (
            "资质规则的“{key}”缺失或格式不对",
            "“{key}” of the documents rule is missing or malformed",
        ),
        "docs_rule.warn_days": (
            "到期提醒天数须为 {low}–{high} 之间的整数",
            "Warning days must be a whole number from {low} to {high}",
        ),
        "docs_rule.max_mb": (
            "证照文件大小上限须为 {low}–{high} MB 之间的整数",
            "The document size limit must be a whole number of MB from {low} to {high}",
        ),
        "docs_rule.basis_of": ("“{what}”须写明依据", "“{what}” needs its basis"),
        "docs_rule.type_field": (
            "资质“{code}”缺少“{key}”或格式不对",
            "Paper type “{code}”: “{key}” is missing or malformed",
        ),
        "docs_rule.holder": (
            "资质“{name}”的持有方须为供应商或商品",
            "The holder of “{name}” must be the supplier or the product",
        ),
        "docs_rule.type_basis": (
            "资质“{name}”没有写明为何要求（依据）",
            "“{name}” does not cite why it is required (basis)",
        ),
        "docs_rule.category_field": (
            "类别“{category}”缺少“{key}”或格式不对",
            "Category “{category}”: “{key}” is missing or malformed",
        ),
        "docs_rule.unknown_type": (
            "类别“{category}”要求的资质“{code}”不在资质类型表中",
            "Category “{category}” requires “{code}”, which is not a known paper type",
        ),
        "docs_rule.repeated": (
            "类别“{category}”重复要求了“{name}”",
            "Category “{category}” requires “{name}” twice",
        ),
        "docs_rule.empty": (
            "类别“{category}”至少要求一种资质（开播前须核验销售者证照）",
            "Category “{category}” must require at least one paper (the seller's licence is always checked)",
        ),
        "docs_rule.stray_basis": (
            "类别“{category}”为未要求的资质“{code}”写了依据",
            "Category “{category}” gives a basis for “{code}”, which it does not require",
        ),
        "docs_rule.unknown_category": (
            "没有名为“{category}”的商品类别",
            "There is no product category “{category}”",
        ),
        "docs_rule.unknown_paper": ("没有名为“{code}”的资质类型", "There is no paper type “{code}”"),
        "docs_rule.already": (
            "类别“{category}”已经要求“{name}”",
            "Category “{category}” already requires “{name}”",
        ),
        "docs_rule.not_required": (
            "类别“{category}”并未要求“{name}”",
            "Category “{category}” does not require “{name}”",
        ),
        "docs_rule.added_basis_needed": (
            "为类别“{category}”增加“{name}”时请写明依据",
            "Adding “{name}” to category “{category}” needs its basis",
        ),
        "docs_rule.warn_basis_needed": (
            "修改到期提醒天数时请写明依据",
            "Changing the warning days needs its basis",
        ),
    }
)


@dataclass(frozen=True)
class RequiredPaper:
    """One paper a category requires, with why: the owner's basis for this category first, then the paper's."""

    code: str
    name: str
    holder: str
    expires: bool
    basis: tuple[str, ...]
    owner_basis: tuple[str, ...]


@dataclass(frozen=True)
class CategoryRequirements:
    """One product category of the documents rule and the papers it requires, as the owner's editor lists them."""

    code: str
    name: str
    papers: tuple[RequiredPaper, ...]


def _name(body: Mapping[str, Any], fallback: str) -> str:
    key = "name_en" if i18n.language() == "en" else "name_zh"
    return str(body.get(key) or body.get("name_zh") or fallback)


def basis_list(value: Any) -> list[str] | None:
    """A non-empty list of non-empty strings (a lone string counts as one), else None."""
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        return None
    if not all(isinstance(b, str) and b.strip() for b in value):
        return None
    return [b.strip() for b in value]


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _check_types(requirements: Any) -> dict[str, Any]:
    if not isinstance(requirements, dict) or not requirements:
        raise InvalidInput(i18n.t("docs_rule.structure", key="requirements"), field="requirements")
    for code, body in requirements.items():
        if not isinstance(body, dict):
            raise InvalidInput(i18n.t("docs_rule.structure", key=code), field=f"requirements.{code}")
        for key in ("name_zh", "name_en"):
            if not isinstance(body.get(key), str) or not body[key].strip():
                raise InvalidInput(
                    i18n.t("docs_rule.type_field", code=code, key=key), field=f"requirements.{code}.{key}"
                )
        if body.get("holder") not in HOLDERS:
            raise InvalidInput(
                i18n.t("docs_rule.holder", name=_name(body, code)), field=f"requirements.{code}.holder"
            )
        if not isinstance(body.get("expires"), bool):
            raise InvalidInput(
                i18n.t("docs_rule.type_field", code=code, key="expires"), field=f"requirements.{code}.expires"
            )
        basis = basis_list(body.get("basis"))
        if basis is None:
            raise InvalidInput(
                i18n.t("docs_rule.type_basis", name=_name(body, code)), field=f"requirements.{code}.basis"
            )
        body["basis"] = basis
    return requirements


def _check_groups(data: dict[str, Any], group: str) -> None:
    """``categories`` (required, each non-empty) or ``conditions``: names, known unique codes, basis only for them."""
    groups = data.get(group)
    if group == "conditions" and groups is None:
        return
    if not isinstance(groups, dict) or (group == "categories" and not groups):
        raise InvalidInput(i18n.t("docs_rule.structure", key=group), field=group)
    types = data["requirements"]
    for key, body in groups.items():
        label = _name(body, key) if isinstance(body, dict) else key
        where = f"{group}.{key}"
        if not isinstance(body, dict):
            raise InvalidInput(i18n.t("docs_rule.structure", key=key), field=where)
        for name_key in ("name_zh", "name_en"):
            if not isinstance(body.get(name_key), str) or not body[name_key].strip():
                raise InvalidInput(
                    i18n.t("docs_rule.category_field", category=label, key=name_key),
                    field=f"{where}.{name_key}",
                )
        requires = body.get("requires")
        if not isinstance(requires, list) or not all(isinstance(c, str) for c in requires):
            raise InvalidInput(
                i18n.t("docs_rule.category_field", category=label, key="requires"), field=f"{where}.requires"
            )
        if group == "categories" and not requires:
            raise InvalidInput(i18n.t("docs_rule.empty", category=label), field=f"{where}.requires")
        seen: set[str] = set()
        for code in requires:
            if code not in types:
                raise InvalidInput(
                    i18n.t("docs_rule.unknown_type", category=label, code=code), field=f"{where}.requires"
                )
            if code in seen:
                raise InvalidInput(
                    i18n.t("docs_rule.repeated", category=label, name=_name(types[code], code)),
                    field=f"{where}.requires",
                )
            seen.add(code)
        extra = body.get("basis", {})
        if not isinstance(extra, dict):
            raise InvalidInput(
                i18n.t("docs_rule.category_field", category=label, key="basis"), field=f"{where}.basis"
            )
        for code, basis in extra.items():
            if code not in seen:
                raise InvalidInput(
                    i18n.t("docs_rule.stray_basis", category=label, code=code), field=f"{where}.basis"
                )
            cleaned = basis_list(basis)
            if cleaned is None:
                raise InvalidInput(
                    i18n.t("docs_rule.added_basis_needed", category=label, name=_name(types[code], code)),
                    field=f"{where}.basis.{code}",
                )
            extra[code] = cleaned


def check_documents_data(data: Mapping[str, Any]) -> dict[str, Any]:
    """A validated deep copy of the documents rule ``data``; :class:`InvalidInput` naming the first problem.

    Checks: every paper type has both names, a holder (supplier/product), ``expires`` and at least one basis;
    every category and condition has names and requires only known, unrepeated types (a category at least one);
    an owner's per-category basis belongs to a required type and is not empty; warning days are a whole number
    within :data:`WARN_DAYS_RANGE`; the size limit within :data:`MAX_MB_RANGE`; each switch has its basis.
    """
    if not isinstance(data, Mapping):
        raise InvalidInput(i18n.t("docs_rule.structure", key="data"), field="data")
    clean: dict[str, Any] = copy.deepcopy(dict(data))
    _check_types(clean.get("requirements"))
    _check_groups(clean, "categories")
    _check_groups(clean, "conditions")
    low, high = WARN_DAYS_RANGE
    if not _whole(clean.get("warn_days_before_expiry"), low, high):
        raise InvalidInput(i18n.t("docs_rule.warn_days", low=low, high=high), field="warn_days_before_expiry")
    low, high = MAX_MB_RANGE
    if not _whole(clean.get("max_document_mb"), low, high):
        raise InvalidInput(i18n.t("docs_rule.max_mb", low=low, high=high), field="max_document_mb")
    for key in ("lapsed_blocks_lineup", "missing_blocks_lineup"):
        if not isinstance(clean.get(key), bool):
            raise InvalidInput(i18n.t("docs_rule.structure", key=key), field=key)
    for key in ("warn_days", "lapsed_blocks_lineup", "missing_blocks_lineup", "max_document_mb"):
        value = clean.get(f"{key}_basis")
        if not isinstance(value, str) or not value.strip():
            raise InvalidInput(i18n.t("docs_rule.basis_of", what=key), field=f"{key}_basis")
    return clean


def category_requirements(data: Mapping[str, Any]) -> tuple[CategoryRequirements, ...]:
    """Each category (rule order) with the papers it requires and why, names in the current language."""
    types = data["requirements"]
    found = []
    for code, body in data["categories"].items():
        extra = body.get("basis") or {}
        papers = tuple(
            RequiredPaper(
                code=paper,
                name=_name(types.get(paper, {}), paper),
                holder=str(types.get(paper, {}).get("holder", "")),
                expires=bool(types.get(paper, {}).get("expires")),
                basis=tuple(types.get(paper, {}).get("basis") or ()),
                owner_basis=tuple(extra.get(paper) or ()),
            )
            for paper in body["requires"]
        )
        found.append(CategoryRequirements(code=code, name=_name(body, code), papers=papers))
    return tuple(found)


def document_types(data: Mapping[str, Any]) -> dict[str, str]:
    """Paper type code -> its name in the current language, in the rule's order."""
    return {code: _name(body, code) for code, body in data["requirements"].items()}


# --- pure edits -------------------------------------------------------------------------------------------------


def _category(data: dict[str, Any], category: str) -> dict[str, Any]:
    body = data.get("categories", {}).get(category)
    if body is None:
        raise InvalidInput(i18n.t("docs_rule.unknown_category", category=category), field="category")
    return body


def _paper_name(data: dict[str, Any], code: str) -> str:
    body = data.get("requirements", {}).get(code)
    if body is None:
        raise InvalidInput(i18n.t("docs_rule.unknown_paper", code=code), field="doc_type")
    return _name(body, code)


def set_warn_days(data: Mapping[str, Any], days: int, *, basis: str) -> dict[str, Any]:
    """A copy of ``data`` warning ``days`` before expiry, with the owner's ``basis`` for the number."""
    changed = copy.deepcopy(dict(data))
    low, high = WARN_DAYS_RANGE
    if not _whole(days, low, high):
        raise InvalidInput(i18n.t("docs_rule.warn_days", low=low, high=high), field="warn_days_before_expiry")
    if not (basis or "").strip():
        raise InvalidInput(i18n.t("docs_rule.warn_basis_needed"), field="warn_days_basis")
    changed["warn_days_before_expiry"] = days
    changed["warn_days_basis"] = basis.strip()
    return changed


def add_required(data: Mapping[str, Any], category: str, doc_type: str, *, basis: str) -> dict[str, Any]:
    """A copy of ``data`` where ``category`` also requires ``doc_type``, with the owner's ``basis`` for it."""
    changed = copy.deepcopy(dict(data))
    body = _category(changed, category)
    name = _paper_name(changed, doc_type)
    label = _name(body, category)
    if doc_type in body["requires"]:
        raise InvalidInput(i18n.t("docs_rule.already", category=label, name=name), field="doc_type")
    if not (basis or "").strip():
        raise InvalidInput(i18n.t("docs_rule.added_basis_needed", category=label, name=name), field="basis")
    body["requires"].append(doc_type)
    body.setdefault("basis", {})[doc_type] = [basis.strip()]
    return changed


def remove_required(data: Mapping[str, Any], category: str, doc_type: str) -> dict[str, Any]:
    """A copy of ``data`` where ``category`` no longer requires ``doc_type`` (its owner basis goes too)."""
    changed = copy.deepcopy(dict(data))
    body = _category(changed, category)
    name = _paper_name(changed, doc_type)
    if doc_type not in body["requires"]:
        raise InvalidInput(
            i18n.t("docs_rule.not_required", category=_name(body, category), name=name), field="doc_type"
        )
    body["requires"].remove(doc_type)
    (body.get("basis") or {}).pop(doc_type, None)
    if "basis" in body and not body["basis"]:
        del body["basis"]
    return changed


__all__ = [
    "MAX_MB_RANGE",
    "WARN_DAYS_RANGE",
    "CategoryRequirements",
    "RequiredPaper",
    "add_required",
    "basis_list",
    "category_requirements",
    "check_documents_data",
    "document_types",
    "remove_required",
    "set_warn_days",
]
