"""Planning a session, enrolling from the 'needs' list or a file, and recording results."""

from datetime import timedelta

from sqlmodel import select

from app.coaching.access import caseload_ids
from app.models import Certificate, Participant, User
from app.training.models import Enrolment, TrainingDay, TrainingSession
from app.training.needs import needs
from tests import dates
from tests.conftest import COACH
from tests.training.helpers import THURSDAY, WEDNESDAY, course, enrolled, person

NEXT_MONDAY = dates.MONDAY + timedelta(days=7)


def test_a_manager_plans_a_session_on_chosen_weekdays_and_dayparts(client, db, manager):
    response = client.post(
        "/trainingen/nieuw",
        data={
            "name": "Heftruck basis",
            "kind": "course",
            "certificate": "forklift",
            "valid_months": "60",
            "provider": "Opleider BV",
            "location": "Leslokaal",
            "capacity": "8",
            "cost": "350,00",
            "first_day": NEXT_MONDAY.isoformat(),
            "last_day": (NEXT_MONDAY + timedelta(days=9)).isoformat(),
            "weekdays": ["0", "2"],
            "dayparts": ["am"],
        },
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 200, text
    assert "Training Heftruck basis is gepland." in text
    row = db.exec(select(TrainingSession)).one()
    assert (row.capacity, row.cost_cents, row.certificate) == (8, 35000, "forklift")
    days = db.exec(select(TrainingDay).where(TrainingDay.session_id == row.id)).all()
    assert sorted((d.day - NEXT_MONDAY).days for d in days) == [0, 2, 7, 9]
    assert {d.daypart for d in days} == {"am"}
    calendar = client.get("/trainingen/").get_data(as_text=True)
    assert "Heftruck basis" in calendar and "0 / 8" in calendar


def test_bad_session_input_is_told_and_nothing_is_stored(client, db, manager):
    response = client.post(
        "/trainingen/nieuw",
        data={
            "name": "",
            "kind": "course",
            "capacity": "0",
            "first_day": THURSDAY.isoformat(),
            "last_day": WEDNESDAY.isoformat(),
            "dayparts": ["am"],
        },
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "Geef de training een naam." in text and "Tussen 1 en 500 plaatsen." in text
    assert "De laatste dag ligt vóór de eerste dag." in text
    assert db.exec(select(TrainingSession)).first() is None


def test_bulk_enrolment_from_the_needs_list_respects_capacity(client, db, manager):
    vca = course(db, [(THURSDAY, "am")], capacity=2)
    listed = needs(db, "vca", 8, dates.TODAY)
    assert len(listed) >= 3
    page = client.get(f"/trainingen/{vca.id}").get_data(as_text=True)
    assert listed[0].participant.full_name in page
    response = client.post(
        f"/trainingen/{vca.id}/inschrijven",
        data={"participant": [str(n.participant.id) for n in listed[:3]]},
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    assert "VCA Basis is vol (2 plaatsen)." in text
    assert db.exec(select(Enrolment)).all().__len__() == 2
    left = needs(db, "vca", 8, dates.TODAY)
    assert listed[0].participant.id not in {n.participant.id for n in left}


def test_a_coach_enrols_only_their_own_caseload(client, db, coach):
    vca = course(db, [(THURSDAY, "am")])
    own = caseload_ids(db, db.exec(select(User).where(User.email == COACH)).one().id)
    other = db.exec(select(Participant).where(Participant.id.not_in(own))).first()
    listed = client.get(f"/trainingen/{vca.id}").get_data(as_text=True)
    assert other.full_name not in listed or other.id in own
    response = client.post(f"/trainingen/{vca.id}/inschrijven", data={"participant": str(other.id)})
    assert response.status_code == 403
    mine = db.get(Participant, sorted(own)[0])
    response = client.post(
        f"/trainingen/deelnemer/{mine.id}/inschrijven",
        data={"training": str(vca.id)},
        follow_redirects=True,
    )
    assert f"Ingeschreven voor VCA Basis: {mine.full_name}." in response.get_data(as_text=True)


def test_an_inside_only_detainee_is_not_enrolled_in_an_outside_course(client, db, manager):
    outside = course(db, [(THURSDAY, "am")], outside=True)
    inside_only = db.exec(
        select(Participant).where(
            Participant.target_group == "detainee", Participant.clearance == "inside"
        )
    ).first()
    response = client.post(
        f"/trainingen/{outside.id}/inschrijven",
        data={"participant": str(inside_only.id)},
        follow_redirects=True,
    )
    assert "mag niet buiten de muren werken of leren" in response.get_data(as_text=True)
    assert db.exec(select(Enrolment)).first() is None


def test_results_pass_records_the_certificate_and_a_no_show_is_kept(client, db, manager):
    vca = course(db, [(dates.MONDAY, "am"), (THURSDAY, "am")])
    passer, absent = person(db, "p020"), person(db, "p021")
    enrolled(db, vca, passer, absent)
    rows = {e.participant_id: e for e in db.exec(select(Enrolment))}
    response = client.post(
        f"/trainingen/{vca.id}/uitslag/{rows[passer.id].id}",
        data={"status": "passed"},
        follow_redirects=True,
    )
    assert "is geslaagd; het certificaat staat in het dossier." in response.get_data(as_text=True)
    client.post(f"/trainingen/{vca.id}/uitslag/{rows[absent.id].id}", data={"status": "no_show"})
    db.expire_all()
    assert db.get(Enrolment, rows[absent.id].id).status == "no_show"
    certificate = db.get(Certificate, db.get(Enrolment, rows[passer.id].id).certificate_id)
    assert certificate.status == "obtained" and certificate.obtained_on == dates.TODAY
    response = client.post(
        f"/trainingen/{vca.id}/uitschrijven/{rows[passer.id].id}", follow_redirects=True
    )
    assert "Een uitslag is al vastgelegd" in response.get_data(as_text=True)
    response = client.post(
        f"/trainingen/{vca.id}/uitslag/{rows[absent.id].id}", data={"status": "x"}
    )
    assert response.status_code == 302


def test_a_result_before_the_first_day_is_refused(client, db, manager):
    later = course(db, [(NEXT_MONDAY, "am")])
    enrolled(db, later, person(db, "p020"))
    enrolment = db.exec(select(Enrolment)).one()
    response = client.post(
        f"/trainingen/{later.id}/uitslag/{enrolment.id}",
        data={"status": "passed"},
        follow_redirects=True,
    )
    assert "De training is nog niet begonnen" in response.get_data(as_text=True)
    db.expire_all()
    assert db.get(Enrolment, enrolment.id).status == "enrolled"


def test_participant_courses_page_lists_theirs(client, db, manager):
    vca = course(db, [(THURSDAY, "am")])
    participant = person(db, "p020")
    enrolled(db, vca, participant)
    page = client.get(f"/trainingen/deelnemer/{participant.id}").get_data(as_text=True)
    assert "VCA Basis" in page and "ingeschreven" in page
    assert client.get("/trainingen/999999").status_code == 404
