"""The document-requirement table (资质要求) as the owner edits it: which papers each product category needs.

Basis: 直播电商监督管理办法 (2026) and SAMR 国市监广〔2020〕175号 — before each stream the room operator verifies the
seller's licences and the products' qualifications (DOMAIN.md §2). The bundled table is
``resources/rules/documents.json``; the owner's versions are ``RuleSet`` rows of kind "documents" and the active one
is what :func:`core.services.catalog.documents_rule` (readiness, expiry warnings, the lineup gate) reads.

Contract:

- :func:`save_documents_rule` validates the *whole* data first (:func:`check_documents_data`) and only then stores
  it as a new version (origin "owner"; the previous one stays, inactive). Needs 'rules.edit'. Bad data raises
  :class:`InvalidInput` whose ``field`` is the path of what is wrong (``categories.food.requires``,
  ``requirements.ccc_certificate.basis``, ``warn_days_before_expiry``…) and whose message names it; nothing is
  stored then.
- :func:`reset_documents_rule` stores the bundled copy as a new version (origin "bundled").
- Checking the table and the pure edits the settings screen composes before saving (:func:`set_warn_days`,
  :func:`add_required`, :func:`remove_required`) live in :mod:`core.domain.documents_table`, re-exported here.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from core import i18n, rules
from core.domain.documents_table import (
    WARN_DAYS_RANGE,
    CategoryRequirements,
    RequiredPaper,
    add_required,
    basis_list,
    category_requirements,
    check_documents_data,
    document_types,
    remove_required,
    set_warn_days,
)
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.rules_versions import (
    RuleVersion,
    active_version,
    check_as_of,
    check_note,
    store_version,
)

KIND = "documents"

i18n.register(
    {"docs_rule.sources": ("资质规则须列出至少一条依据", "The documents rule needs at least one source")}
)

# --- reading ----------------------------------------------------------------------------------------------------


def documents_rule_version(session: Session) -> RuleVersion:
    """The active documents rule with its version, as-of date and origin (bundled | owner).

    When the database holds no copy yet (no owner created), the bundled file, shown as version of origin bundled.
    """
    stored = active_version(session, KIND)
    if stored is not None:
        return stored
    body = rules.bundled_rule(KIND)
    return RuleVersion(
        id=0,
        kind=KIND,
        version=int(body["version"]),
        as_of=date.fromisoformat(body["as_of"]),
        origin="bundled",
        active=True,
        note="",
        changed_by="",
        created_at=None,
        document=body,
    )


# --- saving -----------------------------------------------------------------------------------------------------


def save_documents_rule(
    session: Session,
    actor: Actor,
    data: Mapping[str, Any],
    *,
    as_of: date,
    note: str,
    basis: list[str] | None = None,
) -> RuleVersion:
    """Validate ``data`` whole and store it as the new active version (origin "owner"); 'rules.edit'.

    ``basis`` replaces the document's list of sources (None keeps the active version's). All or nothing: any
    problem raises :class:`InvalidInput` before anything is written.
    """
    require(actor, "rules.edit")
    clean = check_documents_data(data)
    day = check_as_of(session, as_of)
    text = check_note(note)
    rules.ensure_rules(session)
    current = documents_rule_version(session)
    sources = basis_list(basis) if basis is not None else list(current.basis)
    if not sources:
        raise InvalidInput(i18n.t("docs_rule.sources"), field="basis")
    return store_version(
        session, actor, KIND, {"basis": sources, "data": clean}, origin="owner", as_of=day, note=text
    )


def reset_documents_rule(session: Session, actor: Actor, *, note: str | None = None) -> RuleVersion:
    """Store the bundled table as the new active version (origin "bundled", its own as-of date); 'rules.edit'."""
    require(actor, "rules.edit")
    rules.ensure_rules(session)
    body = rules.bundled_rule(KIND)
    text = check_note(note or i18n.t("rules_edit.reset_note"))
    return store_version(
        session,
        actor,
        KIND,
        {"basis": body["basis"], "data": body["data"]},
        origin="bundled",
        as_of=date.fromisoformat(body["as_of"]),
        note=text,
    )


__all__ = [
    "KIND",
    "WARN_DAYS_RANGE",
    "CategoryRequirements",
    "RequiredPaper",
    "add_required",
    "basis_list",
    "category_requirements",
    "check_documents_data",
    "document_types",
    "documents_rule_version",
    "remove_required",
    "reset_documents_rule",
    "save_documents_rule",
    "set_warn_days",
]
