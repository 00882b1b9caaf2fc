"""The interface language: Qt translators for ui strings, core.i18n for core's own sentences, one saved choice.

Source strings are English; Chinese (zh_CN) is the default. The choice is stored in QSettings under
``ui/language`` and applied to both the Qt translators and ``core.i18n`` so every message a person sees —
from a widget or from a core exception — is in the same language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from core import i18n
from core.paths import resource

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
SETTINGS_KEY = "ui/language"

_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def settings() -> QSettings:
    """The app's QSettings (organisation and application names come from the QApplication)."""
    return QSettings()


def saved_language() -> str:
    value = str(settings().value(SETTINGS_KEY, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def current_language() -> str:
    return _current


def install_language(language: str) -> bool:
    """Swap the installed translators for ``language`` and tell core.i18n; returns False if a file is missing.

    English needs no translator (the source strings are English). Qt sends a LanguageChange event to every
    widget when translators change; windows that build their text once rebuild themselves instead.
    """
    global _current
    language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    app = QCoreApplication.instance()
    for translator in _installed:
        if app is not None:
            QCoreApplication.removeTranslator(translator)
    _installed.clear()
    loaded = True
    if language == "zh_CN":
        ours = QTranslator()
        loaded = ours.load(str(resource("translations", "studiodesk_zh_CN.qm")))
        qt_own = QTranslator()
        if qt_own.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _installed.append(qt_own)
        if loaded:
            _installed.append(ours)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    for translator in _installed:
        QCoreApplication.installTranslator(translator)
    i18n.set_language(language)
    _current = language
    return loaded


def switch_language(language: str) -> None:
    """Apply ``language`` now and remember it for the next start."""
    install_language(language)
    settings().setValue(SETTINGS_KEY, language)
    settings().sync()
