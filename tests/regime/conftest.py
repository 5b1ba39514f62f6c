import pytest

from tests.conftest import MANAGER


@pytest.fixture
def manager(auth):
    auth.login(MANAGER)
    return auth
