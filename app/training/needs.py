"""Who needs a certificate: the list a coach enrols from in bulk.

Someone needs certificate K when a department that requires K is one they work in (skill
above 0) or are headed for (a wish or learning goal), or the coach already put K on their
file as planned, and they hold no valid K today; or when their K runs out within the
weeks asked for. People already enrolled in a coming session for K are left out: they
are taken care of.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from app.coaching.access import caseload_ids
from app.models import (
    Certificate,
    DepartmentCertificate,
    DepartmentWish,
    Participant,
    SkillLevel,
)
from app.training.models import Enrolment, TrainingDay, TrainingSession


@dataclass(frozen=True)
class Need:
    participant: Participant
    # "missing" or "expiring"
    reason: str
    expires_on: date | None


def needs(
    db: Session, kind: str, weeks: int, today: date, coach_id: int | None = None
) -> list[Need]:
    """People needing certificate `kind`; a coach (coach_id set) sees only their own."""
    people = db.exec(
        select(Participant)
        .where(Participant.active)
        .order_by(Participant.last_name, Participant.first_name)
    ).all()
    if coach_id is not None:
        own = caseload_ids(db, coach_id)
        people = [p for p in people if p.id in own]
    held = _valid_until(db, kind, today)
    headed = _headed_for(db, kind)
    covered = _enrolled_ahead(db, kind, today)
    horizon = today + timedelta(weeks=weeks)
    result = []
    for person in people:
        if person.id in covered:
            continue
        if person.id not in held:
            if person.id in headed:
                result.append(Need(person, "missing", None))
        elif held[person.id] is not None and held[person.id] <= horizon:
            result.append(Need(person, "expiring", held[person.id]))
    return result


def _valid_until(db: Session, kind: str, today: date) -> dict[int, date | None]:
    """Holders of a valid `kind` today and the latest expiry (None: never expires)."""
    held: dict[int, date | None] = {}
    for certificate in db.exec(select(Certificate).where(Certificate.kind == kind)):
        if not certificate.valid_on(today):
            continue
        pid, until = certificate.participant_id, certificate.expires_on
        if pid not in held or until is None or (held[pid] is not None and until > held[pid]):
            held[pid] = until
    return held


def _headed_for(db: Session, kind: str) -> set[int]:
    departments = select(DepartmentCertificate.department_id).where(
        DepartmentCertificate.kind == kind
    )
    skilled = db.exec(
        select(SkillLevel.participant_id).where(
            SkillLevel.department_id.in_(departments), SkillLevel.level > 0
        )
    ).all()
    wished = db.exec(
        select(DepartmentWish.participant_id).where(DepartmentWish.department_id.in_(departments))
    ).all()
    planned = db.exec(
        select(Certificate.participant_id).where(
            Certificate.kind == kind, Certificate.status == "planned"
        )
    ).all()
    return set(skilled) | set(wished) | set(planned)


def _enrolled_ahead(db: Session, kind: str, today: date) -> set[int]:
    coming = select(TrainingDay.session_id).where(TrainingDay.day >= today)
    return set(
        db.exec(
            select(Enrolment.participant_id)
            .join(TrainingSession, TrainingSession.id == Enrolment.session_id)
            .where(
                TrainingSession.certificate == kind,
                TrainingSession.id.in_(coming),
                Enrolment.status == "enrolled",
            )
        ).all()
    )
