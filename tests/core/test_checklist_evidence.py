"""A checklist item signed off with an evidence file (issue #3 deliverable 3: "with who and when and optional evidence").

Basis: 《直播电商监督管理办法》(2026) — the pre-live verification records are kept at least three years; 电子商务法
Art 62 — in a dispute the seller produces the original records, so the file is copied into the vault.
"""

from __future__ import annotations

import pytest

from core import ledger, vault
from core.db.models import LiveSession
from core.errors import InvalidInput
from core.services import checklist
from core.services.checklist_evidence import mark_done_with_file
from tests.builders import PLANNED


@pytest.fixture
def first_item(tmp_db, owner) -> checklist.ChecklistItemView:
    with tmp_db.unit_of_work(owner) as session:
        live = LiveSession(
            title="年货节专场", platform="douyin", planned_start=PLANNED, created_by=owner.user_id
        )
        session.add(live)
        session.flush()
        return checklist.start_run(session, owner, live.id).items[0]


def vault_files(tmp_db) -> list:
    return [p for p in tmp_db.vault_dir.rglob("*") if p.is_file() and not p.name.startswith(".")]


def test_the_file_goes_into_the_vault_and_the_sign_off_points_at_it_dianshang_fa_art62(
    tmp_db, owner, first_item, tmp_path
):
    photo = tmp_path / "录像设置截图.png"
    photo.write_bytes(b"\x89PNG recording is on")
    with tmp_db.unit_of_work(owner) as session:
        signed = mark_done_with_file(session, owner, tmp_db.vault_dir, first_item.id, photo)
    assert signed.state == "done" and signed.by_user_id == owner.user_id
    assert vault.file_matches(tmp_db.vault_dir, signed.evidence_sha256)
    photo.unlink()  # the original may go: the vault keeps its own copy
    assert vault.file_matches(tmp_db.vault_dir, signed.evidence_sha256)
    report = ledger.verify(tmp_db)
    assert report.ok, report.first_problem


def test_a_missing_file_is_refused_naming_the_file_field_and_nothing_is_signed(
    tmp_db, owner, first_item, tmp_path
):
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        mark_done_with_file(session, owner, tmp_db.vault_dir, first_item.id, tmp_path / "没有这个文件.png")
    assert refused.value.field == "file" and "没有这个文件.png" in str(refused.value)
    with tmp_db.sessions() as session:
        assert checklist.get_run(session, first_item_session(tmp_db)).items[0].state == "open"


def test_an_oversize_file_is_refused_before_anything_is_copied(tmp_db, owner, first_item, tmp_path):
    from core.services.catalog import documents_rule

    with tmp_db.sessions() as session:
        limit_mb = float(documents_rule(session)["max_document_mb"])
    big = tmp_path / "整场录像.mp4"
    with big.open("wb") as handle:
        handle.truncate(int(limit_mb * 1024 * 1024) + 1)
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        mark_done_with_file(session, owner, tmp_db.vault_dir, first_item.id, big)
    assert refused.value.field == "file" and "MB" in str(refused.value)
    assert vault_files(tmp_db) == []


def test_a_refused_sign_off_leaves_no_new_file_in_the_vault(tmp_db, owner, first_item, tmp_path):
    session_id = first_item_session(tmp_db)
    with tmp_db.unit_of_work(owner) as session:
        checklist.override_gate(session, owner, session_id, "平台改期")
        checklist.go_live(session, owner, session_id)
    photo = tmp_path / "赠品库存.jpg"
    photo.write_bytes(b"gift stock photo")
    with tmp_db.unit_of_work(owner) as session, pytest.raises(InvalidInput) as refused:
        mark_done_with_file(session, owner, tmp_db.vault_dir, first_item.id, photo)
    assert refused.value.field == "status"  # the session is live: its checklist is frozen
    assert vault_files(tmp_db) == []


def first_item_session(tmp_db) -> int:
    with tmp_db.sessions() as session:
        return session.connection().exec_driver_sql("SELECT id FROM live_sessions").scalar_one()
