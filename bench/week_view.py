"""Single-request timings of the pages in bench/load.py's mix, without concurrency.

    python bench/week_view.py [--runs 30]

Builds a migrated, seeded demo database in a temporary folder, stores a solved roster for
the demo week (so the grid holds its ~700 chips) and times, in one process through Flask's
test client:

- the week view right after a change to the data it shows ("cold": the first request
  after a write, which has to build the roster problem, penalties and grid again);
- the week view again without a change in between ("warm");
- the coach's caseload and the customer's orders page, for comparison.

Prints median and p95 in milliseconds per case. Figures from a busy machine say little.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session, select  # noqa: E402

import scheduler  # noqa: E402
from app import create_app  # noqa: E402
from app.config import TestConfig  # noqa: E402
from app.db import create_all, make_engine  # noqa: E402
from app.demo import load_demo  # noqa: E402
from app.migrate import upgrade  # noqa: E402
from app.models import Department  # noqa: E402
from app.roster import versions  # noqa: E402
from app.roster.problem import build_problem  # noqa: E402
from data.generator import DEMO_PASSWORD  # noqa: E402

WEEK = "2026-W49"


def prepare(url: str) -> None:
    """The demo workshop with a solved roster for WEEK, as after 'Plan de week'."""
    upgrade(url)
    engine = make_engine(url)
    create_all(engine)
    with Session(engine, expire_on_commit=False) as session:
        load_demo(session)
        solution = scheduler.solve(build_problem(session, WEEK), time_limit=2, workers=2)
        versions.new_version(
            session, WEEK, [a.to_json() for a in solution.assignments], user_id=None, note="bench"
        )
        session.commit()
    engine.dispose()


def timed(request: Callable[[], object], runs: int, before: Callable[[], None]) -> list[float]:
    times = []
    for _ in range(runs):
        before()
        started = time.perf_counter()
        response = request()
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"HTTP {response.status_code}")
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="fabriek-week-") as tmp:
        url = f"sqlite:///{Path(tmp) / 'fabriek.db'}"
        prepare(url)
        app = create_app(type("BenchConfig", (TestConfig,), {"DATABASE_URL": url}))
        clients = {}
        for email in ("manager@fabriek.test", "coach@fabriek.test", "klant@fabriek.test"):
            clients[email] = app.test_client()
            clients[email].post("/inloggen", data={"email": email, "password": DEMO_PASSWORD})
        manager = clients["manager@fabriek.test"]

        def change_a_department() -> None:
            """A write the week view shows: a department's name, flipped back and forth."""
            with Session(app.extensions["engine"]) as session:
                department = session.exec(select(Department).order_by(Department.id)).first()
                department.name = department.name.swapcase()
                session.add(department)
                session.commit()

        def nothing() -> None:
            return None

        def week() -> object:
            return manager.get(f"/rooster/{WEEK}")

        week()
        cases = {
            "week view, cold": timed(week, args.runs, change_a_department),
            "week view, warm": timed(week, args.runs, nothing),
            "caseload": timed(
                lambda: clients["coach@fabriek.test"].get("/deelnemers/"), args.runs, nothing
            ),
            "portal orders": timed(
                lambda: clients["klant@fabriek.test"].get("/portaal/orders"), args.runs, nothing
            ),
        }
        app.extensions["engine"].dispose()
    print(f"{'page':<20}{'runs':>6}{'median ms':>11}{'p95 ms':>9}")
    for name, values in cases.items():
        p95 = sorted(values)[min(len(values) - 1, int(0.95 * len(values)))]
        print(f"{name:<20}{len(values):>6}{statistics.median(values):>11.1f}{p95:>9.1f}")


if __name__ == "__main__":
    main()
