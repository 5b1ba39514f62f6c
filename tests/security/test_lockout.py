"""Failed logins lock the account, and the address, for a while; the database keeps count."""

from datetime import timedelta

from sqlmodel import select

from app.security.models import LoginAttempt
from data.generator import DEMO_PASSWORD
from inventory.models import utcnow
from tests.conftest import COACH, MANAGER

LOCKED = "Te veel mislukte inlogpogingen"


def fail(auth, email, times):
    for _ in range(times):
        assert auth.login(email, "Fout-wachtwoord-1").status_code == 401


def test_fifth_failure_locks_the_account_even_for_the_right_password(auth, app):
    fail(auth, COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    response = auth.login(COACH)
    assert response.status_code == 429
    assert LOCKED in response.get_data(as_text=True)
    assert "15 minuten" in response.get_data(as_text=True)
    assert 0 < int(response.headers["Retry-After"]) <= 15 * 60


def test_a_locked_account_does_not_lock_others(auth, app):
    fail(auth, COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    assert auth.login(MANAGER).status_code == 302


def test_unknown_accounts_are_locked_alike(auth, app):
    """Otherwise the lock would tell which addresses have an account."""
    fail(auth, "niemand@fabriek.test", app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    assert auth.login("niemand@fabriek.test").status_code == 429


def test_refused_attempts_are_not_counted_so_the_lock_does_not_grow(auth, app, db):
    fail(auth, COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    for _ in range(3):
        assert auth.login(COACH, "Fout-wachtwoord-1").status_code == 429
    rows = db.exec(select(LoginAttempt).where(LoginAttempt.email == COACH)).all()
    assert len(rows) == app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]


def test_lock_ends_after_the_window(auth, app, db):
    fail(auth, COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    for row in db.exec(select(LoginAttempt)).all():
        row.at = row.at - timedelta(minutes=app.config["LOGIN_LOCKOUT_MINUTES"] + 1)
    db.commit()
    assert auth.login(COACH).status_code == 302


def test_success_resets_the_account_count(auth, app):
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    fail(auth, COACH, limit - 1)
    assert auth.login(COACH).status_code == 302
    auth.logout()
    fail(auth, COACH, limit - 1)
    assert auth.login(COACH).status_code == 302


def test_one_address_trying_many_accounts_is_locked(auth, app):
    limit = app.config["LOGIN_MAX_FAILURES_PER_IP"]
    for n in range(limit):
        assert auth.login(f"gok{n}@fabriek.test", "Fout-wachtwoord-1").status_code == 401
    response = auth.login(MANAGER)
    assert response.status_code == 429
    assert LOCKED in response.get_data(as_text=True)


def test_other_addresses_are_not_locked_by_one_address(app, auth):
    limit = app.config["LOGIN_MAX_FAILURES_PER_IP"]
    for n in range(limit):
        auth.login(f"gok{n}@fabriek.test", "Fout-wachtwoord-1")
    other = app.test_client()
    response = other.post(
        "/inloggen",
        data={"email": MANAGER, "password": DEMO_PASSWORD},
        environ_base={"REMOTE_ADDR": "10.1.2.3"},
    )
    assert response.status_code == 302


def test_old_attempts_are_cleaned_up(auth, db):
    db.add(LoginAttempt(email=COACH, ip="127.0.0.1", at=utcnow() - timedelta(days=2)))
    db.commit()
    auth.login(MANAGER)
    db.expire_all()
    assert [row.email for row in db.exec(select(LoginAttempt)).all()] == [MANAGER]


def test_invalid_form_is_not_an_attempt(client, db):
    assert client.post("/inloggen", data={"email": "", "password": ""}).status_code == 400
    assert db.exec(select(LoginAttempt)).all() == []
