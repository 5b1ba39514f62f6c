"""Community service: hours done from attendance, what remains, the warning, the statement."""

from datetime import date, time

from sqlmodel import select

from app.models import CoachAssignment, User
from app.money.community_service import statuses
from app.money.models import CommunityService
from tests.conftest import COACH, MANAGER, OTHER_COACH
from tests.money.helpers import attend, of_group

TODAY = date(2026, 12, 2)


def _order(db, person, hours: int, deadline: date) -> CommunityService:
    order = CommunityService(
        participant_id=person.id,
        case_number="TS-2026-17",
        hours_imposed=hours,
        start_date=date(2026, 11, 1),
        deadline=deadline,
    )
    db.add(order)
    db.commit()
    return order


def test_hours_done_remaining_and_the_warning(db):
    (person,) = of_group(db, "community_service")
    person.dayparts_per_week = 4
    _order(db, person, 20, date(2026, 12, 4))
    attend(db, person, date(2026, 10, 30))  # before the order: does not count
    attend(db, person, date(2026, 11, 13), time(8, 30), time(12, 0))
    attend(db, person, date(2026, 11, 16), time(12, 30), time(16, 0), daypart="pm")
    (status,) = statuses(db, TODAY)
    assert (str(status.hours_done), str(status.hours_left)) == ("7.00", "13.00")
    assert status.at_risk and not status.overdue  # 2 workdays x 4/5 dayparts x 3.5 h = 5.6 h
    db.get(CommunityService, status.order.id).deadline = date(2027, 3, 1)
    db.commit()
    (status,) = statuses(db, TODAY)
    assert not status.at_risk


def test_statement_only_when_done_and_only_for_own_coach_or_manager(client, auth, db):
    (person,) = of_group(db, "community_service")
    order = _order(db, person, 3, date(2027, 1, 31))
    url = f"/geld/taakstraffen/{order.id}/verklaring.pdf"
    auth.login(MANAGER)
    assert client.get(url).status_code == 302  # not done yet
    attend(db, person, date(2026, 11, 13), time(8, 30), time(12, 0))
    response = client.get(url)
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    auth.logout()
    coach_ids = {
        email: db.exec(select(User.id).where(User.email == email)).one()
        for email in (COACH, OTHER_COACH)
    }
    own = db.exec(
        select(CoachAssignment.coach_id).where(
            CoachAssignment.participant_id == person.id, CoachAssignment.end_date.is_(None)
        )
    ).first()
    outsider = next(email for email, uid in coach_ids.items() if uid != own)
    auth.login(outsider)
    assert client.get(url).status_code == 403
    assert person.full_name not in client.get("/geld/taakstraffen").get_data(as_text=True)


def test_recording_an_order_validates_hours_and_dates(client, auth, db):
    (person,) = of_group(db, "community_service")
    auth.login(MANAGER)
    form = {
        "deelnemer": str(person.id),
        "zaak": "TS-1",
        "uren": "400",
        "van": "2026-11-01",
        "uiterlijk": "2026-10-01",
    }
    response = client.post("/geld/taakstraffen", data=form)
    assert response.status_code == 400
    assert "Vul het opgelegde aantal uren in (1 tot en met 240)." in response.get_data(as_text=True)
    form["uren"] = "60"
    response = client.post("/geld/taakstraffen", data=form)
    assert "De uiterste datum ligt vóór de begindatum." in response.get_data(as_text=True)
    form["uiterlijk"] = "2027-05-01"
    assert client.post("/geld/taakstraffen", data=form).status_code == 302
    assert db.exec(select(CommunityService)).one().hours_imposed == 60
