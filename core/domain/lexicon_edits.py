"""The owner's changes to the lexicon (违规词库), as pure data: checking them and merging them into a lexicon.

Basis: the bundled lexicon's sources (广告法 Art 9(3), 17, 18 …; DOMAIN.md §3 — "the product ships a fuller,
editable lexicon"); SAMR's 2023 guide says context decides, so a studio may add a term or disable one.

Contract (``base`` is the bundled :class:`~core.domain.lint.Lexicon`, passed in: this module does no I/O):

- an added term has a term (≤ :data:`TERM_MAX` characters, full-width ASCII folded to half width), a category the
  base knows, a severity map with a ``default`` (info/warning/error; other keys known product categories), a basis
  and a reason; an added term spelled like a base term *replaces* it;
- a disabled term is a base term with a reason; a term cannot be both added and disabled, nor listed twice;
- :func:`check_changes` raises :class:`InvalidInput` naming the field ('term', 'category', 'severity', 'basis',
  'reason'); :func:`merge` builds the lexicon the linter uses (base minus disabled and replaced, plus added).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from core import i18n
from core.domain.lint import SEVERITIES, WIDTH_FOLD, Lexicon, Term
from core.errors import InvalidInput

TERM_MAX = 60  # lint_exemptions.term holds 60 characters
TEXT_MAX = 500

i18n.register(
    {
        "lexicon_rule.term": (
            "请填写词语（最多 {n} 个字，不含换行）",
            "Enter the term (at most {n} characters, no line breaks)",
        ),
        "lexicon_rule.term_twice": ("“{term}”加了两次", "“{term}” is added twice"),
        "lexicon_rule.category": (
            "“{term}”的违规类别“{category}”不存在；可选：{known}",
            "“{term}”: there is no category “{category}”; choose one of: {known}",
        ),
        "lexicon_rule.severity": (
            "“{term}”须有默认严重程度，且只能是提示、警告或错误（商品类目须为已知类目）",
            "“{term}” needs a default severity, each one info, warning or error, for known product categories",
        ),
        "lexicon_rule.basis": ("“{term}”须写明法律依据", "“{term}” needs its legal basis"),
        "lexicon_rule.reason": ("“{term}”须写明为何有风险", "“{term}” needs the reason it is risky"),
        "lexicon_rule.too_long": (
            "“{term}”的说明最多 {n} 个字",
            "The text for “{term}” may have at most {n} characters",
        ),
        "lexicon_rule.unknown": ("随附词库中没有“{term}”", "The bundled lexicon has no term “{term}”"),
        "lexicon_rule.disable_reason": ("停用“{term}”须写明理由", "Disabling “{term}” needs a reason"),
        "lexicon_rule.disabled_twice": ("“{term}”停用了两次", "“{term}” is disabled twice"),
        "lexicon_rule.both": ("“{term}”不能既新增又停用", "“{term}” cannot be both added and disabled"),
        "lexicon_rule.bad": ("词库修改有误：{problem}", "The lexicon change is wrong: {problem}"),
    }
)


@dataclass(frozen=True)
class AddedTerm(Term):
    """A term the owner added (or a base term the owner re-defined: ``replaces_bundled``); lint uses it as is."""

    replaces_bundled: bool = False

    def as_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "term": self.term,
            "category": self.category,
            "severity": dict(self.severity),
            "basis": self.basis,
            "reason": self.reason,
        }
        if self.unless_followed_by:
            body["unless_followed_by"] = list(self.unless_followed_by)
        if self.unless_preceded_by:
            body["unless_preceded_by"] = list(self.unless_preceded_by)
        return body


@dataclass(frozen=True)
class DisabledTerm:
    """A base term the owner stopped flagging, and why."""

    term: str
    reason: str


@dataclass(frozen=True)
class LexiconEntry:
    """One term as a list shows it. ``status``: bundled, added, replaced (the owner re-defined it), disabled."""

    term: str
    category: str
    category_name: str
    severity: Mapping[str, str] = field(default_factory=dict)
    basis: str = ""
    reason: str = ""
    status: str = "bundled"
    disabled_reason: str = ""


def key(term: str) -> str:
    """The spelling key terms are compared by: full width folded, ASCII case ignored."""
    return term.translate(WIDTH_FOLD).lower()


def _keys(base: Lexicon) -> dict[str, Term]:
    return {key(t.term): t for t in base.terms}


def _text(value: Any, term: str, message: str, field_name: str) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        raise InvalidInput(i18n.t(message, term=term), field=field_name)
    if len(text) > TEXT_MAX:
        raise InvalidInput(i18n.t("lexicon_rule.too_long", term=term, n=TEXT_MAX), field=field_name)
    return text


def _allow_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.replace("，", ",").split(",")
    return tuple(str(s).strip() for s in (value or ()) if str(s).strip())


def _check_added(raw: AddedTerm | Mapping[str, Any], base: Lexicon, known: dict[str, Term]) -> AddedTerm:
    item = raw.as_dict() if isinstance(raw, AddedTerm) else dict(raw)
    term = str(item.get("term") or "").strip().translate(WIDTH_FOLD)
    if not term or len(term) > TERM_MAX or "\n" in term:
        raise InvalidInput(i18n.t("lexicon_rule.term", n=TERM_MAX), field="term")
    category = item.get("category")
    if category not in base.categories:
        names = "、".join(base.categories)
        raise InvalidInput(
            i18n.t("lexicon_rule.category", term=term, category=category, known=names), field="category"
        )
    severity = {str(k): str(v) for k, v in dict(item.get("severity") or {}).items()}
    if (
        severity.get("default") not in SEVERITIES
        or any(v not in SEVERITIES for v in severity.values())
        or any(k != "default" and k not in base.product_categories for k in severity)
    ):
        raise InvalidInput(i18n.t("lexicon_rule.severity", term=term), field="severity")
    return AddedTerm(
        term=term,
        category=str(category),
        severity=severity,
        basis=_text(item.get("basis"), term, "lexicon_rule.basis", "basis"),
        reason=_text(item.get("reason"), term, "lexicon_rule.reason", "reason"),
        unless_followed_by=_allow_list(item.get("unless_followed_by")),
        unless_preceded_by=_allow_list(item.get("unless_preceded_by")),
        replaces_bundled=key(term) in known,
    )


def check_changes(
    base: Lexicon,
    added: Iterable[AddedTerm | Mapping[str, Any]],
    disabled: Iterable[DisabledTerm | Mapping[str, Any]],
) -> tuple[tuple[AddedTerm, ...], tuple[DisabledTerm, ...]]:
    """The changes cleaned and checked against ``base``; :class:`InvalidInput` naming the field."""
    known = _keys(base)
    clean_added: dict[str, AddedTerm] = {}
    for raw in added:
        item = _check_added(raw, base, known)
        if key(item.term) in clean_added:
            raise InvalidInput(i18n.t("lexicon_rule.term_twice", term=item.term), field="term")
        clean_added[key(item.term)] = item
    clean_disabled: dict[str, DisabledTerm] = {}
    for raw in disabled:
        if isinstance(raw, DisabledTerm):
            term, reason = raw.term.strip(), raw.reason
        else:
            term, reason = str(raw.get("term") or "").strip(), raw.get("reason")
        if key(term) not in known:
            raise InvalidInput(i18n.t("lexicon_rule.unknown", term=term), field="term")
        if key(term) in clean_disabled:
            raise InvalidInput(i18n.t("lexicon_rule.disabled_twice", term=term), field="term")
        if key(term) in clean_added:
            raise InvalidInput(i18n.t("lexicon_rule.both", term=term), field="term")
        reason = _text(reason, term, "lexicon_rule.disable_reason", "reason")
        clean_disabled[key(term)] = DisabledTerm(known[key(term)].term, reason)
    return tuple(clean_added.values()), tuple(clean_disabled.values())


def _term_dict(term: Term) -> dict[str, Any]:
    return AddedTerm(
        term.term,
        term.category,
        term.severity,
        term.basis,
        term.reason,
        term.unless_followed_by,
        term.unless_preceded_by,
    ).as_dict()


def merge(
    base: Lexicon, added: Iterable[AddedTerm], disabled: Iterable[DisabledTerm], *, as_of: str = ""
) -> Lexicon:
    """``base`` with ``added`` (replacing same-spelled terms) and without ``disabled``; InvalidInput if unusable."""
    added = tuple(added)
    dropped = {key(d.term) for d in disabled} | {key(a.term) for a in added}
    kept = [_term_dict(t) for t in base.terms if key(t.term) not in dropped]
    document = {
        "as_of": max(base.as_of, as_of),
        "sources": list(base.sources),
        "product_categories": dict(base.product_categories),
        "categories": {k: dict(v) for k, v in base.categories.items()},
        "terms": kept + [a.as_dict() for a in added],
    }
    try:
        return Lexicon.from_document(document)
    except ValueError as exc:
        raise InvalidInput(i18n.t("lexicon_rule.bad", problem=str(exc)), field="term") from exc


def entries(
    base: Lexicon, added: Iterable[AddedTerm], disabled: Iterable[DisabledTerm]
) -> tuple[LexiconEntry, ...]:
    """Every term: base ones (marked disabled or replaced where the owner changed them), then the owner's."""
    added = tuple(added)
    by_key = {key(a.term) for a in added}
    off = {key(d.term): d.reason for d in disabled}
    lang = "name_en" if i18n.language() == "en" else "name_zh"

    def name(category: str) -> str:
        return str(base.categories.get(category, {}).get(lang, category))

    found = []
    for t in base.terms:
        k = key(t.term)
        status = "disabled" if k in off else "replaced" if k in by_key else "bundled"
        found.append(
            LexiconEntry(
                t.term,
                t.category,
                name(t.category),
                dict(t.severity),
                t.basis,
                t.reason,
                status,
                off.get(k, ""),
            )
        )
    for a in added:
        found.append(
            LexiconEntry(a.term, a.category, name(a.category), dict(a.severity), a.basis, a.reason, "added")
        )
    return tuple(found)


def search(found: Iterable[LexiconEntry], query: str) -> tuple[LexiconEntry, ...]:
    """Entries whose term, category name, reason or basis contains ``query`` (ASCII case and width ignored)."""
    needle = key(query.strip())
    if not needle:
        return tuple(found)
    fields = ("term", "category_name", "reason", "basis")
    return tuple(e for e in found if any(needle in key(getattr(e, f)) for f in fields))


__all__ = [
    "TERM_MAX",
    "AddedTerm",
    "DisabledTerm",
    "LexiconEntry",
    "check_changes",
    "entries",
    "key",
    "merge",
    "search",
]
