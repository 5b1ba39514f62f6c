from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.auth import bp
from app.auth.access import public, roles
from app.auth.forms import ChangePasswordForm, LoginForm
from app.auth.passwords import MIN_LENGTH, verify_login, verify_password
from app.auth.users import set_password, user_by_email
from app.db import get_session
from app.models import User
from app.security import lockout, sessions
from app.urls import is_safe_next
from app.vocab import ROLES


@bp.route("/inloggen", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("auth/login.html", form=form), status
    db = get_session()
    email = form.email.data.strip().lower()
    ip = request.remote_addr or "onbekend"
    lock = lockout.current_lock(db, email, ip)
    if lock is not None:
        return _locked(form, lock)
    user = user_by_email(db, email)
    succeeded = verify_login(user, form.password.data)
    lockout.record(db, email, ip, succeeded=succeeded)
    db.commit()
    if not succeeded:
        flash(_("E-mailadres of wachtwoord klopt niet."), "error")
        return render_template("auth/login.html", form=form), 401
    sessions.start(user, remember=form.remember.data)
    target = request.args.get("next")
    return redirect(target if is_safe_next(target) else url_for("main.home"))


def _locked(form: LoginForm, lock: lockout.Lock):
    flash(_locked_message(lock), "error")
    page = render_template("auth/login.html", form=form)
    return page, 429, {"Retry-After": str(lock.seconds_left())}


def _locked_message(lock: lockout.Lock) -> str:
    return _(
        "Te veel mislukte inlogpogingen. Om uw account te beschermen kunt u pas over "
        "%(minutes)s minuten opnieuw proberen.",
        minutes=lock.minutes_left(),
    )


@bp.route("/uitloggen", methods=["POST"])
@public
def logout():
    sessions.end()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/wachtwoord-wijzigen", methods=["GET", "POST"])
@roles(*ROLES)
def change_password():
    form = ChangePasswordForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return _change_page(form), status
    db = get_session()
    user = db.get(User, current_user.id)
    ip = request.remote_addr or "onbekend"
    # Guessing the current password from a session left open counts as guessing a login.
    lock = lockout.current_lock(db, user.email, ip)
    if lock is not None:
        form.current.errors.append(_locked_message(lock))
        return _change_page(form), 429
    if not verify_password(user.password_hash, form.current.data):
        lockout.record(db, user.email, ip, succeeded=False)
        db.commit()
        form.current.errors.append(_("Het huidige wachtwoord klopt niet."))
        return _change_page(form), 400
    if form.new.data == form.current.data:
        form.new.errors.append(_("Kies een ander wachtwoord dan het huidige."))
        return _change_page(form), 400
    set_password(user, form.new.data)
    db.commit()
    sessions.renew(user)
    flash(_("Uw wachtwoord is gewijzigd."), "info")
    return redirect(url_for("main.home"))


def _change_page(form: ChangePasswordForm) -> str:
    return render_template("auth/change_password.html", form=form, min_length=MIN_LENGTH)
