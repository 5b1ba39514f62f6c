"""The week's roster problem (shared/roster-format.md) built from the database.

The problem is a pure function of the database state, so whatever the solver plans, the
checker refuses or the week view counts is judged against the same facts: a skill raised,
a certificate expired or an absence registered shows up in the very next problem.
"""

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import or_
from sqlmodel import Session, select

from app.coaching.clearance import effective_clearance
from app.coaching.models import Outcome
from app.models import (
    Absence,
    Availability,
    AvoidPair,
    Certificate,
    Department,
    DepartmentCertificate,
    DepartmentClosure,
    DepartmentMix,
    DepartmentWish,
    Participant,
    SkillLevel,
    StaffingOverride,
)
from app.orders.labour import weekly_demand
from app.regime.blocking import blocked_slots
from app.roster.models import CertificateCover
from app.roster.weeks import day_dates, parse_week
from app.training.language import language_certificates, language_requirements
from app.vocab import DAYPARTS, DAYS, ROSTER_GROUP_OF, ROSTER_GROUPS

Slot = tuple[str, str]


def build_problem(
    session: Session,
    week: str,
    pinned: Iterable[dict] = (),
    previous: Iterable[dict] = (),
    mode: str = "plan",
) -> dict:
    """The contract's problem for `week`; `pinned`/`previous` are contract assignments and
    `mode` what the manager asked for: "plan" (Plan de week) or "gap" (Herplan alleen de
    gaten)."""
    monday = parse_week(week)
    participants = week_participants(session, monday)
    covers = _covers(session)
    return {
        "week": week,
        "days": list(DAYS),
        "dayparts": list(DAYPARTS),
        "groups": list(ROSTER_GROUPS),
        "departments": _departments(session, monday, covers),
        "participants": _participants(session, monday, participants),
        "pinned": list(pinned),
        "previous": list(previous),
        "site_cover": covers.get(None, []),
        "mode": mode,
    }


def week_participants(session: Session, monday: date) -> list[Participant]:
    """Participants whose trajectory overlaps the working days of the week: the active
    ones, and those whose trajectory was closed with an end date after this Monday (they
    work the days before it)."""
    friday = monday + timedelta(days=4)
    still_there = select(Outcome.participant_id).where(Outcome.ended_on > monday)
    return list(
        session.exec(
            select(Participant)
            .where(
                or_(Participant.active, Participant.id.in_(still_there)),
                Participant.start_date <= friday,
                or_(
                    Participant.expected_end_date.is_(None), Participant.expected_end_date >= monday
                ),
            )
            .order_by(Participant.code)
        ).all()
    )


def _covers(session: Session) -> dict[int | None, list[dict]]:
    """The contract's cover lists per department id, and the site's under None."""
    covers: dict[int | None, list[dict]] = defaultdict(list)
    for row in session.exec(select(CertificateCover).order_by(CertificateCover.kind)):
        covers[row.department_id].append({"certificate": row.kind, "min": row.minimum})
    covers[None] = list({c["certificate"]: c for c in covers[None]}.values())
    return covers


def _departments(session: Session, monday: date, covers: dict) -> list[dict]:
    departments = session.exec(
        select(Department)
        .where(Department.archived.is_(False))
        .order_by(Department.sort_order, Department.code)
    )
    requires = _grouped(session, DepartmentCertificate, lambda row: row.kind, columns=("kind",))
    for department_id, language in language_requirements(session).items():
        requires[department_id].append(language)
    mixes = _grouped(
        session, DepartmentMix, lambda row: (row.group, row.share), columns=("group", "share")
    )
    overrides = _grouped(
        session,
        StaffingOverride,
        lambda row: row,
        columns=("day", "daypart", "staffing_min", "staffing_max"),
    )
    demand = weekly_demand(session, monday)
    closed = _closed_slots(session, monday)
    result = []
    for d in departments:
        slot_staffing = {
            (o.day, o.daypart): (o.staffing_min, o.staffing_max) for o in overrides[d.id]
        }
        slot_staffing.update({slot: (0, 0) for slot in closed[d.id] | closed[None]})
        base, per_slot = _raise_for_demand(
            (d.staffing_min, d.staffing_max), slot_staffing, demand.get(d.code, 0)
        )
        result.append(
            {
                "id": d.code,
                "name": d.name,
                "outside": d.outside,
                "requires": sorted(requires[d.id]),
                "staffing": {"min": base[0], "max": base[1]},
                "overrides": [
                    {"day": day, "daypart": part, "min": low, "max": high}
                    for (day, part), (low, high) in sorted(per_slot.items())
                ],
                "max_detainees": d.max_detainees,
                "mix": dict(sorted(mixes[d.id])),
                "cover": covers.get(d.id, []),
            }
        )
    return result


def _closed_slots(session: Session, monday: date) -> dict[int | None, set[Slot]]:
    """The week's closed (day, daypart) slots per department id, the whole site's under None.

    A closure is an override of min 0 and max 0, so nobody is planned there and no
    understaffing is counted; a closure without a daypart closes both."""
    codes = {when: code for code, when in day_dates(monday).items()}
    closed: dict[int | None, set[Slot]] = defaultdict(set)
    for row in session.exec(
        select(DepartmentClosure).where(
            DepartmentClosure.day >= monday, DepartmentClosure.day <= max(codes)
        )
    ):
        parts = DAYPARTS if row.daypart is None else (row.daypart,)
        closed[row.department_id].update((codes[row.day], part) for part in parts)
    return closed


