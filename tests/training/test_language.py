"""Language and test results over time, and a department's minimum language level as the
roster's `language_<level>` certificate."""

from datetime import timedelta

from sqlmodel import select

import scheduler
from app.coaching.vocab import LANGUAGE_LEVELS
from app.models import Department
from app.roster.problem import build_problem
from app.training.language import held
from app.training.models import RESULT_LEVELS, AssessmentResult, DepartmentLanguage
from tests import dates
from tests.roster.conftest import WEEK
from tests.training.helpers import person

BEFORE_MONDAY = dates.MONDAY - timedelta(days=3)


def test_result_levels_are_the_intake_levels():
    assert set(RESULT_LEVELS) == set(LANGUAGE_LEVELS)


def test_a_level_holds_itself_and_every_level_below_and_f_levels_map():
    assert held("B1") == {"language_A1", "language_A2", "language_B1"}
    assert held("2F") == held("B1") and held("4F") == held("C1")
    assert held(None) == set()


def _participant(problem: dict, code: str) -> dict:
    return next(p for p in problem["participants"] if p["id"] == code)


def _pinned_in_packaging(db, code: str) -> scheduler.Solution:
    day, part = next(
        tuple(slot) for slot in _participant(build_problem(db, WEEK), code)["available"]
    )
    pinned = [{"participant": code, "department": "packaging", "day": day, "daypart": part}]
    return scheduler.solve(build_problem(db, WEEK, pinned=pinned), time_limit=2, workers=1)


def test_a_minimum_level_is_required_from_the_latest_language_meter(db):
    packaging = db.exec(select(Department).where(Department.code == "packaging")).one()
    learner = person(db, "p064")
    db.add(DepartmentLanguage(department_id=packaging.id, min_level="B1"))
    db.add(
        AssessmentResult(
            participant_id=learner.id, kind="language_meter", day=BEFORE_MONDAY, level="A2"
        )
    )
    db.commit()
    problem = build_problem(db, WEEK)
    packaging_row = next(d for d in problem["departments"] if d["id"] == "packaging")
    assert "language_B1" in packaging_row["requires"]
    assert "language_B1" not in _participant(problem, learner.code)["certificates"]
    assert _pinned_in_packaging(db, learner.code).status == "infeasible"

    db.add(
        AssessmentResult(
            participant_id=learner.id, kind="language_meter", day=BEFORE_MONDAY, level="2F"
        )
    )
    db.commit()
    certificates = _participant(build_problem(db, WEEK), learner.code)["certificates"]
    assert "language_B1" in certificates
    assert not any(c.startswith("language_A") for c in certificates), "only levels asked for"
    assert _pinned_in_packaging(db, learner.code).status in ("optimal", "feasible")


def test_a_result_after_the_monday_counts_from_the_next_week(db):
    packaging = db.exec(select(Department).where(Department.code == "packaging")).one()
    learner = person(db, "p064")
    db.add(DepartmentLanguage(department_id=packaging.id, min_level="C2"))
    db.add(
        AssessmentResult(
            participant_id=learner.id, kind="language_meter", day=dates.TODAY, level="C2"
        )
    )
    db.commit()
    assert "language_C2" not in _participant(build_problem(db, WEEK), learner.code)["certificates"]


def test_results_are_recorded_with_their_history_and_shown_in_the_report(client, db, manager):
    learner = person(db, "p064")
    url = f"/trainingen/deelnemer/{learner.id}/resultaat"
    response = client.post(url, data={"kind": "language_meter", "day": dates.TODAY.isoformat()})
    assert response.status_code == 400
    assert "Kies het gemeten taalniveau." in response.get_data(as_text=True)
    for day, level in ((dates.TODAY - timedelta(days=90), "A1"), (dates.TODAY, "A2")):
        client.post(url, data={"kind": "language_meter", "day": day.isoformat(), "level": level})
    client.post(
        url,
        data={
            "kind": "career_test",
            "day": dates.TODAY.isoformat(),
            "score": "72",
            "outcome": "Logistiek of groen",
        },
    )
    page = client.get(f"/trainingen/deelnemer/{learner.id}").get_data(as_text=True)
    assert page.count('id="taal-title"') == 1
    chart = page[page.find("<figure") : page.find("</figure>")]
    assert "Taalniveau door de tijd" in chart and chart.count('class="marker"') == 2
    assert "beroepskeuzetest" in page and "Logistiek of groen" in page
    start = (dates.TODAY - timedelta(days=120)).isoformat()
    report = client.get(
        f"/deelnemers/{learner.id}/rapport?start={start}&end={dates.TODAY.isoformat()}"
    ).get_data(as_text=True)
    assert "Taal en testen" in report and "Logistiek of groen" in report
    response = client.post(url, data={"kind": "competence_test", "day": "x", "score": "101"})
    assert response.status_code == 400
    assert len(db.exec(select(AssessmentResult)).all()) == 3


def test_a_manager_sets_a_minimum_level_per_department(client, db, manager):
    packaging = db.exec(select(Department).where(Department.code == "packaging")).one()
    response = client.post(
        "/trainingen/taaleisen", data={f"afdeling-{packaging.id}": "B1"}, follow_redirects=True
    )
    assert "Taaleisen opgeslagen" in response.get_data(as_text=True)
    assert db.exec(select(DepartmentLanguage)).one().min_level == "B1"
    client.post("/trainingen/taaleisen", data={f"afdeling-{packaging.id}": ""})
    db.expire_all()
    assert db.exec(select(DepartmentLanguage)).first() is None
