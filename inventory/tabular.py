"""Reading spreadsheets (CSV or Excel) into checked rows, for any import.

Every problem is reported against the line a user sees in their spreadsheet
(1-based, the header is line 1) and the column header, so a planner can fix
the file without a developer. Values are read as text and parsed here, never
guessed by pandas, so "12,5" or "1e3" in a units column is an error rather
than a silently different number.
"""

import csv
import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any

import pandas as pd
from sqlmodel import Session

from inventory.bounds import FIRST_DAY, INT_MAX, LAST_DAY

HEADER_LINE = 1
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")
# More lines than any real notice or order list; a file with more is refused after reading
# only this many, so a sheet of 200,000 rows never ties up a worker.
MAX_ROWS = 500
# A CSV line of 200,000 separators took pandas minutes; no import has more than a few columns.
MAX_COLUMNS = 50
CSV_DELIMITERS = ";,\t"


class TableTooLarge(ValueError):
    """`reason`: too_many_rows (past MAX_ROWS below the header) or too_many_columns."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class CellError(ValueError):
    """A parser's refusal; ``code`` is stable for translation."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


@dataclass(frozen=True)
class Column:
    """One expected column; ``aliases`` are other headers users write for it."""

    name: str
    parse: Callable[[str], Any]
    required: bool = True
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    code: str
    value: str = ""

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.code} ({self.value!r})"


@dataclass(frozen=True)
class Row:
    line: int
    values: dict[str, Any] = field(default_factory=dict)


class Lookups:
    """The database rows a file names, each read once: a file of MAX_ROWS lines usually
    names a handful of customers and articles, and a query per line made previews slow."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._found: dict[tuple, Any] = {}

    def first(self, key: tuple, query: Callable[[], Any]) -> Any:
        """The first row of `query()`, or None, remembered under `key`."""
        if key not in self._found:
            self._found[key] = self._session.exec(query()).first()
        return self._found[key]


def text(value: str) -> str:
    return value


def positive_int(value: str) -> int:
    if not re.fullmatch(r"\d+", value):
        raise CellError("not_a_whole_number")
    # Length first: int() of thousands of digits is slow, and refused past 4,300.
    if len(value.lstrip("0")) > len(str(INT_MAX)) or int(value) > INT_MAX:
        raise CellError("too_large")
    number = int(value)
    if number < 1:
        raise CellError("must_be_positive")
    return number


DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%d-%m-%Y", "%d/%m/%Y")


def a_date(value: str) -> date:
    """ISO dates, Excel's date cells, and the Dutch day-month-year people type."""
    for date_format in DATE_FORMATS:
        try:
            found = datetime.strptime(value, date_format).date()
        except ValueError:
            continue
        if not FIRST_DAY <= found <= LAST_DAY:
            raise CellError("date_out_of_range")
        return found
    raise CellError("not_a_date")


def read_table(
    source: str | Path | IO[bytes], filename: str | None = None, max_rows: int = MAX_ROWS
) -> pd.DataFrame:
    """Load a CSV (comma or semicolon, as Dutch Excel writes) or Excel sheet as text.

    Blank lines are kept so that row positions stay equal to spreadsheet lines. Reading
    stops one line past `max_rows`; a file that long raises `TableTooLarge`.
    """
    name = filename or str(getattr(source, "name", source))
    if name.lower().endswith(EXCEL_SUFFIXES):
        frame = pd.read_excel(source, dtype=str, keep_default_na=False, nrows=max_rows + 1)
        if len(frame) > max_rows:
            raise TableTooLarge("too_many_rows")
        return frame
    if isinstance(source, (str, Path)):
        with open(source, encoding="utf-8-sig", newline="") as opened:
            return _read_csv(opened, max_rows)
    if isinstance(source, io.TextIOBase):
        return _read_csv(source, max_rows)
    return _read_csv(io.TextIOWrapper(source, encoding="utf-8-sig", newline=""), max_rows)


