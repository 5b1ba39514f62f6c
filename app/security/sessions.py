"""How long a login lasts: an idle timeout and an absolute limit.

Flask's session lives in a signed cookie, so both clocks are kept in it: `login_at` for the
absolute limit (PERMANENT_SESSION_LIFETIME) and `seen_at` for inactivity
(SESSION_IDLE_TIMEOUT). A cookie that outlived either is refused on its next request and the
user is told why, instead of silently landing on the login page. The same goes for a session
the user loader refuses because the account's password changed or the account was disabled
(`app.auth.users.session_id`). Each login also has a row on the server
(`app.security.login_sessions`): logging out or running out of time deletes it, so a copy of
the cookie taken before is refused as well.
"""

from datetime import timedelta

from flask import Response, current_app, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user
from flask_login.config import COOKIE_NAME

from app import clock
from app.auth import users  # the module: app.auth.users imports this package as it loads
from app.auth.access import allowed_roles
from app.db import get_session
from app.extensions import htmx
from app.models import User
from app.security import login_sessions


def start(user: User, *, remember: bool) -> None:
    """Log in on a fresh session, so no value from before the login survives it."""
    session.clear()
    db = get_session()
    config = current_app.config
    # A remember-me cookie may bring a session back until its own end, after the first ran out.
    usable = _seconds(config["PERMANENT_SESSION_LIFETIME"]) + _seconds(
        config["REMEMBER_COOKIE_DURATION"]
    )
    token = login_sessions.open_session(db, user.id, usable_for=timedelta(seconds=usable))
    db.commit()
    # A browser-session cookie: both limits are kept here on the server's clock, so a
    # browser whose clock differs (or a frozen test clock) cannot end a login early.
    _login(user, token, remember=remember)
    _stamp(login=True)


def renew(user: User) -> None:
    """Keep this session signed in after its own password change, which ended every other
    session of the account: it is given the id of the new password, and so is its
    remember-me cookie if it has one. Its clocks run on."""
    remembered = current_app.config.get("REMEMBER_COOKIE_NAME", COOKIE_NAME) in request.cookies
    _login(user, _token(), remember=remembered)


def _login(user: User, token: str, *, remember: bool) -> None:
    login_user(user, remember=remember)
    # Flask-Login stores user.get_id(); the session must carry the fingerprint and token.
    session["_user_id"] = users.session_id(user, token)


def _token() -> str:
    return users.session_token(str(session.get("_user_id", "")))


def end() -> None:
    """Log out, on the server too: the session's row goes, so no copy of its cookie works.
    The session is emptied first: logout_user's request to delete the remember-me cookie is
    itself kept in the session and must survive."""
    token = _token()
    if token:
        db = get_session()
        login_sessions.close_session(db, token)
        db.commit()
    session.clear()
    logout_user()


def expire_stale_session() -> Response | None:
    if request.endpoint in (None, "static"):
        return None
    if not current_user.is_authenticated:
        return _end_refused_login()
    now = clock.now().timestamp()
    if "login_at" not in session:
        # Restored from the remember-me cookie, which lives no longer than a session may.
        _stamp(login=True)
        return None
    idle_limit = _seconds(current_app.config["SESSION_IDLE_TIMEOUT"])
    absolute_limit = _seconds(current_app.config["PERMANENT_SESSION_LIFETIME"])
    if now - session.get("seen_at", 0) > idle_limit:
        reason = _(
            "U bent automatisch uitgelogd omdat u %(minutes)s minuten niet actief was. "
            "Log opnieuw in om verder te gaan.",
            minutes=round(idle_limit / 60),
        )
    elif now - session["login_at"] > absolute_limit:
        reason = _(
            "U bent automatisch uitgelogd omdat u langer dan %(hours)s uur ingelogd was. "
            "Log opnieuw in om verder te gaan.",
            hours=round(absolute_limit / 3600),
        )
    else:
        _stamp(login=False)
        return None
    end()
    flash(reason, "warning")
    return _to_login()


def _end_refused_login() -> Response | None:
    """A session that names a login the user loader refused: say why it ended."""
    if "_user_id" not in session:
        return None
    token = _token()
    # The row is gone when the session was logged out (a copy of its cookie) or expired.
    changed = bool(token) and login_sessions.exists(get_session(), token)
    end()
    if changed:
        reason = _(
            "U bent uitgelogd omdat het wachtwoord van uw account is gewijzigd of uw account "
            "is uitgeschakeld. Log opnieuw in om verder te gaan."
        )
    else:
        reason = _("Uw sessie is verlopen. Log opnieuw in om verder te gaan.")
    flash(reason, "warning")
    # A public page (the login page itself) is simply shown, with the message.
    return None if allowed_roles(request.endpoint) is None else _to_login()


def _stamp(*, login: bool) -> None:
    now = int(clock.now().timestamp())
    if login:
        session["login_at"] = now
    session["seen_at"] = now


def _seconds(value: int | float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def _to_login() -> Response:
    target = request.full_path if request.method == "GET" and not htmx else None
    login_url = url_for("auth.login", next=target)
    if htmx:
        # A swapped fragment must not become the login page: htmx loads it as a whole page.
        response = Response(status=401)
        response.headers["HX-Redirect"] = login_url
        return response
    return redirect(login_url)
