from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/beheer")

from app.admin import departments, lockouts, routes, users  # noqa: E402,F401
