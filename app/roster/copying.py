"""Starting a week from the week before: its roster copied, minus what no longer holds."""

from sqlmodel import Session

import scheduler
from app.roster import versions
from app.roster.page import WeekPage


def copy_week(session: Session, view: WeekPage, user_id: int | None) -> tuple[int, int] | None:
    """A new draft from the previous week's published (else latest) roster; returns
    (kept, dropped), or None when that week has no roster.

    Assignments that break a hard rule this week (an absence, an expired certificate, a
    participant who left) are dropped rather than copied, so the draft starts valid.
    """
    source = versions.last_published(session, view.previous_week) or versions.latest(
        session, view.previous_week
    )
    if source is None:
        return None
    codes = versions.Codes.load(session)
    rows = versions.rows_of(session, source)
    kept: list[scheduler.Assignment] = []
    for row in rows:
        a = scheduler.Assignment(**codes.contract(row))
        if not scheduler.check(view.problem, [*kept, a]):
            kept.append(a)
    versions.new_version(
        session,
        view.week,
        [a.to_json() for a in kept],
        user_id=user_id,
        note=source.week,
        pinned=set(),
        codes=codes,
    )
    return len(kept), len(rows) - len(kept)
