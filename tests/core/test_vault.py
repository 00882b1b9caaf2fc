"""The evidence vault: files kept under their SHA-256, independent of the user's original file."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from core import ledger, vault
from core.db.models import VaultFile

CONTENT = "商品质检报告：合格".encode()
SHA = hashlib.sha256(CONTENT).hexdigest()


def test_a_stored_file_survives_the_original_being_deleted(tmp_db, owner, tmp_path):
    source = tmp_path / "质检报告.pdf"
    source.write_bytes(CONTENT)
    with tmp_db.unit_of_work(owner) as session:
        sha = vault.store_file(session, tmp_db.vault_dir, source, owner)
    source.unlink()
    assert sha == SHA
    stored = vault.path_for(tmp_db.vault_dir, sha)
    assert stored == tmp_db.vault_dir / sha[:2] / sha
    assert stored.read_bytes() == CONTENT
    assert vault.file_matches(tmp_db.vault_dir, sha)


def test_a_stored_file_is_recorded_with_who_and_what(tmp_db, tmp_db_path, owner, tmp_path):
    source = tmp_path / "质检报告.pdf"
    source.write_bytes(CONTENT)
    with tmp_db.unit_of_work(owner) as session:
        vault.store_file(session, tmp_db.vault_dir, source, owner)
    with tmp_db.sessions() as session:
        row = session.get(VaultFile, SHA)
        assert (row.original_name, row.media_type, row.size, row.added_by) == (
            "质检报告.pdf",
            "application/pdf",
            len(CONTENT),
            owner.user_id,
        )
    entry = (
        sqlite3.connect(tmp_db_path)
        .execute("SELECT kind, subject_type, subject_id FROM ledger_entries")
        .fetchone()
    )
    assert entry == ("vault.added", "vault_file", SHA)


def test_the_same_evidence_twice_is_kept_once(tmp_db, tmp_db_path, owner, tmp_path):
    for name in ("a.png", "b.png"):
        (tmp_path / name).write_bytes(CONTENT)
        with tmp_db.unit_of_work(owner) as session:
            vault.store_file(session, tmp_db.vault_dir, tmp_path / name, owner)
    conn = sqlite3.connect(tmp_db_path)
    assert conn.execute("SELECT count(*) FROM vault_files").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM ledger_entries").fetchone()[0] == 1
    assert ledger.verify(tmp_db).ok


def test_bytes_from_memory_are_stored_like_files(tmp_db, owner):
    with tmp_db.unit_of_work(owner) as session:
        sha = vault.store_bytes(session, tmp_db.vault_dir, CONTENT, owner, original_name="粘贴的截图.png")
    assert sha == SHA and vault.file_matches(tmp_db.vault_dir, sha)
    with tmp_db.sessions() as session:
        assert session.get(VaultFile, sha).media_type == "image/png"


def test_no_half_written_files_are_left_behind(tmp_db, owner, tmp_path):
    (tmp_path / "x.txt").write_bytes(CONTENT)
    with tmp_db.unit_of_work(owner) as session:
        vault.store_file(session, tmp_db.vault_dir, tmp_path / "x.txt", owner)
    leftovers = [p.name for p in tmp_db.vault_dir.rglob("*") if p.is_file() and p.name != SHA]
    assert leftovers == []


def test_a_damaged_copy_is_replaced_when_the_evidence_is_added_again(tmp_db, owner, tmp_path):
    (tmp_path / "x.txt").write_bytes(CONTENT)
    with tmp_db.unit_of_work(owner) as session:
        vault.store_file(session, tmp_db.vault_dir, tmp_path / "x.txt", owner)
    stored = vault.path_for(tmp_db.vault_dir, SHA)
    stored.chmod(0o644)
    stored.write_bytes(b"damaged")
    assert not vault.file_matches(tmp_db.vault_dir, SHA)
    with tmp_db.unit_of_work(owner) as session:
        vault.store_file(session, tmp_db.vault_dir, tmp_path / "x.txt", owner)
    assert vault.file_matches(tmp_db.vault_dir, SHA)


def test_a_missing_source_names_the_file_and_records_nothing(tmp_db, tmp_db_path, owner, tmp_path):
    missing = tmp_path / "不存在.jpg"
    with tmp_db.unit_of_work(owner) as session, pytest.raises(FileNotFoundError, match=r"不存在\.jpg"):
        vault.store_file(session, tmp_db.vault_dir, missing, owner)
    assert sqlite3.connect(tmp_db_path).execute("SELECT count(*) FROM vault_files").fetchone()[0] == 0


def test_file_matches_is_false_for_an_unknown_hash(tmp_db):
    assert not vault.file_matches(tmp_db.vault_dir, "0" * 64)


def test_a_reading_copy_carries_the_uploaded_name_and_refuses_a_changed_file(tmp_db, owner, tmp_path):
    """Evidence is shown only if it still matches its hash (the vault is never edited)."""
    from core import vault
    from core.paths import vault_dir_for

    source = tmp_path / "营业执照.pdf"
    source.write_bytes(b"%PDF-1.4 licence")
    vault_dir = vault_dir_for(tmp_db.path)
    with tmp_db.unit_of_work(owner) as session:
        sha = vault.store_file(session, vault_dir, source, owner)
    copy = vault.reading_copy(vault_dir, sha, "营业执照.pdf", tmp_path / "out")
    assert copy.name == "营业执照.pdf" and copy.read_bytes() == source.read_bytes()
    stored = vault.path_for(vault_dir, sha)
    stored.chmod(0o644)
    stored.write_bytes(b"tampered")
    with pytest.raises(FileNotFoundError, match="已被改动"):
        vault.reading_copy(vault_dir, sha, "营业执照.pdf", tmp_path / "out2")
