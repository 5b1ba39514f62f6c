"""Login lock-outs for admins: who is locked out now, and lifting a lock by hand.

A lock ends by itself after its window; an admin lifts it sooner for a colleague who
mistyped their password too often, or for a shared office address. Each lift is audited.
"""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.admin import bp
from app.admin.forms import UnlockForm
from app.audit import record
from app.auth.access import roles
from app.db import get_session
from app.extensions import htmx
from app.models import User
from app.security import lockout


@bp.route("/inlogblokkades")
@roles("admin")
def lockouts():
    return render_template("admin/lockouts.html", **_listing())


@bp.route("/inlogblokkades/ontgrendelen", methods=["POST"])
@roles("admin")
def unlock():
    form = UnlockForm()
    if not form.validate_on_submit():
        return _answer(_("Deze blokkade bestaat niet."), "error", status=400)
    db = get_session()
    lifted = lockout.release(db, form.kind.data, form.value.data)
    if lifted is None:
        return _answer(
            _("%(who)s was al niet meer geblokkeerd.", who=form.value.data), "info", status=200
        )
    kind = "account" if lifted.kind == lockout.ACCOUNT else "adres"
    record(
        db,
        "unlock",
        f"inlogblokkade {kind} {lifted.value} opgeheven ({lifted.failures} mislukte pogingen)",
    )
    db.commit()
    return _answer(
        _("Blokkade van %(who)s opgeheven: inloggen kan meteen weer.", who=lifted.value),
        "success",
        status=200,
    )


def _answer(message: str, category: str, *, status: int):
    """htmx swaps the fresh list with the message in its live region; without JavaScript
    the browser goes back to the page, which shows the message."""
    if htmx:
        page = render_template(
            "admin/_lockouts.html", message=message, category=category, **_listing()
        )
        return page, status
    flash(message, category)
    return redirect(url_for("admin.lockouts"))


def _listing() -> dict:
    db = get_session()
    locks = lockout.current_locks(db)
    emails = [lock.value for lock in locks if lock.kind == lockout.ACCOUNT]
    names = dict(db.exec(select(User.email, User.name).where(User.email.in_(emails))).all())
    return {"locks": locks, "names": names}
