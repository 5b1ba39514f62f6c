"""Forms of the department screens: the facts the roster plans each department with."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectMultipleField, StringField
from wtforms.validators import (
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Regexp,
    ValidationError,
)
from wtforms.widgets import CheckboxInput, ListWidget

from app.clock import today
from app.fields import DateField, IntegerField, SelectField
from app.labels import label
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, DAYS, ROSTER_GROUPS

PEOPLE = _l("Vul een aantal van 0 tot en met 99 in.")


def _people(title) -> IntegerField:
    return IntegerField(title, validators=[InputRequired(PEOPLE), NumberRange(0, 99, PEOPLE)])


class DepartmentForm(FlaskForm):
    name = StringField(
        _l("Naam"),
        validators=[DataRequired(_l("Vul de naam van de afdeling in.")), Length(max=100)],
    )
    code = StringField(
        _l("Code (kort, vast)"),
        validators=[
            DataRequired(_l("Vul een korte code in, bijvoorbeeld inpak.")),
            Length(max=40),
            Regexp(r"^[a-z0-9_-]+$", message=_l("Alleen kleine letters, cijfers, - en _.")),
        ],
    )
    outside = BooleanField(_l("Werkt buiten (alleen voor wie ook buiten mag)"))
    staffing_min = _people(_l("Bezetting minimaal per dagdeel"))
    staffing_max = _people(_l("Bezetting maximaal per dagdeel"))
    max_detainees = _people(_l("Hoogstens zoveel gedetineerden per dagdeel"))
    requires = SelectMultipleField(
        _l("Verplichte certificaten"),
        option_widget=CheckboxInput(),
        widget=ListWidget(prefix_label=False),
        validate_choice=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.requires.choices = [(kind, label("certificate", kind)) for kind in CERTIFICATE_KINDS]
        for group in ROSTER_GROUPS:
            getattr(self, f"mix_{group}").label.text = _l(
                "Doelmix %(group)s (%%)", group=label("roster_group", group)
            )
        for kind in CERTIFICATE_KINDS:
            getattr(self, f"cover_{kind}").label.text = _l(
                "Dekking %(certificate)s", certificate=label("certificate", kind)
            )

    def validate_staffing_max(self, field) -> None:
        low = self.staffing_min.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_l("Het maximum is lager dan het minimum."))

    def validate_mix_other(self, _field) -> None:
        # Checked on the last group so the message sits under the mix fields.
        total = sum(getattr(self, f"mix_{group}").data or 0 for group in ROSTER_GROUPS)
        if total > 100:
            raise ValidationError(_l("De doelmix telt op tot meer dan 100%."))

    def cover(self) -> dict[str, int]:
        """Certificate kind -> holders needed in every staffed daypart, for kinds above 0."""
        counts = {kind: getattr(self, f"cover_{kind}").data or 0 for kind in CERTIFICATE_KINDS}
        return {kind: count for kind, count in counts.items() if count}

    def mix(self) -> dict[str, float]:
        shares = {group: getattr(self, f"mix_{group}").data or 0 for group in ROSTER_GROUPS}
        return {group: share / 100 for group, share in shares.items() if share}


for _group in ROSTER_GROUPS:
    setattr(
        DepartmentForm,
        f"mix_{_group}",
        IntegerField(
            _group,
            default=0,
            validators=[InputRequired(_l("Vul 0 tot en met 100 in.")), NumberRange(0, 100)],
        ),
    )

for _kind in CERTIFICATE_KINDS:
    setattr(
        DepartmentForm,
        f"cover_{_kind}",
        IntegerField(
            _kind,
            default=0,
            validators=[InputRequired(_l("Vul 0 tot en met 9 in.")), NumberRange(0, 9)],
        ),
    )


class OverrideForm(FlaskForm):
    """One weekday and daypart with its own staffing (a closed morning is max 0)."""

    day = SelectField(_l("Dag"), validators=[DataRequired()])
    daypart = SelectField(_l("Dagdeel"), validators=[DataRequired()])
    staffing_min = _people(_l("Minimaal"))
    staffing_max = _people(_l("Maximaal"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.day.choices = [(d, label("day", d)) for d in DAYS]
        self.daypart.choices = [(p, label("daypart", p)) for p in DAYPARTS]

    def validate_staffing_max(self, field) -> None:
        low = self.staffing_min.data
        if field.data is not None and low is not None and field.data < low:
            raise ValidationError(_l("Het maximum is lager dan het minimum."))


class ClosureForm(FlaskForm):
    """A date a department, or the whole site, is closed; no daypart is the whole day."""

    day = DateField(_l("Datum"), validators=[InputRequired(_l("Vul een datum in."))])
    daypart = SelectField(_l("Wanneer"), default="")
    reason = StringField(
        _l("Reden"),
        validators=[
            DataRequired(_l("Vul een reden in, bijvoorbeeld Koningsdag of machine defect.")),
            Length(max=200, message=_l("Houd de reden onder 200 tekens.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.daypart.choices = [("", _l("hele dag"))] + [(p, label("daypart", p)) for p in DAYPARTS]

    def validate_day(self, field) -> None:
        if field.data is not None and field.data < today():
            raise ValidationError(_l("Deze datum is al voorbij; kies vandaag of later."))
