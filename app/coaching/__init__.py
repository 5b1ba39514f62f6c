from flask import Blueprint

bp = Blueprint("coaching", __name__, url_prefix="/deelnemers", cli_group=None)

from app.coaching import (  # noqa: E402,F401
    attendance_views,
    cli,
    department_hours_views,
    lifecycle_views,
    outcome_views,
    plan_views,
    progress_views,
    report_views,
    routes,
)
