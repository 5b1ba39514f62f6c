"""One test per hard rule: a naive roster breaks it, check() says so, the solver does not."""

from scheduler import check, parse_problem
from tests.scheduler.roster_factory import department, person, placed, roster, solved, week

MON = [("mon", "am"), ("mon", "pm")]


def rules(data, naive) -> set[str]:
    return {v.rule for v in check(parse_problem(data), naive)}


def test_one_department_per_daypart_and_only_when_available():
    data = week([department("a", low=1), department("b", low=1)],
                [person("p1", available=[("mon", "am")])], dayparts=("am", "pm"))
    naive = roster(("p1", "a"), ("p1", "b"), ("p1", "a", "mon", "pm"))
    assert rules(data, naive) == {"double_booking", "availability"}
    solution = solved(data)
    assert check(parse_problem(data), solution.assignments) == []
    assert len(solution.assignments) == 1
    assert solution.penalties["understaffing"] == 3


def test_at_most_dayparts_per_week():
    data = week([department("a", low=1)], [person("p1", available=MON, per_week=1)],
                dayparts=("am", "pm"))
    naive = roster(("p1", "a"), ("p1", "a", "mon", "pm"))
    assert rules(data, naive) == {"contract"}
    assert len(solved(data).assignments) == 1


def test_certificates_required_by_the_department():
    data = week([department("fork", low=1, requires=["forklift"])],
                [person("p1"), person("p2", certificates=["forklift"])])
    assert rules(data, roster(("p1", "fork"))) == {"certificate"}
    assert placed(solved(data)) == {("p2", "fork")}


def test_inside_clearance_keeps_detainees_inside():
    data = week([department("green", low=1, outside=True)],
                [person("d1", group="detainee", clearance="inside"),
                 person("d2", group="detainee", clearance="outside")])
    assert rules(data, roster(("d1", "green"))) == {"clearance"}
    assert placed(solved(data)) == {("d2", "green")}


def test_capacity_and_max_detainees():
    data = week([department("a", low=2, high=2, max_detainees=1)],
                [person("d1", group="detainee"), person("d2", group="detainee"), person("s1"),
                 person("s2")])
    naive = roster(("d1", "a"), ("d2", "a"), ("s1", "a"))
    assert rules(data, naive) == {"capacity", "max_detainees"}
    solution = solved(data)
    assert check(parse_problem(data), solution.assignments) == []
    assert len(solution.assignments) == 2


def test_override_closes_a_team():
    data = week([department("a", low=1, overrides=[{"day": "mon", "daypart": "am", "max": 0}])],
                [person("p1")])
    assert rules(data, roster(("p1", "a"))) == {"capacity"}
    assert solved(data).assignments == []


def test_avoid_pairs_never_share_a_team():
    data = week([department("a", low=2), department("b", low=0)],
                [person("p1", avoid=["p2"]), person("p2"), person("p3")])
    assert rules(data, roster(("p1", "a"), ("p2", "a"))) == {"avoid"}
    solution = solved(data)
    assert not {("p1", "a"), ("p2", "a")} <= placed(solution)
    assert solution.penalties["understaffing"] == 0


def test_pins_are_kept_even_against_the_objective():
    data = week([department("a", low=1), department("b", low=0)], [person("p1")],
                pinned=[{"participant": "p1", "department": "b", "day": "mon", "daypart": "am"}])
    assert rules(data, []) == {"pinned"}
    solution = solved(data)
    assert placed(solution) == {("p1", "b")}
    assert solution.penalties["understaffing"] == 1
