import pytest

from app import create_app
from app.config import DEV_SECRET, ProductionConfig


def test_production_refuses_the_development_secret(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", DEV_SECRET)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        create_app(ProductionConfig)


def test_production_starts_with_a_real_secret(monkeypatch):
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "x" * 40)
    monkeypatch.setattr(ProductionConfig, "DATABASE_URL", "sqlite://")
    app = create_app(ProductionConfig)
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_htmx_is_served_locally(client):
    page = client.get("/inloggen").get_data(as_text=True)
    assert "/static/vendor/htmx-2.0.11.min.js" in page
    assert "https://" not in page.split("<body")[0]
    assert client.get("/static/vendor/htmx-2.0.11.min.js").status_code == 200
