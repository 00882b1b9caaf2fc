"""The sample studio's post-live work (issue 5's sample): imported orders for its streams and the after-sales desk.

Orders (``tools/sample_orders.py``): the morning after each stream, 陈静 exported the last 15 days of orders from 抖店
and from 视频号 and imported the files through the real importer (:func:`core.services.order_import.import_orders`),
so each file also re-imports earlier orders and updates their shipping and signing, as a studio's own imports do.
The files are written to a temporary folder; only their names (dated, fixed) reach the database, in the import
audit events.

Tickets (``tools/sample_tickets.py``) are worked step by step through the ticket services, interleaved in time with
the imports, under a fixed clock, so the rows and their ledger entries are the same on every build. Randomness
comes only from :data:`SEED`.
"""

from __future__ import annotations

import random
import struct
import tempfile
import zlib
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sample_orders import Line, local, plan_orders, write_export
from sample_tickets import TICKETS
from sqlalchemy import select

from core import clock
from core.db import models as m
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import promises, ticket_links, tickets
from core.services.order_import import import_orders

SEED = 202611285
STAFF = {"陈静": Actor(3, "陈静", Role.SERVICE), "赵磊": Actor(4, "赵磊", Role.SERVICE)}
IMPORTER = STAFF["陈静"]
EXPORT_DAYS = 15  # each morning's export covers the orders paid in the last 15 days
IMPORT_AT = time(9, 30)  # the morning after a stream


def _apply_tickets(lines: list[Line], zone: ZoneInfo) -> list[Line | None]:
    """Each ticket's order line (None for a ticket without an order), with the times the ticket data fixes."""
    used: set[int] = set()
    found: list[Line | None] = []
    for spec in TICKETS:
        if "order" not in spec:
            found.append(None)
            continue
        sid, sku, *nth = spec["order"]
        candidates = [i for i, line in enumerate(lines) if line.session_id == sid and line.sku == sku]
        index = candidates[nth[0]] if nth else next(i for i in candidates if i not in used)
        if index in used:
            raise ValueError(f"two sample tickets use the same order: {spec['order']}")
        used.add(index)
        line = lines[index]
        if "shipped" in spec:
            line.shipped = local(spec["shipped"], zone)
        if "signed" in spec:
            line.signed = local(spec["signed"], zone)
        if "cancelled" in spec:
            line.signed = None
            line.shipped = local(spec["shipped"], zone) if "shipped" in spec else None
            line.cancelled = local(spec["cancelled"], zone)
        line.after_sales = local(spec["steps"][0][0], zone)
        if not line.paid < line.after_sales or (line.shipped and not line.paid < line.shipped):
            raise ValueError(f"sample ticket times out of order: {spec['order']}")
        found.append(line)
    return found


def _photo() -> bytes:
    """A small deterministic PNG (a parcel on a table: placeholder for a buyer's photo), stored-deflate."""
    width, height = 96, 72
    raw = bytearray()
    for y in range(height):
        raw.append(0)
        for x in range(width):
            inside = 20 <= x < 76 and 16 <= y < 58
            stripe = inside and 44 <= x < 52
            raw += bytes((196, 160, 110) if stripe else (214, 178, 128) if inside else (236, 236, 232))
    data = bytes(raw)
    blocks = bytearray(b"\x78\x01")
    for start in range(0, len(data), 65535):
        chunk = data[start : start + 65535]
        final = 1 if start + 65535 >= len(data) else 0
        blocks += struct.pack("<BHH", final, len(chunk), 0xFFFF ^ len(chunk)) + chunk
    blocks += struct.pack(">I", zlib.adler32(data))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", bytes(blocks)) + chunk(b"IEND", b"")


def _step(db: Any, state: dict[str, Any], index: int, step: tuple, line: Line | None) -> None:
    """Run one ticket step (see ``tools/sample_tickets.py``) in its own unit of work."""
    spec = TICKETS[index]
    _when, who, action, *args = step
    actor = STAFF[who]
    with db.unit_of_work(actor) as session:
        if action == "open":
            order_id = None
            if line is not None:
                order_id = session.scalar(
                    select(m.Order.id).where(
                        m.Order.platform == line.platform,
                        m.Order.platform_order_id == line.order,
                        m.Order.sub_order_id == line.sub,
                    )
                )
                if order_id is None:
                    raise ValueError(f"sample ticket {index} opened before its order was imported")
            ticket = tickets.create_ticket(
                session, actor, kind=spec["kind"], reason=spec["reason"], order_id=order_id,
                summary=spec.get("summary", ""), buyer_nickname=spec.get("buyer", ""), body=args[0],
            )  # fmt: skip
            state[index] = ticket.id
            return
        ticket_id = state[index]
        if action == "assign":
            owner = STAFF[args[0]].user_id if args[0] else None
            tickets.assign_owner(session, actor, ticket_id, owner)
        elif action == "reply":
            if isinstance(args[0], int):
                tickets.reply(session, actor, ticket_id, template_id=args[0])
            else:
                ticket = session.get(m.Ticket, ticket_id)
                tickets.reply(session, actor, ticket_id, body=tickets.fill_template(session, ticket, args[0]))
        elif action == "status":
            tickets.change_status(session, actor, ticket_id, args[0], note=args[1])
        elif action == "reject":
            tickets.change_status(session, actor, ticket_id, "rejected", reason=args[0])
        elif action == "note":
            tickets.add_note(session, actor, ticket_id, args[0])
        elif action == "call":
            ticket_links.record_follow_up(
                session, actor, ticket_id, satisfaction=args[0], comment=args[1], reached=args[2]
            )
        elif action == "link":
            said = promises.list_promises(session, line.session_id)
            (promise,) = [p for p in said if args[0] in p.wording and p.state == "active"]
            ticket_links.link_promise(session, actor, ticket_id, promise.id)
        elif action == "attach":
            ticket_links.attach_bytes(
                session, actor, db.vault_dir, ticket_id, _photo(), original_name=args[0], caption=args[1]
            )
        else:
            raise ValueError(f"unknown sample ticket step {action!r}")


def add_after_sales(db: Any, past: list[dict[str, Any]], zone: ZoneInfo) -> int:
    """Import the past streams' orders and work the sample tickets, in time order; return the number of lines."""
    rng = random.Random(SEED)
    lines = plan_orders(db, past, zone, rng)
    ticket_lines = _apply_tickets(lines, zone)
    events: list[tuple[datetime, int, Any]] = []
    for row in past:
        day = row["planned_start"].astimezone(zone).date() + timedelta(days=1)
        events.append((datetime.combine(day, IMPORT_AT, zone), 0, None))
    for index, spec in enumerate(TICKETS):
        for step in spec["steps"]:
            events.append((local(step[0], zone), 1, (index, step)))
    events.sort(key=lambda e: (e[0], e[1], e[2][0] if e[2] else -1))
    state: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as folder, clock.fixed(events[0][0], step=timedelta(milliseconds=250)):
        for at, kind, payload in events:
            clock.set_to(at)
            if kind == 1:
                index, step = payload
                _step(db, state, index, step, ticket_lines[index])
                continue
            for platform in ("douyin", "wechat"):
                rows = [
                    line.row(at)
                    for line in lines
                    if line.platform == platform and at - timedelta(days=EXPORT_DAYS) <= line.paid <= at
                ]
                if rows:
                    path = write_export(Path(folder), platform, rows, at)
                    with db.unit_of_work(IMPORTER) as session:
                        import_orders(session, IMPORTER, path)
                    path.unlink()
    return len(lines)
