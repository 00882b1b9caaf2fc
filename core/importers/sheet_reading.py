"""Streaming the records of a spreadsheet file (CSV or XLSX) as lists of raw cell values.

Shared by :mod:`core.importers.product_sheet` and :mod:`core.importers.order_sheet` (both re-export
:func:`raw_rows` from :mod:`core.importers.product_sheet`).

Contract:

- ``.csv`` is streamed: the encoding is told from the first megabyte — UTF-8 (with or without BOM), else GB18030
  (a superset of GBK), or UTF-16 when it starts with that BOM; text holding NUL is not a CSV. The delimiter is the
  comma (tab or semicolon when the header line has those and no comma).
- ``.xlsx`` is read with openpyxl (imported only then) in read-only mode, cell values as stored; the first sheet,
  unless a chooser picks among several.
- Any other suffix (``.xls`` told apart), an unreadable, undecodable or corrupt file raises :class:`InvalidInput`
  naming the file (and the row, where one is known).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

from core import i18n
from core.errors import InvalidInput

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
    }
)


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
