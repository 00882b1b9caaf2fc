"""导出舆情处置报告 Export an incident's summary (issue 6, deliverable 6): the timeline, actions and clocks met or
missed, printable from the app.

The PDF is built on the background lane by the same core functions ``python main.py report incident`` uses
(core.services.incident_summary.incident_summary_data + core.reports.incident_summary.build_incident_summary,
screenshots re-hashed against the vault) and written atomically (ui/pdf_export.py), so a failed export never leaves
half a PDF under the chosen name.

:func:`write_incident_summary` is the dialog-free part (a plain lane function, 'reports.print');
:func:`export_incident_summary_to` runs it and reports where the file went; :func:`export_incident_summary` first
asks where to save (the suggested name, 舆情报告-<code>-<date>.pdf, carries the incident code when the caller passes
it).
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
        folder_key="incident_summary/last_folder",
        stem=QCoreApplication.translate("IncidentSummaryExport", "incident-summary"),
        save_title=QCoreApplication.translate("IncidentSummaryExport", "Save the incident summary"),
        building=QCoreApplication.translate("IncidentSummaryExport", "Building the incident summary"),
        saved_title=QCoreApplication.translate("IncidentSummaryExport", "Incident summary saved"),
        saved_text=QCoreApplication.translate("IncidentSummaryExport", "The incident summary was saved to:"),
        failed_title=QCoreApplication.translate("IncidentSummaryExport", "Incident summary not saved"),
        failed_text=QCoreApplication.translate(
            "IncidentSummaryExport", "The incident summary could not be saved to %1."
        ),
        box_name="incidentSummary",
    )


def write_incident_summary(db: Any, actor: Any, incident_id: int, out: Path, **_lane: Any) -> Path:
    """Build incident ``incident_id``'s summary and write it to ``out`` ('reports.print'); returns the path."""
    from core import clock
    from core.reports.incident_summary import build_incident_summary
    from core.services.auth import require
    from core.services.incident_summary import incident_summary_data

    require(actor, "reports.print")
    with db.sessions() as session:
        data = incident_summary_data(session, incident_id, now=clock.now(), vault_dir=db.vault_dir)
    return pdf_export.write_atomically(build_incident_summary(data), out)


def default_path(incident: int | str, today: date | None = None) -> Path:
    """舆情报告-<incident code or id>-<date>.pdf in the folder used last time, else the documents folder."""
    return pdf_export.default_path(words(), incident, today)  # type: ignore[arg-type]


def export_incident_summary(
    context: PageContext, incident_id: int, parent: QWidget, *, code: str = ""
) -> Any:
    """Ask where to save, then export (see :func:`export_incident_summary_to`). Cancelling does nothing (None)."""
    out = pdf_export.ask_path(words(), code or incident_id, parent)  # type: ignore[arg-type]
    return None if out is None else export_incident_summary_to(context, incident_id, out, parent)


def export_incident_summary_to(
    context: PageContext, incident_id: int, out: Path, parent: QWidget | None
) -> Any:
    """Write the summary to ``out`` on the lane, then say where it went (Open) or plainly why it failed; the Task."""
    args = (context.db, context.actor, incident_id)
    return pdf_export.export_to(context, words(), write_incident_summary, args, out, parent)


__all__ = [
    "default_path",
    "export_incident_summary",
    "export_incident_summary_to",
    "write_incident_summary",
]
