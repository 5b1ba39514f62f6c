"""Accounts made in the app: a one-time link to choose a password, (de)activation, audit."""

import re

from sqlmodel import select

from app.audit import AuditEntry
from app.models import User
from data.generator import DEMO_PASSWORD
from inventory.models import Customer
from tests.conftest import ADMIN, MANAGER

PASSWORD = DEMO_PASSWORD


def _create(client, **fields: str):
    data = {"name": "Nina Nieuw", "email": "nina@werkplaats.test", "role": "coach"}
    return client.post("/beheer/gebruikers", data={**data, **fields})


def _link(page: str) -> str:
    return re.search(r'class="password-link" href="http://localhost(/[^"]+)"', page).group(1)


def _choose(client, path: str, password: str = PASSWORD):
    return client.post(path, data={"new": password, "confirm": password})


def test_a_new_account_chooses_its_password_through_a_link_that_works_once(client, auth, db):
    auth.login(ADMIN)
    response = _create(client)
    assert response.status_code == 201
    path = _link(response.get_data(as_text=True))
    auth.logout()
    assert client.get(path).status_code == 200
    assert _choose(client, path).status_code == 302
    assert auth.login("nina@werkplaats.test", PASSWORD).status_code == 302
    auth.logout()
    assert client.get(path).status_code == 404
    assert _choose(client, path, "Ander-wachtwoord-8").status_code == 404
    assert auth.login("nina@werkplaats.test", "Ander-wachtwoord-8").status_code == 401
    whats = [e.what for e in db.exec(select(AuditEntry))]
    assert "gebruiker nina@werkplaats.test (coach)" in whats


def test_a_weak_password_is_refused_and_the_link_still_works(client, auth):
    auth.login(ADMIN)
    path = _link(_create(client).get_data(as_text=True))
    auth.logout()
    response = _choose(client, path, "kort")
    assert response.status_code == 400
    assert "Minstens 10 tekens." in response.get_data(as_text=True)
    assert _choose(client, path).status_code == 302


def test_a_refused_form_keeps_what_was_typed(client, auth):
    auth.login(ADMIN)
    response = _create(client, role="customer", name="Karel Klant", email="karel@bakker.test")
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Kies de klant bij wie dit account hoort." in page
    assert 'value="Karel Klant"' in page and 'value="karel@bakker.test"' in page
    response = _create(client, email=MANAGER)
    assert "Er is al een account met dit e-mailadres." in response.get_data(as_text=True)


def test_customer_and_referrer_logins_are_bound(client, auth, db):
    auth.login(ADMIN)
    customer = db.exec(select(Customer)).first()
    _create(client, role="customer", email="k@bakker.test", customer_id=str(customer.id))
    _create(client, role="referrer", email="v@gemeente.test", referrer_organisation="Gemeente X")
    db.expire_all()
    by_email = {u.email: u for u in db.exec(select(User))}
    assert by_email["k@bakker.test"].customer_id == customer.id
    assert by_email["v@gemeente.test"].referrer_organisation == "Gemeente X"


def test_a_disabled_account_cannot_log_in_until_enabled_again(client, auth, db):
    manager = db.exec(select(User).where(User.email == MANAGER)).one()
    auth.login(ADMIN)
    assert client.post(f"/beheer/gebruikers/{manager.id}/deactiveren").status_code == 302
    auth.logout()
    assert auth.login(MANAGER).status_code == 401
    auth.login(ADMIN)
    client.post(f"/beheer/gebruikers/{manager.id}/activeren")
    auth.logout()
    assert auth.login(MANAGER).status_code == 302


def test_an_admin_cannot_disable_their_own_account(client, auth, db):
    admin = db.exec(select(User).where(User.email == ADMIN)).one()
    auth.login(ADMIN)
    client.post(f"/beheer/gebruikers/{admin.id}/deactiveren")
    db.expire_all()
    assert db.get(User, admin.id).active
