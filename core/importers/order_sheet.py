"""Reading a platform's order export (CSV or XLSX) row by row, with its column preset, and reading its cells.

Contract:

- The file is read by :func:`core.importers.product_sheet.raw_rows` (CSV streamed — UTF-8 with or without BOM,
  GB18030/GBK, UTF-16 with BOM; XLSX read-only), so a file of hundreds of megabytes is never held whole.
- Row 1 holds the headers. The presets (which header means which order field, and which fields a file must have)
  are data: ``resources/templates/order_presets.json``. ``platform`` picks a preset; without it the preset whose
  required headers are all present and which recognises the most headers is chosen (a tie is refused, naming the
  candidates); failing every preset, a saved column mapping (``saved``) all of whose headers are there is used.
  A person's mapping (``preset=``, ``strict``) must find every header it names. Headers no preset field names are ignored (exports carry dozens we do not need). When a field has
  several headers in the file, the one listed first in the preset wins.
- An XLSX with several sheets: the one sheet whose headers match is read; none or several matching is refused,
  naming the sheets.
- Row numbers are the spreadsheet's own (header = 1); fully empty rows are skipped.
- Cells: :func:`order_number` keeps order numbers as text (an XLSX number with more digits than a float holds, or
  Excel's ``6.92E+18``, is refused); :func:`parse_time` reads the formats of ``time_formats_note`` and Excel
  serials in the studio's zone; :func:`mask_phone`, :func:`mask_name` and :func:`region_of` keep only what
  DOMAIN §8 allows (个人信息保护法 Art 6, minimum necessary). Cell errors are ``ValueError`` for a person.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from functools import cache
from pathlib import Path
from typing import Any

from core import i18n
from core.errors import InvalidInput
from core.importers.cells import cell_text
from core.importers.product_sheet import normalise, raw_rows
from core.paths import resource

i18n.register(
    {
        "orders.sheet.empty": (
            "“{file}”是空的：第 1 行应为列名",
            "“{file}” is empty: row 1 should hold the headers",
        ),
        "orders.sheet.no_rows": (
            "“{file}”只有列名，没有订单行",
            "“{file}” has the headers but no order rows",
        ),
        "orders.sheet.missing": (
            "“{file}”不是{preset}的订单导出：缺少列 {columns}",
            "“{file}” is not a {preset} order export: it lacks the column(s) {columns}",
        ),
        "orders.sheet.unknown": (
            "认不出“{file}”来自哪个平台（第 1 行的列名不符合 {presets} 的导出格式）：请用 --platform 指定，或改用通用模板",
            "Cannot tell which platform “{file}” comes from (row 1 matches no export of {presets}): "
            "name it with --platform, or use the generic template",
        ),
        "orders.sheet.ambiguous": (
            "“{file}”的列名同时符合 {presets} 的导出格式：请用 --platform 指定",
            "The headers of “{file}” fit the exports of {presets} alike: name one with --platform",
        ),
        "orders.sheet.no_sheet": (
            "“{file}”中没有一张工作表的列名符合订单导出格式（工作表：{sheets}）",
            "No sheet of “{file}” has the headers of an order export (sheets: {sheets})",
        ),
        "orders.sheet.many_sheets": (
            "“{file}”中有多张工作表都像订单导出（{sheets}）：请只保留要导入的那一张",
            "Several sheets of “{file}” look like order exports ({sheets}): keep only the one to import",
        ),
        "orders.cell.required": ("不能为空", "must not be empty"),
        "orders.cell.lost_digits": (
            "“{value}”已被 Excel 存成数字并丢失了位数：请在导出文件中把该列设为文本后重新导出",
            "“{value}” was stored by Excel as a number and lost digits: export again with the column as text",
        ),
        "orders.cell.bad_number": (
            "“{value}”不是订单号：只能含字母、数字、- 和 _，最多 64 个字符",
            "“{value}” is not an order number: letters, digits, - and _ only, at most 64 characters",
        ),
        "orders.cell.bad_time": (
            "“{value}”不是时间：请写成 2026-11-27 20:15:03、2026/11/27 20:15 或 20261127201503",
            "“{value}” is not a time: write 2026-11-27 20:15:03, 2026/11/27 20:15 or 20261127201503",
        ),
        "orders.cell.bad_quantity": (
            "“{value}”不是数量：请填正整数",
            "“{value}” is not a quantity: enter a whole number above zero",
        ),
    }
)

EXCEL_EPOCH = datetime(1899, 12, 30)
_TIME = re.compile(
    r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?$"
)
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$")
_ORDER_NUMBER = re.compile(r"[0-9A-Za-z_\-]{1,64}$")
_SCIENTIFIC = re.compile(r"\d(\.\d+)?[eE]\+?\d+$")
_REGION = re.compile(
    r"^((?:北京|天津|上海|重庆)市?|.+?(?:省|自治区|特别行政区))"
    r"((?:[^省市区县]{1,8}?(?:自治州|地区|盟|市))?)"
)


@dataclass(frozen=True)
class Preset:
    """One platform's export: which headers name which field, and which fields must be there."""

    platform: str
    name_zh: str
    name_en: str
    columns: dict[str, tuple[str, ...]]
    required: tuple[str, ...]
    confidence: str
    strict: bool = False  # a person's column mapping: every header it names must be in the file

    @property
    def name(self) -> str:
        return self.name_en if i18n.language() == "en" else self.name_zh

    def match(self, header: list[Any]) -> tuple[dict[str, int], list[str]]:
        """Field -> column index for the headers this preset knows, and the required fields missing."""
        at = {normalise(cell): i for i, cell in reversed(list(enumerate(header))) if cell_text(cell)}
        found: dict[str, int] = {}
        for key, names in self.columns.items():
            for name in names:
                index = at.get(normalise(name))
                if index is not None:
                    found[key] = index
                    break
        wanted = self.columns if self.strict else self.required
        missing = [self.columns[key][0] for key in wanted if key not in found]
        return found, missing


