"""Pay rates, set by a manager with the date they take effect.

A rate never reaches back into an approved month: that month's payroll has gone out.
"""

from datetime import date

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import func, select

from app.auth.access import roles
from app.db import get_session
from app.models import Participant
from app.money.amounts import parse_amount
from app.money.blueprint import bp
from app.money.hours import month_end
from app.money.models import HoursApproval, PayProfile, PayRate
from app.money.payroll import pay_kinds
from app.money.vocab import PAY_KINDS, RATE_UNITS


def last_locked_day(db) -> date | None:
    month = db.exec(select(func.max(HoursApproval.month))).one()
    return month_end(month) if month else None


def _errors(db, form) -> tuple[dict, dict]:
    errors, values = {}, {}
    values["kind"] = form.get("soort") if form.get("soort") in PAY_KINDS else None
    values["unit"] = form.get("eenheid") if form.get("eenheid") in RATE_UNITS else None
    values["amount"] = parse_amount(form.get("bedrag", ""))
    try:
        values["valid_from"] = date.fromisoformat(form.get("vanaf", ""))
    except ValueError:
        values["valid_from"] = None
    if values["kind"] is None:
        errors["soort"] = _("Kies een soort vergoeding.")
    if values["unit"] is None:
        errors["eenheid"] = _("Kies waarover het tarief gaat.")
    if values["amount"] is None:
        errors["bedrag"] = _("Vul een bedrag in euro's in, bijvoorbeeld 3,25.")
    locked = last_locked_day(db)
    if values["valid_from"] is None:
        errors["vanaf"] = _("Vul een geldige datum in (dd-mm-jjjj).")
    elif values["valid_from"].year < 2000 or values["valid_from"].year > 2100:
        errors["vanaf"] = _("Vul een geldige datum in (dd-mm-jjjj).")
    elif locked and values["valid_from"] <= locked:
        errors["vanaf"] = _(
            "Tot en met %(day)s zijn de uren goedgekeurd; een nieuw tarief gaat later in.",
            day=locked.strftime("%d-%m-%Y"),
        )
    elif (
        values["kind"]
        and db.exec(
            select(PayRate).where(
                PayRate.kind == values["kind"], PayRate.valid_from == values["valid_from"]
            )
        ).first()
    ):
        errors["vanaf"] = _("Voor deze soort gaat op die datum al een tarief in.")
    return errors, values


@bp.route("/tarieven", methods=["GET", "POST"])
@roles("manager")
def rates():
    db = get_session()
    errors: dict = {}
    if request.method == "POST":
        errors, values = _errors(db, request.form)
        if not errors:
            db.add(PayRate(**values))
            db.commit()
            flash(_("Tarief opgeslagen."), "success")
            return redirect(url_for("money.rates"))
    return _page(errors)


def _page(errors: dict):
    db = get_session()
    people = db.exec(
        select(Participant)
        .where(Participant.active)
        .order_by(Participant.last_name, Participant.first_name)
    ).all()
    return render_template(
        "money/rates.html",
        rates=db.exec(select(PayRate).order_by(PayRate.kind, PayRate.valid_from.desc())).all(),
        kinds=PAY_KINDS,
        units=RATE_UNITS,
        people=people,
        pay_kind_of=pay_kinds(db, people),
        form=request.form,
        errors=errors,
    ), 400 if errors else 200


@bp.route("/tarieven/deelnemer", methods=["POST"])
@roles("manager")
def set_pay_profile():
    """A participant paid otherwise than their target group: a volunteer, or no pay at all."""
    db = get_session()
    pid, kind = request.form.get("deelnemer", ""), request.form.get("vergoeding", "")
    participant = db.get(Participant, int(pid)) if pid.isdigit() and len(pid) < 10 else None
    errors = {}
    if participant is None:
        errors["deelnemer"] = _("Kies een deelnemer.")
    if kind not in (*PAY_KINDS, "none", ""):
        errors["vergoeding"] = _("Kies een soort vergoeding.")
    if errors:
        return _page(errors)
    profile = db.exec(select(PayProfile).where(PayProfile.participant_id == participant.id)).first()
    if kind == "" and profile is not None:
        db.delete(profile)
    elif kind:
        profile = profile or PayProfile(participant_id=participant.id)
        profile.kind = kind
        db.add(profile)
    db.commit()
    flash(_("Vergoeding van %(name)s opgeslagen.", name=participant.full_name), "success")
    return redirect(url_for("money.rates") + "#per-deelnemer")
