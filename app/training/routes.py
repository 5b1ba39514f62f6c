"""Training pages: the calendar, a session with its enrolments, and a person's courses.

Managers and coaches plan sessions; a coach enrols and records results only for their own
caseload (the same rule as opening a participant file).
"""

from decimal import Decimal

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import MANAGERS, STAFF, roles
from app.coaching.access import may_open, participant_or_abort, read_participant
from app.db import get_session
from app.models import Department, Participant
from app.training.assessments import add_result, level_chart, results_of
from app.training.forms import ResultForm, SessionForm
from app.training.models import (
    CEFR_LEVELS,
    ENROLMENT_STATUSES,
    AssessmentResult,
    DepartmentLanguage,
    Enrolment,
    TrainingSession,
)
from app.training.needs import needs
from app.training.sessions import (
    Refused,
    calendar,
    course_dayparts,
    create_session,
    days_of,
    enrol,
    enrolments_of,
    record_result,
    sessions_of,
    taken,
    withdraw,
)

bp = Blueprint("training", __name__, url_prefix="/trainingen")

CALENDAR_WEEKS = 8
# How far ahead an expiring certificate puts someone on the list, unless asked otherwise.
EXPIRING_WEEKS = 8
RESULTS = tuple(s for s in ENROLMENT_STATUSES if s != "enrolled")


def _coach_id() -> int | None:
    return current_user.id if current_user.role == "coach" else None


def _course_or_404(session_id: int) -> TrainingSession:
    course = get_session().get(TrainingSession, session_id)
    if course is None:
        abort(404)
    return course


@bp.route("/", endpoint="calendar")
@roles(*STAFF)
def calendar_page():
    weeks = request.args.get("weken", CALENDAR_WEEKS, type=int)
    weeks = min(max(weeks, 1), 52)
    return render_template(
        "training/calendar.html",
        weeks=weeks,
        calendar=calendar(get_session(), clock.today(), weeks),
    )


@bp.route("/nieuw", methods=["GET", "POST"])
@roles(*STAFF)
def new_session():
    form = SessionForm()
    if request.method == "GET":
        form.dayparts.data = ["am", "pm"]
    if not form.validate_on_submit():
        return render_template("training/new.html", form=form), 400 if form.is_submitted() else 200
    course = TrainingSession(
        name=form.name.data.strip(),
        kind=form.kind.data,
        certificate=form.certificate.data or None,
        valid_months=form.valid_months.data,
        provider=form.provider.data or "",
        location=form.location.data or "",
        outside=form.outside.data,
        capacity=form.capacity.data,
        cost_cents=int((form.cost.data or Decimal(0)) * 100),
    )
    dayparts = course_dayparts(
        form.first_day.data, form.last_day.data, form.dayparts.data, form.weekdays.data or []
    )
    db = get_session()
    try:
        create_session(db, course, dayparts, current_user.id)
    except Refused as refused:
        form.last_day.errors = [*form.last_day.errors, str(refused)]
        return render_template("training/new.html", form=form), 400
    db.commit()
    flash(_("Training %(name)s is gepland.", name=course.name), "success")
    return redirect(url_for("training.detail", session_id=course.id))


@bp.route("/<int:session_id>")
@roles(*STAFF)
def detail(session_id: int):
    db = get_session()
    course = _course_or_404(session_id)
    weeks = min(max(request.args.get("weken", EXPIRING_WEEKS, type=int), 1), 104)
    enrolled = enrolments_of(db, course.id)
    listed = {p.id for _e, p in enrolled}
    candidates = (
        [
            n
            for n in needs(db, course.certificate, weeks, clock.today(), _coach_id())
            if n.participant.id not in listed
        ]
        if course.certificate
        else []
    )
    return render_template(
        "training/detail.html",
        course=course,
        days=days_of(db, course.id),
        enrolled=enrolled,
        free=course.capacity - taken(db, course.id),
        candidates=candidates,
        weeks=weeks,
        results=RESULTS,
        today=clock.today(),
        may_edit={p.id for _e, p in enrolled if may_open(db, p.id)},
    )


@bp.route("/<int:session_id>/inschrijven", methods=["POST"])
@roles(*STAFF)
def enrol_people(session_id: int):
    """Enrol the people ticked on the list (or the one sent from a file); each refusal is
    reported by name, and whoever could be enrolled is."""
    db = get_session()
    course = _course_or_404(session_id)
    ids = [int(v) for v in request.form.getlist("participant") if v.isdigit()]
    if not ids:
        flash(_("Kies eerst wie u wilt inschrijven."), "error")
        return _back_to(course.id)
    done = []
    for participant_id in ids:
        participant = participant_or_abort(db, participant_id)
        try:
            enrol(db, course, participant, current_user.id, clock.today())
        except Refused as refused:
            flash(str(refused), "error")
            continue
        done.append(participant.full_name)
    db.commit()
    if done:
        flash(
            _(
                "Ingeschreven voor %(course)s: %(names)s.",
                course=course.name,
                names=", ".join(done),
            ),
            "success",
        )
    return _back_to(course.id)


def _back_to(session_id: int):
    return redirect(url_for("training.detail", session_id=session_id))


def _enrolment_or_404(course: TrainingSession, enrolment_id: int) -> Enrolment:
    db = get_session()
    enrolment = db.get(Enrolment, enrolment_id)
    if enrolment is None or enrolment.session_id != course.id:
        abort(404)
    participant_or_abort(db, enrolment.participant_id)
    return enrolment


