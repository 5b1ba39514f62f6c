"""Sharing a finished progress report with one referrer login, and what a referrer may open.

A report is shared per login, never per organisation: a referrer sees exactly the reports a
coach put in their name. Only logins of the participant's own referrer organisation can be
chosen, so a report cannot reach a referrer who has no part in the trajectory.

A share is a snapshot: the page and PDF as they were when shared, so notes written later
never reach the referrer (sharing again sends the report as it is then). It holds for the
organisation that referred the participant at the time: once the participant's referrer
changes or is cleared, or the login moves to another organisation or is disabled, the
share no longer opens.
"""

from dataclasses import dataclass

from sqlmodel import Session, select

from app import clock
from app.audit import record
from app.coaching.models import ReportShare, ReportSummary
from app.models import Participant, User


class CannotShare(Exception):
    """Why this report cannot go to this login; the message is for the coach."""


@dataclass
class Snapshot:
    """The report as rendered at the moment of sharing."""

    html: str
    pdf: bytes


@dataclass
class SharedReport:
    share: ReportShare
    report: ReportSummary
    participant: Participant
    referrer: User


def _same_organisation(left: str | None, right: str | None) -> bool:
    return bool(left and right) and left.strip().casefold() == right.strip().casefold()


def referrer_logins_for(db: Session, participant: Participant) -> list[User]:
    """The active referrer logins a report of this participant may be shared with."""
    logins = db.exec(
        select(User).where(User.role == "referrer", User.active).order_by(User.name, User.id)
    )
    return [
        u
        for u in logins
        if _same_organisation(u.referrer_organisation, participant.referrer_organisation)
    ]


def _period(report: ReportSummary) -> str:
    return f"{report.period_start.isoformat()}–{report.period_end.isoformat()}"


def share(
    db: Session,
    participant: Participant,
    report: ReportSummary,
    user_id: int,
    by: int,
    snapshot: Snapshot,
) -> ReportShare:
    """Open the report, as `snapshot` shows it, to one referrer login; refuses unfinished
    reports and strangers. Sharing it again with the same login replaces the snapshot."""
    if report.id is None or not report.text.strip():
        raise CannotShare("unfinished")
    user = db.get(User, user_id)
    if user is None or user not in referrer_logins_for(db, participant):
        raise CannotShare("not_a_referrer_of_participant")
    existing = db.exec(
        select(ReportShare).where(
            ReportShare.report_id == report.id, ReportShare.user_id == user.id
        )
    ).first()
    row = existing or ReportShare(report_id=report.id, user_id=user.id)
    row.shared_by, row.shared_at = by, clock.now()
    row.organisation = participant.referrer_organisation
    row.html, row.pdf = snapshot.html, snapshot.pdf
    db.add(row)
    record(db, "create", f"rapport {_period(report)} gedeeld met {user.name}", participant.id)
    return row


def unshare(db: Session, participant: Participant, share_id: int) -> bool:
    """Withdraw a share of one of this participant's reports; False when there is none."""
    found = db.exec(
        select(ReportShare, ReportSummary, User)
        .join(ReportSummary, ReportSummary.id == ReportShare.report_id)
        .join(User, User.id == ReportShare.user_id)
        .where(ReportShare.id == share_id, ReportSummary.participant_id == participant.id)
    ).first()
    if found is None:
        return False
    row, report, user = found
    db.delete(row)
    record(
        db, "delete", f"rapport {_period(report)} niet meer gedeeld met {user.name}", participant.id
    )
    return True


def withdraw_stale_shares(db: Session, participant: Participant) -> None:
    """Withdraw the shares made for an organisation that no longer refers this participant."""
    stale = [
        s
        for s in _of_participant(db, participant)
        if not _same_organisation(s.share.organisation, participant.referrer_organisation)
    ]
    for s in stale:
        db.delete(s.share)
        record(
            db,
            "delete",
            f"rapport {_period(s.report)} niet meer gedeeld met {s.referrer.name}: "
            "andere verwijzer",
            participant.id,
        )


def _in_effect(shared: SharedReport) -> bool:
    """Only for the organisation that referred the participant when it was shared, and only
    while the login is active and speaks for that organisation."""
    organisation = shared.share.organisation
    return (
        shared.referrer.active
        and _same_organisation(organisation, shared.participant.referrer_organisation)
        and _same_organisation(organisation, shared.referrer.referrer_organisation)
    )


def _of_participant(db: Session, participant: Participant) -> list[SharedReport]:
    rows = db.exec(_shared(db).where(ReportSummary.participant_id == participant.id))
    return [SharedReport(*row) for row in rows]


def _shared(db: Session):
    return (
        select(ReportShare, ReportSummary, Participant, User)
        .join(ReportSummary, ReportSummary.id == ReportShare.report_id)
        .join(Participant, Participant.id == ReportSummary.participant_id)
        .join(User, User.id == ReportShare.user_id)
    )


def shares_of_report(db: Session, report: ReportSummary) -> list[SharedReport]:
    if report.id is None:
        return []
    rows = db.exec(_shared(db).where(ReportShare.report_id == report.id).order_by(User.name))
    return [s for s in (SharedReport(*row) for row in rows) if _in_effect(s)]


def shared_with(db: Session, user_id: int) -> list[SharedReport]:
    """Everything one referrer may open, newest period first."""
    rows = db.exec(
        _shared(db)
        .where(ReportShare.user_id == user_id)
        .order_by(ReportSummary.period_end.desc(), Participant.last_name, Participant.first_name)
    )
    return [s for s in (SharedReport(*row) for row in rows) if _in_effect(s)]


def shared_report(db: Session, user_id: int, report_id: int) -> SharedReport | None:
    """The report when it was shared with this login; None for any other id, existing or not."""
    row = db.exec(
        _shared(db).where(ReportShare.user_id == user_id, ReportShare.report_id == report_id)
    ).first()
    shared = SharedReport(*row) if row else None
    return shared if shared is not None and _in_effect(shared) else None
