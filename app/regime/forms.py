"""Forms of the regime area."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from app.fields import DateField, SelectField
from app.labels import label
from app.regime.models import REGIME_KINDS
from app.training.labels import TRAINING_LABELS
from app.vocab import DAYPARTS

REQUIRED_DATE = _l("Vul een geldige datum in (dd-mm-jjjj).")


class EventForm(FlaskForm):
    kind = SelectField(_l("Soort"), validators=[DataRequired()])
    # Checked below: required for everything but a lock-down, which names nobody.
    participant = SelectField(_l("Gedetineerde"), validate_choice=False)
    start_date = DateField(_l("Datum"), validators=[DataRequired(REQUIRED_DATE)])
    end_date = DateField(_l("Tot en met (leeg: één dag)"), validators=[Optional()])
    daypart = SelectField(_l("Dagdeel"), validators=[Optional()])
    note = StringField(_l("Toelichting"), validators=[Optional(), Length(max=300)])

    def __init__(self, people: list[tuple[str, str]], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = [(k, TRAINING_LABELS["regime"][k]) for k in REGIME_KINDS]
        self.participant.choices = [
            ("", _l("— alle gedetineerden (alleen bij lock-down)"))
        ] + people
        self.daypart.choices = [("", _l("hele dag"))] + [(p, label("daypart", p)) for p in DAYPARTS]

    def validate_participant(self, field) -> None:
        if field.data and field.data not in {value for value, _text in field.choices}:
            raise ValidationError(_l("Kies de gedetineerde uit de lijst."))
        if self.kind.data == "lockdown" and field.data:
            raise ValidationError(_l("Een lock-down geldt voor alle gedetineerden: kies niemand."))
        if self.kind.data != "lockdown" and not field.data:
            raise ValidationError(_l("Kies de gedetineerde."))

    def validate_end_date(self, field) -> None:
        if field.data and self.start_date.data and field.data < self.start_date.data:
            raise ValidationError(_l("De einddatum ligt vóór de begindatum."))


class ImportForm(FlaskForm):
    file = FileField(_l("Bestand van de inrichting (CSV of Excel)"))


class ConfirmImportForm(FlaskForm):
    """The checked file travels back as CSV text: nothing is stored before it is confirmed."""

    table = TextAreaField(validators=[DataRequired(), Length(max=200_000)])
