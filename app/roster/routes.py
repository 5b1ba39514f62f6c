"""The roster pages: only the operational manager and admins plan the week."""

from flask import (
    Response,
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app import clock
from app.auth.access import MANAGERS, roles
from app.convert import record_id
from app.db import get_session
from app.exports import download
from app.extensions import htmx
from app.lru import LRUCache
from app.models import Absence, Participant
from app.roster import bp, edits, jobs, page, versions
from app.roster.copying import copy_week
from app.roster.export import workbook
from app.roster.forms import AbsenceForm, EditForm, LockForm
from app.roster.models import SolverJob
from app.roster.texts import when
from app.roster.weeks import BadWeek, week_of

STALE = _l(
    "Dit rooster is intussen door iemand anders gewijzigd. Uw wijziging is niet opgeslagen: "
    "laad de pagina opnieuw en probeer het nog eens."
)


# Dropped assignments named in the flash after copying a week; the rest are counted.
DROPPED_SHOWN = 15


@bp.record_once
def _week_cache(state) -> None:
    state.app.extensions[page.CACHE] = LRUCache(page.WEEKS_CACHED)


@bp.context_processor
def _helpers() -> dict:
    return {
        "job_state": page.job_state,
        "config_view_functions": current_app.view_functions,
        "slot_when": when,
    }


def _page(week: str, number: int | None = None) -> page.WeekPage:
    try:
        return page.load(get_session(), week, number)
    except BadWeek:
        abort(404)


@bp.route("/", endpoint="week", defaults={"week": None})
@bp.route("/<week>", endpoint="week")
@roles(*MANAGERS)
def week_view(week: str | None):
    """The menu's 'Rooster' opens the current ISO week."""
    if week is None:
        return redirect(url_for("roster.week", week=week_of(clock.today())))
    number = request.args.get("versie", type=record_id)
    view = _page(week, number)
    if number and view.roster is None:
        abort(404)
    return render_template(
        "roster/week.html",
        view=view,
        absence_form=AbsenceForm(view.participant_choices, prefix="afw"),
        add_form=_edit_form(view, "add"),
        mode=request.args.get("weergave", ""),
    )


ADD, EDIT = "nieuw", "bewerk"


def _edit_form(view: page.WeekPage, action: str, **data) -> EditForm:
    """Prefixed, so the add form and the edit panel on one page never share element ids."""
    roster = view.latest
    return EditForm(
        view.participant_choices,
        view.department_choices,
        prefix=ADD if action == "add" else EDIT,
        formdata=None,
        data={
            "action": action,
            "roster": roster.id if roster else 0,
            "revision": roster.revision if roster else 0,
            **data,
        },
    )


def _region(view: page.WeekPage, status: int = 200, **outcome):
    """The editable part of the page, as htmx swaps it after a change from the add form."""
    return render_template(
        "roster/_roster.html",
        view=view,
        add_form=_edit_form(view, "add"),
        mode=request.values.get("weergave", ""),
        **outcome,
    ), status


def _dialog(view: page.WeekPage, key: tuple[str, str, str], status: int = 200, **outcome):
    """The edit dialog for the assignment at `key` (gone after a removal), with the
    outcome of the change; a saved change also refreshes the roster and the versions table
    in place (htmx out-of-band swaps), so the dialog stays where the manager is."""
    found = view.assignment(*key)
    form = None
    if found is not None:
        form = _edit_form(view, "move", participant=key[0], day=key[1], daypart=key[2])
    return render_template(
        "roster/_edit_result.html" if outcome.get("done") else "roster/_edit.html",
        view=view,
        assignment=found,
        form=form,
        add_form=_edit_form(view, "add"),
        **outcome,
    ), status


@bp.route("/<week>/bewerk")
@roles(*MANAGERS)
def edit_panel(week: str):
    view = _page(week)
    key = (request.args.get("participant"), request.args.get("day"), request.args.get("daypart"))
    if view.assignment(*key) is None or not view.editable:
        abort(404)
    if not htmx:
        return render_template(
            "roster/edit.html",
            view=view,
            assignment=view.assignment(*key),
            form=_edit_form(view, "move", participant=key[0], day=key[1], daypart=key[2]),
        )
    return _dialog(view, key)


@bp.route("/<week>/wijzig", methods=["POST"])
@roles(*MANAGERS)
def change(week: str):
    view = _page(week)
    from_dialog = f"{ADD}-action" not in request.form
    form = EditForm(
        view.participant_choices, view.department_choices, prefix=EDIT if from_dialog else ADD
    )
    key = (form.participant.data, form.day.data, form.daypart.data)
    if not form.validate():
        errors = [str(e) for messages in form.errors.values() for e in messages]
        if from_dialog:
            return _dialog(view, key, 422, refused=errors)
        return _region(view, 422, refused=errors)
    edit = edits.Edit(
        form.action.data,
        form.participant.data,
        form.day.data,
        form.daypart.data,
        form.department.data or "",
        form.to_day.data or "",
        form.to_daypart.data or "",
        form.other.data or "",
    )
    db = get_session()
    try:
        outcome = edits.apply(db, week, form.roster.data, form.revision.data, edit, current_user.id)
        db.commit()
    except (versions.Conflict, edits.Unknown, IntegrityError):
        db.rollback()
        if from_dialog:
            return _dialog(_page(week), key, 409, refused=[str(STALE)], stale=True)
        return _region(_page(week), 409, refused=[str(STALE)])
    if not htmx:
        for text in outcome.refused:
            flash(_("Geweigerd: %(reason)s", reason=text), "error")
        return redirect(url_for("roster.week", week=week))
    fresh = _page(week)
    if not from_dialog:
        return _region(
            fresh,
            200 if outcome.applied else 422,
            refused=outcome.refused,
            added=outcome.added,
            solved=outcome.solved,
            applied=outcome.applied,
        )
    if not outcome.applied:
        return _dialog(fresh, key, 422, refused=outcome.refused, full=outcome.full)
    return _dialog(
        fresh,
        _place_after(edit),
        done=_done(fresh, edit),
        added=outcome.added,
        solved=outcome.solved,
    )


def _place_after(edit: edits.Edit) -> tuple[str, str, str]:
    """Where the edited person's chip is after the change (gone after a removal)."""
    if edit.action in ("move", *edits.WITH_OTHER):
        return (edit.participant, *edit.target)
    return (edit.participant, edit.day, edit.daypart)


def _done(view: page.WeekPage, edit: edits.Edit) -> str:
    """What the change did, in a sentence for the dialog."""
    person, other = view.names.person(edit.participant), view.names.person(edit.other)
    moment = when(*edit.target)
    now = view.assignment(*_place_after(edit))
    place = view.names.place(now["department"]) if now else ""
    texts = {
        "move": lambda: _(
            "%(person)s werkt nu %(when)s bij %(place)s.", person=person, when=moment, place=place
        ),
        "remove": lambda: _(
            "%(person)s is van %(when)s afgehaald.",
            person=person,
            when=when(edit.day, edit.daypart),
        ),
        "pin": lambda: _("%(person)s staat %(when)s vast.", person=person, when=moment),
        "unpin": lambda: _("%(person)s staat %(when)s niet meer vast.", person=person, when=moment),
        "swap": lambda: _(
            "%(person)s en %(other)s hebben van plaats geruild: %(person)s werkt "
            "nu %(when)s bij %(place)s.",
            person=person,
            other=other,
            when=moment,
            place=place,
        ),
        "replace": lambda: _(
            "%(person)s neemt %(when)s de plaats in van %(other)s bij "
            "%(place)s; %(other)s is dan niet meer ingeroosterd.",
            person=person,
            other=other,
            when=moment,
            place=place,
        ),
    }
    return texts[edit.action]() if edit.action in texts else ""


@bp.route("/<week>/plannen", methods=["POST"])
@roles(*MANAGERS)
def plan(week: str):
    return _start(week, "week")


@bp.route("/<week>/gat-herplannen", methods=["POST"])
@roles(*MANAGERS)
def replan_gap(week: str):
    return _start(week, "gap")


def _start(week: str, kind: str):
    _page(week)
    job = jobs.start(
        get_session(),
        week,
        kind,
        time_limit=current_app.config["SOLVER_TIME_LIMIT"],
        workers=current_app.config["SOLVER_WORKERS"],
        user_id=current_user.id,
    )
    if htmx:
        return render_template("roster/_job.html", view=None, job=job, week=week, state="queued")
    return redirect(url_for("roster.week", week=week))


@bp.route("/<week>/taak/<int:job_id>")
@roles(*MANAGERS)
def job_status(week: str, job_id: int):
    job = get_session().get(SolverJob, job_id)
    if job is None or job.week != week:
        abort(404)
    state = page.job_state(job)
    if state in ("queued", "running"):
        return render_template("roster/_job.html", job=job, week=week, state=state)
    response = Response(status=204)
    response.headers["HX-Redirect"] = url_for("roster.week", week=week)
    return response


@bp.route("/<week>/publiceren", methods=["POST"])
@roles(*MANAGERS)
def publish(week: str):
    db = get_session()
    form = LockForm()
    roster = versions.latest(db, week)
    if not form.validate() or roster is None or roster.id != form.roster.data:
        return _stale(week)
    try:
        versions.publish(db, roster, form.revision.data)
        db.commit()
    except versions.Conflict:
        db.rollback()
        return _stale(week)
    except versions.Frozen:
        db.rollback()
        flash(_("Deze versie is al gepubliceerd."), "warning")
        return redirect(url_for("roster.week", week=week))
    flash(_("Versie %(number)d is gepubliceerd.", number=roster.version), "success")
    return redirect(url_for("roster.week", week=week))


def _stale(week: str):
    return render_template("roster/stale.html", week=week, message=str(STALE)), 409


@bp.route("/<week>/kopieer-vorige", methods=["POST"])
@roles(*MANAGERS)
def copy_previous(week: str):
    view = _page(week)
    db = get_session()
    try:
        result = copy_week(db, view, current_user.id)
        db.commit()
    except IntegrityError:
        db.rollback()
        return _stale(week)
    if result is None:
        flash(_("De vorige week heeft nog geen rooster om te kopiëren."), "warning")
    else:
        flash(
            _(
                "Rooster van %(week)s gekopieerd als concept: %(kept)d indelingen overgenomen, "
                "%(dropped)d vervallen.",
                week=view.previous_week,
                kept=result.kept,
                dropped=len(result.dropped),
            )
            + _dropped_text(view, result.dropped),
            "success",
        )
    return redirect(url_for("roster.week", week=week))


def _dropped_text(view: page.WeekPage, dropped: list[tuple[dict, str]]) -> str:
    """Who was not copied and why; capped, since flashes travel in the session cookie."""
    if not dropped:
        return ""
    shown = [
        _(
            "%(person)s %(when)s (%(place)s): %(reason)s",
            person=view.names.person(a["participant"]),
            when=when(a["day"], a["daypart"]),
            place=view.names.place(a["department"]),
            reason=reason,
        )
        for a, reason in dropped[:DROPPED_SHOWN]
    ]
    more = len(dropped) - len(shown)
    tail = _(" en nog %(num)d.", num=more) if more else "."
    return " " + _("Vervallen:") + " " + "; ".join(shown) + tail


@bp.route("/<week>/afwezigheid", methods=["POST"])
@roles(*MANAGERS)
def register_absence(week: str):
    view = _page(week)
    form = AbsenceForm(view.participant_choices, prefix="afw")
    if not form.validate():
        for messages in form.errors.values():
            for message in messages:
                flash(str(message), "error")
        return redirect(url_for("roster.week", week=week) + "#afwezigheid")
    db = get_session()
    participant = db.exec(
        select(Participant).where(Participant.code == form.participant.data)
    ).one()
    db.add(
        Absence(
            participant_id=participant.id,
            start_date=form.start_date.data,
            end_date=form.end_date.data,
            daypart=form.daypart.data or None,
            kind=form.kind.data,
        )
    )
    db.commit()
    flash(_("Afwezigheid van %(name)s is geregistreerd.", name=participant.full_name), "success")
    return redirect(url_for("roster.week", week=week))


def _shown(week: str) -> page.WeekPage:
    """The version a printout or export shows: the one asked for, else the last published
    (what was announced), else the latest draft."""
    number = request.args.get("versie", type=record_id)
    if number is None:
        published = versions.last_published(get_session(), week)
        number = published.version if published else None
    view = _page(week, number)
    if number and view.roster is None:
        abort(404)
    return view


@bp.route("/<week>/afdrukken")
@roles(*MANAGERS)
def printable(week: str):
    """For the notice board: names and departments only, never a target group."""
    view = _shown(week)
    department = request.args.get("afdeling")
    rows = [r for r in view.grid.rows if department in (None, "", r.department.id)]
    if not rows:
        abort(404)
    return render_template("roster/print.html", view=view, rows=rows)


@bp.route("/<week>/rooster.xlsx")
@roles(*MANAGERS)
def export(week: str):
    view = _shown(week)
    if view.roster is None:
        abort(404)
    data = workbook(view.names, view.assignments, week, view.roster)
    return download(f"rooster-{week}-v{view.roster.version}.xlsx", data)


@bp.route("/<week>/verschil")
@roles(*MANAGERS)
def compare(week: str):
    """Who moved where between two versions, so the manager can tell the people concerned."""
    view = _page(week)
    db = get_session()
    numbers = (request.args.get("van", type=record_id), request.args.get("naar", type=record_id))
    pair = [versions.by_number(db, week, n) if n else None for n in numbers]
    if None in pair:
        abort(404)
    codes = versions.Codes.load(db)
    before, after = (versions.contract_of(db, v, codes) for v in pair)
    return render_template(
        "roster/compare.html",
        view=view,
        numbers=numbers,
        changes=page.changes_between(before, after, view.names),
    )


@bp.route("/<week>/deelnemer/<code>")
@roles(*MANAGERS)
def participant_week(week: str, code: str):
    view = _page(week)
    participant = get_session().exec(select(Participant).where(Participant.code == code)).first()
    if participant is None:
        abort(404)
    return render_template(
        "roster/participant.html",
        view=view,
        participant=participant,
        person=view.problem.participant(code),
        planned={
            (a["day"], a["daypart"]): a["department"]
            for a in view.assignments
            if a["participant"] == code
        },
    )
