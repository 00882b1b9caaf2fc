"""话术 Scripts: saving a script and recording why a flagged term is acceptable there (issue 3, deliverable 4).

The linter (:mod:`core.domain.lint`) only *reports*; SAMR's 2023 guide (《广告绝对化用语执法指南》, 国市监广发〔2023〕28号,
Arts 4–5) says context decides whether an absolute term breaks 广告法 Art 9(3). So a person may record an exemption
for one finding, choosing one of the guide's grounds kept as rule data (``resources/rules/lint_exemptions.json``)
and an optional note. Each exemption is a ``lint_exemptions`` row plus a ledger entry (kind ``lint.exempted``,
subject ``lint_exemption``), so :func:`core.ledger.verify` vouches for who exempted what and why.

Contracts:
- :func:`save_script` needs 'scripts.edit' (owner, operator, host); a new script when ``script_id`` is None.
- :func:`record_exemption` needs 'scripts.edit'; ``reason_code`` must be a known code (InvalidInput naming
  'reason_code'); ``body[start:end]`` must be ``term`` (InvalidInput naming 'term'); recording the same span twice
  returns the existing exemption.
- :func:`script_findings` = lint findings of the saved body minus the exempted ones (matched by term, start, end).
  An exemption is tied to its offsets: editing text before it moves the term and the finding comes back, which
  is deliberate (the wording changed, so a person looks again).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger, rules
from core.db.models import LintExemption, Script
from core.domain import readiness
from core.domain.lint import Finding, lint
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.rules_lexicon import studio_lexicon

i18n.register(
    {
        "scripts.no_script": ("没有编号为 {id} 的话术", "There is no script number {id}"),
        "scripts.title_too_long": ("话术标题最多 {n} 个字", "A script title may have at most {n} characters"),
        "scripts.unknown_reason": (
            "豁免理由“{code}”不在《广告绝对化用语执法指南》的理由之列。可选：{known}",
            "“{code}” is not one of the SAMR guide's exemption grounds. Choose one of: {known}",
        ),
        "scripts.term_mismatch": (
            "话术第 {start}–{end} 个字不是“{term}”，请先保存最新的话术再记录豁免",
            "Characters {start}–{end} of the script are not “{term}”; save the latest wording first",
        ),
    }
)

_TITLE_MAX = 200


@dataclass(frozen=True)
class ScriptView:
    id: int
    session_id: int | None
    product_id: int | None
    title: str
    body: str
    updated_by: int | None
    updated_at: datetime | None


@dataclass(frozen=True)
class ExemptionReason:
    """One of the guide's grounds: ``code`` plus its label in the current language and its citation."""

    code: str
    label: str
    basis: str


@dataclass(frozen=True)
class ExemptionView:
    id: int
    script_id: int
    term: str
    start: int
    end: int
    reason_code: str
    note: str
    by_user_id: int | None
    at: datetime


def _view(row: Script) -> ScriptView:
    return ScriptView(
        row.id, row.session_id, row.product_id, row.title, row.body, row.updated_by, row.updated_at
    )


def _exemption_view(row: LintExemption) -> ExemptionView:
    return ExemptionView(
        row.id, row.script_id, row.term, row.start, row.end, row.reason_code, row.note, row.by_user_id, row.at
    )


def exemption_reasons(session: Session) -> tuple[ExemptionReason, ...]:
    """The active list of exemption grounds (owner's edited rule wins), labels in the current language."""
    key = "en" if i18n.language() == "en" else "zh"
    data = rules.active_rule(session, "lint_exemptions")["data"]
    return tuple(ExemptionReason(r["code"], r[key], r.get("basis", "")) for r in data["reasons"])


def product_categories(session: Session) -> dict[str, str]:
    """Product category key -> name in the current language, from the documents rule (the products page's list)."""
    return readiness.categories(rules.active_rule(session, "documents"))


def lint_category(category: str | None) -> str | None:
    """``category`` if the lexicon knows severities for it, else None (general goods' defaults)."""
    from core.lexicon import default_lexicon

    return category if category in default_lexicon().product_categories else None


def list_scripts(session: Session, *, session_id: int | None = None) -> tuple[ScriptView, ...]:
    """Saved scripts, most recently changed first (only those of one live session when ``session_id`` given)."""
    query = select(Script).order_by(Script.updated_at.desc(), Script.id.desc())
    if session_id is not None:
        query = query.where(Script.session_id == session_id)
    return tuple(_view(r) for r in session.scalars(query).all())


