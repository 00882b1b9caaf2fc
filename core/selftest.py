"""``self-test``: prove on this machine that every part of the app works, on a throw-away database.

Prints one line per check and returns 0 when all pass, 1 otherwise. Never touches the user's own data.
"""

from __future__ import annotations

import sys
import tempfile
import traceback
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from core import i18n

i18n.register(
    {
        "selftest.title": ("StudioDesk 自检", "StudioDesk self-test"),
        "selftest.ok": ("通过", "ok"),
        "selftest.fail": ("失败", "FAILED"),
        "selftest.summary_ok": ("全部 {n} 项通过。", "All {n} checks passed."),
        "selftest.summary_fail": ("{failed} / {n} 项失败。", "{failed} of {n} checks failed."),
        "selftest.python": ("Python 版本 {version}", "Python version {version}"),
        "selftest.resources": (
            "随附资源齐全（字体、译文、规则、示例数据）",
            "bundled resources present (font, translations, rules, sample)",
        ),
        "selftest.database": (
            "新建数据库、迁移到最新结构、完整性检查",
            "new database, migrated to the head schema, integrity check",
        ),
        "selftest.accounts": ("创建店主账号并登录", "owner account created and signed in"),
        "selftest.evidence": (
            "证据文件入库、账本记账、校验通过",
            "evidence file stored, ledger appended, verify passes",
        ),
        "selftest.backup": ("备份与恢复", "backup and restore"),
        "selftest.sample": ("示例数据库可打开并通过校验", "sample database opens and verifies"),
        "selftest.pdf": ("生成嵌入中文字体的 PDF", "PDF with the embedded Chinese font"),
        "selftest.calendar": ("节假日历覆盖 {year} 年", "holiday calendar covers {year}"),
    }
)


def _check_python() -> str:
    if sys.version_info < (3, 11):  # noqa: UP036 - a frozen build could still carry the wrong Python
        raise RuntimeError(sys.version)
    return ""


def _check_resources() -> str:
    from core.paths import resource, sample_database

    needed = [
        resource("fonts", "wqy-microhei.ttc"),
        resource("translations", "studiodesk_zh_CN.qm"),
        resource("rules", "security.json"),
        sample_database(),
    ]
    missing = [str(p) for p in needed if not p.is_file()]
    if missing:
        raise FileNotFoundError(", ".join(missing))
    return ""


class _Scratch:
    """A throw-away database in a temporary folder, shared by the checks that build on each other."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "selftest.db"
        self.db = None
        self.actor = None


def _check_database(s: _Scratch) -> str:
    from sqlalchemy import text

    from core.db.opening import open_database

    s.db = open_database(s.path, create=True)
    with s.db.engine.connect() as conn:
        result = conn.execute(text("PRAGMA integrity_check")).scalar()
    if result != "ok":
        raise RuntimeError(result)
    return ""


def _check_accounts(s: _Scratch) -> str:
    from core.services import auth

    with s.db.unit_of_work() as session:
        auth.create_owner(session, "selftest", "自检店主", "selftest-pass-1")
    with s.db.unit_of_work() as session:
        s.actor = auth.login(session, "selftest", "selftest-pass-1")
    return ""


def _check_evidence(s: _Scratch) -> str:
    from core import ledger, vault

    source = s.folder / "凭证.txt"
    source.write_text("自检证据文件", encoding="utf-8")
    with s.db.unit_of_work(s.actor) as session:
        vault.store_file(session, s.db.vault_dir, source, s.actor)
    report = ledger.verify(s.db)
    if not report.ok:
        raise RuntimeError(report.first_problem.message)
    return f"{report.head.count} / {report.head.hash[:12]}"


def _check_backup(s: _Scratch) -> str:
    from core.db.backup import backup_database, restore_database

    copy = backup_database(s.path, s.folder / "copy.db")
    s.db.dispose()
    restore_database(s.path, copy)
    return ""


def _check_sample() -> str:
    import shutil

    from core import ledger
    from core.db.opening import open_database
    from core.paths import sample_database, sample_vault, vault_dir_for

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "sample.db"
        shutil.copyfile(sample_database(), copy)
        shutil.copytree(sample_vault(), vault_dir_for(copy))  # its papers: verify hashes every file
        db = open_database(copy)
        try:
            report = ledger.verify(db)
        finally:
            db.dispose()
    if not report.ok:
        raise RuntimeError(report.first_problem.message)
    return ""


def _check_pdf() -> str:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from core.reports.fonts import register_fonts

    font = register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)
    canvas.setFont(font, 14)
    canvas.drawString(72, 760, "直播售后服务台 自检")
    canvas.save()
    data = buffer.getvalue()
    if not data.startswith(b"%PDF") or b"FontFile2" not in data:
        raise RuntimeError("font not embedded")
    return f"{len(data)} bytes"


def _check_calendar() -> str:
    import chinese_calendar

    chinese_calendar.is_workday(date(datetime.now(UTC).year, 1, 1))
    return ""


def run_self_test(out: Callable[[str], None] = print) -> int:
    """Run every check; print a line each; 0 when all pass."""
    year = datetime.now(UTC).year
    folder = Path(tempfile.mkdtemp(prefix="studiodesk-selftest-"))
    scratch = _Scratch(folder)
    checks: list[tuple[str, Callable[[], str]]] = [
        (i18n.t("selftest.python", version=sys.version.split()[0]), _check_python),
        (i18n.t("selftest.resources"), _check_resources),
        (i18n.t("selftest.database"), lambda: _check_database(scratch)),
        (i18n.t("selftest.accounts"), lambda: _check_accounts(scratch)),
        (i18n.t("selftest.evidence"), lambda: _check_evidence(scratch)),
        (i18n.t("selftest.backup"), lambda: _check_backup(scratch)),
        (i18n.t("selftest.sample"), _check_sample),
        (i18n.t("selftest.pdf"), _check_pdf),
        (i18n.t("selftest.calendar", year=year), _check_calendar),
    ]
    out(i18n.t("selftest.title"))
    failed = 0
    for label, check in checks:
        try:
            detail = check()
            out(f"  [{i18n.t('selftest.ok')}] {label}" + (f" ({detail})" if detail else ""))
        except Exception as exc:
            failed += 1
            out(f"  [{i18n.t('selftest.fail')}] {label}: {type(exc).__name__}: {exc}")
            if "--traceback" in sys.argv:
                traceback.print_exc()
    if scratch.db is not None:
        scratch.db.dispose()
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    if failed:
        out(i18n.t("selftest.summary_fail", failed=failed, n=len(checks)))
        return 1
    out(i18n.t("selftest.summary_ok", n=len(checks)))
    return 0
