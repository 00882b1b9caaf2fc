"""Opening an evidence file (a paper's scan, a checklist item's evidence) with the system's own viewer.

The vault names files by hash; core makes a checked copy under the name it was stored with, on the lane, and this
hands it to the system. A changed or missing file comes back as a sentence for the caller to show.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices

from ui.context import PageContext


def reading_copy(db: Any, sha: str, name: str | None = None, **_lane: Any) -> str:
    """On the lane: a hash-checked copy of vault file ``sha`` (under ``name``, or the stored name) in the temp folder."""
    from core import vault

    folder = Path(tempfile.gettempdir()) / "studiodesk-evidence"
    if name:
        return str(vault.reading_copy(db.vault_dir, sha, name, folder))
    with db.sessions() as session:
        return str(vault.reading_copy_of(session, db.vault_dir, sha, folder))


def open_vault_file(context: PageContext, owner: QObject, sha: str, name: str | None = None) -> Any:
    """Copy on the lane, then open with ``owner.open_url`` (QDesktopServices.openUrl unless a test replaced it).

    Returns the task: ``succeeded(path)`` after the file was handed over, ``failed(exc)`` with the reason.
    """
    task = context.tasks.run(
        QCoreApplication.translate("VaultFiles", "Opening the file"), reading_copy, context.db, sha, name
    ).bind(owner)
    opener = getattr(owner, "open_url", QDesktopServices.openUrl)
    task.succeeded.connect(lambda path: opener(QUrl.fromLocalFile(path)))
    return task
