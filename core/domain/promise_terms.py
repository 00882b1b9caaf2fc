"""Structured terms read from a promise's Chinese wording (issue 4, deliverable 2). Pure: no database, no I/O.

Why: what is said on air binds (消费者权益保护法实施条例 2024; DOMAIN §1), and a promise more generous than the
law is enforceable (法释〔2022〕8号 Arts 2, 10). The verbatim wording is the record; the terms read from it
("48小时发货" → 48 hours) let later checks compare what was promised with what happened (shipping, gifts given).

Contract of :func:`parse_terms`:
- Returns only what the wording states with its own keyword next to the number (发货, 假一赔, 保价, 无理由退货,
  前N名送, 限量, 质保, 抽N位). A number alone ("3天") counts only for the promise kind whose one term it can be
  (shipping time, return terms, price protection), and only when the wording holds exactly one such number.
- Never guesses: unparseable text gives ``{}``; a key found twice with different values is left out; units are not
  converted (days stay days, months stay months).
- Numbers may be Arabic ("48") or Chinese (一…十, 两, 百, 千; 半 = 0.5). Whole numbers come back as ``int``.

Keys: ``ship_within_hours``, ``ship_within_days``, ``compensation_multiple``, ``limit``, ``gift``, ``winners``,
``price_protection_days``, ``return_days``, ``guarantee_days`` / ``guarantee_months`` / ``guarantee_years``.
"""

from __future__ import annotations

import re
from typing import Any

_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
NUM = r"(\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万半]+)"
_STOP = r"[，,。；;！!？?、\s]"
_WORD = r"[^，,。；;！!？?、\s]"


