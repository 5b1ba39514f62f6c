"""Flask extensions, created unbound so blueprints can import them without the app."""

from flask_babel import Babel
from flask_htmx import HTMX
from flask_login import LoginManager
from flask_wtf import CSRFProtect

babel = Babel()
csrf = CSRFProtect()
htmx = HTMX()
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message_category = "info"
