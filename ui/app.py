"""The GUI entry: ``run(db_path, demo=...)`` prepares Qt, opens the right database, signs someone in, shows the window.

Start-up stays light (DESIGN budget ≤ 1.5 s to a painted window, ≤ 2× a bare window): when a quick read-only look
(``core.db.inspection``) finds the file usable, the main window paints at once, signed out, with the sign-in form
in it, and the database opens on the task lane while the person types (:func:`start_fast`). SQLAlchemy, the ORM
models and the password check all happen after that first paint. Anything unusual — no database yet, demo data, a
file that is missing, damaged, foreign, newer or in use — takes the careful path (:func:`_choose_database`).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

from core import about
from core.domain.roles import SYSTEM, Actor
from core.errors import DatabaseProblem, StudioDeskError
from core.paths import resource
from ui import gc_guard, qtcompat, translation  # noqa: F401  (qtcompat guards None's refcount on import)
from ui.startup import OpeningDatabase
from ui.tasks import TaskRunner, run_and_wait

EXIT_OK = 0
EXIT_DATABASE_PROBLEM = 2
FONT_FILE = ("fonts", "wqy-microhei.ttc")
_FIRST_RUN_QUIT = object()  # the person closed the first-run dialog: not an error


def prepare_application(app: QApplication | None = None) -> QApplication:
    """Create (or reuse) the QApplication and give it StudioDesk's name, font, stylesheet and language."""
    app = app or QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(about.APP_ID)
    app.setOrganizationName(about.ORGANIZATION)
    app.setApplicationVersion(about.VERSION)
    font_id = QFontDatabase.addApplicationFont(str(resource(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if families:
        font = QFont(families[0])
        font.setPointSize(10)
        app.setFont(font)
    style = resource("style.qss")
    if style.is_file():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    translation.install_language(translation.saved_language())
    gc_guard.install(app)  # cyclic garbage is collected on this (GUI) thread only
    return app


def _daily_backup(db_path: Path, **_lane: Any) -> Path | None:
    from core.db.backup import daily_backup_if_due

    return daily_backup_if_due(db_path)


def _restore(actor: Actor, db_path: Path, backup: Path, **_lane: Any) -> Path | None:
    from core.services.maintenance import restore

    return restore(actor, db_path, backup)


class Shell(QObject):
    """Owns the open database, the signed-in person and the main window; handles restore and sign-in again."""

    def __init__(self, db: Any, tasks: TaskRunner) -> None:
        super().__init__()
        self.db = db
        self.tasks = tasks
        self.window: Any = None
        self.actor: Actor | None = None
        self.exit_code = EXIT_OK
        self.opening: OpeningDatabase | None = None
        self.open_task: Any = None
        self.daily_backup = True  # the start-up benchmark turns it off: it measures signing in, not copying

    def open_signed_out(self, path: Path, lock: Any) -> Any:
        """The fast start: the signed-out window on screen now, the file (already checked, ``lock`` held) opened
        on the lane. A sign-in queued by the form runs after the open (one FIFO lane)."""
        self.opening = OpeningDatabase(path, lock)
        window = self.show_signed_out(self.opening)
        # Queued once the window has painted: importing SQLAlchemy on the lane holds the GIL, and the first
        # paint must not wait for it. A sign-in cannot be clicked before then, so it still queues after this.
        window.first_painted.connect(self._open_on_lane)
        return window

    def _open_on_lane(self) -> None:
        if self.opening is None or self.open_task is not None:
            return
        task = self.tasks.run(
            QCoreApplication.translate("Application", "Opening the database"), self.opening.open
        )
        task.succeeded.connect(self._on_database_opened)
        task.failed.connect(self._on_database_open_failed)
        self.open_task = task  # the start-up benchmark waits on it

    def show_signed_out(self, source: Any, *, has_owner: bool | None = None) -> Any:
        """Show the main window signed out, its sign-in (or owner-account) form ready for ``source``."""
        from ui.main_window import MainWindow

        self.window = MainWindow.signed_out(source, self.tasks, has_owner=has_owner)
        self._connect_window(self.window)
        self.window.became_signed_in.connect(self._on_window_became_signed_in)
        self.window.show()
        return self.window

    def _on_database_opened(self, db: Any) -> None:
        self.db = db

    def _on_database_open_failed(self, error: object) -> None:
        """The lane could not open the file: say why exactly as the careful path does, and continue or exit 2."""
        from core.db.opening import open_database

        opening, self.opening = self.opening, None
        if opening is not None:
            opening.release()
        self._close_window()
        path = opening.path if opening is not None else Path(self.db.path)
        self.db = open_or_explain(path, lambda: open_database(path, lock=True), self.tasks)
        if self.db is None:
            self.exit_code = EXIT_DATABASE_PROBLEM
            QApplication.quit()
            return
        self.show_signed_out(self.db)

    def _on_window_became_signed_in(self, actor: Actor) -> None:
        self.actor = actor
        if self.window is not None and self.window.db is not None:
            self.db = self.window.db
        self._start_daily_backup()

    def _connect_window(self, window: Any) -> None:
        window.restore_requested.connect(self._on_window_restore_requested)
        window.closed.connect(self._on_window_closed)

    def _close_window(self) -> None:
        window, self.window = self.window, None
        if window is None:
            return
        window.closed.disconnect(self._on_window_closed)
        window.close()
        window.deleteLater()

    def dispose(self) -> None:
        """Close the database (or the half-opened one) and give back the instance lock."""
        db = self.db
        if db is None and self.opening is not None:
            db = self.opening.database
        if db is not None:
            db.dispose()
        if self.opening is not None:
            self.opening.release()

    def sign_in(self) -> Actor | None:
        """The login dialog, or the owner-account dialog when the studio has no owner yet; None if abandoned."""
        from core.services import auth
        from ui.dialogs.first_run import OwnerAccountDialog
        from ui.dialogs.login import LoginDialog

        with self.db.sessions() as session:
            has_owner = auth.has_owner(session)
        dialog = LoginDialog(self.db, self.tasks) if has_owner else OwnerAccountDialog(self.db, self.tasks)
        dialog.exec()
        return dialog.actor

    def show_main_window(self, actor: Actor) -> Any:
        from ui.main_window import MainWindow

        self.actor = actor
        self.window = MainWindow(self.db, actor, self.tasks)
        self._connect_window(self.window)
        self.window.show()
        self._start_daily_backup()
        return self.window

    def _start_daily_backup(self) -> None:
        # DESIGN §Storage: an automatic rotating daily copy, made on the lane once the window is up.
        if not self.daily_backup:
            return
        task = self.tasks.run(
            QCoreApplication.translate("Application", "Daily backup"), _daily_backup, Path(self.db.path)
        )
        task.failed.connect(self._on_daily_backup_failed)
        task.succeeded.connect(self._on_daily_backup_succeeded)

    def _on_daily_backup_succeeded(self, made: object) -> None:
        if made is not None and self.window is not None:
            self.window.refresh_facts()

    def _on_daily_backup_failed(self, error: object) -> None:
        if self.window is not None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Application", "The daily backup failed: %1").replace(
                    "%1", str(error)
                )
            )

    def _on_window_closed(self) -> None:
        QApplication.quit()

    def _on_window_restore_requested(self, backup: Path) -> None:
        """Close the window, release the file, restore on the lane, reopen, and ask for sign-in again."""
        from core.db.opening import open_database

        self._close_window()
        self.tasks.shutdown()
        path = Path(self.db.path)
        self.db.dispose()
        outcome, value = run_and_wait(
            self.tasks,
            QCoreApplication.translate("Application", "Restoring the backup"),
            _restore,
            self.actor,
            path,
            Path(backup),
        )
        if outcome == "succeeded":
            QMessageBox.information(
                None,
                QCoreApplication.translate("Application", "Backup restored"),
                QCoreApplication.translate(
                    "Application",
                    "The backup was restored. The data from before the restore was kept in:\n%1",
                ).replace("%1", str(value or "")),
            )
        elif outcome == "failed":
            QMessageBox.critical(
                None, QCoreApplication.translate("Application", "The backup was not restored"), str(value)
            )
        self.db = open_or_explain(path, lambda: open_database(path, lock=True), self.tasks)
        if self.db is None:
            self.exit_code = EXIT_DATABASE_PROBLEM
            QApplication.quit()
            return
        actor = self.sign_in()
        if actor is None:
            QApplication.quit()
            return
        self.show_main_window(actor)


def open_or_explain(path: Path, opener: Any, tasks: TaskRunner) -> Any:
    """``opener()`` → Database; on a DatabaseProblem explain it, offer the latest backup, retry once restored.

    Returns None when the person quits. The bad file is only replaced after an explicit confirmation, and
    restore keeps it as a pre-restore backup.
    """
    from core.db.backup import list_backups
    from ui.dialogs.problems import ask_about_database_problem

    while True:
        try:
            return opener()
        except DatabaseProblem as problem:
            try:
                backups = list_backups(path)
            except OSError:
                backups = []
            if not ask_about_database_problem(problem, backups):
                return None
            outcome, value = run_and_wait(
                tasks,
                QCoreApplication.translate("Application", "Restoring the backup"),
                _restore,
                SYSTEM,  # nobody can sign in to an unusable file; whoever is at the machine may restore it
                path,
                backups[0].path,
            )
            if outcome == "failed":
                QMessageBox.critical(
                    None, QCoreApplication.translate("Application", "The backup was not restored"), str(value)
                )
                return None


def _choose_database(db_path: Path | None, demo: bool, tasks: TaskRunner) -> tuple[Any, Path | None]:
    """Open the database the command line asked for; returns (Database or None, demo folder to remove).

    None means: the file could not be used (exit 2), or, on first run, the person quit (``_FIRST_RUN_QUIT``).
    """
    from core.db.opening import open_database
    from core.demo import install_demo_database, prepare_demo_copy, start_demo_clock
    from core.paths import default_database

    if demo:
        try:
            path = prepare_demo_copy()
            start_demo_clock()
        except StudioDeskError as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("Application", "The demo data cannot be opened"), str(exc)
            )
            return None, None
        return open_or_explain(path, lambda: open_database(path, lock=True), tasks), path.parent
    if db_path is not None:
        path = Path(db_path)
        return open_or_explain(path, lambda: open_database(path, lock=True), tasks), None
    path = default_database()
    if path.exists():
        return open_or_explain(path, lambda: open_database(path, lock=True), tasks), None
    from ui.dialogs.first_run import FirstRunChoiceDialog

    choice = FirstRunChoiceDialog(path)
    choice.exec()
    if choice.choice == "demo":
        try:
            install_demo_database(path)
        except StudioDeskError as exc:
            QMessageBox.critical(
                None, QCoreApplication.translate("Application", "The demo data cannot be opened"), str(exc)
            )
            return None, None
        return open_or_explain(path, lambda: open_database(path, lock=True), tasks), None
    if choice.choice == "empty":
        return open_or_explain(path, lambda: open_database(path, create=True, lock=True), tasks), None
    return _FIRST_RUN_QUIT, None


