"""订单导入的逐行处理 The row work of an order import: parse and check each row, attribute it, write batches.

:func:`core.services.order_import.import_orders` (whose docstring is the contract) opens the file, runs one
:class:`ImportRun` inside a savepoint and turns its counts and first bad row into the result or the refusal.
Here: :class:`Attribution` (which product, which session a row belongs to) and :class:`ImportRun` (rows parsed
to (platform, order, sub, *values), duplicates refused, stored rows compared, bulk inserts and updates).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core import clock, i18n
from core.db.models import LineupItem, LiveSession, Product
from core.importers import order_sheet as sheet
from core.importers.cells import yuan_to_fen
from core.importers.order_sheet import text_of
from core.importers.product_sheet import normalise
from core.services.studio import studio_zone

__all__ = ["Attribution", "ImportRun"]

i18n.register(
    {
        "orders.import.duplicate": (
            "订单“{number}”在第 {first} 行和第 {row} 行重复：同一订单（子订单）只能出现一次",
            "The order “{number}” is on both row {first} and row {row}: each order (sub-order) may appear once",
        ),
        "orders.import.bad_platform": (
            "“{value}”不是平台：请填 douyin、kuaishou、taobao、wechat 或 抖店、快手、淘宝、视频号",
            "“{value}” is not a platform: use douyin, kuaishou, taobao, wechat (or 抖店, 快手, 淘宝, 视频号)",
        ),
    }
)

_BATCH = 2000
_IN_CHUNK = 400
# The columns an import writes, in this order (after platform, platform_order_id, sub_order_id).
_VALUES = (
    "session_id", "product_id", "product_title", "quantity", "amount_fen", "paid_at", "shipped_at", "signed_at",
    "status", "after_sales_status", "buyer_nickname", "buyer_phone_masked", "region", "platform_deadline_at",
)  # fmt: skip
_TIMES = {"paid_at", "shipped_at", "signed_at", "platform_deadline_at"}
_KEEP_WHEN_NONE = _TIMES | {"session_id", "product_id"}
# field of the file -> the order columns it fills (a column the file lacks is not compared or changed)
_SOURCES = {
    "product_title": ("product_title",), "quantity": ("quantity",), "amount": ("amount_fen",),
    "paid_at": ("paid_at", "session_id"), "shipped_at": ("shipped_at",), "signed_at": ("signed_at",),
    "status": ("status",), "after_sales_status": ("after_sales_status",),
    "buyer_nickname": ("buyer_nickname",), "recipient_name": ("buyer_nickname",), "phone": ("buyer_phone_masked",),
    "province": ("region",), "city": ("region",), "address": ("region",),
    "platform_deadline": ("platform_deadline_at",), "sku": ("product_id", "session_id"),
}  # fmt: skip


_PLAIN_AMOUNT = re.compile(r"(\d{1,12})(?:\.(\d{1,2}))?$")


def _stored(value: datetime | None) -> str | None:
    """A UTC datetime as SQLAlchemy stores it in SQLite (what bulk statements must write and compare)."""
    return None if value is None else value.replace(tzinfo=None).isoformat(" ", "microseconds")


class Attribution:
    """Sessions (with their lineups) and products, loaded once per file; answers "which product, which session"."""

    def __init__(self, session: Session) -> None:
        rules = sheet.spec()["attribution"]
        default = timedelta(hours=rules["default_hours"])
        grace = timedelta(minutes=rules["grace_minutes"])
        lineup: dict[int, set[int]] = {}
        for session_id, product_id in session.execute(select(LineupItem.session_id, LineupItem.product_id)):
            lineup.setdefault(session_id, set()).add(product_id)
        windows = []
        for live in session.scalars(select(LiveSession)):
            start = live.actual_start or live.planned_start
            end = live.actual_end or live.planned_end or start + default
            windows.append(
                (_stored(start), _stored(end + grace), live.platform, live.id, lineup.get(live.id, set()))
            )
        windows.sort(key=lambda w: w[0])
        self.windows = windows  # times as stored text: they compare as the times do
        self.starts = [w[0] for w in windows]
        self.reach: list[str] = []  # the latest end among this window and every earlier-starting one
        for window in windows:
            self.reach.append(max(window[1], self.reach[-1]) if self.reach else window[1])
        self.by_sku: dict[str, int] = {}
        names: dict[str, list[int]] = {}
        for product_id, sku, name in session.execute(select(Product.id, Product.sku, Product.name)):
            self.by_sku[normalise(sku)] = product_id
            names.setdefault(normalise(name), []).append(product_id)
        self.by_name = {name: ids[0] for name, ids in names.items() if len(ids) == 1}
        self.memo: dict[tuple[str, str], int | None] = {}

    def product(self, sku: str, title: str) -> int | None:
        """The product of this SKU, else of this exact name (when only one has it); None when neither."""
        key = (sku, title)
        if key in self.memo:
            return self.memo[key]
        found = self.by_sku.get(normalise(sku)) if sku else None
        if found is None and title:
            found = self.by_name.get(normalise(title))
        self.memo[key] = found
        return found

    def session(self, platform: str, paid: str | None, product_id: int | None) -> int | None:
        """The latest-starting session of ``platform`` whose window holds ``paid`` (stored text) and whose lineup
        holds the product."""
        if paid is None or product_id is None:
            return None
        index = bisect_right(self.starts, paid) - 1
        while index >= 0 and self.reach[index] >= paid:
            _start, end, on, session_id, products = self.windows[index]
            if paid <= end and product_id in products and (platform in (on, "generic")):
                return session_id
            index -= 1
        return None


class ImportRun:
    """One file's import: parses rows, checks them, and (unless a dry run or a bad row was seen) writes batches."""

    def __init__(self, session: Session, opened: sheet.OrderFile, dry_run: bool) -> None:
        self.session = session
        self.file = opened
        self.dry_run = dry_run
        self.zone = studio_zone(session)
        self.attribution = Attribution(session)
        self.present = set(opened.headers)
        self.compared = [
            i
            for i, name in enumerate(_VALUES)
            if any(name in _SOURCES[f] for f in self.present if f in _SOURCES)
        ]
        self.words = {
            normalise(word): code for code, words in sheet.spec()["platform_words"].items() for word in words
        }
        self.seen: dict[int, int] = {}  # hash of the key -> first row
        self.errors = 0
        self.first_error: tuple[int, str, str] | None = None
        self.added = self.updated = self.unchanged = 0
        self.updated_ids: list[int] = []  # orders whose shipping/signing may move their tickets' clocks
        self.now = _stored(clock.now())
        self.offsets: dict[
            str, Any
        ] = {}  # "YYYY-MM-DD HH" local -> its UTC offset (times within an hour share it)

    def time(self, value: Any) -> str | None:
        """A time cell as stored (UTC text); the common ``2026-11-27 20:15:03`` text takes a cached-offset path."""
        if not value:
            return None
        if value.__class__ is str and len(value) == 19 and value[4] == "-" and value[10] == " ":
            offset = self.offsets.get(value[:13])
            if offset is not None:
                try:
                    return (datetime.fromisoformat(value) - offset).isoformat(" ", "microseconds")
                except ValueError:
                    pass
        found = sheet.parse_time(value, self.zone)
        if found is not None and value.__class__ is str and len(value) == 19:
            local = found.astimezone(self.zone)
            self.offsets[value[:13]] = local.utcoffset()
        return _stored(found)

    def amount(self, value: Any) -> int:
        """An amount in fen; a plain ``39.90`` directly, anything else (¥, commas, numbers) by ``yuan_to_fen``."""
        if value.__class__ is str and (match := _PLAIN_AMOUNT.match(value)):
            whole, cents = match.groups()
            return int(whole) * 100 + int((cents or "0").ljust(2, "0"))
        return 0 if sheet.empty(value) else yuan_to_fen(value) or 0

    def fail(self, number: int, key: str, message: str) -> None:
        self.errors += 1
        if self.first_error is None:
            header = self.file.headers.get(key) or self.file.preset.columns.get(key, (key,))[0]
            self.first_error = (number, header, message)

    def parse(self, number: int, v: dict[str, Any]) -> tuple | None:
        """One row as (platform, order, sub, *_VALUES), or None after recording what is wrong with it."""
        key = ""
        try:
            key = "order_id"
            order = sheet.order_number(v.get("order_id"), required=True)
            key = "sub_order_id"
            sub = sheet.order_number(v.get("sub_order_id"), required=False)
            key = "platform"
            platform = self.file.preset.platform
            if "platform" in v:
                found = self.words.get(normalise(text_of(v["platform"])))
                if found is None:
                    raise ValueError(i18n.t("orders.import.bad_platform", value=text_of(v["platform"])))
                platform = found
            times = {}
            for key in ("paid_at", "shipped_at", "signed_at", "platform_deadline"):
                times[key] = self.time(v.get(key))
            key = "quantity"
            count = sheet.quantity(v.get("quantity"))
            key = "amount"
            amount = self.amount(v.get("amount"))
        except ValueError as exc:
            self.fail(number, key, str(exc))
            return None
        title = text_of(v.get("product_title"))[:255]
        nickname = text_of(v.get("buyer_nickname")) or sheet.mask_name(v.get("recipient_name"))
        product_id = self.attribution.product(text_of(v.get("sku")), title)
        paid = times["paid_at"]
        session_id = self.attribution.session(platform, paid, product_id)
        digest = hash((platform, order, sub))
        first = self.seen.get(digest)
        if first is not None:
            shown = f"{order}/{sub}" if sub else order
            message = i18n.t("orders.import.duplicate", number=shown, first=first, row=number)
            self.fail(number, "sub_order_id" if sub else "order_id", message)
            return None
        self.seen[digest] = number
        return (
            platform, order, sub, session_id, product_id, title, count, amount, paid,
            times["shipped_at"], times["signed_at"], text_of(v.get("status"))[:40],
            text_of(v.get("after_sales_status"))[:40], nickname[:64], sheet.mask_phone(v.get("phone")),
            sheet.region_of(v.get("province"), v.get("city"), v.get("address")),
            times["platform_deadline"],
        )  # fmt: skip

    def existing(self, rows: list[tuple]) -> dict[tuple[str, str, str], tuple]:
        """Stored orders of these keys: key -> (id, *_VALUES)."""
        found: dict[tuple[str, str, str], tuple] = {}
        connection = self.session.connection()
        by_platform: dict[str, list[str]] = {}
        for row in rows:
            by_platform.setdefault(row[0], []).append(row[1])
        columns = ", ".join(_VALUES)
        for platform, numbers in by_platform.items():
            unique = sorted(set(numbers))
            for start in range(0, len(unique), _IN_CHUNK):
                chunk = unique[start : start + _IN_CHUNK]
                marks = ", ".join("?" * len(chunk))
                result = connection.exec_driver_sql(
                    f"SELECT platform_order_id, sub_order_id, id, {columns} FROM orders "
                    f"WHERE platform = ? AND platform_order_id IN ({marks})",
                    (platform, *chunk),
                )
                for order, sub, *rest in result:
                    found[(platform, order, sub)] = tuple(rest)
        return found

    def write(self, rows: list[tuple]) -> None:
        stored = self.existing(rows)
        inserts: list[tuple] = []
        updates: list[tuple] = []
        for row in rows:
            old = stored.get(row[:3])
            if old is None:
                inserts.append((*row, self.now))
                continue
            new = list(old[1:])
            for i in self.compared:
                value = row[3 + i]
                if value is None and _VALUES[i] in _KEEP_WHEN_NONE:
                    continue
                new[i] = value
            if tuple(new) == tuple(old[1:]):
                self.unchanged += 1
            else:
                updates.append((*new, old[0]))
        self.added += len(inserts)
        self.updated += len(updates)
        if self.dry_run or self.errors:
            return
        connection = self.session.connection()
        names = ("platform", "platform_order_id", "sub_order_id", *_VALUES, "imported_at")
        if inserts:
            connection.exec_driver_sql(
                f"INSERT INTO orders ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                inserts,
            )
        if updates:
            assignments = ", ".join(f"{name} = ?" for name in _VALUES)
            connection.exec_driver_sql(f"UPDATE orders SET {assignments} WHERE id = ?", updates)
            self.updated_ids.extend(update[-1] for update in updates)

    def run(self) -> None:
        rows = self.file.rows()
        for batch in iter(lambda: list(islice(rows, _BATCH)), []):
            parsed = [p for p in (self.parse(number, values) for number, values in batch) if p is not None]
            if not self.errors:
                self.write(parsed)
