import pytest

from tests.conftest import COACH, MANAGER


@pytest.fixture
def manager(auth):
    auth.login(MANAGER)
    return auth


@pytest.fixture
def coach(auth):
    auth.login(COACH)
    return auth
