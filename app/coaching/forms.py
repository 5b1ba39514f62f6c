"""Forms of the coaching area; every choice list comes from a stored vocabulary."""


from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, StringField, TextAreaField
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    Regexp,
    ValidationError,
)

from app import clock
from app.coaching.contacts import FIELDS
from app.coaching.models import ReferrerContact
from app.coaching.roster_inputs import is_detainee_group
from app.coaching.vocab import (
    COMPETENCES,
    CONTACT_CHANNELS,
    LANGUAGE_LEVELS,
    OUTCOME_KINDS,
    REFERRER_CONTACT_KINDS,
    TRAJECTORY_GOALS,
)
from app.fields import DateField, IntegerField, SelectField
from app.labels import label
from app.vocab import (
    ABSENCE_KINDS,
    CERTIFICATE_KINDS,
    CERTIFICATE_STATUSES,
    CLEARANCES,
    DAYPARTS,
    TARGET_GROUPS,
)

REQUIRED_DATE = _l("Vul een geldige datum in (dd-mm-jjjj).")


def _choices(kind: str, codes, *, blank: bool = False) -> list[tuple[str, str]]:
    options = [(code, label(kind, code)) for code in codes]
    return [("", "—")] + options if blank else options


def _text(title, length: int = 2000) -> TextAreaField:
    return TextAreaField(title, validators=[Optional(), Length(max=length)])


def _later_or_same(earlier: str, message) -> callable:
    def check(form, field) -> None:
        start = getattr(form, earlier).data
        if field.data and start and field.data < start:
            raise ValidationError(message)

    return check


