"""The second search runs in a process of its own: its roster is taken when better, and
when it is late the solve goes on without it and leaves no process behind."""

import multiprocessing

from scheduler import check, evaluate, parse_problem, search_pair
from scheduler.model import build_model
from scheduler.penalties import WEIGHTS
from scheduler.search_pair import improve_on_two_cores
from tests.scheduler.roster_factory import department, person, roster, week


def _rotation():
    """Three people each one team off their skill: any search finds the better roster."""
    data = week([department(d, high=1) for d in "abc"],
                [person("p1", skills={"b": 2}), person("p2", skills={"c": 2}),
                 person("p3", skills={"a": 2})])
    problem = parse_problem(data)
    return problem, roster(("p1", "a"), ("p2", "b"), ("p3", "c"))


def _cost(problem, assignments) -> int:
    assert check(problem, assignments) == []
    return evaluate(problem, assignments).objective(WEIGHTS)


def test_the_other_processs_roster_is_taken_when_it_is_better(monkeypatch):
    """This process's search is made to return its start unchanged, so a better roster
    can only have come from the spawned one, which imports the real search."""
    problem, wrong = _rotation()
    monkeypatch.setattr(search_pair, "improve", lambda m, start, *args, **kwargs: start)
    result = improve_on_two_cores(build_model(problem, []), wrong, WEIGHTS, seconds=6)
    assert _cost(problem, result) < _cost(problem, wrong)
    assert multiprocessing.active_children() == []


def test_a_late_other_search_is_left_out_and_stopped(monkeypatch):
    problem, wrong = _rotation()
    monkeypatch.setattr(search_pair, "LEAST_SECONDS", 0.0)
    result = improve_on_two_cores(build_model(problem, []), wrong, WEIGHTS, seconds=0.2)
    assert _cost(problem, result) <= _cost(problem, wrong)
    assert multiprocessing.active_children() == []
