"""Entering the prison's regime events, and what they take out of a stored roster.

A new event changes the next roster problem at once (app/regime/blocking.py); a roster
already planned keeps the blocked people on it until a gap re-plan, so the manager is
told how many were on it and where to re-plan.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from app.audit import record
from app.models import Participant
from app.regime.blocking import detainee_ids, event_dayparts
from app.regime.models import RegimeEvent
from app.roster import versions
from app.roster.models import RosterAssignment
from app.roster.weeks import day_dates, week_of
from app.vocab import ROSTER_GROUP_OF

# Events are listed from a week back, so a lock-down of last Friday is still in view.
LOOK_BACK = timedelta(days=7)


def detainees(db: Session) -> list[Participant]:
    """Active participants the regime applies to: the roster group of detainees."""
    return [
        p
        for p in db.exec(
            select(Participant)
            .where(Participant.active)
            .order_by(Participant.last_name, Participant.first_name)
        )
        if ROSTER_GROUP_OF[p.target_group] == "detainee"
    ]


def add_event(db: Session, event: RegimeEvent, user_id: int | None) -> RegimeEvent:
    event.created_by = user_id
    db.add(event)
    record(
        db, "create", f"regime {event.kind} {event.start_date.isoformat()}", event.participant_id
    )
    return event


def events_from(db: Session, since: date) -> list[tuple[RegimeEvent, Participant | None]]:
    return list(
        db.exec(
            select(RegimeEvent, Participant)
            .join(Participant, Participant.id == RegimeEvent.participant_id, isouter=True)
            .where(RegimeEvent.end_date >= since)
            .order_by(RegimeEvent.start_date, RegimeEvent.id)
        )
    )


@dataclass(frozen=True)
class Impact:
    """People an event takes off the roster stored for one week."""

    week: str
    names: list[str]


def impact(db: Session, event: RegimeEvent) -> list[Impact]:
    """Per week the event touches, who is on that week's latest roster in a blocked daypart."""
    result = []
    monday = event.start_date - timedelta(days=event.start_date.weekday())
    while monday <= event.end_date:
        week = week_of(monday)
        roster = versions.latest(db, week)
        if roster is not None:
            rows = versions.rows_of(db, roster)
            ids = sorted({r.participant_id for r in rows})
            held = set(event_dayparts(event, day_dates(monday), detainee_ids(db, ids)))
            hit = sorted({r.participant_id for r in rows if _key(r) in held})
            if hit:
                names = [db.get(Participant, pid).full_name for pid in hit]
                result.append(Impact(week, names))
        monday += timedelta(days=7)
    return result


def _key(row: RosterAssignment) -> tuple[int, str, str]:
    return (row.participant_id, row.day, row.daypart)
