"""Reading a product list spreadsheet (CSV or XLSX) into raw rows, and writing the blank import template.

Contract:

- ``.csv`` is read as UTF-8 (with or without BOM), else as GB18030 (a superset of GBK: what Excel in China saves
  as “CSV”), or UTF-16 when it starts with that BOM; the delimiter is the comma (tab or semicolon when the header
  line has those and no comma). ``.xlsx`` is read with openpyxl in read-only mode, first sheet, cell values as
  stored (numbers stay numbers, dates stay dates). Any other suffix, an unreadable or corrupt file, an empty file
  or one with no product rows raises :class:`InvalidInput` naming the file.
- Row 1 holds the column names: Chinese or English, any order, surrounding spaces and full-width forms ignored
  (``标价（元）`` is ``标价(元)``). The column table — names, aliases, which are required — is data:
  ``resources/templates/product_import.json``. A missing required column, an unknown or a repeated column raises
  InvalidInput naming it and listing the expected ones. Fully empty rows are skipped.
- Row numbers are the spreadsheet's own (the header is row 1), so a person finds the row they are told about.

The file's records are streamed by :mod:`core.importers.sheet_reading` (:func:`raw_rows`, re-exported here).
Nothing here knows what a product is; :mod:`core.services.product_import` validates and writes the rows.
"""

from __future__ import annotations

import csv
import json
import unicodedata
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core import i18n
from core.errors import InvalidInput
from core.importers.sheet_reading import SheetChooser as SheetChooser
from core.importers.sheet_reading import raw_rows
from core.paths import resource

i18n.register(
    {
        "sheet.empty": (
            "“{file}”是空的：第 1 行应为列名",
            "“{file}” is empty: row 1 should hold the column names",
        ),
        "sheet.no_rows": (
            "“{file}”只有列名，没有商品行",
            "“{file}” has the column names but no product rows",
        ),
        "sheet.too_many_rows": (
            "“{file}”有 {count} 行，一次最多导入 {limit} 行：请分成几个文件",
            "“{file}” has {count} rows; at most {limit} can be imported at once: split it into several files",
        ),
        "sheet.missing_columns": (
            "“{file}”缺少必填列：{columns}。",
            "“{file}” lacks the required column(s): {columns}. ",
        ),
        "sheet.unknown_columns": (
            "“{file}”有不认识的列：{columns}。",
            "“{file}” has column(s) that are not known: {columns}. ",
        ),
        "sheet.repeated_column": (
            "“{file}”中“{first}”和“{second}”是同一列，只能保留一个。",
            "In “{file}”, “{first}” and “{second}” are the same column; keep only one. ",
        ),
        "sheet.unnamed_column": (
            "“{file}”第 {column} 列有内容但没有列名。",
            "Column {column} of “{file}” has values but no name in row 1. ",
        ),
        "sheet.expected": (
            "第 1 行应为这些列名（顺序不限）：{columns}",
            "Row 1 should name these columns (any order): {columns}",
        ),
        "sheet.required_mark": ("（必填）", " (required)"),
        "sheet.yes": ("是", "yes"),
        "sheet.no": ("否", "no"),
        "sheet.guide.title": ("填写说明", "How to fill in"),
        "sheet.guide.column": ("列名", "Column"),
        "sheet.guide.required": ("必填列", "Required"),
        "sheet.guide.aliases": ("也可写作", "Also accepted"),
        "sheet.guide.note": ("说明", "Notes"),
        "sheet.products": ("商品", "Products"),
    }
)


@dataclass(frozen=True)
class Column:
    """One importable column: its key, its names, whether the file must have it, and an example value."""

    key: str
    header_zh: str
    header_en: str
    aliases: tuple[str, ...]
    required: bool
    example: str
    note_zh: str
    note_en: str

    @property
    def header(self) -> str:
        """The column's name in the current language (what the template writes)."""
        return self.header_en if i18n.language() == "en" else self.header_zh

    @property
    def note(self) -> str:
        return self.note_en if i18n.language() == "en" else self.note_zh


@dataclass(frozen=True)
class SheetRow:
    """One non-empty data row: its spreadsheet row number and the raw cell value of each column key."""

    number: int
    values: dict[str, Any]


@dataclass(frozen=True)
class Sheet:
    """A read file: its name, each present column's header as written, and its data rows."""

    file_name: str
    headers: dict[str, str]  # column key -> the header exactly as written in the file
    rows: tuple[SheetRow, ...]


@cache
def _spec() -> dict[str, Any]:
    return json.loads(resource("templates", "product_import.json").read_text(encoding="utf-8"))["data"]


def import_spec() -> dict[str, Any]:
    """The import table's data (columns, yes/no words, max_rows) — a fresh copy the caller may change."""
    return json.loads(json.dumps(_spec()))


def columns() -> tuple[Column, ...]:
    """The importable columns in template order."""
    return tuple(
        Column(
            key=c["key"],
            header_zh=c["header_zh"],
            header_en=c["header_en"],
            aliases=tuple(c["aliases"]),
            required=bool(c["required"]),
            example=c["example"],
            note_zh=c["note_zh"],
            note_en=c["note_en"],
        )
        for c in _spec()["columns"]
    )


def normalise(text: object) -> str:
    """Text as compared: NFKC (full-width → half-width), outer spaces dropped, case folded."""
    return unicodedata.normalize("NFKC", str(text)).strip().casefold()


