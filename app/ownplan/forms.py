"""Forms of the own plan."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.fields import DateField, SelectField
from app.ownplan.models import INBURGERING_ROUTES

REQUIRED_DATE = _l("Vul een geldige datum in (dd-mm-jjjj).")
ROUTE_LABELS = {
    "b1": _l("B1-route"),
    "education": _l("onderwijsroute"),
    "self_reliance": _l("zelfredzaamheidsroute (Z-route)"),
}


class GoalForm(FlaskForm):
    text = TextAreaField(
        _l("Doel, in de woorden van de deelnemer"),
        validators=[DataRequired(_l("Schrijf het doel op.")), Length(max=500)],
    )
    agreed_on = DateField(_l("Afgesproken op"), validators=[DataRequired(REQUIRED_DATE)])
    next_step = StringField(_l("Volgende stap"), validators=[Optional(), Length(max=500)])


class DiscussionForm(FlaskForm):
    day = DateField(_l("Besproken op"), validators=[DataRequired(REQUIRED_DATE)])
    note = StringField(_l("Notitie (mag leeg)"), validators=[Optional(), Length(max=500)])


class InburgeringForm(FlaskForm):
    route = SelectField(_l("Inburgeringsroute"), validators=[Optional()])
    deadline = DateField(_l("Uiterste datum"), validators=[Optional()])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.route.choices = [("", _l("geen / nog niet bekend"))] + [
            (route, ROUTE_LABELS[route]) for route in INBURGERING_ROUTES
        ]
