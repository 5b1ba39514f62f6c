"""Outbound: open a shipment, pick pallets or units onto it, ship it, print its packing list."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.submissions import Answer, new_key, write_once
from app.warehouse import bp
from app.warehouse.forms import ActionForm, PickForm, ShipmentForm
from app.warehouse.operations import actor, attempt
from app.warehouse.views import customers
from inventory import create_shipment, packing_list, pick_pallet, pick_units, ship
from inventory.models import Article, Customer, Location, Pallet, Shipment
from inventory.stock import IN_STOCK


def _shipment_or_404(shipment_id: int) -> Shipment:
    shipment = get_session().get(Shipment, shipment_id)
    if shipment is None:
        abort(404)
    return shipment


@bp.route("/zendingen", methods=["GET", "POST"])
@roles(*MANAGERS)
def shipments():
    db = get_session()
    form = ShipmentForm()
    form.customer_id.choices = [(0, _("Kies…"))] + [(c.id, c.name) for c in customers(db)]
    if form.validate_on_submit():

        def open_one() -> Answer:
            shipment = create_shipment(
                db, form.customer_id.data, reference=form.reference.data or None
            )
            return Answer(
                url_for("warehouse.shipment", shipment_id=shipment.id),
                _("Zending %(number)s geopend.", number=shipment.number),
            )

        response = attempt(db, lambda: write_once(db, form.submission, open_one))
        if response is not None:
            return response
    rows = db.exec(
        select(Shipment, Customer)
        .join(Customer, Customer.id == Shipment.customer_id)
        .order_by(Shipment.shipped_at.is_not(None), Shipment.created_at.desc())
        .limit(200)
    ).all()
    status = 400 if form.is_submitted() else 200
    return render_template("warehouse/shipments.html", form=form, rows=rows), status


@bp.route("/zendingen/<int:shipment_id>")
@roles(*MANAGERS)
def shipment(shipment_id: int):
    db = get_session()
    found = _shipment_or_404(shipment_id)
    available = []
    if found.shipped_at is None:
        available = db.exec(
            select(Pallet, Article, Location)
            .join(Article, Article.id == Pallet.article_id)
            .join(Location, Location.id == Pallet.location_id, isouter=True)
            .where(Pallet.customer_id == found.customer_id, Pallet.status.in_(IN_STOCK))
            .order_by(Article.code, Pallet.received_at, Pallet.id)
        ).all()
    return render_template(
        "warehouse/shipment.html",
        shipment=found,
        packing=packing_list(db, shipment_id),
        available=available,
        pick_form=PickForm(),
        new_key=new_key,
        form=ActionForm(),
    )


@bp.route("/zendingen/<int:shipment_id>/picken", methods=["POST"])
@roles(*MANAGERS)
def pick(shipment_id: int):
    db = get_session()
    _shipment_or_404(shipment_id)
    form = PickForm()
    if not form.validate_on_submit() or not form.pallet_id.data.isdigit():
        flash(" ".join(form.units.errors) or _("Kies een pallet."), "error")
        return redirect(url_for("warehouse.shipment", shipment_id=shipment_id)), 303
    pallet_id = int(form.pallet_id.data)

    def book() -> Answer:
        if form.units.data:
            line = pick_units(db, shipment_id, pallet_id, form.units.data, user=actor())
        else:
            line = pick_pallet(db, shipment_id, pallet_id, user=actor())
        return Answer(
            url_for("warehouse.shipment", shipment_id=shipment_id),
            _("%(units)s stuks op de zending gezet.", units=line.units),
        )

    response = attempt(db, lambda: write_once(db, form.submission, book))
    return response or (redirect(url_for("warehouse.shipment", shipment_id=shipment_id)), 303)


@bp.route("/zendingen/<int:shipment_id>/verzenden", methods=["POST"])
@roles(*MANAGERS)
def send(shipment_id: int):
    db = get_session()
    _shipment_or_404(shipment_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if attempt(db, lambda: ship(db, shipment_id, user=actor())) is not None:
        flash(_("Zending verzonden."), "success")
        return redirect(url_for("warehouse.packing", shipment_id=shipment_id)), 303
    return redirect(url_for("warehouse.shipment", shipment_id=shipment_id)), 303


@bp.route("/zendingen/<int:shipment_id>/paklijst")
@roles(*MANAGERS)
def packing(shipment_id: int):
    _shipment_or_404(shipment_id)
    return render_template(
        "warehouse/packing_list.html", packing=packing_list(get_session(), shipment_id)
    )
