"""The committed studio.db.sample is current: at the schema head and exactly what tools/build_sample.py builds."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import sys
from datetime import timedelta
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "studio.db.sample"
sys.path.insert(0, str(ROOT / "tools"))


def dump(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory) -> Path:
    import build_sample

    folder = tmp_path_factory.mktemp("sample")
    return build_sample.build(folder / "studio.db.sample", folder / "sample.vault")


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_sample_is_at_the_schema_head():
    from core.db.opening import inspect_database
    from core.db.schema import SCHEMA_HEAD

    assert inspect_database(SAMPLE).revision == SCHEMA_HEAD


def test_committed_sample_is_what_the_script_builds(rebuilt):
    committed, fresh = dump(SAMPLE), dump(rebuilt)
    assert committed.keys() == fresh.keys()
    for table in fresh:
        assert committed[table] == fresh[table], f"table {table} differs: run tools/build_sample.py"


def test_committed_sample_vault_is_what_the_script_builds(rebuilt):
    from core.paths import sample_vault

    assert files(sample_vault()) == files(rebuilt.parent / "sample.vault"), "run tools/build_sample.py"


def test_a_demo_copy_verifies_with_its_papers_in_the_vault(tmp_path, monkeypatch):
    """The demo copy carries the sample's evidence files, so verify finds the ledger and every file intact."""
    from core import ledger
    from core.db.opening import open_database
    from core.demo import prepare_demo_copy

    copy = prepare_demo_copy()
    db = open_database(copy)
    try:
        report = ledger.verify(db)
    finally:
        db.dispose()
    assert report.ok, report.first_problem
    assert report.files_checked >= 20


def test_sample_shows_each_pre_live_warning_on_its_today():
    """Issue 3's sample: one paper expiring soon, one lapsed, two planned sessions in different checklist states,
    and a script with error-level findings."""
    import build_sample

    from core.db.opening import open_database
    from core.demo import prepare_demo_copy
    from core.services import catalog_documents, dashboard, scripts

    db = open_database(prepare_demo_copy())
    today = build_sample.SAMPLE_NOW.date()
    try:
        with db.sessions() as session:
            papers = catalog_documents.expiring_documents(session, today=today)
            states = sorted(p.state for p in papers)
            prepare = dashboard.sessions_to_prepare(session)
            (script,) = scripts.list_scripts(session)
            findings = scripts.script_findings(session, script.id)
    finally:
        db.dispose()
    assert states == ["expiring", "lapsed"]
    first, second = prepare
    assert first.open_required < second.open_required
    assert all(s.checklist_started for s in prepare)
    assert any(f.severity == "error" for f in findings)


def test_every_documented_demo_account_signs_in_with_its_role(rebuilt, tmp_path):
    import build_sample

    from core.db.opening import open_database
    from core.services import auth

    copy = tmp_path / "demo.db"
    shutil.copyfile(rebuilt, copy)
    db = open_database(copy)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert build_sample.DEMO_PASSWORD in readme
    roles = set()
    for username, _name, role, _verified, _birth in build_sample.STAFF:
        assert f"`{username}`" in readme
        with db.unit_of_work() as session:
            actor = auth.login(session, username, build_sample.DEMO_PASSWORD)
        assert actor.role == role
        roles.add(role)
    db.dispose()
    assert roles == {"owner", "operator", "service", "host"}


def test_sample_is_a_small_realistic_studio():
    conn = sqlite3.connect(f"file:{SAMPLE}?mode=ro", uri=True)
    sessions = conn.execute("SELECT status, count(*) FROM live_sessions GROUP BY status").fetchall()
    products = conn.execute("SELECT count(DISTINCT category) FROM products").fetchone()[0]
    lineups = conn.execute("SELECT count(*) FROM lineup_items").fetchone()[0]
    conn.close()
    by_status = dict(sessions)
    assert by_status.get("planned") == 2
    assert by_status.get("reviewed", 0) >= 20  # two months of streams, each with its signed checklist
    assert products >= 8
    assert lineups >= 100


