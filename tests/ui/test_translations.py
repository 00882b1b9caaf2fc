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


def test_every_translated_string_is_a_literal_lupdate_can_see():
    """A wrapper like ``def _tr(text): return translate("Ctx", text)`` hides its strings from lupdate: they are never
    put in the .ts, the check above cannot miss them, and the screen shows English. Only literals are translated."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "ui"
    hidden = re.compile(
        r"translate\([^,()]+,\s*[A-Za-z_][\w.]*\s*[,)]|\.tr\(\s*[A-Za-z_][\w.]*\s*[,)]"
        r"|translate\('|\.tr\('"  # lupdate reads only double-quoted literals (found: 'Link:' inside an f-string)
    )
    found = [
        f"{path.relative_to(root.parent)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if hidden.search(line)
    ]
    assert found == []
