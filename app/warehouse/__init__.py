from flask import Blueprint

bp = Blueprint("warehouse", __name__, url_prefix="/magazijn")

from app.warehouse import import_routes, pallet_routes, routes, shipment_routes  # noqa: E402,F401
