"""Registering attendance per department and daypart, and the attendance rate."""

from datetime import date

from sqlmodel import select

from app.coaching.attendance import attendance_summary, expected
from app.coaching.models import Attendance
from app.models import Department
from tests import dates
from tests.conftest import COACH, MANAGER

MONDAY = date(2026, 11, 30)


def _expected(db, code: str = "packaging"):
    department = db.exec(select(Department).where(Department.code == code)).one()
    return department, expected(db, department, MONDAY, "am")


def _url(code: str = "packaging") -> str:
    return f"/deelnemers/aanwezigheid?afdeling={code}&datum={MONDAY.isoformat()}&dagdeel=am"


def test_whole_department_is_registered_in_one_form(client, auth, db):
    department, rows = _expected(db)
    assert len(rows) >= 3
    first, second, *rest = [r.participant for r in rows]
    auth.login(COACH)
    page = client.get(_url()).get_data(as_text=True)
    assert first.full_name in page and second.full_name in page
    response = client.post(
        _url(),
        data={
            f"status-{second.id}": "late",
            f"status-{first.id}": "absent",
            f"reason-{first.id}": "Bus te laat, daarna ziek",
        },
    )
    assert response.status_code == 302
    saved = {
        a.participant_id: (a.status, a.reason)
        for a in db.exec(select(Attendance).where(Attendance.day == MONDAY))
    }
    assert saved[first.id] == ("absent", "Bus te laat, daarna ziek")
    assert saved[second.id] == ("late", "")
    assert all(saved[p.participant.id][0] in ("present", "absent") for p in rows[2:])
    assert len(saved) == len(rows)


def test_absent_without_reason_is_refused_and_nothing_saved(client, auth, db):
    _department, rows = _expected(db)
    pid = rows[0].participant.id
    auth.login(COACH)
    response = client.post(_url(), data={f"status-{pid}": "absent"})
    assert response.status_code == 400
    assert "Vul een reden in bij afwezig." in response.get_data(as_text=True)
    assert db.exec(select(Attendance)).all() == []


def test_registering_again_overwrites_and_the_rate_follows(client, auth, db):
    _department, rows = _expected(db)
    pid = rows[0].participant.id
    auth.login(COACH)
    client.post(_url(), data={f"status-{pid}": "absent", f"reason-{pid}": "ziek"})
    assert attendance_summary(db, pid).rate == 0
    client.post(_url(), data={f"status-{pid}": "present"})
    db.expire_all()
    assert len(db.exec(select(Attendance).where(Attendance.participant_id == pid)).all()) == 1
    summary = attendance_summary(db, pid)
    assert summary.rate == 1 and summary.counts == {"present": 1}


def test_expected_are_available_and_skilled_without_a_published_roster(db):
    department, rows = _expected(db, "green")
    from app.models import Availability, SkillLevel

    for row in rows:
        pid = row.participant.id
        assert db.exec(
            select(Availability).where(
                Availability.participant_id == pid,
                Availability.day == "mon",
                Availability.daypart == "am",
            )
        ).first()
        skill = db.exec(
            select(SkillLevel).where(
                SkillLevel.participant_id == pid, SkillLevel.department_id == department.id
            )
        ).one()
        assert skill.level > 0


def test_attendance_rate_shows_on_the_participant_file(client, auth, db):
    _department, rows = _expected(db)
    pid = rows[0].participant.id
    auth.login(COACH)
    client.post(_url(), data={f"status-{pid}": "late"})
    auth.logout()
    auth.login(MANAGER)
    html = client.get(f"/deelnemers/{pid}").get_data(as_text=True)
    assert "Aanwezigheid: 100% van 1 geregistreerde dagdelen." in html


def _publish(
    db, participant_id: int, department: Department, day: str = "mon", on: date = MONDAY
) -> None:
    from app.roster.models import RosterAssignment, RosterVersion
    from app.roster.weeks import week_of

    roster = RosterVersion(week=week_of(on), version=1, status="published")
    db.add(roster)
    db.flush()
    db.add(
        RosterAssignment(
            roster_id=roster.id,
            participant_id=participant_id,
            department_id=department.id,
            day=day,
            daypart="am",
        )
    )
    db.commit()


def test_published_roster_decides_who_is_expected(db):
    department, fallback = _expected(db)
    outsider = fallback[0].participant.id
    from tests.coaching.conftest import caseload_of

    rostered = next(
        i for i in caseload_of(db, COACH) if i not in {r.participant.id for r in fallback}
    )
    _publish(db, rostered, department)
    _department, rows = _expected(db)
    assert [r.participant.id for r in rows] == [rostered]
    assert outsider not in [r.participant.id for r in rows]


def test_own_plan_shows_this_weeks_roster(client, auth, db, own_id):
    department = db.exec(select(Department).where(Department.code == "green")).one()
    _publish(db, own_id, department, day="tue", on=dates.TODAY)
    auth.login(COACH)
    html = client.get(f"/deelnemers/{own_id}/mijn-plan").get_data(as_text=True)
    assert "Deze week werk je:" in html
    assert f"Dinsdag ochtend: {department.name}" in html
