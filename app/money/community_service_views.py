"""Community service orders for managers and the participant's own coach, and the
completion statement for the probation service."""

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import roles
from app.coaching.access import caseload_ids
from app.db import get_session
from app.models import Participant
from app.money.blueprint import bp
from app.money.community_service import statuses
from app.money.community_service_pdf import statement_pdf
from app.money.inputs import chosen, read_fields, save_for_participant
from app.money.models import CommunityService

WHO = ("manager", "coach")
FIELDS = {
    "zaak": ("case_number", "text"),
    "van": ("start_date", "date"),
    "uiterlijk": ("deadline", "date"),
}


def _visible(db) -> set[int] | None:
    return None if current_user.role == "manager" else caseload_ids(db, current_user.id)


def _read_hours(text: str) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and 0 < int(text) <= 240 else None


@bp.route("/taakstraffen", methods=["GET", "POST"])
@roles(*WHO)
def community_service():
    db = get_session()
    visible = _visible(db)
    query = select(Participant).where(
        Participant.target_group == "community_service", Participant.active
    )
    if visible is not None:
        query = query.where(Participant.id.in_(visible))
    people = db.exec(query.order_by(Participant.last_name, Participant.first_name)).all()
    errors: dict = {}
    if request.method == "POST":
        values, errors = read_fields(request.form, FIELDS)
        values["hours_imposed"] = _read_hours(request.form.get("uren", ""))
        if values["hours_imposed"] is None:
            errors["uren"] = _("Vul het opgelegde aantal uren in (1 tot en met 240).")
        participant = chosen(request.form, people, errors)
        if not errors and values["deadline"] < values["start_date"]:
            errors["uiterlijk"] = _("De uiterste datum ligt vóór de begindatum.")
        if not errors:
            save_for_participant(db, CommunityService, participant.id, values)
            record(db, "update", f"taakstraf {values['hours_imposed']} uur", participant.id)
            db.commit()
            flash(_("Taakstraf van %(name)s opgeslagen.", name=participant.full_name), "success")
            return redirect(url_for("money.community_service"))
    return render_template(
        "money/community_service.html",
        rows=statuses(db, clock.today(), visible),
        people=people,
        form=request.form,
        errors=errors,
    ), 400 if errors else 200


@bp.route("/taakstraffen/<int:service_id>/verklaring.pdf")
@roles(*WHO)
def community_service_statement(service_id: int):
    db = get_session()
    order = db.get(CommunityService, service_id) if service_id < 2**31 else None
    if order is None:
        abort(404)
    visible = _visible(db)
    if visible is not None and order.participant_id not in visible:
        abort(403)
    (status,) = statuses(db, clock.today(), {order.participant_id})
    if not status.completed:
        flash(_("De verklaring komt er pas als alle uren zijn gewerkt."), "error")
        return redirect(url_for("money.community_service"))
    record(db, "export", f"verklaring taakstraf {order.case_number}", order.participant_id)
    db.commit()
    return Response(
        statement_pdf(status, clock.today()),
        mimetype="application/pdf",
        headers={"Content-Disposition": 'inline; filename="verklaring-taakstraf.pdf"'},
    )
