"""Supervision pages for managers: the supervisors, the dayparts that need one, and who
stands where in a week."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app import clock
from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.labels import label
from app.models import Department
from app.roster.weeks import BadWeek, parse_week, shift, week_of
from app.supervision.models import Supervisor
from app.supervision.week import (
    DoubleBooked,
    needs,
    set_needs,
    set_week,
    shifts,
    unsupervised,
)
from app.vocab import DAYPARTS, DAYS

bp = Blueprint("supervision", __name__, url_prefix="/werkmeesters")


def _week_or_404(week: str) -> str:
    try:
        parse_week(week)
    except BadWeek:
        abort(404)
    return week


@bp.route("/", endpoint="index")
@roles(*MANAGERS)
def index():
    return redirect(url_for("supervision.week", week=week_of(clock.today())))


@bp.route("/<week>")
@roles(*MANAGERS)
def week(week: str):
    db = get_session()
    _week_or_404(week)
    return render_template(
        "supervision/week.html",
        week=week,
        previous_week=shift(week, -1),
        next_week=shift(week, 1),
        supervisors=list(db.exec(select(Supervisor).order_by(Supervisor.name))),
        departments=list(
            db.exec(select(Department).order_by(Department.sort_order, Department.name))
        ),
        needed=needs(db),
        placed=shifts(db, week),
        gaps=unsupervised(db, week),
        days=DAYS,
        dayparts=DAYPARTS,
    )


@bp.route("/<week>/werkmeester", methods=["POST"])
@roles(*MANAGERS)
def add_supervisor(week: str):
    _week_or_404(week)
    name = request.form.get("name", "").strip()
    if not name or len(name) > 100:
        flash(_("Vul een naam in (hoogstens 100 tekens)."), "error")
    else:
        db = get_session()
        db.add(Supervisor(name=name))
        db.commit()
        flash(_("Werkmeester %(name)s toegevoegd.", name=name), "success")
    return redirect(url_for("supervision.week", week=week))


@bp.route("/<week>/nodig", methods=["POST"])
@roles(*MANAGERS)
def save_needs(week: str):
    _week_or_404(week)
    db = get_session()
    departments = set(db.exec(select(Department.id)).all())
    wanted = set()
    for value in request.form.getlist("nodig"):
        department, _sep, rest = value.partition("-")
        day, _sep, part = rest.partition("-")
        if (
            department.isdigit()
            and int(department) in departments
            and day in DAYS
            and part in DAYPARTS
        ):
            wanted.add((int(department), day, part))
    set_needs(db, wanted)
    db.commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for("supervision.week", week=week))


@bp.route("/<week>/indeling", methods=["POST"])
@roles(*MANAGERS)
def save_week(week: str):
    _week_or_404(week)
    db = get_session()
    known = set(db.exec(select(Supervisor.id)).all())
    placed = {}
    for department_id, day, part in needs(db):
        value = request.form.get(f"werkmeester-{department_id}-{day}-{part}", "")
        if value.isdigit() and int(value) in known:
            placed[(department_id, day, part)] = int(value)
    try:
        set_week(db, week, placed)
    except DoubleBooked as clash:
        db.rollback()
        flash(
            _(
                "%(name)s staat op %(day)s %(daypart)s op twee afdelingen; er is niets opgeslagen.",
                name=clash.name,
                day=label("day", clash.day),
                daypart=label("daypart", clash.daypart),
            ),
            "error",
        )
        return redirect(url_for("supervision.week", week=week))
    db.commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for("supervision.week", week=week))


@bp.app_template_global()
def supervision_gaps(week: str) -> list:
    """For the roster's publish bar: the week's staffed dayparts without a supervisor."""
    return unsupervised(get_session(), week)
