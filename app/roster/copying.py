"""Starting a week from the week before: its roster copied, minus what no longer holds."""

from dataclasses import dataclass

from sqlmodel import Session

import scheduler
from app.roster import versions
from app.roster.page import WeekPage
from app.roster.texts import violation_text


@dataclass(frozen=True)
class Copied:
    kept: int
    # Each assignment left out (contract form) with the reason, in plain Dutch.
    dropped: list[tuple[dict, str]]


def copy_week(session: Session, view: WeekPage, user_id: int | None) -> Copied | None:
    """A new draft from the previous week's published (else latest) roster, or None when
    that week has no roster.

    Assignments that break a hard rule this week (an absence, an expired certificate, a
    participant who left) are dropped rather than copied, so the draft starts valid.
    """
    source = versions.last_published(session, view.previous_week) or versions.latest(
        session, view.previous_week
    )
    if source is None:
        return None
    codes = versions.Codes.load(session)
    kept: list[scheduler.Assignment] = []
    dropped: list[tuple[dict, str]] = []
    for row in versions.rows_of(session, source):
        a = scheduler.Assignment(**codes.contract(row))
        broken = scheduler.check(view.problem, [*kept, a])
        if broken:
            dropped.append((a.to_json(), violation_text(view.names, broken[0])))
        else:
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
    order = {slot: i for i, slot in enumerate(view.problem.slots)}
    dropped.sort(
        key=lambda d: (
            view.names.person(d[0]["participant"]),
            order.get((d[0]["day"], d[0]["daypart"]), 99),
        )
    )
    return Copied(len(kept), dropped)
