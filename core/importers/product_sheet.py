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

Nothing here knows what a product is; :mod:`core.services.product_import` validates and writes the rows.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import unicodedata
from collections.abc import Callable, Generator, Iterator
from contextlib import closing
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from core import i18n
from core.errors import InvalidInput
from core.paths import resource

i18n.register(
    {
        "sheet.wrong_type": (
            "“{file}”不是可导入的表格：请选择 .csv 或 .xlsx 文件",
            "“{file}” is not a spreadsheet that can be imported: choose a .csv or .xlsx file",
        ),
        "sheet.old_excel": (
            "“{file}”是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后再导入",
            "“{file}” is an old Excel (.xls) file: save it as .xlsx or CSV in Excel, then import that",
        ),
        "sheet.unreadable": ("无法读取文件“{file}”：{problem}", "Cannot read the file “{file}”: {problem}"),
        "sheet.not_text": (
            "“{file}”不是文本 CSV 文件（编码无法识别，或是改了后缀的其他文件）",
            "“{file}” is not a text CSV file (unknown encoding, or another kind of file renamed)",
        ),
        "sheet.corrupt_xlsx": (
            "“{file}”不是有效的 Excel（.xlsx）文件，可能已损坏：{problem}",
            "“{file}” is not a valid Excel (.xlsx) file, it may be damaged: {problem}",
        ),
        "sheet.bad_csv": (
            "“{file}”第 {row} 行的 CSV 格式有误：{problem}",
            "Row {row} of “{file}” is not valid CSV: {problem}",
        ),
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


# ---- reading ---------------------------------------------------------------------------------------------


_SNIFF = 1 << 20  # bytes read to tell the encoding; the rest of the file is decoded as it streams


def _encoding(head: bytes, complete: bool, file_name: str) -> tuple[str, int]:
    """The encoding of a CSV whose first bytes are ``head`` (the whole file when ``complete``), and its BOM length.

    UTF-8 (BOM or not) first, then GB18030 (a superset of GBK), UTF-16 only with its BOM; text holding NUL is not
    a CSV. InvalidInput naming the file otherwise.
    """
    if head.startswith(codecs.BOM_UTF8):
        candidates = [("utf-8", len(codecs.BOM_UTF8))]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = [("utf-16", 0)]
    else:
        candidates = [("utf-8", 0), ("gb18030", 0)]
    for encoding, skip in candidates:
        try:  # an incremental decoder: a character cut at the end of ``head`` is not an error
            text = codecs.getincrementaldecoder(encoding)().decode(head[skip:], final=complete)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text:
            return encoding, skip
    raise InvalidInput(i18n.t("sheet.not_text", file=file_name), field="file")


def _csv_rows(path: Path) -> Generator[list[Any]]:
    """The file's CSV records, streamed: the encoding is told from its first megabyte, the rest decoded as read."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InvalidInput(
            i18n.t("sheet.unreadable", file=path.name, problem=exc.strerror or exc), field="file"
        ) from exc
    with handle:
        head = handle.read(_SNIFF)
        encoding, skip = _encoding(head, len(head) < _SNIFF, path.name)
        first_line = head[skip:].split(b"\n", 1)[0].decode(encoding, errors="replace")
        delimiter = ","
        if "," not in first_line:
            delimiter = (
                max(("\t", ";"), key=first_line.count) if ("\t" in first_line or ";" in first_line) else ","
            )
        handle.seek(skip)
        text = io.TextIOWrapper(handle, encoding=encoding, newline="")
        reader = csv.reader(text, delimiter=delimiter)
        number = 0
        try:
            for number, record in enumerate(reader, start=1):  # noqa: B007 - number is used after an error
                yield record
        except csv.Error as exc:
            raise InvalidInput(
                i18n.t("sheet.bad_csv", file=path.name, row=number + 1, problem=exc),
                field="file",
                row=number + 1,
            ) from exc
        except UnicodeDecodeError as exc:  # the encoding told from the head does not hold further down
            raise InvalidInput(
                i18n.t("sheet.not_text", file=path.name), field="file", row=number + 1
            ) from exc


SheetChooser = Callable[[list[tuple[str, list[Any]]]], int]
"""Given each sheet's title and first row, the index of the sheet to read (or InvalidInput)."""


def _xlsx_rows(path: Path, choose: SheetChooser | None = None) -> Generator[list[Any]]:
    import openpyxl  # imported here: only an .xlsx import pays for it (start-up stays quick)

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except OSError as exc:
        raise InvalidInput(
            i18n.t("sheet.unreadable", file=path.name, problem=exc.strerror or exc), field="file"
        ) from exc
    # openpyxl raises many kinds for a damaged or foreign file; all mean the same here
    except Exception as exc:
        raise InvalidInput(i18n.t("sheet.corrupt_xlsx", file=path.name, problem=exc), field="file") from exc
    try:
        if not book.worksheets:
            return
        index = 0
        if choose is not None and len(book.worksheets) > 1:
            firsts = []
            for candidate in book.worksheets:
                candidate.reset_dimensions()
                first = next(candidate.iter_rows(values_only=True, max_row=1), ())
                firsts.append((candidate.title, list(first)))
            index = choose(firsts)
        sheet = book.worksheets[index]
        sheet.reset_dimensions()  # some exporters write a wrong <dimension>; read every row that is there
        for values in sheet.iter_rows(values_only=True):
            yield list(values)
    except InvalidInput:
        raise
    except Exception as exc:  # a damaged sheet part surfaces only while the rows are read
        raise InvalidInput(i18n.t("sheet.corrupt_xlsx", file=path.name, problem=exc), field="file") from exc
    finally:
        book.close()


def raw_rows(path: Path, choose: SheetChooser | None = None) -> Generator[list[Any]]:
    """Every record of a .csv (streamed, encoding detected) or .xlsx (``choose`` picks among several sheets; the
    first sheet otherwise) as a list of cell values; InvalidInput naming the file for any other kind."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _csv_rows(path)
    if suffix == ".xlsx":
        return _xlsx_rows(path, choose)
    if suffix == ".xls":
        raise InvalidInput(i18n.t("sheet.old_excel", file=path.name), field="file")
    raise InvalidInput(i18n.t("sheet.wrong_type", file=path.name), field="file")


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
