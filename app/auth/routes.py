from flask import flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from sqlmodel import select

from app.auth import bp
from app.auth.access import public
from app.auth.forms import LoginForm
from app.auth.passwords import verify_password
from app.db import get_session
from app.models import User
from app.urls import is_safe_next


@bp.route("/inloggen", methods=["GET", "POST"])
@public
def login():
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        user = get_session().exec(select(User).where(User.email == email)).first()
        if (
            user is None
            or not user.active
            or not verify_password(user.password_hash, form.password.data)
        ):
            flash(_("E-mailadres of wachtwoord klopt niet."), "error")
            return render_template("auth/login.html", form=form), 401
        session.clear()
        login_user(user, remember=form.remember.data)
        target = request.args.get("next")
        return redirect(target if is_safe_next(target) else url_for("main.home"))
    status = 400 if form.is_submitted() else 200
    return render_template("auth/login.html", form=form), status


@bp.route("/uitloggen", methods=["POST"])
@public
def logout():
    logout_user()
    session.clear()
    flash(_("U bent uitgelogd."), "info")
    return redirect(url_for("auth.login"))
