"""Issue #2 §6: every interface string has its zh_CN translation, and the committed .qm is built from the .ts."""

import shutil
import xml.etree.ElementTree as ET

from tools import update_translations as ut


def test_every_ui_string_has_a_finished_chinese_translation_and_the_qm_is_current():
    assert ut.check() == []


def test_the_check_notices_a_missing_translation_and_a_stale_qm(tmp_path):
    ts, qm = tmp_path / ut.TS_FILE.name, tmp_path / ut.QM_FILE.name
    shutil.copyfile(ut.TS_FILE, ts)
    shutil.copyfile(ut.QM_FILE, qm)
    tree = ET.parse(ts)
    message = next(tree.getroot().iter("message"))
    translation = message.find("translation")
    translation.text = ""
    translation.set("type", "unfinished")
    tree.write(ts, encoding="utf-8")
    problems = ut.check(ts, qm)
    assert any(p.startswith("no zh_CN translation:") and message.findtext("source") in p for p in problems)
    assert any("stale" in p for p in problems)


def test_the_translation_loads_and_qt_standard_buttons_are_chinese(studio_app):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Navigation", "Live console") == "直播中控台"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
