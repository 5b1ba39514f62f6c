from flask import Blueprint

bp = Blueprint("warehouse", __name__, url_prefix="/magazijn", cli_group=None)

from app.warehouse import (  # noqa: E402,F401
    cli,
    import_routes,
    pallet_routes,
    routes,
    shipment_routes,
)
