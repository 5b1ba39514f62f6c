"""Registering attendance for a department and daypart in one form.

Managers register anyone; a coach sees and registers only their own caseload, so nobody
else's absence reason or note reaches them.
"""

from datetime import date, time

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock, convert
from app.auth.access import roles
from app.coaching import bp
from app.coaching.access import caseload_ids
from app.coaching.attendance import (
    PRESENT,
    AttendanceRefused,
    Entry,
    ExpectedRow,
    check_open,
    expected,
    published_roster,
    register,
    weekday_code,
)
from app.coaching.file import departments
from app.coaching.vocab import ATTENDANCE_STATUSES
from app.db import get_session
from app.models import Participant
from app.vocab import DAYPARTS

REGISTERS = ("manager", "coach")


def refusal_message(reason: str) -> str:
    return {
        "future": _("Aanwezigheid kan niet vooruit worden geregistreerd."),
        "approved": _("Deze maand is goedgekeurd en ligt vast; een correctie gaat via de uren."),
    }[reason]


def _day() -> date:
    try:
        return convert.day(request.values.get("datum", ""))
    except ValueError:
        return clock.today()


def _choice():
    """The department, day and daypart asked for, or the first department this morning."""
    all_departments = departments(get_session())
    by_code = {d.code: d for d in all_departments}
    department = by_code.get(request.values.get("afdeling", ""), all_departments[0])
    daypart = request.values.get("dagdeel", "")
    return all_departments, department, _day(), daypart if daypart in DAYPARTS else DAYPARTS[0]


def _ids(name: str) -> set[int]:
    return {int(v) for v in request.values.getlist(name) if v.isdigit() and len(v) < 10}


def _active(db, ids: set[int]) -> set[int]:
    """Walk-ins asked for who are still in a trajectory."""
    if not ids:
        return set()
    return set(db.exec(select(Participant.id).where(Participant.id.in_(ids), Participant.active)))


def _time(value: str) -> time | None:
    try:
        return time.fromisoformat(value) if value else None
    except ValueError:
        return None


def _read_row(row: ExpectedRow, errors: dict[int, str]) -> Entry:
    """One row of the form, put back on `row` so a refused form shows what was typed."""
    pid = row.participant.id
    status = request.form.get(f"status-{pid}", "")
    if status not in ATTENDANCE_STATUSES:
        status = ""
    row.status = status
    row.reason = request.form.get(f"reason-{pid}", "").strip()[:300]
    if status == "absent" and not row.reason:
        errors[pid] = _("Vul een reden in bij afwezig.")
    if status in PRESENT:
        start, end = (
            _time(request.form.get(f"start-{pid}", "")),
            _time(request.form.get(f"end-{pid}", "")),
        )
        if start is None or end is None or end <= start:
            errors[pid] = _("Vul een begintijd en een latere eindtijd in.")
        row.start, row.end = start or row.start, end or row.end
    return Entry(status, row.reason, row.start, row.end, row.walk_in)


def _walk_in_choices(db, shown: set[int], visible: set[int] | None) -> list[Participant]:
    query = select(Participant).where(Participant.active, Participant.id.not_in(shown))
    if visible is not None:
        query = query.where(Participant.id.in_(visible))
    return list(db.exec(query.order_by(Participant.last_name, Participant.first_name)))


@bp.route("/aanwezigheid", methods=["GET", "POST"])
@roles(*REGISTERS)
def attendance():
    db = get_session()
    if not departments(db):
        return render_template("coaching/attendance_empty.html")
    all_departments, department, day, daypart = _choice()
    visible = None if current_user.role == "manager" else caseload_ids(db, current_user.id)
    walk_ins = _active(db, _ids("inloop"))
    rows = expected(db, department, day, daypart, walk_ins, visible)
    errors: dict[int, str] = {}
    refused = None
    try:
        check_open(db, day, clock.today())
    except AttendanceRefused as refusal:
        refused = refusal_message(str(refusal))
    if request.method == "POST" and refused is None:
        entries = {row.participant.id: _read_row(row, errors) for row in rows}
        if not errors:
            try:
                count = register(
                    db, department, day, daypart, entries, current_user.id, clock.today()
                )
            except AttendanceRefused as refusal:
                db.rollback()
                refused = refusal_message(str(refusal))
            else:
                db.commit()
                flash(
                    _("Aanwezigheid van %(count)d deelnemers opgeslagen.", count=count), "success"
                )
                return redirect(
                    url_for(
                        "coaching.attendance",
                        afdeling=department.code,
                        datum=day.isoformat(),
                        dagdeel=daypart,
                    )
                )
        else:
            flash(_("Niet opgeslagen: controleer de gemarkeerde regels."), "error")
    elif request.method == "POST":
        flash(refused, "error")
    status = 400 if request.method == "POST" else 200
    return render_template(
        "coaching/attendance.html",
        departments=all_departments,
        department=department,
        day=day,
        daypart=daypart,
        dayparts=DAYPARTS,
        rows=rows,
        errors=errors,
        refused=refused,
        statuses=ATTENDANCE_STATUSES,
        weekend=weekday_code(day) is None,
        roster=published_roster(db, day),
        walk_ins=sorted(walk_ins),
        walk_in_choices=_walk_in_choices(db, {r.participant.id for r in rows}, visible),
    ), status
