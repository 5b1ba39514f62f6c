"""The invoice ledger, the monthly runs, PDFs and specifications, and credit notes."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import roles
from app.db import get_session
from app.money.blueprint import bp
from app.money.files import download
from app.money.hours_views import MONEY, month_or_404
from app.money.invoice_pdf import invoice_pdf
from app.money.invoices import CreditRefused, credit, lines_of
from app.money.labels import money_label
from app.money.models import Invoice
from app.money.months import last_month
from app.money.runs import RunRefused, run_month
from inventory.models import Customer


def addressee(db, invoice: Invoice) -> str:
    if invoice.kind == "customer":
        return db.get(Customer, invoice.customer_id).name
    return invoice.referrer


def _invoice(db, invoice_id: int) -> Invoice:
    invoice = db.get(Invoice, invoice_id) if invoice_id < 2**31 else None
    if invoice is None:
        abort(404)
    return invoice


@bp.route("/facturen")
@roles(*MONEY)
def invoices():
    db = get_session()
    month = month_or_404(request.args.get("maand")) if request.args.get("maand") else last_month()
    rows = db.exec(select(Invoice).order_by(Invoice.id.desc()).limit(500)).all()
    credited = {i.credit_for_id for i in rows if i.credit_for_id}
    return render_template(
        "money/invoices.html",
        month=month,
        invoices=rows,
        credited=credited,
        names={i.id: addressee(db, i) for i in rows},
    )


@bp.route("/facturen/grootboek.<any(csv, xlsx):kind>")
@roles(*MONEY)
def ledger_export(kind: str):
    """Every invoice and credit note for the bookkeeping, oldest first."""
    db = get_session()
    rows = db.exec(select(Invoice).order_by(Invoice.id)).all()
    numbers = {i.id: i.number for i in rows}
    header = [
        _("Nummer"),
        _("Datum"),
        _("Aan"),
        _("Soort"),
        _("Periode van"),
        _("Periode tot en met"),
        _("Crediteert"),
        _("Excl. btw"),
        _("Btw"),
        _("Totaal"),
    ]
    lines = [
        [
            i.number,
            i.issued_on,
            addressee(db, i),
            money_label("invoice_kind", i.kind),
            i.period_start,
            i.period_end,
            numbers.get(i.credit_for_id, ""),
            i.net,
            i.vat,
            i.total,
        ]
        for i in rows
    ]
    return download("grootboek", kind, _("Grootboek"), header, lines)


@bp.route("/facturen/<month>/<any(referrer, customer):kind>", methods=["POST"])
@roles(*MONEY)
def run_invoices(month: str, kind: str):
    db = get_session()
    day = month_or_404(month)
    try:
        result = run_month(db, day, kind, current_user.id, clock.today())
    except RunRefused as refusal:
        flash(
            _("Een maand wordt pas na afloop gefactureerd.")
            if str(refusal) == "not_ended"
            else _("Keur eerst de uren van deze maand goed; verwijzers betalen naar aanwezigheid."),
            "error",
        )
        return redirect(url_for("money.invoices", maand=month))
    flash(
        _("%(count)d facturen gemaakt.", count=len(result.invoices))
        if result.invoices
        else _("Niets meer te factureren voor deze maand."),
        "success",
    )
    for customer, article in result.missing_prices:
        flash(
            _(
                "%(customer)s niet gefactureerd: artikel %(article)s heeft geen prijs.",
                customer=customer,
                article=article,
            ),
            "warning",
        )
    return redirect(url_for("money.invoices", maand=month))


@bp.route("/facturen/<int:invoice_id>.pdf")
@roles(*MONEY)
def invoice_pdf_download(invoice_id: int):
    db = get_session()
    invoice = _invoice(db, invoice_id)
    body = invoice_pdf(invoice, addressee(db, invoice), lines_of(db, invoice))
    return Response(
        body,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'inline; filename="factuur-{invoice.number}.pdf"'},
    )


@bp.route("/facturen/<int:invoice_id>/specificatie.<any(csv, xlsx):kind>")
@roles(*MONEY)
def invoice_spec(invoice_id: int, kind: str):
    db = get_session()
    invoice = _invoice(db, invoice_id)
    header = [
        _("Factuur"),
        _("Omschrijving"),
        _("Beschikking"),
        _("Van"),
        _("Tot en met"),
        _("Aantal"),
        _("Prijs"),
        _("Btw %"),
        _("Bedrag"),
        _("Btw"),
    ]
    rows = [
        [
            invoice.number,
            line.description,
            line.decision_number or "",
            line.billed_from,
            line.billed_to,
            line.quantity,
            line.unit_price,
            line.vat_rate,
            line.net,
            line.vat,
        ]
        for line in lines_of(db, invoice)
    ]
    record(db, "export", f"specificatie factuur {invoice.number} {kind}")
    db.commit()
    return download(f"specificatie-{invoice.number}", kind, _("Specificatie"), header, rows)


@bp.route("/facturen/<int:invoice_id>/crediteren", methods=["POST"])
@roles(*MONEY)
def credit_invoice(invoice_id: int):
    db = get_session()
    invoice = _invoice(db, invoice_id)
    try:
        note = credit(db, invoice, clock.today(), current_user.id)
    except CreditRefused:
        db.rollback()
        flash(_("Deze factuur is al gecrediteerd of is zelf een creditnota."), "error")
    else:
        flash(
            _(
                "Creditnota %(number)s gemaakt; de periode kan opnieuw worden gefactureerd.",
                number=note.number,
            ),
            "success",
        )
    return redirect(url_for("money.invoices"))