def expected_columns() -> str:
    """The expected column names for a message: ``商品编码（必填）、商品名称（必填）、类目…``."""
    mark = i18n.t("sheet.required_mark")
    separator = ", " if i18n.language() == "en" else "、"
    return separator.join(c.header + (mark if c.required else "") for c in columns())


# ---- reading (the records themselves come from core.importers.sheet_reading) -------------------------------


_raw_rows = raw_rows


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _match_headers(header: list[Any], file_name: str) -> tuple[dict[int, str], dict[str, str], set[int]]:
    """Column index -> key, key -> header as written, and indexes of unnamed columns; or InvalidInput."""
    lookup: dict[str, str] = {}
    for column in columns():
        for name in (column.header_zh, column.header_en, *column.aliases):
            lookup[normalise(name)] = column.key
    by_index: dict[int, str] = {}
    written: dict[str, str] = {}
    unnamed: set[int] = set()
    unknown: list[str] = []
    repeated: list[str] = []
    problems: list[str] = []
    for index, cell in enumerate(header):
        if _blank(cell):
            unnamed.add(index)
            continue
        text = str(cell).strip()
        key = lookup.get(normalise(text))
        if key is None:
            unknown.append(f"“{text}”")
        elif key in written:
            repeated.append(text)
            problems.append(i18n.t("sheet.repeated_column", file=file_name, first=written[key], second=text))
        else:
            by_index[index] = key
            written[key] = text
    missing = [f"“{c.header}”" for c in columns() if c.required and c.key not in written]
    separator = ", " if i18n.language() == "en" else "、"
    if missing:
        problems.insert(0, i18n.t("sheet.missing_columns", file=file_name, columns=separator.join(missing)))
    if unknown:
        problems.append(i18n.t("sheet.unknown_columns", file=file_name, columns=separator.join(unknown)))
    if problems:
        named = (missing or unknown or repeated)[0].strip("“”")
        raise InvalidInput(
            "".join(problems) + i18n.t("sheet.expected", columns=expected_columns()), field=named
        )
    return by_index, written, unnamed


def read_sheet(path: Path | str) -> Sheet:
    """Read ``path`` (.csv or .xlsx) into a :class:`Sheet`; InvalidInput naming the file when it cannot be used."""
    path = Path(path)
    with closing(_raw_rows(path)) as rows_iter:  # closing: an .xlsx is released even when a row is refused
        return _read_rows(path.name, rows_iter)


def _read_rows(file_name: str, rows_iter: Iterator[list[Any]]) -> Sheet:
    header: list[Any] | None = next(rows_iter, None)
    if header is None or all(_blank(cell) for cell in header):
        raise InvalidInput(i18n.t("sheet.empty", file=file_name), field="file", row=1)
    by_index, written, unnamed = _match_headers(header, file_name)
    limit = int(_spec()["max_rows"])
    rows: list[SheetRow] = []
    for number, record in enumerate(rows_iter, start=2):
        if all(_blank(cell) for cell in record):
            continue
        for index, cell in enumerate(record):
            if (index in unnamed or index >= len(header)) and not _blank(cell):
                raise InvalidInput(
                    i18n.t("sheet.unnamed_column", file=file_name, column=index + 1)
                    + i18n.t("sheet.expected", columns=expected_columns()),
                    field="file",
                    row=number,
                )
        values = {key: (record[index] if index < len(record) else None) for index, key in by_index.items()}
        rows.append(SheetRow(number=number, values=values))
        if len(rows) > limit:
            raise InvalidInput(
                i18n.t("sheet.too_many_rows", file=file_name, count=f"{len(rows)}+", limit=limit),
                field="file",
            )
    if not rows:
        raise InvalidInput(i18n.t("sheet.no_rows", file=file_name), field="file")
    return Sheet(file_name=file_name, headers=written, rows=tuple(rows))


# ---- the template ----------------------------------------------------------------------------------------


def write_template(path: Path | str) -> Path:
    """Write a blank import template at ``path``: the header row and one example row.

    ``.csv`` is written UTF-8 with a BOM (so Excel opens the Chinese headers right); ``.xlsx`` also gets a second
    sheet explaining each column. Column names are in the current language; both languages import.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    cols = columns()
    header = [c.header for c in cols]
    example = [c.example for c in cols]
    if suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(header)
            writer.writerow(example)
        return path
    if suffix != ".xlsx":
        raise InvalidInput(i18n.t("sheet.wrong_type", file=path.name), field="file")
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = i18n.t("sheet.products")
    sheet.append(header)
    sheet.append([float(v) if c.key == "list_price" and v else v for c, v in zip(cols, example, strict=True)])
    for letter, column in zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", cols, strict=False):
        sheet.column_dimensions[letter].width = max(12, len(column.header) * 2 + 4)
    guide = book.create_sheet(i18n.t("sheet.guide.title"))
    guide.append(
        [i18n.t(f"sheet.guide.{k}") for k in ("column", "required", "aliases", "note")]
    )  # fmt: skip
    for column in cols:
        aliases = ", ".join(a for a in column.aliases if a != column.header)
        required = i18n.t("sheet.yes") if column.required else i18n.t("sheet.no")
        guide.append([column.header, required, aliases, column.note])
    for letter, width in zip("ABCD", (14, 8, 30, 80), strict=True):
        guide.column_dimensions[letter].width = width
    book.save(path)
    return path
