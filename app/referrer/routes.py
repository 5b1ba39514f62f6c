"""The referrer's report pages: each read is logged in the participant's audit trail.

A report id that was not shared with the logged-in referrer answers 404, whether or not the
report exists, so ids cannot be probed for other participants' reports. What is shown is
the snapshot stored when the report was shared (app/coaching/sharing.py), never live data.
"""

from flask import abort, render_template
from flask_login import current_user
from markupsafe import Markup

from app.audit import record
from app.auth.access import roles
from app.coaching.report_views import report_download
from app.coaching.sharing import SharedReport, shared_report
from app.db import get_session
from app.referrer import bp

REFERRER = "referrer"


def _shared_or_404(report_id: int, action: str, what: str) -> SharedReport:
    db = get_session()
    shared = shared_report(db, current_user.id, report_id)
    if shared is None:
        abort(404)
    period = f"{shared.report.period_start.isoformat()}–{shared.report.period_end.isoformat()}"
    record(db, action, f"{what} {period} door verwijzer", shared.participant.id)
    db.commit()
    return shared


@bp.route("/rapporten/<int:report_id>")
@roles(REFERRER)
def report(report_id: int):
    shared = _shared_or_404(report_id, "view", "rapport")
    # Rendered by the app's own escaping templates when it was shared.
    report = Markup(shared.share.html)
    return render_template("referrer/report.html", shared=shared, report=report)


@bp.route("/rapporten/<int:report_id>.pdf")
@roles(REFERRER)
def report_pdf(report_id: int):
    shared = _shared_or_404(report_id, "export", "rapport PDF")
    report = shared.report
    return report_download(
        shared.share.pdf,
        "pdf",
        shared.participant.code,
        report.period_start,
        report.period_end,
    )
