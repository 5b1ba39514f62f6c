"""The date-sensitive tests, run again with the whole run moved to two other dates.

The suite lives on one frozen date (tests/conftest.py); these runs prove the tests and the
app do not depend on which date that is: a Monday in another year, and the last days of a
year with 53 ISO weeks, whose next week is week 1 of the new year. Each run is a pytest of
its own on SQLite, both at once (they mostly wait on each other's database files, not the
processor).
"""

import os
import subprocess
import sys

import pytest

from app.config import ROOT

DATED = [
    "tests/orders",
    "tests/roster/test_problem.py",
    "tests/roster/test_editing.py",
    "tests/roster/test_planning.py",
    "tests/roster/test_week_cache.py",
    "tests/roster/test_texts.py",
    "tests/coaching/test_contact_log.py",
    "tests/coaching/test_attendance.py",
    "tests/coaching/test_caseload.py",
    "tests/coaching/test_outcomes.py",
    "tests/warehouse_app",
    "tests/foundation/test_demo_data.py",
]
OTHER_DATES = ["2027-06-14T10:00+02:00", "2026-12-31T15:00+01:00"]


@pytest.mark.skipif(
    os.environ.get("TEST_DATABASE_URL", "").startswith("postgres"),
    reason="dates are the same on every database: the SQLite run moves them",
)
def test_the_date_sensitive_tests_pass_on_other_dates():
    env = {k: v for k, v in os.environ.items() if k != "TEST_DATABASE_URL"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *DATED],
            cwd=ROOT,
            env={**env, "FABRIEK_TEST_NOW": moment},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        for moment in OTHER_DATES
    ]
    outputs = [run.communicate(timeout=900)[0] for run in runs]
    for moment, run, output in zip(OTHER_DATES, runs, outputs, strict=True):
        assert run.returncode == 0, f"on {moment}:\n{output[-4000:]}"
