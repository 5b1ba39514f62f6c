"""What the roster must respect: an enrolled course daypart or a court date is never
rostered, and a passed course's certificate is what the roster then reads."""

from sqlmodel import select

import scheduler
from app.regime.models import RegimeEvent
from app.roster.problem import build_problem
from app.roster.weeks import shift
from app.training.models import Enrolment
from app.training.needs import needs
from app.training.sessions import record_result
from tests import dates
from tests.roster.conftest import WEEK
from tests.training.helpers import (
    THURSDAY,
    WEDNESDAY,
    course,
    enrolled,
    person,
    rostered,
)

# A participant and a detainee available all week, with many dayparts to fill.
TRAINEE, DETAINEE = "p004", "p001"


def _available(problem: dict, code: str) -> set[tuple[str, str]]:
    found = next(p for p in problem["participants"] if p["id"] == code)
    return {tuple(slot) for slot in found["available"]}


def _solve(db) -> scheduler.Solution:
    solution = scheduler.solve(build_problem(db, WEEK), time_limit=2, workers=1)
    assert solution.status in ("optimal", "feasible")
    return solution


def test_enrolled_and_court_dayparts_are_never_rostered(db):
    trainee, detainee = person(db, TRAINEE), person(db, DETAINEE)
    assert detainee.target_group == "detainee"
    before = build_problem(db, WEEK)
    assert {("wed", "am"), ("wed", "pm")} <= _available(before, trainee.code)
    assert ("thu", "am") in _available(before, detainee.code)

    enrolled(db, course(db, [(WEDNESDAY, "am"), (WEDNESDAY, "pm")]), trainee)
    db.add(
        RegimeEvent(
            kind="court",
            participant_id=detainee.id,
            start_date=THURSDAY,
            end_date=THURSDAY,
            daypart="am",
        )
    )
    db.commit()

    after = build_problem(db, WEEK)
    assert _available(before, trainee.code) - _available(after, trainee.code) == {
        ("wed", "am"),
        ("wed", "pm"),
    }
    assert _available(before, detainee.code) - _available(after, detainee.code) == {("thu", "am")}
    solution = _solve(db)
    assert rostered(solution, trainee.code), "the trainee still works the rest of the week"
    assert not rostered(solution, trainee.code) & {("wed", "am"), ("wed", "pm")}
    assert ("thu", "am") not in rostered(solution, detainee.code)


def test_a_hand_placed_course_daypart_is_refused_by_the_checker(db):
    trainee = person(db, TRAINEE)
    enrolled(db, course(db, [(WEDNESDAY, "am")]), trainee)
    problem = scheduler.parse_problem(build_problem(db, WEEK))
    violations = scheduler.check(
        problem, [scheduler.Assignment(trainee.code, "packaging", "wed", "am")]
    )
    assert [v.rule for v in violations] == ["availability"]


def test_a_passed_course_gives_the_certificate_the_roster_uses(db):
    candidate = next(
        n.participant for n in needs(db, "vca", 8, dates.TODAY) if n.reason == "missing"
    )
    pinned = [
        {"participant": candidate.code, "department": "warehouse", "day": "fri", "daypart": "am"}
    ]
    available = _available(build_problem(db, WEEK), candidate.code)
    assert ("fri", "am") in available, "pick a candidate who works on Friday morning"
    refused = scheduler.solve(build_problem(db, WEEK, pinned=pinned), time_limit=2, workers=1)
    assert refused.status == "infeasible"

    vca = course(db, [(WEDNESDAY, "am")])
    enrolled(db, vca, candidate)
    enrolment = db.exec(select(Enrolment).where(Enrolment.participant_id == candidate.id)).one()
    certificate = record_result(db, enrolment, vca, "passed", WEDNESDAY)
    db.commit()
    assert certificate.kind == "vca" and certificate.obtained_on == WEDNESDAY
    assert certificate.expires_on.year == WEDNESDAY.year + 10

    # The roster reads a certificate valid on a week's Monday: a pass on Wednesday counts
    # from the next week on.
    problem = build_problem(db, shift(WEEK, 1), pinned=pinned)
    assert (
        "vca"
        in next(p for p in problem["participants"] if p["id"] == candidate.code)["certificates"]
    )
    solution = scheduler.solve(problem, time_limit=2, workers=1)
    assert solution.status in ("optimal", "feasible")
    assert ("fri", "am") in rostered(solution, candidate.code)
