"""User accounts for admins: create with a role, (de)activate, and hand out password links.

There is no mail: a new account, and a forgotten password, get a one-time link that the
admin is shown once and passes on. Every change is in the audit log.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.admin import bp
from app.admin.forms import UserForm
from app.audit import record
from app.auth.access import roles
from app.auth.links import new_link, unusable_password
from app.auth.users import create_user, user_by_email
from app.db import get_session
from app.models import User
from inventory.models import Customer


def _customers() -> list[tuple[int, str]]:
    db = get_session()
    return list(db.exec(select(Customer.id, Customer.name).order_by(Customer.name)).all())


def _page(form: UserForm, status: int = 200, link: str | None = None, made: User | None = None):
    db = get_session()
    users = db.exec(select(User).order_by(User.active.desc(), User.role, User.name)).all()
    customers = dict(_customers())
    return render_template(
        "admin/users.html", form=form, users=users, customers=customers, link=link, made=made
    ), status


@bp.route("/gebruikers")
@roles("admin")
def users():
    return _page(UserForm(customers=_customers()))


@bp.route("/gebruikers", methods=["POST"])
@roles("admin")
def create_account():
    db = get_session()
    form = UserForm(customers=_customers())
    if not form.validate():
        return _page(form, 400)
    if user_by_email(db, form.email.data) is not None:
        form.email.errors.append(_("Er is al een account met dit e-mailadres."))
        return _page(form, 400)
    role = form.role.data
    try:
        user = create_user(
            db,
            email=form.email.data,
            name=form.name.data.strip(),
            password=unusable_password(),
            role=role,
            customer_id=int(form.customer_id.data) if role == "customer" else None,
            referrer_organisation=(
                form.referrer_organisation.data.strip() if role == "referrer" else None
            ),
        )
    except IntegrityError:
        db.rollback()
        form.email.errors.append(_("Er is al een account met dit e-mailadres."))
        return _page(form, 400)
    return _with_link(user, f"gebruiker {user.email} ({role})", "create", 201)


@bp.route("/gebruikers/<int:user_id>/wachtwoordlink", methods=["POST"])
@roles("admin")
def password_link(user_id: int):
    user = _account(user_id)
    return _with_link(user, f"wachtwoordlink voor {user.email}", "update", 200)


@bp.route("/gebruikers/<int:user_id>/<any(activeren,deactiveren):change>", methods=["POST"])
@roles("admin")
def account_status(user_id: int, change: str):
    db = get_session()
    user = _account(user_id)
    if user.id == current_user.id:
        flash(_("U kunt uw eigen account niet uitzetten."), "error")
        return redirect(url_for("admin.users"))
    user.active = change == "activeren"
    db.add(user)
    record(db, "update", f"gebruiker {user.email} {'aan' if user.active else 'uit'}gezet")
    db.commit()
    if user.active:
        flash(_("%(name)s kan weer inloggen.", name=user.name), "success")
    else:
        flash(
            _("%(name)s kan niet meer inloggen; wat is vastgelegd blijft.", name=user.name),
            "success",
        )
    return redirect(url_for("admin.users"))


def _account(user_id: int) -> User:
    user = get_session().get(User, user_id)
    if user is None:
        abort(404)
    return user


def _with_link(user: User, what: str, action: str, status: int):
    """A fresh one-time link for `user`, audited, shown once on the users page."""
    db = get_session()
    token = new_link(db, user)
    record(db, action, what)
    db.commit()
    link = url_for("auth.choose_password", token=token, _external=True)
    return _page(UserForm(formdata=None, customers=_customers()), status, link, user)
