"""What a referrer login can open: the progress reports a coach shared with them, nothing else."""

from flask import Blueprint

bp = Blueprint("referrer", __name__, url_prefix="/verwijzer")

from app.referrer import routes  # noqa: E402,F401
