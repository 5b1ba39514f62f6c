"""Regime pages for managers: the events of the coming weeks, entering one, and importing
the list the prison sends."""

import io

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from markupsafe import Markup

from app import clock
from app.audit import record
from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.labels import label
from app.regime.events import LOOK_BACK, add_event, detainees, events_from, impact
from app.regime.forms import ConfirmImportForm, EventForm, ImportForm
from app.regime.importing import parse_events, problem_text
from app.regime.models import RegimeEvent
from inventory.tabular import read_table

bp = Blueprint("regime", __name__, url_prefix="/regime")


def _form(**kwargs) -> EventForm:
    people = [(str(p.id), f"{p.full_name} ({p.code})") for p in detainees(get_session())]
    return EventForm(people, **kwargs)


def _page(form: EventForm, status: int = 200):
    db = get_session()
    return render_template(
        "regime/events.html",
        form=form,
        events=events_from(db, clock.today() - LOOK_BACK),
        import_form=ImportForm(),
    ), status


@bp.route("/", endpoint="events")
@roles(*MANAGERS)
def events_page():
    return _page(_form(start_date=clock.today()))


@bp.route("/nieuw", methods=["POST"])
@roles(*MANAGERS)
def add():
    form = _form()
    if not form.validate():
        return _page(form, 400)
    db = get_session()
    event = add_event(
        db,
        RegimeEvent(
            kind=form.kind.data,
            participant_id=int(form.participant.data) if form.participant.data else None,
            start_date=form.start_date.data,
            end_date=form.end_date.data or form.start_date.data,
            daypart=form.daypart.data or None,
            note=form.note.data or "",
        ),
        current_user.id,
    )
    db.flush()
    _tell_impact(event)
    db.commit()
    return redirect(url_for("regime.events"))


def _tell_impact(event: RegimeEvent) -> None:
    """What the event takes out of rosters already planned, with where to re-plan."""
    what = label("regime", event.kind)
    day = event.start_date.strftime("%d-%m-%Y")
    hits = impact(get_session(), event)
    if not hits:
        flash(_("%(what)s op %(day)s vastgelegd.", what=what.capitalize(), day=day), "success")
        return
    for hit in hits:
        text = ngettext(
            "%(what)s op %(day)s: %(num)d gedetineerde gaat uit het rooster van week %(week)s "
            "(%(names)s). Herplan het gat in het rooster.",
            "%(what)s op %(day)s: %(num)d gedetineerden gaan uit het rooster van week %(week)s "
            "(%(names)s). Herplan het gat in het rooster.",
            len(hit.names),
            what=what.capitalize(),
            day=day,
            week=hit.week,
            names=", ".join(hit.names),
        )
        link = Markup(' <a href="{}">{}</a>').format(
            url_for("roster.week", week=hit.week),
            _("Naar het rooster van week %(week)s", week=hit.week),
        )
        flash(Markup("{}{}").format(text, link), "warning")


@bp.route("/<int:event_id>/verwijderen", methods=["POST"])
@roles(*MANAGERS)
def remove(event_id: int):
    db = get_session()
    event = db.get(RegimeEvent, event_id)
    if event is None:
        abort(404)
    db.delete(event)
    record(
        db, "delete", f"regime {event.kind} {event.start_date.isoformat()}", event.participant_id
    )
    db.commit()
    flash(_("Verwijderd; de dagdelen gaan terug naar het rooster."), "success")
    return redirect(url_for("regime.events"))


@bp.route("/import", methods=["POST"])
@roles(*MANAGERS)
def import_preview():
    """Check the whole file and show it line by line; nothing is stored yet."""
    form = ImportForm()
    upload = form.file.data
    if not form.validate() or upload is None or not upload.filename:
        flash(_("Kies een bestand (CSV of Excel)."), "error")
        return redirect(url_for("regime.events") + "#import")
    try:
        frame = read_table(upload.stream, upload.filename)
    except Exception:  # noqa: BLE001  (any unreadable file gets the same clear answer)
        flash(_("Dit bestand is niet te lezen als CSV of Excel."), "error")
        return redirect(url_for("regime.events") + "#import")
    return _preview(frame)


def _preview(frame, status: int = 200):
    lines, errors = parse_events(get_session(), frame)
    confirm = ConfirmImportForm(table=frame.to_csv(index=False))
    return render_template(
        "regime/import_preview.html",
        lines=lines,
        errors=[problem_text(e) for e in errors],
        confirm=confirm,
    ), status


@bp.route("/import/bevestigen", methods=["POST"])
@roles(*MANAGERS)
def import_confirm():
    """Check the file again and write every event, or none when any line is wrong."""
    form = ConfirmImportForm()
    if not form.validate():
        flash(_("Het bestand is niet meegekomen; laad het opnieuw."), "error")
        return redirect(url_for("regime.events") + "#import")
    frame = read_table(io.BytesIO(form.table.data.encode()), "regime.csv")
    db = get_session()
    lines, errors = parse_events(db, frame)
    if errors or not lines:
        return _preview(frame, 400)
    for line in lines:
        add_event(db, line.event, current_user.id)
    db.flush()
    for line in lines:
        if line.event.kind == "lockdown":
            _tell_impact(line.event)
    db.commit()
    flash(
        ngettext(
            "%(num)d regime-afspraak ingelezen.", "%(num)d regime-afspraken ingelezen.", len(lines)
        ),
        "success",
    )
    return redirect(url_for("regime.events"))
