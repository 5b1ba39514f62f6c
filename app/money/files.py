"""CSV and Excel downloads of the money area, with no text cell run as a formula.

Kept small on purpose: the lead routes these through the app's one export module at merge.
"""

import csv
import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from flask import Response
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value: object) -> object:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _csv_cell(value: object) -> object:
    # Dutch Excel reads a decimal comma.
    if isinstance(value, Decimal):
        return str(value).replace(".", ",")
    return "" if value is None else _safe(value)


def download(
    filename: str, kind: str, title: str, header: Sequence[str], rows: Iterable[Sequence]
) -> Response:
    """`kind` "csv" (semicolons, UTF-8 with BOM) or "xlsx" (one sheet, bold header)."""
    rows = list(rows)
    if kind == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow([_safe(h) for h in header])
        writer.writerows([_csv_cell(v) for v in row] for row in rows)
        body, mimetype = ("\ufeff" + buffer.getvalue()).encode("utf-8"), "text/csv; charset=utf-8"
    else:
        book = Workbook()
        sheet = book.active
        sheet.title = title[:31]
        sheet.append([_safe(h) for h in header])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([_safe(v) for v in row])
        out = io.BytesIO()
        book.save(out)
        body, mimetype = out.getvalue(), XLSX
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{filename}.{kind}"'},
    )
