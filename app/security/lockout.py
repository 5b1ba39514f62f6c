"""Login throttling: too many failed attempts lock an account, or an address, for a while.

Per account stops guessing one password from many machines; per address stops one machine
trying many accounts. A successful login clears the account's count (failures before it no
longer count) but not the address's, so a guesser cannot reset it with an account of its own.
An admin can lift either lock (`release`): failures before that no longer count either.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil

from flask import current_app
from sqlalchemy import delete, func, or_, union_all
from sqlmodel import Session, select

from app.security.models import LOCK_KINDS, LockRelease, LoginAttempt
from inventory.models import utcnow

ACCOUNT, ADDRESS = LOCK_KINDS
# Attempts older than this are of no use for any window and are removed.
KEEP = timedelta(days=1)
LIMIT_SETTING = {
    ACCOUNT: "LOGIN_MAX_FAILURES_PER_ACCOUNT",
    ADDRESS: "LOGIN_MAX_FAILURES_PER_IP",
}


@dataclass(frozen=True)
class Lock:
    until: datetime

    def minutes_left(self, now: datetime | None = None) -> int:
        return max(1, ceil((self.until - (now or utcnow())).total_seconds() / 60))

    def seconds_left(self, now: datetime | None = None) -> int:
        return max(1, ceil((self.until - (now or utcnow())).total_seconds()))


@dataclass(frozen=True)
class LockedOut:
    """One account or address that is locked now."""

    kind: str
    value: str
    # The failure that reached the limit: attempts refused while locked are not recorded,
    # so the latest failure is the moment the lock began.
    since: datetime
    until: datetime
    failures: int


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["LOGIN_LOCKOUT_MINUTES"])


def current_lock(session: Session, email: str, ip: str) -> Lock | None:
    """The lock on this account or address, if either has too many recent failures."""
    found = _locked(session, ACCOUNT, email) + _locked(session, ADDRESS, ip)
    return Lock(until=max(lock.until for lock in found)) if found else None


def current_locks(session: Session) -> list[LockedOut]:
    """Every account and address locked now, the most recent lock first."""
    found = _locked(session, ACCOUNT) + _locked(session, ADDRESS)
    return sorted(found, key=lambda lock: (lock.since, lock.kind, lock.value), reverse=True)


def release(session: Session, kind: str, value: str) -> LockedOut | None:
    """Lift the lock on one account or address; None if it is not locked (any more).
    The caller commits."""
    found = _locked(session, kind, value)
    if not found:
        return None
    session.add(LockRelease(kind=kind, value=value))
    return found[0]


def _locked(session: Session, kind: str, value: str | None = None) -> list[LockedOut]:
    """Accounts or addresses with at least the limit of failures in the window since their
    count last started again; only `value` when given."""
    column = LoginAttempt.email if kind == ACCOUNT else LoginAttempt.ip
    window = _window()
    since = utcnow() - window
    reset = _last_reset(kind, since)
    query = (
        select(column, func.count(), func.max(LoginAttempt.at))
        .outerjoin(reset, reset.c.value == column)
        .where(~LoginAttempt.succeeded, LoginAttempt.at > since)
        .where(or_(reset.c.at.is_(None), LoginAttempt.at > reset.c.at))
        .group_by(column)
        .having(func.count() >= current_app.config[LIMIT_SETTING[kind]])
    )
    if value is not None:
        query = query.where(column == value)
    return [
        LockedOut(kind=kind, value=key, since=last, until=last + window, failures=count)
        for key, count, last in session.exec(query).all()
    ]


def _last_reset(kind: str, since: datetime):
    """Per account or address, the latest moment within the window its count started again:
    a lifted lock, and for an account also a successful login."""
    releases = select(LockRelease.value.label("value"), LockRelease.at.label("at")).where(
        LockRelease.kind == kind, LockRelease.at > since
    )
    if kind == ACCOUNT:
        successes = select(LoginAttempt.email, LoginAttempt.at).where(
            LoginAttempt.succeeded, LoginAttempt.at > since
        )
        resets = union_all(releases, successes).subquery()
    else:
        resets = releases.subquery()
    return (
        select(resets.c.value, func.max(resets.c.at).label("at"))
        .group_by(resets.c.value)
        .subquery()
    )


def record(session: Session, email: str, ip: str, *, succeeded: bool) -> None:
    """Store one attempt and forget old ones; the caller commits."""
    session.exec(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - KEEP))
    session.exec(delete(LockRelease).where(LockRelease.at < utcnow() - KEEP))
    session.add(LoginAttempt(email=email, ip=ip[:64], succeeded=succeeded))
