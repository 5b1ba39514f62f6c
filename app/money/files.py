"""CSV and Excel downloads of the money area: one sheet each, written by app.exports."""

from collections.abc import Iterable, Sequence

from flask import Response

from app.exports import Sheet, csv_bytes, xlsx_bytes
from app.exports import download as attachment


def download(
    filename: str, kind: str, title: str, header: Sequence[str], rows: Iterable[Sequence]
) -> Response:
    """`kind` "csv" (semicolons, UTF-8 with BOM) or "xlsx" (one sheet, bold header)."""
    rows = list(rows)
    if kind == "csv":
        content = csv_bytes(header, rows)
    else:
        content = xlsx_bytes([Sheet(title, header, rows, widths="fit")])
    return attachment(f"{filename}.{kind}", content)
