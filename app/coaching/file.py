"""The participant file: reading it whole, and the changes a coach makes to it.

Every change writes its audit entry into the same session; the caller commits once, so a
change and its log entry land together or not at all.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import Intake, LadderStep, PortfolioStep, SensitiveInfo
from app.models import (
    Absence,
    Availability,
    Certificate,
    Department,
    DepartmentWish,
    Participant,
    SkillLevel,
)
from app.vocab import DAYPARTS, DAYS


@dataclass
class ParticipantFile:
    participant: Participant
    intake: Intake
    ladder: list[LadderStep]
    departments: list[Department]
    skills: dict[int, int]
    certificates: list[Certificate]
    availability: set[tuple[str, str]]
    absences: list[Absence]
    learning: set[int]
    portfolio: list[PortfolioStep]


def departments(db: Session) -> list[Department]:
    """The departments in use; archived ones are kept for history but not offered."""
    query = select(Department).where(Department.archived.is_(False))
    return list(db.exec(query.order_by(Department.sort_order, Department.name)))


def intake_of(db: Session, participant_id: int) -> Intake:
    found = db.exec(select(Intake).where(Intake.participant_id == participant_id)).first()
    return found or Intake(participant_id=participant_id)


def sensitive_of(db: Session, participant_id: int) -> SensitiveInfo:
    found = db.exec(
        select(SensitiveInfo).where(SensitiveInfo.participant_id == participant_id)
    ).first()
    return found or SensitiveInfo(participant_id=participant_id)


def load_file(db: Session, participant: Participant) -> ParticipantFile:
    pid = participant.id
    return ParticipantFile(
        participant=participant,
        intake=intake_of(db, pid),
        ladder=list(
            db.exec(
                select(LadderStep)
                .where(LadderStep.participant_id == pid)
                .order_by(LadderStep.day, LadderStep.id)
            )
        ),
        departments=departments(db),
        skills={
            s.department_id: s.level
            for s in db.exec(select(SkillLevel).where(SkillLevel.participant_id == pid))
        },
        certificates=list(
            db.exec(
                select(Certificate)
                .where(Certificate.participant_id == pid)
                .order_by(Certificate.kind, Certificate.id)
            )
        ),
        availability={
            (a.day, a.daypart)
            for a in db.exec(select(Availability).where(Availability.participant_id == pid))
        },
        absences=list(
            db.exec(
                select(Absence)
                .where(Absence.participant_id == pid)
                .order_by(Absence.start_date.desc())
            )
        ),
        learning=set(
            db.exec(
                select(DepartmentWish.department_id).where(
                    DepartmentWish.participant_id == pid, DepartmentWish.kind == "learning"
                )
            )
        ),
        portfolio=list(
            db.exec(
                select(PortfolioStep)
                .where(PortfolioStep.participant_id == pid)
                .order_by(PortfolioStep.day, PortfolioStep.id)
            )
        ),
    )


def set_skills(db: Session, participant: Participant, levels: dict[int, int]) -> list[str]:
    """Write the SkillLevel rows the roster reads; returns what changed, for the message."""
    current = {
        s.department_id: s
        for s in db.exec(select(SkillLevel).where(SkillLevel.participant_id == participant.id))
    }
    names = {d.id: d.name for d in departments(db)}
    changed = []
    for department_id, level in levels.items():
        row = current.get(department_id)
        old = row.level if row else 0
        if old == level:
            continue
        if row is None:
            row = SkillLevel(participant_id=participant.id, department_id=department_id)
        row.level = level
        db.add(row)
        changed.append(f"{names[department_id]} {old}→{level}")
    if changed:
        record(db, "update", "vaardigheden: " + ", ".join(changed), participant.id)
    return changed


def set_availability(db: Session, participant: Participant, slots: set[tuple[str, str]]) -> None:
    rows = db.exec(select(Availability).where(Availability.participant_id == participant.id))
    existing = {(a.day, a.daypart): a for a in rows}
    for slot, row in existing.items():
        if slot not in slots:
            db.delete(row)
    for day, daypart in slots - existing.keys():
        db.add(Availability(participant_id=participant.id, day=day, daypart=daypart))
    pattern = " ".join(f"{d}-{p}" for d in DAYS for p in DAYPARTS if (d, p) in slots)
    record(db, "update", f"beschikbaarheid: {pattern or '-'}", participant.id)


def set_learning_goals(db: Session, participant: Participant, department_ids: set[int]) -> None:
    """Learning goals are DepartmentWish rows of kind 'learning': the solver reads them."""
    rows = db.exec(
        select(DepartmentWish).where(
            DepartmentWish.participant_id == participant.id, DepartmentWish.kind == "learning"
        )
    )
    existing = {w.department_id: w for w in rows}
    for department_id, row in existing.items():
        if department_id not in department_ids:
            db.delete(row)
    for department_id in department_ids - existing.keys():
        db.add(
            DepartmentWish(
                participant_id=participant.id, department_id=department_id, kind="learning"
            )
        )
    names = {d.id: d.name for d in departments(db)}
    goals = ", ".join(sorted(names[i] for i in department_ids)) or "-"
    record(db, "update", f"leerdoelen: {goals}", participant.id)


def add_ladder_step(db: Session, participant: Participant, step: int, day: date, note: str):
    db.add(LadderStep(participant_id=participant.id, step=step, day=day, note=note))
    record(db, "create", f"participatieladder trede {step} op {day.isoformat()}", participant.id)


def current_ladder_step(ladder: list[LadderStep]) -> LadderStep | None:
    return ladder[-1] if ladder else None
