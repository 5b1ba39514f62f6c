"""One planning job per week, alive or taken over (issue 18, points 10 and 11).

Ten simultaneous "Plan de week" made three jobs and two drafts, one failing with
`database is locked` shown to the manager as raw SQL; a killed solve looked alive for a
minute and a new plan attached to it.
"""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, update
from sqlmodel import Session, select

import scheduler
from app.roster import jobs
from app.roster.models import RosterVersion, SolverJob
from inventory.models import utcnow
from tests.conftest import MANAGER
from tests.live import Visitor, at_once, serving
from tests.roster.conftest import WEEK, latest_version, wait_for_job

PARALLEL = 10


def _jobs(db) -> list[SolverJob]:
    db.expire_all()
    return db.exec(select(SolverJob).where(SolverJob.week == WEEK).order_by(SolverJob.id)).all()


def _versions(db) -> int:
    db.expire_all()
    return db.exec(
        select(func.count()).select_from(RosterVersion).where(RosterVersion.week == WEEK)
    ).one()


def _dead_job(db, silent_for: timedelta) -> SolverJob:
    """A job whose worker was killed `silent_for` ago: still 'running', no sign since."""
    started = utcnow() - silent_for
    job = SolverJob(week=WEEK, status="running", time_limit=2, started_at=started)
    db.add(job)
    db.commit()
    return job


def test_a_plan_takes_over_a_job_whose_worker_died_at_once(app, client, db, manager):
    dead = _dead_job(db, timedelta(seconds=15))
    client.post(f"/rooster/{WEEK}/plannen")
    finished = wait_for_job(app)
    assert finished.id != dead.id and finished.status == "done"
    db.refresh(dead)
    assert dead.status == "failed" and dead.error == jobs.LOST


def test_a_job_that_beats_is_alive_and_one_that_stopped_is_lost(app):
    now = utcnow()
    beating = SolverJob(
        week=WEEK, status="running", time_limit=60, started_at=now - timedelta(seconds=50)
    )
    beating.heartbeat_at = now - timedelta(seconds=1)
    silent = SolverJob(week=WEEK, status="running", time_limit=60, started_at=now)
    silent.heartbeat_at = now - jobs.DEAD_AFTER - timedelta(seconds=1)
    assert not jobs.is_lost(beating)
    assert jobs.is_lost(silent)


def test_a_running_job_beats_its_heartbeat(app, db, manager, client, monkeypatch):
    monkeypatch.setattr(jobs, "HEARTBEAT_EVERY", 0.1)
    release = threading.Event()

    def slow_solve(*_args, **_kwargs):
        release.wait(30)
        raise RuntimeError("stopped by the test")

    monkeypatch.setattr(scheduler, "solve", slow_solve)
    client.post(f"/rooster/{WEEK}/plannen")
    try:
        beats = set()
        for _ in range(50):
            [job] = _jobs(db)
            if job.heartbeat_at is not None:
                beats.add(job.heartbeat_at)
            if len(beats) >= 3:
                break
            threading.Event().wait(0.1)
        assert len(beats) >= 3
    finally:
        release.set()
    assert wait_for_job(app).status == "failed"


def test_a_worker_given_up_for_dead_stores_no_draft(app, db, monkeypatch):
    real_solve = scheduler.solve
    before = _versions(db)
    job = SolverJob(week=WEEK, status="queued", time_limit=1)
    db.add(job)
    db.commit()

    def solve_while_given_up(problem, **options):
        with Session(app.extensions["engine"]) as other:
            other.execute(
                update(SolverJob)
                .where(SolverJob.id == job.id)
                .values(status="failed", error=jobs.LOST)
            )
            other.commit()
        return real_solve(problem, **options)

    monkeypatch.setattr(scheduler, "solve", solve_while_given_up)
    jobs.run(app, job.id, 1)
    db.refresh(job)
    assert (job.status, job.error, job.roster_id) == ("failed", jobs.LOST, None)
    assert _versions(db) == before


def test_a_failed_job_never_shows_its_technical_error(app, client, db, manager):
    db.add(
        SolverJob(
            week=WEEK,
            status="failed",
            error="OperationalError: (sqlite3.OperationalError) database is locked "
            "[SQL: INSERT INTO rosterversion (week, version) VALUES (?, ?)]",
        )
    )
    db.commit()
    page = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "De planning is mislukt" in page
    assert "database is locked" not in page and "SQL" not in page


@pytest.fixture
def base(app):
    with serving(app) as url:
        yield url


def test_ten_managers_planning_at_once_share_one_job_and_one_draft(app, base, db):
    before = _versions(db)
    visitors = [Visitor(base, MANAGER) for _ in range(PARALLEL)]
    answers = at_once(
        [
            lambda visitor=visitor: visitor.post(f"/rooster/{WEEK}/plannen", {})
            for visitor in visitors
        ]
    )
    assert [status for status, _page in answers] == [302] * PARALLEL
    assert wait_for_job(app).status == "done"
    assert len(_jobs(db)) == 1
    assert _versions(db) == before + 1
    assert latest_version(db).version == before + 1
