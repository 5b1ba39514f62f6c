"""Everything the week page shows, gathered in one place for the full page and its partials.

What depends on the stored data alone (`WeekContent`) is built once per data version and
shared from a per-process cache; only the planning job's state is read on every request.
"""

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from functools import cached_property
from urllib.parse import quote

from flask import current_app, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from markupsafe import Markup
from sqlmodel import Session, select

import scheduler
from app import dataversion
from app.labels import label
from app.models import Participant
from app.roster import jobs, versions
from app.roster.attention import Attention, attention
from app.roster.grid import Cell, Chip, Grid, build_grid
from app.roster.models import RosterVersion, SolverJob
from app.roster.people import SLOTS, PersonWeek, person_weeks
from app.roster.problem import build_problem
from app.roster.texts import Names, clash_text, when, with_codes
from app.roster.weeks import day_dates, parse_week, shift
from app.vocab import ROSTER_GROUP_OF

# The app's cache of week contents (app.extensions key) and its size: the weeks and
# versions managers look at around now, each in the languages they use.
CACHE = "roster.weeks"
WEEKS_CACHED = 16


@dataclass(frozen=True)
class Change:
    participant: str
    name: str
    moment: str
    before: str
    after: str


@dataclass(frozen=True)
class VersionInfo:
    """A roster version as the page shows it. Plain values, because the page content is
    shared between requests and threads, and a model object belongs to the session that
    loaded it (a rollback there would expire it under another request's feet)."""

    id: int
    version: int
    status: str
    revision: int
    created_at: datetime

    @property
    def is_published(self) -> bool:
        return self.status == "published"

    @classmethod
    def of(cls, row: RosterVersion | None) -> "VersionInfo | None":
        if row is None:
            return None
        return cls(row.id, row.version, row.status, row.revision, row.created_at)


@dataclass
class WeekContent:
    """What the week page shows of the stored data: the same for every manager who asks for
    the same week and version while the data version, the date and the language stay the
    same, so it is built once and shared (see `load`). Nothing in it may be changed."""

    week: str
    dates: dict[str, date]
    previous_week: str
    next_week: str
    roster: VersionInfo | None
    latest: VersionInfo | None
    published: VersionInfo | None
    history: list[VersionInfo]
    problem: scheduler.Problem
    names: Names
    grid: Grid
    assignments: list[dict]
    people: list[PersonWeek]
    attention: Attention
    changes: list[Change]
    participant_choices: list[tuple[str, str]]
    department_choices: list[tuple[str, str]]
    # Rendered parts of the page, per template: see WeekPage.fragment.
    fragments: dict[str, Markup] = field(default_factory=dict)

    @property
    def editable(self) -> bool:
        return (
            self.roster is not None and self.latest is not None and self.roster.id == self.latest.id
        )

    def assignment(self, code: str, day: str, daypart: str) -> dict | None:
        return next(
            (
                a
                for a in self.assignments
                if (a["participant"], a["day"], a["daypart"]) == (code, day, daypart)
            ),
            None,
        )

    def team(self, department: str, day: str, daypart: str) -> list[Chip]:
        """Who works in one department on one daypart (for a swap into a full team)."""
        return next(
            (
                cell.chips
                for row in self.grid.rows
                if row.department.id == department
                for cell in row.cells
                if (cell.day, cell.daypart) == (day, daypart)
            ),
            [],
        )

    def same_daypart(self, code: str, day: str, daypart: str) -> list[tuple[str, str]]:
        """(code, 'name — department') of everyone else at work then: whom one can swap with."""
        return sorted(
            (
                (
                    a["participant"],
                    f"{self.names.person(a['participant'])} — {self.names.place(a['department'])}",
                )
                for a in self.assignments
                if (a["day"], a["daypart"]) == (day, daypart) and a["participant"] != code
            ),
            key=lambda choice: choice[1],
        )


@dataclass
class WeekPage(WeekContent):
    """The content plus what is read fresh on every request: the planning job's state."""

    job: SolverJob | None = None
    clashes: list[tuple[str, scheduler.Clash]] = field(default_factory=list)

    @classmethod
    def of(cls, content: WeekContent, job: SolverJob | None) -> "WeekPage":
        shared = {f.name: getattr(content, f.name) for f in fields(WeekContent)}
        return cls(
            **shared, job=_relevant(job, content.latest), clashes=_clashes(job, content.names)
        )

    @cached_property
    def chip_text(self) -> "ChipTexts":
        return ChipTexts()

    @cached_property
    def _edit_url(self) -> str:
        return url_for("roster.edit_panel", week=self.week)

    def chip_id(self, code: str, day: str, daypart: str) -> str:
        """The chip's element id, so focus can return to it after the edit dialog closes."""
        return f"chip-{quote(code, safe='')}-{day}-{daypart}"

    def edit_link(self, chip: Chip, cell: Cell) -> str:
        """The chip's edit panel; one url_for per page, the rest is string formatting."""
        code = quote(chip.code, safe="")
        return f"{self._edit_url}?participant={code}&day={cell.day}&daypart={cell.daypart}"

    def fragment(self, template: str, form: FlaskForm | None = None) -> Markup:
        """A part of the page rendered once per content and shared by every request for it:
        the grid's ~700 chips and the participant lists took most of the page's time.

        It may show the content alone: never a form token, a user or the planning job. A
        `form` must be unbound (not filled from a request), with choices and values from
        the content, and is rendered without its CSRF token.
        """
        html = self.fragments.get(template)
        if html is None:
            if form is not None and any(f.raw_data is not None for f in form):
                raise ValueError(f"{template}: a form filled from a request is never shared")
            html = Markup(render_template(template, view=self, form=form))
            self.fragments[template] = html
        return html


