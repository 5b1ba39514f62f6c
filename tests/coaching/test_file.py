"""The participant file edits the core rows the roster is built from, not copies of them."""

from datetime import date

from sqlmodel import select

from app.coaching.models import Intake, LadderStep
from app.models import (
    Absence,
    Availability,
    Certificate,
    Department,
    DepartmentWish,
    Participant,
    SkillLevel,
)
from app.roster.problem import build_problem
from tests.coaching.conftest import rostered_participant
from tests.conftest import COACH, MANAGER


def _skills_form(db, participant_id: int, **override: int) -> dict[str, str]:
    levels = {
        s.department_id: s.level
        for s in db.exec(select(SkillLevel).where(SkillLevel.participant_id == participant_id))
    }
    form = {}
    for department in db.exec(select(Department)):
        level = override.get(department.code, levels.get(department.id, 0))
        form[f"skill-{department.id}"] = str(level)
    return form


def _level(db, participant_id: int, code: str) -> int | None:
    db.expire_all()
    department = db.exec(select(Department).where(Department.code == code)).one()
    row = db.exec(
        select(SkillLevel).where(
            SkillLevel.participant_id == participant_id,
            SkillLevel.department_id == department.id,
        )
    ).first()
    return row.level if row else None


def test_raised_skill_changes_the_skill_level_row_and_the_roster_problem(client, auth, db):
    participant, week = rostered_participant(db)
    before = _level(db, participant.id, "green") or 0
    raised = 3 if before < 3 else 2
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{participant.id}/vaardigheden",
        data=_skills_form(db, participant.id, green=raised),
    )
    assert response.status_code == 302
    assert _level(db, participant.id, "green") == raised
    rows = db.exec(select(SkillLevel).where(SkillLevel.participant_id == participant.id)).all()
    assert len(rows) == len({r.department_id for r in rows})  # edited, not duplicated
    problem = build_problem(db, week)
    entry = next(p for p in problem["participants"] if p["id"] == participant.code)
    assert entry["skills"]["green"] == raised


def test_invalid_skill_level_is_refused_and_nothing_changes(client, auth, db, own_id):
    before = _level(db, own_id, "shop")
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/vaardigheden", data=_skills_form(db, own_id, shop=7))
    assert _level(db, own_id, "shop") == before


def test_availability_grid_replaces_the_pattern(client, auth, db, own_id):
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/beschikbaarheid", data={"slot": ["mon-am", "fri-pm"]})
    db.expire_all()
    slots = {
        (a.day, a.daypart)
        for a in db.exec(select(Availability).where(Availability.participant_id == own_id))
    }
    assert slots == {("mon", "am"), ("fri", "pm")}
    assert (
        client.post(f"/deelnemers/{own_id}/beschikbaarheid", data={"slot": "sun-am"}).status_code
        == 400
    )


def test_learning_goals_are_department_wishes_the_solver_reads(client, auth, db, own_id):
    departments = db.exec(select(Department).order_by(Department.id)).all()
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/leerdoelen", data={"learning": [str(departments[1].id)]})
    db.expire_all()
    wishes = db.exec(
        select(DepartmentWish).where(
            DepartmentWish.participant_id == own_id, DepartmentWish.kind == "learning"
        )
    ).all()
    assert [w.department_id for w in wishes] == [departments[1].id]


def test_certificate_is_added_and_removed(client, auth, db, own_id):
    auth.login(COACH)
    client.post(
        f"/deelnemers/{own_id}/certificaten",
        data={
            "cert-kind": "forklift",
            "cert-status": "obtained",
            "cert-obtained_on": "2026-01-10",
            "cert-expires_on": "2026-12-20",
        },
    )
    db.expire_all()
    added = db.exec(
        select(Certificate).where(
            Certificate.participant_id == own_id,
            Certificate.kind == "forklift",
            Certificate.expires_on == date(2026, 12, 20),
        )
    ).all()
    assert len(added) == 1
    certificate_id = added[0].id
    client.post(f"/deelnemers/{own_id}/certificaat/{certificate_id}/verwijderen")
    db.expunge_all()
    assert db.get(Certificate, certificate_id) is None


def test_certificate_expiring_before_obtained_is_refused_with_a_message(client, auth, db, own_id):
    count = len(db.exec(select(Certificate).where(Certificate.participant_id == own_id)).all())
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/certificaten",
        data={
            "cert-kind": "vca",
            "cert-status": "obtained",
            "cert-obtained_on": "2026-05-01",
            "cert-expires_on": "2026-01-01",
        },
    )
    assert response.status_code == 400
    assert "De vervaldatum moet na de behaaldatum liggen." in response.get_data(as_text=True)
    db.expire_all()
    assert (
        len(db.exec(select(Certificate).where(Certificate.participant_id == own_id)).all()) == count
    )


