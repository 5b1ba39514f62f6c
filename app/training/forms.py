"""Forms of the training area."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.fields import DateField, DecimalField, IntegerField, SelectField
from app.labels import label
from app.training.labels import TRAINING_LABELS
from app.training.models import ASSESSMENT_KINDS, RESULT_LEVELS, TRAINING_KINDS
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, DAYS

REQUIRED_DATE = _l("Vul een geldige datum in (dd-mm-jjjj).")


class Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class EuroField(DecimalField):
    """An amount in euros as people type it here: "350,00" as well as "350.00"."""

    def process_formdata(self, valuelist):
        super().process_formdata([v.replace(",", ".") for v in valuelist])


def _some_chosen(form, field) -> None:
    # Not DataRequired: its `required` flag would make the browser demand every checkbox.
    if not field.data:
        raise ValidationError(_l("Kies minstens één dagdeel."))


class SessionForm(FlaskForm):
    name = StringField(
        _l("Naam van de training"),
        validators=[DataRequired(_l("Geef de training een naam.")), Length(max=100)],
    )
    kind = SelectField(_l("Soort"), validators=[DataRequired()])
    certificate = SelectField(_l("Leidt tot certificaat"), validators=[Optional()])
    valid_months = IntegerField(
        _l("Certificaat geldig (maanden)"),
        validators=[
            Optional(),
            NumberRange(min=1, max=600, message=_l("Tussen 1 en 600 maanden.")),
        ],
    )
    provider = StringField(_l("Aanbieder"), validators=[Optional(), Length(max=200)])
    location = StringField(_l("Plaats"), validators=[Optional(), Length(max=200)])
    outside = BooleanField(_l("Buiten de muren"))
    capacity = IntegerField(
        _l("Aantal plaatsen"),
        default=12,
        validators=[
            InputRequired(_l("Vul het aantal plaatsen in.")),
            NumberRange(min=1, max=500, message=_l("Tussen 1 en 500 plaatsen.")),
        ],
    )
    cost = EuroField(
        _l("Kosten per deelnemer (euro)"),
        places=2,
        validators=[
            Optional(),
            NumberRange(min=0, max=100000, message=_l("Tussen 0 en 100.000 euro.")),
        ],
    )
    first_day = DateField(_l("Eerste dag"), validators=[DataRequired(REQUIRED_DATE)])
    last_day = DateField(_l("Laatste dag"), validators=[DataRequired(REQUIRED_DATE)])
    weekdays = Checkboxes(_l("Op deze dagen"), coerce=int, validators=[Optional()])
    dayparts = Checkboxes(_l("Dagdelen"), validators=[_some_chosen])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = [(k, TRAINING_LABELS["training_kind"][k]) for k in TRAINING_KINDS]
        self.certificate.choices = [("", _l("geen"))] + [
            (k, label("certificate", k)) for k in CERTIFICATE_KINDS
        ]
        self.weekdays.choices = [(i, label("day", day)) for i, day in enumerate(DAYS)]
        self.dayparts.choices = [(part, label("daypart", part)) for part in DAYPARTS]

    def validate_last_day(self, field) -> None:
        if field.data and self.first_day.data and field.data < self.first_day.data:
            raise ValidationError(_l("De laatste dag ligt vóór de eerste dag."))


class ResultForm(FlaskForm):
    kind = SelectField(_l("Soort"), validators=[DataRequired()])
    day = DateField(_l("Datum"), validators=[DataRequired(REQUIRED_DATE)])
    # Checked below: required for the language meter only.
    level = SelectField(_l("Taalniveau"), validate_choice=False)
    score = IntegerField(
        _l("Score (0-100)"),
        validators=[Optional(), NumberRange(min=0, max=100, message=_l("Tussen 0 en 100."))],
    )
    outcome = StringField(_l("Uitkomst of advies"), validators=[Optional(), Length(max=500)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = [(k, TRAINING_LABELS["assessment"][k]) for k in ASSESSMENT_KINDS]
        self.level.choices = [("", "—")] + [(level, level) for level in RESULT_LEVELS]

    def validate_level(self, field) -> None:
        if field.data and field.data not in RESULT_LEVELS:
            raise ValidationError(_l("Kies een taalniveau uit de lijst."))
        if self.kind.data == "language_meter" and not field.data:
            raise ValidationError(_l("Kies het gemeten taalniveau."))