class IntakeForm(FlaskForm):
    referrer_organisation = StringField(
        _l("Verwijzende organisatie"), validators=[Optional(), Length(max=200)]
    )
    referrer_contact = StringField(
        _l("Contactpersoon verwijzer"), validators=[Optional(), Length(max=200)]
    )
    start_date = DateField(_l("Startdatum"), validators=[DataRequired(REQUIRED_DATE)])
    expected_end_date = DateField(
        _l("Verwachte einddatum"),
        validators=[
            Optional(),
            _later_or_same("start_date", _l("De einddatum ligt vóór de startdatum.")),
        ],
    )
    trajectory_goal = SelectField(_l("Trajectdoel"), validators=[Optional()])
    language_level = SelectField(_l("Taalniveau (taalmeter)"), validators=[Optional()])
    competences = _text(_l("Competenties"))
    skills = _text(_l("Vaardigheden"))
    drives = _text(_l("Drijfveren en ambities"))
    own_goals = _text(_l("Doelen in eigen woorden"))
    next_steps = _text(_l("Volgende stappen"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.trajectory_goal.choices = _choices("trajectory_goal", TRAJECTORY_GOALS, blank=True)
        self.language_level.choices = [("", "—")] + [(c, c) for c in LANGUAGE_LEVELS]


class SensitiveForm(FlaskForm):
    offence = _text(_l("Delict"))
    detention_details = _text(_l("Detentiegegevens"))
    health_notes = _text(_l("Gezondheid"))


class LadderForm(FlaskForm):
    step = SelectField(
        _l("Trede participatieladder"),
        choices=[(str(n), str(n)) for n in range(1, 7)],
        validators=[DataRequired()],
    )
    day = DateField(_l("Datum"), validators=[DataRequired(REQUIRED_DATE)])
    note = StringField(_l("Toelichting"), validators=[Optional(), Length(max=500)])


class CertificateForm(FlaskForm):
    kind = SelectField(_l("Certificaat of training"), validators=[DataRequired()])
    status = SelectField(_l("Status"), validators=[DataRequired()])
    detail = StringField(_l("Omschrijving"), validators=[Optional(), Length(max=100)])
    planned_on = DateField(_l("Gepland op"), validators=[Optional()])
    obtained_on = DateField(_l("Behaald op"), validators=[Optional()])
    expires_on = DateField(
        _l("Verloopt op"),
        validators=[
            Optional(),
            _later_or_same("obtained_on", _l("De vervaldatum ligt vóór de behaaldatum.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices("certificate", CERTIFICATE_KINDS)
        self.status.choices = _choices("certificate_status", CERTIFICATE_STATUSES)


class AbsenceForm(FlaskForm):
    start_date = DateField(_l("Van"), validators=[DataRequired(REQUIRED_DATE)])
    end_date = DateField(
        _l("Tot en met"),
        validators=[
            DataRequired(REQUIRED_DATE),
            _later_or_same("start_date", _l("De einddatum ligt vóór de begindatum.")),
        ],
    )
    daypart = SelectField(_l("Dagdeel"), validators=[Optional()])
    kind = SelectField(_l("Soort"), validators=[DataRequired()])
    note = StringField(_l("Toelichting"), validators=[Optional(), Length(max=500)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.daypart.choices = [("", _l("hele dag"))] + _choices("daypart", DAYPARTS)
        self.kind.choices = _choices("absence", ABSENCE_KINDS)


class NoteForm(FlaskForm):
    day = DateField(_l("Datum"), validators=[DataRequired(REQUIRED_DATE)])
    text = TextAreaField(
        _l("Notitie"),
        validators=[DataRequired(_l("Schrijf een notitie.")), Length(max=5000)],
    )
    punctuality = SelectField(_l("Stiptheid"), validators=[Optional()])
    cooperation = SelectField(_l("Samenwerken"), validators=[Optional()])
    quality = SelectField(_l("Kwaliteit van werk"), validators=[Optional()])
    independence = SelectField(_l("Zelfstandigheid"), validators=[Optional()])
    attachment = FileField(_l("Bijlage (pdf, afbeelding of Office-document, max. 5 MB)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in COMPETENCES:
            getattr(self, name).choices = [("", _l("geen score"))] + [
                (str(n), str(n)) for n in range(1, 6)
            ]

    def scores(self) -> dict[str, int | None]:
        return {name: int(getattr(self, name).data or 0) or None for name in COMPETENCES}


class PeriodForm(FlaskForm):
    """The report period, read from the query string so a report has a shareable URL."""

    class Meta:
        csrf = False

    start = DateField(_l("Van"), validators=[DataRequired(REQUIRED_DATE)])
    end = DateField(
        _l("Tot en met"),
        validators=[
            DataRequired(REQUIRED_DATE),
            _later_or_same("start", _l("De einddatum ligt vóór de begindatum.")),
        ],
    )


class SummaryForm(FlaskForm):
    text = TextAreaField(
        _l("Samenvatting van de trajectbegeleider"), validators=[Optional(), Length(max=5000)]
    )


class OutcomeForm(FlaskForm):
    ended_on = DateField(_l("Einddatum traject"), validators=[DataRequired(REQUIRED_DATE)])
    kind = SelectField(_l("Uitstroom naar"), validators=[DataRequired()])
    destination = StringField(
        _l("Waar naartoe (werkgever, school, organisatie)"),
        validators=[Optional(), Length(max=200)],
    )
    note = StringField(_l("Toelichting"), validators=[Optional(), Length(max=1000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices("outcome", OUTCOME_KINDS)


class PortfolioForm(FlaskForm):
    description = StringField(
        _l("Onderdeel praktijkverklaring"),
        validators=[DataRequired(_l("Beschrijf wat de deelnemer laat zien.")), Length(max=300)],
    )
    day = DateField(_l("Datum"), validators=[DataRequired(REQUIRED_DATE)])
    confirmed_by = StringField(
        _l("Bevestigd door (naam werkmeester)"),
        validators=[DataRequired(_l("Vul in wie dit heeft bevestigd.")), Length(max=200)],
    )


class ContactForm(FlaskForm):
    kind = SelectField(_l("Rol"), validators=[DataRequired()])
    name = StringField(
        _l("Naam"), validators=[DataRequired(_l("Vul de naam in.")), Length(max=200)]
    )
    organisation = StringField(_l("Organisatie"), validators=[Optional(), Length(max=200)])
    email = StringField(
        _l("E-mail"),
        validators=[Optional(), Length(max=200), Email(_l("Geen geldig e-mailadres."))],
    )
    phone = StringField(
        _l("Telefoon"),
        validators=[
            Optional(),
            Length(max=30),
            Regexp(r"^\+?[0-9 ()-]+$", message=_l("Alleen cijfers, spaties, +, - en haakjes.")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind.choices = _choices("referrer_contact", REFERRER_CONTACT_KINDS)

    def values(self) -> dict[str, str]:
        return {name: (getattr(self, name).data or "").strip() for name in FIELDS}


class ShareForm(FlaskForm):
    user_id = SelectField(_l("Verwijzer"), coerce=int, validators=[DataRequired()])


DAYPARTS_RANGE = _l("Vul een aantal dagdelen van 0 tot en met 10 in (5 dagen van 2 dagdelen).")


class RosterInputsForm(FlaskForm):
    """What the roster plans from; `current_group` is the stored group, to judge a change by."""

    target_group = SelectField(_l("Doelgroep"), validators=[DataRequired()])
    dayparts_per_week = IntegerField(
        _l("Contract: dagdelen per week"),
        validators=[InputRequired(DAYPARTS_RANGE), NumberRange(0, 10, DAYPARTS_RANGE)],
    )
    # No Optional(): it would stop the chain before validate_clearance requires it for detainees.
    clearance = SelectField(_l("Vrijgave (alleen gedetineerden)"))
    confirm_group_change = BooleanField(
        _l("Ik bevestig dat de doelgroep van deze gedetineerde wijzigt")
    )

    def __init__(self, *args, current_group: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_group = current_group
        self.target_group.choices = _choices("target_group", TARGET_GROUPS)
        self.clearance.choices = [("", _l("niet van toepassing"))] + _choices(
            "clearance", CLEARANCES
        )

    def validate_clearance(self, field) -> None:
        if is_detainee_group(self.target_group.data) and not field.data:
            raise ValidationError(
                _l("Kies de vrijgave: een gedetineerde werkt alleen binnen of ook buiten.")
            )

    def validate_confirm_group_change(self, field) -> None:
        """A detainee leaving the group loses the inside-only rule: never by a slip of the list."""
        new = self.target_group.data
        if is_detainee_group(self.current_group) and new != self.current_group and not field.data:
            raise ValidationError(
                _(
                    "Bevestig dat de doelgroep wijzigt van %(old)s naar %(new)s.",
                    old=label("target_group", self.current_group),
                    new=label("target_group", new),
                )
            )

    def clearance_value(self) -> str | None:
        return self.clearance.data or None


def _not_after_today(message) -> callable:
    def check(form, field) -> None:
        if field.data and field.data > clock.today():
            raise ValidationError(message)

    return check


class ContactLogForm(FlaskForm):
    day = DateField(
        _l("Datum"),
        validators=[
            DataRequired(REQUIRED_DATE),
            _not_after_today(
                _l("Een contact kan niet in de toekomst liggen: kies vandaag of eerder.")
            ),
        ],
    )
    contact_id = SelectField(_l("Met (contactpersoon)"), validators=[Optional()])
    channel = SelectField(_l("Hoe"), validators=[DataRequired()])
    summary = TextAreaField(
        _l("Samenvatting"),
        validators=[
            DataRequired(_l("Vat het contact kort samen.")),
            Length(max=1000, message=_l("Houd de samenvatting kort: hoogstens %(max)d tekens.")),
        ],
    )

    def __init__(self, *args, contacts: list[ReferrerContact], **kwargs):
        super().__init__(*args, **kwargs)
        self.contact_id.choices = [("", _l("geen vaste contactpersoon"))] + [
            (str(c.id), f"{c.name} ({label('referrer_contact', c.kind)})") for c in contacts
        ]
        self.channel.choices = _choices("contact_channel", CONTACT_CHANNELS)
