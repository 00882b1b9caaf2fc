"""The command-line contract of DESIGN.md, run as a user would: a subprocess on real database files."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, lang: str = "zh_CN") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "STUDIODESK_LANG": lang, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, cwd=ROOT
    )


@pytest.mark.parametrize(
    ("lang", "expected"), [("zh_CN", "校验证据账本"), ("en", "check the ledger, records and evidence files")]
)
def test_help_speaks_chinese_by_default_and_english_on_request(lang, expected):
    result = cli("--help", lang=lang)
    assert result.returncode == 0
    assert expected in result.stdout
    for command in ("import-orders", "report", "lint", "verify", "backup", "restore", "self-test"):
        assert command in result.stdout


def test_lang_flag_overrides_the_environment():
    result = cli("--lang", "en", "verify", "--help")
    assert "print the result as JSON" in result.stdout


def test_lint_prints_each_finding_in_chinese_and_exits_1_on_an_error_term():
    result = cli("lint", "第一次来的朋友，这款全网最低价")
    assert result.returncode == 1, result.stderr
    assert "“全网最低价”" in result.stdout and "错误" in result.stdout and "广告法" in result.stdout
    assert "第一次" not in result.stdout


def test_lint_of_clean_or_warning_only_text_exits_0():
    assert cli("lint", "第一次来的朋友，唯一的缺点是最后一单了").returncode == 0
    warned = cli("--lang", "en", "lint", "限时秒杀")
    assert warned.returncode == 0 and "warning" in warned.stdout


def test_lint_json_from_a_file_gives_offsets_and_category_severity(tmp_path):
    script = tmp_path / "script.txt"
    script.write_text("Hi 家人们，可以治疗失眠", encoding="utf-8")
    result = cli("lint", "--category", "food", "--json", "--file", str(script))
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    text = script.read_text(encoding="utf-8")
    assert [(f["term"], f["severity"], f["category"]) for f in findings] == [
        ("治疗", "error", "medical"),
        ("失眠", "error", "medical"),
    ]
    assert all(text[f["start"] : f["end"]] == f["term"] and f["basis"] for f in findings)


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p: None, "script.txt"),
        (lambda p: p.write_bytes("全网最低价".encode("gbk")), "UTF-8"),
        (lambda p: p.mkdir(), "script.txt"),
    ],
    ids=["missing", "not_utf8", "a_folder"],
)
def test_lint_an_unusable_file_says_which_in_one_line_and_exits_2(tmp_path, make, words):
    path = tmp_path / "script.txt"
    make(path)
    result = cli("lint", "--file", str(path))
    assert result.returncode == 2
    assert words in result.stderr and str(path) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and result.stdout == ""


def test_lint_an_unknown_category_names_the_allowed_ones_and_exits_2():
    result = cli("--lang", "en", "lint", "--category", "toys", "最好")
    assert result.returncode == 2
    assert "toys" in result.stderr and "cosmetics" in result.stderr and "health_food" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["report", "monthly", "--out", "x.pdf"],
        ["import-orders"],
        ["lint"],
        ["frobnicate"],
        ["verify", "--bogus"],
    ],
)
def test_bad_usage_exits_2(args):
    assert cli(*args).returncode == 2


def test_verify_an_untouched_database_exits_0(tmp_db_path):
    result = cli("--db", str(tmp_db_path), "verify", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ok"] is True and report["problems"] == []


def test_verify_names_the_tampered_entry_and_exits_1(tmp_db_path, tmp_db, owner):
    from core import ledger

    with tmp_db.unit_of_work(owner) as session:
        for n in range(3):
            ledger.append(session, owner, "test.note", data={"n": n})
    tmp_db.dispose()
    conn = sqlite3.connect(tmp_db_path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("""UPDATE ledger_entries SET payload = '{"n":99}' WHERE seq = 2""")
    conn.commit()
    conn.close()
    result = cli("--db", str(tmp_db_path), "--lang", "en", "verify", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["problems"][0]["seq"] == 2


@pytest.mark.parametrize(
    ("make", "kind_words"),
    [
        (lambda p: None, "不存在"),
        (lambda p: p.write_text("这不是数据库"), "损坏"),
        (lambda p: sqlite3.connect(p).execute("CREATE TABLE t(x)").connection.commit(), "不是 StudioDesk"),
    ],
    ids=["missing", "corrupt", "foreign"],
)
def test_unusable_database_gets_one_line_exit_2_and_is_not_modified(tmp_path, make, kind_words):
    path = tmp_path / "bad.db"
    make(path)
    before = path.read_bytes() if path.exists() else None
    result = cli("--db", str(path), "verify")
    assert result.returncode == 2
    assert kind_words in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert (path.read_bytes() if path.exists() else None) == before


def test_backup_then_restore_round_trip(tmp_db_path, tmp_db, owner, tmp_path):
    from core import ledger

    with tmp_db.unit_of_work(owner) as session:
        ledger.append(session, owner, "test.note", data={"before": "backup"})
    tmp_db.dispose()
    out = tmp_path / "copy.db"
    result = cli("--db", str(tmp_db_path), "backup", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert out.exists() and str(out) in result.stdout
    conn = sqlite3.connect(tmp_db_path)
    conn.execute("DROP TRIGGER IF EXISTS ledger_entries_no_delete")
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DELETE FROM ledger_entries")
    conn.commit()
    conn.close()
    result = cli("--db", str(tmp_db_path), "restore", str(out))
    assert result.returncode == 0, result.stderr
    count = sqlite3.connect(tmp_db_path).execute("SELECT count(*) FROM ledger_entries").fetchone()[0]
    assert count == 1
    assert cli("--db", str(tmp_db_path), "verify").returncode == 0


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_db_path, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 4096)
    before = tmp_db_path.read_bytes()
    result = cli("--db", str(tmp_db_path), "restore", str(junk))
    assert result.returncode == 2
    assert str(junk) in result.stderr
    assert tmp_db_path.read_bytes() == before


@pytest.mark.slow
def test_self_test_passes_here():
    result = cli("self-test", lang="en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All" in result.stdout and "FAILED" not in result.stdout


def test_a_database_from_a_newer_app_is_refused_and_left_alone(tmp_db_path):
    conn = sqlite3.connect(tmp_db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = tmp_db_path.read_bytes()
    result = cli("--db", str(tmp_db_path), "verify")
    assert result.returncode == 2
    assert "更新版本" in result.stderr and "9999" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert tmp_db_path.read_bytes() == before


def test_restore_is_refused_while_the_app_has_the_database_open(tmp_db_path, tmp_path):
    from core.db.lock import InstanceLock

    backup = tmp_path / "copy.db"
    assert cli("--db", str(tmp_db_path), "backup", "--out", str(backup)).returncode == 0
    with InstanceLock(tmp_db_path):  # as the running window holds it
        before = tmp_db_path.read_bytes()
        result = cli("--db", str(tmp_db_path), "restore", str(backup))
    assert result.returncode == 2
    assert str(tmp_db_path) in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert tmp_db_path.read_bytes() == before


def test_report_prelive_writes_a_one_page_sheet_of_a_sample_session(tmp_path):
    from pypdf import PdfReader

    db = tmp_path / "studio.db"
    db.write_bytes((ROOT / "studio.db.sample").read_bytes())
    out = tmp_path / "prelive.pdf"
    result = cli("--db", str(db), "report", "prelive", "28", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    assert "开播前确认单" in reader.pages[0].extract_text()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".prelive")] == []  # no temp file left


def test_report_prelive_of_an_unknown_session_names_it_exits_2_and_writes_nothing(tmp_db_path, tmp_path):
    out = tmp_path / "prelive.pdf"
    result = cli("--db", str(tmp_db_path), "report", "prelive", "4242", "--out", str(out))
    assert result.returncode == 2
    assert "4242" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert [p.name for p in tmp_path.iterdir() if "prelive" in p.name] == []  # nothing half-written
