"""Importing a customer's inbound notice: upload, preview with every error, confirm."""

from flask import url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.submissions import Answer
from app.warehouse import bp
from app.warehouse.import_flow import confirm, preview
from app.warehouse.operations import actor
from app.warehouse.views import customers
from inventory.importing import apply_inbound_notice, parse_inbound_notice
from inventory.models import Article

KIND = "inbound"


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_notice():
    db = get_session()
    return preview(
        KIND,
        "warehouse",
        parse_inbound_notice,
        customers={c.id: c for c in customers(db)},
        articles={a.id: a for a in db.exec(select(Article)).all()},
    )


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*MANAGERS)
def confirm_notice():
    return confirm(
        KIND,
        lambda db, frame: apply_inbound_notice(db, frame, user=actor()),
        lambda pallets: Answer(
            url_for("warehouse.putaway"),
            _("%(count)s pallet(s) aangemeld in de ontvangst.", count=len(pallets)),
        ),
        "warehouse.import_notice",
    )
