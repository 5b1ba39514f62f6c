"""A detainee's clearance is the prison's decision: a manager records it, a coach sees it
and cannot change it, and an expired decision counts as inside for the roster."""

from datetime import date

from app.models import Participant
from app.roster.problem import build_problem
from tests.coaching.conftest import audit_for, rostered_participant
from tests.conftest import COACH, MANAGER, OTHER_COACH


def _record(client, participant_id: int, **fields: str):
    data = {f"clearance-{name}": value for name, value in fields.items()}
    return client.post(f"/deelnemers/{participant_id}/vrijgave", data=data)


def _entry(db, week: str, code: str) -> dict:
    db.expire_all()
    return next(p for p in build_problem(db, week)["participants"] if p["id"] == code)


DECISION = {
    "clearance": "outside",
    "decided_by": "PI Rotterdam, afdelingshoofd",
    "decided_on": "2026-11-20",
}


def test_a_manager_records_the_decision_and_the_roster_uses_it(client, auth, db):
    participant, week = rostered_participant(db, detainee=True)
    auth.login(MANAGER)
    assert _record(client, participant.id, **DECISION, valid_until="2027-03-01").status_code == 302
    db.expire_all()
    stored = db.get(Participant, participant.id)
    assert (stored.clearance, stored.clearance_decided_by) == ("outside", DECISION["decided_by"])
    assert stored.clearance_valid_until == date(2027, 3, 1)
    assert _entry(db, week, participant.code)["clearance"] == "outside"
    assert any("vrijgave outside" in e.what for e in audit_for(db, participant.id))


def test_an_expired_decision_counts_as_inside(client, auth, db):
    participant, week = rostered_participant(db, detainee=True)
    auth.login(MANAGER)
    assert _record(client, participant.id, **DECISION, valid_until="2026-11-30").status_code == 302
    # Valid until the Monday of the week: it lapses before the week is over.
    assert _entry(db, week, participant.code)["clearance"] == "inside"
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "Dit besluit is verlopen" in page


def test_a_coach_sees_the_clearance_and_cannot_change_it(client, auth, db):
    participant, _week = rostered_participant(db, detainee=True)
    before = participant.clearance
    auth.login(COACH)
    page = client.get(f"/deelnemers/{participant.id}").get_data(as_text=True)
    assert "Vrijgave (besluit van de PI)" in page
    assert "Alleen een operationeel manager legt het besluit van de PI vast." in page
    assert 'name="clearance-clearance"' not in page
    assert _record(client, participant.id, **DECISION).status_code == 403
    db.expire_all()
    assert db.get(Participant, participant.id).clearance == before


def test_a_manager_is_told_what_is_missing(client, auth, db):
    participant, _week = rostered_participant(db, detainee=True)
    auth.login(MANAGER)
    response = _record(client, participant.id, clearance="outside", decided_by="", decided_on="")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "Vul in wie bij de PI heeft besloten." in page


def test_a_coach_cannot_open_or_change_another_coachs_participant(client, auth, db):
    participant, _week = rostered_participant(db)
    auth.login(OTHER_COACH)
    assert client.get(f"/deelnemers/{participant.id}").status_code == 403
    for path in ("roostergegevens", "traject/intake", "pauze", "hervatten"):
        assert client.post(f"/deelnemers/{participant.id}/{path}").status_code == 403
