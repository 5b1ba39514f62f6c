"""Fixtures for the operations tests: a Redis for the RQ runner and a manager's login."""

import os

import pytest
from redis import Redis
from rq import Queue

from app.jobs import QUEUE
from tests.conftest import MANAGER


@pytest.fixture
def redis_url() -> str:
    """The Redis that `make test` starts (.ci/redis.sh); without one these tests are skipped,
    and the Makefile makes a missing Redis fail the run instead."""
    url = os.environ.get("TEST_REDIS_URL", "")
    if not url:
        pytest.skip("TEST_REDIS_URL is not set (make test sets it from .ci/redis.sh)")
    connection = Redis.from_url(url)
    Queue(QUEUE, connection=connection).empty()
    yield url
    Queue(QUEUE, connection=connection).empty()
    connection.close()


@pytest.fixture
def manager(auth):
    auth.login(MANAGER)
    return auth