def get_script(session: Session, script_id: int) -> ScriptView:
    row = session.get(Script, script_id)
    if row is None:
        raise InvalidInput(i18n.t("scripts.no_script", id=script_id), field="script_id")
    return _view(row)


def save_script(
    session: Session,
    actor: Actor,
    *,
    script_id: int | None = None,
    session_id: int | None = None,
    product_id: int | None = None,
    title: str,
    body: str,
) -> ScriptView:
    """Create (``script_id`` None) or update a script ('scripts.edit'); returns it as saved."""
    require(actor, "scripts.edit")
    title = (title or "").strip()
    if len(title) > _TITLE_MAX:
        raise InvalidInput(i18n.t("scripts.title_too_long", n=_TITLE_MAX), field="title")
    if script_id is None:
        row = Script(session_id=session_id, product_id=product_id)
        session.add(row)
    else:
        row = session.get(Script, script_id)
        if row is None:
            raise InvalidInput(i18n.t("scripts.no_script", id=script_id), field="script_id")
        if session_id is not None:
            row.session_id = session_id
        if product_id is not None:
            row.product_id = product_id
    row.title = title
    row.body = body or ""
    row.updated_by = actor.user_id
    row.updated_at = clock.now()
    session.flush()
    return _view(row)


def exemptions_of(session: Session, script_id: int) -> tuple[ExemptionView, ...]:
    """Every exemption recorded on the script, by position."""
    rows = session.scalars(
        select(LintExemption)
        .where(LintExemption.script_id == script_id)
        .order_by(LintExemption.start, LintExemption.id)
    ).all()
    return tuple(_exemption_view(r) for r in rows)


def record_exemption(
    session: Session,
    actor: Actor,
    script_id: int,
    *,
    term: str,
    start: int,
    end: int,
    reason_code: str,
    note: str = "",
    now: datetime | None = None,
) -> ExemptionView:
    """Record that the finding ``term`` at ``start:end`` is acceptable for ``reason_code``; one ledger entry."""
    require(actor, "scripts.edit")
    script = session.get(Script, script_id)
    if script is None:
        raise InvalidInput(i18n.t("scripts.no_script", id=script_id), field="script_id")
    codes = [r.code for r in exemption_reasons(session)]
    if reason_code not in codes:
        raise InvalidInput(
            i18n.t("scripts.unknown_reason", code=reason_code, known="、".join(codes)), field="reason_code"
        )
    found = any(
        f.term == term and (f.start, f.end) == (start, end)
        for f in lint(script.body, lexicon=studio_lexicon(session))
    )
    if not found:
        raise InvalidInput(i18n.t("scripts.term_mismatch", term=term, start=start, end=end), field="term")
    for existing in exemptions_of(session, script_id):
        if (existing.term, existing.start, existing.end) == (term, start, end):
            return existing
    when = now or clock.now()
    row = LintExemption(
        script_id=script_id,
        term=term,
        start=start,
        end=end,
        reason_code=reason_code,
        note=(note or "").strip(),
        by_user_id=actor.user_id,
        at=when,
    )
    session.add(row)
    session.flush()
    data: dict[str, Any] = {"script_id": script_id, "term": term, "start": start, "end": end}
    data |= {"reason_code": reason_code, "note": row.note}
    ledger.append(
        session, actor, "lint.exempted", subject_type="lint_exemption", subject_id=row.id, data=data, at=when
    )
    return _exemption_view(row)


def is_exempted(finding: Finding, exemptions: tuple[ExemptionView, ...]) -> bool:
    """Whether a recorded exemption covers exactly this finding (term, start, end)."""
    return any((e.term, e.start, e.end) == (finding.term, finding.start, finding.end) for e in exemptions)


def script_findings(session: Session, script_id: int, category: str | None = None) -> tuple[Finding, ...]:
    """The saved script's lint findings for product ``category``, without the exempted ones."""
    script = get_script(session, script_id)
    exemptions = exemptions_of(session, script_id)
    found = lint(script.body, lint_category(category), lexicon=studio_lexicon(session))
    return tuple(f for f in found if not is_exempted(f, exemptions))
