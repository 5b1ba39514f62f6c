"""Planning the demo week end to end: build the problem from the demo database, solve, store.

    python bench/plan_demo.py [--time-limit S] [--runs 3]   (default: the app's SOLVER_TIME_LIMIT)

Runs on a fresh in-memory copy of the demo workshop (migrations + demo data), and prints
seconds per phase and in total; the target is under 5 s end to end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlmodel import Session  # noqa: E402

import scheduler  # noqa: E402
from app.config import Config  # noqa: E402
from app.db import create_all, make_engine  # noqa: E402
from app.demo import load_demo  # noqa: E402
from app.roster import versions  # noqa: E402
from app.roster.problem import build_problem  # noqa: E402

WEEK = "2026-W49"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=Config.SOLVER_TIME_LIMIT)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import app.tables  # noqa: F401  (every table on the metadata)

    engine = make_engine("sqlite://")
    create_all(engine)
    with Session(engine) as session:
        load_demo(session)
    print(f"demo week {WEEK}, time limit {args.time_limit} s, {args.workers} workers")
    for run in range(1, args.runs + 1):
        with Session(engine, expire_on_commit=False) as session:
            start = time.perf_counter()
            problem = build_problem(session, WEEK)
            built = time.perf_counter()
            solution = scheduler.solve(problem, time_limit=args.time_limit, workers=args.workers)
            solved = time.perf_counter()
            versions.new_version(
                session, WEEK, [a.to_json() for a in solution.assignments], user_id=None
            )
            session.commit()
            stored = time.perf_counter()
        print(
            f"run {run}: build {built - start:.3f} s, solve {solved - built:.3f} s "
            f"({solution.status}, first feasible {solution.first_feasible_time or 0:.2f} s, "
            f"objective {solution.objective}, understaffing "
            f"{solution.penalties.get('understaffing')}), store {stored - solved:.3f} s, "
            f"total {stored - start:.3f} s"
        )


if __name__ == "__main__":
    main()
