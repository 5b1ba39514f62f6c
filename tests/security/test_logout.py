"""Logging out ends the session on the server: a copy of the cookie taken before opens nothing."""

from datetime import timedelta

from sqlmodel import select

from app.models import User
from app.security.models import LoginSession
from data.generator import DEMO_PASSWORD
from inventory.models import utcnow
from tests.conftest import COACH


def _cookies(client) -> dict[str, str]:
    return {cookie.key: cookie.value for cookie in client._cookies.values()}


def _replay(app, cookies: dict[str, str]):
    thief = app.test_client()
    for name, value in cookies.items():
        thief.set_cookie(name, value)
    return thief


def test_a_cookie_copied_before_logout_no_longer_opens_anything(app, client, auth):
    auth.login(COACH)
    assert client.get("/deelnemers/").status_code == 200
    copied = _cookies(client)
    assert _replay(app, copied).get("/deelnemers/").status_code == 200
    auth.logout()
    response = _replay(app, copied).get("/deelnemers/")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]


def test_a_remember_me_cookie_copied_before_logout_is_dead_too(app, client):
    client.post("/inloggen", data={"email": COACH, "password": DEMO_PASSWORD, "remember": "y"})
    remembered = {k: v for k, v in _cookies(client).items() if k == "remember_token"}
    assert remembered and _replay(app, remembered).get("/deelnemers/").status_code == 200
    client.post("/uitloggen")
    assert _replay(app, remembered).get("/deelnemers/").status_code == 302


def test_logging_out_ends_only_that_session(app, client, auth, db):
    other = app.test_client()
    other.post("/inloggen", data={"email": COACH, "password": DEMO_PASSWORD})
    auth.login(COACH)
    auth.logout()
    assert other.get("/deelnemers/").status_code == 200
    assert len(db.exec(select(LoginSession)).all()) == 1


def test_sessions_no_cookie_can_use_any_more_are_dropped_at_login(auth, db):
    user_id = db.exec(select(User.id).where(User.email == COACH)).one()
    # Older than a working day plus a remember-me cookie's life; the other one is not.
    db.add(LoginSession(token="oud", user_id=user_id, started_at=utcnow() - timedelta(hours=17)))
    db.add(LoginSession(token="recent", user_id=user_id, started_at=utcnow() - timedelta(hours=15)))
    db.commit()
    auth.login(COACH)
    db.expire_all()
    assert db.get(LoginSession, "oud") is None and db.get(LoginSession, "recent") is not None
