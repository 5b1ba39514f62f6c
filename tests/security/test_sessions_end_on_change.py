"""A new password, or a disabled account, ends every other session of that account.

Sessions are signed cookies the server cannot delete, so the id they carry holds a
fingerprint of the password hash: these tests use separate clients as separate browsers.
"""

import pytest
from sqlmodel import select

from app.models import User
from data.generator import DEMO_PASSWORD
from tests.conftest import ADMIN, COACH, Auth

NEW = "Nieuw-Wachtwoord-77"
ENDED = "U bent uitgelogd omdat het wachtwoord van uw account is gewijzigd"


def browser(app, email=COACH, *, remember=False):
    client = app.test_client()
    data = {"email": email, "password": DEMO_PASSWORD}
    if remember:
        data["remember"] = "y"
    assert client.post("/inloggen", data=data).status_code == 302
    assert client.get("/deelnemers/").status_code == 200
    return client


def change_password(client):
    response = client.post(
        "/wachtwoord-wijzigen", data={"current": DEMO_PASSWORD, "new": NEW, "confirm": NEW}
    )
    assert response.status_code == 302


def assert_sent_to_login(client, path="/deelnemers/"):
    response = client.get(path)
    assert response.status_code == 302
    assert "/inloggen" in response.headers["Location"]
    return client.get(response.headers["Location"]).get_data(as_text=True)


def test_other_sessions_end_and_are_told_why_the_changing_one_stays(app):
    changing, other = browser(app), browser(app)
    change_password(changing)
    assert ENDED in assert_sent_to_login(other)
    assert ENDED not in assert_sent_to_login(other), "told once, then simply logged out"
    assert "Uw wachtwoord is gewijzigd." in changing.get("/").get_data(as_text=True)
    assert changing.get("/deelnemers/").status_code == 200


def test_the_ended_session_can_log_in_with_the_new_password(app):
    changing, other = browser(app), browser(app)
    change_password(changing)
    assert_sent_to_login(other)
    assert Auth(other).login(COACH, NEW).status_code == 302
    assert other.get("/deelnemers/").status_code == 200


def test_other_sessions_of_other_users_are_untouched(app):
    changing, admin = browser(app), browser(app, ADMIN)
    change_password(changing)
    assert admin.get("/beheer/audit").status_code == 200


def test_htmx_request_of_an_ended_session_redirects_the_whole_page(app):
    changing, other = browser(app), browser(app)
    change_password(changing)
    response = other.get("/deelnemers/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/inloggen")


def test_an_ended_session_opening_the_login_page_sees_the_form_and_the_reason(app):
    changing, other = browser(app), browser(app)
    change_password(changing)
    response = other.get("/inloggen")
    assert response.status_code == 200
    assert ENDED in response.get_data(as_text=True)
    assert other.get("/deelnemers/").status_code == 302


def test_remember_me_cookies_follow_the_password(app):
    changing, other = browser(app, remember=True), browser(app, remember=True)
    change_password(changing)
    for client in (changing, other):
        client.delete_cookie("session")
    assert changing.get("/deelnemers/").status_code == 200
    assert_sent_to_login(other)
    assert other.get_cookie("remember_token") is None


def test_changing_the_password_keeps_the_session_clocks(app):
    client = browser(app)
    with client.session_transaction() as session:
        session["login_at"] -= 3600
        login_at = session["login_at"]
    change_password(client)
    with client.session_transaction() as session:
        assert session["login_at"] == login_at


def test_a_session_naming_only_the_user_id_is_refused(app, db):
    """The id alone, as Flask-Login would store it by default, must not be enough."""
    client = browser(app)
    user = db.exec(select(User).where(User.email == COACH)).one()
    with client.session_transaction() as session:
        session["_user_id"] = str(user.id)
    page = assert_sent_to_login(client)
    assert ENDED not in page, "a session from before fingerprints: nothing was changed"
    assert "Uw sessie is verlopen." in page


def test_a_fingerprint_of_another_account_is_refused(app, db):
    client, admin = browser(app), browser(app, ADMIN)
    coach = db.exec(select(User).where(User.email == COACH)).one()
    with admin.session_transaction() as session:
        fingerprint = session["_user_id"].partition(":")[2]
    with client.session_transaction() as session:
        session["_user_id"] = f"{coach.id}:{fingerprint}"
    assert_sent_to_login(client)


def test_reset_by_the_admin_command_ends_the_sessions(app):
    client = browser(app)
    result = app.test_cli_runner().invoke(
        args=["reset-password", "--email", COACH.upper()], input=f"{NEW}\n{NEW}\n"
    )
    assert result.exit_code == 0, result.output
    assert ENDED in assert_sent_to_login(client)
    assert Auth(client).login(COACH).status_code == 401
    assert Auth(client).login(COACH, NEW).status_code == 302


@pytest.mark.parametrize(
    ("email", "password", "message"),
    [
        (COACH, "kort", "Minstens 10 tekens."),
        ("niemand@fabriek.test", NEW, "No account with e-mail address"),
    ],
)
def test_reset_command_refuses_weak_passwords_and_unknown_accounts(app, email, password, message):
    client = browser(app)
    result = app.test_cli_runner().invoke(
        args=["reset-password", "--email", email], input=f"{password}\n{password}\n"
    )
    assert result.exit_code != 0
    assert message in result.output
    assert client.get("/deelnemers/").status_code == 200


def test_disabling_an_account_ends_its_sessions(app, db):
    client = browser(app, remember=True)
    user = db.exec(select(User).where(User.email == COACH)).one()
    user.active = False
    db.commit()
    assert ENDED in assert_sent_to_login(client)
    assert client.get_cookie("remember_token") is None
    assert Auth(client).login(COACH).status_code == 401


def test_the_account_status_command_disables_and_enables_an_account(app):
    client = browser(app)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["account-status", "--email", COACH, "--inactive"])
    assert result.exit_code == 0, result.output
    assert ENDED in assert_sent_to_login(client)
    assert Auth(client).login(COACH).status_code == 401
    assert runner.invoke(args=["account-status", "--email", COACH, "--active"]).exit_code == 0
    assert Auth(client).login(COACH).status_code == 302
    unknown = runner.invoke(args=["account-status", "--email", "niemand@fabriek.test", "--active"])
    assert unknown.exit_code != 0 and "No account" in unknown.output
