"""The audit log for admins: who read or changed which participant file, filterable."""

from datetime import datetime, time, timedelta

from flask import render_template, request
from sqlalchemy import func
from sqlmodel import select

from app.admin import bp
from app.audit import ACTIONS, AuditEntry
from app.auth.access import roles
from app.convert import optional_day, page_number
from app.db import get_session
from app.extensions import htmx
from app.models import Participant

PAGE_SIZE = 50


@bp.route("/audit")
@roles("admin")
def audit():
    db = get_session()
    args = request.args
    who, action, code = (
        args.get("wie", "").strip(),
        args.get("actie", ""),
        args.get("deelnemer", ""),
    )
    since, until = optional_day(args.get("van")), optional_day(args.get("tot"))
    page = args.get("pagina", 1, type=page_number)
    query = select(AuditEntry, Participant).outerjoin(
        Participant, Participant.id == AuditEntry.participant_id
    )
    if who:
        query = query.where(AuditEntry.user_name.ilike(f"%{who}%"))
    if action in ACTIONS:
        query = query.where(AuditEntry.action == action)
    if code.strip():
        query = query.where(Participant.code.ilike(code.strip()))
    if since:
        query = query.where(AuditEntry.at >= datetime.combine(since, time.min))
    if until:
        query = query.where(AuditEntry.at < datetime.combine(until + timedelta(days=1), time.min))
    total = db.exec(select(func.count()).select_from(query.subquery())).one()
    entries = db.exec(
        query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        .offset((page - 1) * PAGE_SIZE)
        .limit(PAGE_SIZE)
    ).all()
    return render_template(
        "admin/_audit_rows.html" if htmx else "admin/audit.html",
        entries=entries,
        total=total,
        page=page,
        pages=max((total + PAGE_SIZE - 1) // PAGE_SIZE, 1),
        actions=ACTIONS,
        filters={"wie": who, "actie": action, "deelnemer": code, "van": since, "tot": until},
    )
