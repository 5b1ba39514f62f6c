"""Warehouse screens for managers: the map, receipt, put-away, moves, stock and history."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import MANAGERS, roles
from app.convert import page_number, record_id
from app.db import get_session
from app.submissions import Answer, write_once
from app.warehouse import bp
from app.warehouse.forms import ActionForm, MoveForm, PutAwayForm, ReceiptForm
from app.warehouse.operations import actor, attempt, location_by_code, pallet_by_label
from app.warehouse.views import (
    article_choices,
    customers,
    fill_level,
    halls,
    has_layout,
    waiting_pallets,
)
from inventory import move_pallet, movement_history, put_away, receive_pallets, stock
from inventory.layout import create_locations
from inventory.models import Article, Pallet

PER_PAGE = 50
# A receipt's message names each pallet up to this many, and the first and last beyond.
LISTED_LABELS = 5


@bp.route("/")
@roles(*MANAGERS)
def index():
    db = get_session()
    return render_template(
        "warehouse/index.html",
        halls=halls(db),
        fill_level=fill_level,
        has_layout=has_layout(db),
        waiting=len(waiting_pallets(db)),
        form=ActionForm(),
    )


@bp.route("/indeling", methods=["POST"])
@roles(*MANAGERS)
def create_layout():
    db = get_session()
    if not ActionForm().validate_on_submit():
        abort(400)
    if has_layout(db):
        flash(_("Het magazijn heeft al een indeling."), "error")
    else:
        count = create_locations(db)
        db.commit()
        flash(_("%(count)s palletplaatsen aangemaakt.", count=count), "success")
    return redirect(url_for("warehouse.index")), 303


@bp.route("/ontvangst", methods=["GET", "POST"])
@roles(*MANAGERS)
def receipt():
    db = get_session()
    form = ReceiptForm()
    form.article_id.choices = [(0, _("Kies…")), *article_choices(db)]
    if form.validate_on_submit():

        def receive() -> Answer:
            article = db.get(Article, form.article_id.data)
            pallets = receive_pallets(
                db,
                article.customer_id,
                article.id,
                form.units.data,
                form.pallets.data,
                reference=form.reference.data or None,
                user=actor(),
            )
            return Answer(
                url_for("warehouse.putaway"),
                _(
                    "%(count)s pallet(s) ontvangen: %(labels)s",
                    count=len(pallets),
                    labels=_labels(pallets),
                ),
            )

        response = attempt(db, lambda: write_once(db, form.submission, receive))
        if response is not None:
            return response
    status = 400 if form.is_submitted() else 200
    return render_template("warehouse/receipt.html", form=form), status


@bp.route("/wegzetten")
@roles(*MANAGERS)
def putaway():
    return render_template(
        "warehouse/putaway.html", waiting=waiting_pallets(get_session()), form=PutAwayForm()
    )


@bp.route("/wegzetten/<int:pallet_id>", methods=["POST"])
@roles(*MANAGERS)
def put_pallet_away(pallet_id: int):
    db = get_session()
    form = PutAwayForm()
    if not form.validate_on_submit():
        abort(400)

    def store():
        target = location_by_code(db, form.location.data).id if form.location.data else None
        return put_away(db, pallet_id, target, user=actor())

    location = attempt(db, store)
    if location is not None:
        label = db.get(Pallet, pallet_id).label
        flash(
            _("Pallet %(pallet)s staat op %(location)s.", pallet=label, location=location.code),
            "success",
        )
    return redirect(url_for("warehouse.putaway")), 303


@bp.route("/verplaatsen", methods=["GET", "POST"])
@roles(*MANAGERS)
def move():
    db = get_session()
    form = MoveForm()
    if form.validate_on_submit():

        def relocate():
            pallet = pallet_by_label(db, form.pallet.data)
            return move_pallet(
                db, pallet.id, location_by_code(db, form.location.data).id, user=actor()
            )

        location = attempt(db, relocate)
        if location is not None:
            flash(_("Pallet verplaatst naar %(location)s.", location=location.code), "success")
            return redirect(url_for("warehouse.move")), 303
    status = 400 if form.is_submitted() else 200
    return render_template("warehouse/move.html", form=form), status


@bp.route("/voorraad")
@roles(*MANAGERS)
def stock_overview():
    db = get_session()
    customer_id = request.args.get("klant", type=record_id)
    return render_template(
        "warehouse/stock.html",
        lines=stock(db, customer_id=customer_id),
        customers=customers(db),
        customer_id=customer_id,
    )


@bp.route("/historie")
@roles(*MANAGERS)
def history():
    db = get_session()
    customer_id = request.args.get("klant", type=record_id)
    article_id = request.args.get("artikel", type=record_id)
    pallet_label = request.args.get("pallet", "").strip()
    pallet_id = None
    if pallet_label:
        found = db.exec(select(Pallet.id).where(Pallet.label == pallet_label)).first()
        pallet_id = found if found is not None else -1
    page = movement_history(
        db,
        customer_id=customer_id,
        article_id=article_id,
        pallet_id=pallet_id,
        page=request.args.get("pagina", 1, type=page_number),
        per_page=PER_PAGE,
    )
    return render_template(
        "warehouse/history.html",
        page=page,
        customers=customers(db),
        names={c.id: c.name for c in customers(db)},
        articles=article_choices(db),
        customer_id=customer_id,
        article_id=article_id,
        pallet_label=pallet_label,
    )


def _labels(pallets: list[Pallet]) -> str:
    """The labels of a receipt, as a range from the first to the last once there are more
    than a few: the message travels in the session cookie, and 200 labels of 18 digits
    made it larger than browsers keep (4 KB), which logged the manager out."""
    labels = [pallet.label for pallet in pallets]
    if len(labels) <= LISTED_LABELS:
        return ", ".join(labels)
    return f"{labels[0]} … {labels[-1]}"
