"""Both job runners: the thread pool by default, RQ on Redis when REDIS_URL is set.

The RQ tests work the queue with `rq.SimpleWorker` in burst mode in this process; the worker
builds its own app from the environment configuration, as a worker machine would.
"""

import threading
import time
from datetime import timedelta

import pytest
from redis import Redis
from rq import Queue, SimpleWorker
from sqlmodel import Session, select

from app import jobs
from app.config import Config
from app.jobs.redis_queue import RedisRunner, task_path
from app.jobs.threads import ThreadRunner
from app.jobs.worker import worker_app
from app.roster import jobs as roster_jobs
from app.roster.models import SolverJob
from data.generator import DEMO_PASSWORD
from tests.conftest import MANAGER, make_app
from tests.roster.conftest import WEEK, latest_version, wait_for_job

FAILED = "De planning is mislukt. Het vorige rooster blijft staan"

_done: dict[str, tuple] = {}
_finished = threading.Event()


def _record(app, *args) -> None:
    _done["call"] = (app.name, threading.current_thread().name, args)
    _finished.set()


def test_without_redis_jobs_run_in_a_thread_with_the_app(app):
    _finished.clear()
    assert isinstance(jobs.runner_of(app), ThreadRunner)
    with app.app_context():
        jobs.submit(_record, 7, "week", timeout=5)
    assert _finished.wait(5)
    name, thread, args = _done["call"]
    assert name == app.name and thread != threading.current_thread().name and args == (7, "week")


def test_task_path_names_an_importable_function():
    assert task_path(roster_jobs.run) == "app.roster.jobs:run"


@pytest.fixture
def rq_app(database_url, redis_url, monkeypatch):
    """The web app with the RQ runner, and the worker's environment pointing at the same
    database; the worker's app is built afresh for this test."""
    monkeypatch.setattr(Config, "DATABASE_URL", database_url)
    worker_app.cache_clear()
    app = make_app(database_url, REDIS_URL=redis_url)
    yield app
    app.extensions["engine"].dispose()
    if worker_app.cache_info().currsize:
        worker_app().extensions["engine"].dispose()
    worker_app.cache_clear()


@pytest.fixture
def rq_client(rq_app):
    return _manager_client(rq_app)


def _manager_client(app):
    client = app.test_client()
    client.post("/inloggen", data={"email": MANAGER, "password": DEMO_PASSWORD})
    return client


def _latest_draft(app):
    with Session(app.extensions["engine"]) as session:
        return latest_version(session)


def _queue(redis_url: str) -> Queue:
    return Queue(jobs.QUEUE, connection=Redis.from_url(redis_url))


def _work(redis_url: str) -> None:
    queue = _queue(redis_url)
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def test_rq_plan_is_queued_and_solved_by_a_worker(rq_app, rq_client, redis_url):
    assert isinstance(jobs.runner_of(rq_app), RedisRunner)
    rq_client.post(f"/rooster/{WEEK}/plannen")
    assert _queue(redis_url).count == 1
    with Session(rq_app.extensions["engine"]) as session:
        assert session.exec(select(SolverJob.status)).one() == "queued"
    _work(redis_url)
    job = wait_for_job(rq_app, timeout=1)
    assert job.status == "done", job.error
    assert job.solver_status in ("optimal", "feasible")
    draft = _latest_draft(rq_app)
    assert draft is not None and job.roster_id == draft.id
    text = rq_client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "Planning klaar" in text


def test_rq_job_past_its_timeout_is_reported_and_roster_stays(
    rq_app, rq_client, redis_url, monkeypatch
):
    def slow(*_args, **_kwargs):
        time.sleep(5)
        raise AssertionError("the worker should have stopped this job")

    monkeypatch.setattr(roster_jobs.scheduler, "solve", slow)
    monkeypatch.setattr(roster_jobs, "GRACE", timedelta(seconds=0))
    rq_app.config["SOLVER_TIME_LIMIT"] = 1.0
    rq_client.post(f"/rooster/{WEEK}/plannen")
    _work(redis_url)
    # The job's own error proves the worker stopped it: the slow solve never ends on its own.
    job = wait_for_job(rq_app, timeout=1)
    assert job.status == "failed" and "JobTimeoutException" in job.error
    assert _latest_draft(rq_app) is None
    assert FAILED in rq_client.get(f"/rooster/{WEEK}").get_data(as_text=True)


def test_unreachable_queue_fails_the_job_instead_of_the_request(database_url):
    app = make_app(database_url, REDIS_URL="redis://127.0.0.1:1/0")
    client = _manager_client(app)
    response = client.post(f"/rooster/{WEEK}/plannen")
    assert response.status_code == 302
    job = wait_for_job(app, timeout=1)
    assert job.status == "failed" and "ConnectionError" in job.error
    assert FAILED in client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    app.extensions["engine"].dispose()
