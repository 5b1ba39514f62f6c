"""The progress report pages: printable HTML, the coach's summary, and the Excel download."""

from datetime import date, timedelta

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.audit import record
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.access import participant_or_abort
from app.coaching.forms import PeriodForm, SummaryForm
from app.coaching.report import build_report, report_workbook, summary_row
from app.coaching.vocab import ATTENDANCE_STATUSES
from app.db import get_session

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _period() -> tuple[PeriodForm, date, date]:
    """The period asked for; without one (or with a wrong one), the last three months."""
    today = date.today()
    default = today - timedelta(days=91), today
    if "start" not in request.args:
        return PeriodForm(data={"start": default[0], "end": default[1]}), *default
    form = PeriodForm(request.args)
    if not form.validate():
        return form, *default
    return form, form.start.data, form.end.data


@bp.route("/<int:participant_id>/rapport")
@roles(*STAFF)
def report(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    period, start, end = _period()
    summary = summary_row(db, participant.id, start, end)
    record(db, "view", f"rapport {start.isoformat()}–{end.isoformat()}", participant.id)
    db.commit()
    return render_template(
        "coaching/report.html",
        p=participant,
        r=build_report(db, participant, start, end),
        period=period,
        summary_form=SummaryForm(obj=summary),
        statuses=ATTENDANCE_STATUSES,
    ), 400 if period.errors else 200


@bp.route("/<int:participant_id>/rapport", methods=["POST"])
@roles(*STAFF)
def save_summary(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    _form, start, end = _period()
    form = SummaryForm()
    if form.validate():
        row = summary_row(db, participant.id, start, end)
        row.text = form.text.data or ""
        db.add(row)
        record(db, "update", f"samenvatting rapport {start.isoformat()}", participant.id)
        db.commit()
        flash(_("Samenvatting opgeslagen."), "success")
    else:
        flash(_("De samenvatting is te lang (maximaal 5000 tekens)."), "error")
    return redirect(
        url_for(
            "coaching.report",
            participant_id=participant.id,
            start=start.isoformat(),
            end=end.isoformat(),
        )
    )


@bp.route("/<int:participant_id>/rapport.xlsx")
@roles(*STAFF)
def report_excel(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    _form, start, end = _period()
    content = report_workbook(build_report(db, participant, start, end))
    record(db, "export", f"rapport Excel {start.isoformat()}–{end.isoformat()}", participant.id)
    db.commit()
    filename = f"voortgangsrapport-{participant.code}-{start.isoformat()}-{end.isoformat()}.xlsx"
    return Response(
        content,
        mimetype=XLSX,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
