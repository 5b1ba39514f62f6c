"""docs/roster-format.md against the code: its JSON examples, key tables, weights and rules.

Every ```json block there is a complete problem or solution (or marked `<!-- fragment -->`),
and each problem is followed by the solution the solver gives for it. The examples are
chosen with a single optimal roster, so the whole solution is compared.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import json
import re
from pathlib import Path

import pytest

from scheduler import (
    WEIGHTS,
    Assignment,
    Clash,
    PenaltyItem,
    Problem,
    ProblemError,
    Solution,
    check,
    evaluate,
    parse_problem,
    solve,
)
from scheduler.check import RULE_NUMBERS
from scheduler.cli import main

DOC = Path(__file__).resolve().parents[2] / "docs" / "roster-format.md"
TEXT = DOC.read_text()
PROBLEM_PART, SOLUTION_PART = TEXT.split("\n## The solution\n")
FRAGMENT = "<!-- fragment -->"
# Keys whose value the solver reports per run, not per week: only their presence is compared.
RUN_KEYS = {"found_by", "proved_by"}
# A value no key of the contract accepts (not a string, list, object, bool or whole number,
# and outside 0..1): the parser must name the key it was put under.
WRONG = -1.5
# The parser iterates `overrides` without checking it is a list, so WRONG there is a
# TypeError, not a ProblemError (test_overrides_not_a_list_is_named, expected to fail).
def json_blocks() -> list[tuple[str, bool, object]]:
    """(the heading above it, is_fragment, value) of every ```json block, in order."""
    lines = TEXT.splitlines()
    blocks, heading = [], ""
    for i, line in enumerate(lines):
        if line.startswith("#"):
            heading = line.lstrip("# ")
        if line.strip() == "```json":
            end = lines.index("```", i + 1)
            fragment = i > 0 and lines[i - 1].strip() == FRAGMENT
            blocks.append((heading, fragment, json.loads("\n".join(lines[i + 1:end]))))
    return blocks


def examples() -> list:
    """A pytest param (problem, solution) per example, named by its heading: each solution
    follows its problem."""
    pairs, problem = [], None
    for heading, fragment, value in json_blocks():
        if fragment:
            continue
        if "status" in value:
            assert problem is not None, f"a solution without its problem: {value}"
            pairs.append(pytest.param(problem, value, id=heading))
            problem = None
        else:
            assert problem is None, f"a problem without its solution: {problem}"
            problem = value
    assert problem is None, f"a problem without its solution: {problem}"
    return pairs


EXAMPLES = examples()
VALID = [e for e in EXAMPLES if e.values[1]["status"] != "invalid"]
INVALID = [e for e in EXAMPLES if e.values[1]["status"] == "invalid"]
PROBLEMS = [pytest.param(e.values[0], id=e.id) for e in VALID]


def key_tables(part: str) -> dict[str, str]:
    """Documented key path -> its type cell, from the tables headed `key of ...`: the header
    names the objects (`departments[]`, or `the problem` for the top level), each row a key."""
    documented = {}
    for table in re.findall(r"^\| key of (.*?) \|.*\n\|[- |]+\n((?:\|.*\n)+)", part, re.M):
        header, rows = table
        prefixes = re.findall(r"`([^`]+)`", header) or [""]
        for row in rows.splitlines():
            key, kind = re.match(r"\| `([^`]+)` \| ([^|]*) \|", row).groups()
            for prefix in prefixes:
                documented[f"{prefix}.{key}" if prefix else key] = kind.strip()
    return documented


PROBLEM_KEYS = key_tables(PROBLEM_PART)
SOLUTION_KEYS = key_tables(SOLUTION_PART)
# Objects whose keys are ids (group -> share, department -> level, term -> amount).
MAPS = {path for path, kind in {**PROBLEM_KEYS, **SOLUTION_KEYS}.items()
        if kind.startswith("object:")}


