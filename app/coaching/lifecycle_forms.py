"""Forms of a trajectory's life: registration, pause, coaches and the recorded clearance."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from app.coaching.forms import DAYPARTS_RANGE, REQUIRED_DATE, _choices, _later_or_same
from app.fields import DateField, IntegerField, SelectField
from app.submissions import key_field
from app.vocab import CLEARANCES, TARGET_GROUPS

REGISTRATION_FIELDS = (
    "first_name",
    "last_name",
    "target_group",
    "referrer_organisation",
    "referral_date",
    "decision_number",
    "decision_start",
    "decision_end",
    "start_date",
    "expected_end_date",
    "dayparts_per_week",
)


class RegistrationForm(FlaskForm):
    # A fresh key per form shown: posting it twice (a double click) registers once.
    submission = key_field()
    first_name = StringField(
        _l("Voornaam"), validators=[DataRequired(_l("Vul de voornaam in.")), Length(max=100)]
    )
    last_name = StringField(
        _l("Achternaam"), validators=[DataRequired(_l("Vul de achternaam in.")), Length(max=100)]
    )
    target_group = SelectField(_l("Doelgroep"), validators=[DataRequired()])
    referrer_organisation = StringField(
        _l("Verwijzende organisatie"),
        validators=[DataRequired(_l("Vul de verwijzer in.")), Length(max=200)],
    )
    referral_date = DateField(_l("Datum verwijzing"), validators=[DataRequired(REQUIRED_DATE)])
    decision_number = StringField(_l("Nummer beschikking"), validators=[Optional(), Length(max=50)])
    decision_start = DateField(_l("Beschikking geldig van"), validators=[Optional()])
    decision_end = DateField(
        _l("Beschikking geldig tot en met"),
        validators=[
            Optional(),
            _later_or_same("decision_start", _l("De einddatum ligt vóór de begindatum.")),
        ],
    )
    start_date = DateField(_l("Verwachte startdatum"), validators=[DataRequired(REQUIRED_DATE)])
    expected_end_date = DateField(
        _l("Verwachte einddatum"),
        validators=[
            Optional(),
            _later_or_same("start_date", _l("De einddatum ligt vóór de startdatum.")),
        ],
    )
    dayparts_per_week = IntegerField(
        _l("Contract: dagdelen per week"),
        default=6,
        validators=[InputRequired(DAYPARTS_RANGE), NumberRange(0, 10, DAYPARTS_RANGE)],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.target_group.choices = _choices("target_group", TARGET_GROUPS)

    def values(self) -> dict:
        values = {name: getattr(self, name).data for name in REGISTRATION_FIELDS}
        for name in ("first_name", "last_name", "referrer_organisation", "decision_number"):
            values[name] = (values[name] or "").strip()
        return values


class PauseForm(FlaskForm):
    paused_from = DateField(_l("Pauze van"), validators=[DataRequired(REQUIRED_DATE)])
    paused_until = DateField(
        _l("Pauze tot en met"),
        validators=[
            DataRequired(REQUIRED_DATE),
            _later_or_same("paused_from", _l("De einddatum ligt vóór de begindatum.")),
        ],
    )


class CoachForm(FlaskForm):
    coach_id = SelectField(_l("Trajectbegeleider"), coerce=int, validators=[DataRequired()])
    co_coach = BooleanField(_l("Als co-begeleider (naast de vaste begeleider)"))

    def __init__(self, *args, coaches: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.coach_id.choices = coaches


class ClearanceForm(FlaskForm):
    """The prison's decision, as a manager records it."""

    clearance = SelectField(_l("Vrijgave"), validators=[DataRequired()])
    decided_by = StringField(
        _l("Besloten door (wie bij de PI)"),
        validators=[DataRequired(_l("Vul in wie bij de PI heeft besloten.")), Length(max=200)],
    )
    decided_on = DateField(_l("Datum besluit"), validators=[DataRequired(REQUIRED_DATE)])
    valid_until = DateField(
        _l("Geldig tot en met"),
        validators=[
            Optional(),
            _later_or_same("decided_on", _l("Geldig tot ligt vóór de datum van het besluit.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.clearance.choices = _choices("clearance", CLEARANCES)