@dataclass
class OrderFile:
    """An opened export: its preset (and whether it was detected), the field headers, and its rows streamed."""

    file_name: str
    preset: Preset
    detected: bool
    headers: dict[str, str]  # field -> header as written
    _indexes: dict[str, int]
    _rows: Iterator[list[Any]]
    rows_read: int = field(default=0)

    def rows(self) -> Generator[tuple[int, dict[str, Any]]]:
        """(spreadsheet row number, field -> raw cell) for each non-empty data row, read as iterated."""
        indexes = list(self._indexes.items())
        for number, record in enumerate(self._rows, start=2):
            if not any(record) or not any(
                (c.strip() if c.__class__ is str else c is not None) for c in record
            ):
                continue
            self.rows_read += 1
            size = len(record)
            yield number, {key: (record[i] if i < size else None) for key, i in indexes}

    def close(self) -> None:
        close = getattr(self._rows, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> OrderFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@cache
def _spec() -> dict[str, Any]:
    return json.loads(resource("templates", "order_presets.json").read_text(encoding="utf-8"))["data"]


def spec() -> dict[str, Any]:
    """The presets file's data (fields, presets, attribution, words) — a fresh copy the caller may change."""
    return json.loads(json.dumps(_spec()))


@cache
def presets() -> dict[str, Preset]:
    """Every preset by platform code (douyin, kuaishou, taobao, wechat, generic)."""
    return {
        code: Preset(
            code,
            p["zh"],
            p["en"],
            {k: tuple(v) for k, v in p["columns"].items()},
            tuple(p["required"]),
            p["confidence"],
        )
        for code, p in _spec()["presets"].items()
    }


def _choose_preset(
    header: list[Any], platform: str | None, file_name: str, chosen: Preset | None = None, saved: Any = ()
) -> tuple[Preset, dict[str, int]]:
    separator = ", " if i18n.language() == "en" else "、"
    if platform is not None or chosen is not None:
        preset = chosen or presets()[platform or "generic"]
        found, missing = preset.match(header)
        if missing:
            columns = separator.join(f"“{m}”" for m in missing)
            raise InvalidInput(
                i18n.t("orders.sheet.missing", file=file_name, preset=preset.name, columns=columns),
                field=missing[0],
                row=1,
            )
        return preset, found
    fits = []
    for group in (presets().values(), saved):
        for preset in group if not fits else ():
            found, missing = preset.match(header)
            if not missing:
                fits.append((len(found), preset, found))
    if not fits:
        names = separator.join(p.name for p in presets().values())
        raise InvalidInput(i18n.t("orders.sheet.unknown", file=file_name, presets=names), field="file", row=1)
    fits.sort(key=lambda fit: -fit[0])
    best = [fit for fit in fits if fit[0] == fits[0][0]]
    if len(best) > 1:
        names = separator.join(fit[1].name for fit in best)
        raise InvalidInput(
            i18n.t("orders.sheet.ambiguous", file=file_name, presets=names), field="file", row=1
        )
    return best[0][1], best[0][2]


def _sheet_chooser(platform: str | None, file_name: str, chosen: Preset | None = None, saved: Any = ()):
    def choose(sheets: list[tuple[str, list[Any]]]) -> int:
        matching = []
        for index, (_title, first) in enumerate(sheets):
            try:
                _choose_preset(first, platform, file_name, chosen, saved)
            except InvalidInput:
                continue
            matching.append(index)
        titles = "、".join(f"“{title}”" for title, _ in sheets)
        if not matching:
            raise InvalidInput(i18n.t("orders.sheet.no_sheet", file=file_name, sheets=titles), field="file")
        if len(matching) > 1:
            named = "、".join(f"“{sheets[i][0]}”" for i in matching)
            raise InvalidInput(i18n.t("orders.sheet.many_sheets", file=file_name, sheets=named), field="file")
        return matching[0]

    return choose


def open_orders(
    path: Path | str, platform: str | None = None, *, preset: Preset | None = None, saved: Any = ()
) -> OrderFile:
    """Open ``path`` with ``preset`` (a column mapping) or the ``platform`` preset, detected when both are None
    (``saved`` mappings after the presets); InvalidInput naming file or column."""
    path = Path(path)
    records = raw_rows(path, _sheet_chooser(platform, path.name, preset, saved))
    try:
        header = next(records, None)
        if header is None or not any(cell_text(c) for c in header):
            raise InvalidInput(i18n.t("orders.sheet.empty", file=path.name), field="file", row=1)
        chosen, indexes = _choose_preset(header, platform, path.name, preset, saved)
    except BaseException:
        records.close()
        raise
    headers = {key: str(header[i]).strip() for key, i in indexes.items()}
    return OrderFile(path.name, chosen, platform is None and preset is None, headers, indexes, records)


# ---- cells -----------------------------------------------------------------------------------------------


def text_of(value: Any) -> str:
    """:func:`cell_text`, with the common case (a CSV string) first: 100,000 rows call this two million times."""
    return value.strip() if value.__class__ is str else cell_text(value)


def empty(value: Any) -> bool:
    """A blank cell, or one of the export's words for "nothing" (``-``, ``--``, 无…)."""
    text = text_of(value)
    return not text or text.casefold() in _empty_words()


@cache
def _empty_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in _spec()["empty_words"])