def key_paths(value: object, path: str = "") -> list[tuple[str, tuple]]:
    """(documented form like `departments[].staffing.min`, concrete location) of every key."""
    found = []
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            found.append((here, (key,)))
            if here not in MAPS:
                found += [(p, (key, *loc)) for p, loc in key_paths(item, here)]
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += [(p, (i, *loc)) for p, loc in key_paths(item, f"{path}[]")]
    return found


def location_text(location: tuple) -> str:
    """The parser's way of naming a location: `participants[0].dayparts_per_week`."""
    text = ""
    for step in location:
        text += f"[{step}]" if isinstance(step, int) else f".{step}" if text else step
    return text


def comparable(solution: dict) -> dict:
    """A solution without run-dependent values; details in a fixed order."""
    result = {k: v for k, v in solution.items() if k not in RUN_KEYS}
    result["details"] = sorted(solution["details"], key=lambda item: json.dumps(item))
    return result


def test_the_doc_shows_every_kind_of_example():
    statuses = [e.values[1]["status"] for e in EXAMPLES]
    assert statuses.count("optimal") >= 3
    assert {"infeasible", "invalid"} <= set(statuses)
    assert any(fragment for _, fragment, _ in json_blocks())


@pytest.mark.parametrize("problem, documented", VALID)
def test_the_solver_gives_the_documented_solution(problem, documented):
    parse_problem(problem)
    solution = solve(problem, time_limit=2).to_json()
    assert comparable(solution) == comparable(documented)


def rank(problem: Problem, roster: list[Assignment]) -> tuple[int, ...]:
    """What the solver minimises, first to last: understaffing first; in a gap re-plan
    (with `previous`) then cover and changes; then the weighted objective."""
    evaluation = evaluate(problem, roster)
    first = ["understaffing"]
    if problem.mode == "gap" and problem.previous:
        first += ["uncovered", "changes"]
    return (*(evaluation.penalties[term] for term in first), evaluation.objective())


def best_rosters(problem: Problem) -> list[list[Assignment]]:
    """Every valid roster at the best rank, by trying them all (small weeks only)."""
    cells = [(p.id, slot) for p in problem.participants for slot in problem.slots
             if slot in p.available]
    places = [None, *(d.id for d in problem.departments)]
    best, rosters = None, []
    for choice in itertools.product(places, repeat=len(cells)):
        roster = sorted(Assignment(pid, did, *slot)
                        for (pid, slot), did in zip(cells, choice, strict=True) if did)
        if check(problem, roster):
            continue
        here = rank(problem, roster)
        if best is None or here < best:
            best, rosters = here, [roster]
        elif here == best:
            rosters.append(roster)
    return rosters


@pytest.mark.parametrize("problem, documented", [
    e for e in VALID if e.values[1]["status"] == "optimal"])
def test_documented_roster_is_the_only_best_one(problem, documented):
    """Tried against every roster, without the solver: the doc's claim that the optimum is
    unique is what lets the solver test above compare assignments."""
    [best] = best_rosters(parse_problem(problem))
    assert [a.to_json() for a in best] == documented["assignments"]


@pytest.mark.parametrize("problem, documented", INVALID)
def test_invalid_example_fails_with_the_documented_message(problem, documented, tmp_path,
                                                           capsys):
    with pytest.raises(ProblemError) as caught:
        parse_problem(problem)
    [message] = documented["explanation"]
    assert str(caught.value) == message
    assert comparable(solve(problem).to_json()) == comparable(documented)
    path = tmp_path / "problem.json"
    path.write_text(json.dumps(problem))
    assert main(["solve", str(path)]) == 2
    line = capsys.readouterr().err.strip()
    assert line == f"error: {message}"
    assert f"```\n{line}\n```" in TEXT


@pytest.mark.parametrize("documented", [pytest.param(e.values[1], id=e.id) for e in EXAMPLES])
def test_solution_examples_have_exactly_the_keys_of_to_json(documented):
    assert list(documented) == list(Solution("optimal").to_json())
    item_keys = [f.name for f in dataclasses.fields(PenaltyItem)]
    assert all(list(item) == item_keys for item in documented["details"])
    clash_keys = list(Clash("rule", (), None, None, None, "text").to_json())
    assert all(list(clash) == clash_keys for clash in documented["clashes"])


