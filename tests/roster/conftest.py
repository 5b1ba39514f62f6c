"""Helpers for roster tests: the demo week, waiting for a planning job, reading versions."""

import time

import pytest
from sqlmodel import Session, select

from app.roster.models import RosterVersion, SolverJob
from tests import dates
from tests.conftest import MANAGER

WEEK = dates.WEEK


@pytest.fixture
def manager(auth):
    auth.login(MANAGER)
    return auth


def wait_for_job(app, week: str = WEEK, timeout: float = 60.0) -> SolverJob:
    """Poll the job row like the page does, until the background thread finishes it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(app.extensions["engine"]) as session:
            job = session.exec(
                select(SolverJob).where(SolverJob.week == week).order_by(SolverJob.id.desc())
            ).first()
            if job is not None and job.status in ("done", "failed"):
                return job
        time.sleep(0.2)
    raise AssertionError("planning job did not finish in time")


def latest_version(db: Session, week: str = WEEK) -> RosterVersion | None:
    db.expire_all()
    return db.exec(
        select(RosterVersion)
        .where(RosterVersion.week == week)
        .order_by(RosterVersion.version.desc())
    ).first()


def plan(client, app, week: str = WEEK) -> SolverJob:
    response = client.post(f"/rooster/{week}/plannen")
    assert response.status_code in (200, 302)
    return wait_for_job(app, week)
