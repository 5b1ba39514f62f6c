"""Closures on dates (a holiday, a machine down): the roster plans nobody there."""

from datetime import timedelta

from sqlmodel import select

from app.audit import AuditEntry
from app.models import Department, DepartmentClosure
from app.roster.problem import build_problem
from tests import dates
from tests.conftest import COACH, MANAGER

THURSDAY = dates.MONDAY + timedelta(days=3)  # the run is frozen on the Wednesday
FRIDAY = dates.MONDAY + timedelta(days=4)


def _closure(day, daypart="", reason="Machine defect") -> dict:
    return {"closure-day": day.isoformat(), "closure-daypart": daypart, "closure-reason": reason}


def _overrides(db) -> dict[str, list[dict]]:
    db.expire_all()
    return {d["id"]: d["overrides"] for d in build_problem(db, dates.WEEK)["departments"]}


def _packaging(db) -> Department:
    return db.exec(select(Department).where(Department.code == "packaging")).one()


def test_a_department_closure_closes_its_dayparts_in_the_roster(client, auth, db):
    auth.login(MANAGER)
    row = _packaging(db)
    url = f"/beheer/afdelingen/{row.id}/gesloten"
    assert client.post(url, data=_closure(THURSDAY, "pm")).status_code == 302
    overrides = _overrides(db)
    assert {"day": "thu", "daypart": "pm", "min": 0, "max": 0} in overrides["packaging"]
    assert {"day": "thu", "daypart": "am", "min": 0, "max": 0} not in overrides["packaging"]
    assert not any(o["day"] == "thu" for o in overrides["reception"])
    page = client.get(f"/beheer/afdelingen/{row.id}").get_data(as_text=True)
    assert "Machine defect" in page and THURSDAY.strftime("%d-%m-%Y") in page
    assert db.exec(select(AuditEntry).where(AuditEntry.what.contains("gesloten"))).first()


def test_a_site_closure_closes_every_department_and_can_be_removed(client, auth, db):
    auth.login(MANAGER)
    response = client.post("/beheer/afdelingen/gesloten", data=_closure(FRIDAY, reason="Feestdag"))
    assert response.status_code == 302
    for code, overrides in _overrides(db).items():
        closed = {(o["day"], o["daypart"]) for o in overrides if o["max"] == 0 and o["min"] == 0}
        assert {("fri", "am"), ("fri", "pm")} <= closed, code
    assert "Feestdag" in client.get("/beheer/afdelingen").get_data(as_text=True)
    closure = db.exec(select(DepartmentClosure)).one()
    assert client.post(f"/beheer/afdelingen/gesloten/{closure.id}/weg").status_code == 302
    db.expire_all()
    assert db.exec(select(DepartmentClosure)).first() is None
    assert db.exec(select(AuditEntry).where(AuditEntry.what.contains("weg"))).first()


def test_a_past_date_and_a_duplicate_are_refused_keeping_what_was_typed(client, auth, db):
    auth.login(MANAGER)
    row = _packaging(db)
    url = f"/beheer/afdelingen/{row.id}/gesloten"
    past = client.post(url, data=_closure(dates.MONDAY, reason="Te laat"))
    assert past.status_code == 400
    page = past.get_data(as_text=True)
    assert "Deze datum is al voorbij; kies vandaag of later." in page
    assert 'value="Te laat"' in page
    assert client.post(url, data=_closure(THURSDAY)).status_code == 302
    twice = client.post(url, data=_closure(THURSDAY, "am", reason="Nog eens"))
    assert twice.status_code == 400
    page = twice.get_data(as_text=True)
    assert "Deze afdeling is op deze datum al gesloten." in page
    assert 'value="Nog eens"' in page
    site = "/beheer/afdelingen/gesloten"
    assert client.post(site, data=_closure(FRIDAY, "am")).status_code == 302
    again = client.post(site, data=_closure(FRIDAY, "am"))
    assert "De hele werkplaats is op deze datum al gesloten." in again.get_data(as_text=True)
    db.expire_all()
    assert len(db.exec(select(DepartmentClosure)).all()) == 2


def test_a_coach_cannot_close_a_department(client, auth, db):
    auth.login(COACH)
    row = _packaging(db)
    url = f"/beheer/afdelingen/{row.id}/gesloten"
    assert client.post(url, data=_closure(THURSDAY)).status_code == 403
    assert client.post("/beheer/afdelingen/gesloten", data=_closure(FRIDAY)).status_code == 403
    assert db.exec(select(DepartmentClosure)).first() is None
