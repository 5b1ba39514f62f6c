"""What the participant file shows of the trajectory: status, coaches, clearance, pairs."""

from flask_login import current_user
from sqlmodel import Session, select

from app import clock
from app.coaching.avoid import avoid_rows
from app.coaching.clearance import is_expired
from app.coaching.lifecycle import NEXT, coaches_of
from app.coaching.lifecycle_forms import ClearanceForm, CoachForm, PauseForm
from app.models import Participant, User


def coach_choices(db: Session) -> list[tuple[int, str]]:
    rows = db.exec(
        select(User.id, User.name).where(User.role == "coach", User.active).order_by(User.name)
    ).all()
    return [(uid, name) for uid, name in rows]


def lifecycle_forms(db: Session, participant: Participant) -> dict:
    manager = current_user.role == "manager"
    return {
        "pause_form": PauseForm(prefix="pause", formdata=None),
        "coach_form": (
            CoachForm(prefix="coach", formdata=None, coaches=coach_choices(db))
            if current_user.role in ("admin", "manager")
            else None
        ),
        "clearance_form": (
            ClearanceForm(prefix="clearance", formdata=None, data=_clearance_obj(participant))
            if manager
            else None
        ),
    }


def lifecycle_context(db: Session, participant: Participant) -> dict:
    today = clock.today()
    return {
        "coaches": coaches_of(db, participant.id),
        "next_steps": NEXT.get(participant.status, ()),
        "clearance_expired": is_expired(participant, today),
        "end_passed": bool(
            participant.expected_end_date
            and participant.expected_end_date < today
            and participant.status != "ended"
        ),
        "avoid": avoid_rows(db, participant.id),
        "today": today,
    }


def _clearance_obj(participant: Participant) -> dict | None:
    if participant.clearance is None:
        return None
    return {
        "clearance": participant.clearance,
        "decided_by": participant.clearance_decided_by,
        "decided_on": participant.clearance_decided_on,
        "valid_until": participant.clearance_valid_until,
    }