class ChipTexts:
    """A chip's visible text (name, group, pinned, absent), built once per distinct chip.

    The demo week shows ~700 chips; a template macro doing a label lookup and gettext
    calls for every one of them took most of the page's render time. Labels are translated
    once per page here, and a person with the same chip in several cells is built once.
    """

    def __init__(self) -> None:
        self.pinned = Markup(' <span class="pin">{}</span>').format(_("vast"))
        self.absent = Markup(' <span class="absent">{}</span>').format(_("afwezig"))
        self.groups: dict[str, Markup] = {}
        self.texts: dict[Chip, Markup] = {}

    def __call__(self, chip: Chip) -> Markup:
        if chip not in self.texts:
            self.texts[chip] = Markup("{}{}{}{}").format(
                chip.name,
                self._group(chip.group),
                self.pinned if chip.pinned else "",
                self.absent if chip.absent else "",
            )
        return self.texts[chip]

    def _group(self, group: str) -> Markup:
        if group not in self.groups:
            self.groups[group] = Markup(' <span class="group-tag group-{}">{}</span>').format(
                group, label("roster_group", group)
            )
        return self.groups[group]


def load(session: Session, week: str, number: int | None = None) -> WeekPage:
    """The page for `week`, showing version `number` or else the latest version.

    The content comes from this process's cache when the data version has not moved since
    it was built: the version is read before any data, so a copy built while a write
    commits holds data at least as new as its key, and the write's own new version sends
    the next request to a fresh build.
    """
    parse_week(week)
    version = dataversion.current(session)
    if version is None:
        content = build_content(session, week, number)
    else:
        key = (week, number, version, str(get_locale()), request.script_root)
        content = current_app.extensions[CACHE].get(
            key, lambda: build_content(session, week, number)
        )
    job = session.exec(
        select(SolverJob).where(SolverJob.week == week).order_by(SolverJob.id.desc())
    ).first()
    return WeekPage.of(content, job)


def build_content(session: Session, week: str, number: int | None = None) -> WeekContent:
    """Built from the database alone: reading the same data again gives the same content."""
    monday = parse_week(week)
    latest = versions.latest(session, week)
    roster = versions.by_number(session, week, number) if number else latest
    published = versions.last_published(session, week)
    codes = versions.Codes.load(session)
    rows = versions.rows_of(session, roster)
    assignments = [codes.contract(r) | {"pinned": r.pinned} for r in rows]
    problem = scheduler.parse_problem(build_problem(session, week))
    names = Names(problem)
    people = sorted(problem.participants, key=lambda p: p.name)
    weeks = person_weeks(problem, assignments, names)
    return WeekContent(
        week=week,
        dates=day_dates(monday),
        previous_week=shift(week, -1),
        next_week=shift(week, 1),
        roster=VersionInfo.of(roster),
        latest=VersionInfo.of(latest),
        published=VersionInfo.of(published),
        history=[VersionInfo.of(v) for v in versions.history(session, week)],
        problem=problem,
        names=names,
        grid=build_grid(problem, assignments, _people(session)),
        assignments=assignments,
        changes=_changes(session, published, roster, assignments, codes, names),
        people=weeks,
        attention=attention(problem, assignments, names, weeks),
        participant_choices=[(p.id, f"{p.name} ({p.id})") for p in people],
        department_choices=[(d.id, d.name) for d in problem.departments],
    )


def _people(session: Session) -> dict[str, tuple[str, str]]:
    """Code -> (name, roster group) of everyone, with the code where a name is shared."""
    rows = list(session.exec(select(Participant)))
    shown = with_codes({p.code: p.full_name for p in rows})
    return {p.code: (shown[p.code], ROSTER_GROUP_OF[p.target_group]) for p in rows}


def _changes(
    session: Session,
    published: RosterVersion | None,
    roster: RosterVersion | None,
    assignments: list[dict],
    codes: versions.Codes,
    names: Names,
) -> list[Change]:
    """What this version changes against the last published one (nothing if it is that one)."""
    if published is None or roster is None or published.id == roster.id:
        return []
    return changes_between(versions.contract_of(session, published, codes), assignments, names)


def changes_between(before: list[dict], after: list[dict], names: Names) -> list[Change]:
    """Who moved where between two versions, per person and in week order."""
    order = {slot: i for i, slot in enumerate(SLOTS)}
    return [
        Change(
            participant,
            names.person(participant),
            when(day, part),
            names.place(old) if old else "—",
            names.place(new) if new else "—",
        )
        for participant, day, part, old, new in sorted(
            versions.changes_against(before, after),
            key=lambda c: (names.person(c[0]), c[0], order.get((c[1], c[2]), 99)),
        )
    ]


def _relevant(job: SolverJob | None, latest: VersionInfo | None) -> SolverJob | None:
    """The latest job, unless a version was saved after it finished (then it is history)."""
    if job is None:
        return None
    if job.status in ("queued", "running"):
        return job
    if (
        latest is not None
        and latest.id != job.roster_id
        and jobs.aware(latest.created_at) > jobs.aware(job.created_at)
    ):
        return None
    return job


def _clashes(job: SolverJob | None, names: Names) -> list[tuple[str, scheduler.Clash]]:
    if job is None or not job.result:
        return []
    clashes = [
        scheduler.Clash(**(c | {"participants": tuple(c["participants"])}))
        for c in job.result.get("clashes", [])
    ]
    return [(clash_text(names, clash), clash) for clash in clashes]


def job_state(job: SolverJob) -> str:
    """queued/running/lost/failed/infeasible/invalid/done: what the job panel says."""
    if jobs.is_lost(job):
        return "lost"
    if job.status == "done" and job.solver_status in ("infeasible", "invalid"):
        return job.solver_status
    return job.status
