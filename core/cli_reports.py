"""The ``import-orders`` and ``report`` commands of :mod:`core.cli` (DESIGN §Command line).

Split from :mod:`core.cli`, which parses the arguments, dispatches here and re-exports these names. Everything
heavy (the database, the importers, ReportLab) is imported inside the functions: :mod:`core.cli` is on the
start-up path, so importing this module stays as light as importing it.
"""

from __future__ import annotations

import json
from pathlib import Path

from core import i18n

i18n.register(
    {
        "cli.report.bad_month": (
            "--month 应写作 YYYY-MM（如 2026-10），收到的是“{month}”",
            "--month must be YYYY-MM (e.g. 2026-10), not “{month}”",
        ),
    }
)


def _import_orders(
    path: Path,
    file: Path,
    platform: str | None,
    dry_run: bool,
    *,
    as_json: bool,
    mapping_name: str | None = None,
) -> int:
    """``import-orders``: the whole file or nothing (core.services.order_import). ``--json`` prints exactly the four
    counts, also on a refused file (``rejected`` = its bad rows, the rest 0); the reason goes to stderr, exit 2."""
    from core.cli import EXIT_OK, _fail
    from core.db.opening import open_database
    from core.domain.roles import SYSTEM
    from core.errors import InvalidInput
    from core.services.order_import import OrderImportRefused, import_orders

    db = open_database(path)
    try:
        with db.unit_of_work(SYSTEM) as session:
            result = import_orders(
                session, SYSTEM, file, platform=platform, dry_run=dry_run, mapping_name=mapping_name
            )
    except InvalidInput as exc:
        if as_json:
            rejected = exc.rejected if isinstance(exc, OrderImportRefused) else 0
            print(json.dumps({"added": 0, "updated": 0, "unchanged": 0, "rejected": rejected}))
        return _fail(str(exc))
    finally:
        db.dispose()
    if as_json:
        print(json.dumps(result.counts()))
        return EXIT_OK
    preset = result.preset_name or presets_name(result.platform)
    key = "cli.import.detected" if result.detected else "cli.import.preset"
    print(i18n.t(key, preset=preset, file=file.name))
    done = "cli.import.dry_run_done" if dry_run else "cli.import.done"
    print(i18n.t(done, added=result.added, updated=result.updated, unchanged=result.unchanged))
    return EXIT_OK


def presets_name(platform: str) -> str:
    """The preset's name in the current language (抖店, 快手小店…)."""
    from core.importers.order_sheet import presets

    return presets()[platform].name


def _report(path: Path, kind: str, session_id: int | str, out: Path) -> int:
    """Write the ``kind`` sheet ("prelive" or "session" of a session id; "evidence" of a ticket code, attachments
    re-hashed against the vault; "incident" of an incident code, screenshots re-hashed and printed) to ``out`` atomically (temp file + rename; nothing on error, e.g. an unknown id)."""
    from core import clock
    from core.cli import EXIT_OK, _fail
    from core.db.opening import open_database

    db = open_database(path)
    try:
        with db.sessions() as session:
            now = clock.now()
            if kind == "prelive":
                from core.reports.prelive_sheet import build_prelive_sheet
                from core.services.prelive import prelive_sheet_data
                from core.services.studio import studio_today

                today = studio_today(session, now)
                pdf = build_prelive_sheet(prelive_sheet_data(session, session_id, today=today, now=now))
            elif kind == "evidence":
                from core.reports.evidence_pack import build_evidence_pack
                from core.services.evidence_pack import evidence_pack_for_code

                data = evidence_pack_for_code(session, str(session_id), now=now, vault_dir=db.vault_dir)
                pdf = build_evidence_pack(data)
            elif kind == "incident":
                from core.reports.incident_summary import build_incident_summary
                from core.services.incident_summary import incident_summary_for_code

                summary = incident_summary_for_code(session, str(session_id), now=now, vault_dir=db.vault_dir)
                pdf = build_incident_summary(summary)
            else:
                from core.reports.session_report import build_session_report
                from core.services.session_report import session_report_data

                pdf = build_session_report(session_report_data(session, int(session_id), now=now))
    finally:
        db.dispose()
    from core.files import write_atomically

    try:
        write_atomically(pdf, out)
    except OSError as exc:
        return _fail(i18n.t("cli.report.unwritable", file=out, problem=exc.strerror or type(exc).__name__))
    print(i18n.t("cli.report.written", path=out))
    return EXIT_OK


def _monthly(path: Path, month: str, out: Path) -> int:
    """``report monthly --month YYYY-MM``: the monthly service-evaluation report (issue 7) written atomically to
    ``out``; a bad month is refused before the database is opened (exit 2 naming ``--month``), nothing is written on
    any error."""
    from core import clock
    from core.cli import EXIT_OK, _fail
    from core.errors import InvalidInput
    from core.services.kpis import month_range

    try:
        month_range(month)
    except InvalidInput:
        return _fail(i18n.t("cli.report.bad_month", month=month))
    from core.db.opening import open_database
    from core.files import write_atomically
    from core.reports.monthly_report import build_monthly_report
    from core.services.monthly_report import monthly_report_data

    db = open_database(path)
    try:
        with db.sessions() as session:
            pdf = build_monthly_report(monthly_report_data(session, month, now=clock.now()))
    finally:
        db.dispose()
    try:
        write_atomically(pdf, out)
    except OSError as exc:
        return _fail(i18n.t("cli.report.unwritable", file=out, problem=exc.strerror or type(exc).__name__))
    print(i18n.t("cli.report.written", path=out))
    return EXIT_OK
