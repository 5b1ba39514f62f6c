"""Hours per month for managers: per participant, target group and department; approval,
corrections on approved months, and the payroll export of an approved month."""

from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import select

from app import clock
from app.audit import record
from app.auth.access import roles
from app.coaching.file import departments
from app.db import get_session
from app.labels import label
from app.models import Participant
from app.money.amounts import hours, parse_amount
from app.money.approval import ApprovalRefused, approval_of, approve
from app.money.blueprint import bp
from app.money.files import download
from app.money.hours import CorrectionRefused, add_correction, month_hours, totals_by
from app.money.labels import money_label
from app.money.months import last_month, parse_month
from app.money.payroll import payroll

MONEY = ("manager",)


def month_or_404(text: str | None) -> date:
    month = parse_month(text)
    if text and month is None:
        abort(404)
    return month or last_month()


def _page(month: date, status: int = 200, **extra):
    db = get_session()
    lines = month_hours(db, month)
    return render_template(
        "money/hours.html",
        month=month,
        lines=lines,
        by_group=totals_by(
            lines, lambda line: label("target_group", line.participant.target_group)
        ),
        by_department=totals_by(lines, lambda line: line.department.name),
        approval=approval_of(db, month),
        departments=departments(db),
        people=db.exec(
            select(Participant).order_by(Participant.last_name, Participant.first_name)
        ).all(),
        form=request.form if request.method == "POST" else {},
        errors=extra.pop("errors", {}),
        **extra,
    ), status


@bp.route("/uren")
@roles(*MONEY)
def hours_page():
    return _page(month_or_404(request.args.get("maand")))


@bp.route("/uren/<month>/goedkeuren", methods=["POST"])
@roles(*MONEY)
def approve_month(month: str):
    db = get_session()
    day = month_or_404(month)
    try:
        approve(db, day, current_user.id, clock.today())
    except ApprovalRefused as refusal:
        flash(
            _("Een maand kan pas na afloop worden goedgekeurd.")
            if str(refusal) == "not_ended"
            else _("Deze maand is al goedgekeurd."),
            "error",
        )
    else:
        db.commit()
        flash(_("De uren van %(month)s zijn goedgekeurd en liggen vast.", month=month), "success")
    return redirect(url_for("money.hours_page", maand=month))


def _signed_minutes(text: str) -> int | None:
    text = text.strip()
    sign = -1 if text.startswith("-") else 1
    value = parse_amount(text.lstrip("-+"))
    if value is None or value == 0 or value > 24:
        return None
    return sign * int((value * 60).to_integral_value())


@bp.route("/uren/<month>/correctie", methods=["POST"])
@roles(*MONEY)
def add_hours_correction(month: str):
    db = get_session()
    day_month = month_or_404(month)
    form = request.form
    errors = {}
    participant = (
        db.get(Participant, int(form["deelnemer"]))
        if form.get("deelnemer", "").isdigit() and len(form["deelnemer"]) < 10
        else None
    )
    department = {str(d.id): d for d in departments(db)}.get(form.get("afdeling", ""))
    try:
        day = date.fromisoformat(form.get("dag", ""))
    except ValueError:
        day = None
    minutes = _signed_minutes(form.get("uren", ""))
    reason = form.get("reden", "").strip()[:300]
    if participant is None:
        errors["deelnemer"] = _("Kies een deelnemer.")
    if department is None:
        errors["afdeling"] = _("Kies een afdeling.")
    if day is None or day.replace(day=1) != day_month:
        errors["dag"] = _("Kies een dag in deze maand.")
    if minutes is None:
        errors["uren"] = _("Vul de uren in, bijvoorbeeld 1,5 of -0,5 (niet 0, hooguit 24).")
    if not reason:
        errors["reden"] = _("Vul de reden van de correctie in.")
    if errors:
        return _page(day_month, 400, errors=errors)
    try:
        add_correction(
            db, participant.id, department.id, day, minutes, reason, current_user.id, clock.today()
        )
    except CorrectionRefused:
        errors["dag"] = _(
            "Alleen een goedgekeurde maand krijgt correctieregels; pas anders de aanwezigheid aan."
        )
        return _page(day_month, 400, errors=errors)
    record(db, "create", f"urencorrectie {day.isoformat()}: {minutes} min", participant.id)
    db.commit()
    flash(_("Correctie geboekt in de lopende maand."), "success")
    return redirect(url_for("money.hours_page", maand=month))


@bp.route("/loonlijst/<month>.<any(csv, xlsx):kind>")
@roles(*MONEY)
def payroll_export(month: str, kind: str):
    db = get_session()
    day = month_or_404(month)
    if approval_of(db, day) is None:
        flash(
            _("Keur de uren van deze maand eerst goed; pas dan gaat de loonlijst eruit."), "error"
        )
        return redirect(url_for("money.hours_page", maand=month))
    lines = payroll(db, day)
    record(db, "export", f"loonlijst {month} {kind} ({len(lines)} regels)")
    db.commit()
    # The kind of pay is what payroll needs; the target group never leaves the app.
    header = [
        _("Code"),
        _("Naam"),
        _("Soort vergoeding"),
        _("Uren"),
        _("Dagen"),
        _("Bedrag"),
    ]
    rows = [
        [
            line.participant.code,
            line.participant.full_name,
            money_label("pay_kind", line.kind),
            hours(line.minutes),
            len(line.days),
            line.amount if line.amount is not None else None,
        ]
        for line in lines
    ]
    return download(f"loonlijst-{month}", kind, _("Loonlijst"), header, rows)
