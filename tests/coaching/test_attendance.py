"""Registering attendance per department and daypart: only what really happened is saved."""

from datetime import date, time, timedelta

import pytest
from sqlmodel import select

from app.coaching.attendance import NO_SHOW_NOTE, attendance_summary, expected
from app.coaching.models import Attendance
from app.models import Absence, Department
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.weeks import week_of
from tests import dates
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, MANAGER, OTHER_COACH

MONDAY = dates.MONDAY


def _department(db, code: str = "packaging") -> Department:
    return db.exec(select(Department).where(Department.code == code)).one()


def _url(code: str = "packaging", day: date = MONDAY, extra: str = "") -> str:
    return f"/deelnemers/aanwezigheid?afdeling={code}&datum={day.isoformat()}&dagdeel=am{extra}"


def publish(db, people: list[int], department: Department, day: str = "mon", on=MONDAY):
    roster = RosterVersion(week=week_of(on), version=1, status="published")
    db.add(roster)
    db.flush()
    for pid in people:
        db.add(
            RosterAssignment(
                roster_id=roster.id,
                participant_id=pid,
                department_id=department.id,
                day=day,
                daypart="am",
            )
        )
    db.commit()


@pytest.fixture
def rostered(db) -> tuple[list[int], list[int]]:
    """Three of COACH's participants and two of OTHER_COACH's in Monday morning's packaging."""
    own, other = caseload_of(db, COACH)[:3], caseload_of(db, OTHER_COACH)[:2]
    publish(db, own + other, _department(db))
    return own, other


def _saved(db) -> dict[int, Attendance]:
    db.expire_all()
    return {
        a.participant_id: a for a in db.exec(select(Attendance).where(Attendance.day == MONDAY))
    }


def test_manager_registers_the_roster_and_untouched_rows_stay_unregistered(
    client, auth, db, rostered
):
    own, other = rostered
    auth.login(MANAGER)
    page = client.get(_url()).get_data(as_text=True)
    assert page.count('value="08:30"') == 5
    response = client.post(
        _url(),
        data={
            f"status-{own[0]}": "present",
            f"start-{own[0]}": "08:30",
            f"end-{own[0]}": "12:00",
            f"status-{own[1]}": "late",
            f"start-{own[1]}": "09:15",
            f"end-{own[1]}": "12:00",
            f"status-{other[0]}": "absent",
            f"reason-{other[0]}": "Niet komen opdagen",
        },
    )
    assert response.status_code == 302
    saved = _saved(db)
    assert set(saved) == {own[0], own[1], other[0]}
    assert (saved[own[1]].status, saved[own[1]].start_time) == ("late", time(9, 15))
    assert saved[other[0]].start_time is None
    assert own[2] not in saved and other[1] not in saved


def test_untouched_row_is_not_registered_and_not_counted_present(client, auth, db, rostered):
    own, _other = rostered
    auth.login(MANAGER)
    client.post(
        _url(),
        data={f"status-{own[0]}": "present", f"start-{own[0]}": "08:30", f"end-{own[0]}": "12:00"},
    )
    assert set(_saved(db)) == {own[0]}
    assert attendance_summary(db, own[1]).registered == 0
    assert attendance_summary(db, own[1]).rate is None


def test_future_attendance_is_refused_and_nothing_saved(client, auth, db):
    tomorrow = dates.TODAY + timedelta(days=1)
    own = caseload_of(db, COACH)[:1]
    publish(db, own, _department(db), day="thu", on=tomorrow)
    auth.login(MANAGER)
    page = client.get(_url(day=tomorrow)).get_data(as_text=True)
    assert "Aanwezigheid kan niet vooruit worden geregistreerd." in page
    assert "Aanwezigheid opslaan" not in page
    response = client.post(
        _url(day=tomorrow),
        data={f"status-{own[0]}": "present", f"start-{own[0]}": "08:30", f"end-{own[0]}": "12:00"},
    )
    assert response.status_code == 400
    db.expire_all()
    assert db.exec(select(Attendance).where(Attendance.day == tomorrow)).all() == []


def test_a_no_show_opens_a_gap_the_roster_reads_and_present_closes_it(client, auth, db, rostered):
    own, _other = rostered
    pid = own[0]
    auth.login(MANAGER)
    client.post(_url(), data={f"status-{pid}": "absent", f"reason-{pid}": "Niet gekomen"})

    def no_shows():
        db.expire_all()
        return db.exec(
            select(Absence).where(Absence.participant_id == pid, Absence.note == NO_SHOW_NOTE)
        ).all()

    assert [(a.start_date, a.daypart) for a in no_shows()] == [(MONDAY, "am")]
    grid = client.get(f"/rooster/{week_of(MONDAY)}").get_data(as_text=True)
    assert "afwezig" in grid
    client.post(
        _url(), data={f"status-{pid}": "present", f"start-{pid}": "08:30", f"end-{pid}": "12:00"}
    )
    assert no_shows() == []


