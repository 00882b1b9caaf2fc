"""Pre-live checklist templates (data) and the read side of runs: the frozen views services return.

Templates are data: ``resources/checklists/prelive.json`` and its copies in the database.

The bundled document carries ``name``, ``version``, ``as_of`` (when its items were last checked against their
sources), ``sources`` (the group standard's 基本要求 / 直播前准备 chapters and the laws cited) and ``items``, each
with ``code``, ``title`` (Chinese), ``chapter``, ``required`` and ``basis`` (the citation shown next to the item).
:func:`ensure_template` copies a bundled version the database lacks into ``checklist_templates`` /
``checklist_template_items``; the newest version becomes the active one, older versions stay for past runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db.models import (
    ChecklistRun,
    ChecklistRunItem,
    ChecklistTemplate,
    ChecklistTemplateItem,
    LiveSession,
)
from core.domain.codes import ChecklistItemState
from core.errors import InvalidInput
from core.paths import resource

i18n.register(
    {
        "checklist.bad_template": (
            "随附检查清单 {file} 有误：{problem}",
            "The bundled checklist {file} is wrong: {problem}",
        ),
        "checklist.no_session": ("没有编号为 {id} 的直播场次", "There is no live session number {id}"),
        "checklist.no_template": (
            "没有启用的开播检查清单模板",
            "There is no active pre-live checklist template",
        ),
    }
)

TEMPLATE_FILE = "prelive.json"
_ITEM_KEYS = {"code": str, "title": str, "chapter": str, "required": bool, "basis": str}


@cache
def _bundled() -> dict[str, Any]:
    body = json.loads(resource("checklists", TEMPLATE_FILE).read_text(encoding="utf-8"))

    def bad(problem: str) -> ValueError:
        return ValueError(i18n.t("checklist.bad_template", file=TEMPLATE_FILE, problem=problem))

    for key, kind in {"name": str, "version": int, "as_of": str, "sources": list, "items": list}.items():
        if not isinstance(body.get(key), kind):
            raise bad(f"“{key}” missing or not {kind.__name__}")
    date.fromisoformat(body["as_of"])
    if not body["sources"] or not body["items"]:
        raise bad("“sources” and “items” may not be empty")
    codes = set()
    for n, item in enumerate(body["items"], 1):
        for key, kind in _ITEM_KEYS.items():
            if not isinstance(item.get(key), kind) or (kind is str and not item[key].strip()):
                raise bad(f"item {n}: “{key}” missing or empty")
        if item["code"] in codes:
            raise bad(f"item {n}: code “{item['code']}” repeated")
        codes.add(item["code"])
    return body


def bundled_template() -> dict[str, Any]:
    """The bundled checklist template document (a fresh deep copy)."""
    return json.loads(json.dumps(_bundled()))


def ensure_template(session: Session) -> bool:
    """Copy the bundled template version into the database if absent; return whether it was added.

    A newly added version becomes the active template of its name when it is newer than every stored version.
    """
    body = _bundled()
    name, version = body["name"], body["version"]
    stored = session.scalars(select(ChecklistTemplate).where(ChecklistTemplate.name == name)).all()
    if any(t.version == version for t in stored):
        return False
    newest = all(t.version < version for t in stored)
    if newest and stored:  # the owner's own template wins over a newer bundled one (kept inactive)
        from core.services.rules_checklist import owner_template_active

        newest = not owner_template_active(session)
    if newest:
        for older in stored:
            older.active = False
    template = ChecklistTemplate(
        name=name, version=version, as_of=date.fromisoformat(body["as_of"]), active=newest
    )
    session.add(template)
    session.flush()
    for position, item in enumerate(body["items"], 1):
        session.add(
            ChecklistTemplateItem(
                template_id=template.id,
                position=position,
                **{key: item[key] for key in _ITEM_KEYS},
            )
        )
    session.flush()
    return True


def active_template(session: Session) -> ChecklistTemplate:
    """The active template (the bundled one is copied in first if absent); ``InvalidInput`` when none is active."""
    ensure_template(session)
    template = session.scalars(
        select(ChecklistTemplate)
        .where(ChecklistTemplate.active.is_(True))
        .order_by(ChecklistTemplate.version.desc(), ChecklistTemplate.id.desc())
    ).first()
    if template is None:
        raise InvalidInput(i18n.t("checklist.no_template"), field="template")
    return template


# --- views of runs --------------------------------------------------------------------------------------------------


class GateClosed(InvalidInput):
    """The session may not go live: required checklist items are open (``open_items``) or no run exists."""

    def __init__(self, message: str, open_items: tuple[ChecklistItemView, ...] = ()) -> None:
        super().__init__(message, field="checklist")
        self.open_items = open_items


@dataclass(frozen=True)
class ChecklistItemView:
    """One item of a session's run, with its template text and who closed it, when and how."""

    id: int
    position: int
    code: str
    title: str
    chapter: str
    required: bool
    basis: str
    state: str  # codes.ChecklistItemState
    reason: str
    by_user_id: int | None
    at: datetime | None
    evidence_sha256: str | None

    @property
    def is_open(self) -> bool:
        return self.state == ChecklistItemState.OPEN


