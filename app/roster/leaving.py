"""A participant whose trajectory ends leaves the roster from the end date on.

Drafts are still being made, so their chips from that date on go at once; a published
week stays as people were told, and from the end date on the participant shows there as a
gap (they are no longer available in the week's problem) for a gap re-plan to fill.
"""

from datetime import date

from sqlmodel import Session, select

from app.roster import versions
from app.roster.models import RosterAssignment, RosterVersion
from app.roster.weeks import day_dates, parse_week


def leave_drafts(session: Session, participant_id: int, ended_on: date) -> int:
    """Remove the participant from each week's latest draft on and after `ended_on`, and
    bump that draft's revision so a form loaded before refuses its stale edit. Returns the
    number of dayparts removed."""
    removed = 0
    weeks = session.exec(select(RosterVersion.week).distinct()).all()
    for week in weeks:
        dates = day_dates(parse_week(week))
        if dates["fri"] < ended_on:
            continue
        draft = versions.latest(session, week)
        if draft is None or draft.is_published:
            continue
        rows = session.exec(
            select(RosterAssignment).where(
                RosterAssignment.roster_id == draft.id,
                RosterAssignment.participant_id == participant_id,
            )
        ).all()
        gone = [row for row in rows if dates[row.day] >= ended_on]
        for row in gone:
            session.delete(row)
        if gone:
            draft.revision += 1
            session.add(draft)
            removed += len(gone)
    return removed
