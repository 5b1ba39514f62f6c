"""The roster's forms. Every change carries the roster id and revision it was made on."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField
from wtforms.validators import DataRequired, InputRequired, Optional, ValidationError

from app.fields import DateField, IntegerField, SelectField
from app.labels import label
from app.roster.edits import ACTIONS, WITH_OTHER
from app.vocab import ABSENCE_KINDS, DAYPARTS, DAYS


def _days(blank: str | None = None) -> list[tuple[str, str]]:
    return ([("", blank)] if blank is not None else []) + [(d, label("day", d)) for d in DAYS]


def _dayparts(blank: str | None = None) -> list[tuple[str, str]]:
    return ([("", blank)] if blank is not None else []) + [
        (p, label("daypart", p)) for p in DAYPARTS
    ]


class LockForm(FlaskForm):
    """Names the version a whole-roster action (publish, re-plan) was asked on."""

    roster = IntegerField(validators=[InputRequired()])
    revision = IntegerField(validators=[InputRequired()])


class EditForm(LockForm):
    action = HiddenField(validators=[DataRequired()])
    participant = SelectField(_l("Deelnemer"), validators=[DataRequired()])
    department = SelectField(_l("Afdeling"), validators=[Optional()])
    day = SelectField(_l("Dag"), validators=[DataRequired()])
    daypart = SelectField(_l("Dagdeel"), validators=[DataRequired()])
    to_day = SelectField(_l("Naar dag"), validators=[Optional()])
    to_daypart = SelectField(_l("Naar dagdeel"), validators=[Optional()])
    other = StringField(_l("Ruilen met"), validators=[Optional()])

    def __init__(
        self, participants: list[tuple[str, str]], departments: list[tuple[str, str]], **kw
    ):
        super().__init__(**kw)
        self.participant.choices = participants
        self.department.choices = [("", _l("(zelfde afdeling)")), *departments]
        self.day.choices = _days()
        self.daypart.choices = _dayparts()
        self.to_day.choices = _days(str(_l("(zelfde dag)")))
        self.to_daypart.choices = _dayparts(str(_l("(zelfde dagdeel)")))

    def validate_action(self, field) -> None:
        if field.data not in ACTIONS:
            raise ValidationError(_l("Onbekende wijziging."))
        if field.data == "add" and not self.department.data:
            raise ValidationError(_l("Kies een afdeling."))
        if field.data in WITH_OTHER and not self.other.data:
            raise ValidationError(_l("Kies met wie."))


class AbsenceForm(FlaskForm):
    participant = SelectField(_l("Deelnemer"), validators=[DataRequired()])
    start_date = DateField(_l("Van"), validators=[DataRequired(_l("Vul een datum in."))])
    end_date = DateField(_l("Tot en met"), validators=[DataRequired(_l("Vul een datum in."))])
    daypart = SelectField(_l("Dagdeel"), validators=[Optional()])
    kind = SelectField(_l("Soort"), validators=[DataRequired()])

    def __init__(self, participants: list[tuple[str, str]], **kw):
        super().__init__(**kw)
        self.participant.choices = participants
        self.daypart.choices = _dayparts(str(_l("hele dag")))
        self.kind.choices = [(k, label("absence", k)) for k in ABSENCE_KINDS]

    def validate_end_date(self, field) -> None:
        if self.start_date.data and field.data and field.data < self.start_date.data:
            raise ValidationError(_l("De einddatum ligt voor de begindatum."))
