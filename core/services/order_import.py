"""订单导入 Import a platform's order export, all or nothing, attributed to the session each order was paid in.

Basis: DESIGN.md §Reliability (all-or-nothing per file, row and column named, re-import adds nothing); DOMAIN §8
and 个人信息保护法 Art 6 (minimum necessary personal data). The file and its cells are read by
:mod:`core.importers.order_sheet` with the presets of ``resources/templates/order_presets.json``.

Contract of :func:`import_orders` (``orders.import``):

- A row is keyed by (platform, order number, sub-order number). Exports that repeat the main order on each of its
  sub-orders (抖店) carry the sub-order column, so each line is its own order row; the same key twice in one file is
  refused naming both rows.
- Stored: the order and sub-order numbers as text, product title, quantity (empty = 1), amount in fen, paid /
  shipped / signed-for / platform-deadline times (read in the studio's timezone, stored UTC), the platform's status
  and after-sales status in its own words, the buyer's nickname (else the recipient's name masked 张**), the phone
  masked 138****2210, province+city. Street addresses, full names and columns no preset field names are never
  stored.
- Attribution: the product is the one whose 商品编码 equals the row's SKU (else whose name equals the title, when
  only one has it); the session is the one of the file's platform (any platform for the generic template) whose
  actual — else planned — window, stretched by the presets file's ``attribution`` numbers, holds the paid time
  and whose lineup holds the product; of several, the latest to start.
- A key already stored is updated when a value the file carries differs: text fields (status, after-sales status,
  title, buyer, region) and amounts follow the file; a time the file leaves empty never erases a stored one; the
  session and product change only to a found one. A row equal to what is stored writes nothing, so the same file
  twice adds and changes nothing.
- Any bad row: nothing is written, and :class:`OrderImportRefused` (an InvalidInput) names the first bad row and
  column (its header as written) and counts the bad rows in ``rejected``. ``dry_run`` checks and counts and
  writes nothing. Rows are read and written in batches inside one savepoint, so memory stays bounded by the batch
  (plus one small key per row for the duplicate check) however large the file.
- The row work (parsing, attribution, batches) is :mod:`core.services.order_import_rows`.
- Writes are bulk statements (not audited row by row, see :mod:`core.db.audit`): one ``import`` audit event names
  the file, the platform and the counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import i18n
from core.db import audit
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.importers import order_sheet as sheet
from core.services.auth import require
from core.services.order_import_rows import ImportRun
from core.services.order_mappings import choose_preset

__all__ = ["OrderImportRefused", "OrderImportResult", "import_orders"]

i18n.register(
    {
        "orders.import.refused": (
            "“{file}”未导入，没有写入任何订单：第 {row} 行“{column}”：{message}（共 {count} 行有问题）",
            "“{file}” was not imported and nothing was written: row {row}, “{column}”: {message} "
            "({count} row(s) with problems)",
        ),
        "orders.import.no_rows": (
            "“{file}”只有列名，没有订单行",
            "“{file}” has the headers but no order rows",
        ),
    }
)


@dataclass(frozen=True)
class OrderImportResult:
    """What an import wrote (or, dry run, would write), by order row; the preset used and whether it was detected."""

    file_name: str
    platform: str
    detected: bool
    added: int
    updated: int
    unchanged: int
    rejected: int = 0
    preset_name: str = ""  # the preset's or column mapping's name, as the person reads it

    def counts(self) -> dict[str, int]:
        """The command line's ``--json`` shape."""
        return {k: v for k, v in asdict(self).items() if k in ("added", "updated", "unchanged", "rejected")}


class OrderImportRefused(InvalidInput):
    """A file refused for bad rows: ``row``/``field`` name the first, ``rejected`` counts them; nothing written."""

    def __init__(self, message: str, *, field: str, row: int, rejected: int) -> None:
        super().__init__(message, field=field, row=row)
        self.rejected = rejected


def _refresh_tickets(session: Session, order_ids: list[int]) -> None:
    """A new signing or shipping time moves the clocks of the open tickets on those orders: re-cache their due."""
    from core.db.models import Ticket
    from core.services.deadline_rules import deadline_context
    from core.services.ticket_deadlines import refresh
    from core.services.tickets import ticket_flow

    open_statuses = ticket_flow(session).open_statuses
    context = None
    for start in range(0, len(order_ids), 500):
        chunk = order_ids[start : start + 500]
        for ticket in session.scalars(select(Ticket).where(Ticket.order_id.in_(chunk))).all():
            if ticket.status in open_statuses:
                context = context or deadline_context(session)
                refresh(session, ticket, context=context)


def import_orders(
    session: Session,
    actor: Actor,
    path: Path | str,
    *,
    platform: str | None = None,
    dry_run: bool = False,
    mapping: dict[str, str] | None = None,
    mapping_name: str | None = None,
    preset: sheet.Preset | None = None,
) -> OrderImportResult:
    """Import the order export at ``path`` (``orders.import``): every row or none. See the module docstring.

    ``mapping`` (field -> header, stored under ``platform``) or ``mapping_name`` (a saved one) reads a file no
    preset knows (:mod:`core.services.order_mappings`); ``preset`` is one already chosen (the preview's)."""
    require(actor, "orders.import")
    chosen, saved = (preset, ()) if preset else choose_preset(session, platform, mapping, mapping_name)
    with sheet.open_orders(path, None if chosen else platform, preset=chosen, saved=saved) as opened:
        work = ImportRun(session, opened, dry_run)
        nested = session.begin_nested()
        try:
            work.run()
        except BaseException:
            nested.rollback()
            raise
        if work.errors or dry_run:
            nested.rollback()
        else:
            nested.commit()
    if opened.rows_read == 0:
        raise InvalidInput(i18n.t("orders.import.no_rows", file=opened.file_name), field="file", row=2)
    if work.first_error is not None:
        row, column, message = work.first_error
        text = i18n.t(
            "orders.import.refused", file=opened.file_name, row=row, column=column, message=message,
            count=work.errors,
        )  # fmt: skip
        raise OrderImportRefused(text, field=column, row=row, rejected=work.errors)
    result = OrderImportResult(
        opened.file_name, opened.preset.platform, opened.detected, work.added, work.updated, work.unchanged,
        preset_name=opened.preset.name,
    )  # fmt: skip
    if work.updated_ids and not dry_run:
        _refresh_tickets(session, work.updated_ids)
    if not dry_run and (result.added or result.updated):
        audit.record(
            session, "import", "orders", opened.file_name, file=opened.file_name, platform=result.platform,
            added=result.added, updated=result.updated, unchanged=result.unchanged,
        )  # fmt: skip
        session.flush()
    return result
