"""Tiny builders for contract JSON, so each test states only the facts it is about."""

from __future__ import annotations

from scheduler import Assignment, check, evaluate, parse_problem, solve

GROUPS = ["detainee", "participatiewet", "status_holder", "sw"]


def department(did: str, low: int = 0, high: int = 5, **extra) -> dict:
    return {"id": did, "name": did.capitalize(), "staffing": {"min": low, "max": high}, **extra}


def person(pid: str, group: str = "sw", available=(("mon", "am"),), per_week: int = 10,
           **extra) -> dict:
    return {"id": pid, "group": group, "available": [list(s) for s in available],
            "dayparts_per_week": per_week, **extra}


def week(departments: list[dict], participants: list[dict], days=("mon",), dayparts=("am",),
         **extra) -> dict:
    return {"week": "2026-W49", "days": list(days), "dayparts": list(dayparts),
            "groups": GROUPS, "departments": departments, "participants": participants, **extra}


def assign(participant: str, department: str, day: str = "mon", daypart: str = "am") -> dict:
    return {"participant": participant, "department": department, "day": day,
            "daypart": daypart}


def roster(*items: tuple) -> list[Assignment]:
    return [Assignment(*item) if len(item) == 4 else Assignment(*item, "mon", "am")
            for item in items]


def solved(data: dict, **kwargs):
    """Solve with a short limit; small weeks are proven optimal well within it."""
    problem = parse_problem(data)
    solution = solve(problem, time_limit=kwargs.pop("time_limit", 5.0), **kwargs)
    assert solution.status == "optimal", solution.explanation
    assert check(problem, solution.assignments) == []
    assert solution.penalties == evaluate(problem, solution.assignments).penalties
    return solution


def placed(solution) -> set[tuple[str, str]]:
    return {(a.participant, a.department) for a in solution.assignments}
