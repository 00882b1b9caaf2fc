"""The committed studio.db.sample is current: at the schema head and exactly what tools/build_sample.py builds."""

from __future__ import annotations

import shutil
import sqlite3
import sys
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
