"""Importing production orders: upload, preview with every error, then confirm."""

from flask import url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.access import MANAGERS, roles
from app.orders import bp
from app.orders.importing import apply_orders, parse_orders
from app.submissions import Answer
from app.warehouse.import_flow import confirm, preview

KIND = "orders"


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_orders():
    return preview(KIND, "orders", parse_orders)


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*MANAGERS)
def confirm_import():
    return confirm(
        KIND,
        lambda db, frame: apply_orders(db, frame, current_user.id),
        lambda created: Answer(
            url_for("orders.index"), _("%(count)s orders geïmporteerd.", count=len(created))
        ),
        "orders.import_orders",
    )
