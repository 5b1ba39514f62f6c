"""The progress report pages: printable HTML, the coach's summary, the Excel and PDF
downloads, and sharing the finished report with a referrer login."""

from datetime import date, timedelta

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app import clock
from app.audit import record
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.access import participant_or_abort
from app.coaching.forms import PeriodForm, ShareForm, SummaryForm
from app.coaching.report import ProgressReport, build_report, report_workbook, summary_row
from app.coaching.report_pdf import pdf_report
from app.coaching.sharing import (
    CannotShare,
    Snapshot,
    referrer_logins_for,
    share,
    shares_of_report,
    unshare,
)
from app.coaching.vocab import ATTENDANCE_STATUSES
from app.db import get_session
from app.exports import MEDIA_TYPES

PDF = "application/pdf"


def _period() -> tuple[PeriodForm, date, date]:
    """The period asked for; without one (or with a wrong one), the last three months."""
    today = clock.today()
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
    logins = referrer_logins_for(db, participant)
    share_form = ShareForm()
    share_form.user_id.choices = [(u.id, f"{u.name} ({u.email})") for u in logins]
    return render_template(
        "coaching/report.html",
        p=participant,
        r=build_report(db, participant, start, end),
        period=period,
        summary_form=SummaryForm(obj=summary),
        statuses=ATTENDANCE_STATUSES,
        finished=summary.id is not None and bool(summary.text.strip()),
        shares=shares_of_report(db, summary),
        share_form=share_form if logins else None,
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
    return _back_to_report(participant.id, start, end)


def _back_to_report(participant_id: int, start: date, end: date):
    return redirect(
        url_for(
            "coaching.report",
            participant_id=participant_id,
            start=start.isoformat(),
            end=end.isoformat(),
        )
        + "#delen"
    )


# Extension: how the report is rendered, its media type and its name in the audit log.
EXPORTS = {
    "xlsx": (report_workbook, MEDIA_TYPES["xlsx"], "Excel"),
    "pdf": (pdf_report, PDF, "PDF"),
}


@bp.route("/<int:participant_id>/rapport.xlsx")
@roles(*STAFF)
def report_excel(participant_id: int):
    return _export(participant_id, "xlsx")


@bp.route("/<int:participant_id>/rapport.pdf")
@roles(*STAFF)
def report_pdf(participant_id: int):
    return _export(participant_id, "pdf")


def _export(participant_id: int, ext: str):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    _form, start, end = _period()
    render, _mimetype, name = EXPORTS[ext]
    content = render(build_report(db, participant, start, end))
    record(db, "export", f"rapport {name} {start.isoformat()}–{end.isoformat()}", participant.id)
    db.commit()
    return report_download(content, ext, participant.code, start, end)


def report_download(content: bytes, ext: str, code: str, start: date, end: date) -> Response:
    filename = f"voortgangsrapport-{code}-{start.isoformat()}-{end.isoformat()}.{ext}"
    return Response(
        content,
        mimetype=EXPORTS[ext][1],
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


SHARE_REFUSALS = {
    "unfinished": _l(
        "Schrijf en bewaar eerst de samenvatting: alleen een afgerond rapport kan gedeeld worden."
    ),
    "not_a_referrer_of_participant": _l(
        "Deze verwijzer hoort niet bij de verwijzende organisatie van de deelnemer."
    ),
}


@bp.route("/<int:participant_id>/rapport/delen", methods=["POST"])
@roles(*STAFF)
def share_report(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    _form, start, end = _period()
    form = ShareForm()
    form.user_id.choices = [(u.id, u.name) for u in referrer_logins_for(db, participant)]
    try:
        if not form.validate():
            raise CannotShare("not_a_referrer_of_participant")
        share(
            db,
            participant,
            summary_row(db, participant.id, start, end),
            form.user_id.data,
            current_user.id,
            _snapshot(build_report(db, participant, start, end)),
        )
    except CannotShare as refused:
        flash(str(SHARE_REFUSALS[str(refused)]), "error")
        return _back_to_report(participant.id, start, end)
    db.commit()
    flash(_("Het rapport is gedeeld met de verwijzer."), "success")
    return _back_to_report(participant.id, start, end)


def _snapshot(report: ProgressReport) -> Snapshot:
    """The report as the referrer will see it: the same page part and PDF as the coach's."""
    html = render_template(
        "coaching/_report.html", p=report.participant, r=report, statuses=ATTENDANCE_STATUSES
    )
    return Snapshot(html=html, pdf=pdf_report(report))


@bp.route("/<int:participant_id>/rapport/delen/<int:share_id>/intrekken", methods=["POST"])
@roles(*STAFF)
def unshare_report(participant_id: int, share_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    _form, start, end = _period()
    if not unshare(db, participant, share_id):
        abort(404)
    db.commit()
    flash(_("De verwijzer kan dit rapport niet meer inzien."), "success")
    return _back_to_report(participant.id, start, end)
