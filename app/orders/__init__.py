from flask import Blueprint

bp = Blueprint("orders", __name__, url_prefix="/orders")

from app.orders import catalogue_routes, import_routes, routes  # noqa: E402,F401
