"""Participants from a spreadsheet, so a workshop moves its list in on day one.

Every line is checked (the file rules come from `inventory.tabular`, the target group and
dates here) and the preview shows them all; confirming writes every participant onto the
waiting list in one transaction, or nothing.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlmodel import Session

from app.coaching.lifecycle import register
from app.labels import label
from app.models import Participant
from app.vocab import TARGET_GROUPS
from inventory.errors import ImportInvalid
from inventory.tabular import CellError, Column, RowError, a_date, text, validate_rows


def _dayparts(value: str) -> int:
    if not value.isdigit():
        raise CellError("not_a_whole_number")
    if int(value) > 10:
        raise CellError("dayparts_range")
    return int(value)


def _target_group(value: str) -> str:
    """A code (sw) or the label people see (Beschut werk (SW)), in any case."""
    wanted = value.strip().lower()
    for code in TARGET_GROUPS:
        if wanted in (code, label("target_group", code).lower()):
            return code
    raise CellError("unknown_target_group")


PARTICIPANT_COLUMNS = (
    Column("voornaam", text, aliases=("first name",)),
    Column("achternaam", text, aliases=("last name", "naam")),
    Column("doelgroep", _target_group, aliases=("target group",)),
    Column("verwijzer", text, aliases=("verwijzende organisatie", "referrer")),
    Column("startdatum", a_date, aliases=("start", "start date")),
    Column("einddatum", a_date, required=False, aliases=("verwachte einddatum", "end date")),
    Column("dagdelen", _dayparts, required=False, aliases=("dagdelen per week", "dayparts")),
    Column("verwezen op", a_date, required=False, aliases=("datum verwijzing", "referral date")),
    Column("beschikking", text, required=False, aliases=("nummer beschikking", "decision")),
)


@dataclass(frozen=True)
class ParticipantDraft:
    line: int
    values: dict

    @property
    def name(self) -> str:
        return f"{self.values['first_name']} {self.values['last_name']}"

    @property
    def group_label(self) -> str:
        return label("target_group", self.values["target_group"])




def _draft(line: int, values: dict, today: date) -> ParticipantDraft | RowError:
    end = values["einddatum"]
    if end and end < values["startdatum"]:
        return RowError(line, "einddatum", "end_before_start", end.isoformat())
    return ParticipantDraft(
        line,
        {
            "first_name": values["voornaam"][:100],
            "last_name": values["achternaam"][:100],
            "target_group": values["doelgroep"],
            "referrer_organisation": values["verwijzer"][:200],
            "start_date": values["startdatum"],
            "expected_end_date": end,
            "dayparts_per_week": 6 if values["dagdelen"] is None else values["dagdelen"],
            "referral_date": values["verwezen op"] or today,
            "decision_number": (values["beschikking"] or "")[:50],
        },
    )


def parse_participants(
    _session: Session, frame: pd.DataFrame, today: date
) -> tuple[list[ParticipantDraft], list[RowError]]:
    rows, errors = validate_rows(frame, PARTICIPANT_COLUMNS)
    drafts = []
    for row in rows:
        result = _draft(row.line, row.values, today)
        if isinstance(result, RowError):
            errors.append(result)
        else:
            drafts.append(result)
    return drafts, sorted(errors, key=lambda error: (error.line, error.column))


def apply_participants(
    session: Session, frame: pd.DataFrame, coach_id: int | None, today: date
) -> list[Participant]:
    """Register every participant of the file, or raise `import_invalid` having added nothing."""
    drafts, errors = parse_participants(session, frame, today)
    if errors:
        raise ImportInvalid(count=len(errors), errors=errors)
    return [register(session, draft.values, coach_id=coach_id, today=today) for draft in drafts]
