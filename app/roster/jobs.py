"""Planning runs as a background job (`app.jobs`), with its state kept in the database.

A solve takes seconds, far too long for a request; the request only queues a job, which
runs in a thread of the web process or on an RQ worker. The job's row carries its progress
and result, so whichever web worker answers the polling request can report it. A job that
dies leaves `failed` with its error, and the roster that was there stays untouched: a draft
is only stored from a finished solve.

A week has at most one queued or running job. A running job beats a heartbeat into its row;
a job whose heartbeat stopped lost its worker (killed, restarted) and the next plan of its
week takes over at once. Every write of a job is guarded by its status, so a worker that
was given up for dead and wakes up again can no longer store a draft over the new job's.
"""

import logging
import time
from datetime import UTC, datetime, timedelta

from flask import Flask
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

import scheduler
from app import jobs
from app.db import session_scope
from app.jobs.heartbeat import heartbeat
from app.roster import versions
from app.roster.models import JOB_ACTIVE, SolverJob
from app.roster.problem import build_problem
from inventory.models import utcnow

log = logging.getLogger(__name__)
PROGRESS_EVERY = 0.5
HEARTBEAT_EVERY = 2.0
# Five missed beats: the worker is gone, not just busy (the machine has two cores).
DEAD_AFTER = timedelta(seconds=10)
# A job still 'queued' this long after its time limit never found a worker (a restarted
# web process lost its thread pool's queue); it is reported as failed instead.
GRACE = timedelta(seconds=60)
LOST = "lost: its worker stopped"
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
    """The week's planning job: the one still alive, else a new one, queued and committed.

    Managers pressing Plan at once all get the first job (a unique index allows one active
    job per week); a job whose worker died is given up and replaced at once. Both kinds
    start from the week's latest version: a gap re-plan keeps what people were told, draft
    edits made after publishing included.
    """
    active = session.exec(
        select(SolverJob).where(SolverJob.week == week, SolverJob.status.in_(JOB_ACTIVE))
    ).first()
    if active is not None and not is_lost(active):
        return active
    if active is not None:
        _end(session, active.id, status="failed", error=LOST)
    base = versions.latest(session, week)
    job = SolverJob(
        week=week,
        kind=kind,
        base_roster_id=base.id if base else None,
        time_limit=time_limit,
        created_by=user_id,
    )
    session.add(job)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return session.exec(
            select(SolverJob).where(SolverJob.week == week).order_by(SolverJob.id.desc())
        ).first()
    try:
        jobs.submit(run, job.id, workers, timeout=time_limit + GRACE.total_seconds())
    except Exception as error:  # noqa: BLE001  (an unreachable queue is a failed job)
        log.exception("roster job %s could not be queued", job.id)
        _end(session, job.id, status="failed", error=_error_text(error))
        session.commit()
        session.refresh(job)
    return job


def run(app: Flask, job_id: int, workers: int) -> None:
    """The whole job in its own sessions; any failure is recorded, never raised."""
    engine = app.extensions["engine"]
    try:
        if not _claim(engine, job_id):
            return
        with heartbeat(lambda: _beat(engine, job_id), HEARTBEAT_EVERY):
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
            _end(session, job_id, status="failed", error=_error_text(error))


def _error_text(error: Exception) -> str:
    """For the log and the row; the manager's page shows a plain sentence, never this."""
    return f"{type(error).__name__}: {error}"[:2000]


def _end(session: Session, job_id: int, **values: object) -> bool:
    """Finish a job that is still active; False if it had already ended or been given up."""
    ended = session.execute(
        update(SolverJob)
        .where(SolverJob.id == job_id, SolverJob.status.in_(JOB_ACTIVE))
        .values(finished_at=utcnow(), **values),
        execution_options={"synchronize_session": False},
    )
    return ended.rowcount == 1


def _claim(engine: Engine, job_id: int) -> bool:
    """Mark a queued job running; False if it was given up before a worker took it."""
    now = utcnow()
    with session_scope(engine) as session:
        claimed = session.execute(
            update(SolverJob)
            .where(SolverJob.id == job_id, SolverJob.status == "queued")
            .values(status="running", started_at=now, heartbeat_at=now),
            execution_options={"synchronize_session": False},
        )
        return claimed.rowcount == 1


def _beat(engine: Engine, job_id: int) -> None:
    with session_scope(engine) as session:
        session.execute(
            update(SolverJob)
            .where(SolverJob.id == job_id, SolverJob.status == "running")
            .values(heartbeat_at=utcnow()),
            execution_options={"synchronize_session": False},
        )


def _prepare(engine: Engine, job_id: int) -> tuple[dict, set[tuple[str, str, str]], float]:
    """Build the job's problem: the pins and roster of its base, in the mode the manager
    clicked. Only what the manager pinned is pinned, in either mode: a gap re-plan keeps
    the rest through `mode: "gap"` (the fewest changes rank right after understaffing),
    so a later full plan can still change it. In a gap re-plan a pin the
    participant can no longer keep (absent, left) is one of the gaps, and is dropped; a
    full plan keeps it, and the week's infeasibility is explained."""
    with session_scope(engine) as session:
        job = session.get(SolverJob, job_id)
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
    """Record the result and save the draft, unless the job was given up meanwhile.

    The guarded finish is the transaction's first write, so it also orders this draft
    after any other writer (SQLite's write lock) before its version number is read.
    """
    with session_scope(engine) as session:
        if not _end(
            session,
            job_id,
            status="done",
            solver_status=solution.status,
            best_objective=solution.objective,
            best_bound=solution.best_bound,
            elapsed=solution.wall_time,
            result=solution.to_json(),
        ):
            log.warning("roster job %s was given up; its result is not stored", job_id)
            return
        job = session.get(SolverJob, job_id)
        if solution.assignments:
            job.roster_id = _save_draft(session, job, solution, pinned).id
        # Which version the plan started from, for the job panel to say.
        base = _base(session, job)
        job.result = {**(job.result or {}), "base_version": base.version if base else None}


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
    """Its worker is gone: running without a heartbeat for `DEAD_AFTER`, or still queued
    well past its time limit."""
    now = utcnow()
    if job.status == "running":
        last_sign = job.heartbeat_at or job.started_at or job.created_at
        return now - aware(last_sign) > DEAD_AFTER
    if job.status == "queued":
        return now - aware(job.created_at) > timedelta(seconds=job.time_limit) + GRACE
    return False


def aware(moment: datetime) -> datetime:
    """SQLite hands back naive UTC datetimes; make them comparable with utcnow()."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
