"""Importing production orders: upload, preview with every error, then confirm."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.orders import bp
from app.orders.importing import ImportRefused, apply_orders, parse_orders
from app.warehouse.forms import ConfirmImportForm, UploadForm
from app.warehouse.messages import row_error_message, upload_message
from app.warehouse.uploads import UploadRefused, discard, load, stage

KIND = "orders"


def _upload_page(form: UploadForm, status: int = 200):
    return render_template("orders/import.html", form=form), status


@bp.route("/import", methods=["GET", "POST"])
@roles(*MANAGERS)
def import_orders():
    form = UploadForm()
    if not form.validate_on_submit():
        return _upload_page(form, 400 if form.is_submitted() else 200)
    try:
        staged = stage(form.file.data, KIND)
    except UploadRefused as refused:
        form.file.errors.append(upload_message(refused.reason))
        return _upload_page(form, 400)
    drafts, errors = parse_orders(get_session(), staged.frame)
    if errors:
        discard(KIND)
    return render_template(
        "orders/import_preview.html",
        filename=staged.filename,
        drafts=drafts,
        errors=[row_error_message(error) for error in errors],
        confirm=ConfirmImportForm(token=staged.token),
    ), (422 if errors else 200)


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*MANAGERS)
def confirm_import():
    db = get_session()
    form = ConfirmImportForm()
    try:
        if not form.validate_on_submit():
            raise UploadRefused("expired")
        staged = load(KIND, form.token.data)
        created = apply_orders(db, staged.frame, current_user.id)
    except UploadRefused as refused:
        flash(upload_message(refused.reason), "error")
        return redirect(url_for("orders.import_orders")), 303
    except ImportRefused as refused:
        db.rollback()
        discard(KIND)
        for error in refused.errors:
            flash(row_error_message(error), "error")
        return redirect(url_for("orders.import_orders")), 303
    db.commit()
    discard(KIND)
    flash(_("%(count)s orders geïmporteerd.", count=len(created)), "success")
    return redirect(url_for("orders.index")), 303