def test_removing_another_participants_row_is_404(client, auth, db, own_id, foreign_id):
    foreign = db.exec(select(Certificate).where(Certificate.participant_id == foreign_id)).first()
    if foreign is None:
        foreign = Certificate(participant_id=foreign_id, kind="vca")
        db.add(foreign)
        db.commit()
    auth.login(COACH)
    response = client.post(f"/deelnemers/{own_id}/certificaat/{foreign.id}/verwijderen")
    assert response.status_code == 404
    db.expire_all()
    assert db.get(Certificate, foreign.id) is not None


def test_absence_is_recorded_for_the_roster(client, auth, db, own_id):
    auth.login(COACH)
    client.post(
        f"/deelnemers/{own_id}/afwezigheid",
        data={
            "absence-start_date": "2026-12-01",
            "absence-end_date": "2026-12-02",
            "absence-daypart": "am",
            "absence-kind": "appointment",
        },
    )
    db.expire_all()
    absence = db.exec(
        select(Absence).where(
            Absence.participant_id == own_id, Absence.start_date == date(2026, 12, 1)
        )
    ).one()
    assert (absence.daypart, absence.kind) == ("am", "appointment")


def test_intake_saves_core_dates_and_intake_fields(client, auth, db, own_id):
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/intake",
        data={
            "intake-referrer_organisation": "Gemeente Utrecht",
            "intake-referrer_contact": "J. de Vries",
            "intake-start_date": "2026-02-01",
            "intake-expected_end_date": "2027-02-01",
            "intake-trajectory_goal": "education",
            "intake-language_level": "2F",
            "intake-own_goals": "Ik wil heftruckchauffeur worden.",
        },
    )
    assert response.status_code == 302
    db.expire_all()
    participant = db.get(Participant, own_id)
    intake = db.exec(select(Intake).where(Intake.participant_id == own_id)).one()
    assert participant.referrer_organisation == "Gemeente Utrecht"
    assert participant.expected_end_date == date(2027, 2, 1)
    assert (intake.trajectory_goal, intake.language_level) == ("education", "2F")


def test_intake_with_end_before_start_keeps_the_input_and_saves_nothing(client, auth, db, own_id):
    before = db.get(Participant, own_id).start_date
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/intake",
        data={
            "intake-start_date": "2026-06-01",
            "intake-expected_end_date": "2026-01-01",
            "intake-drives": "Wil graag buiten werken",
        },
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "De einddatum ligt vóór de startdatum." in html
    assert "Wil graag buiten werken" in html
    db.expire_all()
    assert db.get(Participant, own_id).start_date == before


def test_ladder_steps_are_kept_as_history(client, auth, db, own_id):
    auth.login(MANAGER)
    for step, day in (("2", "2026-03-01"), ("4", "2026-09-01")):
        client.post(f"/deelnemers/{own_id}/ladder", data={"ladder-step": step, "ladder-day": day})
    db.expire_all()
    steps = db.exec(
        select(LadderStep).where(LadderStep.participant_id == own_id).order_by(LadderStep.day)
    ).all()
    assert [s.step for s in steps] == [2, 4]
    html = client.get(f"/deelnemers/{own_id}").get_data(as_text=True)
    assert "Nu op trede 4" in html


def test_portfolio_steps_are_recorded_with_who_confirmed(client, auth, db, own_id):
    from app.coaching.models import PortfolioStep

    auth.login(COACH)
    missing = client.post(
        f"/deelnemers/{own_id}/portfolio",
        data={"portfolio-description": "Zelfstandig orderpicken", "portfolio-day": "2026-10-01"},
    )
    assert missing.status_code == 400
    assert "Vul in wie dit heeft bevestigd." in missing.get_data(as_text=True)
    client.post(
        f"/deelnemers/{own_id}/portfolio",
        data={
            "portfolio-description": "Zelfstandig orderpicken",
            "portfolio-day": "2026-10-01",
            "portfolio-confirmed_by": "Henk (werkmeester magazijn)",
        },
    )
    step = db.exec(select(PortfolioStep).where(PortfolioStep.participant_id == own_id)).one()
    assert (step.day, step.confirmed_by) == (date(2026, 10, 1), "Henk (werkmeester magazijn)")
    plan = client.get(f"/deelnemers/{own_id}/mijn-plan").get_data(as_text=True)
    assert "Zelfstandig orderpicken" in plan
