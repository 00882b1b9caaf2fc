"""Signing a checklist item off as done with an evidence file (证据): the file goes into the vault first.

Why: the room operator keeps the pre-live verification records at least three years (《直播电商监督管理办法》, 2026;
电子商务法 Art 62 — in a dispute the seller produces the original records), so a screenshot of the recording setting
or a photo of the gift stock is copied into the vault and the sign-off points at it by hash.

Contract of :func:`mark_done_with_file`: 'checklist.sign'; the file must be readable and no larger than the
``max_document_mb`` of the ``documents`` rule data (the same limit as papers), else :class:`InvalidInput` with
``field="file"`` before anything is written. The vault record, its ``vault.added`` ledger entry and the item's
sign-off (:func:`core.services.checklist.mark_done`) are written in one savepoint of the caller's unit of work; when
any of them fails, none is kept and a file newly copied into the vault is removed again.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from core import i18n, vault
from core.domain.roles import Actor
from core.errors import InvalidInput
from core.services.auth import require
from core.services.catalog import documents_rule
from core.services.catalog_documents import DEFAULT_MAX_DOCUMENT_MB, check_upload
from core.services.checklist import ChecklistItemView, mark_done

i18n.register(
    {
        "checklist.evidence_not_file": ("证据 {path} 不是文件", "The evidence {path} is not a file"),
        "checklist.evidence_unreadable": (
            "无法读取证据文件 {path}：{reason}",
            "The evidence file {path} cannot be read: {reason}",
        ),
        "checklist.evidence_too_large": (
            "证据文件 {path} 有 {size_mb} MB，超过上限 {limit_mb} MB；请压缩或截取关键部分后再上传",
            "The evidence file {path} is {size_mb} MB, above the {limit_mb} MB limit; compress it or keep the part "
            "that matters",
        ),
    }
)


EVIDENCE_FILE_MESSAGES = (
    "checklist.evidence_not_file",
    "checklist.evidence_unreadable",
    "checklist.evidence_too_large",
)


def mark_done_with_file(
    session: Session,
    actor: Actor,
    vault_dir: Path,
    run_item_id: int,
    file: Path,
    *,
    now: datetime | None = None,
) -> ChecklistItemView:
    """Copy ``file`` into the vault and sign the item off as done pointing at it (see the module contract)."""
    require(actor, "checklist.sign")
    source = Path(file)
    limit = float(documents_rule(session).get("max_document_mb", DEFAULT_MAX_DOCUMENT_MB))
    check_upload(source, limit, EVIDENCE_FILE_MESSAGES)
    with source.open("rb") as handle:
        sha_ahead = hashlib.file_digest(handle, "sha256").hexdigest()
    with vault.stored_with(session, vault_dir, sha_ahead):
        try:
            sha = vault.store_file(session, vault_dir, source, actor)
        except OSError as exc:
            raise InvalidInput(str(exc), field="file") from exc
        return mark_done(session, actor, run_item_id, evidence_sha256=sha, now=now)


__all__ = ["mark_done_with_file"]
