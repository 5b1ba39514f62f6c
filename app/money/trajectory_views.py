"""The billing terms of each trajectory: referrer, decision number, tariff and period."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import roles
from app.db import get_session
from app.models import Participant
from app.money.blueprint import bp
from app.money.hours_views import MONEY
from app.money.inputs import chosen, read_fields, save_for_participant
from app.money.models import TrajectoryBilling
from app.money.vocab import TARIFF_KINDS

FIELDS = {
    "verwijzer": ("referrer", "text"),
    "beschikking": ("decision_number", "text"),
    "tarief_soort": ("tariff_kind", TARIFF_KINDS),
    "tarief": ("tariff", "amount"),
    "van": ("start_date", "date"),
    "tot": ("end_date", "date"),
}


@bp.route("/trajecten", methods=["GET", "POST"])
@roles(*MONEY)
def trajectories():
    db = get_session()
    people = db.exec(
        select(Participant).order_by(Participant.last_name, Participant.first_name)
    ).all()
    errors: dict = {}
    if request.method == "POST":
        values, errors = read_fields(request.form, FIELDS)
        participant = chosen(request.form, people, errors)
        if not errors and values["end_date"] < values["start_date"]:
            errors["tot"] = _("De einddatum ligt vóór de begindatum.")
        if not errors:
            save_for_participant(db, TrajectoryBilling, participant.id, values)
            db.commit()
            flash(_("Facturatie van %(name)s opgeslagen.", name=participant.full_name), "success")
            return redirect(url_for("money.trajectories"))
    rows = db.exec(select(TrajectoryBilling, Participant).join(Participant)).all()
    return render_template(
        "money/trajectories.html",
        rows=sorted(rows, key=lambda r: (r[0].referrer, r[1].last_name)),
        people=people,
        kinds=TARIFF_KINDS,
        form=request.form,
        errors=errors,
    ), 400 if errors else 200