def _read_csv(source: IO[str], max_rows: int) -> pd.DataFrame:
    """Comma, semicolon or tab separated, read with the csv module: it stops after
    max_rows lines and refuses wide lines before pandas builds a column for each cell."""
    first = source.readline()
    if not first.strip():
        raise ValueError("no header")
    try:
        dialect = csv.Sniffer().sniff(first[:4096], delimiters=CSV_DELIMITERS)
    except csv.Error:
        dialect = csv.excel  # one column, or nothing to tell by: the header names the problem
    lines = list(islice(csv.reader(chain([first], source), dialect), max_rows + 2))
    header, records = lines[0], lines[1:]
    if len(records) > max_rows:
        raise TableTooLarge("too_many_rows")
    if any(len(line) > MAX_COLUMNS for line in lines):
        raise TableTooLarge("too_many_columns")
    if any(len(record) > len(header) for record in records):
        raise ValueError("a line has more cells than the header")
    return pd.DataFrame(
        [record + [""] * (len(header) - len(record)) for record in records],
        columns=_unique(header),
        dtype=str,
    )


def _unique(header: list[str]) -> list[str]:
    """Repeated headers get a suffix, as pandas names them (a, a.1)."""
    seen: dict[str, int] = {}
    names = []
    for name in header:
        count = seen.get(name, 0)
        seen[name] = count + 1
        names.append(f"{name}.{count}" if count else name)
    return names


def _normalise(header: object) -> str:
    return " ".join(str(header).strip().lower().replace("_", " ").split())


def _cell(value: object) -> str:
    """Cell text; a blank CSV line reads as NaN even when nothing else does."""
    return "" if pd.isna(value) else str(value).strip()


def _header_map(frame: pd.DataFrame, schema: Sequence[Column]) -> dict[str, object]:
    """Map each column name to the header it has in this file, if any."""
    by_header = {_normalise(header): header for header in frame.columns}
    found = {}
    for column in schema:
        for candidate in (column.name, *column.aliases):
            if _normalise(candidate) in by_header:
                found[column.name] = by_header[_normalise(candidate)]
                break
    return found


def validate_rows(
    frame: pd.DataFrame, schema: Sequence[Column]
) -> tuple[list[Row], list[RowError]]:
    """Parse every cell; return the good rows and every error, not just the first.

    A missing required column is one error on the header line, and then no row
    is checked: every line would fail the same way. Blank lines are skipped.
    """
    headers = _header_map(frame, schema)
    errors = [
        RowError(HEADER_LINE, column.name, "missing_column")
        for column in schema
        if column.required and column.name not in headers
    ]
    if errors:
        return [], errors
    rows = []
    for position, record in enumerate(frame.to_dict("records")):
        line = HEADER_LINE + 1 + position
        cells = {name: _cell(record[header]) for name, header in headers.items()}
        if not any(cells.values()):
            continue
        values, row_errors = _parse_cells(line, cells, schema)
        errors.extend(row_errors)
        if not row_errors:
            rows.append(Row(line, values))
    return rows, errors


def _parse_cells(
    line: int, cells: dict[str, str], schema: Sequence[Column]
) -> tuple[dict[str, Any], list[RowError]]:
    values: dict[str, Any] = {}
    errors = []
    for column in schema:
        raw = cells.get(column.name, "")
        if not raw:
            if column.required:
                errors.append(RowError(line, column.name, "required"))
            values[column.name] = None
            continue
        try:
            values[column.name] = column.parse(raw)
        except CellError as error:
            errors.append(RowError(line, column.name, error.code, raw))
    return values, errors


# Production orders are resolved against app tables (departments) by the web
# app; this schema only checks what a file can get wrong on its own.
PRODUCTION_ORDER_COLUMNS = (
    Column("customer", text, aliases=("klant",)),
    Column("article", text, aliases=("article code", "artikel", "artikelcode")),
    Column("quantity", positive_int, aliases=("aantal", "qty")),
    Column("due date", a_date, aliases=("due", "leverdatum", "deadline")),
    Column("department", text, aliases=("afdeling",)),
)
