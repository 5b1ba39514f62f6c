"""Login throttling: too many failed attempts lock an account, or an address, for a while.

Per account stops guessing one password from many machines; per address stops one machine
trying many accounts. A successful login clears the account's count (failures before it no
longer count) but not the address's, so a guesser cannot reset it with an account of its own.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from flask import current_app
from sqlalchemy import delete, func
from sqlmodel import Session, select

from app.security.models import LoginAttempt
from inventory.models import utcnow

# Attempts older than this are of no use for any window and are removed.
KEEP = timedelta(days=1)


@dataclass(frozen=True)
class Lock:
    until: datetime

    def minutes_left(self, now: datetime | None = None) -> int:
        return max(1, ceil((self.until - (now or utcnow())).total_seconds() / 60))

    def seconds_left(self, now: datetime | None = None) -> int:
        return max(1, ceil((self.until - (now or utcnow())).total_seconds()))


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["LOGIN_LOCKOUT_MINUTES"])


def current_lock(session: Session, email: str, ip: str) -> Lock | None:
    """The lock on this account or address, if either has too many recent failures."""
    since = utcnow() - _window()
    last_success = session.exec(
        select(func.max(LoginAttempt.at)).where(LoginAttempt.email == email, LoginAttempt.succeeded)
    ).one()
    account_since = max(since, last_success) if last_success else since
    locks = [
        _lock(
            session,
            LoginAttempt.email == email,
            account_since,
            current_app.config["LOGIN_MAX_FAILURES_PER_ACCOUNT"],
        ),
        _lock(
            session,
            LoginAttempt.ip == ip,
            since,
            current_app.config["LOGIN_MAX_FAILURES_PER_IP"],
        ),
    ]
    found = [lock for lock in locks if lock is not None]
    return max(found, key=lambda lock: lock.until) if found else None


def _lock(session: Session, who, since: datetime, limit: int) -> Lock | None:
    failures = session.exec(
        select(LoginAttempt.at)
        .where(who, ~LoginAttempt.succeeded, LoginAttempt.at > since)
        .order_by(LoginAttempt.at.desc())
        .limit(limit)
    ).all()
    if len(failures) < limit:
        return None
    # Locked for a whole window after the latest failure; refused attempts are not recorded,
    # so hammering on a locked account does not lengthen its lock.
    return Lock(until=failures[0] + _window())


def record(session: Session, email: str, ip: str, *, succeeded: bool) -> None:
    """Store one attempt and forget old ones; the caller commits."""
    session.exec(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - KEEP))
    session.add(LoginAttempt(email=email, ip=ip[:64], succeeded=succeeded))
