"""The command line (DESIGN §Command line): a stable contract beside the GUI.

Exit codes: 0 success; 1 a check failed (verify found a break, lint found an error-level term); 2 bad usage or
bad input, with one line on stderr that says what and where, and nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from core import i18n
from core.about import APP_NAME_EN, APP_NAME_ZH, VERSION
from core.cli_reports import _import_orders, _monthly, _report
from core.cli_reports import presets_name as presets_name

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT = 0, 1, 2

i18n.register(
    {
        "cli.description": (
            f"{APP_NAME_ZH}：直播电商售后服务台。不带命令时打开图形界面。",
            f"{APP_NAME_EN}: the after-sales service desk for live-stream studios. With no command it opens the window.",
        ),
        "cli.db": (
            "数据库文件（默认：本机用户数据文件夹中的 studio.db）",
            "database file (default: studio.db in your data folder)",
        ),
        "cli.demo": (
            "在演示数据的临时副本上打开图形界面",
            "open the window on a fresh temporary copy of the demo data",
        ),
        "cli.lang": ("界面与消息语言：zh_CN（默认）或 en", "language of messages: zh_CN (default) or en"),
        "cli.version": ("显示版本后退出", "show the version and exit"),
        "cli.commands": ("命令", "commands"),
        "cli.import_orders": (
            "导入平台订单导出文件（CSV/XLSX）",
            "import a platform order export (CSV/XLSX)",
        ),
        "cli.import.file": ("订单导出文件", "the order export file"),
        "cli.import.platform": ("文件来自哪个平台", "the platform the file comes from"),
        "cli.import.dry_run": ("只检查，不写入", "check only, write nothing"),
        "cli.import.mapping": (
            "按图形界面中保存的列对应（名称）读取文件",
            "read the file with a column mapping saved in the window (its name)",
        ),
        "cli.json": ("以 JSON 输出结果", "print the result as JSON"),
        "cli.import.detected": (
            "按列名识别为{preset}导出：{file}",
            "Recognised as a {preset} export from its headers: {file}",
        ),
        "cli.import.preset": ("按{preset}导出格式读取：{file}", "Read as a {preset} export: {file}"),
        "cli.import.done": (
            "已导入：新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条。",
            "Imported: {added} added, {updated} updated, {unchanged} unchanged.",
        ),
        "cli.import.dry_run_done": (
            "仅检查，未写入：将新增 {added} 条，更新 {updated} 条，未变 {unchanged} 条。",
            "Dry run, nothing written: {added} would be added, {updated} updated, {unchanged} unchanged.",
        ),
        "cli.report": ("生成 PDF 报告", "build a PDF report"),
        "cli.report.monthly": ("月度服务评价报告", "the monthly service-evaluation report"),
        "cli.report.month": ("月份，格式 YYYY-MM", "the month, as YYYY-MM"),
        "cli.report.session": (
            "单场直播的承诺单（每条承诺与更正，供主播签字）及本场售后情况",
            "one live session's promise sheet (every promise and correction, for the host to sign) and its "
            "after-sales picture",
        ),
        "cli.report.session_id": ("场次编号", "the session id"),
        "cli.report.evidence": ("工单证据包", "a ticket's evidence pack"),
        "cli.report.ticket": ("工单编号，例如 SH-202611-0042", "the ticket code, e.g. SH-202611-0042"),
        "cli.report.incident": ("舆情处置报告", "an incident's summary"),
        "cli.report.incident_code": ("舆情编号，例如 YQ-202611-001", "the incident code, e.g. YQ-202611-001"),
        "cli.report.out": ("输出的 PDF 文件", "the PDF file to write"),
        "cli.report.prelive": (
            "开播前确认单（一页 A4，供主播上播前阅读签字）",
            "the pre-live sheet (one A4 page for the host to read and sign before going on air)",
        ),
        "cli.report.written": ("已生成：{path}", "Written: {path}"),
        "cli.report.unwritable": ("无法写入 {file}：{problem}", "cannot write {file}: {problem}"),
        "cli.lint": ("检查话术中的违规用语", "check sales wording for banned or risky terms"),
        "cli.lint.category": ("商品类目（影响严重程度）", "product category (changes severity)"),
        "cli.lint.text": ("要检查的文字", "the text to check"),
        "cli.lint.file": ("从文件读取文字（UTF-8）", "read the text from a file (UTF-8)"),
        "cli.verify": (
            "校验证据账本、记录与证据文件是否被改动",
            "check the ledger, records and evidence files for tampering",
        ),
        "cli.backup": ("立即备份数据库", "back up the database now"),
        "cli.backup.out": (
            "备份文件（默认：数据文件旁的备份文件夹）",
            "backup file (default: the backups folder beside the data)",
        ),
        "cli.restore": (
            "从备份恢复数据库（先自动备份当前数据）",
            "restore the database from a backup (the current data is backed up first)",
        ),
        "cli.restore.file": ("备份文件", "the backup file"),
        "cli.self_test": (
            "自检：检查本程序的各部分能否工作",
            "self-test: check that every part of the app works here",
        ),
        "cli.not_available": (
            "“{command}”功能尚未提供，将随第 {issue} 号议题上线。",
            "'{command}' is not available yet; it arrives with issue {issue}.",
        ),
        "cli.backup.done": ("已备份到：{path}", "Backed up to: {path}"),
        "cli.restore.done": (
            "已从 {source} 恢复。恢复前的数据已备份到：{pre}",
            "Restored from {source}. The data as it was before is backed up at: {pre}",
        ),
        "cli.verify.ok": (
            "校验通过：账本 {entries} 条，记录 {rows} 条，证据文件 {files} 个。账本头：{count} 条 / {hash}",
            "Verified: {entries} ledger entries, {rows} records, {files} evidence files. Ledger head: {count} / {hash}",
        ),
        "cli.verify.failed": (
            "校验失败，发现 {n} 处问题。第一处：{first}",
            "Verification failed: {n} problem(s). First: {first}",
        ),
        "cli.error": ("错误：{message}", "error: {message}"),
        "cli.lint.clean": ("未发现违规用语。", "No banned or risky terms found."),
        "cli.lint.summary": (
            "共 {n} 处：错误 {error}，警告 {warning}，提示 {info}。",
            "{n} finding(s): {error} error, {warning} warning, {info} info.",
        ),
        "cli.lint.finding": (
            "第 {start} 字 “{term}” [{severity}] {reason}（依据：{basis}）",
            "character {start}: “{term}” [{severity}] {reason} (basis: {basis})",
        ),
        "cli.lint.severity.error": ("错误", "error"),
        "cli.lint.severity.warning": ("警告", "warning"),
        "cli.lint.severity.info": ("提示", "info"),
        "cli.lint.unreadable": (
            "无法读取文件 {file}：{problem}",
            "cannot read the file {file}: {problem}",
        ),
        "cli.lint.not_utf8": (
            "文件 {file} 不是 UTF-8 编码的文字，请另存为 UTF-8 后重试",
            "the file {file} is not UTF-8 text; save it as UTF-8 and try again",
        ),
    }
)

# Commands whose issue has not landed yet, and the issue that brings them (none left since issue 7).
PENDING: dict[str, int] = {}


def _preferred_language(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return i18n.language_from_environment()


def build_parser() -> argparse.ArgumentParser:
    """The parser, with help in the current core language."""
    t = i18n.t
    parser = argparse.ArgumentParser(description=t("cli.description"))
    parser.add_argument("--db", type=Path, metavar="PATH", help=t("cli.db"))
    parser.add_argument("--demo", action="store_true", help=t("cli.demo"))
    parser.add_argument("--lang", choices=["zh_CN", "en"], help=t("cli.lang"))
    parser.add_argument(
        "--version", action="version", version=f"{APP_NAME_EN} {VERSION}", help=t("cli.version")
    )
    sub = parser.add_subparsers(dest="command", title=t("cli.commands"), metavar="COMMAND")

    p = sub.add_parser("import-orders", help=t("cli.import_orders"), description=t("cli.import_orders"))
    p.add_argument("file", type=Path, metavar="FILE", help=t("cli.import.file"))
    p.add_argument(
        "--platform",
        choices=["douyin", "kuaishou", "taobao", "wechat", "generic"],
        help=t("cli.import.platform"),
    )
    p.add_argument("--dry-run", action="store_true", help=t("cli.import.dry_run"))
    p.add_argument("--mapping", metavar="NAME", help=t("cli.import.mapping"))
    p.add_argument("--json", action="store_true", help=t("cli.json"))

    p = sub.add_parser("report", help=t("cli.report"), description=t("cli.report"))
    kinds = p.add_subparsers(dest="report_kind", required=True, metavar="KIND")
    k = kinds.add_parser("monthly", help=t("cli.report.monthly"))
    k.add_argument("--month", required=True, metavar="YYYY-MM", help=t("cli.report.month"))
    k.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=t("cli.report.out"))
    k = kinds.add_parser("session", help=t("cli.report.session"))
    k.add_argument("session_id", type=int, metavar="SESSION_ID", help=t("cli.report.session_id"))
    k.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=t("cli.report.out"))
    k = kinds.add_parser("prelive", help=t("cli.report.prelive"), description=t("cli.report.prelive"))
    k.add_argument("session_id", type=int, metavar="SESSION_ID", help=t("cli.report.session_id"))
    k.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=t("cli.report.out"))
    k = kinds.add_parser("evidence", help=t("cli.report.evidence"))
    k.add_argument("ticket_code", metavar="TICKET_CODE", help=t("cli.report.ticket"))
    k.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=t("cli.report.out"))
    k = kinds.add_parser("incident", help=t("cli.report.incident"), description=t("cli.report.incident"))
    k.add_argument("incident_code", metavar="INCIDENT_CODE", help=t("cli.report.incident_code"))
    k.add_argument("--out", required=True, type=Path, metavar="FILE.pdf", help=t("cli.report.out"))

    p = sub.add_parser("lint", help=t("cli.lint"), description=t("cli.lint"))
    p.add_argument("--category", metavar="CATEGORY", help=t("cli.lint.category"))
    p.add_argument("--json", action="store_true", help=t("cli.json"))
    source = p.add_mutually_exclusive_group(required=True)
    source.add_argument("text", nargs="?", metavar="TEXT", help=t("cli.lint.text"))
    source.add_argument("--file", type=Path, metavar="FILE", help=t("cli.lint.file"))

    p = sub.add_parser("verify", help=t("cli.verify"), description=t("cli.verify"))
    p.add_argument("--json", action="store_true", help=t("cli.json"))

    p = sub.add_parser("backup", help=t("cli.backup"), description=t("cli.backup"))
    p.add_argument("--out", type=Path, metavar="FILE", help=t("cli.backup.out"))

    p = sub.add_parser("restore", help=t("cli.restore"), description=t("cli.restore"))
    p.add_argument("file", type=Path, metavar="FILE", help=t("cli.restore.file"))

    sub.add_parser("self-test", help=t("cli.self_test"), description=t("cli.self_test"))
    return parser


def parse(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv`` (without the program name). Sets the core language first so ``--help`` speaks it."""
    i18n.set_language(_preferred_language(argv))
    return build_parser().parse_args(list(argv))


