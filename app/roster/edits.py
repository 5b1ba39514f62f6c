"""Changing a roster by hand: every change is judged by the solver's own checker first.

A change is refused only for hard-rule breaches it introduces itself; a roster that
already breaks a rule (someone fell ill after publishing) can still be repaired step by
step. An accepted change reports its soft consequences: which penalties it adds or solves.
"""

from dataclasses import dataclass, field

from sqlmodel import Session

import scheduler
from app.roster import versions
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.problem import build_problem
from app.roster.texts import Names, penalty_text, violation_text

ACTIONS = ("add", "move", "remove", "pin", "unpin")


@dataclass(frozen=True)
class Edit:
    action: str
    participant: str
    day: str
    daypart: str
    department: str = ""
    to_day: str = ""
    to_daypart: str = ""


@dataclass
class Outcome:
    roster: RosterVersion | None = None
    refused: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    solved: list[str] = field(default_factory=list)

    @property
    def applied(self) -> bool:
        return not self.refused


class Unknown(Exception):
    """The change names a participant or assignment that is not there (a stale page)."""


def apply(
    session: Session, week: str, roster_id: int, revision: int, edit: Edit, user_id: int | None
) -> Outcome:
    """Check and, if allowed, store one change; raises versions.Conflict on a stale form."""
    current = versions.latest(session, week)
    if current is None or current.id != roster_id or current.revision != revision:
        raise versions.Conflict()
    codes = versions.Codes.load(session)
    before = versions.contract_of(session, current, codes)
    after = _changed(before, edit)
    problem = scheduler.parse_problem(build_problem(session, week))
    names = Names(problem)
    refused = _new_violations(problem, before, after)
    if refused:
        return Outcome(current, refused=[violation_text(names, v) for v in refused])
    roster = versions.writable(session, week, roster_id, revision, user_id)
    _store(session, roster, edit, codes)
    added, solved = consequences(problem, before, after)
    return Outcome(
        roster,
        added=[penalty_text(names, item) for item in added],
        solved=[penalty_text(names, item) for item in solved],
    )


def _key(a: dict) -> tuple[str, str, str]:
    return (a["participant"], a["day"], a["daypart"])


def _changed(before: list[dict], edit: Edit) -> list[dict]:
    """The roster as it would be after the change, in contract form."""
    source = (edit.participant, edit.day, edit.daypart)
    existing = next((a for a in before if _key(a) == source), None)
    if edit.action in ("pin", "unpin"):
        if existing is None:
            raise Unknown()
        return before
    if edit.action == "add":
        return [
            *before,
            {
                "participant": edit.participant,
                "department": edit.department,
                "day": edit.day,
                "daypart": edit.daypart,
            },
        ]
    if existing is None:
        raise Unknown()
    rest = [a for a in before if a is not existing]
    if edit.action == "remove":
        return rest
    moved = {
        "participant": edit.participant,
        "department": edit.department or existing["department"],
        "day": edit.to_day or edit.day,
        "daypart": edit.to_daypart or edit.daypart,
    }
    return [*rest, moved]


def _assignments(rows: list[dict]) -> list[scheduler.Assignment]:
    return [
        scheduler.Assignment(a["participant"], a["department"], a["day"], a["daypart"])
        for a in rows
    ]


def _violation_key(v: scheduler.Violation) -> tuple:
    return (v.rule, v.participant, v.department, v.day, v.daypart)


def _new_violations(
    problem: scheduler.Problem, before: list[dict], after: list[dict]
) -> list[scheduler.Violation]:
    old = {_violation_key(v) for v in scheduler.check(problem, _assignments(before))}
    return [
        v for v in scheduler.check(problem, _assignments(after)) if _violation_key(v) not in old
    ]


def consequences(
    problem: scheduler.Problem, before: list[dict], after: list[dict]
) -> tuple[list[scheduler.PenaltyItem], list[scheduler.PenaltyItem]]:
    """Penalty items the change brings, and those it takes away (or lessens)."""
    old = _by_place(scheduler.evaluate(problem, _assignments(before)).details)
    new = _by_place(scheduler.evaluate(problem, _assignments(after)).details)
    added = [item for key, item in new.items() if item.amount > getattr(old.get(key), "amount", 0)]
    solved = [item for key, item in old.items() if item.amount > getattr(new.get(key), "amount", 0)]
    return added, solved


def _by_place(items: list[scheduler.PenaltyItem]) -> dict[tuple, scheduler.PenaltyItem]:
    return {(i.term, i.department, i.day, i.daypart, i.participant, i.certificate): i
            for i in items}


def _store(session: Session, roster: RosterVersion, edit: Edit, codes: versions.Codes) -> None:
    participant_id = codes.participant_id(edit.participant)
    row = next(
        (
            r
            for r in versions.rows_of(session, roster)
            if r.participant_id == participant_id and (r.day, r.daypart) == (edit.day, edit.daypart)
        ),
        None,
    )
    if edit.action == "add":
        session.add(
            RosterAssignment(
                roster_id=roster.id,
                participant_id=participant_id,
                department_id=codes.department_id(edit.department),
                day=edit.day,
                daypart=edit.daypart,
            )
        )
    elif edit.action == "remove":
        session.delete(row)
    elif edit.action in ("pin", "unpin"):
        row.pinned = edit.action == "pin"
        session.add(row)
    else:
        row.department_id = (
            codes.department_id(edit.department) if edit.department else row.department_id
        )
        row.day = edit.to_day or row.day
        row.daypart = edit.to_daypart or row.daypart
        session.add(row)
    session.flush()
