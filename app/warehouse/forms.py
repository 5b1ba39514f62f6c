"""Forms of the warehouse screens; select choices are filled in by the views."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField, FileRequired
from wtforms import HiddenField, StringField, TextAreaField
from wtforms.validators import (
    AnyOf,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)
from wtforms.widgets import HiddenInput

from app.fields import IdField, IntegerField, SelectField
from app.labels import LABELS
from app.submissions import key_field
from inventory.correcting import NOTE_MAX
from inventory.models import CorrectionReason

REQUIRED = _l("Dit veld is verplicht.")


class UploadForm(FlaskForm):
    file = FileField(
        _l("Bestand (CSV of Excel, maximaal 2 MB)"),
        validators=[
            FileRequired(_l("Kies een bestand.")),
            FileAllowed(["csv", "xlsx"], _l("Alleen CSV- of Excelbestanden (.csv, .xlsx).")),
        ],
        render_kw={"accept": ".csv,.xlsx"},
    )


class ConfirmImportForm(FlaskForm):
    token = HiddenField(validators=[DataRequired()])


class ReceiptForm(FlaskForm):
    article_id = SelectField(
        _l("Klant en artikel"), coerce=int, validators=[DataRequired(REQUIRED)]
    )
    units = IntegerField(
        _l("Aantal stuks"),
        validators=[InputRequired(REQUIRED), NumberRange(min=1, message=_l("Minstens 1."))],
    )
    pallets = IntegerField(
        _l("Aantal pallets"),
        validators=[Optional(), NumberRange(min=1, message=_l("Minstens 1."))],
        description=_l("Leeg laten: zoveel als de palletnorm van het artikel vraagt."),
    )
    reference = StringField(_l("Referentie (pakbon)"), validators=[Optional(), Length(max=100)])
    submission = key_field()


class PutAwayForm(FlaskForm):
    location = StringField(
        _l("Andere plaats (code)"),
        validators=[Optional(), Length(max=20)],
        description=_l("Leeg laten voor de voorgestelde plaats."),
    )


class MoveForm(FlaskForm):
    pallet = StringField(
        _l("Palletlabel (SSCC)"), validators=[DataRequired(REQUIRED), Length(max=20)]
    )
    location = StringField(
        _l("Naar plaats (code)"), validators=[DataRequired(REQUIRED), Length(max=20)]
    )


class ShipmentForm(FlaskForm):
    customer_id = SelectField(_l("Klant"), coerce=int, validators=[DataRequired(REQUIRED)])
    reference = StringField(_l("Referentie van de klant"), validators=[Optional(), Length(max=100)])
    submission = key_field()


class PickForm(FlaskForm):
    pallet_id = IdField(validators=[DataRequired()])
    units = IntegerField(
        _l("Stuks"),
        validators=[Optional(), NumberRange(min=1, message=_l("Minstens 1."))],
        description=_l("Leeg laten om de hele pallet mee te geven."),
    )
    # One form per pallet row: the page renders each row's key with `new_key()`.
    submission = key_field()


class CorrectionForm(FlaskForm):
    """A count's result; `seen` carries the units the page showed, `confirmed` the second step."""

    counted = IntegerField(
        _l("Geteld aantal stuks"),
        validators=[
            InputRequired(_l("Vul het getelde aantal stuks in.")),
            NumberRange(min=0, message=_l("Het aantal kan niet negatief zijn.")),
        ],
        render_kw={"min": 0, "inputmode": "numeric"},
    )
    reason = SelectField(
        _l("Reden"),
        choices=[("", _l("Kies…"))]
        + [(code, LABELS["correction_reason"][code]) for code in CorrectionReason],
        validate_choice=False,
        validators=[
            DataRequired(_l("Kies een reden.")),
            AnyOf(list(CorrectionReason), message=_l("Kies een reden uit de lijst.")),
        ],
    )
    note = TextAreaField(
        _l("Toelichting"),
        validators=[
            Length(
                max=NOTE_MAX,
                message=_l("De toelichting mag hoogstens %(max)d tekens hebben."),
            )
        ],
        description=_l("Verplicht bij de reden ‘anders’."),
        render_kw={"rows": 2, "maxlength": NOTE_MAX},
    )
    seen = IntegerField(widget=HiddenInput(), validators=[InputRequired()])
    confirmed = HiddenField()

    def validate_note(self, note) -> None:
        if self.reason.data == CorrectionReason.OTHER and not (note.data or "").strip():
            raise ValidationError(_l("Geef een toelichting bij de reden ‘anders’."))


class ActionForm(FlaskForm):
    """A bare button: only the CSRF token matters."""