def database_path(args: argparse.Namespace) -> Path:
    from core.paths import default_database

    return args.db if args.db is not None else default_database()


def _fail(message: str) -> int:
    print(i18n.t("cli.error", message=message), file=sys.stderr)
    return EXIT_BAD_INPUT


def run_command(args: argparse.Namespace) -> int:
    """Run one command (not the GUI, not self-test's Qt half). Returns the exit code."""
    from core.errors import StudioDeskError

    if args.command == "report" and args.report_kind == "monthly":
        try:
            return _monthly(database_path(args), args.month, args.out)
        except StudioDeskError as exc:
            return _fail(str(exc))
    if args.command == "report" and args.report_kind in ("prelive", "session", "evidence", "incident"):
        subject = (
            getattr(args, "ticket_code", None) or getattr(args, "incident_code", None) or args.session_id
        )
        try:
            return _report(database_path(args), args.report_kind, subject, args.out)
        except StudioDeskError as exc:
            return _fail(str(exc))
    if args.command in PENDING:
        return _fail(i18n.t("cli.not_available", command=args.command, issue=PENDING[args.command]))
    try:
        if args.command == "import-orders":
            return _import_orders(
                database_path(args), args.file, args.platform, args.dry_run, as_json=args.json,
                mapping_name=args.mapping,
            )  # fmt: skip
        if args.command == "lint":
            return _lint(args.text, args.file, args.category, as_json=args.json)
        if args.command == "verify":
            return _verify(database_path(args), as_json=args.json)
        if args.command == "backup":
            return _backup(database_path(args), args.out)
        if args.command == "restore":
            return _restore(database_path(args), args.file)
        if args.command == "self-test":
            from core.selftest import run_self_test

            return run_self_test()
    except StudioDeskError as exc:
        return _fail(str(exc))
    raise AssertionError(f"unhandled command {args.command!r}")


