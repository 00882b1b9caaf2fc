"""The evidence vault: files copied into the data folder under their SHA-256 name (DESIGN §Evidence and integrity).

Nothing is read from the user's original path again after :func:`store_file` returns, so a screenshot deleted
from the desktop is still evidence (电子商务法 Art 62: the seller must produce original records in a dispute).
Files are written to a temporary name beside their final place, flushed to disk and renamed, so a crash never
leaves a half-written file under a hash name; they are then marked read-only against accidental edits.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy.orm import Session

from core import i18n, ledger

CHUNK = 1 << 20

i18n.register(
    {
        "vault.copy_missing": (
            "证据库里找不到这个文件（{name}），或它的内容已被改动；请运行“校验”查看详情",
            "The evidence vault does not hold this file ({name}), or its content was changed; run verify for details",
        ),
        "vault.source_missing": ("找不到要存入的文件：{path}", "The file to store cannot be found: {path}"),
        "vault.source_unreadable": (
            "无法读取文件 {path}：{reason}",
            "The file {path} cannot be read: {reason}",
        ),
    }
)


def path_for(vault_dir: Path, sha: str) -> Path:
    """Where the file with hash ``sha`` lives: ``vault_dir/sha[:2]/sha``."""
    return Path(vault_dir) / sha[:2] / sha


def file_matches(vault_dir: Path, sha: str) -> bool:
    """True when the vault holds the file ``sha`` and its content still hashes to that name."""
    path = path_for(vault_dir, sha)
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest() == sha
    except OSError:
        return False


def reading_copy(vault_dir: Path, sha: str, original_name: str, folder: Path) -> Path:
    """A copy of vault file ``sha`` under its original name in ``folder``, for a person to open.

    The vault names files by hash, without an extension, so the system would not know how to open them; the copy
    carries the name it was uploaded with. The content is checked against its hash first: a missing or changed
    file raises :class:`FileNotFoundError` with a sentence saying so. The vault itself is never touched.
    """
    if not file_matches(vault_dir, sha):
        raise FileNotFoundError(i18n.t("vault.copy_missing", name=original_name or sha[:12]))
    safe = Path(original_name).name or sha
    target = Path(folder) / sha[:12] / safe
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path_for(vault_dir, sha), target)
    return target


def reading_copy_of(session: Session, vault_dir: Path, sha: str, folder: Path) -> Path:
    """:func:`reading_copy` under the name the file was stored with (its ``vault_files`` row)."""
    from core.db.models import VaultFile

    row = session.get(VaultFile, sha)
    return reading_copy(vault_dir, sha, row.original_name if row is not None else "", folder)


def _copy_in(vault_dir: Path, source: BinaryIO) -> tuple[str, int]:
    """Copy ``source`` into the vault; return (sha256, size). Atomic: temp file, fsync, rename."""
    vault_dir = Path(vault_dir)
    vault_dir.mkdir(parents=True, exist_ok=True)
    digest, size = hashlib.sha256(), 0
    fd, temp_name = tempfile.mkstemp(prefix=".incoming-", dir=vault_dir)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := source.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        target = path_for(vault_dir, sha)
        if file_matches(vault_dir, sha):
            temp.unlink()
        else:
            target.parent.mkdir(exist_ok=True)
            if target.exists():  # a damaged copy: replace it with the good one
                target.chmod(stat.S_IRUSR | stat.S_IWUSR)
            os.replace(temp, target)
            target.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        return sha, size
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _record(
    session: Session, sha: str, size: int, actor: Any, original_name: str, media_type: str | None
) -> None:
    from core.db.models import VaultFile

    if session.get(VaultFile, sha) is not None:
        return
    media = media_type or mimetypes.guess_type(original_name)[0] or "application/octet-stream"
    session.add(
        VaultFile(
            sha256=sha,
            size=size,
            original_name=original_name[:255],
            media_type=media[:100],
            added_by=getattr(actor, "user_id", None),
        )
    )
    ledger.append(
        session,
        actor,
        "vault.added",
        subject_type="vault_file",
        subject_id=sha,
        data={"sha256": sha, "size": size, "original_name": original_name[:255], "media_type": media[:100]},
    )


def store_file(
    session: Session,
    vault_dir: Path,
    source: Path,
    actor: Any,
    *,
    original_name: str | None = None,
    media_type: str | None = None,
) -> str:
    """Copy ``source`` into the vault and return its SHA-256.

    A file the vault already holds is not recorded twice (same hash, same evidence). A new file gets a
    ``vault_files`` row and a ``vault.added`` ledger entry in the caller's transaction. Raises ``FileNotFoundError``
    / ``OSError`` with a readable message when the source cannot be read. If the transaction later rolls back, the
    copied file stays as an unreferenced orphan (harmless; it is never listed).
    """
    source = Path(source)
    try:
        with source.open("rb") as handle:
            sha, size = _copy_in(vault_dir, handle)
    except FileNotFoundError as exc:
        raise FileNotFoundError(i18n.t("vault.source_missing", path=source)) from exc
    except OSError as exc:
        raise OSError(i18n.t("vault.source_unreadable", path=source, reason=exc.strerror or exc)) from exc
    _record(session, sha, size, actor, original_name or source.name, media_type)
    return sha


def store_bytes(
    session: Session,
    vault_dir: Path,
    data: bytes,
    actor: Any,
    *,
    original_name: str,
    media_type: str | None = None,
) -> str:
    """Like :func:`store_file` for content already in memory (a pasted screenshot, a generated PDF)."""
    import io

    sha, size = _copy_in(vault_dir, io.BytesIO(data))
    _record(session, sha, size, actor, original_name, media_type)
    return sha


@contextmanager
def stored_with(session: Session, vault_dir: Path, sha_ahead: str) -> Iterator[None]:
    """Run the block (which stores the file hashed ``sha_ahead`` and records what points at it) in a savepoint:
    if the block fails and the file was new to the vault, the copy is removed again, so a refused sign-off or
    attachment leaves no orphan file behind. ``OSError`` from storing is the caller's to name."""
    from core.db.models import VaultFile

    fresh = session.get(VaultFile, sha_ahead) is None and not path_for(vault_dir, sha_ahead).exists()
    try:
        with session.begin_nested():
            yield
    except BaseException:
        if fresh:
            _remove_quietly(path_for(vault_dir, sha_ahead))
        raise


def _remove_quietly(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
        path.unlink()
    except OSError:
        pass
