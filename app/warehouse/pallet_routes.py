"""Pallets one by one: find one, see its history, correct its units after a count.

A correction takes two steps, the form and a confirmation showing the difference, so a
slip of the finger ("9" for "90") is seen before it changes the customer's stock.
"""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.auth.access import MANAGERS, roles
from app.convert import record_id
from app.db import get_session
from app.extensions import htmx
from app.warehouse import bp
from app.warehouse.forms import CorrectionForm
from app.warehouse.messages import inventory_message
from app.warehouse.operations import actor
from app.warehouse.views import (
    PALLET_LIST_LIMIT,
    PalletView,
    article_choices,
    customers,
    pallet_view,
    pallets_in_stock,
)
from inventory import correct_units, movement_history
from inventory.correcting import check_count
from inventory.errors import InventoryError

HISTORY_ROWS = 20


def _pallet_or_404(pallet_id: int) -> PalletView:
    found = pallet_view(get_session(), pallet_id)
    if found is None:
        abort(404)
    return found


@bp.route("/pallets")
@roles(*MANAGERS)
def pallets():
    db = get_session()
    customer_id = request.args.get("klant", type=record_id)
    article_id = request.args.get("artikel", type=record_id)
    search = request.args.get("zoek", "").strip()[:20]
    return render_template(
        "warehouse/pallets.html",
        rows=pallets_in_stock(db, customer_id=customer_id, article_id=article_id, search=search),
        customers=customers(db),
        articles=article_choices(db),
        customer_id=customer_id,
        article_id=article_id,
        search=search,
        limit=PALLET_LIST_LIMIT,
    )


@bp.route("/pallets/<int:pallet_id>")
@roles(*MANAGERS)
def pallet(pallet_id: int):
    view = _pallet_or_404(pallet_id)
    form = CorrectionForm(seen=view.pallet.units, formdata=None)
    return _page(view, form)


@bp.route("/pallets/<int:pallet_id>/corrigeren", methods=["POST"])
@roles(*MANAGERS)
def correct(pallet_id: int):
    db = get_session()
    view = _pallet_or_404(pallet_id)
    form = CorrectionForm()
    if not form.validate_on_submit():
        return _answer(view, form, status=422)
    arguments = {"note": form.note.data, "seen_units": form.seen.data}
    try:
        if form.confirmed.data != "1":
            count = check_count(db, pallet_id, form.counted.data, form.reason.data, **arguments)
            return _answer(view, form, count=count)
        correct_units(db, pallet_id, form.counted.data, form.reason.data, user=actor(), **arguments)
    except InventoryError as error:
        db.rollback()
        return _refused(pallet_id, form, inventory_message(error))
    db.commit()
    flash(
        _(
            "Pallet %(pallet)s gecorrigeerd naar %(units)s stuks.",
            pallet=view.pallet.label,
            units=form.counted.data,
        ),
        "success",
    )
    target = url_for("warehouse.pallet", pallet_id=pallet_id)
    if htmx:
        return "", 204, {"HX-Redirect": target}
    return redirect(target), 303


def _refused(pallet_id: int, form: CorrectionForm, message: str):
    """The form again with what was typed, against the units the pallet holds now."""
    view = _pallet_or_404(pallet_id)
    again = CorrectionForm(
        formdata=None,
        counted=form.counted.data,
        reason=form.reason.data,
        note=form.note.data,
        seen=view.pallet.units,
    )
    return _answer(view, again, status=422, refusal=message)


def _answer(view: PalletView, form: CorrectionForm, status: int = 200, **context):
    """htmx swaps only the correction region; without JavaScript the whole page comes back."""
    if htmx:
        return render_template(
            "warehouse/_correction.html", view=view, form=form, **context
        ), status
    return _page(view, form, **context), status


def _page(view: PalletView, form: CorrectionForm, **context):
    return render_template(
        "warehouse/pallet.html",
        view=view,
        form=form,
        history=movement_history(get_session(), pallet_id=view.pallet.id, per_page=HISTORY_ROWS),
        **context,
    )
