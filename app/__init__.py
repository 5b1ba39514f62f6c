"""The Fabriek web application: `create_app()` builds it, configured from the environment."""

from flask import Flask, current_app, has_request_context, session
from flask_login import current_user

from app import clock, db  # noqa: F401  (clock: hands the warehouse package its clock)
from app.config import ROOT, Config, config_from_env
from app.convert import IdConverter
from app.extensions import babel, csrf, htmx, login_manager


def create_app(config: type[Config] | None = None) -> Flask:
    config = config or config_from_env()
    config.validate()
    app = Flask(
        __name__,
        template_folder=str(ROOT / "templates"),
        static_folder="static",
    )
    app.config.from_object(config)
    # Before any route is added: every <int:...> id is bounded to what the database holds.
    app.url_map.converters["int"] = IdConverter

    db.init_app(app)
    csrf.init_app(app)
    htmx.init_app(app)
    login_manager.init_app(app)
    babel.init_app(app, locale_selector=_select_locale)

    from app import security
    from app.auth.access import enforce_access

    # Before access control: an expired session is told so, not merely refused.
    security.init_app(app)
    app.before_request(enforce_access)
    _register_blueprints(app)

    from app import cli, errors, templating

    errors.register(app)
    templating.register(app)
    cli.register(app)
    return app


def _register_blueprints(app: Flask) -> None:
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.coaching import bp as coaching_bp
    from app.main import bp as main_bp
    from app.orders import bp as orders_bp
    from app.portal import bp as portal_bp
    from app.referrer import bp as referrer_bp
    from app.roster import bp as roster_bp
    from app.warehouse import bp as warehouse_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(main_bp)
    app.register_blueprint(coaching_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(roster_bp)
    app.register_blueprint(orders_bp)
    app.register_blueprint(warehouse_bp)
    app.register_blueprint(portal_bp)
    app.register_blueprint(referrer_bp)


def _select_locale() -> str:
    """The language chosen in this session, else the user's own, else Dutch."""
    if not has_request_context():
        return "nl"
    chosen = session.get("lang")
    if chosen in current_app.config["LANGUAGES"]:
        return chosen
    if current_user and current_user.is_authenticated and current_user.locale:
        return current_user.locale
    return "nl"


@login_manager.user_loader
def _load_user(user_id: str):
    from app.auth.users import load_user

    return load_user(user_id)
