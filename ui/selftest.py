"""The Qt half of ``self-test``: a GUI application starts (offscreen when there is no display), the bundled
font registers and renders Chinese, and the zh_CN translation loads."""

from __future__ import annotations

import os
import sys

from core import i18n

i18n.register(
    {
        "selftest.qt": (
            "Qt {version} 启动（平台：{platform}）",
            "Qt {version} starts (platform: {platform})",
        ),
        "selftest.qt_font": ("界面字体：{family}", "interface font: {family}"),
        "selftest.qt_translation": ("中文界面译文已加载", "Chinese interface translation loads"),
        "selftest.qt_pages": ("{n} 个页面的程序模块齐全", "the modules of all {n} pages load"),
    }
)


def run_qt_self_test(out=print) -> int:
    if not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    failed = 0
    try:
        from PySide6 import __version__ as qt_version
        from PySide6.QtCore import QCoreApplication, QTranslator
        from PySide6.QtGui import QFontDatabase, QGuiApplication

        from core.paths import resource

        app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
        out(
            f"  [{i18n.t('selftest.ok')}] "
            + i18n.t("selftest.qt", version=qt_version, platform=app.platformName())
        )
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", "wqy-microhei.ttc")))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            raise RuntimeError("font did not register")
        out(f"  [{i18n.t('selftest.ok')}] " + i18n.t("selftest.qt_font", family=families[0]))
        translator = QTranslator()
        if not translator.load(str(resource("translations", "studiodesk_zh_CN.qm"))):
            raise RuntimeError("translation did not load")
        QCoreApplication.installTranslator(translator)
        out(f"  [{i18n.t('selftest.ok')}] " + i18n.t("selftest.qt_translation"))
        # Pages are imported by name on first visit; a frozen build that left one out fails here, not later.
        import importlib

        from ui.pages import PAGES

        for spec in PAGES:
            getattr(importlib.import_module(spec.module), spec.class_name)
        out(f"  [{i18n.t('selftest.ok')}] " + i18n.t("selftest.qt_pages", n=len(PAGES)))
    except Exception as exc:
        failed = 1
        out(f"  [{i18n.t('selftest.fail')}] Qt: {type(exc).__name__}: {exc}")
    return failed
