"""Every view declares who may open it; anything undeclared is closed."""

import pytest
from flask import Blueprint

from app.auth.access import MANAGERS, allowed_roles, roles
from tests.conftest import COACH, CUSTOMER, MANAGER


def test_every_view_declares_its_roles(app):
    with app.test_request_context():
        undeclared = [
            endpoint
            for endpoint, view in app.view_functions.items()
            if endpoint != "static" and not hasattr(view, "allowed_roles")
        ]
    assert undeclared == []


def test_a_view_without_a_declaration_is_refused(app, client, auth):
    bp = Blueprint("forgotten", __name__)
    bp.add_url_rule("/vergeten", "page", lambda: "secret")
    app.register_blueprint(bp)
    auth.login(MANAGER)
    response = client.get("/vergeten")
    assert response.status_code == 403
    assert "secret" not in response.get_data(as_text=True)


@pytest.mark.parametrize("email", [COACH, CUSTOMER])
def test_customer_and_coach_get_403_on_manager_pages(app, client, auth, email):
    bp = Blueprint("extra", __name__)
    bp.add_url_rule("/alleen-managers", "page", roles(*MANAGERS)(lambda: "plan"))
    app.register_blueprint(bp)
    with app.test_request_context():
        manager_pages = [
            rule.rule
            for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and not rule.arguments and _managers_only(rule.endpoint)
        ]
    assert "/alleen-managers" in manager_pages
    auth.login(email)
    for url in manager_pages:
        response = client.get(url)
        assert response.status_code == 403, url
        assert "U heeft geen toegang tot deze pagina." in response.get_data(as_text=True)


def _managers_only(endpoint: str) -> bool:
    admitted = allowed_roles(endpoint)
    return bool(admitted) and admitted <= set(MANAGERS)
