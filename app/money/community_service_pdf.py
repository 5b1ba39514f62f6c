"""The completion statement of a community service order, for the probation service."""

from datetime import date

from flask_babel import gettext as _
from fpdf import FPDF

from app.coaching.report_pdf import ENCODING, FONT, printable
from app.money.community_service import ServiceStatus
from app.money.invoice_pdf import SELLER


def statement_pdf(status: ServiceStatus, today: date) -> bytes:
    pdf = FPDF(format="A4")
    pdf.core_fonts_encoding = ENCODING
    pdf.set_author(SELLER)
    title = _("Verklaring uitvoering taakstraf")
    pdf.set_title(printable(title))
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 10, printable(title), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, size=11)
    order, person = status.order, status.participant
    facts = [
        (_("Naam"), person.full_name),
        (_("Zaaknummer"), order.case_number),
        (_("Opgelegde uren"), str(order.hours_imposed)),
        (_("Gewerkte uren"), f"{status.hours_done}".replace(".", ",")),
        (_("Uitgevoerd vanaf"), order.start_date.strftime("%d-%m-%Y")),
        (_("Uiterste datum"), order.deadline.strftime("%d-%m-%Y")),
    ]
    pdf.ln(4)
    for name, value in facts:
        pdf.cell(50, 7, printable(name))
        pdf.cell(0, 7, printable(value), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.multi_cell(
        0,
        6,
        printable(
            _(
                "%(seller)s verklaart dat %(name)s de opgelegde taakstraf van %(hours)s uur "
                "volledig heeft uitgevoerd.",
                seller=SELLER,
                name=person.full_name,
                hours=order.hours_imposed,
            )
        ),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(16)
    pdf.cell(
        0,
        7,
        printable(_("Datum: %(day)s", day=today.strftime("%d-%m-%Y"))),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(14)
    pdf.cell(0, 7, printable(_("Handtekening werkmeester: ____________________")))
    return bytes(pdf.output())
