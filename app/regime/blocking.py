"""Dayparts taken from the roster by something other than an absence: a course someone is
enrolled in, or the prison's regime (a court date, transport, a visit, leave, a lock-down).

The roster problem builder subtracts these from availability next to the absences, so the
solver, the hand-edit checker and the week view all see the same blocked dayparts.
"""

from collections import defaultdict
from datetime import date, timedelta

from sqlmodel import Session, select

from app.models import Participant
from app.regime.models import RegimeEvent
from app.training.models import Enrolment, TrainingDay
from app.vocab import DAYPARTS, DAYS, ROSTER_GROUP_OF

Slot = tuple[str, str]


def blocked_slots(session: Session, monday: date, ids: list[int]) -> dict[int, set[Slot]]:
    """Per participant id, the (day, daypart) slots of the week starting `monday` they are
    in a course or held by the prison's regime."""
    dates = {day: monday + timedelta(days=i) for i, day in enumerate(DAYS)}
    slots: dict[int, set[Slot]] = defaultdict(set)
    for participant_id, _session, day, part in training_dayparts(session, dates, ids):
        slots[participant_id].add((day, part))
    for participant_id, day, part in regime_dayparts(session, dates, ids):
        slots[participant_id].add((day, part))
    return slots


def training_dayparts(
    session: Session, dates: dict[str, date], ids: list[int]
) -> list[tuple[int, int, str, str]]:
    """(participant id, session id, day, daypart) of every enrolled course daypart."""
    weekday = {when: day for day, when in dates.items()}
    rows = session.exec(
        select(Enrolment.participant_id, Enrolment.session_id, TrainingDay.day, TrainingDay.daypart)
        .join(TrainingDay, TrainingDay.session_id == Enrolment.session_id)
        .where(
            Enrolment.participant_id.in_(ids),
            TrainingDay.day >= min(dates.values()),
            TrainingDay.day <= max(dates.values()),
        )
    )
    return [(pid, sid, weekday[when], part) for pid, sid, when, part in rows]


def regime_dayparts(
    session: Session, dates: dict[str, date], ids: list[int]
) -> list[tuple[int, str, str]]:
    """(participant id, day, daypart) held by a regime event; a lock-down holds every
    detainee in `ids`."""
    events = list(
        session.exec(
            select(RegimeEvent).where(
                RegimeEvent.start_date <= max(dates.values()),
                RegimeEvent.end_date >= min(dates.values()),
            )
        )
    )
    if not events:
        return []
    held_in = detainee_ids(session, ids)
    wanted = set(ids)
    return [
        slot
        for event in events
        for slot in event_dayparts(event, dates, held_in)
        if slot[0] in wanted
    ]


def event_dayparts(
    event: RegimeEvent, dates: dict[str, date], detainees: list[int]
) -> list[tuple[int, str, str]]:
    """(participant id, day, daypart) one event holds in the week of `dates`."""
    people = detainees if event.participant_id is None else [event.participant_id]
    parts = [event.daypart] if event.daypart else DAYPARTS
    return [
        (pid, day, part)
        for day, when in dates.items()
        if event.start_date <= when <= event.end_date
        for pid in people
        for part in parts
    ]


def detainee_ids(session: Session, ids: list[int]) -> list[int]:
    """Those of `ids` in the detainees' roster group: a lock-down holds them all."""
    return [
        pid
        for pid, group in session.exec(
            select(Participant.id, Participant.target_group).where(Participant.id.in_(ids))
        )
        if ROSTER_GROUP_OF[group] == "detainee"
    ]
