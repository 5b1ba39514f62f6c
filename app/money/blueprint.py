from flask import Blueprint

bp = Blueprint("money", __name__, url_prefix="/geld")


@bp.context_processor
def _helpers() -> dict:
    from app.money.amounts import euro, hours
    from app.money.labels import money_label

    return {"money_label": money_label, "euro": euro, "as_hours": hours}


from app.money import (  # noqa: E402,F401
    community_service_views,
    dashboard_views,
    hours_views,
    invoice_views,
    price_views,
    rate_views,
    trajectory_views,
)
