"""The sample studio's recorded history, replayed through the real services at fixed times (see build_sample).

Papers go into the vault with their ledger entries, every past session ran its pre-live checklist and went live
(the last one's stream is replayed by ``tools/sample_live.py``), the two planned sessions have checklists in
different states, and the first one has a script with findings.
The clock is fixed (:func:`core.clock.fixed`), so the file and its ledger hashes are the same on every build.
"""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import update

from core import clock
from core.db import models as m
from core.domain.codes import Role
from core.domain.roles import Actor
from core.services import catalog_documents, checklist, scripts

OWNER = Actor(1, "王芳", Role.OWNER)
OPERATOR = Actor(2, "李明", Role.OPERATOR)
HOST = Actor(5, "小美", Role.HOST)

# Papers the sample deliberately gets wrong, so the demo shows each warning (sample "today" is 2026-11-28).
EXPIRING = ("SC-001", "special_cosmetics_registration", date(2026, 12, 16))  # within the 30-day window
LAPSED = ("EL-002", "ccc_certificate", date(2026, 11, 15))  # lapsed: blocks the lineup
MISSING = ("JW-001", "cma_test_report")  # never uploaded

SCRIPT_BODY = (
    "家人们晚上好！今天给大家带来声科降噪蓝牙耳机 S3，这是全网最低价，错过今天再等一年！\n"
    "这款耳机是我第一次用就爱上的，降噪效果绝对是国家级的水准，戴一整天都不累。\n"
    "唯一的缺点就是太好看了，大家抢的时候手速要快，最后一单库存已经不多了。\n"
    "优品加厚珊瑚绒四件套，纯手工缝制，100%不起球，买回去包治失眠。\n"
    "七天无理由退货，运费险已经给大家配好，放心拍。"
)


def _pdf(lines: list[str]) -> bytes:
    """A tiny one-page PDF saying it is a demo placeholder (ASCII only; byte-for-byte reproducible)."""
    text = "BT /F1 14 Tf 60 780 Td 18 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def _paper_plan(products: list[tuple], suppliers: list[tuple], rule: dict[str, Any]) -> list[dict[str, Any]]:
    """Which papers each supplier and product has: everything its category requires, minus the planned gaps."""
    plan: list[dict[str, Any]] = []
    supplier_types: dict[int, set[str]] = {}
    for _sku, _name, category, supplier, *_rest in products:
        for code in rule["categories"][category]["requires"]:
            if rule["requirements"][code]["holder"] == "supplier":
                supplier_types.setdefault(supplier, set()).add(code)
    for index, (name, credit_code, _contact) in enumerate(suppliers):
        for code in sorted(supplier_types.get(index, ())):
            expires = rule["requirements"][code].get("expires")
            plan.append(
                {
                    "holder": "supplier",
                    "holder_id": index + 1,
                    "doc_type": code,
                    "number": credit_code
                    if code == "business_licence"
                    else f"JY{144010000000 + index * 7919}",
                    "issued_on": date(2022, 3, 1) + timedelta(days=37 * index),
                    "expires_on": date(2027, 2, 28) + timedelta(days=90 * index) if expires else None,
                    "label": name,
                }
            )
    for pid, (sku, _name, category, _supplier, brand, *_rest) in enumerate(products, start=1):
        codes = list(rule["categories"][category]["requires"])
        if brand:  # a branded product also needs its trademark papers (the rule's "branded" condition)
            codes += [c for c in rule["conditions"]["branded"]["requires"] if c not in codes]
        for code in codes:
            requirement = rule["requirements"][code]
            if requirement["holder"] != "product" or (sku, code) == MISSING:
                continue
            expires_on = date(2028, 6, 30) - timedelta(days=23 * pid) if requirement.get("expires") else None
            for gap_sku, gap_code, gap_expiry in (EXPIRING, LAPSED):
                if (sku, code) == (gap_sku, gap_code):
                    expires_on = gap_expiry
            plan.append(
                {
                    "holder": "product",
                    "holder_id": pid,
                    "doc_type": code,
                    "number": f"{code[:3].upper()}-{sku}-{2024 + pid % 2}",
                    "issued_on": date(2024, 1, 10) + timedelta(days=11 * pid),
                    "expires_on": expires_on,
                    "label": sku,
                }
            )
    return plan


