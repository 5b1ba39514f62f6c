"""Command line: `python -m scheduler solve|check ...`.

Exit codes follow the contract so scripts can tell the cases apart: 0 fine, 1 the roster
breaks a hard rule (check) or the week is infeasible (solve), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from scheduler.check import check
from scheduler.evaluate import evaluate
from scheduler.problem import ProblemError, parse_assignments, parse_problem
from scheduler.solve import solve
from scheduler.strategies import PHASE_NAMES


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return args.command(args)
    except ProblemError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


def _solve(args: argparse.Namespace) -> int:
    problem = parse_problem(_load(args.problem))
    solution = solve(problem, time_limit=args.time_limit, workers=args.workers, skip=args.skip)
    if solution.status == "invalid":
        print(f"error: {solution.explanation[0].text}", file=sys.stderr)
        return 2
    text = json.dumps(solution.to_json(), indent=2)
    if args.output:
        Path(args.output).write_text(text + "\n")
    else:
        print(text)
    for line in solution.to_json()["explanation"]:
        print(line, file=sys.stderr)
    print(f"{solution.status}: objective {solution.objective}, {len(solution.assignments)} "
          f"assignments, {solution.wall_time:.2f} s (found by {solution.found_by}, bound "
          f"{solution.best_bound} proved by {solution.proved_by})", file=sys.stderr)
    return 1 if solution.status == "infeasible" else 0


def _check(args: argparse.Namespace) -> int:
    problem = parse_problem(_load(args.problem))
    solution = _load(args.solution)
    if not isinstance(solution, dict) or "assignments" not in solution:
        raise ProblemError("assignments", "missing required key in the solution")
    roster = parse_assignments(solution["assignments"], "assignments")
    violations = check(problem, roster)
    for violation in violations:
        print(f"rule {violation.number} ({violation.rule}): {violation.message}")
    if not violations:
        print("no violations")
    # Cover is soft (contract version 2), so it never fails the check, but a roster with
    # a warehouse team and no forklift driver is worth a line.
    for item in evaluate(problem, roster).details:
        if item.term == "uncovered":
            where = problem.place(item.department) if item.department else "the site"
            print(f"cover: {where} on {item.day} {item.daypart}: {item.amount} "
                  f"{item.certificate} holder(s) short")
    return 1 if violations else 0


def _load(path: str) -> Any:
    try:
        return json.loads(Path(path).read_text())
    except OSError as error:
        raise ProblemError(path, f"cannot read file: {error.strerror}") from error
    except json.JSONDecodeError as error:
        raise ProblemError(path, f"not valid JSON: {error}") from error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m scheduler")
    commands = parser.add_subparsers(required=True)
    solve_cmd = commands.add_parser("solve", help="solve PROBLEM.json into a roster")
    solve_cmd.add_argument("problem")
    solve_cmd.add_argument("--time-limit", type=float, default=10.0)
    solve_cmd.add_argument("--workers", type=int, default=2)
    solve_cmd.add_argument("-o", "--output")
    solve_cmd.add_argument("--skip", type=lambda text: text.split(","), default=[],
                           metavar="PHASE,...",
                           help=f"phases to leave out: {', '.join(sorted(PHASE_NAMES))}")
    solve_cmd.set_defaults(command=_solve)
    check_cmd = commands.add_parser("check", help="list every hard-rule violation")
    check_cmd.add_argument("problem")
    check_cmd.add_argument("solution")
    check_cmd.set_defaults(command=_check)
    return parser
