"""Registering participants, the waiting list, a trajectory's steps, coaches, clearance and
pairs who must not work together."""


from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.auth.access import MANAGERS, STAFF, roles
from app.coaching import bp
from app.coaching.access import caseload_ids, participant_or_abort
from app.coaching.avoid import add_pair, remove_pair
from app.coaching.clearance import record_clearance
from app.coaching.importing import apply_participants, parse_participants
from app.coaching.lifecycle import assign_coach, end_assignment, move, pause, register, resume
from app.coaching.lifecycle_forms import ClearanceForm, CoachForm, PauseForm, RegistrationForm
from app.coaching.lifecycle_page import coach_choices
from app.coaching.roster_inputs import is_detainee_group
from app.coaching.routes import file_page
from app.db import get_session
from app.models import Department, Participant, User
from app.submissions import Answer, write_once
from app.warehouse.import_flow import confirm, preview

IMPORT_KIND = "participants"


def _file(participant_id: int, section: str = ""):
    return redirect(url_for("coaching.participant_file", participant_id=participant_id) + section)


@bp.route("/aanmelden", methods=["GET", "POST"], endpoint="register")
@roles(*STAFF)
def register_page():
    db = get_session()
    form = RegistrationForm()
    if not form.is_submitted():
        form.referral_date.data = clock.today()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        no_departments = db.exec(select(Department.id)).first() is None
        page = render_template("coaching/register.html", form=form, no_departments=no_departments)
        return page, status

    def made() -> Answer:
        participant = register(db, form.values(), today=clock.today(),
                               coach_id=current_user.id if current_user.role == "coach" else None)
        return Answer(url_for("coaching.participant_file", participant_id=participant.id),
                      _("%(name)s (%(code)s) staat op de wachtlijst.",
                        name=participant.full_name, code=participant.code))

    response = write_once(db, form.submission, made)
    db.commit()
    return response


@bp.route("/wachtlijst")
@roles(*STAFF)
def waiting_list():
    db = get_session()
    query = select(Participant).where(Participant.status.in_(("registered", "intake")))
    if current_user.role == "coach":
        query = query.where(Participant.id.in_(caseload_ids(db, current_user.id)))
    rows = db.exec(query.order_by(Participant.referral_date, Participant.code)).all()
    return render_template("coaching/waiting_list.html", participants=rows)


@bp.route("/<int:participant_id>/traject/<any(intake,active):status>", methods=["POST"])
@roles(*STAFF)
def step(participant_id: int, status: str):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not move(db, participant, status):
        flash(_("Deze stap kan nu niet: kijk naar de huidige status."), "error")
        return _file(participant.id, "#traject")
    db.commit()
    flash(_("Traject bijgewerkt."), "success")
    return _file(participant.id, "#traject")


@bp.route("/<int:participant_id>/pauze", methods=["POST"])
@roles(*STAFF)
def pause_trajectory(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = PauseForm(prefix="pause")
    if not form.validate():
        return file_page(participant, 400, pause_form=form)
    if not pause(db, participant, form.paused_from.data, form.paused_until.data):
        flash(_("Alleen een actief traject kan gepauzeerd worden."), "error")
        return _file(participant.id, "#traject")
    db.commit()
    flash(_("Traject gepauzeerd; het rooster plant de deelnemer in die dagen niet in."), "success")
    return _file(participant.id, "#traject")


@bp.route("/<int:participant_id>/hervatten", methods=["POST"])
@roles(*STAFF)
def resume_trajectory(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not resume(db, participant, clock.today()):
        flash(_("Dit traject is niet gepauzeerd."), "error")
        return _file(participant.id, "#traject")
    db.commit()
    flash(_("Traject hervat."), "success")
    return _file(participant.id, "#traject")


@bp.route("/<int:participant_id>/begeleider", methods=["POST"])
@roles(*MANAGERS)
def assign(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = CoachForm(prefix="coach", coaches=coach_choices(db))
    if not form.validate():
        return file_page(participant, 400, coach_form=form)
    coach = db.get(User, form.coach_id.data)
    assign_coach(db, participant, coach, co_coach=form.co_coach.data, today=clock.today())
    db.commit()
    flash(_("%(name)s begeleidt nu %(code)s.", name=coach.name, code=participant.code), "success")
    return _file(participant.id, "#traject")


@bp.route("/<int:participant_id>/begeleider/<int:assignment_id>/stoppen", methods=["POST"])
@roles(*MANAGERS)
def unassign(participant_id: int, assignment_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not end_assignment(db, participant, assignment_id, clock.today()):
        abort(404)
    db.commit()
    flash(_("Begeleiding beëindigd."), "success")
    return _file(participant.id, "#traject")


@bp.route("/<int:participant_id>/vrijgave", methods=["POST"])
@roles("manager")
def clearance(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not is_detainee_group(participant.target_group):
        flash(_("Vrijgave geldt alleen voor gedetineerden."), "error")
        return _file(participant.id, "#vrijgave")
    form = ClearanceForm(prefix="clearance")
    if not form.validate():
        return file_page(participant, 400, clearance_form=form)
    record_clearance(
        db,
        participant,
        clearance=form.clearance.data,
        decided_by=form.decided_by.data.strip(),
        decided_on=form.decided_on.data,
        valid_until=form.valid_until.data,
        recorded_by=current_user.id,
    )
    db.commit()
    flash(_("Vrijgave vastgelegd."), "success")
    return _file(participant.id, "#vrijgave")


@bp.route("/<int:participant_id>/niet-samen", methods=["POST"])
@roles("manager")
def add_avoid(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    code = request.form.get("other", "").strip().lower()[:20]
    reason = request.form.get("reason", "").strip()[:300]
    other = db.exec(select(Participant).where(Participant.code == code)).first()
    if other is None:
        flash(_("Geen deelnemer met code %(code)s.", code=code or "–"), "error")
    elif add_pair(db, participant, other, reason) is None:
        flash(_("Deze afspraak bestaat al (of het is dezelfde deelnemer)."), "error")
    else:
        db.commit()
        flash(
            _("Vastgelegd: %(a)s en %(b)s werken niet samen.", a=participant.code, b=other.code),
            "success",
        )
    return _file(participant.id, "#niet-samen")


@bp.route("/<int:participant_id>/niet-samen/<int:pair_id>/weg", methods=["POST"])
@roles("manager")
def remove_avoid(participant_id: int, pair_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not remove_pair(db, participant, pair_id):
        abort(404)
    db.commit()
    flash(_("Afspraak weggehaald."), "success")
    return _file(participant.id, "#niet-samen")


@bp.route("/import", methods=["GET", "POST"])
@roles(*STAFF)
def import_participants():
    return preview(
        IMPORT_KIND, "coaching", lambda db, frame: parse_participants(db, frame, clock.today())
    )


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*STAFF)
def confirm_participant_import():
    coach_id = current_user.id if current_user.role == "coach" else None
    return confirm(
        IMPORT_KIND,
        lambda db, frame: apply_participants(db, frame, coach_id, clock.today()),
        lambda created: Answer(
            url_for("coaching.waiting_list"),
            _("%(count)s deelnemers op de wachtlijst gezet.", count=len(created)),
        ),
        "coaching.import_participants",
    )
