"""Pairs who must not work side by side, recorded by managers.

The reason (and who the other person is) is for managers only: a coach learns that a
restriction exists for their participant, because the roster will respect it, not why.
"""

from sqlalchemy import or_
from sqlmodel import Session, select

from app.audit import record
from app.models import AvoidPair, Participant


def avoid_rows(db: Session, participant_id: int) -> list[tuple[AvoidPair, Participant]]:
    """Each pair of this participant with the other person in it."""
    pairs = db.exec(
        select(AvoidPair).where(
            or_(AvoidPair.first_id == participant_id, AvoidPair.second_id == participant_id)
        )
    ).all()
    rows = []
    for pair in pairs:
        other_id = pair.second_id if pair.first_id == participant_id else pair.first_id
        rows.append((pair, db.get(Participant, other_id)))
    return rows


def add_pair(db: Session, one: Participant, other: Participant, reason: str) -> AvoidPair | None:
    """Store the pair once, lowest id first; None when it is there already or the same person."""
    if one.id == other.id:
        return None
    first, second = sorted((one.id, other.id))
    exists = db.exec(
        select(AvoidPair).where(AvoidPair.first_id == first, AvoidPair.second_id == second)
    ).first()
    if exists is not None:
        return None
    pair = AvoidPair(first_id=first, second_id=second, reason=reason)
    db.add(pair)
    record(db, "create", f"niet samen met {other.code}", one.id)
    record(db, "create", f"niet samen met {one.code}", other.id)
    return pair


def remove_pair(db: Session, participant: Participant, pair_id: int) -> bool:
    pair = db.get(AvoidPair, pair_id)
    if pair is None or participant.id not in (pair.first_id, pair.second_id):
        return False
    db.delete(pair)
    for pid in (pair.first_id, pair.second_id):
        record(db, "delete", f"niet-samen-afspraak {pair_id}", pid)
    return True
