"""The operations dashboard for managers."""

from flask import render_template

from app import clock
from app.auth.access import roles
from app.db import get_session
from app.money.blueprint import bp
from app.money.dashboard import bars, dashboard
from app.money.hours_views import MONEY


@bp.route("/overzicht")
@roles(*MONEY)
def overview():
    view = dashboard(get_session(), clock.today())
    charts = {
        key: bars([getattr(m, key) for m in view.months])
        for key in ("hours", "occupancy", "revenue", "trajectories")
    }
    return render_template("money/overview.html", view=view, charts=charts)
