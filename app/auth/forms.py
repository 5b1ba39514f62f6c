from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from app.auth.passwords import password_problems


class LoginForm(FlaskForm):
    email = EmailField(
        _l("E-mailadres"),
        validators=[DataRequired(_l("Vul uw e-mailadres in.")), Length(max=200)],
    )
    password = PasswordField(
        _l("Wachtwoord"), validators=[DataRequired(_l("Vul uw wachtwoord in.")), Length(max=200)]
    )
    remember = BooleanField(_l("Ingelogd blijven op deze computer"))
    submit = SubmitField(_l("Inloggen"))


def strong_enough(_form, field) -> None:
    problems = password_problems(field.data or "")
    if problems:
        raise ValidationError(" ".join(problems))


class NewPasswordFields(FlaskForm):
    """A new password typed twice, held to the password rules."""

    new = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[
            DataRequired(_l("Vul een nieuw wachtwoord in.")),
            Length(max=200),
            strong_enough,
        ],
    )
    confirm = PasswordField(
        _l("Nieuw wachtwoord herhalen"),
        validators=[
            DataRequired(_l("Herhaal het nieuwe wachtwoord.")),
            EqualTo("new", _l("De twee nieuwe wachtwoorden zijn niet gelijk.")),
        ],
    )


class ChangePasswordForm(NewPasswordFields):
    current = PasswordField(
        _l("Huidig wachtwoord"),
        validators=[DataRequired(_l("Vul uw huidige wachtwoord in.")), Length(max=200)],
    )
    submit = SubmitField(_l("Wachtwoord wijzigen"))


class ChoosePasswordForm(NewPasswordFields):
    """A new account's first password, or a reset one, through a one-time link."""

    submit = SubmitField(_l("Wachtwoord instellen"))
