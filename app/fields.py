"""WTForms fields bounded by `app.convert`: every form imports its numbers and dates from here.

WTForms accepts any Python int, any date and any Decimal (sNaN, Infinity); these refuse,
with a message in the user's language, what the database or a date sum cannot hold. Only
posted values are checked: a field missing from the form keeps the stored value it was
given. A select ignores surrounding spaces, so " " is the blank choice rather than a value
that passes `Optional()` and then fails a CHECK constraint.
"""

import wtforms
from flask_babel import format_decimal
from flask_babel import gettext as _

from app.convert import (
    DECIMAL_MAX,
    FIRST_DAY,
    LAST_DAY,
    plain_decimal,
    plausible_day,
    record_id,
    storable,
)


class IntegerField(wtforms.IntegerField):
    """A whole number the database's integer columns hold."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if valuelist and self.data is not None and not storable(self.data):
            self.data = None
            raise ValueError(_("Dit getal is te groot."))


class DecimalField(wtforms.DecimalField):
    """A finite decimal no larger than DECIMAL_MAX: never NaN, sNaN or Infinity."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if valuelist and self.data is not None and not plain_decimal(self.data):
            self.data = None
            raise ValueError(
                _("Vul een getal in van hoogstens %(max)s.", max=format_decimal(DECIMAL_MAX))
            )


class DateField(wtforms.DateField):
    """A date within FIRST_DAY..LAST_DAY; outside is a typing error such as 0001-01-01."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if valuelist and self.data is not None and not plausible_day(self.data):
            self.data = None
            raise ValueError(
                _(
                    "Vul een datum in tussen %(first)s en %(last)s.",
                    first=FIRST_DAY.strftime("%d-%m-%Y"),
                    last=LAST_DAY.strftime("%d-%m-%Y"),
                )
            )


class IdField(wtforms.HiddenField):
    """A hidden field naming a record: digits the database's ids can hold, kept as text."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata(valuelist)
        if valuelist and self.data:
            try:
                record_id(self.data)
            except ValueError:
                self.data = ""
                raise ValueError(_("Dit gegeven bestaat niet (meer).")) from None


class SelectField(wtforms.SelectField):
    """A select whose value is read without surrounding spaces."""

    def process_formdata(self, valuelist: list[str]) -> None:
        super().process_formdata([value.strip() for value in valuelist])
