"""Planning runs as a background job (`app.jobs`), with its state kept in the database.

A solve takes seconds, far too long for a request; the request only queues a job, which
runs in a thread of the web process or on an RQ worker. The job's row carries its progress
and result, so whichever web worker answers the polling request can report it. A job that
dies leaves `failed` with its error, and the roster that was there stays untouched: a draft
is only stored from a finished solve.
"""

import logging
import time
from datetime import UTC, datetime, timedelta

from flask import Flask
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

import scheduler
from app import jobs
from app.db import session_scope
from app.roster import versions
from app.roster.models import SolverJob
from app.roster.problem import build_problem
from inventory.models import utcnow

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5
# A job still 'running' this long after its time limit lost its process (a restarted
# worker); it is reported as failed instead of being polled for ever.
GRACE = timedelta(seconds=60)
# The contract's mode for each kind of job: what the manager clicked.
MODES = {"week": "plan", "gap": "gap"}


def start(
    session: Session,
    week: str,
    kind: str,
    *,
    time_limit: float,
    workers: int,
    user_id: int | None,
) -> SolverJob:
    """Queue a planning job; the caller's session commits so the job can see the row.
    Both kinds start from the week's latest version: a gap re-plan keeps what people were
    told, draft edits made after publishing included."""
    base = versions.latest(session, week)
    job = SolverJob(
        week=week,
        kind=kind,
        base_roster_id=base.id if base else None,
        time_limit=time_limit,
        created_by=user_id,
    )
    session.add(job)
    session.commit()
    try:
        jobs.submit(run, job.id, workers, timeout=time_limit + GRACE.total_seconds())
    except Exception as error:  # noqa: BLE001  (an unreachable queue is a failed job)
        log.exception("roster job %s could not be queued", job.id)
        _fail(job, error)
        session.add(job)
        session.commit()
    return job


def run(app: Flask, job_id: int, workers: int) -> None:
    """The whole job in its own sessions; any failure is recorded, never raised."""
    engine = app.extensions["engine"]
    try:
        problem, pinned_keys, time_limit = _prepare(engine, job_id)
        solution = scheduler.solve(
            problem,
            time_limit=time_limit,
            workers=workers,
            progress=_Progress(engine, job_id),
        )
        _store(engine, job_id, solution, pinned_keys)
    except Exception as error:  # noqa: BLE001  (a job must always end in a recorded state)
        log.exception("roster job %s failed", job_id)
        with session_scope(engine) as session:
            _fail(session.get(SolverJob, job_id), error)


def _fail(job: SolverJob, error: Exception) -> None:
    job.status = "failed"
    job.error = f"{type(error).__name__}: {error}"[:2000]
    job.finished_at = utcnow()


def _prepare(engine: Engine, job_id: int) -> tuple[dict, set[tuple[str, str, str]], float]:
    """Mark the job running and build its problem: the pins and roster of its base, in the
    mode the manager clicked. Only what the manager pinned is pinned, in either mode: a
    gap re-plan keeps the rest through `mode: "gap"` (the fewest changes rank right after
    understaffing), so a later full plan can still change it. In a gap re-plan a pin the
    participant can no longer keep (absent, left) is one of the gaps, and is dropped; a
    full plan keeps it, and the week's infeasibility is explained."""
    with session_scope(engine) as session:
        job = session.get(SolverJob, job_id)
        job.status = "running"
        job.started_at = utcnow()
        codes = versions.Codes.load(session)
        base = _base(session, job)
        previous = versions.contract_of(session, base, codes)
        pinned = versions.pinned_of(session, base, codes)
        if job.kind == "gap":
            available = _available(build_problem(session, job.week))
            pinned = [a for a in pinned if (a["participant"], a["day"], a["daypart"]) in available]
        problem = build_problem(session, job.week, pinned=pinned, previous=previous,
                                mode=MODES[job.kind])
        time_limit = job.time_limit
    return problem, {(a["participant"], a["day"], a["daypart"]) for a in pinned}, time_limit


def _available(problem: dict) -> set[tuple[str, str, str]]:
    return {(p["id"], day, part) for p in problem["participants"] for day, part in p["available"]}


def _store(engine: Engine, job_id: int, solution: scheduler.Solution, pinned: set) -> None:
    with session_scope(engine) as session:
        job = session.get(SolverJob, job_id)
        if solution.assignments:
            job.roster_id = _save_draft(session, job, solution, pinned).id
        job.status = "done"
        job.solver_status = solution.status
        job.best_objective = solution.objective
        job.best_bound = solution.best_bound
        job.elapsed = solution.wall_time
        # Which version the plan started from, for the job panel to say.
        base = _base(session, job)
        job.result = {**solution.to_json(), "base_version": base.version if base else None}
        job.finished_at = utcnow()


def _save_draft(
    session: Session, job: SolverJob, solution: scheduler.Solution, pinned: set
) -> versions.RosterVersion:
    """The solution as the week's next version; retried once if a manager saved one meanwhile
    and took the version number."""

    def save() -> versions.RosterVersion:
        return versions.new_version(
            session,
            job.week,
            [a.to_json() for a in solution.assignments],
            user_id=job.created_by,
            note=_note(session, job),
            pinned=pinned,
        )

    try:
        with session.begin_nested():
            return save()
    except IntegrityError:
        return save()


def _note(session: Session, job: SolverJob) -> str:
    """"gap from v3" / "plan from v2" / "plan": the kind, and the version it started from."""
    base = _base(session, job)
    kind = "gap" if job.kind == "gap" else "plan"
    return f"{kind} from v{base.version}" if base else kind


def _base(session: Session, job: SolverJob) -> versions.RosterVersion | None:
    return session.get(versions.RosterVersion, job.base_roster_id) if job.base_roster_id else None


class _Progress:
    """Writes the solver's best objective so far to the job row, at most twice a second."""

    def __init__(self, engine: Engine, job_id: int) -> None:
        self.engine = engine
        self.job_id = job_id
        self.last = 0.0

    def __call__(self, elapsed: float, objective: float, bound: float) -> None:
        now = time.monotonic()
        if now - self.last < PROGRESS_EVERY:
            return
        self.last = now
        with session_scope(self.engine) as session:
            job = session.get(SolverJob, self.job_id)
            job.elapsed = elapsed
            job.best_objective = objective
            job.best_bound = bound


def is_lost(job: SolverJob) -> bool:
    """Queued or running well past its time limit: its process is gone."""
    if job.status not in ("queued", "running"):
        return False
    since = aware(job.started_at or job.created_at)
    return utcnow() - since > timedelta(seconds=job.time_limit) + GRACE


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; make them comparable with utcnow()."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
