"""Messages that core shows to people (CLI output, errors), in Chinese first and English.

Qt's translation system serves the UI; core may not import Qt, so its own sentences live in this catalog.
``tests/test_i18n.py`` fails when a key lacks either language.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh_CN", "en")
_language = "zh_CN"

CATALOG: dict[str, dict[str, str]] = {}


def register(messages: dict[str, tuple[str, str]]) -> None:
    """Add ``key -> (zh_CN, en)`` messages; modules register their own next to where they are used."""
    for key, (zh, en) in messages.items():
        CATALOG[key] = {"zh_CN": zh, "en": en}


def set_language(language: str) -> None:
    global _language
    _language = "en" if language.lower().startswith("en") else "zh_CN"


def language() -> str:
    return _language


def t(key: str, **params: object) -> str:
    """The message ``key`` in the current language, with ``params`` filled in."""
    entry = CATALOG.get(key)
    if entry is None:
        return key
    return entry[_language].format(**params)


def language_from_environment() -> str:
    """``STUDIODESK_LANG`` wins; otherwise English only when LANG/LC_ALL clearly ask for it."""
    explicit = os.environ.get("STUDIODESK_LANG")
    if explicit:
        return explicit
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh_CN"
    return "zh_CN"


def in_language(text: str) -> str:
    """A rule citation written "中文 / English" (or several such joined by "；") in the current language.

    Rule data carries its basis in both languages so the owner edits one file; people read one. Text of any
    other shape is returned whole.
    """
    english = language() == "en"
    parts = text.split(" / ")
    if len(parts) == 2:
        return parts[1] if english else parts[0]
    pieces = [piece.split(" / ") for piece in text.split("；")]
    if len(pieces) < 2 or any(len(p) != 2 for p in pieces):
        return text
    return ("; " if english else "；").join(p[1] if english else p[0] for p in pieces)
