"""The caseload list and its filters: what a coach scans to see who needs attention."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import or_
from sqlmodel import Session, select

from app import clock
from app.coaching.access import caseload_ids
from app.models import Certificate, Department, Participant, SkillLevel

ENDING_WITHIN = timedelta(weeks=6)
CERTIFICATE_EXPIRES_WITHIN = timedelta(weeks=8)


@dataclass(frozen=True)
class CaseloadFilter:
    query: str = ""
    target_group: str = ""
    department: str = ""
    ending_soon: bool = False
    certificate_expiring: bool = False


@dataclass
class CaseloadRow:
    participant: Participant
    ending_soon: bool
    expiring: list[Certificate]


def caseload(
    db: Session, coach_id: int | None, wanted: CaseloadFilter, today: date | None = None
) -> list[CaseloadRow]:
    """Active participants matching the filter; a coach (coach_id set) gets only their own."""
    today = today or clock.today()
    query = select(Participant).where(Participant.active)
    if coach_id is not None:
        query = query.where(Participant.id.in_(caseload_ids(db, coach_id)))
    if wanted.query:
        pattern = f"%{wanted.query.strip()}%"
        query = query.where(
            or_(
                Participant.first_name.ilike(pattern),
                Participant.last_name.ilike(pattern),
                Participant.code.ilike(pattern),
                (Participant.first_name + " " + Participant.last_name).ilike(pattern),
            )
        )
    if wanted.target_group:
        query = query.where(Participant.target_group == wanted.target_group)
    if wanted.department:
        skilled = (
            select(SkillLevel.participant_id)
            .join(Department, Department.id == SkillLevel.department_id)
            .where(Department.code == wanted.department, SkillLevel.level > 0)
        )
        query = query.where(Participant.id.in_(skilled))
    if wanted.ending_soon:
        query = query.where(
            Participant.expected_end_date >= today,
            Participant.expected_end_date <= today + ENDING_WITHIN,
        )
    if wanted.certificate_expiring:
        expiring_ids = select(Certificate.participant_id).where(*_expiring(today))
        query = query.where(Participant.id.in_(expiring_ids))
    participants = db.exec(query.order_by(Participant.last_name, Participant.first_name)).all()
    expiring = _expiring_by_participant(db, [p.id for p in participants], today)
    return [
        CaseloadRow(
            participant=p,
            ending_soon=bool(
                p.expected_end_date and today <= p.expected_end_date <= today + ENDING_WITHIN
            ),
            expiring=expiring.get(p.id, []),
        )
        for p in participants
    ]


def _expiring(today: date) -> tuple:
    return (
        Certificate.status == "obtained",
        Certificate.expires_on >= today,
        Certificate.expires_on <= today + CERTIFICATE_EXPIRES_WITHIN,
    )


def _expiring_by_participant(
    db: Session, participant_ids: list[int], today: date
) -> dict[int, list[Certificate]]:
    found: dict[int, list[Certificate]] = {}
    rows = db.exec(
        select(Certificate)
        .where(*_expiring(today), Certificate.participant_id.in_(participant_ids))
        .order_by(Certificate.expires_on)
    )
    for certificate in rows:
        found.setdefault(certificate.participant_id, []).append(certificate)
    return found


def certificate_is_expiring(certificate: Certificate, today: date | None = None) -> bool:
    today = today or clock.today()
    return (
        certificate.status == "obtained"
        and certificate.expires_on is not None
        and today <= certificate.expires_on <= today + CERTIFICATE_EXPIRES_WITHIN
    )
