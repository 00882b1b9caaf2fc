"""The pre-live checklist template (开播检查模板) as the owner edits it: items, order, required flags, chapters, basis.

Basis: 《直播电商监督管理办法》(2026) — before each stream the room operator verifies seller, papers and wording;
the group standard 《直播电商售后服务规范》 puts the checks in its 基本要求 and 直播前准备 chapters. The bundled template
is ``resources/checklists/prelive.json`` (copied in by :func:`core.services.checklist_records.ensure_template`).

Contract:

- :func:`save_checklist_template` ('rules.edit') validates every item first (codes unique and well-formed, titles
  and chapters not empty, a basis for every required item; :class:`InvalidInput` with ``field`` and 1-based
  ``row``) and then stores a NEW ``ChecklistTemplate`` version, active, the previous one inactive. Runs already
  started keep pointing at the version they started with; new runs use the new one.
- Who made a version and why is a ``RuleSet`` row of kind "checklist" (origin owner | bundled, ``template_id``,
  note, sources); a template version without one is the bundled copy.
- :func:`reset_checklist_template` stores the bundled items as a new version (origin "bundled").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import ChecklistRun, ChecklistTemplate, ChecklistTemplateItem, RuleSet
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.checklist_records import active_template, bundled_template
from core.services.rules_versions import check_as_of, check_note, display_names, store_version

KIND = "checklist"
CODE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
TITLE_MAX, CHAPTER_MAX = 200, 40

i18n.register(
    {
        "checklist_rule.empty": ("模板至少要有一个检查项", "The template needs at least one item"),
        "checklist_rule.code": (
            "第 {row} 项的编码须为小写英文字母开头、由小写字母数字和下划线组成（最多 40 个字符）",
            "Item {row}: the code must start with a lowercase letter and use a–z, 0–9 and _ (at most 40)",
        ),
        "checklist_rule.code_repeated": (
            "第 {row} 项的编码“{code}”与第 {first} 项重复",
            "Item {row}: the code “{code}” repeats item {first}",
        ),
        "checklist_rule.title": (
            "第 {row} 项的检查内容不能为空（最多 {n} 个字）",
            "Item {row}: the title may not be empty (at most {n} characters)",
        ),
        "checklist_rule.chapter": (
            "第 {row} 项的章节不能为空（最多 {n} 个字）",
            "Item {row}: the chapter may not be empty (at most {n} characters)",
        ),
        "checklist_rule.basis": (
            "第 {row} 项“{title}”是必做项，须写明依据",
            "Item {row} “{title}” is required and needs its basis",
        ),
        "checklist_rule.required": (
            "第 {row} 项的“必做”须为是或否",
            "Item {row}: “required” must be yes or no",
        ),
    }
)


@dataclass(frozen=True)
class TemplateItem:
    """One item of a template as the owner edits it."""

    code: str
    title: str
    chapter: str
    required: bool
    basis: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "chapter": self.chapter,
            "required": self.required,
            "basis": self.basis,
        }


@dataclass(frozen=True)
class TemplateVersion:
    """A stored template version with where it came from and how many runs use it."""

    template_id: int
    name: str
    version: int
    as_of: date
    active: bool
    origin: str  # bundled | owner
    note: str
    changed_by: str
    created_at: datetime | None
    sources: tuple[str, ...]
    items: tuple[TemplateItem, ...]
    runs: int


def _item(raw: TemplateItem | Mapping[str, Any]) -> dict[str, Any]:
    return raw.as_dict() if isinstance(raw, TemplateItem) else dict(raw)


def check_items(items: Iterable[TemplateItem | Mapping[str, Any]]) -> list[TemplateItem]:
    """The items cleaned (text stripped); :class:`InvalidInput` naming the field and 1-based row of a bad one."""
    cleaned: list[TemplateItem] = []
    first_row: dict[str, int] = {}
    for row, raw in enumerate(items, 1):
        item = _item(raw)
        code = str(item.get("code") or "").strip()
        title = str(item.get("title") or "").strip()
        chapter = str(item.get("chapter") or "").strip()
        basis = str(item.get("basis") or "").strip()
        required = item.get("required")
        if not CODE_PATTERN.match(code):
            raise InvalidInput(i18n.t("checklist_rule.code", row=row), field="code", row=row)
        if code in first_row:
            raise InvalidInput(
                i18n.t("checklist_rule.code_repeated", row=row, code=code, first=first_row[code]),
                field="code",
                row=row,
            )
        if not title or len(title) > TITLE_MAX:
            raise InvalidInput(i18n.t("checklist_rule.title", row=row, n=TITLE_MAX), field="title", row=row)
        if not chapter or len(chapter) > CHAPTER_MAX:
            raise InvalidInput(
                i18n.t("checklist_rule.chapter", row=row, n=CHAPTER_MAX), field="chapter", row=row
            )
        if not isinstance(required, bool):
            raise InvalidInput(i18n.t("checklist_rule.required", row=row), field="required", row=row)
        if required and not basis:
            raise InvalidInput(i18n.t("checklist_rule.basis", row=row, title=title), field="basis", row=row)
        first_row[code] = row
        cleaned.append(TemplateItem(code, title, chapter, required, basis))
    if not cleaned:
        raise InvalidInput(i18n.t("checklist_rule.empty"), field="items")
    return cleaned


def _records(session: Session) -> dict[int, RuleSet]:
    """template_id -> the RuleSet row that says who made that template version."""
    rows = session.scalars(select(RuleSet).where(RuleSet.kind == KIND)).all()
    return {int((r.data or {}).get("template_id") or 0): r for r in rows}


def _version_of(session: Session, template: ChecklistTemplate, record: RuleSet | None) -> TemplateVersion:
    items = session.scalars(
        select(ChecklistTemplateItem)
        .where(ChecklistTemplateItem.template_id == template.id)
        .order_by(ChecklistTemplateItem.position, ChecklistTemplateItem.id)
    ).all()
    runs = session.scalar(select(func.count()).where(ChecklistRun.template_id == template.id)) or 0
    data = dict(record.data or {}) if record is not None else {}
    names = display_names(session, {record.created_by}) if record is not None else {}
    sources = data.get("basis") if record is not None else bundled_template().get("sources")
    return TemplateVersion(
        template_id=template.id,
        name=template.name,
        version=template.version,
        as_of=template.as_of,
        active=template.active,
        origin=record.origin if record is not None else "bundled",
        note=str(data.get("note") or ""),
        changed_by=names.get(record.created_by or 0, "") if record is not None else "",
        created_at=template.created_at,
        sources=tuple(sources or ()),
        items=tuple(TemplateItem(i.code, i.title, i.chapter, i.required, i.basis) for i in items),
        runs=int(runs),
    )


def active_checklist_template(session: Session) -> TemplateVersion:
    """The template new runs will use, with its items, version, as-of date and origin.

    Copies the bundled template in first when the database has none (so call it in a unit of work the first time).
    """
    template = active_template(session)
    return _version_of(session, template, _records(session).get(template.id))


def template_versions(session: Session) -> tuple[TemplateVersion, ...]:
    """Every stored template version, newest first (each with how many runs use it)."""
    records = _records(session)
    templates = session.scalars(
        select(ChecklistTemplate).order_by(ChecklistTemplate.version.desc(), ChecklistTemplate.id.desc())
    ).all()
    return tuple(_version_of(session, t, records.get(t.id)) for t in templates)


def _store(
    session: Session,
    actor: Actor,
    items: list[TemplateItem],
    *,
    as_of: date,
    note: str,
    origin: str,
    sources: list[str],
) -> TemplateVersion:
    current = active_template(session)
    latest = session.scalar(
        select(func.max(ChecklistTemplate.version)).where(ChecklistTemplate.name == current.name)
    )
    records_max = session.scalar(select(func.max(RuleSet.version)).where(RuleSet.kind == KIND)) or 0
    version = max(latest or 0, records_max) + 1
    for template in session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.active.is_(True))):
        template.active = False
    template = ChecklistTemplate(name=current.name, version=version, as_of=as_of, active=True)
    session.add(template)
    session.flush()
    for position, item in enumerate(items, 1):
        session.add(ChecklistTemplateItem(template_id=template.id, position=position, **item.as_dict()))
    store_version(
        session,
        actor,
        KIND,
        {"template_id": template.id, "template_name": template.name, "basis": sources},
        origin=origin,
        as_of=as_of,
        note=note,
        version=version,
    )
    session.flush()
    return active_checklist_template(session)


def save_checklist_template(
    session: Session,
    actor: Actor,
    items: Iterable[TemplateItem | Mapping[str, Any]],
    *,
    as_of: date,
    note: str,
) -> TemplateVersion:
    """Store ``items`` (in order) as a new active template version (origin "owner"); 'rules.edit'.

    All or nothing: any bad item raises :class:`InvalidInput` (``field``, ``row``) before anything is written.
    """
    require(actor, "rules.edit")
    cleaned = check_items(items)
    day = check_as_of(session, as_of)
    text = check_note(note)
    sources = list(active_checklist_template(session).sources)
    return _store(session, actor, cleaned, as_of=day, note=text, origin="owner", sources=sources)


def reset_checklist_template(session: Session, actor: Actor, *, note: str | None = None) -> TemplateVersion:
    """Store the bundled items as a new active version (origin "bundled", the bundled as-of date)."""
    require(actor, "rules.edit")
    body = bundled_template()
    text = check_note(note or i18n.t("rules_edit.reset_note"))
    items = check_items(body["items"])
    return _store(
        session,
        actor,
        items,
        as_of=date.fromisoformat(body["as_of"]),
        note=text,
        origin="bundled",
        sources=list(body["sources"]),
    )


def owner_template_active(session: Session) -> bool:
    """Whether the active template is one the owner made (a newer bundled template then does not replace it)."""
    template = session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.active.is_(True))).first()
    if template is None:
        return False
    record = _records(session).get(template.id)
    return record is not None and record.origin == "owner"


__all__ = [
    "KIND",
    "TemplateItem",
    "TemplateVersion",
    "active_checklist_template",
    "check_items",
    "owner_template_active",
    "reset_checklist_template",
    "save_checklist_template",
    "template_versions",
]
