"""Language levels for the roster: a department's minimum and a person's level, as the
certificates of the roster contract.

The contract has one rule for certificates: everyone in a department holds every
certificate it requires. A minimum level rides on it: a department asking for B1 requires
`language_B1`, and a person at level B2 holds `language_A1` up to `language_B2` (those
that some department asks for), so "at least B1" is "holds language_B1". The Dutch
F-levels map onto the European ones as the Dutch framework places them: 1F = A2, 2F = B1,
3F = B2, 4F = C1.

A person's level is their latest language meter result on or before the week's Monday,
else the level written at intake (which has no date).
"""

from collections import defaultdict
from datetime import date

from sqlmodel import Session, select

from app.training.models import CEFR_LEVELS, AssessmentResult, DepartmentLanguage

F_LEVELS = {"1F": "A2", "2F": "B1", "3F": "B2", "4F": "C1"}


def cefr(level: str | None) -> str | None:
    return F_LEVELS.get(level, level) if level else None


def certificate_name(level: str) -> str:
    return f"language_{level}"


def held(level: str | None) -> set[str]:
    """The language certificates a person at `level` holds: theirs and every one below."""
    level = cefr(level)
    if level not in CEFR_LEVELS:
        return set()
    return {certificate_name(lower) for lower in CEFR_LEVELS[: CEFR_LEVELS.index(level) + 1]}


def levels_on(db: Session, ids: list[int], day: date) -> dict[int, str]:
    """Each person's language level on `day` (CEFR), where one is known."""
    # Here, not at the top: the coaching package's import reaches the roster problem,
    # which imports this module.
    from app.coaching.models import Intake

    levels = {
        pid: cefr(level)
        for pid, level in db.exec(
            select(Intake.participant_id, Intake.language_level).where(
                Intake.participant_id.in_(ids), Intake.language_level.is_not(None)
            )
        )
    }
    measured = db.exec(
        select(AssessmentResult.participant_id, AssessmentResult.level)
        .where(
            AssessmentResult.participant_id.in_(ids),
            AssessmentResult.kind == "language_meter",
            AssessmentResult.day <= day,
        )
        .order_by(AssessmentResult.day, AssessmentResult.id)
    )
    for pid, level in measured:
        levels[pid] = cefr(level)
    return levels


def language_certificates(db: Session, ids: list[int], day: date) -> dict[int, set[str]]:
    """Per person, the `language_<level>` certificates the roster problem gives them: only
    levels some department asks for, so a week without language rules reads as before."""
    asked = set(language_requirements(db).values())
    certificates: dict[int, set[str]] = defaultdict(set)
    if not asked:
        return certificates
    for pid, level in levels_on(db, ids, day).items():
        certificates[pid] = held(level) & asked
    return certificates


def language_requirements(db: Session) -> dict[int, str]:
    """Per department id, the `language_<level>` certificate its minimum level requires."""
    return {
        row.department_id: certificate_name(row.min_level)
        for row in db.exec(select(DepartmentLanguage))
    }
