"""The participant's facts the weekly roster is planned from: group and contract.

They live on the core Participant row that `app/roster/problem.py` reads, so a change here
is in the very next roster problem. Clearance only means something for detainees (the
solver ignores it for everyone else), so for other groups it is kept empty rather than left
behind as a stale restriction.
"""

from flask_babel import gettext as _
from sqlmodel import Session, func, select

from app.audit import record
from app.models import Availability, Participant
from app.vocab import ROSTER_GROUP_OF


def is_detainee_group(target_group: str | None) -> bool:
    return ROSTER_GROUP_OF.get(target_group or "") == "detainee"


def available_dayparts(db: Session, participant_id: int) -> int:
    return db.exec(
        select(func.count())
        .select_from(Availability)
        .where(Availability.participant_id == participant_id)
    ).one()


def overbooked_notice(contract: int, available: int) -> str | None:
    """A contract above the availability grid is allowed (the grid may be filled in later),
    but the roster can never plan more than the grid, so the coach is told."""
    if contract <= available:
        return None
    return _(
        "Het contract (%(contract)d dagdelen per week) is meer dan de beschikbaarheid "
        "(%(available)d dagdelen): het rooster plant hoogstens %(available)d dagdelen in.",
        contract=contract,
        available=available,
    )


def set_roster_inputs(
    db: Session, participant: Participant, target_group: str, dayparts: int
) -> list[str]:
    """Write group and contract and audit what changed; returns the changes, empty if none.

    The clearance is the prison's decision, recorded by a manager (app/coaching/clearance.py);
    here it is only dropped when the participant stops being a detainee.
    """
    clearance = participant.clearance if is_detainee_group(target_group) else None
    wanted = {
        "doelgroep": ("target_group", target_group),
        "dagdelen per week": ("dayparts_per_week", dayparts),
        "vrijgave": ("clearance", clearance),
    }
    changed = []
    for name, (column, value) in wanted.items():
        old = getattr(participant, column)
        if old == value:
            continue
        setattr(participant, column, value)
        changed.append(f"{name} {_shown(old)}→{_shown(value)}")
    if changed:
        db.add(participant)
        record(db, "update", "roostergegevens: " + ", ".join(changed), participant.id)
    return changed


def _shown(value) -> str:
    return "-" if value is None else str(value)
