"""承诺 Promises said on air: logged, corrected, never edited (issue 4, deliverables 2–4).

Why: any promise about quantity, quality, price, after-sales or liability made in promotion must be kept
(消费者权益保护法实施条例 2024), promises beyond the law bind (法释〔2022〕8号 Arts 2, 8, 10), and in a dispute the
seller must produce original records (电子商务法 Art 62). So each promise is a ``promises`` row written once (an
append-only trigger refuses UPDATE and DELETE) plus a ledger entry about that row in the same unit of work, and
:func:`core.ledger.verify` names any row changed behind the app's back.

Contracts (every writer needs 'promises.log': owner, operator; the caller's unit of work commits):
- :func:`log_promise`: the session must be live (InvalidInput naming 'session_id' otherwise); empty wording refused
  naming 'wording'; ``kind`` one of :class:`core.domain.codes.PromiseKind` ('kind'); terms = what
  :func:`core.domain.promise_terms.parse_terms` reads from the wording, with explicit ``terms`` winning;
  ``offset_seconds`` counts from the session's ``actual_start``. Ledger kind ``promise.logged``.
- :func:`amend` (``promise.amended``), :func:`retract` (``promise.retracted``) and :func:`correct_on_air`
  (口误更正, ``promise.corrected_on_air``) each write a NEW row with ``corrects_id`` and ``correction``. Refused
  (naming 'promise_id') when the promise does not exist, belongs to another session than ``session_id``, was
  already amended or retracted (correct the newest row instead), or is itself a retraction. An amendment or a
  retraction fixes the record of what was said then (it keeps the original's ``said_at``); an on-air correction
  was said on air now, so its session must be live.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core import clock, i18n, ledger
from core.db.models import LiveSession, Order, Product, Promise
from core.domain.codes import CorrectionKind, PromiseKind, SessionStatus
from core.domain.promise_terms import parse_terms
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require

i18n.register(
    {
        "promises.no_session": ("没有编号为 {id} 的场次", "There is no session number {id}"),
        "promises.not_live": (
            "场次“{title}”没有在直播（没有场次在播），不能记录承诺",
            "Session “{title}” is not live (no session live), so no promise can be logged",
        ),
        "promises.empty_wording": ("请填写承诺的原话", "Enter the promise's wording as it was said"),
        "promises.empty_reason": ("请填写撤回的原因", "Enter why the promise is retracted"),
        "promises.unknown_kind": ("承诺类型“{kind}”不存在", "There is no promise type “{kind}”"),
        "promises.no_product": ("没有编号为 {id} 的商品", "There is no product number {id}"),
        "promises.said_before_start": (
            "承诺时间早于本场开播时间",
            "The time said is before the session went live",
        ),
        "promises.no_promise": ("没有编号为 {id} 的承诺", "There is no promise number {id}"),
        "promises.other_session": (
            "承诺 #{id} 属于另一个场次，不能在本场更正",
            "Promise #{id} belongs to another session; it cannot be corrected from this one",
        ),
        "promises.superseded": (
            "承诺 #{id} 已被 #{by} {what}，请更正最新的那条",
            "Promise #{id} was already {what} by #{by}; correct the newest entry instead",
        ),
        "promises.is_retraction": (
            "#{id} 是一条撤回记录，不能再更正",
            "#{id} is a retraction entry and cannot be corrected",
        ),
        "promises.state.amended": ("更正", "amended"),
        "promises.state.retracted": ("撤回", "retracted"),
    }
)

_LEDGER_KIND = {
    None: "promise.logged",
    CorrectionKind.AMENDMENT.value: "promise.amended",
    CorrectionKind.RETRACTION.value: "promise.retracted",
    CorrectionKind.ON_AIR.value: "promise.corrected_on_air",
}


@dataclass(frozen=True)
class PromiseView:
    """One promise or correction row with its current state.

    ``state``: ``active``; ``amended`` (a later amendment or on-air correction, ``superseded_by``, replaces it);
    ``retracted`` (``superseded_by`` is the retraction); ``retraction`` for a retraction row itself.
    ``entry_hash``/``entry_seq``: the latest ledger entry about the row ("" / None if none vouches for it).
    """

    id: int
    session_id: int
    product_id: int | None
    kind: str
    wording: str
    terms: dict[str, Any]
    said_at: datetime
    offset_seconds: int | None
    logged_by: int | None
    logged_at: datetime
    corrects_id: int | None
    correction: str | None
    state: str
    superseded_by: int | None
    entry_hash: str
    entry_seq: int | None


@dataclass(frozen=True)
class QuantityCounter:
    """A promise with a quantity limit (前100名送…): ``given`` counts gifts handed out so far."""

    promise_id: int
    product_id: int | None
    wording: str
    gift: str
    limit: int | float
    given: int


def _live(session: Session, session_id: int) -> LiveSession:
    live = session.get(LiveSession, session_id)
    if live is None:
        raise InvalidInput(i18n.t("promises.no_session", id=session_id), field="session_id")
    if live.status != SessionStatus.LIVE.value:
        raise InvalidInput(i18n.t("promises.not_live", title=live.title), field="session_id")
    return live


def _text(value: str, key: str, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidInput(i18n.t(key), field=field)
    return text


def _write(session: Session, actor: Actor, row: Promise) -> PromiseView:
    """Insert ``row`` and its ledger entry; the new row's view (a new row is never superseded yet)."""
    session.add(row)
    session.flush()
    data = {"session_id": row.session_id, "kind": row.kind, "corrects": row.corrects_id}
    entry = ledger.append(
        session, actor, _LEDGER_KIND[row.correction], subject_type="promise", subject_id=row.id, data=data
    )
    state = "retraction" if row.correction == CorrectionKind.RETRACTION.value else "active"
    return _view(row, state, None, entry.seq, entry.hash)


