"""Protections that apply to every request: response headers, session expiry, unusable input,
and the client address as the lock-out sees it behind reverse proxies.

Login lock-out lives in `lockout` and is called by the login view itself, because only that
view knows which account an attempt was for.
"""

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app.security import headers, inputs, sessions


def init_app(app: Flask) -> None:
    proxies = app.config["PROXY_COUNT"]
    if proxies < 0:
        raise RuntimeError("PROXY_COUNT must be 0 (no reverse proxy) or the number of proxies")
    if proxies:
        # Each proxy appends one address; only the last PROXY_COUNT are trusted, so a client
        # cannot choose the address its attempts are counted against.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies, x_host=proxies)
    app.before_request(inputs.refuse_nul_characters)
    app.before_request(sessions.expire_stale_session)
    app.after_request(headers.add_security_headers)
