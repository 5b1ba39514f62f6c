"""Training sessions: planning their dayparts, enrolling people, and recording results.

Every change writes its audit entry into the caller's session; the caller commits once.
"""

from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import func
from sqlmodel import Session, select

from app.audit import record
from app.models import Certificate, Participant
from app.roster.weeks import week_of
from app.training.models import Enrolment, TrainingDay, TrainingSession
from app.vocab import DAYPARTS, ROSTER_GROUP_OF

# Courses run on working days; a course over a weekend takes no roster daypart anyway.
WORKING_DAYS = range(5)
MAX_DAYPARTS = 120


class Refused(Exception):
    """An enrolment or result that cannot be: the message says why, in the user's language."""


def course_dayparts(
    first: date, last: date, parts: list[str], weekdays: list[int]
) -> list[tuple[date, str]]:
    """(date, daypart) for each chosen weekday (0 = Monday) between first and last."""
    chosen = [d for d in weekdays if d in WORKING_DAYS] or list(WORKING_DAYS)
    result = []
    day = first
    while day <= last:
        if day.weekday() in chosen:
            result.extend((day, part) for part in DAYPARTS if part in parts)
        day += timedelta(days=1)
    return result


def create_session(
    db: Session, course: TrainingSession, dayparts: list[tuple[date, str]], user_id: int | None
) -> TrainingSession:
    if not dayparts:
        raise Refused(_("Kies minstens één werkdag en dagdeel tussen de begin- en einddatum."))
    if len(dayparts) > MAX_DAYPARTS:
        raise Refused(_("Een training heeft hoogstens %(n)s dagdelen.", n=MAX_DAYPARTS))
    course.created_by = user_id
    db.add(course)
    db.flush()
    db.add_all(TrainingDay(session_id=course.id, day=day, daypart=part) for day, part in dayparts)
    record(db, "create", f"training {course.name}")
    return course


def days_of(db: Session, session_id: int) -> list[TrainingDay]:
    return list(
        db.exec(
            select(TrainingDay)
            .where(TrainingDay.session_id == session_id)
            .order_by(TrainingDay.day, TrainingDay.daypart)
        )
    )


def enrolments_of(db: Session, session_id: int) -> list[tuple[Enrolment, Participant]]:
    return list(
        db.exec(
            select(Enrolment, Participant)
            .join(Participant, Participant.id == Enrolment.participant_id)
            .where(Enrolment.session_id == session_id)
            .order_by(Participant.last_name, Participant.first_name)
        )
    )


def taken(db: Session, session_id: int) -> int:
    return db.exec(select(func.count()).where(Enrolment.session_id == session_id)).one()


def enrol(
    db: Session, course: TrainingSession, participant: Participant, user_id: int | None, today: date
) -> Enrolment:
    """Enrol one person, or refuse with the reason a coach can act on."""
    days = days_of(db, course.id)
    if not days or days[-1].day < today:
        raise Refused(_("%(course)s is al voorbij.", course=course.name))
    if not participant.active:
        raise Refused(_("%(name)s is niet meer actief.", name=participant.full_name))
    existing = db.exec(
        select(Enrolment).where(
            Enrolment.session_id == course.id, Enrolment.participant_id == participant.id
        )
    ).first()
    if existing is not None:
        raise Refused(_("%(name)s is al ingeschreven.", name=participant.full_name))
    if taken(db, course.id) >= course.capacity:
        raise Refused(
            _("%(course)s is vol (%(n)s plaatsen).", course=course.name, n=course.capacity)
        )
    if (
        course.outside
        and ROSTER_GROUP_OF[participant.target_group] == "detainee"
        and participant.clearance != "outside"
    ):
        raise Refused(
            _("%(name)s mag niet buiten de muren werken of leren.", name=participant.full_name)
        )
    enrolment = Enrolment(session_id=course.id, participant_id=participant.id, enrolled_by=user_id)
    db.add(enrolment)
    record(db, "update", f"ingeschreven voor {course.name}", participant.id)
    return enrolment


def withdraw(db: Session, enrolment: Enrolment, course: TrainingSession) -> None:
    """Take someone off a course; their dayparts go back to the roster."""
    if enrolment.status != "enrolled":
        raise Refused(_("Een uitslag is al vastgelegd; die blijft staan."))
    db.delete(enrolment)
    record(db, "update", f"uitgeschreven voor {course.name}", enrolment.participant_id)


def record_result(
    db: Session, enrolment: Enrolment, course: TrainingSession, status: str, day: date
) -> Certificate | None:
    """Passed, failed or did not show up. A pass records the certificate the course leads
    to, obtained on `day` and valid for the course's months; a planned certificate of that
    kind becomes the obtained one, so the file holds one row per certificate."""
    enrolment.status = status
    enrolment.result_on = day
    db.add(enrolment)
    record(db, "update", f"uitslag {course.name}: {status}", enrolment.participant_id)
    if status != "passed" or course.certificate is None:
        return None
    certificate = db.exec(
        select(Certificate).where(
            Certificate.participant_id == enrolment.participant_id,
            Certificate.kind == course.certificate,
            Certificate.status == "planned",
        )
    ).first() or Certificate(participant_id=enrolment.participant_id, kind=course.certificate)
    certificate.status = "obtained"
    certificate.obtained_on = day
    certificate.planned_on = None
    certificate.expires_on = add_months(day, course.valid_months) if course.valid_months else None
    certificate.detail = course.name[:100]
    db.add(certificate)
    db.flush()
    enrolment.certificate_id = certificate.id
    return certificate


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the 31st of a shorter month falls on its last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


@dataclass(frozen=True)
class CalendarEntry:
    course: TrainingSession
    first: date
    last: date
    dayparts: list[tuple[date, str]]
    taken: int


def calendar(db: Session, today: date, weeks: int) -> dict[str, list[CalendarEntry]]:
    """Sessions meeting from today on for `weeks` weeks, per ISO week of their first daypart
    in that window."""
    until = today + timedelta(weeks=weeks)
    days = db.exec(
        select(TrainingDay)
        .where(TrainingDay.day >= today, TrainingDay.day < until)
        .order_by(TrainingDay.day, TrainingDay.daypart)
    )
    per_session: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for row in days:
        per_session[row.session_id].append((row.day, row.daypart))
    counts = dict(
        db.exec(
            select(Enrolment.session_id, func.count())
            .where(Enrolment.session_id.in_(per_session))
            .group_by(Enrolment.session_id)
        ).all()
    )
    entries = sorted(
        (
            CalendarEntry(
                db.get(TrainingSession, sid), parts[0][0], parts[-1][0], parts, counts.get(sid, 0)
            )
            for sid, parts in per_session.items()
        ),
        key=lambda e: (e.first, e.course.name),
    )
    grouped: dict[str, list[CalendarEntry]] = defaultdict(list)
    for entry in entries:
        grouped[week_of(entry.first)].append(entry)
    return dict(grouped)


def sessions_of(
    db: Session, participant_id: int
) -> list[tuple[Enrolment, TrainingSession, date | None]]:
    """A person's courses with the first daypart of each, latest first."""
    rows = db.exec(
        select(Enrolment, TrainingSession, func.min(TrainingDay.day))
        .join(TrainingSession, TrainingSession.id == Enrolment.session_id)
        .join(TrainingDay, TrainingDay.session_id == TrainingSession.id, isouter=True)
        .where(Enrolment.participant_id == participant_id)
        .group_by(Enrolment.id, TrainingSession.id)
    )
    return sorted(rows, key=lambda r: r[2] or date.min, reverse=True)
