"""The week's roster as an Excel workbook.

One sheet per department (what goes on the department's notice board: each daypart with
its team) and one overview sheet with every participant's week on a single row. One sheet
per participant would mean 95 tabs nobody can navigate; the overview row answers "where
is X on Thursday" at a glance and filters in Excel.

Like the printout it names people and departments only, never a target group. Every cell
goes through `app.exports`, which keeps text from running as a formula.
"""

from flask_babel import gettext as _

from app.exports import Sheet, xlsx_bytes
from app.roster.texts import Names, when
from app.vocab import DAYPARTS, DAYS


def workbook(names: Names, assignments: list[dict], week: str, roster) -> bytes:
    """`roster` is the version shown (its number and status go into every sheet's title)."""
    slots = [(day, part) for day in DAYS for part in DAYPARTS]
    status = _("gepubliceerd") if roster.is_published else _("concept")
    title = _(
        "Rooster %(week)s, versie %(number)d (%(status)s)",
        week=week,
        number=roster.version,
        status=status,
    )
    layout = {"caption": title, "print_title": title, "freeze": "B4", "widths": "fit"}
    tables = [(_("Deelnemers"), _overview(names, assignments, slots))]
    tables += [
        (department.name, _department(names, assignments, department.id, slots))
        for department in names.problem.departments
    ]
    return xlsx_bytes(
        [Sheet(name, header, rows, **layout) for name, (header, rows) in tables], title=title
    )


def _overview(
    names: Names, assignments: list[dict], slots: list[tuple[str, str]]
) -> tuple[list[str], list[list]]:
    place = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in assignments}
    header = [_("Deelnemer"), _("Code"), *(when(d, p) for d, p in slots)]
    header += [_("Dagdelen"), _("Afspraak")]
    rows = []
    for p in sorted(names.problem.participants, key=lambda p: (names.person(p.id), p.id)):
        row = [names.person(p.id), p.id]
        row += [names.place(place.get((p.id, day, part))) for day, part in slots]
        row += [sum(1 for day, part in slots if (p.id, day, part) in place), p.dayparts_per_week]
        rows.append(row)
    return header, rows


def _department(
    names: Names, assignments: list[dict], did: str, slots: list[tuple[str, str]]
) -> tuple[list[str], list[list]]:
    """Dayparts as columns, team members listed below each (blank where the team is smaller)."""
    teams = [
        sorted(
            names.person(a["participant"])
            for a in assignments
            if (a["department"], a["day"], a["daypart"]) == (did, day, part)
        )
        for day, part in slots
    ]
    depth = max((len(team) for team in teams), default=0)
    header = [_("Nr"), *(when(d, p) for d, p in slots)]
    rows = [[n + 1, *(team[n] if n < len(team) else None for team in teams)] for n in range(depth)]
    return header, rows