@bp.route("/<int:session_id>/uitslag/<int:enrolment_id>", methods=["POST"])
@roles(*STAFF)
def result(session_id: int, enrolment_id: int):
    db = get_session()
    course = _course_or_404(session_id)
    enrolment = _enrolment_or_404(course, enrolment_id)
    status = request.form.get("status", "")
    if status not in RESULTS:
        flash(_("Kies geslaagd, niet geslaagd of niet gekomen."), "error")
        return _back_to(course.id)
    days = days_of(db, course.id)
    today = clock.today()
    if days and days[0].day > today:
        flash(
            _("De training is nog niet begonnen; een uitslag kan pas vanaf de eerste dag."), "error"
        )
        return _back_to(course.id)
    certificate = record_result(
        db, enrolment, course, status, min(today, days[-1].day) if days else today
    )
    db.commit()
    name = db.get(Participant, enrolment.participant_id).full_name
    if certificate is not None:
        flash(
            _("%(name)s is geslaagd; het certificaat staat in het dossier.", name=name), "success"
        )
    else:
        flash(_("Uitslag van %(name)s is vastgelegd.", name=name), "success")
    return _back_to(course.id)


@bp.route("/<int:session_id>/uitschrijven/<int:enrolment_id>", methods=["POST"])
@roles(*STAFF)
def unenrol(session_id: int, enrolment_id: int):
    db = get_session()
    course = _course_or_404(session_id)
    enrolment = _enrolment_or_404(course, enrolment_id)
    try:
        withdraw(db, enrolment, course)
    except Refused as refused:
        flash(str(refused), "error")
        return _back_to(course.id)
    db.commit()
    flash(_("Uitgeschreven; de dagdelen gaan terug naar het rooster."), "success")
    return _back_to(course.id)


@bp.route("/deelnemer/<int:participant_id>")
@roles(*STAFF)
def participant_courses(participant_id: int):
    db = get_session()
    participant = read_participant(db, participant_id, "trainingen")
    return _participant_page(participant, ResultForm(day=clock.today()))


def _participant_page(participant: Participant, result_form: ResultForm, status: int = 200):
    db = get_session()
    mine = sessions_of(db, participant.id)
    joined = {course.id for _e, course, _first in mine}
    coming = [
        entry
        for entries in calendar(db, clock.today(), CALENDAR_WEEKS * 2).values()
        for entry in entries
        if entry.course.id not in joined
    ]
    results = results_of(db, participant.id)
    return render_template(
        "training/participant.html",
        p=participant,
        mine=mine,
        coming=coming,
        results=results,
        chart=level_chart(results),
        result_form=result_form,
    ), status


@bp.route("/deelnemer/<int:participant_id>/resultaat", methods=["POST"])
@roles(*STAFF)
def add_assessment(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = ResultForm()
    if not form.validate():
        return _participant_page(participant, form, 400)
    add_result(
        db,
        AssessmentResult(
            participant_id=participant.id,
            kind=form.kind.data,
            day=form.day.data,
            level=form.level.data or None,
            score=form.score.data,
            outcome=form.outcome.data or "",
        ),
        current_user.id,
    )
    db.commit()
    flash(_("Resultaat opgeslagen."), "success")
    return redirect(
        url_for("training.participant_courses", participant_id=participant.id) + "#taal"
    )


@bp.route("/taaleisen", methods=["GET", "POST"])
@roles(*MANAGERS)
def language_rules():
    """The least language level per department; the roster requires it from everyone there."""
    db = get_session()
    departments = list(db.exec(select(Department).order_by(Department.sort_order, Department.name)))
    current = {row.department_id: row for row in db.exec(select(DepartmentLanguage))}
    if request.method == "POST":
        for department in departments:
            wanted = request.form.get(f"afdeling-{department.id}", "")
            row = current.get(department.id)
            if wanted not in CEFR_LEVELS:
                if row is not None:
                    db.delete(row)
                continue
            row = row or DepartmentLanguage(department_id=department.id, min_level=wanted)
            row.min_level = wanted
            db.add(row)
        record(db, "update", "taaleisen afdelingen")
        db.commit()
        flash(
            _("Taaleisen opgeslagen; het rooster gebruikt ze bij de volgende planning."), "success"
        )
        return redirect(url_for("training.language_rules"))
    return render_template(
        "training/language_rules.html",
        departments=departments,
        current={pid: row.min_level for pid, row in current.items()},
        levels=CEFR_LEVELS,
    )


@bp.route("/deelnemer/<int:participant_id>/inschrijven", methods=["POST"])
@roles(*STAFF)
def enrol_participant(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    back = redirect(url_for("training.participant_courses", participant_id=participant.id))
    wanted = request.form.get("training", "")
    course = db.get(TrainingSession, int(wanted)) if wanted.isdigit() else None
    if course is None:
        flash(_("Kies een training."), "error")
        return back
    try:
        enrol(db, course, participant, current_user.id, clock.today())
    except Refused as refused:
        flash(str(refused), "error")
        return back
    db.commit()
    flash(
        _(
            "Ingeschreven voor %(course)s: %(names)s.",
            course=course.name,
            names=participant.full_name,
        ),
        "success",
    )
    return back
