"""Storing roster versions: which is current, what it holds, publishing and locking.

Assignments are stored by database id and exchanged with the solver by code (the
contract's participant and department ids); `Codes` translates between the two.
"""

from dataclasses import dataclass

from sqlalchemy import func, update
from sqlmodel import Session, select

from app.models import Department, Participant
from app.roster.models import RosterAssignment, RosterVersion
from inventory.models import utcnow


class Conflict(Exception):
    """The roster changed since the form was loaded: another manager got there first."""


class Frozen(Exception):
    """A published version is never changed; changes go into a new draft."""


@dataclass(frozen=True)
class Codes:
    participant: dict[int, str]
    department: dict[int, str]
    participant_ids: dict[str, int]
    department_ids: dict[str, int]

    @classmethod
    def load(cls, session: Session) -> "Codes":
        people = dict(session.exec(select(Participant.id, Participant.code)).all())
        places = dict(session.exec(select(Department.id, Department.code)).all())
        return cls(
            people,
            places,
            {code: i for i, code in people.items()},
            {code: i for i, code in places.items()},
        )

    def participant_id(self, code: str) -> int | None:
        return self.participant_ids.get(code)

    def department_id(self, code: str) -> int | None:
        return self.department_ids.get(code)

    def contract(self, row: RosterAssignment) -> dict:
        return {
            "participant": self.participant[row.participant_id],
            "department": self.department[row.department_id],
            "day": row.day,
            "daypart": row.daypart,
        }


def latest(session: Session, week: str) -> RosterVersion | None:
    return session.exec(
        select(RosterVersion)
        .where(RosterVersion.week == week)
        .order_by(RosterVersion.version.desc())
    ).first()


def last_published(session: Session, week: str) -> RosterVersion | None:
    return session.exec(
        select(RosterVersion)
        .where(RosterVersion.week == week, RosterVersion.status == "published")
        .order_by(RosterVersion.version.desc())
    ).first()


def by_number(session: Session, week: str, number: int) -> RosterVersion | None:
    return session.exec(
        select(RosterVersion).where(RosterVersion.week == week, RosterVersion.version == number)
    ).first()


def history(session: Session, week: str) -> list[RosterVersion]:
    return list(
        session.exec(
            select(RosterVersion)
            .where(RosterVersion.week == week)
            .order_by(RosterVersion.version.desc())
        ).all()
    )


def rows_of(session: Session, roster: RosterVersion | None) -> list[RosterAssignment]:
    if roster is None:
        return []
    return list(
        session.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).all()
    )


def contract_of(session: Session, roster: RosterVersion | None, codes: Codes) -> list[dict]:
    return [codes.contract(row) for row in rows_of(session, roster)]


def pinned_of(session: Session, roster: RosterVersion | None, codes: Codes) -> list[dict]:
    return [codes.contract(row) for row in rows_of(session, roster) if row.pinned]


def new_version(
    session: Session,
    week: str,
    assignments: list[dict],
    *,
    user_id: int | None,
    note: str = "",
    pinned: set[tuple[str, str, str]] = frozenset(),
    codes: Codes | None = None,
) -> RosterVersion:
    """A new draft holding contract assignments; pins are (participant, day, daypart) keys.

    Two managers creating a version at the same moment collide on the unique (week,
    version) constraint; the caller turns that into a Conflict.
    """
    codes = codes or Codes.load(session)
    number = (
        session.exec(
            select(func.max(RosterVersion.version)).where(RosterVersion.week == week)
        ).one()
        or 0
    ) + 1
    roster = RosterVersion(week=week, version=number, created_by=user_id, note=note[:200])
    session.add(roster)
    session.flush()
    session.add_all(
        RosterAssignment(
            roster_id=roster.id,
            participant_id=codes.participant_id(a["participant"]),
            department_id=codes.department_id(a["department"]),
            day=a["day"],
            daypart=a["daypart"],
            pinned=(a["participant"], a["day"], a["daypart"]) in pinned,
        )
        for a in assignments
    )
    session.flush()
    return roster


def claim(session: Session, roster: RosterVersion, revision: int) -> None:
    """Take the optimistic lock: bump `revision` only if nobody did since `revision`.

    The conditional UPDATE is atomic in the database, so of two simultaneous saves
    exactly one wins and the other learns it is stale.
    """
    result = session.execute(
        update(RosterVersion)
        .where(RosterVersion.id == roster.id, RosterVersion.revision == revision)
        .values(revision=RosterVersion.revision + 1)
    )
    if result.rowcount != 1:
        raise Conflict()
    session.refresh(roster)


def writable(
    session: Session, week: str, roster_id: int, revision: int, user_id: int | None
) -> RosterVersion:
    """The version a change goes into, after checking the form saw the current state.

    Only the latest version of a week is edited; a published one is copied into a new
    draft first, so the published roster stays as it was announced.
    """
    current = latest(session, week)
    if current is None or current.id != roster_id or current.revision != revision:
        raise Conflict()
    claim(session, current, revision)
    if not current.is_published:
        return current
    codes = Codes.load(session)
    rows = rows_of(session, current)
    return new_version(
        session,
        week,
        [codes.contract(row) for row in rows],
        user_id=user_id,
        note=f"v{current.version}",
        pinned={(codes.participant[r.participant_id], r.day, r.daypart) for r in rows if r.pinned},
        codes=codes,
    )


def publish(session: Session, roster: RosterVersion, revision: int) -> None:
    claim(session, roster, revision)
    if roster.is_published:
        raise Frozen()
    roster.status = "published"
    roster.published_at = utcnow()
    session.add(roster)


def changes_against(
    before: list[dict], after: list[dict]
) -> list[tuple[str, str, str, str | None, str | None]]:
    """(participant, day, daypart, department before, after) for each daypart that differs."""
    old = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in before}
    new = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in after}
    return sorted(
        (*key, old.get(key), new.get(key))
        for key in old.keys() | new.keys()
        if old.get(key) != new.get(key)
    )