def order_number(value: Any, *, required: bool) -> str:
    """An order number as text: Excel's ``="0012"`` and a leading ``'`` or tab removed; digits never lost."""
    if value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= 64:  # the usual case
        return value
    if isinstance(value, float):
        if not value.is_integer() or abs(value) >= 2**53:
            raise ValueError(i18n.t("orders.cell.lost_digits", value=text_of(value)))
        value = int(value)
    text = text_of(value).strip().lstrip("'\t")
    if text.startswith('="') and text.endswith('"'):
        text = text[2:-1]
    text = text.strip()
    if not text:
        if required:
            raise ValueError(i18n.t("orders.cell.required"))
        return ""
    if _SCIENTIFIC.match(text):
        raise ValueError(i18n.t("orders.cell.lost_digits", value=text))
    if not _ORDER_NUMBER.match(text):
        raise ValueError(i18n.t("orders.cell.bad_number", value=text))
    return text


def parse_time(value: Any, zone: tzinfo) -> datetime | None:
    """A time cell in the studio's ``zone`` → aware UTC; None when empty; ValueError naming the value otherwise."""
    if isinstance(value, datetime):
        local = value
    elif isinstance(value, date):
        local = datetime(value.year, value.month, value.day)
    elif isinstance(value, int | float) and not isinstance(value, bool):
        local = _serial(value, value)
    else:
        text = text_of(value)
        if not text or text.casefold() in _empty_words():
            return None
        local = _text_time(text)
    if local.tzinfo is None:
        local = local.replace(tzinfo=zone)
    return local.astimezone(UTC)


