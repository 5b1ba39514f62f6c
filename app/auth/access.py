"""Who may open which view.

Access is declared on each view with `@roles(...)` or `@public`, and one before-request
hook refuses every view that declares neither: a forgotten decorator fails closed (403),
never open.
"""

from collections.abc import Callable
from typing import TypeVar

from flask import abort, current_app, request
from flask_login import current_user

F = TypeVar("F", bound=Callable)

MANAGERS = ("admin", "manager")
STAFF = ("admin", "manager", "coach")


def roles(*allowed: str) -> Callable[[F], F]:
    def decorate(view: F) -> F:
        view.allowed_roles = frozenset(allowed)  # type: ignore[attr-defined]
        return view

    return decorate


def public(view: F) -> F:
    view.allowed_roles = None  # type: ignore[attr-defined]
    return view


def allowed_roles(endpoint: str | None) -> frozenset[str] | None:
    """The roles an endpoint admits; None means anyone; an empty set means nobody."""
    if endpoint is None or endpoint == "static":
        return None
    view = current_app.view_functions.get(endpoint)
    if view is None:
        return None
    return getattr(view, "allowed_roles", frozenset())


def enforce_access():
    """Runs before every request; answers for the view when the user may not see it."""
    if request.endpoint is None:
        return None
    needed = allowed_roles(request.endpoint)
    if needed is None:
        return None
    if not current_user.is_authenticated:
        return current_app.login_manager.unauthorized()
    if not current_user.active or current_user.role not in needed:
        abort(403)
    return None