def _verify(path: Path, *, as_json: bool) -> int:
    from core import ledger
    from core.db.opening import open_database

    db = open_database(path)
    try:
        report = ledger.verify(db)
    finally:
        db.dispose()
    if as_json:
        print(json.dumps(report_as_dict(report), ensure_ascii=False, indent=2))
    elif report.ok:
        print(
            i18n.t(
                "cli.verify.ok",
                entries=report.entries_checked,
                rows=report.rows_checked,
                files=report.files_checked,
                count=report.head.count,
                hash=report.head.hash,
            )
        )
    else:
        print(i18n.t("cli.verify.failed", n=len(report.problems), first=report.first_problem.message))
        for problem in report.problems[1:20]:
            print(f"  - {problem.message}")
    return EXIT_OK if report.ok else EXIT_CHECK_FAILED


def report_as_dict(report: object) -> dict[str, object]:
    """The JSON shape of ``verify --json``: stable keys for scripts."""
    head = report.head  # type: ignore[attr-defined]
    problems = report.problems  # type: ignore[attr-defined]
    return {
        "ok": report.ok,  # type: ignore[attr-defined]
        "entries_checked": report.entries_checked,  # type: ignore[attr-defined]
        "rows_checked": report.rows_checked,  # type: ignore[attr-defined]
        "files_checked": report.files_checked,  # type: ignore[attr-defined]
        "head": {"count": head.count, "hash": head.hash},
        "problems": [
            {"kind": p.kind, "seq": p.seq, "subject": p.subject, "message": p.message} for p in problems
        ],
    }


