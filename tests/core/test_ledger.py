"""The ledger: the fixed hash format, appending, and ``verify`` catching each kind of tampering (issue #2 item 4).

Tampering is done the way a person would do it: with plain sqlite3 behind the app's back, dropping the append-only
triggers first.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest

from core import i18n, ledger, vault
from core.db.models import LiveSession, Promise

SAID = datetime(2026, 11, 20, 12, 30, tzinfo=UTC)


def tamper(db_path: Path, *statements: str) -> None:
    """Change the file as a tamperer would: raw sqlite3, append-only triggers dropped first."""
    conn = sqlite3.connect(db_path)
    try:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
            conn.execute(f'DROP TRIGGER "{name}"')
        for sql in statements:
            conn.execute(sql)
        conn.commit()
    finally:
        conn.close()


def log_promise(db, actor, wording: str = "七天无理由退货，运费险我们出") -> int:
    """Log one promise the way the live console does (row + ledger entry in one unit of work)."""
    with db.unit_of_work(actor) as session:
        live = session.get(LiveSession, 1)
        if live is None:
            session.add(LiveSession(id=1, title="宠粉福利夜", platform="douyin", planned_start=SAID))
        promise = Promise(
            session_id=1,
            kind="return_terms",
            wording=wording,
            terms={"days": 7},
            said_at=SAID,
            logged_by=actor.user_id,
        )
        session.add(promise)
        session.flush()
        ledger.append(session, actor, "promise.logged", subject_type="promise", subject_id=promise.id)
        return promise.id


@pytest.fixture
def busy_db(tmp_db, owner, tmp_path):
    """A database with notes, two promises and an evidence file: 5 entries."""
    with tmp_db.unit_of_work(owner) as session:
        ledger.append(session, owner, "test.note", data={"n": 1})
    log_promise(tmp_db, owner)
    log_promise(tmp_db, owner, "买一送一，赠品保温杯限量 200 份")
    source = tmp_path / "价格截图.png"
    source.write_bytes(b"\x89PNG fake screenshot")
    with tmp_db.unit_of_work(owner) as session:
        vault.store_file(session, tmp_db.vault_dir, source, owner)
        ledger.append(session, owner, "test.note", data={"n": 2})
    return tmp_db


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({"b": 1, "a": "x"}, '{"a":"x","b":1}'),
        ({"词": "七天无理由"}, '{"词":"七天无理由"}'),
        (
            {"at": datetime(2026, 11, 20, 20, 30, tzinfo=timezone(timedelta(hours=8)))},
            '{"at":"2026-11-20 12:30:00.000000"}',
        ),
        ({"on": date(2026, 2, 1)}, '{"on":"2026-02-01"}'),
        ([1, None, True], "[1,null,true]"),
    ],
    ids=["sorted_keys_no_spaces", "chinese_kept_as_is", "datetime_in_utc_as_stored", "date_iso", "list"],
)
def test_canonical_json_is_stable_text(value, expected):
    assert ledger.canonical_json(value) == expected


@pytest.mark.parametrize(
    "value",
    [Decimal("19.90"), float("nan"), datetime(2026, 1, 1)],
    ids=["money_is_integer_fen_not_decimal", "nan_is_not_json", "naive_time_refused"],
)
def test_canonical_json_refuses_ambiguous_values(value):
    with pytest.raises((TypeError, ValueError)):
        ledger.canonical_json({"v": value})


def test_entry_hash_follows_the_published_format():
    parts = [
        "7",
        "2026-11-20 12:30:00.000000",
        "",
        "promise.logged",
        "promise",
        "3",
        "{}",
        "ab" * 32,
        "0" * 64,
    ]
    expected = hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()
    assert (
        ledger.entry_hash(7, parts[1], None, "promise.logged", "promise", "3", "{}", "ab" * 32, "0" * 64)
        == expected
    )


def test_every_subject_type_can_be_snapshotted(tmp_db):
    with tmp_db.engine.connect() as conn:
        for subject_type, spec in ledger.LEDGER_SUBJECTS.items():
            assert spec.columns[0] == spec.key_column
            conn.exec_driver_sql(ledger.snapshot_sql(subject_type)).fetchall()


def test_appended_entries_form_a_chain_and_vouch_for_their_row(tmp_db, tmp_db_path, owner):
    with tmp_db.unit_of_work(owner) as session:
        first = ledger.append(session, owner, "test.note", data={"n": 1})
        assert ledger.head(session) == ledger.LedgerHead(1, first.hash)
    promise_id = log_promise(tmp_db, owner)
    conn = sqlite3.connect(tmp_db_path)
    rows = conn.execute(
        "SELECT seq, prev_hash, hash, subject_id, row_digest FROM ledger_entries ORDER BY seq"
    ).fetchall()
    snapshot = conn.execute(ledger.snapshot_sql("promise", one=True), (promise_id,)).fetchone()
    conn.close()
    assert rows[0][1] == ledger.GENESIS_HASH
    assert rows[1][1] == rows[0][2] == first.hash
    assert rows[1][3] == str(promise_id)
    assert rows[1][4] == ledger.row_digest("promise", snapshot)


def test_an_untouched_database_verifies(busy_db):
    report = ledger.verify(busy_db)
    assert report.ok and report.problems == () and report.first_problem is None
    assert (report.entries_checked, report.rows_checked, report.files_checked) == (5, 3, 1)
    assert report.head.count == 5


def test_an_empty_database_verifies(tmp_db):
    report = ledger.verify(tmp_db)
    assert report.ok and report.head == ledger.LedgerHead(0, ledger.GENESIS_HASH)


def test_a_changed_ledger_entry_is_named(busy_db, tmp_db_path):
    tamper(tmp_db_path, """UPDATE ledger_entries SET payload = '{"n":99}' WHERE seq = 1""")
    report = ledger.verify(busy_db)
    assert not report.ok
    first = report.first_problem
    assert (first.kind, first.seq) == ("chain", 1)
    assert first.message == "账本第 1 条被改动：哈希不符"


def test_a_rewritten_entry_with_a_fresh_hash_breaks_the_next_link(busy_db, tmp_db_path):
    conn = sqlite3.connect(tmp_db_path)
    seq, at, actor, kind, st, sid, _payload, digest, prev = conn.execute(
        "SELECT seq, at, actor_id, kind, subject_type, subject_id, payload, row_digest, prev_hash"
        " FROM ledger_entries WHERE seq = 2"
    ).fetchone()
    conn.close()
    forged = ledger.entry_hash(seq, at, actor, kind, st, sid, '{"forged":true}', digest, prev)
    tamper(
        tmp_db_path,
        f"""UPDATE ledger_entries SET payload = '{{"forged":true}}', hash = '{forged}' WHERE seq = 2""",
    )
    first = ledger.verify(busy_db).first_problem
    assert (first.kind, first.seq) == ("chain", 3)
    assert "前一条断开" in first.message


def test_a_changed_promise_row_is_named_with_its_entry(busy_db, tmp_db_path):
    tamper(tmp_db_path, "UPDATE promises SET wording = '不支持退货' WHERE id = 1")
    report = ledger.verify(busy_db)
    first = report.first_problem
    assert (first.kind, first.seq, first.subject) == ("row", 2, "promise:1")
    assert first.message.startswith("承诺 #1 与账本第 2 条记录不一致")


def test_a_deleted_promise_row_is_named(busy_db, tmp_db_path):
    tamper(tmp_db_path, "DELETE FROM promises WHERE id = 2")
    first = ledger.verify(busy_db).first_problem
    assert (first.kind, first.seq, first.subject) == ("missing_row", 3, "promise:2")
    assert "承诺 #2 已被删除" in first.message


def test_a_promise_slipped_in_behind_the_app_is_named(busy_db, tmp_db_path):
    tamper(
        tmp_db_path,
        "INSERT INTO promises (id, session_id, kind, wording, terms, said_at, logged_at)"
        " VALUES (9, 1, 'gift', '从未说过的话', '{}', '2026-11-20 12:31:00.000000', '2026-11-20 12:31:00.000000')",
    )
    first = ledger.verify(busy_db).first_problem
    assert (first.kind, first.seq, first.subject) == ("row", None, "promise:9")
    assert "不在账本中" in first.message


def test_a_removed_entry_breaks_the_sequence(busy_db, tmp_db_path):
    tamper(tmp_db_path, "DELETE FROM ledger_entries WHERE seq = 1")
    first = ledger.verify(busy_db).first_problem
    assert (first.kind, first.seq) == ("sequence", 2)
    assert "账本第 1 条缺失" in first.message


def test_a_changed_vault_file_is_named(busy_db):
    sha = next((busy_db.vault_dir).glob("*/*")).name
    path = vault.path_for(busy_db.vault_dir, sha)
    path.chmod(0o644)
    path.write_bytes(b"a different picture")
    first = ledger.verify(busy_db).first_problem
    assert (first.kind, first.subject) == ("file_changed", f"vault_file:{sha}")
    assert "价格截图.png" in first.message and "被改动" in first.message


def test_a_deleted_vault_file_is_named(busy_db):
    sha = next((busy_db.vault_dir).glob("*/*")).name
    vault.path_for(busy_db.vault_dir, sha).unlink()
    first = ledger.verify(busy_db).first_problem
    assert first.kind == "file_missing" and "不见了" in first.message


def test_messages_follow_the_language(busy_db, tmp_db_path):
    tamper(tmp_db_path, "UPDATE promises SET wording = '不支持退货' WHERE id = 1")
    i18n.set_language("en")
    try:
        message = ledger.verify(busy_db).first_problem.message
    finally:
        i18n.set_language("zh_CN")
    assert message.startswith("Promise #1 does not match ledger entry 2")


@pytest.mark.parametrize(
    "wording",
    ['引号"反斜杠\\', "换行\n制表\t响铃\x07", "表情😀 与 \u2028 分隔", ""],
    ids=["quotes_and_backslash", "control_characters", "emoji_and_line_separator", "empty"],
)
def test_unusual_text_verifies_whatever_sqlite_json_escaping_does(tmp_db, owner, wording):
    log_promise(tmp_db, owner, wording)
    assert ledger.verify(tmp_db).ok


def test_progress_reaches_the_total_and_cancel_stops(busy_db):
    seen: list[tuple[int, int]] = []
    ledger.verify(busy_db, on_progress=lambda done, total: seen.append((done, total)))
    assert seen and seen[-1][0] == seen[-1][1]
    with pytest.raises(ledger.VerifyCancelled):
        ledger.verify(busy_db, cancel=lambda: True)


def test_verify_never_writes(busy_db, tmp_db_path):
    def fingerprint() -> str:
        conn = sqlite3.connect(tmp_db_path)
        dump = "\n".join(conn.iterdump())
        conn.close()
        return hashlib.sha256(dump.encode()).hexdigest()

    before = fingerprint()
    ledger.verify(busy_db)
    assert fingerprint() == before


def test_an_entry_about_a_missing_row_is_refused(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(ValueError):
        ledger.append(session, owner, "promise.logged", subject_type="promise", subject_id=404)


def test_payload_is_stored_as_canonical_json(tmp_db, tmp_db_path, owner):
    with tmp_db.unit_of_work(owner) as session:
        ledger.append(session, owner, "test.note", data={"z": 1, "词": "承诺"})
    payload = sqlite3.connect(tmp_db_path).execute("SELECT payload FROM ledger_entries").fetchone()[0]
    assert payload == '{"z":1,"词":"承诺"}' and json.loads(payload) == {"z": 1, "词": "承诺"}
