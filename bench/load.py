"""Load test: 50 logged-in users on gunicorn while the solver plans the demo week.

Starts gunicorn (4 workers, thread job runner) on loopback on a temporary, migrated and
seeded SQLite copy of the demo workshop, logs in simulated users (managers browse the week
roster, coaches their caseload, customers their orders in the portal) and lets them browse
for a fixed time, with a short think time between pages, while the solver plans the week
through the planner's own POST route, starting again whenever a run ends. Prints requests,
errors and p50/p95/p99 latency per page and overall. Target: p95 under 150 ms, no errors.

By default one solver run lasts the whole browsing time (the target's "while a solver job
runs"). ``--solver-seconds 4`` (the app's default limit) instead stores a new draft every
few seconds, which also empties the week view's cache each time: a stress case.

Run from the repository root:
``python bench/load.py [--seconds 60] [--users 50] [--solver-seconds S]``.
"""

import argparse
import http.cookiejar
import os
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from data.generator import DEMO_PASSWORD  # noqa: E402

WEEK = "2026-W49"
PAGES = {
    "manager": f"/rooster/{WEEK}",
    "coach": "/deelnemers/",
    "customer": "/portaal/orders",
}
ACCOUNTS = {
    "manager": ["manager@fabriek.test", "admin@fabriek.test"],
    "coach": [f"coach{n}@fabriek.test" for n in ("", "2", "3", "4")],
    "customer": [f"klant{n}@fabriek.test" for n in ("", "2", "3", "4", "5")],
}
MIX = {"manager": 0.3, "coach": 0.4, "customer": 0.3}
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
TARGET_P95 = 0.150


@dataclass
class Figures:
    """Latencies per page and failures, shared by every user thread."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[page].append(seconds)
            if error:
                self.errors[page].append(error)


class User:
    """One browser: its own cookie jar, so its own session and CSRF token."""

    def __init__(self, base: str, email: str) -> None:
        self.base = base
        self.email = email
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def get(self, path: str) -> tuple[int, str]:
        return self._open(urllib.request.Request(self.base + path))

    def post(self, path: str, data: dict[str, str]) -> tuple[int, str]:
        body = urllib.parse.urlencode(data).encode()
        return self._open(urllib.request.Request(self.base + path, data=body, method="POST"))

    def _open(self, request: urllib.request.Request) -> tuple[int, str]:
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def login(self) -> None:
        _, page = self.get("/inloggen")
        status, body = self.post(
            "/inloggen",
            {"csrf_token": _token(page), "email": self.email, "password": DEMO_PASSWORD},
        )
        if status != 200 or "/uitloggen" not in body:
            raise RuntimeError(f"login of {self.email} failed ({status})")

    def token_from(self, path: str) -> str:
        return _token(self.get(path)[1])


def _token(page: str) -> str:
    match = TOKEN.search(page)
    if match is None:
        raise RuntimeError("no CSRF token on the page")
    return match.group(1)


def browse(user: User, page: str, deadline: float, think: float, figures: Figures) -> None:
    while time.monotonic() < deadline:
        started = time.perf_counter()
        try:
            status, _ = user.get(page)
            error = None if status == 200 else f"HTTP {status}"
        except OSError as failure:
            error = f"{type(failure).__name__}: {failure}"
        figures.add(page, time.perf_counter() - started, error)
        time.sleep(random.uniform(0.5, 1.5) * think)


def keep_solving(user: User, database: Path, deadline: float, outcomes: list[str]) -> None:
    """Start a planning run whenever the previous one has finished, until the deadline."""
    while time.monotonic() < deadline:
        token = user.token_from(f"/rooster/{WEEK}")
        status, _ = user.post(f"/rooster/{WEEK}/plannen", {"csrf_token": token})
        if status != 200:
            outcomes.append(f"start refused: HTTP {status}")
            return
        while True:
            time.sleep(0.5)
            state = _last_job(database)
            if state in ("done", "failed"):
                outcomes.append(state)
                break


def _last_job(database: Path) -> str:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30) as conn:
        row = conn.execute("SELECT status FROM solverjob ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else "queued"


def prepare(folder: Path, solver_seconds: float) -> dict[str, str]:
    """A migrated, seeded demo database and the environment for the server."""
    env = os.environ | {
        "SOLVER_TIME_LIMIT": str(solver_seconds),
        "FLASK_APP": "app",
        "DATABASE_URL": f"sqlite:///{folder / 'fabriek.db'}",
        "UPLOAD_FOLDER": str(folder / "uploads"),
        "REDIS_URL": "",
    }
    for command in ("db-upgrade", "seed-demo"):
        subprocess.run(
            [sys.executable, "-m", "flask", command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return env


def serve(env: dict[str, str], port: int, workers: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    server = subprocess.Popen(
        [
            str(gunicorn),
            "--no-control-socket",
            "--workers",
            str(workers),
            "--threads",
            "4",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "app:create_app()",
        ],
        cwd=ROOT,
        env=env,
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def roles_for(users: int) -> list[str]:
    roles = [role for role, share in MIX.items() for _ in range(round(users * share))]
    return (roles + ["coach"] * users)[:users]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(figures: Figures, seconds: float, solves: list[str]) -> None:
    print(f"\n{'page':<24}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    everything: list[float] = []
    for page, values in sorted(figures.latencies.items()):
        everything += values
        _row(page, values, len(figures.errors[page]))
    errors = sum(len(e) for e in figures.errors.values())
    _row("overall", everything, errors)
    print(f"\n{len(everything) / seconds:.1f} requests/s; solver runs finished: {solves}")
    for page, messages in figures.errors.items():
        if messages:
            print(f"errors on {page}: {sorted(set(messages))[:5]}")
    p95 = percentile(everything, 0.95)
    verdict = "met" if p95 < TARGET_P95 and not errors else "NOT met"
    print(f"target p95 < {TARGET_P95 * 1000:.0f} ms and no errors: {verdict}")


def _row(page: str, values: list[float], errors: int) -> None:
    p50, p95, p99 = (percentile(values, q) * 1000 for q in (0.50, 0.95, 0.99))
    print(f"{page:<24}{len(values):>9}{errors:>8}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds between pages")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-solver", action="store_true", help="browse without a solver run")
    parser.add_argument("--solver-seconds", type=float,
                        help="time limit of each solver run (default: the browsing time)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fabriek-load-") as tmp:
        folder = Path(tmp)
        env = prepare(folder, args.solver_seconds or args.seconds)
        port = _free_port()
        server = serve(env, port, args.workers)
        try:
            base = f"http://127.0.0.1:{port}"
            users = []
            for number, role in enumerate(roles_for(args.users)):
                accounts = ACCOUNTS[role]
                user = User(base, accounts[number % len(accounts)])
                user.login()
                users.append((user, PAGES[role]))
            print(f"{len(users)} users logged in; browsing for {args.seconds:.0f} s")
            figures = Figures()
            solves: list[str] = []
            deadline = time.monotonic() + args.seconds
            threads = [
                threading.Thread(target=browse, args=(user, page, deadline, args.think, figures))
                for user, page in users
            ]
            if not args.no_solver:
                planner = User(base, ACCOUNTS["manager"][0])
                planner.login()
                threads.append(
                    threading.Thread(
                        target=keep_solving,
                        args=(planner, folder / "fabriek.db", deadline, solves),
                    )
                )
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            report(figures, args.seconds, solves)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
