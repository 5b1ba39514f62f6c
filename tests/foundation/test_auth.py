from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER


def test_login_page_is_dutch_by_default(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Wachtwoord" in page


def test_wrong_password_is_refused_with_a_clear_message(client, auth):
    response = auth.login(MANAGER, "niet-het-wachtwoord")
    assert response.status_code == 401
    assert "E-mailadres of wachtwoord klopt niet." in response.get_data(as_text=True)


def test_unknown_user_gets_the_same_message_as_a_wrong_password(client, auth):
    response = auth.login("niemand@fabriek.test")
    assert response.status_code == 401
    assert "E-mailadres of wachtwoord klopt niet." in response.get_data(as_text=True)


def test_missing_field_names_the_field_in_dutch(client):
    response = client.post("/inloggen", data={"email": MANAGER})
    assert response.status_code == 400
    assert "Vul uw wachtwoord in." in response.get_data(as_text=True)


def test_each_role_logs_in_and_reaches_its_start_page(client, auth):
    for email, heading in [
        (MANAGER, "Overzicht"),
        (ADMIN, "Overzicht"),
        (COACH, "Mijn deelnemers"),
        (CUSTOMER, "Mijn orders"),
    ]:
        assert auth.login(email).status_code == 302
        assert f"<h1>{heading}</h1>" in client.get("/").get_data(as_text=True)
        auth.logout()


def test_anonymous_user_is_sent_to_login(client):
    response = client.get("/")
    assert response.status_code == 302
    assert "/inloggen" in response.headers["Location"]


def test_logout_needs_post_and_ends_the_session(client, auth):
    auth.login(MANAGER)
    assert client.get("/uitloggen").status_code == 405
    auth.logout()
    assert client.get("/").status_code == 302


def test_login_does_not_redirect_off_site(client):
    response = client.post(
        "/inloggen?next=https://evil.example/",
        data={"email": MANAGER, "password": "Fabriek-demo-2026"},
    )
    assert response.headers["Location"] == "/"


def test_unknown_page_gives_a_dutch_404(client, auth):
    auth.login(MANAGER)
    response = client.get("/bestaat-niet/123")
    assert response.status_code == 404
    assert "Deze pagina of dit gegeven bestaat niet" in response.get_data(as_text=True)


def test_customer_sees_only_own_orders(client, auth, db):
    from sqlmodel import select

    from app.models import ProductionOrder, User

    auth.login(CUSTOMER)
    page = client.get("/").get_data(as_text=True)
    customer_id = db.exec(select(User).where(User.email == CUSTOMER)).one().customer_id
    for order in db.exec(select(ProductionOrder)).all():
        assert (order.number in page) == (order.customer_id == customer_id)