def start_fast(path: Path, tasks: TaskRunner) -> Shell | None:
    """The fast start for an existing file: a read-only look, the instance lock, the signed-out window shown.

    Returns None (nothing shown, nothing held) when the file is not plainly usable — missing, damaged, foreign,
    newer, busy or held by another window: the careful path then explains it, as before. Imports nothing heavy.
    """
    from core.db.inspection import inspect_database
    from core.db.lock import InstanceLock

    if not inspect_database(path).usable:
        return None
    try:
        lock = InstanceLock(path).acquire()
    except DatabaseProblem:
        return None
    shell = Shell(None, tasks)
    shell.open_signed_out(path, lock)
    return shell


def _fast_path_file(db_path: Path | None, demo: bool) -> Path | None:
    if demo:
        return None
    if db_path is not None:
        return Path(db_path)
    from core.paths import default_database

    path = default_database()
    return path if path.exists() else None


def run(db_path: Path | None, *, demo: bool = False) -> int:
    """Start the GUI; returns the process exit code (2 when the database could not be used)."""
    app = prepare_application()
    app.setQuitOnLastWindowClosed(False)
    tasks = TaskRunner()
    demo_folder: Path | None = None
    path = _fast_path_file(db_path, demo)
    shell = start_fast(path, tasks) if path is not None else None
    if shell is None:
        db, demo_folder = _choose_database(db_path, demo, tasks)
        if db is _FIRST_RUN_QUIT:
            return EXIT_OK
        if db is None:
            if demo_folder is not None:
                shutil.rmtree(demo_folder, ignore_errors=True)
            return EXIT_DATABASE_PROBLEM
        shell = Shell(db, tasks)
        shell.show_signed_out(db)
    try:
        app.exec()
        return shell.exit_code
    finally:
        tasks.shutdown(5000)
        shell.dispose()
        if demo_folder is not None:
            shutil.rmtree(demo_folder, ignore_errors=True)
