"""Protections that apply to every request: response headers, session expiry, unusable input.

Login lock-out lives in `lockout` and is called by the login view itself, because only that
view knows which account an attempt was for.
"""

from flask import Flask

from app.security import headers, inputs, sessions


def init_app(app: Flask) -> None:
    app.before_request(inputs.refuse_nul_characters)
    app.before_request(sessions.expire_stale_session)
    app.after_request(headers.add_security_headers)
