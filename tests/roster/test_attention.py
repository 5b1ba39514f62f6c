"""The attention list leads with what a manager acts on and reads in week order."""

from app.roster.attention import attention
from app.roster.people import person_weeks
from app.roster.texts import Names
from scheduler import parse_problem
from tests.scheduler.roster_factory import assign, department, person, week

SLOTS = [(d, p) for d in ("mon", "tue", "wed") for p in ("am", "pm")]


def _attention(app, rows):
    problem = parse_problem(
        week(
            [department("pack", low=2, high=3)],
            [
                person("p1", available=SLOTS, per_week=6, name="Ans"),
                person("p2", available=SLOTS, per_week=4, name="Bram"),
            ],
            days=("mon", "tue", "wed"),
            dayparts=("am", "pm"),
        )
    )
    names = Names(problem)
    with app.test_request_context():
        people = person_weeks(problem, rows, names)
        return people, attention(problem, rows, names, people)


def test_people_far_below_contract_come_first_and_days_stay_in_order(app):
    rows = [
        assign("p1", "pack", "wed", "am"),
        assign("p1", "pack", "mon", "pm"),
        assign("p2", "pack", "mon", "pm"),
    ]
    people, result = _attention(app, rows)
    assert [p.code for p in people] == ["p2", "p1"]
    assert people[0].far_below and (people[0].planned, people[0].possible) == (1, 4)
    # Understaffing first (Monday morning before Wednesday), then the people far below.
    assert result.act[0].startswith("Pack ma-ochtend: 2 personen onder minimum")
    assert result.act[-2:] == [
        "Bram: 1 van 4 mogelijke dagdelen ingepland",
        "Ans: 2 van 6 mogelijke dagdelen ingepland",
    ]
    assert [day for day, _texts in result.by_day] == ["maandag", "dinsdag", "woensdag"]
    assert "Ans: 2 van 6 afgesproken dagdelen ingepland" in dict(result.by_person)["Ans"]
    assert result.summary[0] == "5 dagdelen hebben te weinig mensen (samen 9 te weinig)."
    assert result.summary[1].startswith("2 deelnemers krijgen minder dagdelen")
