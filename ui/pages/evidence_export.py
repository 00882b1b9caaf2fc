"""导出证据包 Export a ticket's evidence pack (issue 5, item 7): the PDF a studio sends with a platform appeal or a
12315 mediation.

The PDF is built on the background lane by the same core functions ``python main.py report evidence`` uses
(core.services.evidence_pack.evidence_pack_data + core.reports.evidence_pack.build_evidence_pack, attachments re-hashed
against the vault) and written atomically (ui/pdf_export.py), so a failed export never leaves half a PDF under the
chosen name.

:func:`write_evidence_pack` is the dialog-free part (a plain lane function, 'reports.print');
:func:`export_evidence_pack_to` runs it and reports where the file went; :func:`export_evidence_pack` first asks
where to save (the suggested name carries the ticket code when the caller passes it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui import pdf_export
from ui.context import PageContext


def words() -> pdf_export.SheetWords:
    return pdf_export.SheetWords(
        folder_key="evidence_pack/last_folder",
        stem=QCoreApplication.translate("EvidenceExport", "evidence-pack"),
        save_title=QCoreApplication.translate("EvidenceExport", "Save the evidence pack"),
        building=QCoreApplication.translate("EvidenceExport", "Building the evidence pack"),
        saved_title=QCoreApplication.translate("EvidenceExport", "Evidence pack saved"),
        saved_text=QCoreApplication.translate("EvidenceExport", "The evidence pack was saved to:"),
        failed_title=QCoreApplication.translate("EvidenceExport", "Evidence pack not saved"),
        failed_text=QCoreApplication.translate(
            "EvidenceExport", "The evidence pack could not be saved to %1."
        ),
        box_name="evidencePack",
    )


def write_evidence_pack(db: Any, actor: Any, ticket_id: int, out: Path, **_lane: Any) -> Path:
    """Build ticket ``ticket_id``'s evidence pack and write it to ``out`` ('reports.print'); returns the path."""
    from core import clock
    from core.reports.evidence_pack import build_evidence_pack
    from core.services.auth import require
    from core.services.evidence_pack import evidence_pack_data

    require(actor, "reports.print")
    with db.sessions() as session:
        data = evidence_pack_data(session, ticket_id, now=clock.now(), vault_dir=db.vault_dir)
    return pdf_export.write_atomically(build_evidence_pack(data), out)


def default_path(ticket: int | str, today: date | None = None) -> Path:
    """证据包-<ticket code or id>-<date>.pdf in the folder used last time, else the user's documents folder."""
    return pdf_export.default_path(words(), ticket, today)  # type: ignore[arg-type]


def export_evidence_pack(context: PageContext, ticket_id: int, parent: QWidget, *, code: str = "") -> Any:
    """Ask where to save, then export (see :func:`export_evidence_pack_to`). Cancelling does nothing (None)."""
    out = pdf_export.ask_path(words(), code or ticket_id, parent)  # type: ignore[arg-type]
    return None if out is None else export_evidence_pack_to(context, ticket_id, out, parent)


def export_evidence_pack_to(context: PageContext, ticket_id: int, out: Path, parent: QWidget | None) -> Any:
    """Write the pack to ``out`` on the lane, then say where it went (Open) or plainly why it failed; the Task."""
    args = (context.db, context.actor, ticket_id)
    return pdf_export.export_to(context, words(), write_evidence_pack, args, out, parent)


__all__ = ["default_path", "export_evidence_pack", "export_evidence_pack_to", "write_evidence_pack"]