def add_papers(db: Any, products: list[tuple], suppliers: list[tuple], at: datetime) -> None:
    """Upload every planned paper (a placeholder PDF each) as the operator did when the studio started."""
    with db.sessions() as session:
        rule = catalog_documents.documents_rule(session)
    plan = _paper_plan(products, suppliers, rule)
    with tempfile.TemporaryDirectory() as folder, clock.fixed(at, step=timedelta(seconds=7)):
        for paper in plan:
            name = rule["requirements"][paper["doc_type"]]["name_zh"].split("（")[0].replace("/", "-")
            source = Path(folder) / f"{name}-{paper['label']}.pdf"
            source.write_bytes(
                _pdf(
                    [
                        "StudioDesk sample data - demo placeholder, not a real document",
                        f"type: {paper['doc_type']}",
                        f"number: {paper['number']}",
                        f"holder: {paper['holder']} #{paper['holder_id']}",
                    ]
                )
            )
            with db.unit_of_work(OPERATOR) as session:
                catalog_documents.add_document(
                    session,
                    OPERATOR,
                    db.vault_dir,
                    holder=paper["holder"],
                    holder_id=paper["holder_id"],
                    doc_type=paper["doc_type"],
                    number=paper["number"],
                    issued_on=paper["issued_on"],
                    expires_on=paper["expires_on"],
                    file=source,
                )


def _items(session: Any, session_id: int) -> list[Any]:
    view = checklist.get_run(session, session_id)
    assert view is not None
    return list(view.items)


def run_past_checklists(db: Any, sessions: list[dict[str, Any]], *, keep_live: int | None = None) -> None:
    """Each past session: the operator signs every item two hours before, then the session goes live on time.

    Each one is then marked reviewed with its recorded end, except session ``keep_live``: it stays live so that
    ``tools/sample_live.py`` can replay its stream (timeline, promises, end) through the live services.
    """
    for row in sessions:
        start: datetime = row["planned_start"]
        with clock.fixed(start - timedelta(hours=3), step=timedelta(seconds=41)):
            with db.unit_of_work(OPERATOR) as session:
                checklist.start_run(session, OPERATOR, row["id"])
                for item in _items(session, row["id"]):
                    if item.code == "special_cosmetics_registered" and not row["special_cosmetics"]:
                        checklist.mark_not_applicable(session, OPERATOR, item.id, "本场没有特殊化妆品上播")
                    else:
                        checklist.mark_done(session, OPERATOR, item.id)
            clock.set_to(row["actual_start"])
            with db.unit_of_work(OPERATOR) as session:
                checklist.go_live(session, OPERATOR, row["id"])
                ended = (
                    {} if row["id"] == keep_live else {"status": "reviewed", "actual_end": row["actual_end"]}
                )
                session.execute(
                    update(m.LiveSession)
                    .where(m.LiveSession.id == row["id"])
                    .values(recording_ref=row["recording_ref"], **ended)
                )


def prepare_planned(db: Any, first: dict[str, Any], second: dict[str, Any], now: datetime) -> None:
    """The next session is half-prepared and its host's script has findings; the one after has only started."""
    with clock.fixed(now - timedelta(hours=5), step=timedelta(minutes=3)):
        with db.unit_of_work(OPERATOR) as session:
            checklist.start_run(session, OPERATOR, first["id"])
            for item in _items(session, first["id"])[:9]:
                checklist.mark_done(session, OPERATOR, item.id)
            for item in _items(session, first["id"]):
                if item.code == "special_cosmetics_registered" and not first["special_cosmetics"]:
                    checklist.mark_not_applicable(session, OPERATOR, item.id, "本场没有特殊化妆品上播")
        with db.unit_of_work(HOST) as session:
            title = session.get(m.LiveSession, first["id"]).title
            scripts.save_script(
                session, HOST, session_id=first["id"], title=f"{title} 开场话术", body=SCRIPT_BODY
            )
        with db.unit_of_work(OPERATOR) as session:
            checklist.start_run(session, OPERATOR, second["id"])


def to_utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC)
