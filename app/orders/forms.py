"""Forms of the orders area; choices are filled in by the view from the database."""


from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, HiddenField, StringField
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app import clock
from app.fields import DateField, DecimalField, IntegerField, SelectField
from app.submissions import key_field

REQUIRED = _l("Dit veld is verplicht.")


def _count(label: str, minimum: int) -> IntegerField:
    return IntegerField(
        label,
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=minimum, message=_l("Moet minstens %(min)s zijn.")),
        ],
        render_kw={"min": minimum, "inputmode": "numeric"},
    )


class OrderForm(FlaskForm):
    number = StringField(
        _l("Ordernummer"),
        validators=[Optional(), Length(max=30)],
        description=_l("Leeg laten voor een nieuw nummer."),
    )
    article_id = SelectField(
        _l("Klant en artikel"), coerce=int, validators=[DataRequired(REQUIRED)]
    )
    department_id = SelectField(_l("Afdeling"), coerce=int, validators=[DataRequired(REQUIRED)])
    quantity = _count(_l("Aantal stuks"), 1)
    due_date = DateField(_l("Leverdatum"), validators=[InputRequired(REQUIRED)])
    submission = key_field()


class StatusForm(FlaskForm):
    status = HiddenField(validators=[DataRequired()])


class ProductionForm(FlaskForm):
    day = DateField(_l("Datum"), default=clock.today, validators=[InputRequired(REQUIRED)])
    units_made = _count(_l("Goedgekeurd gemaakt (stuks)"), 0)
    units_rejected = _count(_l("Afgekeurd (stuks)"), 0)
    note = StringField(_l("Opmerking"), validators=[Optional(), Length(max=300)])
    submission = key_field()

    def validate_units_rejected(self, field) -> None:
        if (self.units_made.data or 0) + (field.data or 0) == 0:
            raise ValidationError(_l("Meld minstens één gemaakt of afgekeurd stuk."))


class CustomerForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[DataRequired(REQUIRED), Length(max=200)])
    contact_name = StringField(_l("Contactpersoon"), validators=[Optional(), Length(max=200)])
    email = EmailField(
        _l("E-mailadres"),
        validators=[Optional(), Email(_l("Geen geldig e-mailadres.")), Length(max=254)],
    )
    phone = StringField(_l("Telefoon"), validators=[Optional(), Length(max=50)])
    active = BooleanField(_l("Actief"), default=True)


class ArticleForm(FlaskForm):
    code = StringField(_l("Artikelcode"), validators=[DataRequired(REQUIRED), Length(max=50)])
    name = StringField(_l("Omschrijving"), validators=[DataRequired(REQUIRED), Length(max=200)])
    units_per_pallet = _count(_l("Stuks per pallet"), 1)
    norm_units_per_hour = DecimalField(
        _l("Norm: stuks per uur per persoon"),
        places=None,
        validators=[
            InputRequired(REQUIRED),
            NumberRange(min=0.1, message=_l("Moet groter dan nul zijn.")),
        ],
        render_kw={"inputmode": "decimal"},
    )
