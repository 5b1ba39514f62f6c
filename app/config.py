"""Configuration read from the environment.

Local use must work with no set-up at all (SQLite next to the code, a development secret),
but production must never run on that development secret: `ProductionConfig.validate`
refuses to start instead.
"""

import os
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-only-not-secret"


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'fabriek.db'}")
    # Heroku-style URLs name the dialect 'postgres', which SQLAlchemy no longer accepts.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    return url


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET)
    DATABASE_URL = _database_url()
    BABEL_DEFAULT_LOCALE = "nl"
    BABEL_DEFAULT_TIMEZONE = "Europe/Amsterdam"
    LANGUAGES = ("nl", "en")
    WTF_CSRF_TIME_LIMIT = None
    WTF_CSRF_HEADERS = ["X-CSRFToken"]
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # A login lasts at most a working day, and ends after an hour without a request
    # (app/security/sessions.py). The remember-me cookie may not outlive the session.
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)
    SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("SESSION_IDLE_MINUTES", "60")))
    REMEMBER_COOKIE_DURATION = timedelta(hours=8)
    REMEMBER_COOKIE_HTTPONLY = True
    REMEMBER_COOKIE_SAMESITE = "Lax"
    # Login throttling (app/security/lockout.py).
    LOGIN_MAX_FAILURES_PER_ACCOUNT = 5
    LOGIN_MAX_FAILURES_PER_IP = 20
    LOGIN_LOCKOUT_MINUTES = 15
    # Reverse proxies in front of the app that set X-Forwarded-For/-Proto/-Host. With 0 none
    # of these headers is trusted, as any client can send them: the lock-out per address
    # would otherwise count whatever address a guesser claims (app/security/__init__.py).
    PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
    MAX_CONTENT_LENGTH = 10 * 1024 * 1024
    UPLOAD_FOLDER = os.environ.get("UPLOAD_FOLDER", str(ROOT / "var" / "uploads"))
    SOLVER_TIME_LIMIT = float(os.environ.get("SOLVER_TIME_LIMIT", "4"))
    SOLVER_WORKERS = int(os.environ.get("SOLVER_WORKERS", "2"))
    # Unset: solver jobs run in a thread pool in the web process; set: on RQ workers.
    REDIS_URL = os.environ.get("REDIS_URL", "")
    TESTING = False

    @classmethod
    def validate(cls) -> None:
        """Hook for configurations that must refuse unsafe settings."""


class ProductionConfig(Config):
    SESSION_COOKIE_SECURE = True
    REMEMBER_COOKIE_SECURE = True

    @classmethod
    def validate(cls) -> None:
        if cls.SECRET_KEY == DEV_SECRET or len(cls.SECRET_KEY) < 32:
            raise RuntimeError(
                "FABRIEK_ENV=production needs SECRET_KEY set to a random value of 32+ characters"
            )


class TestConfig(Config):
    TESTING = True
    SECRET_KEY = "test-secret"
    DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    # The demo week has its first roster without understaffing after 0.2 s; the tests
    # check what planning stores, not how good the roster gets with more time.
    SOLVER_TIME_LIMIT = 2.0
    # Tests choose their runner and proxies in their configuration, never from the shell.
    REDIS_URL = ""
    PROXY_COUNT = 0


def config_from_env() -> type[Config]:
    return ProductionConfig if os.environ.get("FABRIEK_ENV") == "production" else Config
