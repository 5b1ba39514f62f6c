"""An install without the demo: every page answers on an empty database, and the admin's
first-run checklist leads through set-up and goes away when done."""

from datetime import date

import pytest
from flask import Flask
from werkzeug.routing import AnyConverter

from app.auth.users import create_user
from app.models import Department, Participant, User
from data.generator import DEMO_PASSWORD
from inventory.models import Customer
from tests.conftest import EMPTY_ADMIN, Auth, make_app


@pytest.fixture
def app(empty_database_url):
    app = make_app(empty_database_url)
    yield app
    app.extensions["engine"].dispose()


def _pages(app: Flask) -> list[str]:
    """Every GET page whose path needs no id, with the first choice of an `any(...)` part."""
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint in ("static", "auth.logout"):
            continue
        converters = rule._converters
        if any(not isinstance(c, AnyConverter) for c in converters.values()):
            continue
        values = {name: sorted(c.items)[0] for name, c in converters.items()}
        paths.append(rule.build(values, append_unknown=False)[1])
    return sorted(paths)


@pytest.mark.parametrize("role", ["admin", "manager", "coach"])
def test_every_page_answers_on_an_empty_database(app, client, db, role):
    email = EMPTY_ADMIN
    if role != "admin":
        email = f"{role}@werkplaats.test"
        create_user(db, email=email, name=role, password=DEMO_PASSWORD, role=role)
        db.commit()
    assert Auth(client).login(email).status_code == 302
    failures = [
        (path, r.status_code) for path in _pages(app) if (r := client.get(path)).status_code >= 500
    ]
    assert failures == []


def test_attendance_without_departments_says_what_to_set_up(client, db):
    create_user(db, email="m@werkplaats.test", name="M", password=DEMO_PASSWORD, role="manager")
    db.commit()
    Auth(client).login("m@werkplaats.test")
    page = client.get("/deelnemers/aanwezigheid")
    assert page.status_code == 200
    assert "Er zijn nog geen afdelingen" in page.get_data(as_text=True)


def test_the_checklist_shows_until_every_step_is_done(client, db):
    Auth(client).login(EMPTY_ADMIN)
    home = client.get("/").get_data(as_text=True)
    assert "De werkplaats inrichten" in home
    for title in ("Afdelingen", "Gebruikers", "Deelnemers", "Klanten"):
        assert title in home
    db.add(Department(code="inpak", name="Inpak"))
    db.add(Customer(name="Bakkerij Jansen"))
    db.add(User(email="m@x.test", name="M", password_hash="x", role="manager"))
    db.commit()
    assert "De werkplaats inrichten" in client.get("/").get_data(as_text=True)
    db.add(
        Participant(
            code="p001",
            first_name="A",
            last_name="B",
            target_group="sw",
            start_date=date(2026, 12, 7),
        )
    )
    db.commit()
    assert "De werkplaats inrichten" not in client.get("/").get_data(as_text=True)
