"""Caseload and participant file pages: reading and editing what the roster is built from."""


from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import clock
from app.audit import record
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.access import may_see_sensitive, participant_or_abort, read_participant
from app.coaching.attendance import attendance_summary
from app.coaching.caseload import CaseloadFilter, caseload, certificate_is_expiring
from app.coaching.contact_log import add_log_entry, log_of
from app.coaching.contacts import contact_of, contacts_of, save_contact
from app.coaching.file import (
    add_ladder_step,
    current_ladder_step,
    departments,
    intake_of,
    load_file,
    sensitive_of,
    set_availability,
    set_learning_goals,
    set_skills,
)
from app.coaching.forms import (
    AbsenceForm,
    CertificateForm,
    ContactForm,
    ContactLogForm,
    IntakeForm,
    LadderForm,
    PortfolioForm,
    RosterInputsForm,
    SensitiveForm,
)
from app.coaching.models import PortfolioStep, ReferrerContact
from app.coaching.roster_inputs import (
    available_dayparts,
    is_detainee_group,
    overbooked_notice,
    set_roster_inputs,
)
from app.coaching.sharing import withdraw_stale_shares
from app.convert import record_id
from app.db import get_session
from app.extensions import htmx
from app.models import Absence, Certificate
from app.vocab import DAYPARTS, DAYS, ROSTER_GROUP_OF, TARGET_GROUPS


@bp.route("/", endpoint="caseload")
@roles(*STAFF)
def caseload_page():
    db = get_session()
    wanted = CaseloadFilter(
        query=request.args.get("q", "")[:100],
        target_group=request.args.get("groep", ""),
        department=request.args.get("afdeling", ""),
        ending_soon=bool(request.args.get("einde")),
        certificate_expiring=bool(request.args.get("certificaat")),
    )
    coach_id = current_user.id if current_user.role == "coach" else None
    rows = caseload(db, coach_id, wanted)
    template = "coaching/_caseload_rows.html" if htmx else "coaching/caseload.html"
    return render_template(
        template,
        rows=rows,
        wanted=wanted,
        target_groups=TARGET_GROUPS,
        departments=departments(db),
    )


def _file_page(participant, status: int = 200, **forms):
    db = get_session()
    file = load_file(db, participant)
    sensitive = may_see_sensitive(db, participant.id)
    intake = file.intake
    defaults = {
        "intake": IntakeForm(
            prefix="intake",
            obj=intake,
            referrer_organisation=participant.referrer_organisation,
            start_date=participant.start_date,
            expected_end_date=participant.expected_end_date,
        ),
        "ladder_form": LadderForm(prefix="ladder", day=clock.today()),
        "certificate_form": CertificateForm(prefix="cert"),
        "absence_form": AbsenceForm(prefix="absence"),
        "portfolio_form": PortfolioForm(prefix="portfolio", day=clock.today()),
        "contact_form": ContactForm(prefix="contact"),
        "editing_contact": None,
        "roster_form": RosterInputsForm(
            prefix="roster", obj=participant, current_group=participant.target_group
        ),
        "log_form": _log_form(db, participant, day=clock.today()),
        "sensitive_form": (
            SensitiveForm(prefix="sensitive", obj=sensitive_of(db, participant.id))
            if sensitive
            else None
        ),
    }
    defaults.update(forms)
    return render_template(
        "coaching/file.html",
        file=file,
        p=participant,
        ladder_now=current_ladder_step(file.ladder),
        show_sensitive=sensitive,
        days=DAYS,
        dayparts=DAYPARTS,
        expiring=certificate_is_expiring,
        attendance=attendance_summary(db, participant.id),
        contacts=contacts_of(db, participant.id),
        contact_log=log_of(db, participant.id),
        detainee=is_detainee_group(participant.target_group),
        roster_group=ROSTER_GROUP_OF[participant.target_group],
        roster_notice=overbooked_notice(participant.dayparts_per_week, len(file.availability)),
        **defaults,
    ), status


@bp.route("/<int:participant_id>")
@roles(*STAFF)
def participant_file(participant_id: int):
    db = get_session()
    participant = read_participant(db, participant_id, "dossier")
    wanted = request.args.get("contactpersoon", type=record_id)
    if wanted is None:
        return _file_page(participant)
    contact = contact_of(db, participant, wanted)
    if contact is None:
        abort(404)
    form = ContactForm(prefix="contact", obj=contact)
    return _file_page(participant, contact_form=form, editing_contact=contact)


