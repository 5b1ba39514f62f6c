"""Every spreadsheet and CSV file the app hands out is written here.

Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
return before one) as a formula, so a participant's name or a description typed as
`=HYPERLINK(...)` would become a live link in a manager's Excel. Every text cell, headers
included, is written with a leading apostrophe when it starts that way; numbers and dates
stay numbers and dates.
"""

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
from flask import Response
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
SHEET_NAME_MAX = 31
# Characters Excel does not allow in a sheet's name.
SHEET_NAME_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


# Column widths in characters when fitted to the content: readable, within reason.
WIDTH_MIN, WIDTH_MAX = 6, 40


@dataclass
class Sheet:
    """One sheet: a bold header row and its rows, optionally under a `caption` row (what the
    file is, e.g. the week and version), with frozen panes, column widths (`"fit"`: to the
    content) and a page set-up for printing (A4 landscape, `print_title` on every page)."""

    title: str
    header: Sequence[object]
    rows: Iterable[Sequence[object]]
    freeze: str | None = None
    print_title: str | None = None
    widths: Sequence[float] | str = ()
    caption: str | None = None


def safe(value: object) -> object:
    """The value as a cell may hold it: text that would run as a formula is made plain text;
    a missing value (None, NaN) is an empty cell."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return value


def csv_bytes(header: Sequence[object], rows: Iterable[Sequence[object]]) -> bytes:
    """Semicolon-separated UTF-8 with a BOM: what Excel in a Dutch locale opens cleanly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([safe(value) for value in header])
    writer.writerows([safe(value) for value in row] for row in rows)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(sheets: Iterable[Sheet], title: str | None = None) -> bytes:
    book = Workbook()
    book.remove(book.active)
    if title:
        book.properties.title = title
    for spec in sheets:
        _write_sheet(book, spec)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_sheet(book: Workbook, spec: Sheet) -> None:
    sheet = book.create_sheet(SHEET_NAME_FORBIDDEN.sub("-", spec.title)[:SHEET_NAME_MAX])
    if spec.caption is not None:
        sheet.append([safe(spec.caption)])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append([])
    sheet.append([safe(value) for value in spec.header])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    rows = [[safe(value) for value in row] for row in spec.rows]
    for row in rows:
        sheet.append(row)
    widths = _fitted(spec.header, rows) if spec.widths == "fit" else spec.widths
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    if spec.freeze:
        sheet.freeze_panes = spec.freeze
    if spec.print_title is not None:
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.oddHeader.center.text = spec.print_title


def _fitted(header: Sequence[object], rows: list[list[object]]) -> list[float]:
    return [
        min(max(max(len(str(v or "")) for v in column) + 2, WIDTH_MIN), WIDTH_MAX)
        for column in zip(header, *rows, strict=False)
    ]


def frame_sheet(frame: pd.DataFrame, title: str, **options) -> Sheet:
    """A pandas table as a sheet: its column names as the header, numbers kept as numbers."""
    rows = frame.astype(object).itertuples(index=False, name=None)
    return Sheet(title, [str(c) for c in frame.columns], list(rows), **options)


def frame_csv(frame: pd.DataFrame) -> bytes:
    return csv_bytes([str(c) for c in frame.columns], frame.astype(object).itertuples(False, None))


def download(filename: str, content: bytes) -> Response:
    """The file as an attachment, its media type read from the file name's extension."""
    return Response(
        content,
        content_type=MEDIA_TYPES[filename.rsplit(".", 1)[-1]],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
