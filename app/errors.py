"""Error pages in the user's language: a user never sees a traceback."""

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException


def register(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def csrf_error(_error):
        return _page(
            400, _("Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.")
        ), 400

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        return _page(error.code or 500, _message(error.code)), error.code

    @app.errorhandler(Exception)
    def unexpected_error(error: Exception):
        app.logger.exception("Unhandled error", exc_info=error)
        return _page(500, _message(500)), 500


def _message(code: int | None) -> str:
    messages = {
        400: _("Het verzoek is niet compleet of niet geldig."),
        401: _("U moet eerst inloggen."),
        403: _("U heeft geen toegang tot deze pagina."),
        404: _("Deze pagina of dit gegeven bestaat niet (meer)."),
        405: _("Deze actie is hier niet mogelijk."),
        409: _("Iemand anders heeft dit gegeven intussen gewijzigd."),
        413: _("Het bestand is te groot."),
        429: _("Te veel pogingen. Wacht even en probeer het opnieuw."),
    }
    return messages.get(code, _("Er ging iets mis aan onze kant. Probeer het later opnieuw."))


def _page(code: int, message: str) -> str:
    return render_template("errors/error.html", code=code, message=message)
