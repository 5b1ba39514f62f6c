"""A manager sets each department's working hours per daypart: attendance's default times."""

from datetime import time

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import roles
from app.coaching import bp
from app.coaching.attendance import department_hours as hours_of
from app.coaching.file import departments
from app.coaching.models import DepartmentHours
from app.db import get_session
from app.vocab import DAYPARTS


def _time(value: str) -> time | None:
    try:
        return time.fromisoformat(value)
    except ValueError:
        return None


@bp.route("/aanwezigheid/werktijden", methods=["GET", "POST"])
@roles("manager")
def department_hours():
    db = get_session()
    all_departments = departments(db)
    errors: dict[str, str] = {}
    hours = {(d.id, part): hours_of(db, d, part) for d in all_departments for part in DAYPARTS}
    if request.method == "POST":
        for (department_id, part), old in hours.items():
            key = f"{department_id}-{part}"
            start = _time(request.form.get(f"start-{key}", ""))
            end = _time(request.form.get(f"end-{key}", ""))
            if start is None or end is None or end <= start:
                errors[key] = _("Vul een begintijd en een latere eindtijd in.")
            hours[(department_id, part)] = (start or old[0], end or old[1])
        if not errors:
            saved = {
                (row.department_id, row.daypart): row for row in db.exec(select(DepartmentHours))
            }
            for (department_id, part), (start, end) in hours.items():
                row = saved.get((department_id, part)) or DepartmentHours(
                    department_id=department_id, daypart=part, start_time=start, end_time=end
                )
                row.start_time, row.end_time = start, end
                db.add(row)
            db.commit()
            flash(_("Werktijden opgeslagen."), "success")
            return redirect(url_for("coaching.department_hours"))
        flash(_("Niet opgeslagen: controleer de gemarkeerde tijden."), "error")
    return render_template(
        "coaching/department_hours.html",
        departments=all_departments,
        dayparts=DAYPARTS,
        hours=hours,
        errors=errors,
    ), 400 if errors else 200
