import pytest

from scheduler import ProblemError, parse_problem, solve
from tests.scheduler.roster_factory import assign, department, person, week


def error_key(data) -> str:
    with pytest.raises(ProblemError) as caught:
        parse_problem(data)
    return str(caught.value)


def test_unknown_day_in_availability_names_the_key():
    data = week([department("pack")], [person("p1"), person("p2", available=[("mon2", "am")])])
    assert error_key(data) == "participants[1].available[0]: unknown day 'mon2'"


def test_missing_required_key_is_named():
    data = week([department("pack")], [person("p1")])
    del data["participants"][0]["dayparts_per_week"]
    assert error_key(data).startswith("participants[0].dayparts_per_week: missing")


def test_bad_value_is_named():
    data = week([department("pack", low=3, high=2)], [person("p1")])
    assert error_key(data).startswith("departments[0].staffing.min: min 3 is above max 2")


def test_pin_to_unknown_participant_is_invalid():
    data = week([department("pack")], [person("p1")], pinned=[assign("p9", "pack")])
    assert error_key(data) == "pinned[0].participant: unknown participant 'p9'"
    solution = solve(data)
    assert solution.status == "invalid"
    assert "pinned[0].participant" in solution.to_json()["explanation"][0]


def test_ids_from_other_weeks_are_ignored_where_harmless():
    data = week([department("pack")], [person("p1", avoid=["gone"], skills={"closed": 2})],
                previous=[assign("gone", "pack")])
    problem = parse_problem(data)
    assert problem.previous == ()
    assert problem.avoid_pairs() == set()


def test_version_two_keys_are_checked_and_named():
    cover = [{"certificate": "forklift", "min": -1}]
    assert error_key(week([department("pack", cover=cover)], [person("p1")])) == (
        "departments[0].cover[0].min: must be a whole number of 0 or more, got -1")
    twice = [{"certificate": "bhv"}, {"certificate": "bhv", "min": 2}]
    assert error_key(week([department("pack")], [person("p1")], site_cover=twice)) == (
        "site_cover[1]: duplicate 'bhv'")
    assert error_key(week([department("pack")], [person("p1")], mode="fix")) == (
        "mode: must be 'plan' or 'gap', got 'fix'")
    problem = parse_problem(week([department("pack")], [person("p1")]))
    assert (problem.mode, problem.site_cover) == ("plan", ())
