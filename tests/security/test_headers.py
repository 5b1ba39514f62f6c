"""Every response carries the security headers, and no template needs an inline script."""

import re

import pytest

from app.config import ROOT, ProductionConfig
from data.generator import DEMO_PASSWORD
from tests.conftest import MANAGER, make_app

TEMPLATES = ROOT / "templates"
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
HANDLER = re.compile(r"\s(on[a-z]+|hx-on[:\-][\w:\-]*)\s*=", re.IGNORECASE)
STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)


@pytest.mark.parametrize("path", ["/inloggen", "/", "/gezond", "/bestaat-niet"])
def test_headers_on_every_kind_of_response(client, path):
    response = client.get(path)
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert "Strict-Transport-Security" not in response.headers


def test_headers_on_logged_in_pages_and_static_files(client, auth):
    auth.login(MANAGER)
    for path in ("/rooster/2026-W49", "/static/css/app.css"):
        assert client.get(path).headers["X-Frame-Options"] == "DENY"


def test_production_sends_hsts_and_secure_cookies(database_url):
    app = make_app(
        database_url, SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True, TESTING=True
    )
    client = app.test_client()
    response = client.post(
        "/inloggen", data={"email": MANAGER, "password": DEMO_PASSWORD, "remember": "y"}
    )
    assert response.headers["Strict-Transport-Security"].startswith("max-age=")
    cookies = response.headers.getlist("Set-Cookie")
    assert cookies, "login sets the session cookie"
    for cookie in cookies:
        assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    app.extensions["engine"].dispose()


def test_production_config_protects_cookies():
    assert ProductionConfig.SESSION_COOKIE_SECURE and ProductionConfig.REMEMBER_COOKIE_SECURE
    assert ProductionConfig.SESSION_COOKIE_HTTPONLY and ProductionConfig.REMEMBER_COOKIE_HTTPONLY
    assert ProductionConfig.SESSION_COOKIE_SAMESITE == "Lax"
    assert ProductionConfig.REMEMBER_COOKIE_SAMESITE == "Lax"


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda p: str(p.relative_to(TEMPLATES))
)
def test_templates_have_no_inline_script_handler_or_style(template):
    """The policy would block them in the browser; catch them here instead."""
    text = template.read_text(encoding="utf-8")
    assert not INLINE_SCRIPT.search(text)
    assert not HANDLER.search(text)
    assert not STYLE.search(text)
    assert "javascript:" not in text.lower()


def test_a_nul_character_in_input_is_refused_before_any_query(client):
    response = client.post("/inloggen", data={"email": "a\x00@fabriek.test", "password": "x"})
    assert response.status_code == 400
    assert "Het verzoek is niet compleet of niet geldig." in response.get_data(as_text=True)
    assert client.get("/inloggen?next=/\x00").status_code == 400