def _view(row: Promise, state: str, by: int | None, seq: int | None, digest: str) -> PromiseView:
    return PromiseView(
        row.id, row.session_id, row.product_id, row.kind, row.wording, dict(row.terms or {}), row.said_at,
        row.offset_seconds, row.logged_by, row.logged_at, row.corrects_id, row.correction, state, by, digest, seq,
    )  # fmt: skip


def log_promise(
    session: Session,
    actor: Actor,
    session_id: int,
    *,
    kind: str,
    wording: str,
    product_id: int | None = None,
    terms: dict[str, Any] | None = None,
    said_at: datetime | None = None,
) -> PromiseView:
    """Record one promise said on air now (or at ``said_at``) in the live session ``session_id``."""
    require(actor, "promises.log")
    live = _live(session, session_id)
    text = _text(wording, "promises.empty_wording", "wording")
    if kind not in {k.value for k in PromiseKind}:
        raise InvalidInput(i18n.t("promises.unknown_kind", kind=kind), field="kind")
    if product_id is not None and session.get(Product, product_id) is None:
        raise InvalidInput(i18n.t("promises.no_product", id=product_id), field="product_id")
    row = _new_row(live, kind, text, terms, said_at, actor)
    row.product_id = product_id
    return _write(session, actor, row)


def _new_row(
    live: LiveSession,
    kind: str,
    wording: str,
    terms: dict[str, Any] | None,
    said_at: datetime | None,
    actor: Actor,
) -> Promise:
    when = said_at or clock.now()
    offset = None
    if live.actual_start is not None:
        offset = int((when - live.actual_start).total_seconds())
        if offset < 0:
            raise InvalidInput(i18n.t("promises.said_before_start"), field="said_at")
    return Promise(
        session_id=live.id,
        kind=kind,
        wording=wording,
        terms={**parse_terms(kind, wording), **(terms or {})},
        said_at=when,
        offset_seconds=offset,
        logged_by=actor.user_id,
        logged_at=clock.now(),
    )


def _original(session: Session, promise_id: int, session_id: int) -> Promise:
    """The promise to correct: exists, in ``session_id``, not a retraction, not already corrected."""
    row = session.get(Promise, promise_id)
    if row is None:
        raise InvalidInput(i18n.t("promises.no_promise", id=promise_id), field="promise_id")
    if row.session_id != session_id:
        raise InvalidInput(i18n.t("promises.other_session", id=promise_id), field="promise_id")
    if row.correction == CorrectionKind.RETRACTION.value:
        raise InvalidInput(i18n.t("promises.is_retraction", id=promise_id), field="promise_id")
    later = session.scalars(
        select(Promise).where(Promise.corrects_id == promise_id).order_by(Promise.id.desc()).limit(1)
    ).first()
    if later is not None:
        what = "retracted" if later.correction == CorrectionKind.RETRACTION.value else "amended"
        raise InvalidInput(
            i18n.t("promises.superseded", id=promise_id, by=later.id, what=i18n.t(f"promises.state.{what}")),
            field="promise_id",
        )
    return row


def _correct(
    session: Session,
    actor: Actor,
    promise_id: int,
    session_id: int,
    correction: CorrectionKind,
    wording: str,
    terms: dict[str, Any] | None,
    said_at: datetime | None,
) -> PromiseView:
    require(actor, "promises.log")
    original = _original(session, promise_id, session_id)
    live = session.get(LiveSession, session_id)
    assert live is not None
    if correction is CorrectionKind.ON_AIR:
        _live(session, session_id)
        row = _new_row(live, original.kind, wording, terms, said_at, actor)
    else:  # fixes the record of what was said then: same time and offset
        row = _new_row(live, original.kind, wording, terms, original.said_at, actor)
        if correction is CorrectionKind.RETRACTION:
            row.terms = {}
    row.product_id = original.product_id
    row.corrects_id = original.id
    row.correction = correction.value
    return _write(session, actor, row)


