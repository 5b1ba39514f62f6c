from flask import Blueprint

bp = Blueprint("portal", __name__, url_prefix="/portaal")

from app.portal import routes  # noqa: E402,F401
