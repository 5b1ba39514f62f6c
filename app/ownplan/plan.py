"""Reading and changing a participant's own plan; the caller commits once."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from app.audit import record
from app.coaching.attendance import rostered_this_week
from app.models import Participant
from app.ownplan.models import Inburgering, PlanDiscussion, PlanGoal
from app.training.models import Enrolment, TrainingDay, TrainingSession


@dataclass
class OwnPlan:
    goals: list[PlanGoal]
    discussions: list[PlanDiscussion]
    inburgering: Inburgering | None
    # (course name, first day) of courses still to come
    courses: list[tuple[str, date]]
    this_week: list[tuple[str, str, str]]
    next_week: list[tuple[str, str, str]]


def load_plan(db: Session, participant: Participant, today: date) -> OwnPlan:
    pid = participant.id
    return OwnPlan(
        goals=list(
            db.exec(
                select(PlanGoal)
                .where(PlanGoal.participant_id == pid)
                .order_by(PlanGoal.agreed_on, PlanGoal.id)
            )
        ),
        discussions=list(
            db.exec(
                select(PlanDiscussion)
                .where(PlanDiscussion.participant_id == pid)
                .order_by(PlanDiscussion.day.desc(), PlanDiscussion.id.desc())
            )
        ),
        inburgering=inburgering_of(db, pid),
        courses=planned_courses(db, pid, today),
        this_week=rostered_this_week(db, pid, today),
        next_week=rostered_this_week(db, pid, today + timedelta(days=7)),
    )


def inburgering_of(db: Session, participant_id: int) -> Inburgering | None:
    return db.exec(select(Inburgering).where(Inburgering.participant_id == participant_id)).first()


def planned_courses(db: Session, participant_id: int, today: date) -> list[tuple[str, date]]:
    """Courses the person is enrolled in that still meet from today on, by first day."""
    rows = db.exec(
        select(TrainingSession.name, TrainingDay.day)
        .join(Enrolment, Enrolment.session_id == TrainingSession.id)
        .join(TrainingDay, TrainingDay.session_id == TrainingSession.id)
        .where(
            Enrolment.participant_id == participant_id,
            Enrolment.status == "enrolled",
            TrainingDay.day >= today,
        )
        .order_by(TrainingDay.day)
    )
    first: dict[str, date] = {}
    for name, day in rows:
        first.setdefault(name, day)
    return list(first.items())


def add_goal(db: Session, goal: PlanGoal) -> None:
    db.add(goal)
    record(db, "create", "eigen doel", goal.participant_id)


def mark_reached(db: Session, goal: PlanGoal, day: date) -> None:
    goal.reached_on = day
    db.add(goal)
    record(db, "update", "eigen doel gehaald", goal.participant_id)


def record_discussion(db: Session, discussion: PlanDiscussion) -> None:
    db.add(discussion)
    record(db, "create", "plan besproken", discussion.participant_id)


def set_inburgering(
    db: Session, participant_id: int, route: str | None, deadline: date | None
) -> None:
    """Set the route and deadline; no route removes the row."""
    row = inburgering_of(db, participant_id)
    if route is None:
        if row is not None:
            db.delete(row)
    else:
        row = row or Inburgering(participant_id=participant_id, route=route)
        row.route, row.deadline = route, deadline
        db.add(row)
    record(db, "update", "inburgering", participant_id)
