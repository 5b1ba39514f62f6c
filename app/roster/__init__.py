"""The weekly roster: build the week's problem from the database, plan it, adjust, publish."""

from flask import Blueprint

bp = Blueprint("roster", __name__, url_prefix="/rooster")

from app.roster import routes  # noqa: E402,F401
