"""Forms that write are written once: a key per rendered form, claimed by the first post.

A double click, a reload after a slow answer or a flaky connection posts the same form
twice, and both posts wrote (two receipts: twice the stock). Each such form carries a
random key in a hidden field. The first post claims the key in its write's own transaction
and stores its answer; a repeated post finds the claim and gets that answer again instead
of a second write. The claim is the transaction's first write, so a parallel repeat waits
for the first to commit (PostgreSQL's unique index, SQLite's write lock) and then finds it.
A refused write rolls its claim back with it: the corrected form may be sent again.
"""

import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import abort, flash, redirect
from flask_login import current_user
from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel
from werkzeug.wrappers import Response
from wtforms import HiddenField

from app.models import fk
from inventory.models import utcnow

KEY = re.compile(r"[A-Za-z0-9_-]{20,64}")
# A repeat comes within seconds; a day covers a laptop closed mid-post and opened again.
KEPT = timedelta(days=1)


class Submission(SQLModel, table=True):
    __tablename__ = "submission"

    key: str = Field(primary_key=True, max_length=64)
    user_id: int = Field(sa_column=fk("user.id"))
    created_at: datetime = Field(default_factory=utcnow, index=True)
    location: str = Field(default="", max_length=500)
    message: str = Field(default="", max_length=500)


@dataclass(frozen=True)
class Answer:
    """Where the first post sent the user, and what it told them."""

    location: str
    message: str


def new_key() -> str:
    return secrets.token_urlsafe(24)


def key_field() -> HiddenField:
    """The hidden field of a form that writes; a new key each time the form is shown."""
    return HiddenField(default=new_key)


def write_once(
    db: Session, field: HiddenField, write: Callable[[], Answer | None]
) -> Response | None:
    """Run `write` unless this form's key was posted before; answer as the first post did.

    `write` returns its answer, or None after rolling back a refusal. The caller commits.
    """
    key = field.raw_data[0] if field.raw_data else ""
    if not KEY.fullmatch(key):
        abort(400)  # every rendered form has a key: this one was not made by us
    earlier = _claim(db, key)
    if earlier is not None:
        return _answer(Answer(earlier.location, earlier.message))
    answer = write()
    if answer is None:
        return None
    claim = db.get(Submission, key)
    claim.location, claim.message = answer.location, answer.message[:500]
    db.add(claim)
    db.flush()
    return _answer(answer)


def _claim(db: Session, key: str) -> Submission | None:
    """Claim `key` for this request, or return the submission that claimed it first."""
    db.execute(delete(Submission).where(Submission.created_at < utcnow() - KEPT))
    db.add(Submission(key=key, user_id=current_user.id))
    try:
        db.flush()
        return None
    except IntegrityError:
        db.rollback()
    earlier = db.get(Submission, key)
    if earlier is None or earlier.user_id != current_user.id:
        abort(400)
    return earlier


def _answer(answer: Answer) -> Response:
    flash(answer.message, "success")
    return redirect(answer.location, 303)
