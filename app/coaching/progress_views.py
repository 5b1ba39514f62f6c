"""The progress timeline of one participant: notes, scores chart and attachments."""


from flask import abort, flash, redirect, render_template, send_file, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.access import participant_or_abort, read_participant
from app.coaching.forms import NoteForm
from app.coaching.models import Attachment
from app.coaching.progress import (
    AttachmentRefused,
    add_note,
    attachments_by_note,
    notes_of,
    score_chart,
    upload_dir,
)
from app.coaching.vocab import COMPETENCES
from app.db import get_session
from app.models import User


def _page(participant, form: NoteForm, status: int = 200):
    db = get_session()
    notes = notes_of(db, participant.id)
    authors = {u.id: u.name for u in db.exec(select(User))}
    return render_template(
        "coaching/progress.html",
        p=participant,
        form=form,
        notes=notes,
        authors=authors,
        attachments=attachments_by_note(db, participant.id),
        chart=score_chart(notes),
        competences=COMPETENCES,
    ), status


@bp.route("/<int:participant_id>/voortgang")
@roles(*STAFF)
def progress(participant_id: int):
    participant = read_participant(get_session(), participant_id, "voortgang")
    return _page(participant, NoteForm(day=clock.today()))


_REFUSALS = {
    "type": _l("Dit soort bestand is niet toegestaan: kies pdf, afbeelding, tekst of Office."),
    "size": _l("Het bestand is groter dan 5 MB."),
    "empty": _l("Het bestand is leeg."),
}


@bp.route("/<int:participant_id>/voortgang", methods=["POST"])
@roles(*STAFF)
def add_progress_note(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = NoteForm()
    if not form.validate():
        return _page(participant, form, 400)
    try:
        add_note(
            db,
            participant.id,
            current_user.id,
            form.day.data,
            form.text.data,
            form.scores(),
            form.attachment.data,
        )
    except AttachmentRefused as refused:
        db.rollback()
        form.attachment.errors = [str(_REFUSALS[str(refused)])]
        return _page(participant, form, 400)
    db.commit()
    flash(_("Notitie opgeslagen."), "success")
    return redirect(url_for("coaching.progress", participant_id=participant.id))


@bp.route("/<int:participant_id>/bijlagen/<int:attachment_id>")
@roles(*STAFF)
def attachment(participant_id: int, attachment_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    found = db.get(Attachment, attachment_id)
    if found is None or found.participant_id != participant.id:
        abort(404)
    path = upload_dir() / found.stored_name
    if not path.is_file():
        abort(404)
    record(db, "view", f"bijlage {found.filename}", participant.id)
    db.commit()
    return send_file(
        path, mimetype=found.content_type, as_attachment=True, download_name=found.filename
    )
