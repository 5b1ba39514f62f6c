"""The two steps every spreadsheet import shares: preview with all errors, then confirm.

Orders and inbound notices differ only in how rows are checked and written; the upload
checks, the parked file, the all-or-nothing transaction and the messages are the same.
"""

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
from flask import flash, redirect, render_template, url_for
from flask.typing import ResponseReturnValue
from sqlmodel import Session

from app.db import get_session
from app.submissions import Answer, write_once
from app.warehouse.forms import ConfirmImportForm, UploadForm
from app.warehouse.messages import inventory_message, row_error_message, upload_message
from app.warehouse.uploads import UploadRefused, discard, load, stage
from inventory.errors import ImportInvalid, InventoryError
from inventory.tabular import RowError

# The preview lists this many rows and errors with their counts; every row is still checked.
PREVIEW_ROWS = 200
PREVIEW_ERRORS = 100

Parse = Callable[[Session, pd.DataFrame], tuple[Sequence[Any], list[RowError]]]
Apply = Callable[[Session, pd.DataFrame], Sequence[Any]]


def preview(kind: str, area: str, parse: Parse, **context: Any):
    """Answer the upload form: the form again, or the preview of every row and error.

    A file with errors is discarded at once, so it can never be confirmed.
    """
    form = UploadForm()
    upload_page = f"{area}/import.html"
    if not form.validate_on_submit():
        return render_template(upload_page, form=form), 400 if form.is_submitted() else 200
    try:
        staged = stage(form.file.data, kind)
    except UploadRefused as refused:
        form.file.errors.append(upload_message(refused.reason))
        return render_template(upload_page, form=form), 400
    rows, errors = parse(get_session(), staged.frame)
    if errors:
        discard(kind)
    return render_template(
        f"{area}/import_preview.html",
        filename=staged.filename,
        rows=rows[:PREVIEW_ROWS],
        row_count=len(rows),
        errors=[row_error_message(error) for error in errors[:PREVIEW_ERRORS]],
        error_count=len(errors),
        confirm=ConfirmImportForm(token=staged.token),
        **context,
    ), (422 if errors else 200)


def confirm(
    kind: str, apply: Apply, done: Callable[[Sequence[Any]], Answer], refused_to: str
) -> ResponseReturnValue:
    """Write every row of the parked file in one transaction, or nothing and say why.

    The parked file's token is the confirm form's once-only key: a confirm sent twice
    at once (or again later) answers as the first did instead of importing twice.
    `done` says where to go and what to say after a write; a refusal goes to `refused_to`.
    """
    db = get_session()
    form = ConfirmImportForm()
    try:
        if not form.validate_on_submit():
            raise UploadRefused("expired")
        response = write_once(
            db, form.token, lambda: done(apply(db, load(kind, form.token.data).frame))
        )
    except UploadRefused as refused:
        db.rollback()
        flash(upload_message(refused.reason), "error")
        return back_to(refused_to)
    except InventoryError as error:
        db.rollback()
        discard(kind)
        errors = error.params["errors"] if isinstance(error, ImportInvalid) else []
        for message in [row_error_message(e) for e in errors] or [inventory_message(error)]:
            flash(message, "error")
        return back_to(refused_to)
    db.commit()
    discard(kind)
    return response


def back_to(endpoint: str):
    return redirect(url_for(endpoint)), 303
