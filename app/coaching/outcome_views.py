"""Closing a trajectory, the outflow dashboard for managers, and its export."""


from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import MANAGERS, STAFF, roles
from app.coaching import bp
from app.coaching.access import participant_or_abort
from app.coaching.forms import OutcomeForm
from app.coaching.models import Outcome
from app.coaching.outcomes import (
    certificates_per_quarter,
    close_trajectory,
    dashboard,
    export,
    outcome_frame,
)
from app.db import get_session
from app.exports import download


@bp.route("/<int:participant_id>/afsluiten", methods=["GET", "POST"])
@roles(*STAFF)
def outcome(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    existing = db.exec(select(Outcome).where(Outcome.participant_id == participant.id)).first()
    form = OutcomeForm(obj=existing, data=None if existing else {"ended_on": clock.today()})
    if form.validate_on_submit():
        close_trajectory(
            db,
            participant,
            form.ended_on.data,
            form.kind.data,
            form.destination.data or "",
            form.note.data or "",
        )
        db.commit()
        flash(_("Traject afgesloten; de deelnemer staat niet meer op het rooster."), "success")
        return redirect(url_for("coaching.participant_file", participant_id=participant.id))
    return render_template(
        "coaching/outcome.html", p=participant, form=form, existing=existing
    ), 400 if form.errors else 200


@bp.route("/uitstroom")
@roles(*MANAGERS)
def outcomes():
    db = get_session()
    frame = outcome_frame(db)
    return render_template(
        "coaching/outcomes.html",
        pivots=dashboard(frame),
        total=len(frame),
        certificates=certificates_per_quarter(db),
    )


@bp.route("/uitstroom.<any(csv, xlsx):kind>")
@roles(*MANAGERS)
def outcomes_export(kind: str):
    db = get_session()
    frame = outcome_frame(db)
    record(db, "export", f"uitstroom {kind} ({len(frame)} trajecten)")
    db.commit()
    return download(f"uitstroom.{kind}", export(frame, kind))
