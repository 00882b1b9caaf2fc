"""Spreadsheet cells as they come (text from CSV; numbers, dates, booleans from XLSX) read as product values.

Contract: :func:`cell_text` never loses a digit (Excel's 10001.0 is ``10001``); :func:`yuan_to_fen` reads yuan
(``¥``/``￥``, ``元`` and thousands commas tolerated) into integer fen and refuses text, dates, negative amounts and
fractions of a fen with a sentence naming the value; :func:`yes_no` reads 是/否 by the column table's words
(``resources/templates/product_import.json``). Errors are ``ValueError`` whose text is for a person; the caller
adds the row and column.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from core import i18n
from core.importers.product_sheet import normalise

i18n.register(
    {
        "import_cell.not_a_number": (
            "“{value}”不是金额：请填以元为单位的数字，如 39.90",
            "“{value}” is not an amount: enter a number of yuan, e.g. 39.90",
        ),
        "import_cell.negative": ("标价不能为负数", "The list price cannot be negative"),
        "import_cell.too_precise": (
            "“{value}”超过两位小数：金额精确到分",
            "“{value}” has more than two decimals: amounts go down to the fen",
        ),
        "import_cell.not_yes_no": ("“{value}”应填“是”或“否”", "“{value}” should be yes (是) or no (否)"),
    }
)


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a spurious ``.0`` (Excel stores 10001 as 10001.0), dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def yuan_to_fen(value: Any) -> int | None:
    """标价(元) → fen. Numbers as cells come; text may carry ¥/￥, 元 and thousands commas. Empty → None."""
    if isinstance(value, bool | datetime | date):
        raise ValueError(i18n.t("import_cell.not_a_number", value=cell_text(value)))
    if isinstance(value, int | float):
        amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        shown = cell_text(value)
    else:
        shown = cell_text(value)
        text = normalise(shown)
        for mark in ("¥", "元", "rmb", "cny", ",", " "):
            text = text.replace(mark, "")
        if not text:
            return None
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError(i18n.t("import_cell.not_a_number", value=shown)) from None
    if not amount.is_finite():
        raise ValueError(i18n.t("import_cell.not_a_number", value=shown))
    if amount < 0:
        raise ValueError(i18n.t("import_cell.negative"))
    fen = amount * 100
    if fen != fen.to_integral_value():
        raise ValueError(i18n.t("import_cell.too_precise", value=shown))
    return int(fen)


def yes_no(value: Any, words: dict[str, bool]) -> bool:
    """是/否 → bool by the column table's ``words`` (already normalised); ValueError naming the value otherwise."""
    if isinstance(value, bool):
        return value
    answer = words.get(normalise(cell_text(value)))
    if answer is None:
        raise ValueError(i18n.t("import_cell.not_yes_no", value=cell_text(value)))
    return answer