def test_sample_has_one_finished_stream_with_its_timeline_and_promises():
    """Issue 4's sample: the last stream before the sample's today ended with a timeline (a price change among its
    segments) and about twenty promises, one amended, one retracted and one corrected on air, a limited gift among
    them; the session is left ended (reviewing it is post-live work)."""
    import build_sample

    from core.db.opening import open_database
    from core.demo import prepare_demo_copy
    from core.services import live_timeline, promises, sessions

    db = open_database(prepare_demo_copy())
    try:
        with db.sessions() as session:
            rows = sessions.list_sessions(session, limit=10_000)
            with_promises = [r for r in rows if promises.list_promises(session, r.id)]
            (stream,) = with_promises
            segments = live_timeline.timeline(session, stream.id)
            said = promises.list_promises(session, stream.id)
    finally:
        db.dispose()
    assert stream.status == "ended"
    assert stream.planned_start < build_sample.SAMPLE_NOW
    later_past = [r for r in rows if stream.planned_start < r.planned_start < build_sample.SAMPLE_NOW]
    assert later_past == []  # it is the most recent past stream
    assert len(segments) >= 4 and all(not s.open for s in segments)
    prices: dict[int, set[int | None]] = {}
    for segment in segments:
        prices.setdefault(segment.product_id, set()).add(segment.price_fen)
    assert any(len(p) == 2 for p in prices.values()), "one product went on air again at another price"
    originals = [p for p in said if p.correction is None]
    assert len(originals) >= 18
    assert all(p.product_id is not None for p in said)
    ids = {p.id for p in said}
    for kind in ("amendment", "retraction", "on_air"):
        corrections = [p for p in said if p.correction == kind]
        assert corrections, f"no {kind} in the sample"
        assert all(c.corrects_id in ids for c in corrections)
    assert {p.state for p in said} >= {"active", "amended", "retracted", "retraction"}
    assert any(isinstance(p.terms.get("limit"), int) and p.state == "active" for p in said)
    assert len({p.kind for p in originals}) == 8  # every F1–F8 promise type was used


def test_sample_promise_sheet_prints(tmp_path):
    """`report session` on a copy of the sample prints the stream's promise sheet."""
    import subprocess

    from core.db.opening import open_database
    from core.demo import prepare_demo_copy
    from core.services import promises, sessions

    copy = prepare_demo_copy()
    db = open_database(copy)
    try:
        with db.sessions() as session:
            (stream,) = [
                r.id
                for r in sessions.list_sessions(session, limit=10_000)
                if promises.list_promises(session, r.id)
            ]
    finally:
        db.dispose()
    out = tmp_path / "promises.pdf"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(copy),
            "report",
            "session",
            str(stream),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_sample_has_imported_orders_for_every_past_stream():
    """Issue 5's sample: each past stream's orders came in through the importer (re-imported each morning, so later
    files updated shipping and signing); order numbers are text, buyers and phones masked, no street address."""
    conn = sqlite3.connect(f"file:{SAMPLE}?mode=ro", uri=True)
    try:
        per_session = dict(
            conn.execute(
                "SELECT s.id, count(o.id) FROM live_sessions s LEFT JOIN orders o ON o.session_id = s.id "
                "WHERE s.status IN ('reviewed', 'ended') GROUP BY s.id"
            ).fetchall()
        )
        planned = conn.execute(
            "SELECT count(*) FROM orders o JOIN live_sessions s ON s.id = o.session_id WHERE s.status = 'planned'"
        ).fetchone()[0]
        orders = conn.execute(
            "SELECT typeof(platform_order_id), platform_order_id, buyer_nickname, buyer_phone_masked, region, "
            "platform, shipped_at, signed_at FROM orders"
        ).fetchall()
        imports = conn.execute("SELECT entity_id, after FROM audit_events WHERE action = 'import'").fetchall()
    finally:
        conn.close()
    assert len(per_session) >= 20 and min(per_session.values()) >= 20
    assert planned == 0
    assert {o[5] for o in orders} == {"douyin", "wechat"}
    assert all(kind == "text" and len(number) >= 18 for kind, number, *_ in orders)
    assert all(re.fullmatch(r"1\d\d\*{4}\d{4}", o[3]) for o in orders), "phones are stored masked"
    assert all("*" in o[2] for o in orders), "buyers are masked nicknames or 张**"
    assert not any(ch.isdigit() for o in orders for ch in o[4]), "only province and city are kept"
    assert sum(1 for o in orders if o[7] is not None) > len(orders) / 2
    assert any(name.startswith("抖店") for name, _ in imports) and any(
        name.startswith("视频号") for name, _ in imports
    )
    assert any(json.loads(after)["updated"] > 0 for _, after in imports), (
        "later exports updated earlier orders"
    )