def amend(
    session: Session,
    actor: Actor,
    promise_id: int,
    *,
    session_id: int,
    wording: str,
    terms: dict[str, Any] | None = None,
) -> PromiseView:
    """Record what was really said for promise ``promise_id`` (a typo in the log): a new amendment row."""
    text = _text(wording, "promises.empty_wording", "wording")
    return _correct(session, actor, promise_id, session_id, CorrectionKind.AMENDMENT, text, terms, None)


def retract(session: Session, actor: Actor, promise_id: int, *, session_id: int, reason: str) -> PromiseView:
    """Record that promise ``promise_id`` was logged by mistake (``reason`` is the new row's wording, terms {})."""
    text = _text(reason, "promises.empty_reason", "reason")
    return _correct(session, actor, promise_id, session_id, CorrectionKind.RETRACTION, text, None, None)


def correct_on_air(
    session: Session,
    actor: Actor,
    promise_id: int,
    *,
    session_id: int,
    wording: str,
    terms: dict[str, Any] | None = None,
    said_at: datetime | None = None,
) -> PromiseView:
    """口误更正: the host corrected promise ``promise_id`` on air; a new row said now, the session must be live."""
    text = _text(wording, "promises.empty_wording", "wording")
    return _correct(session, actor, promise_id, session_id, CorrectionKind.ON_AIR, text, terms, said_at)


def _views(session: Session, session_id: int) -> tuple[PromiseView, ...]:
    rows = session.scalars(
        select(Promise).where(Promise.session_id == session_id).order_by(Promise.said_at, Promise.id)
    ).all()
    later: dict[int, Promise] = {}
    for row in sorted(rows, key=lambda r: r.id):
        if row.corrects_id is not None:
            later[row.corrects_id] = row
    entries = _entries(session, [row.id for row in rows])
    views = []
    for row in rows:
        by = later.get(row.id)
        if row.correction == CorrectionKind.RETRACTION.value:
            state = "retraction"
        elif by is None:
            state = "active"
        else:
            state = "retracted" if by.correction == CorrectionKind.RETRACTION.value else "amended"
        seq, digest = entries.get(row.id, (None, ""))
        views.append(_view(row, state, by.id if by is not None else None, seq, digest))
    return tuple(views)


def _entries(session: Session, ids: list[int]) -> dict[int, tuple[int, str]]:
    """Promise id -> (seq, hash) of the latest ledger entry about it."""
    found: dict[int, tuple[int, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = [str(i) for i in ids[start : start + 500]]
        marks = ", ".join("?" * len(chunk))
        rows = session.connection().exec_driver_sql(
            "SELECT subject_id, seq, hash FROM ledger_entries WHERE subject_type = 'promise'"
            f" AND subject_id IN ({marks}) ORDER BY seq",
            tuple(chunk),
        )
        for subject_id, seq, digest in rows:
            found[int(subject_id)] = (int(seq), str(digest))
    return found


def list_promises(session: Session, session_id: int) -> tuple[PromiseView, ...]:
    """Every promise and correction of the session in the order said, each with its state and ledger entry."""
    return _views(session, session_id)


def paid_orders(session: Session, session_id: int, product_id: int | None) -> int:
    """Order lines with a payment time attributed to the session (of ``product_id``; all products when None)."""
    query = (
        select(func.count())
        .select_from(Order)
        .where(Order.session_id == session_id, Order.paid_at.is_not(None))
    )
    if product_id is not None:
        query = query.where(Order.product_id == product_id)
    return int(session.scalar(query) or 0)


def quantity_counters(session: Session, session_id: int) -> tuple[QuantityCounter, ...]:
    """Active promises carrying a ``limit`` term, with ``given`` = the paid orders that claim it so far.

    ``given`` counts the session's paid order lines of the promise's product (of the whole session for a promise
    about no product), as imported from the platform (issue 5); the over-promise check compares it with the limit.
    Amended promises count through their newest amendment; retracted ones are left out.
    """
    return tuple(
        QuantityCounter(
            v.id,
            v.product_id,
            v.wording,
            str(v.terms.get("gift", "")),
            v.terms["limit"],
            paid_orders(session, session_id, v.product_id),
        )
        for v in _views(session, session_id)
        if v.state == "active" and isinstance(v.terms.get("limit"), int | float)
    )


__all__ = [
    "PromiseView",
    "QuantityCounter",
    "amend",
    "correct_on_air",
    "list_promises",
    "log_promise",
    "paid_orders",
    "quantity_counters",
    "retract",
]