@dataclass(frozen=True)
class ChecklistView:
    """A session's checklist run."""

    run_id: int
    session_id: int
    template_name: str
    template_version: int
    started_at: datetime
    items: tuple[ChecklistItemView, ...]
    override_by: int | None
    override_reason: str
    override_at: datetime | None

    @property
    def open_required(self) -> tuple[ChecklistItemView, ...]:
        return tuple(item for item in self.items if item.required and item.is_open)

    @property
    def overridden(self) -> bool:
        return self.override_at is not None


@dataclass(frozen=True)
class GateResult:
    """May the session go live? ``allowed`` when a run exists and no required item is open, or it was overridden."""

    allowed: bool
    open_items: tuple[ChecklistItemView, ...]
    run_started: bool
    overridden: bool


def live_session(session: Session, session_id: int) -> LiveSession:
    live = session.get(LiveSession, session_id)
    if live is None:
        raise InvalidInput(i18n.t("checklist.no_session", id=session_id), field="session_id")
    return live


def run_of(session: Session, session_id: int) -> ChecklistRun | None:
    return session.scalars(select(ChecklistRun).where(ChecklistRun.session_id == session_id)).first()


def view_of(session: Session, run: ChecklistRun) -> ChecklistView:
    template = session.get(ChecklistTemplate, run.template_id)
    assert template is not None
    rows = session.execute(
        select(ChecklistRunItem, ChecklistTemplateItem)
        .join(ChecklistTemplateItem, ChecklistTemplateItem.id == ChecklistRunItem.template_item_id)
        .where(ChecklistRunItem.run_id == run.id)
        .order_by(ChecklistTemplateItem.position, ChecklistRunItem.id)
    ).all()
    items = tuple(
        ChecklistItemView(
            id=ri.id,
            position=ti.position,
            code=ti.code,
            title=ti.title,
            chapter=ti.chapter,
            required=ti.required,
            basis=ti.basis,
            state=ri.state,
            reason=ri.reason,
            by_user_id=ri.by_user_id,
            at=ri.at,
            evidence_sha256=ri.evidence_sha256,
        )
        for ri, ti in rows
    )
    return ChecklistView(
        run_id=run.id,
        session_id=run.session_id,
        template_name=template.name,
        template_version=template.version,
        started_at=run.started_at,
        items=items,
        override_by=run.override_by,
        override_reason=run.override_reason,
        override_at=run.override_at,
    )


def get_run(session: Session, session_id: int) -> ChecklistView | None:
    """The session's checklist run, or ``None`` when none was started."""
    run = run_of(session, session_id)
    return None if run is None else view_of(session, run)


__all__ = [
    "TEMPLATE_FILE",
    "ChecklistItemView",
    "ChecklistView",
    "GateClosed",
    "GateResult",
    "active_template",
    "bundled_template",
    "ensure_template",
    "get_run",
    "live_session",
    "run_of",
    "view_of",
]
