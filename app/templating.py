"""What every template can use: labels, the menu, the current language."""

from datetime import datetime

from flask import Flask
from flask_babel import get_locale
from flask_login import current_user

from app.clock import local
from app.labels import label
from app.navigation import menu_for


def register(app: Flask) -> None:
    app.jinja_env.globals["label"] = label
    app.jinja_env.filters["when"] = when

    @app.context_processor
    def layout_context():
        role = current_user.role if current_user.is_authenticated else None
        return {"menu": menu_for(role), "lang": str(get_locale() or "nl")}


def when(moment: datetime | None, pattern: str = "%d-%m-%Y %H:%M") -> str:
    """A stored timestamp as the workshop reads it: Amsterdam time."""
    return local(moment).strftime(pattern) if moment else ""