def _serial(number: float, shown: Any) -> datetime:
    if not 1 <= number < 2958466:  # Excel's 1900-01-01 … 9999-12-31
        raise ValueError(i18n.t("orders.cell.bad_time", value=text_of(shown)))
    return EXCEL_EPOCH + timedelta(days=float(number))


def _text_time(text: str) -> datetime:
    if len(text) >= 16 and text[4] == "-" and text[7] == "-":
        try:
            return datetime.fromisoformat(text)
        except ValueError:
            pass
    try:
        if (match := _TIME.match(text)) or (match := _COMPACT.match(text)):
            parts = [int(p) if p else 0 for p in match.groups()]
            return datetime(*parts)  # type: ignore[arg-type]
        if re.fullmatch(r"\d{5}(\.\d+)?", text):
            return _serial(float(text), text)
    except ValueError:
        pass
    raise ValueError(i18n.t("orders.cell.bad_time", value=text))


def quantity(value: Any) -> int:
    """A quantity: a whole number above zero; empty means 1."""
    if value.__class__ is str and value.isdigit() and value[0] != "0":
        return int(value)
    if empty(value):
        return 1
    text = text_of(value).replace(",", "")
    if not text.isdigit() or int(text) < 1:
        raise ValueError(i18n.t("orders.cell.bad_quantity", value=text_of(value)))
    return int(text)


def mask_phone(value: Any) -> str:
    """``13800132210`` → ``138****2210``; an already masked number is kept; fewer than 7 digits → dropped.

    An extension (virtual numbers: ``13800132210-1234`` / ``转1234``) is dropped with the rest.
    """
    if value.__class__ is str and len(value) == 11 and value.isdigit():  # a plain mobile number
        return f"{value[:3]}****{value[7:]}"
    text = text_of(value)
    if not text:
        return ""
    if "*" in text:
        return text[:20]
    main = re.split(r"[-转,，#]", text, maxsplit=1)[0] if len(re.sub(r"\D", "", text)) > 11 else text
    digits = re.sub(r"\D", "", main)
    if len(digits) < 7:
        return ""
    return f"{digits[:3]}****{digits[-4:]}"


def mask_name(value: Any) -> str:
    """A real name kept only as its first character and stars: 张三丰 → 张**."""
    text = text_of(value)
    if not text:
        return ""
    return text[0] + "*" * min(max(len(text) - 1, 1), 2)


def region_of(province: Any, city: Any, address: Any) -> str:
    """Province and city only (from their columns, else from the front of the address); the rest is dropped."""
    region = (text_of(province) + text_of(city)).strip()
    if not region and (text := text_of(address)):
        match = _REGION.match(text.replace(" ", ""))
        region = (match.group(1) + match.group(2)) if match else ""
    return region[:64]