def chinese_number(text: str) -> int | float | None:
    """``"48"`` → 48, ``"三十"`` → 30, ``"一百零五"`` → 105, ``"半"`` → 0.5; None when it is not a clean number."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+", text):
        return int(text)
    if re.fullmatch(r"\d+\.\d+", text):
        value = float(text)
        return int(value) if value.is_integer() else value
    if text == "半":
        return 0.5
    if "半" in text:
        return None
    total, current, last_was_digit = 0, None, False
    for char in text:
        if char in ("零", "〇"):
            current, last_was_digit = None, False  # 一百零五: a place skipped
        elif char in _DIGITS:
            if last_was_digit:
                return None  # "三三": not a number a person says
            current, last_was_digit = _DIGITS[char], True
        elif char in _UNITS:
            total += (1 if current is None else current) * _UNITS[char]
            current, last_was_digit = None, False
        else:
            return None
    return total + (current or 0)


def _found(found: dict[str, set[Any]], key: str, value: Any) -> None:
    found.setdefault(key, set()).add(value)


def _numbers(pattern: str, wording: str) -> list[tuple[int | float, str]]:
    """(number, unit) for every match of ``pattern`` whose first group is a number and second its unit."""
    out = []
    for match in re.finditer(pattern, wording):
        value = chinese_number(match.group(1))
        if value is not None and value > 0:
            out.append((value, match.group(2) if match.lastindex and match.lastindex >= 2 else ""))
    return out


def _gift_after(wording: str, start: int) -> str:
    """The gift named after 送/赠 from ``start`` on ("" when none, or when it starts with a number: 买一送一)."""
    match = re.compile(rf"(?:加送|赠送|送|赠)(?:的)?({_WORD}+)").search(wording, start)
    if match is None or match.start() - start > _GIFT_REACH:
        return ""
    gift = match.group(1)
    if chinese_number(gift[:1]) is not None or gift[:1].isdigit():
        return ""
    return gift


_GIFT_REACH = (
    12  # characters after "前100名" in which its 送… must start (a 送 further away is another matter)
)
_SHIP = rf"{NUM}\s*(小时|个小时|[hH]|天|日)\s*(?:之?内)?\s*(?:必|就|即|保证)?(?:发货|发出|发走)"
_COMPENSATION = rf"假一[赔罚]{NUM}"
_FIRST_N = rf"前\s*{NUM}\s*(名|位|个|单|件|份|人)"
_LIMITED = rf"限量\s*{NUM}\s*(份|个|件|套|单|名|)"
_WINNERS = rf"抽\s*{NUM}\s*(位|名|个|人)"
_PRICE_PROTECT = (rf"保价\s*{NUM}\s*(天|日)", rf"{NUM}\s*(天|日)\s*(?:价格)?保价")
_RETURN = rf"{NUM}\s*(天|日)\s*(?:内)?\s*(?:无理由|无忧)?\s*(?:退货|退换|包退)"
_GUARANTEE = (rf"(?:质保|保修)\s*{NUM}\s*(天|个月|年)", rf"{NUM}\s*(天|个月|年)\s*(?:质保|保修)")
_GUARANTEE_KEYS = {"天": "guarantee_days", "个月": "guarantee_months", "年": "guarantee_years"}
_BARE = rf"{NUM}\s*(小时|个小时|[hH]|天|日)"
# "两天或者三天发货", "3到5天发货": a range or a choice; the number next to the keyword is not the whole promise
_EITHER = rf"{NUM}\s*(?:小时|个小时|天|日|个月|年)?\s*(?:或者?|到|至|-|~|～)\s*{NUM}\s*(?:小时|个小时|[hH]|天|日|个月|年)"
_SPAN_KEYS = (
    "ship_within_hours",
    "ship_within_days",
    "return_days",
    "price_protection_days",
    *_GUARANTEE_KEYS.values(),
)


def _shipping(value: int | float, unit: str) -> tuple[str, int | float]:
    return ("ship_within_days", value) if unit in ("天", "日") else ("ship_within_hours", value)


def _bare(kind: str, wording: str, found: dict[str, set[Any]]) -> None:
    """A number without its keyword, for the one kind whose single term it can be; exactly one number or nothing."""
    numbers = _numbers(_BARE, wording)
    if len(numbers) != 1:
        return
    value, unit = numbers[0]
    if kind == "shipping_time" and not ({"ship_within_days", "ship_within_hours"} & found.keys()):
        _found(found, *_shipping(value, unit))
    elif kind == "return_terms" and unit in ("天", "日") and "return_days" not in found:
        _found(found, "return_days", value)
    elif kind == "price_protection" and unit in ("天", "日") and "price_protection_days" not in found:
        _found(found, "price_protection_days", value)


def parse_terms(kind: str, wording: str) -> dict[str, Any]:
    """The structured terms ``wording`` states (see the module docstring); ``{}`` when it states none clearly."""
    found: dict[str, set[Any]] = {}
    text = wording or ""
    for value, unit in _numbers(_SHIP, text):
        _found(found, *_shipping(value, unit))
    for match in re.finditer(_COMPENSATION, text):
        multiple = chinese_number(match.group(1))
        if multiple is not None and multiple > 0:
            _found(found, "compensation_multiple", multiple)
    gift_from = None
    for pattern in (_FIRST_N, _LIMITED):
        for match in re.finditer(pattern, text):
            limit = chinese_number(match.group(1))
            if limit is not None and limit > 0:
                _found(found, "limit", limit)
                gift_from = match.end() if gift_from is None else gift_from
    for match in re.finditer(_WINNERS, text):
        winners = chinese_number(match.group(1))
        if winners is not None and winners > 0:
            _found(found, "winners", winners)
            gift_from = match.end() if gift_from is None else gift_from
    if gift_from is not None:
        gift = _gift_after(text, gift_from) or _gift_named(text)
        if gift:
            _found(found, "gift", gift)
    for pattern in _PRICE_PROTECT:
        for value, _unit in _numbers(pattern, text):
            _found(found, "price_protection_days", value)
    for value, _unit in _numbers(_RETURN, text):
        _found(found, "return_days", value)
    for pattern in _GUARANTEE:
        for value, unit in _numbers(pattern, text):
            _found(found, _GUARANTEE_KEYS[unit], value)
    _bare(kind, text, found)
    for match in re.finditer(_EITHER, text):
        upper = chinese_number(match.group(2))
        for key in _SPAN_KEYS:
            if upper in found.get(key, ()):
                del found[key]
    return {key: next(iter(values)) for key, values in sorted(found.items()) if len(values) == 1}


def _gift_named(wording: str) -> str:
    """The gift in "赠品保温杯限量200份": the words between 赠品 and 限量 or a stop."""
    match = re.search(rf"赠品(?:是|为)?\s*({_WORD}+?)(?=限量|{_STOP}|$)", wording)
    return match.group(1).strip() if match else ""


__all__ = ["NUM", "chinese_number", "parse_terms"]