@pytest.fixture(scope="module")
def demo_db():
    from core.db.opening import open_database
    from core.demo import prepare_demo_copy

    db = open_database(prepare_demo_copy())
    yield db
    db.dispose()


def test_sample_tickets_are_in_every_status_and_each_deadline_state(demo_db):
    """At the sample's today the desk has tickets in every status of the flow; among the open ones some are due
    within 24 hours, some overdue, and exactly one is past the 15-day legal handling line (侵害消费者权益行为处罚办法
    Arts 8–9), opened more than 15 days before."""
    import build_sample
    from sqlalchemy import select

    from core.db import models as m
    from core.services import ticket_deadlines, tickets

    now = build_sample.SAMPLE_NOW
    with demo_db.sessions() as session:
        flow = tickets.ticket_flow(session)
        rows = session.scalars(select(m.Ticket)).all()
        states: dict[str, list[m.Ticket]] = {}
        for ticket in rows:
            if ticket.status in flow.open_statuses:
                _report, nearest = ticket_deadlines.report(session, ticket, now=now)
                states.setdefault(nearest.state if nearest else "none", []).append(ticket)
        kinds = {t.kind for t in rows}
        owners = {t.owner_id for t in rows}
    assert 25 <= len(rows) <= 40
    assert {t.status for t in rows} == set(flow.statuses)
    assert len(kinds) == 8, "every ticket type"
    assert {3, 4, None} <= owners  # 陈静, 赵磊, and one nobody took
    assert states.get("due_soon") and states.get("overdue")
    (breached,) = states["breached"]
    assert breached.due_rule == "handling_breach"
    assert now - breached.opened_at > timedelta(days=15)
    assert all(t.rejected_reason for t in rows if t.status == "rejected")


def test_sample_last_stream_warns_of_the_over_promised_gift_and_a_claim_links_it(demo_db):
    """The 27 Nov stream promised a gift to the first 100 buyers of the cleanser and 130 paid for it."""
    from sqlalchemy import select

    from core.db import models as m
    from core.services import promises, sessions, ticket_links

    with demo_db.sessions() as session:
        (stream,) = [
            r.id
            for r in sessions.list_sessions(session, limit=10_000)
            if promises.list_promises(session, r.id)
        ]
        (warning,) = ticket_links.over_promise_warnings(session, stream)
        claims = session.scalars(select(m.Ticket).where(m.Ticket.kind == "promise_claim")).all()
        linked = [p.id for t in claims for p in ticket_links.linked_promises(session, t.id)]
    assert warning.limit == 100 and warning.paid_orders > 100
    assert warning.promise_id in linked


def test_sample_tickets_have_follow_ups_replies_and_an_attachment_in_the_vault(demo_db):
    from sqlalchemy import func, select

    from core.db import models as m
    from core.services import ticket_links

    with demo_db.sessions() as session:
        calls = (
            session.execute(select(m.TicketEvent.data).where(m.TicketEvent.kind == "call")).scalars().all()
        )
        scored = session.scalars(
            select(m.Ticket.satisfaction).where(
                m.Ticket.status == "closed", m.Ticket.satisfaction.is_not(None)
            )
        ).all()
        replies = session.scalar(select(func.count()).where(m.TicketEvent.kind == "reply"))
        templated = session.scalar(
            select(func.count()).where(
                m.TicketEvent.kind == "reply", m.TicketEvent.data["template_id"].is_not(None)
            )
        )
        with_files = session.scalars(
            select(m.Attachment.subject_id).where(m.Attachment.subject_type == "ticket")
        )
        attachments = [
            a for tid in with_files for a in ticket_links.ticket_attachments(session, demo_db.vault_dir, tid)
        ]
    assert len(calls) >= 8 and any(c["reached"] is False for c in calls)
    assert len(scored) >= 8 and min(scored) <= 3 < max(scored)
    assert replies >= 15 and templated >= 10
    assert attachments and all(a.in_vault for a in attachments)
