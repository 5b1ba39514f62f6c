"""Registering attendance for a whole department and daypart in one form."""


from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import clock, convert
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.attendance import expected, published_roster, register, weekday_code
from app.coaching.file import departments
from app.coaching.vocab import ATTENDANCE_STATUSES
from app.db import get_session
from app.vocab import DAYPARTS


def _choice():
    """The department, day and daypart asked for, or the first department this morning."""
    db = get_session()
    all_departments = departments(db)
    by_code = {d.code: d for d in all_departments}
    department = by_code.get(request.values.get("afdeling", ""), all_departments[0])
    try:
        day = convert.day(request.values.get("datum", ""))
    except ValueError:
        day = clock.today()
    daypart = request.values.get("dagdeel", "")
    return all_departments, department, day, daypart if daypart in DAYPARTS else DAYPARTS[0]


@bp.route("/aanwezigheid", methods=["GET", "POST"])
@roles(*STAFF)
def attendance():
    db = get_session()
    all_departments, department, day, daypart = _choice()
    rows = expected(db, department, day, daypart)
    errors: dict[int, str] = {}
    if request.method == "POST":
        entries = {}
        for row in rows:
            pid = row.participant.id
            status = request.form.get(f"status-{pid}", "present")
            reason = request.form.get(f"reason-{pid}", "").strip()[:300]
            if status not in ATTENDANCE_STATUSES:
                status = "present"
            if status == "absent" and not reason:
                errors[pid] = _("Vul een reden in bij afwezig.")
            row.status, row.reason = status, reason
            entries[pid] = (status, reason)
        if not errors:
            register(db, department, day, daypart, entries, current_user.id)
            db.commit()
            flash(
                _("Aanwezigheid van %(count)d deelnemers opgeslagen.", count=len(entries)),
                "success",
            )
            return redirect(
                url_for(
                    "coaching.attendance",
                    afdeling=department.code,
                    datum=day.isoformat(),
                    dagdeel=daypart,
                )
            )
        flash(_("Niet opgeslagen: vul bij elke afwezige een reden in."), "error")
    return render_template(
        "coaching/attendance.html",
        departments=all_departments,
        department=department,
        day=day,
        daypart=daypart,
        dayparts=DAYPARTS,
        rows=rows,
        errors=errors,
        statuses=ATTENDANCE_STATUSES,
        weekend=weekday_code(day) is None,
        roster=published_roster(db, day),
    ), 400 if errors else 200
