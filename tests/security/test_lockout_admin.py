"""Admins see who is locked out and lift a lock at once; every lift is audited."""

import pytest
from sqlmodel import select

from app.audit import AuditEntry
from app.models import User
from app.security.models import LockRelease
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER, OTHER_COACH, REFERRER, Auth

WRONG = "Fout-wachtwoord-1"
OFFICE = "10.20.30.40"
HTMX = {"HX-Request": "true"}


def fail(client, email, times, ip="127.0.0.1"):
    for _ in range(times):
        response = client.post(
            "/inloggen", data={"email": email, "password": WRONG}, environ_base={"REMOTE_ADDR": ip}
        )
        assert response.status_code == 401


def login(app, email, ip="127.0.0.1"):
    client = app.test_client()
    response = client.post(
        "/inloggen",
        data={"email": email, "password": "Fabriek-demo-2026"},
        environ_base={"REMOTE_ADDR": ip},
    )
    return client, response.status_code


@pytest.fixture
def admin(app):
    client, status = login(app, ADMIN, ip="10.0.0.1")
    assert status == 302
    return client


def unlock(admin, kind, value, headers=HTMX):
    return admin.post(
        "/beheer/inlogblokkades/ontgrendelen", data={"kind": kind, "value": value}, headers=headers
    )


def audit_lines(db):
    db.expire_all()
    return [
        entry.what for entry in db.exec(select(AuditEntry).where(AuditEntry.action == "unlock"))
    ]


def test_admin_sees_account_and_address_locks(app, admin, db):
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    fail(app.test_client(), COACH, limit, ip=OFFICE)
    fail(app.test_client(), "niemand@fabriek.test", limit, ip=OFFICE)
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_IP"] - 2 * limit):
        fail(app.test_client(), f"gok{n}@fabriek.test", 1, ip=OFFICE)
    page = admin.get("/beheer/inlogblokkades").get_data(as_text=True)
    assert "Inlogblokkades" in page and 'aria-live="polite"' in page
    coach = db.exec(select(User).where(User.email == COACH)).one()
    assert COACH in page and coach.name in page
    assert "niemand@fabriek.test" in page and "geen account" in page
    assert OFFICE in page and "IP-adres" in page
    assert "gok0@fabriek.test" not in page, "one failure is no lock"
    assert page.count(">Ontgrendelen<") == 3


def test_no_locks_says_so(admin):
    page = admin.get("/beheer/inlogblokkades").get_data(as_text=True)
    assert "Er is nu geen account en geen adres geblokkeerd." in page


def test_unlocking_an_account_lets_the_user_in_at_once_and_is_audited(app, admin, db):
    fail(app.test_client(), COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    assert login(app, COACH)[1] == 429
    response = unlock(admin, "account", COACH)
    assert response.status_code == 200
    fragment = response.get_data(as_text=True)
    assert "<html" not in fragment, "htmx gets the list only"
    assert f"Blokkade van {COACH} opgeheven" in fragment
    assert "Er is nu geen account en geen adres geblokkeerd." in fragment
    assert login(app, COACH)[1] == 302
    assert audit_lines(db) == [f"inlogblokkade account {COACH} opgeheven (5 mislukte pogingen)"]
    audit = admin.get("/beheer/audit?actie=unlock").get_data(as_text=True)
    assert "ontgrendeld" in audit and COACH in audit


def test_unlocking_an_address_lets_it_in_again(app, admin, db):
    for n in range(app.config["LOGIN_MAX_FAILURES_PER_IP"]):
        fail(app.test_client(), f"gok{n}@fabriek.test", 1, ip=OFFICE)
    assert login(app, MANAGER, ip=OFFICE)[1] == 429
    assert unlock(admin, "ip", OFFICE).status_code == 200
    assert login(app, MANAGER, ip=OFFICE)[1] == 302
    assert audit_lines(db) == [f"inlogblokkade adres {OFFICE} opgeheven (20 mislukte pogingen)"]


def test_after_a_lift_failures_count_afresh(app, admin):
    limit = app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]
    fail(app.test_client(), COACH, limit)
    unlock(admin, "account", COACH)
    fail(app.test_client(), COACH, limit - 1)
    assert login(app, COACH)[1] == 302
    fail(app.test_client(), COACH, limit)
    assert login(app, COACH)[1] == 429


def test_lifting_an_account_gives_the_guessing_address_no_fresh_tries(app, admin):
    per_ip = app.config["LOGIN_MAX_FAILURES_PER_IP"]
    fail(app.test_client(), COACH, 5, ip=OFFICE)
    for n in range(per_ip - 6):
        fail(app.test_client(), f"gok{n}@fabriek.test", 1, ip=OFFICE)
    unlock(admin, "account", COACH)
    fail(app.test_client(), "nog-een@fabriek.test", 1, ip=OFFICE)
    assert login(app, MANAGER, ip=OFFICE)[1] == 429


def test_without_javascript_the_lift_returns_to_the_page(app, admin):
    fail(app.test_client(), COACH, app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    response = unlock(admin, "account", COACH, headers={})
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/beheer/inlogblokkades")
    page = admin.get(response.headers["Location"]).get_data(as_text=True)
    assert f"Blokkade van {COACH} opgeheven" in page


def test_a_lock_that_is_gone_is_not_lifted_or_audited(app, admin, db):
    response = unlock(admin, "account", COACH)
    assert response.status_code == 200
    assert f"{COACH} was al niet meer geblokkeerd." in response.get_data(as_text=True)
    assert db.exec(select(LockRelease)).all() == []
    assert audit_lines(db) == []


@pytest.mark.parametrize(
    "data", [{"kind": "user", "value": COACH}, {"kind": "account", "value": ""}, {}]
)
def test_tampered_rows_are_refused(admin, db, data):
    response = admin.post("/beheer/inlogblokkades/ontgrendelen", data=data, headers=HTMX)
    assert response.status_code == 400
    assert "Deze blokkade bestaat niet." in response.get_data(as_text=True)
    assert db.exec(select(LockRelease)).all() == []


@pytest.mark.parametrize("email", [MANAGER, COACH, OTHER_COACH, CUSTOMER, REFERRER])
def test_other_roles_may_not_see_or_lift_locks(app, db, email):
    fail(app.test_client(), "niemand@fabriek.test", app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"])
    client = app.test_client()
    assert Auth(client).login(email).status_code == 302
    assert client.get("/beheer/inlogblokkades").status_code == 403
    assert unlock(client, "account", "niemand@fabriek.test").status_code == 403
    assert db.exec(select(LockRelease)).all() == []
    assert "Inlogblokkades" not in client.get("/").get_data(as_text=True)


def test_the_menu_shows_the_page_to_admins(admin):
    page = admin.get("/").get_data(as_text=True)
    assert 'href="/beheer/inlogblokkades"' in page
