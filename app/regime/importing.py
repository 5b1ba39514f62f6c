"""The prison's list of regime events (CSV or Excel): every line checked, then all
written or none, like the order import.

The prison writes Dutch; the kinds and dayparts are read in Dutch or English. A person is
named by their Fabriek code or full name, and must be a detainee: the regime of the
prison applies to no one else.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlmodel import Session, or_, select

from app.models import Participant
from app.regime.models import RegimeEvent
from app.vocab import ROSTER_GROUP_OF
from inventory.tabular import CellError, Column, RowError, a_date, text, validate_rows

KIND_WORDS = {
    "zitting": "court",
    "rechtszaak": "court",
    "court": "court",
    "transport": "transport",
    "bezoek": "visit",
    "visit": "visit",
    "verlof": "leave",
    "leave": "leave",
    "lock-down": "lockdown",
    "lockdown": "lockdown",
    "insluiting": "lockdown",
}
DAYPART_WORDS = {"ochtend": "am", "am": "am", "middag": "pm", "pm": "pm", "hele dag": "", "": ""}


def _kind(value: str) -> str:
    found = KIND_WORDS.get(value.strip().lower())
    if found is None:
        raise CellError("unknown_kind")
    return found


def _daypart(value: str) -> str:
    found = DAYPART_WORDS.get(value.strip().lower())
    if found is None:
        raise CellError("unknown_daypart")
    return found


COLUMNS = (
    Column("date", a_date, aliases=("datum",)),
    Column("end date", a_date, required=False, aliases=("einddatum", "tot en met")),
    Column("kind", _kind, aliases=("soort",)),
    Column("daypart", _daypart, required=False, aliases=("dagdeel",)),
    Column("participant", text, required=False, aliases=("deelnemer", "naam", "code")),
    Column("note", text, required=False, aliases=("toelichting", "opmerking")),
)
COLUMN_NAMES = {
    "date": _l("datum"),
    "end date": _l("einddatum"),
    "kind": _l("soort"),
    "daypart": _l("dagdeel"),
    "participant": _l("deelnemer"),
    "note": _l("toelichting"),
}
PROBLEMS = {
    "missing_column": _l("deze kolom ontbreekt"),
    "required": _l("leeg, maar verplicht"),
    "not_a_date": _l("geen datum (dd-mm-jjjj)"),
    "unknown_kind": _l("onbekende soort (zitting, transport, bezoek, verlof of lock-down)"),
    "unknown_daypart": _l("onbekend dagdeel (ochtend, middag of leeg voor de hele dag)"),
    "unknown_participant": _l("onbekende deelnemer"),
    "not_a_detainee": _l("geen gedetineerde"),
    "participant_needed": _l("wie? alleen een lock-down geldt voor iedereen"),
    "lockdown_for_all": _l("een lock-down geldt voor alle gedetineerden: laat leeg"),
    "end_before_start": _l("einddatum vóór de datum"),
    "too_long": _l("te lang"),
}


@dataclass(frozen=True)
class Line:
    line: int
    event: RegimeEvent
    participant: Participant | None


def problem_text(error: RowError) -> str:
    column = str(COLUMN_NAMES.get(error.column, error.column))
    problem = str(PROBLEMS.get(error.code, error.code))
    value = f" ({error.value})" if error.value else ""
    where = _("Regel %(line)s, kolom %(column)s", line=error.line, column=column)
    return f"{where}: {problem}{value}"


def parse_events(session: Session, frame: pd.DataFrame) -> tuple[list[Line], list[RowError]]:
    rows, errors = validate_rows(frame, COLUMNS)
    lines = []
    for row in rows:
        found = _line(session, row.line, row.values)
        if isinstance(found, RowError):
            errors.append(found)
        else:
            lines.append(found)
    return lines, sorted(errors, key=lambda e: e.line)


def _line(session: Session, line: int, values: dict) -> Line | RowError:
    start: date = values["date"]
    end: date = values["end date"] or start
    if end < start:
        return RowError(line, "end date", "end_before_start", end.isoformat())
    note = values["note"] or ""
    if len(note) > 300:
        return RowError(line, "note", "too_long")
    named = values["participant"]
    participant = None
    if values["kind"] == "lockdown":
        if named:
            return RowError(line, "participant", "lockdown_for_all", named)
    elif not named:
        return RowError(line, "participant", "participant_needed")
    else:
        participant = _person(session, named)
        if participant is None:
            return RowError(line, "participant", "unknown_participant", named)
        if ROSTER_GROUP_OF[participant.target_group] != "detainee":
            return RowError(line, "participant", "not_a_detainee", named)
    event = RegimeEvent(
        kind=values["kind"],
        participant_id=participant.id if participant else None,
        start_date=start,
        end_date=end,
        daypart=values["daypart"] or None,
        note=note,
        source="import",
    )
    return Line(line, event, participant)


def _person(session: Session, named: str) -> Participant | None:
    wanted = " ".join(named.lower().split())
    full_name = func.lower(Participant.first_name + " " + Participant.last_name)
    return session.exec(
        select(Participant).where(or_(func.lower(Participant.code) == wanted, full_name == wanted))
    ).first()
