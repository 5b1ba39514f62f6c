"""A refused login costs one password hash whether or not the account exists or is active,
so the time an answer takes does not tell which e-mail addresses have an account."""

import pytest
from sqlmodel import select

from app.auth import passwords
from app.models import User
from tests.conftest import COACH


@pytest.fixture
def hash_checks(monkeypatch) -> list[str]:
    checked: list[str] = []
    real = passwords.check_password_hash

    def counting(stored: str, password: str) -> bool:
        checked.append(stored)
        return real(stored, password)

    monkeypatch.setattr(passwords, "check_password_hash", counting)
    return checked


def test_an_unknown_address_costs_the_same_hash_check(auth, hash_checks):
    assert auth.login(COACH, "Niet-het-wachtwoord-1").status_code == 401
    assert auth.login("niemand@fabriek.test", "Niet-het-wachtwoord-1").status_code == 401
    assert len(hash_checks) == 2
    known, unknown = hash_checks
    # The same scrypt cost: the parameters lead the stored hash.
    assert unknown.split("$")[0] == known.split("$")[0]


def test_a_disabled_account_costs_a_hash_check_and_stays_refused(auth, db, hash_checks):
    user = db.exec(select(User).where(User.email == COACH)).one()
    user.active = False
    db.add(user)
    db.commit()
    assert auth.login(COACH).status_code == 401
    assert len(hash_checks) == 1
