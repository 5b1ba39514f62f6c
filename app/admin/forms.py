from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, HiddenField, StringField
from wtforms.validators import (
    AnyOf,
    DataRequired,
    Length,
    Optional,
    Regexp,
)

from app.fields import SelectField
from app.labels import label
from app.security.models import LOCK_KINDS
from app.vocab import ROLES


class UnlockForm(FlaskForm):
    """One row's button on the lock-out page: which account or address to unlock."""

    kind = HiddenField(validators=[DataRequired(), AnyOf(LOCK_KINDS)])
    value = HiddenField(validators=[DataRequired(), Length(max=200)])


def _role_choices() -> list[tuple[str, str]]:
    return [(role, label("role", role)) for role in ROLES]


class UserForm(FlaskForm):
    """A new login; a customer login belongs to a customer, a referrer to an organisation."""

    name = StringField(
        _l("Naam"), validators=[DataRequired(_l("Vul de naam in.")), Length(max=200)]
    )
    email = EmailField(
        _l("E-mailadres"),
        validators=[
            DataRequired(_l("Vul het e-mailadres in.")),
            Length(max=200),
            # Not Email(): it refuses reserved domains such as .test and intranet names.
            Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Geen geldig e-mailadres.")),
        ],
    )
    role = SelectField(_l("Rol"), validators=[DataRequired()])
    customer_id = SelectField(_l("Klant (alleen voor een klantaccount)"), validators=[Optional()])
    referrer_organisation = StringField(
        _l("Organisatie (alleen voor een verwijzer)"), validators=[Optional(), Length(max=200)]
    )

    def __init__(self, *args, customers: list[tuple[int, str]], **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = _role_choices()
        self.customer_id.choices = [("", "—")] + [(str(cid), name) for cid, name in customers]

    def validate(self, extra_validators=None) -> bool:
        # Here rather than as field validators: Optional() ends a field's chain when empty.
        valid = super().validate(extra_validators)
        if self.role.data == "customer" and not self.customer_id.data:
            self.customer_id.errors.append(_l("Kies de klant bij wie dit account hoort."))
            valid = False
        if self.role.data == "referrer" and not (self.referrer_organisation.data or "").strip():
            self.referrer_organisation.errors.append(
                _l("Vul de organisatie in waarvoor deze verwijzer werkt.")
            )
            valid = False
        return valid
