"""Structured promise terms in words, as the host said them and the signer reads them: "48 小时内发货；前 100 名；
赠品：保温杯", "假一赔十" (small whole numbers the way they are spoken).

One wording for every place a promise's terms are shown — the live console as the operator types, the session's
promise list and the printed promise sheet — so the screen and the signed paper never say the same term two ways.
Pure: no database, no I/O; the language is :func:`core.i18n.language`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from core import i18n

i18n.register(
    {
        "promise_words.none": ("（无）", "(none)"),
        "promise_words.ship_within_hours": ("{n} 小时内发货", "ships within {n} hours"),
        "promise_words.ship_within_days": ("{n} 天内发货", "ships within {n} days"),
        "promise_words.return_days": ("{n} 天无理由退货", "{n}-day no-reason returns"),
        "promise_words.limit": ("前 {n} 名", "first {n} buyers"),
        "promise_words.winners": ("抽 {n} 位", "{n} winners"),
        "promise_words.gift": ("赠品：{v}", "gift: {v}"),
        "promise_words.prize": ("奖品：{v}", "prize: {v}"),
        "promise_words.price_protection_days": ("保价 {n} 天", "price protection {n} days"),
        "promise_words.compensation_multiple": ("假一赔{cn}", "{cn}× compensation for a fake"),
        "promise_words.guarantee_days": ("质保 {n} 天", "guarantee {n} days"),
        "promise_words.guarantee_months": ("质保 {n} 个月", "guarantee {n} months"),
        "promise_words.guarantee_years": ("质保 {n} 年", "guarantee {n} years"),
        "promise_words.other": ("条款 {key}：{v}", "term {key}: {v}"),
    }
)

# The order structured terms are read out in; any other key follows, alphabetically.
_TERM_ORDER = (
    "ship_within_hours",
    "ship_within_days",
    "return_days",
    "limit",
    "winners",
    "gift",
    "price_protection_days",
    "compensation_multiple",
    "guarantee_days",
    "guarantee_months",
    "guarantee_years",
)
_CN_DIGITS = "零一二三四五六七八九"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


def _chinese(value: Any) -> str:
    """Small whole numbers as the host says them (十, 三); anything else as digits."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and 0 < value < 100:
        tens, ones = divmod(value, 10)
        head = "" if tens == 0 else ("十" if tens == 1 else _CN_DIGITS[tens] + "十")
        return head + (_CN_DIGITS[ones] if ones else "")
    return _number(value)


def terms_in_words(kind: str, terms: Mapping[str, Any]) -> str:
    """The structured terms as a person reads them, e.g. "48 小时内发货；前 100 名；赠品：保温杯"."""
    keys = [k for k in _TERM_ORDER if k in terms] + sorted(k for k in terms if k not in _TERM_ORDER)
    words = []
    for key in keys:
        value = terms[key]
        if key == "gift":
            label = "prize" if kind == "lottery" else "gift"
            words.append(i18n.t(f"promise_words.{label}", v=value))
        elif key in _TERM_ORDER:
            spoken = _number(value) if i18n.language() == "en" else _chinese(value)
            words.append(i18n.t(f"promise_words.{key}", n=_number(value), cn=spoken))
        else:
            words.append(i18n.t("promise_words.other", key=key, v=value))
    return "；".join(words) or i18n.t("promise_words.none")


__all__ = ["terms_in_words"]
