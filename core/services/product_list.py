"""The 商品与资质 page's list: every product with its paper readiness, judged in bulk (detail: product_detail).

Basis: 直播电商监督管理办法 (2026) and SAMR 国市监广〔2020〕175号 — the room operator verifies each product's
qualifications before the stream (DOMAIN.md §2); which papers a category needs is the ``documents`` rule data.

Contract of :func:`list_products`: two queries whatever the number of products (products with their supplier's
name; the papers of those products and suppliers), then each paper is judged once with
:func:`core.domain.readiness.paper_state` and each product's requirements come from
:func:`core.domain.readiness.required_codes` (cached per category and conditions). A requirement is met by the best
paper of its code held by its holder, exactly as :func:`core.domain.readiness.product_readiness` decides
(ok over expiring over lapsed over invalid, then the longest-lived); the tests compare the two on real data.
The row's ``state`` is its worst requirement in :data:`STATE_ORDER`: ``ok`` (every paper fine), ``expiring``,
``missing``, ``invalid`` (a paper's expiry before its issue), ``unknown`` (the active rule no longer knows the
product's category, so nothing can be judged) and ``lapsed`` (blocks the lineup). Reads only; no permission needed.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Any, Literal

from sqlalchemy import Select, String, case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from core.db.models import Document, Product, Supplier
from core.domain.readiness import Paper, categories, paper_state, required_codes
from core.errors import InvalidInput
from core.services.catalog import (
    conditions_of,
    documents_rule,
)
from core.services.studio import studio_today as studio_today  # re-exported for the products page

RowState = Literal["ok", "expiring", "missing", "invalid", "unknown", "lapsed"]
STATE_ORDER: tuple[RowState, ...] = ("ok", "expiring", "missing", "invalid", "unknown", "lapsed")
"""Row states from best to worst; a product's state is its worst requirement's."""

_SEVERITY = {state: rank for rank, state in enumerate(STATE_ORDER)}
_PAPER_RANK = {"ok": 0, "expiring": 1, "lapsed": 2, "invalid": 3}  # readiness's "best paper" order
_NARROW = 500  # below this many products, read only their papers (and their suppliers')


@dataclass(frozen=True)
class ProductRow:
    """One line of the products list: the product, its supplier's name and how its papers stand."""

    id: int
    sku: str
    name: str
    category: str
    category_name: str
    brand: str
    supplier_id: int | None
    supplier_name: str
    list_price_fen: int | None
    active: bool
    state: RowState
    problem_count: int  # requirements that are not ``ok`` (expiring ones included)
    next_expiry: date | None  # the soonest expiry among the papers that decide its requirements


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while tens of thousands of short-lived tuples are made.

    The rows hold no reference cycles, yet each burst of allocations can start a full collection that walks every
    object of the GUI process (30-40 ms seen); the collector is switched back on at once afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _score(state: str, days_left: int | None) -> int:
    """Readiness's "best paper" order as one number, lower is better: the state's rank (ok, expiring, lapsed,
    invalid), then the longest-lived (no expiry counts as forever; |days_left| < 4 million for any real date)."""
    return _PAPER_RANK[state] * 10**10 - (days_left if days_left is not None else 10**9)


def _raw_rows(session: Session, query: Select) -> list[tuple]:
    """``query``'s rows as plain tuples of stored values, read on the session's own DBAPI connection.

    SQLAlchemy's row layer and type processing cost more than the read itself for tens of thousands of rows
    (the same trade as ``core.ledger_verify``); callers convert the few values they need (dates are ISO text).
    """
    compiled = query.compile(dialect=session.get_bind().dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or ()]
    cursor = session.connection().connection.dbapi_connection.cursor()
    try:
        return cursor.execute(str(compiled), params).fetchall()
    finally:
        cursor.close()


Best = dict[tuple[int, str], tuple[int, int, date | None]]  # (holder, code) -> (score, severity, expires_on)


def _judged_papers(
    session: Session, product_ids: list[int] | None, supplier_ids: set[int], *, today: date, warn_days: int
) -> Best:
    """The best paper per holder and code: ``{(holder, code): (score, severity, expires_on)}`` where ``holder`` is
    the product's id, or minus the supplier's id for a supplier's paper.

    One query (every paper when ``product_ids`` is None) returning the holder and the paper's dates as one text,
    "issued/expires", each judged once by :func:`paper_state`. By the readiness contract the issue date matters only
    when it is after the expiry (the paper is then *invalid*), so the query keeps it only then: 30,000 papers come
    down to their few thousand distinct expiry dates (the tests compare with the one-product view).
    """
    holder = func.coalesce(Document.product_id, -Document.supplier_id)
    issued_after_expiry = case(
        (Document.issued_on > Document.expires_on, type_coerce(Document.issued_on, String)), else_=""
    )
    dates = issued_after_expiry + "/" + func.coalesce(type_coerce(Document.expires_on, String), "")
    query = select(holder, Document.doc_type, dates)
    if product_ids is not None:
        query = query.where(
            or_(Document.product_id.in_(product_ids), Document.supplier_id.in_(sorted(supplier_ids)))
        )
    best: Best = {}
    judged: dict[str, tuple[int, int, date | None]] = {}
    for holder_key, doc_type, both in _raw_rows(session, query):
        facts = judged.get(both)
        if facts is None:
            issued, _, expires = both.partition("/")
            expires_on = date.fromisoformat(expires) if expires else None
            state, days_left = paper_state(
                Paper(
                    doc_type,
                    "product",
                    issued_on=date.fromisoformat(issued) if issued else None,
                    expires_on=expires_on,
                ),
                today=today,
                warn_days=warn_days,
            )
            facts = judged[both] = (_score(state, days_left), _SEVERITY[state], expires_on)
        key = (holder_key, doc_type)
        held = best.get(key)
        if held is None or facts[0] < held[0]:
            best[key] = facts
    return best


