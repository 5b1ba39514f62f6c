"""The customer portal: a customer's own orders, stock and shipments, and CSV downloads.

Every view reads `current_user.customer_id` and passes it to a scoped query; another
customer's id in the URL finds nothing and answers 404, so ids cannot be probed.
"""

from flask import abort, render_template
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.access import roles
from app.db import get_session
from app.exports import csv_bytes, download
from app.labels import label
from app.orders.queries import order_line, order_lines, status_history
from app.portal import bp
from app.portal.queries import shipment_of, shipments_of
from inventory import packing_list
from inventory import stock as stock_lines

CUSTOMER = "customer"


def _day(value) -> str:
    return value.strftime("%d-%m-%Y") if value else ""


@bp.route("/orders")
@roles(CUSTOMER)
def orders():
    lines = order_lines(get_session(), customer_id=current_user.customer_id)
    return render_template("portal/orders.html", lines=lines)


@bp.route("/orders/<int:order_id>")
@roles(CUSTOMER)
def order(order_id: int):
    db = get_session()
    line = order_line(db, order_id, customer_id=current_user.customer_id)
    if line is None:
        abort(404)
    return render_template("portal/order.html", line=line, history=status_history(db, order_id))


@bp.route("/orders.csv")
@roles(CUSTOMER)
def orders_csv():
    lines = order_lines(get_session(), customer_id=current_user.customer_id)
    header = [
        _("Order"),
        _("Artikelcode"),
        _("Artikel"),
        _("Aantal"),
        _("Gemaakt"),
        _("Voortgang (%)"),
        _("Status"),
        _("Leverdatum"),
        _("Verwacht gereed"),
    ]
    rows = [
        [
            line.order.number,
            line.progress.article.code,
            line.progress.article.name,
            line.order.quantity,
            line.progress.made,
            line.progress.percent,
            label("order_status", line.order.status),
            _day(line.order.due_date),
            _day(line.progress.forecast),
        ]
        for line in lines
    ]
    return download("orders.csv", csv_bytes(header, rows))


@bp.route("/voorraad")
@roles(CUSTOMER)
def stock():
    return render_template(
        "portal/stock.html", lines=stock_lines(get_session(), customer_id=current_user.customer_id)
    )


@bp.route("/voorraad.csv")
@roles(CUSTOMER)
def stock_csv():
    lines = stock_lines(get_session(), customer_id=current_user.customer_id)
    header = [_("Artikelcode"), _("Artikel"), _("Stuks"), _("Pallets")]
    rows = [[line.article_code, line.article_name, line.units, line.pallets] for line in lines]
    return download("voorraad.csv", csv_bytes(header, rows))


@bp.route("/zendingen")
@roles(CUSTOMER)
def shipments():
    return render_template(
        "portal/shipments.html", rows=shipments_of(get_session(), current_user.customer_id)
    )


@bp.route("/zendingen/<int:shipment_id>")
@roles(CUSTOMER)
def shipment(shipment_id: int):
    db = get_session()
    if shipment_of(db, current_user.customer_id, shipment_id) is None:
        abort(404)
    return render_template("portal/shipment.html", packing=packing_list(db, shipment_id))


@bp.route("/zendingen.csv")
@roles(CUSTOMER)
def shipments_csv():
    rows = shipments_of(get_session(), current_user.customer_id)
    header = [
        _("Zending"),
        _("Referentie"),
        _("Aangemaakt"),
        _("Verzonden"),
        _("Regels"),
        _("Stuks"),
    ]
    lines = [
        [s.number, s.reference or "", _day(s.created_at), _day(s.shipped_at), count, units]
        for s, count, units in rows
    ]
    return download("zendingen.csv", csv_bytes(header, lines))
