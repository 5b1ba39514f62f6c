"""The week's roster as an Excel workbook.

One sheet per department (what goes on the department's notice board: each daypart with
its team) and one overview sheet with every participant's week on a single row. One sheet
per participant would mean 95 tabs nobody can navigate; the overview row answers "where
is X on Thursday" at a glance and filters in Excel.

Like the printout it names people and departments only, never a target group. Every cell
is written by `write_cell`, the one place to route values through a safe-export check.
"""

from io import BytesIO

from flask_babel import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.roster.texts import Names, when
from app.vocab import DAYPARTS, DAYS

SHEET_NAME_MAX = 31
# Column widths in characters: wide enough for the longest value, within reason.
WIDTH_MIN, WIDTH_MAX = 6, 40
# Row of the column headings: a title row (week and version) and a blank row come first.
HEADER_ROW = 3


def write_cell(sheet: Worksheet, row: int, column: int, value: str | int | None) -> None:
    """Numbers stay numbers; text is written as text."""
    sheet.cell(row=row, column=column, value=value)


def workbook(names: Names, assignments: list[dict], week: str, roster) -> bytes:
    """`roster` is the version shown (its number and status go into every sheet's title)."""
    slots = [(day, part) for day in DAYS for part in DAYPARTS]
    status = _("gepubliceerd") if roster.is_published else _("concept")
    title = _(
        "Rooster %(week)s, versie %(number)d (%(status)s)",
        week=week,
        number=roster.version,
        status=status,
    )
    book = Workbook()
    book.remove(book.active)
    book.properties.title = title
    _table(book, _("Deelnemers"), title, *_overview(names, assignments, slots))
    for department in names.problem.departments:
        _table(book, department.name, title, *_department(names, assignments, department.id, slots))
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _table(book: Workbook, name: str, title: str, header: list[str], rows: list[list]) -> None:
    sheet = book.create_sheet(name[:SHEET_NAME_MAX])
    write_cell(sheet, 1, 1, title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
    for column, text in enumerate(header, start=1):
        write_cell(sheet, HEADER_ROW, column, text)
        sheet.cell(row=HEADER_ROW, column=column).font = Font(bold=True)
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for column, value in enumerate(values, start=1):
            write_cell(sheet, r, column, value)
    for column, text in enumerate(header, start=1):
        longest = max([len(str(text))] + [len(str(v[column - 1] or "")) for v in rows])
        width = min(max(longest + 2, WIDTH_MIN), WIDTH_MAX)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=2)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.oddHeader.center.text = title


def _overview(
    names: Names, assignments: list[dict], slots: list[tuple[str, str]]
) -> tuple[list[str], list[list]]:
    place = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in assignments}
    header = [_("Deelnemer"), _("Code"), *(when(d, p) for d, p in slots)]
    header += [_("Dagdelen"), _("Afspraak")]
    rows = []
    for p in sorted(names.problem.participants, key=lambda p: (names.person(p.id), p.id)):
        row = [names.person(p.id), p.id]
        row += [names.place(place.get((p.id, day, part))) for day, part in slots]
        row += [sum(1 for day, part in slots if (p.id, day, part) in place), p.dayparts_per_week]
        rows.append(row)
    return header, rows


def _department(
    names: Names, assignments: list[dict], did: str, slots: list[tuple[str, str]]
) -> tuple[list[str], list[list]]:
    """Dayparts as columns, team members listed below each (blank where the team is smaller)."""
    teams = [
        sorted(
            names.person(a["participant"])
            for a in assignments
            if (a["department"], a["day"], a["daypart"]) == (did, day, part)
        )
        for day, part in slots
    ]
    depth = max((len(team) for team in teams), default=0)
    header = [_("Nr"), *(when(d, p) for d, p in slots)]
    rows = [[n + 1, *(team[n] if n < len(team) else None for team in teams)] for n in range(depth)]
    return header, rows
