"""Infeasible weeks: status, no roster, and the minimal clash in plain language."""

from scheduler import solve
from tests.scheduler.roster_factory import assign, department, person, week

MON = [("mon", "am"), ("mon", "pm")]


def clashes(data):
    solution = solve(data, time_limit=5)
    assert solution.status == "infeasible"
    assert solution.assignments == []
    assert solution.to_json()["explanation"] == [c.text for c in solution.explanation]
    return solution.explanation


def test_pin_on_unavailable_daypart():
    data = week([department("pack")], [person("p1", name="Jan de Vries")],
                dayparts=("am", "pm"), pinned=[assign("p1", "pack", "mon", "pm")])
    [clash] = clashes(data)
    assert clash.rule == "availability"
    assert clash.text == ("Pinned: Jan de Vries in Pack on mon pm, but Jan de Vries is not "
                          "available then")


def test_two_pins_in_one_daypart():
    data = week([department("a"), department("b")], [person("p1")],
                pinned=[assign("p1", "a"), assign("p1", "b")])
    [clash] = clashes(data)
    assert (clash.rule, clash.participants, clash.day) == ("double_booking", ("p1",), "mon")
    assert "both A and B on mon am" in clash.text


def test_pins_exceeding_max_name_a_minimal_set():
    data = week([department("a", high=2)], [person(f"p{i}") for i in range(5)],
                pinned=[assign(f"p{i}", "a") for i in range(5)])
    [clash] = clashes(data)
    assert clash.rule == "capacity"
    assert len(clash.participants) == 3
    assert "but at most 2 can work there" in clash.text


def test_pinned_avoid_pair():
    data = week([department("a")], [person("p1", avoid=["p2"]), person("p2")],
                pinned=[assign("p1", "a"), assign("p2", "a")])
    [clash] = clashes(data)
    assert (clash.rule, set(clash.participants)) == ("avoid", {"p1", "p2"})


def test_every_independent_clash_is_listed():
    data = week([department("a", max_detainees=0)],
                [person("p1", available=MON, per_week=1), person("d1", group="detainee")],
                dayparts=("am", "pm"),
                pinned=[assign("p1", "a", "mon", "am"), assign("p1", "a", "mon", "pm"),
                        assign("d1", "a")])
    assert {c.rule for c in clashes(data)} == {"contract", "max_detainees"}
