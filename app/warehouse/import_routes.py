"""Importing a customer's inbound notice: upload, preview with every error, confirm."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.warehouse import bp
from app.warehouse.forms import ConfirmImportForm, UploadForm
from app.warehouse.messages import inventory_message, row_error_message, upload_message
from app.warehouse.operations import actor
from app.warehouse.uploads import UploadRefused, discard, load, stage
from app.warehouse.views import customers
from inventory.errors import ImportInvalid, InventoryError
from inventory.importing import apply_inbound_notice, parse_inbound_notice
from inventory.models import Article

KIND = "inbound"


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_notice():
    db = get_session()
    form = UploadForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("warehouse/import.html", form=form), status
    try:
        staged = stage(form.file.data, KIND)
    except UploadRefused as refused:
        form.file.errors.append(upload_message(refused.reason))
        return render_template("warehouse/import.html", form=form), 400
    lines, errors = parse_inbound_notice(db, staged.frame)
    if errors:
        discard(KIND)
    return render_template(
        "warehouse/import_preview.html",
        filename=staged.filename,
        lines=lines,
        customers={c.id: c for c in customers(db)},
        articles={a.id: a for a in db.exec(select(Article)).all()},
        errors=[row_error_message(error) for error in errors],
        confirm=ConfirmImportForm(token=staged.token),
    ), (422 if errors else 200)


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*MANAGERS)
def confirm_notice():
    db = get_session()
    form = ConfirmImportForm()
    try:
        if not form.validate_on_submit():
            raise UploadRefused("expired")
        staged = load(KIND, form.token.data)
        pallets = apply_inbound_notice(db, staged.frame, user=actor())
    except UploadRefused as refused:
        flash(upload_message(refused.reason), "error")
        return redirect(url_for("warehouse.import_notice")), 303
    except ImportInvalid as refused:
        db.rollback()
        discard(KIND)
        for error in refused.params["errors"]:
            flash(row_error_message(error), "error")
        return redirect(url_for("warehouse.import_notice")), 303
    except InventoryError as error:
        db.rollback()
        flash(inventory_message(error), "error")
        return redirect(url_for("warehouse.import_notice")), 303
    db.commit()
    discard(KIND)
    flash(_("%(count)s pallet(s) aangemeld in de ontvangst.", count=len(pallets)), "success")
    return redirect(url_for("warehouse.putaway")), 303
