"""Target group and contract: edited in the file, read by the roster problem. The clearance
is the prison's decision, recorded by a manager (tests/setup/test_clearance.py)."""

import pytest
from sqlmodel import select

from app.models import Availability, Participant
from app.roster.problem import build_problem
from tests.coaching.conftest import audit_for, rostered_participant
from tests.conftest import ADMIN, COACH, MANAGER, OTHER_COACH


def _post(client, participant_id: int, **fields: str):
    data = {f"roster-{name}": value for name, value in fields.items()}
    return client.post(f"/deelnemers/{participant_id}/roostergegevens", data=data)


def _problem_entry(db, week: str, code: str) -> dict:
    db.expire_all()
    return next(p for p in build_problem(db, week)["participants"] if p["id"] == code)


def _stored(db, participant_id: int) -> tuple[str, int, str | None]:
    db.expire_all()
    p = db.get(Participant, participant_id)
    return p.target_group, p.dayparts_per_week, p.clearance


def _set_availability(db, participant_id: int, slots: list[tuple[str, str]]) -> None:
    for row in db.exec(select(Availability).where(Availability.participant_id == participant_id)):
        db.delete(row)
    db.commit()
    db.add_all(Availability(participant_id=participant_id, day=d, daypart=p) for d, p in slots)
    db.commit()


def test_changes_in_the_file_are_in_the_next_roster_problem(client, auth, db):
    participant, week = rostered_participant(db, detainee=False)
    contract = 3 if participant.dayparts_per_week != 3 else 4
    auth.login(COACH)
    response = _post(
        client, participant.id, target_group="sw", dayparts_per_week=str(contract), clearance=""
    )
    assert response.status_code == 302
    entry = _problem_entry(db, week, participant.code)
    assert (entry["group"], entry["dayparts_per_week"]) == ("sw", contract)

    response = _post(
        client,
        participant.id,
        target_group="penitentiary_programme",
        dayparts_per_week=str(contract),
        clearance="outside",
    )
    assert response.status_code == 302
    entry = _problem_entry(db, week, participant.code)
    # The coach's "outside" is ignored: without a recorded decision a detainee stays inside.
    assert (entry["group"], entry["clearance"]) == ("detainee", "inside")


def test_change_is_audited_with_old_and_new_values(client, auth, db):
    participant, _week = rostered_participant(db, detainee=False)
    group, old = participant.target_group, participant.dayparts_per_week
    new = 2 if old != 2 else 3
    auth.login(COACH)
    _post(
        client,
        participant.id,
        target_group="detainee",
        dayparts_per_week=str(new),
        clearance="inside",
    )
    whats = [e.what for e in audit_for(db, participant.id) if e.action == "update"]
    assert whats[-1] == (
        f"roostergegevens: doelgroep {group}→detainee, dagdelen per week {old}→{new}"
    )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"dayparts_per_week": "11"}, "Vul een aantal dagdelen van 0 tot en met 10 in"),
        ({"dayparts_per_week": "-1"}, "Vul een aantal dagdelen van 0 tot en met 10 in"),
        ({"dayparts_per_week": ""}, "Vul een aantal dagdelen van 0 tot en met 10 in"),
        ({"dayparts_per_week": "vier"}, "Ongeldig getal."),
        ({"target_group": "piraat"}, "Ongeldige keuze."),
    ],
)
def test_bad_values_are_refused_in_dutch_and_change_nothing(client, auth, db, fields, message):
    participant, _week = rostered_participant(db, detainee=False)
    before = _stored(db, participant.id)
    auth.login(COACH)
    valid = {"target_group": "sw", "dayparts_per_week": "5", "clearance": ""}
    response = _post(client, participant.id, **{**valid, **fields})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _stored(db, participant.id) == before
    assert not [e for e in audit_for(db, participant.id) if "roostergegevens" in e.what]


def test_the_roster_form_cannot_change_a_detainees_clearance(client, auth, db):
    participant, _week = rostered_participant(db, detainee=True)
    before = _stored(db, participant.id)
    auth.login(COACH)
    flipped = "inside" if before[2] == "outside" else "outside"
    response = _post(
        client, participant.id, target_group=before[0], dayparts_per_week="6", clearance=flipped
    )
    assert response.status_code == 302
    assert _stored(db, participant.id)[2] == before[2]


def test_clearance_is_cleared_for_other_groups(client, auth, db):
    participant, _week = rostered_participant(db, detainee=False)
    auth.login(COACH)
    _post(client, participant.id, target_group="sw", dayparts_per_week="6", clearance="outside")
    assert _stored(db, participant.id) == ("sw", 6, None)


def test_a_detainee_leaves_the_group_only_when_the_change_is_confirmed(client, auth, db):
    participant, week = rostered_participant(db, detainee=True)
    before = _stored(db, participant.id)
    auth.login(COACH)
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "Ik bevestig dat de doelgroep van deze gedetineerde wijzigt" in page
    assert "(roostergroep Gedetineerden), contract van" in page
    change = {"target_group": "participatiewet", "dayparts_per_week": "6", "clearance": ""}
    refused = _post(client, participant.id, **change)
    assert refused.status_code == 400
    assert "Bevestig dat de doelgroep wijzigt van " in refused.get_data(as_text=True)
    assert _stored(db, participant.id) == before

    assert _post(client, participant.id, **change, confirm_group_change="y").status_code == 302
    assert _stored(db, participant.id) == ("participatiewet", 6, None)
    entry = _problem_entry(db, week, participant.code)
    assert entry["group"] == "participatiewet"


def test_a_detainee_keeps_the_group_without_confirming(client, auth, db):
    participant, _week = rostered_participant(db, detainee=True)
    auth.login(COACH)
    response = _post(
        client,
        participant.id,
        target_group=participant.target_group,
        dayparts_per_week="2",
        clearance="outside",
    )
    assert response.status_code == 302
    assert _stored(db, participant.id) == (participant.target_group, 2, "outside")


def test_a_contract_above_the_availability_is_saved_with_a_notice(client, auth, db):
    participant, _week = rostered_participant(db, detainee=False)
    _set_availability(db, participant.id, [("mon", "am"), ("tue", "am")])
    auth.login(COACH)
    response = _post(client, participant.id, target_group="sw", dayparts_per_week="5", clearance="")
    assert response.status_code == 302
    assert _stored(db, participant.id)[1] == 5
    notice = "Het contract (5 dagdelen per week) is meer dan de beschikbaarheid (2 dagdelen)"
    after_saving = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert after_saving.count(notice) == 2  # the flash and the note in the section
    later = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert later.count(notice) == 1


@pytest.mark.parametrize("email", [MANAGER, ADMIN])
def test_managers_and_admins_change_any_participant(client, auth, db, foreign_id, email):
    group, _contract, clearance = _stored(db, foreign_id)
    auth.login(email)
    response = _post(
        client,
        foreign_id,
        target_group=group,
        dayparts_per_week="4",
        clearance=clearance or "",
    )
    assert response.status_code == 302
    assert _stored(db, foreign_id) == (group, 4, clearance)


def test_coach_of_another_caseload_gets_403_and_nothing_changes(client, auth, db, own_id):
    before = _stored(db, own_id)
    auth.login(OTHER_COACH)
    response = _post(client, own_id, target_group="sw", dayparts_per_week="1", clearance="")
    assert response.status_code == 403
    assert _stored(db, own_id) == before
