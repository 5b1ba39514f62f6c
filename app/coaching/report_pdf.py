"""The progress report as PDF: the parts of the printable page, for a referrer's records.

Only the PDF core fonts, so there are no font files to ship: Helvetica in Windows-1252
covers Dutch (ë, é, ï) and the en dash. A character beyond it (a name in another script)
is folded to its base letter, or shown as "?", rather than failing the download.
"""

import unicodedata

from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from app.coaching.report import ProgressReport, report_facts, report_tables
from app.coaching.vocab import ATTENDANCE_STATUSES
from app.labels import label

ENCODING = "windows-1252"
FONT = "Helvetica"
HEADINGS = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))


def printable(value: object) -> str:
    """The text as the core fonts can show it."""
    return "".join(_printable_char(c) for c in ("" if value is None else str(value)))


def _printable_char(char: str) -> str:
    try:
        char.encode(ENCODING)
        return char
    except UnicodeEncodeError:
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        return base.encode(ENCODING, "replace").decode(ENCODING) or "?"


class _ReportPdf(FPDF):
    def __init__(self, name: str):
        super().__init__(format="A4")
        self.core_fonts_encoding = ENCODING
        self.set_auto_page_break(auto=True, margin=18)
        self._name = name

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=8)
        page = _("Pagina %(page)s van %(pages)s", page=self.page_no(), pages="{nb}")
        self.cell(0, 6, printable(f"{self._name} · {page}"), align="C")


def pdf_report(report: ProgressReport) -> bytes:
    name = report.participant.full_name
    title = _("Voortgangsrapport %(name)s", name=name)
    pdf = _ReportPdf(name)
    pdf.set_title(printable(title))
    pdf.set_author("Fabriek")
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.multi_cell(0, 9, printable(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    _table(pdf, report_facts(report), headings=False)
    _attendance(pdf, report)
    for table in report_tables(report):
        if table.rows or table.empty:
            _heading(pdf, table.title)
            if table.rows:
                _table(pdf, [table.header, *table.rows])
            else:
                _paragraph(pdf, table.empty)
    _heading(pdf, _("Samenvatting van de trajectbegeleider"))
    _paragraph(pdf, report.summary or "–")
    return bytes(pdf.output())


def _attendance(pdf: FPDF, report: ProgressReport) -> None:
    _heading(pdf, _("Aanwezigheid"))
    summary = report.attendance
    if summary.rate is None:
        _paragraph(pdf, _("In deze periode is geen aanwezigheid geregistreerd."))
        return
    _paragraph(
        pdf,
        _(
            "%(rate)s%% van %(count)d geregistreerde dagdelen aanwezig (inclusief te laat).",
            rate=round(summary.rate * 100),
            count=summary.registered,
        ),
    )
    _table(
        pdf,
        [
            [label("attendance", s) for s in ATTENDANCE_STATUSES],
            [summary.counts.get(s, 0) for s in ATTENDANCE_STATUSES],
        ],
    )


def _heading(pdf: FPDF, text: str) -> None:
    pdf.ln(3)
    pdf.set_font(FONT, "B", 12)
    pdf.multi_cell(0, 7, printable(text), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)


def _paragraph(pdf: FPDF, text: str) -> None:
    pdf.multi_cell(0, 5, printable(text), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1)


def _table(pdf: FPDF, rows: list, *, headings: bool = True) -> None:
    with pdf.table(
        first_row_as_headings=headings,
        headings_style=HEADINGS,
        text_align="LEFT",
        line_height=5.5,
        borders_layout="HORIZONTAL_LINES" if headings else "NONE",
    ) as table:
        for values in rows:
            row = table.row()
            for value in values:
                row.cell(printable("–" if value is None else value))
    pdf.ln(2)
