"""Every logged-in user can change their password, under the password rules."""

import pytest
from sqlmodel import select

from app.auth.passwords import verify_password
from app.models import User
from data.generator import DEMO_PASSWORD
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER

NEW = "Nieuw-Wachtwoord-77"


def change(client, current=DEMO_PASSWORD, new=NEW, confirm=None):
    return client.post(
        "/wachtwoord-wijzigen",
        data={"current": current, "new": new, "confirm": new if confirm is None else confirm},
    )


def hash_of(db, email):
    db.expire_all()
    return db.exec(select(User).where(User.email == email)).one().password_hash


@pytest.mark.parametrize("email", [ADMIN, MANAGER, COACH, CUSTOMER])
def test_every_role_can_change_and_log_in_with_the_new_password(client, auth, email):
    auth.login(email)
    page = client.get("/wachtwoord-wijzigen").get_data(as_text=True)
    assert "Huidig wachtwoord" in page and "Minstens 10 tekens" in page
    response = change(client)
    assert response.status_code == 302
    assert "Uw wachtwoord is gewijzigd." in client.get("/").get_data(as_text=True)
    auth.logout()
    assert auth.login(email).status_code == 401
    assert auth.login(email, NEW).status_code == 302


@pytest.mark.parametrize(
    ("new", "message"),
    [
        ("Kort-1", "Minstens 10 tekens."),
        ("alleenkleine-letters-1", "Zowel hoofdletters als kleine letters."),
        ("Geen-Cijfers-Hier", "Minstens één cijfer."),
        (DEMO_PASSWORD, "Kies een ander wachtwoord dan het huidige."),
    ],
)
def test_weak_or_unchanged_password_is_refused(client, auth, db, new, message):
    auth.login(COACH)
    before = hash_of(db, COACH)
    response = change(client, new=new)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert hash_of(db, COACH) == before


def test_confirmation_must_match(client, auth, db):
    auth.login(COACH)
    response = change(client, confirm="Iets-Anders-99")
    assert response.status_code == 400
    assert "niet gelijk" in response.get_data(as_text=True)
    assert verify_password(hash_of(db, COACH), DEMO_PASSWORD)


def test_wrong_current_password_is_refused_and_counts_towards_the_lock(client, auth, app, db):
    auth.login(COACH)
    for _ in range(app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"]):
        response = change(client, current="Fout-wachtwoord-1")
        assert response.status_code == 400
        assert "Het huidige wachtwoord klopt niet." in response.get_data(as_text=True)
    response = change(client)
    assert response.status_code == 429
    assert "Te veel mislukte inlogpogingen" in response.get_data(as_text=True)
    assert verify_password(hash_of(db, COACH), DEMO_PASSWORD)


def test_anonymous_is_sent_to_login(client):
    response = client.get("/wachtwoord-wijzigen")
    assert response.status_code == 302 and "/inloggen" in response.headers["Location"]
