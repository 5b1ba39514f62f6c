"""Departments kept in the app are what the roster problem is built from."""

from sqlmodel import select

from app.models import Department
from app.roster.models import CertificateCover
from app.roster.problem import build_problem
from tests import dates
from tests.conftest import COACH, MANAGER

WEEK = dates.WEEK
FIELDS = {
    "name": "Groen",
    "code": "groen2",
    "outside": "y",
    "staffing_min": "1",
    "staffing_max": "4",
    "max_detainees": "1",
    "requires": ["vca"],
    "mix_detainee": "0",
    "mix_participatiewet": "50",
    "mix_status_holder": "25",
    "mix_sw": "0",
    "mix_other": "0",
    **{f"cover_{kind}": "0" for kind in ("vca", "bhv", "code95", "language")},
    "cover_forklift": "1",
}


def _department(db, code: str) -> dict:
    db.expire_all()
    return next(d for d in build_problem(db, WEEK)["departments"] if d["id"] == code)


def test_a_manager_creates_a_department_the_roster_plans_with(client, auth, db):
    auth.login(MANAGER)
    assert client.post("/beheer/afdelingen/nieuw", data=FIELDS).status_code == 302
    planned = _department(db, "groen2")
    assert planned["outside"] is True
    assert planned["requires"] == ["vca"]
    assert planned["staffing"] == {"min": 1, "max": 4}
    assert planned["max_detainees"] == 1
    assert planned["mix"] == {"participatiewet": 0.5, "status_holder": 0.25}
    row = db.exec(select(Department).where(Department.code == "groen2")).one()
    cover = db.exec(select(CertificateCover).where(CertificateCover.department_id == row.id)).all()
    assert [(c.kind, c.minimum) for c in cover] == [("forklift", 1)]


def test_a_daypart_override_and_its_removal(client, auth, db):
    auth.login(MANAGER)
    client.post("/beheer/afdelingen/nieuw", data=FIELDS)
    row = db.exec(select(Department).where(Department.code == "groen2")).one()
    override = {
        "override-day": "fri",
        "override-daypart": "pm",
        "override-staffing_min": "0",
        "override-staffing_max": "0",
    }
    assert client.post(f"/beheer/afdelingen/{row.id}/afwijking", data=override).status_code == 302
    assert _department(db, "groen2")["overrides"] == [
        {"day": "fri", "daypart": "pm", "min": 0, "max": 0}
    ]
    page = client.get(f"/beheer/afdelingen/{row.id}").get_data(as_text=True)
    assert "vrijdag" in page


def test_refusals_keep_what_was_typed(client, auth):
    auth.login(MANAGER)
    wrong = {**FIELDS, "staffing_min": "5", "staffing_max": "2", "mix_sw": "60"}
    response = client.post("/beheer/afdelingen/nieuw", data=wrong)
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Het maximum is lager dan het minimum." in page
    assert "De doelmix telt op tot meer dan 100%." in page
    assert 'value="Groen"' in page and 'value="groen2"' in page
    duplicate = client.post("/beheer/afdelingen/nieuw", data={**FIELDS, "code": "packaging"})
    assert "Er is al een afdeling met deze code." in duplicate.get_data(as_text=True)


def test_archiving_keeps_the_department_and_hides_it_from_choices(client, auth, db):
    auth.login(MANAGER)
    row = db.exec(select(Department).where(Department.code == "reception")).one()
    assert client.post(f"/beheer/afdelingen/{row.id}/archiveren").status_code == 302
    db.expire_all()
    assert db.get(Department, row.id).archived
    assert "Archiveren" in client.get("/beheer/afdelingen").get_data(as_text=True)
    page = client.get("/deelnemers/").get_data(as_text=True)
    assert f'value="{row.code}"' not in page
    assert "reception" not in {d["id"] for d in build_problem(db, dates.WEEK)["departments"]}
    client.post(f"/beheer/afdelingen/{row.id}/terugzetten")
    db.expire_all()
    assert not db.get(Department, row.id).archived
    assert "reception" in {d["id"] for d in build_problem(db, dates.WEEK)["departments"]}


def test_a_coach_cannot_change_departments(client, auth):
    auth.login(COACH)
    assert client.post("/beheer/afdelingen/nieuw", data=FIELDS).status_code == 403
