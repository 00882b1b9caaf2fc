"""订单导入预览 What an order export would import, shown before anything is written (the GUI wizard's preview).

Contract of :func:`preview_orders` (``orders.import``, like the import it previews):

- Opens the file with the preset named by ``platform`` (detected when None) exactly as the import does; a file
  that cannot be opened (unknown platform, missing columns, empty) raises the import's own InvalidInput.
- ``rows``: the first ``limit`` data rows as they would be stored — order numbers as text, the phone masked
  138****2210, a recipient's name masked 张**, province+city only, times in the studio's zone (DOMAIN §8,
  个人信息保护法 Art 6: the preview shows no more personal data than the import keeps). A cell the import would
  refuse is shown as written and its row carries ``problem``.
- ``columns``: which header of the file fills which app field (labels from the presets file).
- ``counts``: a dry run of :func:`core.services.order_import.import_orders` over the whole file (added / updated /
  unchanged), or, when the import would refuse the file, ``refused`` with the first bad row, its column and why
  and how many rows are bad. Nothing is written either way (the dry run rolls its savepoint back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from core import i18n
from core.domain.roles import Actor
from core.importers import order_sheet as sheet
from core.importers.cells import yuan_to_fen
from core.services.auth import require
from core.services.order_import import OrderImportRefused, OrderImportResult, import_orders
from core.services.order_mappings import choose_preset
from core.services.studio import studio_zone

__all__ = ["OrderPreview", "PreviewRow", "Refusal", "field_label", "preview_orders"]


@dataclass(frozen=True)
class PreviewRow:
    """One data row as the import would store it (display text; ``amount_fen`` None when not readable)."""

    row: int
    order_id: str
    sub_order_id: str
    product_title: str
    quantity: str
    amount_fen: int | None
    paid_at: str
    status: str
    after_sales_status: str
    buyer: str
    phone: str
    region: str
    problem: str = ""


@dataclass(frozen=True)
class Refusal:
    """Why the import would refuse the file: the first bad row and its column (header as written)."""

    row: int | None
    column: str
    message: str  # the import's whole sentence (file, row, column, reason, count)
    rejected: int
    reason: str  # what is wrong with the cell, alone (the whole sentence when it is not a cell's problem)


@dataclass(frozen=True)
class OrderPreview:
    """The preview of one file: its preset, the mapping used, the first rows, and the dry run's outcome."""

    file_name: str
    platform: str
    preset_name: str
    detected: bool
    columns: tuple[tuple[str, str], ...]  # (app field label, header in the file)
    rows: tuple[PreviewRow, ...]
    counts: OrderImportResult | None
    refused: Refusal | None

    @property
    def ok(self) -> bool:
        """True when the import would write the whole file."""
        return self.refused is None and self.counts is not None


def field_label(key: str) -> str:
    """The app field's name in the person's language, from the presets file."""
    found = sheet.spec()["fields"].get(key)
    if found is None:
        return key
    return found["en"] if i18n.language() == "en" else found["zh"]


def _cell(fn: Any, value: Any, problems: list[str], **kw: Any) -> Any:
    try:
        return fn(value, **kw)
    except ValueError as exc:
        problems.append(str(exc))
        return sheet.text_of(value)


def _row(number: int, v: dict[str, Any], zone: Any) -> PreviewRow:
    problems: list[str] = []
    order = _cell(sheet.order_number, v.get("order_id"), problems, required=True)
    sub = _cell(sheet.order_number, v.get("sub_order_id"), problems, required=False)
    paid = _cell(sheet.parse_time, v.get("paid_at"), problems, zone=zone)
    paid_text = (
        paid.astimezone(zone).strftime("%Y-%m-%d %H:%M") if hasattr(paid, "astimezone") else paid or ""
    )
    count = _cell(sheet.quantity, v.get("quantity"), problems)
    amount = None if sheet.empty(v.get("amount")) else _cell(yuan_to_fen, v.get("amount"), problems)
    nickname = sheet.text_of(v.get("buyer_nickname")) or sheet.mask_name(v.get("recipient_name"))
    return PreviewRow(
        row=number,
        order_id=order,
        sub_order_id=sub,
        product_title=sheet.text_of(v.get("product_title")),
        quantity=str(count),
        amount_fen=amount if isinstance(amount, int) else None,
        paid_at=paid_text,
        status=sheet.text_of(v.get("status")),
        after_sales_status=sheet.text_of(v.get("after_sales_status")),
        buyer=nickname,
        phone=sheet.mask_phone(v.get("phone")),
        region=sheet.region_of(v.get("province"), v.get("city"), v.get("address")),
        problem="；".join(problems) if i18n.language() != "en" else "; ".join(problems),
    )


def _reason(path: Path | str, preset: sheet.Preset, refused: OrderImportRefused) -> str:
    """The refused row's own cell problem (read again up to that row), else the import's sentence."""
    zone = UTC  # the zone does not change whether a cell reads
    with sheet.open_orders(path, preset=preset) as opened:
        for number, values in opened.rows():
            if number == refused.row:
                return _row(number, values, zone).problem or str(refused)
            if refused.row is None or number > refused.row:
                break
    return str(refused)


def preview_orders(
    session: Session,
    actor: Actor,
    path: Path | str,
    *,
    platform: str | None = None,
    limit: int = 20,
    mapping: dict[str, str] | None = None,
    mapping_name: str | None = None,
) -> OrderPreview:
    """Preview the order export at ``path``: nothing is written. See the module docstring; ``mapping`` /
    ``mapping_name`` as for :func:`core.services.order_import.import_orders`."""
    require(actor, "orders.import")
    zone = studio_zone(session)
    chosen, saved = choose_preset(session, platform, mapping, mapping_name)
    with sheet.open_orders(path, None if chosen else platform, preset=chosen, saved=saved) as opened:
        rows = tuple(_row(number, values, zone) for number, values in islice(opened.rows(), limit))
        preset = opened.preset
        columns = tuple((field_label(key), header) for key, header in opened.headers.items())
        detected = opened.detected
    counts: OrderImportResult | None = None
    refused: Refusal | None = None
    try:
        counts = import_orders(session, actor, path, preset=preset, dry_run=True)
    except OrderImportRefused as exc:
        refused = Refusal(exc.row, exc.field or "", str(exc), exc.rejected, _reason(path, preset, exc))
    return OrderPreview(
        Path(path).name, preset.platform, preset.name, detected, columns, rows, counts, refused
    )
