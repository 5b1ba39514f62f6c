"""An invoice or credit note as PDF (A4), with the specification per line.

Core fonts only, as the progress report; the euro sign is in Windows-1252, so it prints.
"""

from flask_babel import gettext as _
from fpdf import FPDF
from fpdf.fonts import FontFace

from app.coaching.report_pdf import ENCODING, FONT, printable
from app.money.amounts import euro
from app.money.models import Invoice, InvoiceLine

HEADINGS = FontFace(emphasis="BOLD", fill_color=(235, 235, 235))
SELLER = "Fabriek, sociale werkplaats"


def _day(value) -> str:
    return value.strftime("%d-%m-%Y")


def invoice_pdf(invoice: Invoice, addressee: str, lines: list[InvoiceLine]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_auto_page_break(auto=True, margin=18)
    title = (
        _("Creditnota %(number)s", number=invoice.number)
        if invoice.credit_for_id
        else _("Factuur %(number)s", number=invoice.number)
    )
    pdf.set_title(printable(title))
    pdf.set_author(SELLER)
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, printable(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=10)
    facts = [
        (_("Van"), SELLER),
        (_("Aan"), addressee),
        (_("Factuurdatum"), invoice.issued_on.strftime("%d-%m-%Y")),
        (
            _("Periode"),
            f"{_day(invoice.period_start)} – {_day(invoice.period_end)}",
        ),
    ]
    for name, value in facts:
        pdf.cell(35, 6, printable(name))
        pdf.cell(0, 6, printable(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    header = [_("Omschrijving"), _("Beschikking"), _("Aantal"), _("Prijs"), _("Btw"), _("Bedrag")]
    with pdf.table(
        first_row_as_headings=True,
        headings_style=HEADINGS,
        col_widths=(70, 25, 18, 25, 14, 28),
        text_align=("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
        line_height=5.5,
        borders_layout="HORIZONTAL_LINES",
    ) as table:
        row = table.row()
        for value in header:
            row.cell(printable(value))
        for line in lines:
            row = table.row()
            description = line.description
            if line.billed_from:
                description += f" ({_day(line.billed_from)} – {_day(line.billed_to)})"
            for value in (
                description,
                line.decision_number or "",
                f"{line.quantity.normalize():f}".replace(".", ","),
                euro(line.unit_price),
                f"{line.vat_rate.normalize():f}%".replace(".", ","),
                euro(line.net),
            ):
                row.cell(printable(value))
    pdf.ln(3)
    for name, value in (
        (_("Totaal excl. btw"), invoice.net),
        (_("Btw"), invoice.vat),
        (_("Totaal"), invoice.total),
    ):
        pdf.cell(152, 6, printable(name), align="R")
        pdf.cell(28, 6, printable(euro(value)), align="R", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
