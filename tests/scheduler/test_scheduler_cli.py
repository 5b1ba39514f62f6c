"""The command line through a real subprocess: exit codes and messages of the contract."""

import json
import subprocess
import sys

from tests.scheduler.roster_factory import assign, department, person, week


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "scheduler", *args], capture_output=True,
                          text=True, timeout=60)


def write(tmp_path, name: str, data) -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_solve_then_check(tmp_path):
    problem = write(tmp_path, "problem.json", week([department("a", low=1)], [person("p1")]))
    out = tmp_path / "solution.json"
    done = run("solve", problem, "--time-limit", "2", "-o", str(out))
    assert done.returncode == 0, done.stderr
    solution = json.loads(out.read_text())
    assert solution["status"] == "optimal"
    assert solution["assignments"] == [assign("p1", "a")]
    assert set(solution["penalties"]) >= {"understaffing", "changes", "department_switch"}
    checked = run("check", problem, str(out))
    assert (checked.returncode, checked.stdout.strip()) == (0, "no violations")


def test_check_lists_every_violation(tmp_path):
    problem = write(tmp_path, "problem.json", week([department("a", high=1)],
                                                   [person("p1"), person("p2")]))
    solution = write(tmp_path, "solution.json", {"assignments": [
        assign("p1", "a"), assign("p2", "a"), assign("p2", "a", "mon", "pm")]})
    done = run("check", problem, solution)
    assert done.returncode == 1
    assert "rule 5 (capacity)" in done.stdout
    assert "unknown" in done.stdout


def test_check_names_missing_cover_without_failing(tmp_path):
    data = week([department("a", cover=[{"certificate": "forklift", "min": 1}])],
                [person("p1")], site_cover=[{"certificate": "bhv", "min": 1}])
    problem = write(tmp_path, "problem.json", data)
    solution = write(tmp_path, "solution.json", {"assignments": [assign("p1", "a")]})
    done = run("check", problem, solution)
    assert done.returncode == 0
    assert done.stdout.splitlines() == [
        "no violations",
        "cover: A on mon am: 1 forklift holder(s) short",
        "cover: the site on mon am: 1 bhv holder(s) short",
    ]


def test_bad_json_exits_2_naming_the_file(tmp_path):
    problem = write(tmp_path, "problem.json", "{not json")
    done = run("solve", problem)
    assert done.returncode == 2
    assert "problem.json: not valid JSON" in done.stderr
    assert "Traceback" not in done.stderr


def test_missing_key_exits_2_naming_the_key(tmp_path):
    data = week([department("a")], [person("p1")])
    del data["departments"][0]["staffing"]
    done = run("solve", write(tmp_path, "problem.json", data))
    assert done.returncode == 2
    assert "departments[0].staffing: missing required key" in done.stderr
    solution = write(tmp_path, "solution.json", {"status": "optimal"})
    problem = write(tmp_path, "ok.json", week([department("a")], [person("p1")]))
    done = run("check", problem, solution)
    assert (done.returncode, done.stderr.strip()) == (
        2, "error: assignments: missing required key in the solution")


def test_infeasible_week_exits_1_with_the_explanation(tmp_path):
    data = week([department("a")], [person("p1")], pinned=[assign("p1", "a", "mon", "pm")],
                dayparts=("am", "pm"))
    done = run("solve", write(tmp_path, "problem.json", data))
    assert done.returncode == 1
    assert "not available then" in done.stderr
    assert json.loads(done.stdout)["status"] == "infeasible"


def test_solve_leaves_phases_out_by_name(tmp_path):
    problem = write(tmp_path, "problem.json", week([department("a", low=1)], [person("p1")]))
    done = run("solve", problem, "--time-limit", "2", "--skip", "lp,face,cp-sat")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["found_by"] == "flow"
    assert "found by flow" in done.stderr
    wrong = run("solve", problem, "--skip", "lp,dive")
    assert wrong.returncode == 2 and "unknown phase(s) to skip: dive" in wrong.stderr