def test_solution_tables_name_exactly_the_keys_of_to_json():
    expected = set(Solution("optimal").to_json())
    expected |= {f"details[].{f.name}" for f in dataclasses.fields(PenaltyItem)}
    expected |= {f"clashes[].{key}" for key in Clash("r", (), None, None, None, "t").to_json()}
    assert set(SOLUTION_KEYS) == expected
    # An assignment is documented once, with `pinned[]` and `previous[]`.
    assignment = [f.name for f in dataclasses.fields(Assignment)]
    assert [key for key in PROBLEM_KEYS if key.startswith("pinned[].")] == [
        f"pinned[].{key}" for key in assignment]
    expected |= {f"assignments[].{key}" for key in assignment}
    used = {path for e in EXAMPLES for path, _ in key_paths(e.values[1])}
    assert used == expected


def test_problem_examples_use_exactly_the_documented_keys():
    used = {path for e in VALID for path, _ in key_paths(e.values[0])}
    assert used - set(PROBLEM_KEYS) == set(), "keys in examples but not in the tables"
    assert set(PROBLEM_KEYS) - used == set(), "documented keys no example shows"


@pytest.mark.parametrize("problem", PROBLEMS)
def test_every_key_of_the_examples_is_one_the_parser_reads(problem):
    """A wrong value under a key the parser reads is an error naming that key; under a key
    it does not know (a rename in the code, a typo in the doc) nothing happens, and this
    fails."""
    for path, location in key_paths(problem):
        key = wrong_value_error(problem, location).key
        where = location_text(location)
        assert key == where or key.startswith((f"{where}.", f"{where}[")), (path, key)


def wrong_value_error(problem: dict, location: tuple) -> ProblemError:
    """The parser's error for `problem` with WRONG put at `location`."""
    broken = copy.deepcopy(problem)
    *parents, last = location
    target = broken
    for step in parents:
        target = target[step]
    target[last] = WRONG
    with pytest.raises(ProblemError) as caught:
        parse_problem(broken)
    return caught.value


class _Reads(dict):
    """A JSON object that notes which of its keys the parser asks for."""

    def __init__(self, value: dict, path: str, log: set[str]) -> None:
        super().__init__(value)
        self.path, self.log = path, log

    def _note(self, key: object) -> None:
        self.log.add(f"{self.path}.{key}" if self.path else str(key))

    def get(self, key, default=None):
        self._note(key)
        return super().get(key, default)

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self._note(key)
        return super().__contains__(key)


def noting_reads(value: object, log: set[str], path: str = "") -> object:
    if isinstance(value, dict) and path not in MAPS:
        return _Reads({k: noting_reads(v, log, f"{path}.{k}" if path else k)
                       for k, v in value.items()}, path, log)
    if isinstance(value, list):
        return [noting_reads(item, log, f"{path}[]") for item in value]
    return value


def test_every_key_the_parser_reads_is_documented():
    """A key added to the parser and not to the tables fails here."""
    log: set[str] = set()
    for e in VALID:
        parse_problem(noting_reads(e.values[0], log))
    assert log - set(PROBLEM_KEYS) == set()


def table_rows(section: str) -> list[list[str]]:
    """The cells of every table row in a `## section` of the doc, header and rule aside."""
    body = TEXT.split(f"\n## {section}\n")[1].split("\n## ")[0]
    rows = [line.strip("|").split("|") for line in body.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row] for row in rows[2:]]


def test_weights_table_is_the_code():
    documented = {term.strip("`"): int(weight.replace(",", ""))
                  for term, _unit, weight in table_rows("Soft terms, weights and units")}
    assert documented == WEIGHTS


def test_hard_rules_table_is_the_checker():
    documented = {name: int(number)
                  for number, _text, names in table_rows("Hard rules")
                  for name in re.findall(r"`([^`]+)`", names)}
    assert documented == RULE_NUMBERS