def list_products(
    session: Session,
    *,
    today: date,
    search: str = "",
    category: str | None = None,
    state: str | Iterable[str] | None = None,
    include_inactive: bool = False,
) -> list[ProductRow]:
    """Active products (all with ``include_inactive``) with their readiness on ``today``, worst first, then SKU.

    ``search`` matches SKU, name, brand or supplier name (case-insensitive, as typed); ``category`` is a rule
    category key; ``state`` keeps rows whose worst state is that one (or one of those). See the module contract.
    """
    with _collector_paused():
        return _list(
            session,
            today=today,
            search=search,
            category=category,
            state=state,
            include_inactive=include_inactive,
        )


def _list(
    session: Session,
    *,
    today: date,
    search: str,
    category: str | None,
    state: str | Iterable[str] | None,
    include_inactive: bool,
) -> list[ProductRow]:
    data = documents_rule(session)
    warn_days = int(data["warn_days_before_expiry"])
    query = select(
        Product.id, Product.sku, Product.name, Product.category, Product.brand, Product.supplier_id,
        Product.list_price_fen, Product.active, Supplier.name,
    ).outerjoin(Supplier, Supplier.id == Product.supplier_id).order_by(Product.sku)  # fmt: skip
    if not include_inactive:
        query = query.where(Product.active.is_(True))
    if category:
        query = query.where(Product.category == category)
    text = search.strip()
    if text:
        query = query.where(
            or_(
                Product.sku.icontains(text, autoescape=True),
                Product.name.icontains(text, autoescape=True),
                Product.brand.icontains(text, autoescape=True),
                Supplier.name.icontains(text, autoescape=True),
            )
        )
    products = _raw_rows(session, query)
    if not products:
        return []
    best = _judged_papers(
        session,
        [p[0] for p in products] if len(products) < _NARROW else None,
        {p[5] for p in products if p[5] is not None},
        today=today,
        warn_days=warn_days,
    )
    names = categories(data)
    plans: dict[tuple[str, str], tuple[list[tuple[str, bool]] | None, str]] = {}
    missing, unknown = _SEVERITY["missing"], _SEVERITY["unknown"]
    wanted = None if state is None else {state} if isinstance(state, str) else set(state)
    buckets: list[list[ProductRow]] = [
        [] for _ in STATE_ORDER
    ]  # by severity; each in SKU order (the query's)
    for pid, sku, name, category_key, brand, sid, price, active, supplier_name in products:
        plan = plans.get((category_key, brand))
        if plan is None:
            plan = plans[(category_key, brand)] = _plan(data, category_key, brand, names)
        needed, category_name = plan
        worst, problems, soonest = 0, 0, None
        if needed is None:
            worst, problems = unknown, 1
        else:
            supplier_key = -(sid or 0)
            for code, held_by_product in needed:
                facts = best.get((pid, code) if held_by_product else (supplier_key, code))
                if facts is None:
                    problems += 1
                    worst = max(worst, missing)
                    continue
                _, severity, expires = facts
                if severity:
                    problems += 1
                    worst = max(worst, severity)
                if expires is not None and (soonest is None or expires < soonest):
                    soonest = expires
        row_state = STATE_ORDER[worst]
        if wanted is not None and row_state not in wanted:
            continue
        buckets[worst].append(
            ProductRow(
                pid, sku, name, category_key, category_name, brand, sid, supplier_name or "", price,
                bool(active), row_state, problems, soonest,
            )
        )  # fmt: skip
    return [row for bucket in reversed(buckets) for row in bucket]


def _plan(
    data: dict[str, Any], category: str, brand: str, names: dict[str, str]
) -> tuple[list[tuple[str, bool]] | None, str]:
    """What a product of ``category`` with ``brand`` needs: (code, held by the product?) pairs, or None when the
    rule does not know the category; and the category's name."""
    conditions = conditions_of(SimpleNamespace(brand=brand))  # type: ignore[arg-type]  # reads only .brand
    try:
        codes = required_codes(category, data, conditions)
    except InvalidInput:
        return None, names.get(category, category)
    return [(c, data["requirements"][c]["holder"] == "product") for c in codes], names[category]
