"""A trajectory from registration to active, paused and back; coaches; pairs kept apart."""

from datetime import date

from sqlmodel import func, select

from app.models import Absence, Participant, User
from app.roster.problem import build_problem
from tests import dates
from tests.coaching.conftest import caseload_of, rostered_participant
from tests.conftest import COACH, MANAGER, OTHER_COACH

WEEK = dates.WEEK
REGISTRATION = {
    "submission": "registration-key-0123456789",
    "first_name": "Noor",
    "last_name": "Zwaanswijk",
    "target_group": "participatiewet",
    "referrer_organisation": "Gemeente Rotterdam",
    "referral_date": "2026-11-20",
    "decision_number": "B-2026-7",
    "start_date": "2026-11-30",
    "dayparts_per_week": "4",
}


def _in_problem(db, code: str) -> bool:
    db.expire_all()
    return code in {p["id"] for p in build_problem(db, WEEK)["participants"]}


def _registered(db) -> Participant:
    db.expire_all()
    return db.exec(select(Participant).where(Participant.last_name == "Zwaanswijk")).one()


def test_a_double_submit_registers_once_and_the_coach_becomes_coach(client, auth, db):
    auth.login(COACH)
    before = db.exec(select(func.count(Participant.id))).one()
    first = client.post("/deelnemers/aanmelden", data=REGISTRATION)
    second = client.post("/deelnemers/aanmelden", data=REGISTRATION)
    assert first.status_code == second.status_code == 303
    assert first.headers["Location"] == second.headers["Location"]
    # The repeat answers as the first did, flash included: whichever answer the browser
    # shows last, it says the participant is on the waiting list.
    page = client.get(second.headers["Location"]).get_data(as_text=True)
    assert "staat op de wachtlijst" in page
    assert db.exec(select(func.count(Participant.id))).one() == before + 1
    participant = _registered(db)
    assert (participant.status, participant.active, participant.decision_number) == (
        "registered",
        False,
        "B-2026-7",
    )
    assert participant.id in caseload_of(db, COACH)
    waiting = client.get("/deelnemers/wachtlijst").get_data(as_text=True)
    assert "Noor Zwaanswijk" in waiting and participant.code in waiting


def test_a_refused_registration_keeps_what_was_typed(client, auth):
    auth.login(COACH)
    response = client.post("/deelnemers/aanmelden", data={**REGISTRATION, "first_name": ""})
    page = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Vul de voornaam in." in page
    assert 'value="Zwaanswijk"' in page and 'value="B-2026-7"' in page


def test_from_waiting_list_to_the_roster_and_a_pause(client, auth, db):
    auth.login(COACH)
    client.post("/deelnemers/aanmelden", data=REGISTRATION)
    participant = _registered(db)
    assert not _in_problem(db, participant.code)
    client.post(f"/deelnemers/{participant.id}/traject/intake")
    assert not _in_problem(db, participant.code)
    client.post(f"/deelnemers/{participant.id}/traject/active")
    assert _registered(db).status == "active"
    assert _in_problem(db, participant.code)

    pause = {"pause-paused_from": "2026-12-01", "pause-paused_until": "2026-12-31"}
    assert client.post(f"/deelnemers/{participant.id}/pauze", data=pause).status_code == 302
    assert _registered(db).status == "paused"
    absence = db.exec(select(Absence).where(Absence.participant_id == participant.id)).one()
    assert (absence.start_date.isoformat(), absence.end_date.isoformat()) == tuple(pause.values())
    client.post(f"/deelnemers/{participant.id}/hervatten")
    assert _registered(db).status == "active"
    db.expire_all()
    absence = db.get(Absence, absence.id)
    assert absence.end_date.isoformat() == "2026-12-01"  # the day before today


def test_a_manager_assigns_a_co_coach_who_then_may_open_the_file(client, auth, db):
    participant, _week = rostered_participant(db)
    other = db.exec(select(User).where(User.email == OTHER_COACH)).one()
    auth.login(MANAGER)
    data = {"coach-coach_id": str(other.id), "coach-co_coach": "y"}
    assert client.post(f"/deelnemers/{participant.id}/begeleider", data=data).status_code == 302
    assert participant.id in caseload_of(db, COACH)
    assert participant.id in caseload_of(db, OTHER_COACH)
    auth.logout()
    auth.login(OTHER_COACH)
    assert client.get(f"/deelnemers/{participant.id}").status_code == 200
    assert client.post(f"/deelnemers/{participant.id}/begeleider", data=data).status_code == 403


def test_a_coach_sees_a_restriction_but_not_who_or_why(client, auth, db):
    participant, week = rostered_participant(db)
    code = next(
        p["id"] for p in build_problem(db, week)["participants"] if p["id"] != participant.code
    )
    other = db.exec(select(Participant).where(Participant.code == code)).one()
    auth.login(MANAGER)
    data = {"other": code, "reason": "Ruzie op de inpaklijn"}
    assert client.post(f"/deelnemers/{participant.id}/niet-samen", data=data).status_code == 302
    db.expire_all()
    entry = next(p for p in build_problem(db, week)["participants"] if p["id"] == participant.code)
    assert code in entry["avoid"]
    manager_page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "Ruzie op de inpaklijn" in manager_page and other.full_name in manager_page
    auth.logout()
    auth.login(COACH)
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    section = page.split('id="niet-samen"')[1].split("</section>")[0]
    assert "Er is 1 afspraak" in section
    assert "Ruzie" not in section and other.full_name not in section and code not in section
    assert client.post(f"/deelnemers/{participant.id}/niet-samen", data=data).status_code == 403


def test_a_passed_expected_end_date_is_flagged_to_the_coach(client, auth, db):
    participant, _week = rostered_participant(db)
    participant.start_date, participant.expected_end_date = date(2026, 1, 5), date(2026, 11, 27)
    db.add(participant)
    db.commit()
    auth.login(COACH)
    assert "einddatum verstreken" in client.get("/deelnemers/").get_data(as_text=True)
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "De verwachte einddatum is verstreken" in page
