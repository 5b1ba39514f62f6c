"""A login ends after an hour without activity and after a working day, and says why."""


from app import clock
from data.generator import DEMO_PASSWORD
from tests.conftest import COACH


def shift(client, **seconds_ago):
    with client.session_transaction() as session:
        for key, ago in seconds_ago.items():
            session[key] = int(clock.now().timestamp()) - ago


def remembered_login(client) -> None:
    client.post("/inloggen", data={"email": COACH, "password": DEMO_PASSWORD, "remember": "y"})


def test_active_user_stays_logged_in(client, auth):
    auth.login(COACH)
    shift(client, seen_at=59 * 60)
    assert client.get("/deelnemers/").status_code == 200


def test_idle_user_is_logged_out_and_told_why(client, auth):
    auth.login(COACH)
    shift(client, seen_at=61 * 60)
    response = client.get("/deelnemers/?q=jan")
    assert response.status_code == 302
    assert "/inloggen?next=" in response.headers["Location"]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "automatisch uitgelogd" in page and "60 minuten niet actief" in page
    assert client.get("/deelnemers/").status_code == 302


def test_session_older_than_a_working_day_ends(client, auth):
    auth.login(COACH)
    shift(client, login_at=8 * 3600 + 60)
    response = client.get("/deelnemers/", follow_redirects=True)
    assert "langer dan 8 uur ingelogd" in response.get_data(as_text=True)


def test_idle_htmx_request_redirects_the_whole_page(client, auth):
    auth.login(COACH)
    shift(client, seen_at=2 * 3600)
    response = client.get("/deelnemers/", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"].startswith("/inloggen")


def test_logout_deletes_the_remember_me_cookie(client, auth):
    remembered_login(client)
    assert client.get_cookie("remember_token") is not None
    auth.logout()
    assert client.get_cookie("remember_token") is None
    assert client.get("/deelnemers/").status_code == 302


def test_idle_logout_also_deletes_the_remember_me_cookie(client):
    remembered_login(client)
    shift(client, seen_at=2 * 3600)
    client.get("/deelnemers/")
    assert client.get_cookie("remember_token") is None
    assert client.get("/deelnemers/").status_code == 302


def test_remember_me_alone_starts_a_fresh_clock(client):
    remembered_login(client)
    client.delete_cookie("session")
    assert client.get("/deelnemers/").status_code == 200
    with client.session_transaction() as session:
        assert clock.now().timestamp() - session["login_at"] < 60