def _back(participant_id: int, section: str):
    return redirect(url_for("coaching.participant_file", participant_id=participant_id) + section)


def _saved(participant_id: int, section: str):
    get_session().commit()
    flash(_("Opgeslagen."), "success")
    return _back(participant_id, section)


@bp.route("/<int:participant_id>/intake", methods=["POST"])
@roles(*STAFF)
def save_intake(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = IntakeForm(prefix="intake")
    if not form.validate():
        return _file_page(participant, 400, intake=form)
    intake = intake_of(db, participant.id)
    for name in ("referrer_contact", "competences", "skills", "drives", "own_goals", "next_steps"):
        setattr(intake, name, getattr(form, name).data or "")
    intake.trajectory_goal = form.trajectory_goal.data or None
    intake.language_level = form.language_level.data or None
    participant.referrer_organisation = form.referrer_organisation.data or ""
    withdraw_stale_shares(db, participant)
    participant.start_date = form.start_date.data
    participant.expected_end_date = form.expected_end_date.data
    db.add_all([intake, participant])
    record(db, "update", "intake", participant.id)
    return _saved(participant.id, "#intake")


@bp.route("/<int:participant_id>/gevoelig", methods=["POST"])
@roles(*STAFF)
def save_sensitive(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    if not may_see_sensitive(db, participant.id):
        abort(403)
    form = SensitiveForm(prefix="sensitive")
    if not form.validate():
        return _file_page(participant, 400, sensitive_form=form)
    info = sensitive_of(db, participant.id)
    form.populate_obj(info)
    db.add(info)
    record(db, "update", "gevoelige gegevens", participant.id)
    return _saved(participant.id, "#gevoelig")


@bp.route("/<int:participant_id>/ladder", methods=["POST"])
@roles(*STAFF)
def add_ladder(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = LadderForm(prefix="ladder")
    if not form.validate():
        return _file_page(participant, 400, ladder_form=form)
    add_ladder_step(db, participant, int(form.step.data), form.day.data, form.note.data or "")
    return _saved(participant.id, "#ladder")


@bp.route("/<int:participant_id>/vaardigheden", methods=["POST"])
@roles(*STAFF)
def save_skills(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    levels = {}
    for department in departments(db):
        value = request.form.get(f"skill-{department.id}", "0")
        if value not in ("0", "1", "2", "3"):
            flash(_("Kies een niveau van 0 tot en met 3."), "error")
            return _back(participant.id, "#vaardigheden")
        levels[department.id] = int(value)
    set_skills(db, participant, levels)
    return _saved(participant.id, "#vaardigheden")


@bp.route("/<int:participant_id>/beschikbaarheid", methods=["POST"])
@roles(*STAFF)
def save_availability(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    valid = {f"{d}-{p}": (d, p) for d in DAYS for p in DAYPARTS}
    chosen = request.form.getlist("slot")
    if any(value not in valid for value in chosen):
        abort(400)
    set_availability(db, participant, {valid[value] for value in chosen})
    return _saved(participant.id, "#beschikbaarheid")


@bp.route("/<int:participant_id>/leerdoelen", methods=["POST"])
@roles(*STAFF)
def save_learning(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    known = {str(d.id): d.id for d in departments(db)}
    chosen = request.form.getlist("learning")
    if any(value not in known for value in chosen):
        abort(400)
    set_learning_goals(db, participant, {known[value] for value in chosen})
    return _saved(participant.id, "#leerdoelen")


@bp.route("/<int:participant_id>/certificaten", methods=["POST"])
@roles(*STAFF)
def add_certificate(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = CertificateForm(prefix="cert")
    if not form.validate():
        return _file_page(participant, 400, certificate_form=form)
    certificate = Certificate(participant_id=participant.id)
    form.populate_obj(certificate)
    db.add(certificate)
    record(db, "create", f"certificaat {form.kind.data} ({form.status.data})", participant.id)
    return _saved(participant.id, "#certificaten")


@bp.route("/<int:participant_id>/afwezigheid", methods=["POST"])
@roles(*STAFF)
def add_absence(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = AbsenceForm(prefix="absence")
    if not form.validate():
        return _file_page(participant, 400, absence_form=form)
    absence = Absence(participant_id=participant.id)
    form.populate_obj(absence)
    absence.daypart = form.daypart.data or None
    db.add(absence)
    record(
        db,
        "create",
        f"afwezigheid {absence.kind} {absence.start_date}–{absence.end_date}",
        participant.id,
    )
    return _saved(participant.id, "#afwezigheid")


@bp.route("/<int:participant_id>/portfolio", methods=["POST"])
@roles(*STAFF)
def add_portfolio_step(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = PortfolioForm(prefix="portfolio")
    if not form.validate():
        return _file_page(participant, 400, portfolio_form=form)
    step = PortfolioStep(participant_id=participant.id)
    form.populate_obj(step)
    db.add(step)
    record(db, "create", f"portfolio: {step.description}", participant.id)
    return _saved(participant.id, "#portfolio")


@bp.route("/<int:participant_id>/contactpersonen", methods=["POST"], defaults={"contact_id": None})
@bp.route("/<int:participant_id>/contactpersonen/<int:contact_id>", methods=["POST"])
@roles(*STAFF)
def save_referrer_contact(participant_id: int, contact_id: int | None):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    contact = None
    if contact_id is not None:
        contact = contact_of(db, participant, contact_id)
        if contact is None:
            abort(404)
    form = ContactForm(prefix="contact")
    if not form.validate():
        return _file_page(participant, 400, contact_form=form, editing_contact=contact)
    save_contact(db, participant, contact, form.values())
    return _saved(participant.id, "#verwijzer")


@bp.route("/<int:participant_id>/roostergegevens", methods=["POST"])
@roles(*STAFF)
def save_roster_inputs(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = RosterInputsForm(prefix="roster", current_group=participant.target_group)
    if not form.validate():
        return _file_page(participant, 400, roster_form=form)
    changed = set_roster_inputs(
        db,
        participant,
        form.target_group.data,
        form.dayparts_per_week.data,
        form.clearance_value(),
    )
    if not changed:
        flash(_("Niets gewijzigd."), "success")
        return _back(participant.id, "#roostergegevens")
    notice = overbooked_notice(
        participant.dayparts_per_week, available_dayparts(db, participant.id)
    )
    response = _saved(participant.id, "#roostergegevens")
    if notice:
        flash(notice, "warning")
    return response


def _log_form(db, participant, **kwargs) -> ContactLogForm:
    return ContactLogForm(prefix="log", contacts=contacts_of(db, participant.id), **kwargs)


def _contact_log_region(participant, form: ContactLogForm, status: int = 200, saved=False):
    """The log with its form, as htmx swaps it in place after an entry is added."""
    return render_template(
        "coaching/_contact_log.html",
        p=participant,
        contact_log=log_of(get_session(), participant.id),
        log_form=form,
        log_saved=saved,
    ), status


@bp.route("/<int:participant_id>/contactlog", methods=["POST"])
@roles(*STAFF)
def add_contact_log(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = _log_form(db, participant)
    if not form.validate():
        if htmx:
            return _contact_log_region(participant, form, 422)
        return _file_page(participant, 400, log_form=form)
    contact = (
        contact_of(db, participant, int(form.contact_id.data)) if form.contact_id.data else None
    )
    add_log_entry(
        db,
        participant,
        form.day.data,
        contact,
        form.channel.data,
        form.summary.data.strip(),
        current_user.id,
    )
    if not htmx:
        return _saved(participant.id, "#contactlog")
    db.commit()
    return _contact_log_region(
        participant, _log_form(db, participant, formdata=None, day=clock.today()), saved=True
    )


_REMOVABLE = {
    "certificaat": (Certificate, "#certificaten"),
    "afwezigheid": (Absence, "#afwezigheid"),
    "portfolio": (PortfolioStep, "#portfolio"),
    "contactpersoon": (ReferrerContact, "#verwijzer"),
}


@bp.route(
    "/<int:participant_id>/<any(certificaat,afwezigheid,portfolio,contactpersoon):kind>"
    "/<int:row_id>/verwijderen",
    methods=["POST"],
)
@roles(*STAFF)
def remove_row(participant_id: int, kind: str, row_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    table, section = _REMOVABLE[kind]
    row = db.get(table, row_id)
    if row is None or row.participant_id != participant.id:
        abort(404)
    db.delete(row)
    record(db, "delete", f"{kind} {row_id}", participant.id)
    return _saved(participant.id, section)
