"""The week's roster as an Excel workbook.

One sheet per department (what goes on the department's notice board: each daypart with
its team) and one overview sheet with every participant's week on a single row. One sheet
per participant would mean 95 tabs nobody can navigate; the overview row answers "where
is X on Thursday" at a glance and filters in Excel.
"""

import pandas as pd
from flask_babel import gettext as _

from app.exports import frame_sheet, xlsx_bytes
from app.labels import label
from app.roster.texts import Names, when
from app.vocab import DAYPARTS, DAYS


def workbook(names: Names, assignments: list[dict], week: str) -> bytes:
    slots = [(day, part) for day in DAYS for part in DAYPARTS]
    layout = {"freeze": "B2", "print_title": f"{_('Rooster')} {week}"}
    sheets = [frame_sheet(_overview(names, assignments, slots), _("Deelnemers"), **layout)]
    for department in names.problem.departments:
        frame = _department(names, assignments, department.id, slots)
        sheets.append(frame_sheet(frame, department.name, **layout))
    return xlsx_bytes(sheets)


def _overview(names: Names, assignments: list[dict], slots: list[tuple[str, str]]) -> pd.DataFrame:
    place = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in assignments}
    rows = []
    for p in sorted(names.problem.participants, key=lambda p: p.name):
        row = {_("Deelnemer"): p.name, _("Code"): p.id, _("Groep"): label("roster_group", p.group)}
        for day, part in slots:
            did = place.get((p.id, day, part))
            row[when(day, part)] = names.place(did) if did else ""
        row[_("Dagdelen")] = sum(1 for day, part in slots if (p.id, day, part) in place)
        row[_("Afspraak")] = p.dayparts_per_week
        rows.append(row)
    return pd.DataFrame(rows)


def _department(
    names: Names, assignments: list[dict], did: str, slots: list[tuple[str, str]]
) -> pd.DataFrame:
    """Dayparts as columns, team members listed below each (blank where the team is smaller)."""
    teams = {
        when(day, part): sorted(
            names.person(a["participant"])
            for a in assignments
            if (a["department"], a["day"], a["daypart"]) == (did, day, part)
        )
        for day, part in slots
    }
    depth = max((len(team) for team in teams.values()), default=0)
    return pd.DataFrame(
        {
            _("Nr"): list(range(1, depth + 1)),
            **{moment: team + [""] * (depth - len(team)) for moment, team in teams.items()},
        }
    )
