from flask_wtf import FlaskForm
from wtforms import HiddenField
from wtforms.validators import AnyOf, DataRequired, Length

from app.security.models import LOCK_KINDS


class UnlockForm(FlaskForm):
    """One row's button on the lock-out page: which account or address to unlock."""

    kind = HiddenField(validators=[DataRequired(), AnyOf(LOCK_KINDS)])
    value = HiddenField(validators=[DataRequired(), Length(max=200)])
