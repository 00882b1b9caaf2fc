"""UI test fixtures: offscreen Qt, an isolated QSettings, the app prepared as in production (font, style, zh_CN)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from tests.conftest import OWNER_PASSWORD, OWNER_USERNAME

HOST_USERNAME = "zhubo"
HOST_PASSWORD = "host-pass-123"


@pytest.fixture(scope="session", autouse=True)
def studio_app(qapp, tmp_path_factory: pytest.TempPathFactory):
    """The QApplication with StudioDesk's name, font, stylesheet and translators; settings in a temp folder."""
    from PySide6.QtCore import QSettings

    from ui.app import prepare_application

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("qsettings"))
    )
    return prepare_application(qapp)


@pytest.fixture(autouse=True)
def chinese(studio_app):
    """Every test starts in Chinese, the default language."""
    from ui import translation

    translation.switch_language("zh_CN")
    yield
    translation.switch_language("zh_CN")


@pytest.fixture(autouse=True)
def deferred_deletes_stay_in_their_test(qtbot):
    """After pytest-qt has closed the test's widgets, run their pending deleteLater()s now.

    ``processEvents`` never runs deferred deletes, so without this they wait for the next test's first event
    loop and a failure there would be blamed on the wrong test.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui import gc_guard

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc_guard.GarbageCollector.collect_now(1)  # the test's young cycles, freed here on the GUI thread


@pytest.fixture
def tasks(qtbot):
    from ui.tasks import TaskRunner

    runner = TaskRunner()
    yield runner
    runner.shutdown(10_000)


@pytest.fixture
def host(tmp_db, owner):
    """A host (主播) account in ``tmp_db``, as the Actor a sign-in would give."""
    from core.domain.codes import Role
    from core.domain.roles import Actor
    from core.services import auth

    with tmp_db.unit_of_work(owner) as session:
        member = auth.add_staff(
            session,
            owner,
            username=HOST_USERNAME,
            display_name="主播小林",
            role=Role.HOST,
            password=HOST_PASSWORD,
        )
    return Actor(user_id=member.id, display_name=member.display_name, role=Role.HOST)


@pytest.fixture
def context(tmp_db, owner, tasks):
    from ui.context import PageContext

    return PageContext(db=tmp_db, actor=owner, tasks=tasks)


def backups_of(db) -> list[Path]:
    from core.paths import backups_dir_for

    folder = backups_dir_for(Path(db.path))
    return sorted(folder.glob("*.db")) if folder.is_dir() else []


__all__ = ["HOST_PASSWORD", "HOST_USERNAME", "OWNER_PASSWORD", "OWNER_USERNAME", "backups_of"]
