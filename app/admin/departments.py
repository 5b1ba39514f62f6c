"""Departments for managers and admins: what the roster plans each department with.

Certificate cover (contract v2 `cover`) is kept as `CertificateCover` rows of the department,
which the roster problem reads (app/roster/problem.py).

A department is archived, never deleted: published rosters, orders and attendance keep
naming it. Its code is fixed once made, because roster problems and exports use it as id.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, delete, select

from app.admin import bp
from app.admin.department_forms import DepartmentForm, OverrideForm
from app.audit import record
from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.models import (
    Department,
    DepartmentCertificate,
    DepartmentMix,
    StaffingOverride,
)
from app.roster.models import CertificateCover
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, DAYS, ROSTER_GROUPS


@bp.route("/afdelingen")
@roles(*MANAGERS)
def departments():
    db = get_session()
    rows = db.exec(
        select(Department).order_by(Department.archived, Department.sort_order, Department.name)
    ).all()
    return render_template("admin/departments.html", departments=rows)


@bp.route("/afdelingen/nieuw", methods=["GET", "POST"], defaults={"department_id": None})
@bp.route("/afdelingen/<int:department_id>", methods=["GET", "POST"])
@roles(*MANAGERS)
def department(department_id: int | None):
    db = get_session()
    row = _department(db, department_id) if department_id else None
    form = DepartmentForm(data=_form_data(db, row) if row else None)
    if row:
        form.code.data = row.code  # fixed once made: a posted code is ignored
    if not form.validate_on_submit():
        return _page(
            db, row, form, OverrideForm(prefix="override"), 400 if form.is_submitted() else 200
        )
    row = row or Department(code=form.code.data, name="", sort_order=_next_sort(db))
    for name in ("name", "outside", "staffing_min", "staffing_max", "max_detainees"):
        setattr(row, name, getattr(form, name).data)
    row.name = row.name.strip()
    db.add(row)
    try:
        db.flush()
    except IntegrityError:
        db.rollback()
        form.code.errors.append(_("Er is al een afdeling met deze code."))
        return _page(db, None, form, OverrideForm(prefix="override"), 400)
    _replace_children(db, row, form)
    record(db, "update" if department_id else "create", f"afdeling {row.code}")
    db.commit()
    flash(_("Afdeling %(name)s is opgeslagen.", name=row.name), "success")
    return redirect(url_for("admin.department", department_id=row.id))


@bp.route("/afdelingen/<int:department_id>/afwijking", methods=["POST"])
@roles(*MANAGERS)
def add_override(department_id: int):
    db = get_session()
    row = _department(db, department_id)
    form = OverrideForm(prefix="override")
    if not form.validate():
        return _page(db, row, DepartmentForm(data=_form_data(db, row)), form, 400)
    existing = db.exec(
        select(StaffingOverride).where(
            StaffingOverride.department_id == row.id,
            StaffingOverride.day == form.day.data,
            StaffingOverride.daypart == form.daypart.data,
        )
    ).first()
    override = existing or StaffingOverride(
        department_id=row.id, day=form.day.data, daypart=form.daypart.data
    )
    override.staffing_min, override.staffing_max = form.staffing_min.data, form.staffing_max.data
    db.add(override)
    record(db, "update", f"afdeling {row.code}: bezetting {override.day} {override.daypart}")
    db.commit()
    flash(_("Afwijkende bezetting opgeslagen."), "success")
    return redirect(url_for("admin.department", department_id=row.id) + "#afwijkingen")


@bp.route("/afdelingen/<int:department_id>/afwijking/<int:override_id>/weg", methods=["POST"])
@roles(*MANAGERS)
def remove_override(department_id: int, override_id: int):
    db = get_session()
    row = _department(db, department_id)
    override = db.get(StaffingOverride, override_id)
    if override is None or override.department_id != row.id:
        abort(404)
    db.delete(override)
    record(db, "update", f"afdeling {row.code}: afwijking {override.day} {override.daypart} weg")
    db.commit()
    flash(_("De afwijking is weg; de gewone bezetting geldt weer."), "success")
    return redirect(url_for("admin.department", department_id=row.id) + "#afwijkingen")


@bp.route("/afdelingen/<int:department_id>/<any(archiveren,terugzetten):change>", methods=["POST"])
@roles(*MANAGERS)
def archive_department(department_id: int, change: str):
    db = get_session()
    row = _department(db, department_id)
    row.archived = change == "archiveren"
    db.add(row)
    record(db, "update", f"afdeling {row.code} {'gearchiveerd' if row.archived else 'terug'}")
    db.commit()
    if row.archived:
        flash(_("Afdeling %(name)s is gearchiveerd.", name=row.name), "success")
    else:
        flash(_("Afdeling %(name)s is weer in gebruik.", name=row.name), "success")
    return redirect(url_for("admin.departments"))


def _department(db: Session, department_id: int) -> Department:
    row = db.get(Department, department_id)
    if row is None:
        abort(404)
    return row


def _next_sort(db: Session) -> int:
    return (db.exec(select(func.max(Department.sort_order))).one() or 0) + 1


def _form_data(db: Session, row: Department) -> dict:
    requires = db.exec(
        select(DepartmentCertificate.kind).where(DepartmentCertificate.department_id == row.id)
    ).all()
    mix = dict(
        db.exec(
            select(DepartmentMix.group, DepartmentMix.share).where(
                DepartmentMix.department_id == row.id
            )
        ).all()
    )
    data = {
        name: getattr(row, name)
        for name in ("name", "code", "outside", "staffing_min", "staffing_max", "max_detainees")
    }
    cover = dict(
        db.exec(
            select(CertificateCover.kind, CertificateCover.minimum).where(
                CertificateCover.department_id == row.id
            )
        ).all()
    )
    data["requires"] = list(requires)
    data.update({f"cover_{kind}": cover.get(kind, 0) for kind in CERTIFICATE_KINDS})
    data.update({f"mix_{g}": round(mix.get(g, 0) * 100) for g in ROSTER_GROUPS})
    return data


def _replace_children(db: Session, row: Department, form: DepartmentForm) -> None:
    """Required certificates, cover and the target mix are stored as rows; the form holds
    them whole."""
    for table in (DepartmentCertificate, CertificateCover, DepartmentMix):
        db.exec(delete(table).where(table.department_id == row.id))
    db.add_all(
        DepartmentCertificate(department_id=row.id, kind=kind) for kind in form.requires.data or []
    )
    db.add_all(
        CertificateCover(department_id=row.id, kind=kind, minimum=count)
        for kind, count in form.cover().items()
    )
    db.add_all(
        DepartmentMix(department_id=row.id, group=group, share=share)
        for group, share in form.mix().items()
    )


def _page(db: Session, row: Department | None, form, override_form, status: int):
    overrides = []
    if row:
        order = {(d, p): i for i, (d, p) in enumerate((d, p) for d in DAYS for p in DAYPARTS)}
        overrides = sorted(
            db.exec(select(StaffingOverride).where(StaffingOverride.department_id == row.id)),
            key=lambda o: order[(o.day, o.daypart)],
        )
    return render_template(
        "admin/department.html",
        department=row,
        form=form,
        override_form=override_form,
        overrides=overrides,
        groups=ROSTER_GROUPS,
        certificate_kinds=CERTIFICATE_KINDS,
    ), status
