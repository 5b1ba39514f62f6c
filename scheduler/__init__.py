"""Fabriek's roster solver: a week's problem (roster-format.md) in, the best roster out.

Pure Python on top of OR-Tools CP-SAT; no web framework or database, so the web app, the
command line and the benchmark all call the same functions.
"""

from scheduler.check import Violation, check
from scheduler.evaluate import Evaluation, PenaltyItem, evaluate
from scheduler.explain import Clash, explain
from scheduler.penalties import TERMS, WEIGHTS
from scheduler.problem import (
    Assignment,
    Department,
    Participant,
    Problem,
    ProblemError,
    parse_assignments,
    parse_problem,
)
from scheduler.solve import Solution, solve

__all__ = [
    "TERMS",
    "WEIGHTS",
    "Assignment",
    "Clash",
    "Department",
    "Evaluation",
    "Participant",
    "PenaltyItem",
    "Problem",
    "ProblemError",
    "Solution",
    "Violation",
    "check",
    "evaluate",
    "explain",
    "parse_assignments",
    "parse_problem",
    "solve",
]