def test_coach_sees_and_registers_only_own_caseload(client, auth, db, rostered):
    own, other = rostered
    db.add(
        Absence(
            participant_id=other[0],
            start_date=MONDAY,
            end_date=MONDAY,
            kind="detention",
            note="Zitting rechtbank, verlof ingetrokken",
        )
    )
    db.commit()
    auth.login(OTHER_COACH)
    page = client.get(_url()).get_data(as_text=True)
    assert "detentie" in page  # their own participant's absence, to their own coach
    auth.logout()
    auth.login(COACH)
    page = client.get(_url()).get_data(as_text=True)
    assert "Zitting rechtbank" not in page and "detentie" not in page
    assert f'name="status-{other[0]}"' not in page
    assert f'name="status-{own[0]}"' in page
    client.post(
        _url(),
        data={
            f"status-{other[0]}": "present",
            f"start-{other[0]}": "08:30",
            f"end-{other[0]}": "12:00",
            "inloop": str(other[1]),
            f"status-{other[1]}": "present",
        },
    )
    assert _saved(db) == {}


def test_absent_without_reason_and_end_before_start_are_refused(client, auth, db, rostered):
    own, _other = rostered
    auth.login(COACH)
    response = client.post(
        _url(),
        data={
            f"status-{own[0]}": "absent",
            f"status-{own[1]}": "present",
            f"start-{own[1]}": "12:00",
            f"end-{own[1]}": "08:30",
        },
    )
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Vul een reden in bij afwezig." in html
    assert "Vul een begintijd en een latere eindtijd in." in html
    assert _saved(db) == {}


def test_walk_in_is_added_on_purpose_and_saved_as_such(client, auth, db, rostered):
    own_all = caseload_of(db, COACH)
    walk_in = next(pid for pid in own_all if pid not in rostered[0])
    auth.login(COACH)
    page = client.get(_url()).get_data(as_text=True)
    assert f'name="status-{walk_in}"' not in page
    page = client.get(_url(extra=f"&inloop={walk_in}")).get_data(as_text=True)
    assert f'name="status-{walk_in}"' in page and "inloop" in page
    client.post(
        _url(),
        data={
            "inloop": str(walk_in),
            f"status-{walk_in}": "present",
            f"start-{walk_in}": "10:00",
            f"end-{walk_in}": "12:00",
        },
    )
    saved = _saved(db)
    assert saved[walk_in].walk_in and not any(a.walk_in for p, a in saved.items() if p != walk_in)


def test_without_a_published_roster_nobody_is_expected(db):
    assert expected(db, _department(db, "green"), MONDAY, "am") == []


def test_department_hours_are_the_default_times(client, auth, db, rostered):
    department = _department(db)
    auth.login(MANAGER)
    key = f"{department.id}-am"
    form = {f"start-{key}": "07:45", f"end-{key}": "11:45"}
    for other in db.exec(select(Department)):
        for part, (start, end) in (("am", ("08:30", "12:00")), ("pm", ("12:30", "16:00"))):
            form.setdefault(f"start-{other.id}-{part}", start)
            form.setdefault(f"end-{other.id}-{part}", end)
    assert client.post("/deelnemers/aanwezigheid/werktijden", data=form).status_code == 302
    page = client.get(_url()).get_data(as_text=True)
    assert page.count('value="07:45"') == 5


def test_attendance_rate_shows_on_the_participant_file(client, auth, db, rostered):
    pid = rostered[0][0]
    auth.login(COACH)
    client.post(
        _url(), data={f"status-{pid}": "late", f"start-{pid}": "09:00", f"end-{pid}": "12:00"}
    )
    auth.logout()
    auth.login(MANAGER)
    html = client.get(f"/deelnemers/{pid}").get_data(as_text=True)
    assert "Aanwezigheid: 100% van 1 geregistreerde dagdelen." in html


def test_own_plan_shows_this_weeks_roster(client, auth, db, own_id):
    department = _department(db, "green")
    publish(db, [own_id], department, day="tue", on=dates.TODAY)
    auth.login(COACH)
    html = client.get(f"/deelnemers/{own_id}/mijn-plan").get_data(as_text=True)
    assert "Deze week werk je:" in html
    assert f"Dinsdag ochtend: {department.name}" in html
