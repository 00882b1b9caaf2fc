"""Every sentence core shows a person exists in Chinese and English with the same placeholders."""

from __future__ import annotations

import importlib
import pkgutil
import string

import core
from core import i18n


def _load_all_core_modules() -> None:
    for info in pkgutil.walk_packages(core.__path__, "core."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_core_message_has_chinese_and_english_with_the_same_placeholders():
    _load_all_core_modules()
    assert len(i18n.CATALOG) > 30
    for key, texts in i18n.CATALOG.items():
        assert texts["zh_CN"].strip() and texts["en"].strip(), key
        assert any("\u4e00" <= ch <= "\u9fff" for ch in texts["zh_CN"]), f"{key} has no Chinese"
        assert _fields(texts["zh_CN"]) == _fields(texts["en"]), key


def test_chinese_is_the_default_language(monkeypatch):
    for var in ("STUDIODESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert i18n.language_from_environment() == "zh_CN"
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.language_from_environment() == "en"


def test_a_bilingual_rule_citation_is_read_in_the_current_language():
    from core import i18n

    text = "广告法 第九条 / Advertising Law Art 9；产品质量法 第二十七条 / Product Quality Law Art 27"
    previous = i18n.language()
    try:
        i18n.set_language("zh_CN")
        assert i18n.in_language(text) == "广告法 第九条；产品质量法 第二十七条"
        i18n.set_language("en")
        assert i18n.in_language(text) == "Advertising Law Art 9; Product Quality Law Art 27"
        assert i18n.in_language("本店规定") == "本店规定"
    finally:
        i18n.set_language(previous)
