"""Changing a roster by hand: every change is judged by the solver's own checker first.

A change is refused only for hard-rule breaches it introduces itself; a roster that
already breaks a rule (someone fell ill after publishing) can still be repaired step by
step. An accepted change reports its soft consequences: which penalties it adds or solves.
"""

from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlmodel import Session

import scheduler
from app.roster import versions
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.problem import build_problem
from app.roster.texts import Names, penalty_text, shortfall_text, violation_text, when

ACTIONS = ("add", "move", "remove", "pin", "unpin", "swap", "replace")
# Changes that name a second person (`other`): exchange places, or take theirs.
WITH_OTHER = ("swap", "replace")


@dataclass(frozen=True)
class Edit:
    action: str
    participant: str
    day: str
    daypart: str
    department: str = ""
    to_day: str = ""
    to_daypart: str = ""
    # swap/replace: the person whose place is taken, at (to_day, to_daypart) or else the
    # edit's own daypart.
    other: str = ""

    @property
    def target(self) -> tuple[str, str]:
        return (self.to_day or self.day, self.to_daypart or self.daypart)


@dataclass
class Outcome:
    roster: RosterVersion | None = None
    refused: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    solved: list[str] = field(default_factory=list)
    # (department, day, daypart) of a full team the change was refused for: the dialog
    # then offers a swap with someone there.
    full: tuple[str, str, str] | None = None

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
    problem = scheduler.parse_problem(build_problem(session, week))
    names = Names(problem)
    plain = _plain_refusal(names, before, edit)
    if plain:
        return Outcome(current, refused=[plain])
    after = _changed(before, edit)
    refused = _new_violations(problem, before, after)
    if refused:
        full = next(
            ((v.department, v.day, v.daypart) for v in refused if v.rule == "capacity"), None
        )
        return Outcome(current, refused=[violation_text(names, v) for v in refused], full=full)
    roster = versions.writable(session, week, roster_id, revision, user_id)
    _store(session, roster, edit, codes)
    added, solved = consequences(problem, before, after)
    return Outcome(
        roster,
        added=[_consequence(names, item, after) for item in added],
        solved=[_consequence(names, item, after) for item in solved],
    )


def _consequence(names: Names, item: scheduler.PenaltyItem, after: list[dict]) -> str:
    if item.term != "below_contract" or not item.participant:
        return penalty_text(names, item)
    planned = sum(1 for a in after if a["participant"] == item.participant)
    return shortfall_text(names, item.participant, planned)


def _key(a: dict) -> tuple[str, str, str]:
    return (a["participant"], a["day"], a["daypart"])


def _plain_refusal(names: Names, before: list[dict], edit: Edit) -> str:
    """A change that cannot mean anything, said plainly: onto a daypart where the person
    already works (the checker does not see it when the department is the same), or nowhere."""
    if edit.action not in ("move", *WITH_OTHER):
        return ""
    mine = {(a["day"], a["daypart"]): a for a in before if a["participant"] == edit.participant}
    source = mine.get((edit.day, edit.daypart))
    if source is None:
        return ""
    target = edit.target
    if target != (edit.day, edit.daypart) and target in mine:
        return _already(names, edit.participant, target, mine[target])
    if edit.action == "swap" and target != (edit.day, edit.daypart):
        there = next((a for a in before if _key(a) == (edit.other, edit.day, edit.daypart)), None)
        if there is not None:
            return _already(names, edit.other, (edit.day, edit.daypart), there)
    if edit.action == "move" and target == (edit.day, edit.daypart):
        if (edit.department or source["department"]) == source["department"]:
            return _("Er verandert niets: kies een andere afdeling, dag of dagdeel.")
    return ""


def _already(names: Names, participant: str, slot: tuple[str, str], there: dict) -> str:
    return _(
        "%(person)s werkt %(when)s al (bij %(place)s)",
        person=names.person(participant),
        when=when(*slot),
        place=names.place(there["department"]),
    )


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
    if edit.action in WITH_OTHER:
        return _with_other(rest, existing, edit)
    moved = {
        "participant": edit.participant,
        "department": edit.department or existing["department"],
        "day": edit.to_day or edit.day,
        "daypart": edit.to_daypart or edit.daypart,
    }
    return [*rest, moved]


def _with_other(rest: list[dict], existing: dict, edit: Edit) -> list[dict]:
    """Swap: the two exchange places. Replace: the person takes the other's place and the
    other is left unplanned for that daypart."""
    day, part = edit.target
    theirs = next((a for a in rest if _key(a) == (edit.other, day, part)), None)
    if theirs is None or edit.other == edit.participant:
        raise Unknown()
    others = [a for a in rest if a is not theirs]
    mine = {**theirs, "participant": edit.participant}
    if edit.action == "replace":
        return [*others, mine]
    return [*others, mine, {**existing, "participant": edit.other}]


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
    return {(i.term, i.department, i.day, i.daypart, i.participant): i for i in items}


def _store(session: Session, roster: RosterVersion, edit: Edit, codes: versions.Codes) -> None:
    participant_id = codes.participant_id(edit.participant)
    rows = versions.rows_of(session, roster)
    row = _row(rows, participant_id, edit.day, edit.daypart)
    if edit.action in WITH_OTHER:
        _store_with_other(
            session, row, _row(rows, codes.participant_id(edit.other), *edit.target), edit.action
        )
        return
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


def _row(
    rows: list[RosterAssignment], participant_id: int | None, day: str, daypart: str
) -> RosterAssignment | None:
    return next(
        (
            r
            for r in rows
            if r.participant_id == participant_id and (r.day, r.daypart) == (day, daypart)
        ),
        None,
    )


def _store_with_other(
    session: Session, mine: RosterAssignment, theirs: RosterAssignment, action: str
) -> None:
    """Each row keeps its person (and pin, as a move does) and takes the other's place."""
    place = (theirs.department_id, theirs.day, theirs.daypart)
    if action == "replace":
        session.delete(theirs)
    else:
        theirs.department_id, theirs.day, theirs.daypart = (
            mine.department_id,
            mine.day,
            mine.daypart,
        )
        session.add(theirs)
    session.flush()
    mine.department_id, mine.day, mine.daypart = place
    session.add(mine)
    session.flush()
