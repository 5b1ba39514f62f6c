"""The participant's own plan: goals in their words with the date agreed, the talk about
it, planned courses, this and next week's roster, the inburgering, and a line to sign."""

from datetime import timedelta

from sqlmodel import select

from app.models import Department, Participant
from app.ownplan.models import Inburgering, PlanDiscussion, PlanGoal
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.weeks import week_of
from tests import dates
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, OTHER_COACH
from tests.training.helpers import THURSDAY, course, enrolled

NEXT_MONDAY = dates.MONDAY + timedelta(days=7)


def _publish(db, participant: Participant, monday, day: str, department_id: int) -> None:
    roster = RosterVersion(week=week_of(monday), version=1, status="published")
    db.add(roster)
    db.flush()
    db.add(
        RosterAssignment(
            roster_id=roster.id,
            participant_id=participant.id,
            department_id=department_id,
            day=day,
            daypart="am",
        )
    )
    db.commit()


def test_the_coach_keeps_the_plan_and_the_printout_shows_it(client, auth, db):
    auth.login(COACH)
    participant = db.get(Participant, caseload_of(db, COACH)[0])
    pid = participant.id
    response = client.post(
        f"/eigen-plan/{pid}/doel",
        data={
            "doel-text": "Ik wil mijn heftruckdiploma halen.",
            "doel-agreed_on": dates.TODAY.isoformat(),
            "doel-next_step": "Ik meld me aan voor de cursus.",
        },
        follow_redirects=True,
    )
    assert "Opgeslagen." in response.get_data(as_text=True)
    client.post(
        f"/eigen-plan/{pid}/besproken",
        data={"gesprek-day": dates.TODAY.isoformat(), "gesprek-note": "Samen gelezen"},
    )
    enrolled(db, course(db, [(THURSDAY, "am")], name="Heftruck"), participant)
    packaging = db.exec(select(Department).where(Department.code == "packaging")).one()
    _publish(db, participant, dates.MONDAY, "mon", packaging.id)
    _publish(db, participant, NEXT_MONDAY, "tue", packaging.id)

    plan = client.get(f"/deelnemers/{pid}/mijn-plan").get_data(as_text=True)
    today = dates.TODAY.strftime("%d-%m-%Y")
    assert "“Ik wil mijn heftruckdiploma halen.”" in plan
    assert f"afgesproken op {today}" in plan
    assert "Mijn volgende stap: Ik meld me aan voor de cursus." in plan
    assert "Heftruck, vanaf " + THURSDAY.strftime("%d-%m-%Y") in plan
    assert "Deze week werk je:" in plan and "Volgende week werk je:" in plan
    assert "Maandag ochtend: Verpakking" in plan and "Dinsdag ochtend: Verpakking" in plan
    assert f"Ik heb dit plan besproken met mijn begeleider op {today}." in plan
    assert "Handtekening deelnemer" in plan

    goal = db.exec(select(PlanGoal)).one()
    client.post(f"/eigen-plan/{pid}/doel/{goal.id}/gehaald")
    assert "gehaald!" in client.get(f"/deelnemers/{pid}/mijn-plan").get_data(as_text=True)
    assert db.exec(select(PlanDiscussion)).one().note == "Samen gelezen"


def test_a_status_holder_has_the_inburgering_route_and_deadline_on_the_plan(client, auth, db):
    auth.login("manager@fabriek.test")
    holder = db.exec(select(Participant).where(Participant.target_group == "status_holder")).first()
    edit = client.get(f"/eigen-plan/{holder.id}").get_data(as_text=True)
    assert "Inburgering" in edit
    deadline = dates.TODAY + timedelta(days=400)
    client.post(
        f"/eigen-plan/{holder.id}/inburgering",
        data={"inb-route": "b1", "inb-deadline": deadline.isoformat()},
    )
    plan = client.get(f"/deelnemers/{holder.id}/mijn-plan").get_data(as_text=True)
    assert "Ik volg de B1-route." in plan
    assert f"Ik moet klaar zijn op {deadline.strftime('%d-%m-%Y')}." in plan
    client.post(f"/eigen-plan/{holder.id}/inburgering", data={"inb-route": ""})
    assert db.exec(select(Inburgering)).first() is None


def test_bad_input_and_someone_elses_participant(client, auth, db):
    auth.login(COACH)
    own = caseload_of(db, COACH)[0]
    response = client.post(f"/eigen-plan/{own}/doel", data={"doel-text": "", "doel-agreed_on": "x"})
    text = response.get_data(as_text=True)
    assert response.status_code == 400 and "Schrijf het doel op." in text
    foreign = caseload_of(db, OTHER_COACH)[0]
    assert client.get(f"/eigen-plan/{foreign}").status_code == 403
    response = client.post(
        f"/eigen-plan/{foreign}/doel",
        data={"doel-text": "x", "doel-agreed_on": dates.TODAY.isoformat()},
    )
    assert response.status_code == 403
    assert db.exec(select(PlanGoal)).first() is None