def _raise_for_demand(
    base: tuple[int, int], overrides: dict[Slot, tuple[int, int]], demand: int
) -> tuple[tuple[int, int], dict[Slot, tuple[int, int]]]:
    """Minimum staffing lifted so the open dayparts together cover the orders' demand.

    Orders fund the workshop, so their person-dayparts are spread over the dayparts the
    department is open (max > 0); a minimum never exceeds the maximum of its daypart.
    """
    slots = [(day, part) for day in DAYS for part in DAYPARTS]
    open_slots = [s for s in slots if overrides.get(s, base)[1] > 0]
    if not demand or not open_slots:
        return base, overrides
    need = math.ceil(demand / len(open_slots))

    def lifted(bounds: tuple[int, int]) -> tuple[int, int]:
        low, high = bounds
        return (min(max(low, need), high), high)

    return lifted(base), {slot: lifted(bounds) for slot, bounds in overrides.items()}


def _participants(session: Session, monday: date, people: list[Participant]) -> list[dict]:
    ids = [p.id for p in people]
    codes = {p.id: p.code for p in people}
    departments = {d.id: d.code for d in session.exec(select(Department))}
    available = _grouped(
        session, Availability, lambda r: (r.day, r.daypart), ids, columns=("day", "daypart")
    )
    absent = _absent_slots(session, monday, ids)
    closed = [p.id for p in people if not p.active]
    for pid, slots in _ended_slots(session, monday, closed).items():
        absent[pid] |= slots
    certificates = _grouped(session, Certificate, lambda r: r, ids)
    languages = language_certificates(session, ids, monday)
    skills = _grouped(
        session,
        SkillLevel,
        lambda r: (departments[r.department_id], r.level),
        ids,
        columns=("department_id", "level"),
    )
    wishes = _grouped(
        session,
        DepartmentWish,
        lambda r: (r.kind, departments[r.department_id]),
        ids,
        columns=("kind", "department_id"),
    )
    avoid = _avoid(session, codes)
    order = {slot: i for i, slot in enumerate((d, p) for d in DAYS for p in DAYPARTS)}
    return [
        {
            "id": p.code,
            "name": p.full_name,
            "group": ROSTER_GROUP_OF[p.target_group],
            "clearance": effective_clearance(p, monday + timedelta(days=4)),
            "certificates": sorted(
                {c.kind for c in certificates[p.id] if c.valid_on(monday)} | languages[p.id]
            ),
            "skills": dict(sorted(skills[p.id])),
            "available": [
                list(slot) for slot in sorted(set(available[p.id]) - absent[p.id], key=order.get)
            ],
            "dayparts_per_week": p.dayparts_per_week,
            "prefers": sorted(code for kind, code in wishes[p.id] if kind == "prefers"),
            "learning": sorted(code for kind, code in wishes[p.id] if kind == "learning"),
            "avoid": sorted(avoid[p.code]),
        }
        for p in people
    ]


def _absent_slots(session: Session, monday: date, ids: list[int]) -> dict[int, set[Slot]]:
    """The dayparts of this week each participant is registered absent (sick, leave, ...),
    in a course, or held by the prison's regime (court date, transport, lock-down)."""
    dates = day_dates(monday)
    absences = session.exec(
        select(Absence).where(
            Absence.participant_id.in_(ids),
            Absence.start_date <= dates["fri"],
            Absence.end_date >= monday,
        )
    )
    slots: dict[int, set[Slot]] = defaultdict(set)
    for absence in absences:
        for day, when in dates.items():
            if absence.start_date <= when <= absence.end_date:
                parts = [absence.daypart] if absence.daypart else DAYPARTS
                slots[absence.participant_id].update((day, part) for part in parts)
    for participant_id, blocked in blocked_slots(session, monday, ids).items():
        slots[participant_id] |= blocked
    return slots


def _ended_slots(session: Session, monday: date, ids: list[int]) -> dict[int, set[Slot]]:
    """The dayparts from the end date of a closed trajectory on: the participant has left."""
    dates = day_dates(monday)
    ended = session.exec(
        select(Outcome.participant_id, Outcome.ended_on).where(Outcome.participant_id.in_(ids))
    )
    return {
        pid: {(day, part) for day, when in dates.items() if when >= ended_on for part in DAYPARTS}
        for pid, ended_on in ended
    }


def _avoid(session: Session, codes: dict[int, str]) -> dict[str, set[str]]:
    """Both sides of every pair whose two people are in this week's problem."""
    avoid: dict[str, set[str]] = defaultdict(set)
    for pair in session.exec(select(AvoidPair)):
        if pair.first_id in codes and pair.second_id in codes:
            avoid[codes[pair.first_id]].add(codes[pair.second_id])
            avoid[codes[pair.second_id]].add(codes[pair.first_id])
    return avoid


def _grouped(
    session: Session,
    table,
    value,
    participant_ids: list[int] | None = None,
    columns: tuple[str, ...] | None = None,
) -> dict:
    """Rows of a child table per parent id (department or participant), mapped by `value`.

    With `columns`, only those columns are read, as plain rows: the week view builds the
    problem on every request, and making a model object per availability row was most of
    its cost.
    """
    owner = "participant_id" if participant_ids is not None else "department_id"
    if columns is None:
        query = select(table)
    else:
        query = select(getattr(table, owner), *(getattr(table, name) for name in columns))
    if participant_ids is not None:
        query = query.where(getattr(table, owner).in_(participant_ids))
    grouped: dict = defaultdict(list)
    for row in session.exec(query):
        grouped[getattr(row, owner)].append(value(row))
    return grouped