def _backup(path: Path, out: Path | None) -> int:
    from core.db.opening import open_database
    from core.domain.roles import SYSTEM
    from core.services.maintenance import back_up

    open_database(path, migrate=False).dispose()  # refuses a missing, corrupt or foreign file first
    written = back_up(SYSTEM, path, out)
    print(i18n.t("cli.backup.done", path=written))
    return EXIT_OK


def _restore(path: Path, source: Path) -> int:
    from core.domain.roles import SYSTEM
    from core.services.maintenance import restore

    pre = restore(SYSTEM, path, source)
    print(i18n.t("cli.restore.done", source=source, pre=pre))
    return EXIT_OK


def _lint(text: str | None, file: Path | None, category: str | None, *, as_json: bool) -> int:
    """Print the findings (DESIGN §Command line); exit 1 when any is error-level, 2 on an unusable file/category."""
    from core.domain.lint import lint

    if file is not None:
        try:
            text = file.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            return _fail(i18n.t("cli.lint.not_utf8", file=file))
        except OSError as exc:
            return _fail(i18n.t("cli.lint.unreadable", file=file, problem=exc.strerror or type(exc).__name__))
    try:
        findings = lint(text or "", category)
    except ValueError as exc:
        return _fail(str(exc))
    if as_json:
        keys = ("term", "start", "end", "category", "severity", "basis", "reason")
        rows = [{key: getattr(f, key) for key in keys} for f in findings]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif not findings:
        print(i18n.t("cli.lint.clean"))
    else:
        for f in findings:
            severity = i18n.t(f"cli.lint.severity.{f.severity}")
            print(
                i18n.t(
                    "cli.lint.finding",
                    start=f.start + 1,
                    term=f.term,
                    severity=severity,
                    reason=f.reason,
                    basis=f.basis,
                )
            )
        counts = {level: sum(f.severity == level for f in findings) for level in ("error", "warning", "info")}
        print(i18n.t("cli.lint.summary", n=len(findings), **counts))
    return EXIT_CHECK_FAILED if any(f.severity == "error" for f in findings) else EXIT_OK
