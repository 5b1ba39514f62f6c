"""Departments for managers and admins: what the roster plans each department with.

Certificate cover (contract v2 `cover`) is kept as `CertificateCover` rows of the department,
which the roster problem reads (app/roster/problem.py).

A department is archived, never deleted: published rosters, orders and attendance keep
naming it. Its code is fixed once made, because roster problems and exports use it as id.
"""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, delete, select

from app.admin import bp
from app.admin.department_forms import ClosureForm, DepartmentForm, OverrideForm
from app.audit import record
from app.auth.access import MANAGERS, roles
from app.clock import today
from app.db import get_session
from app.models import (
    Department,
    DepartmentCertificate,
    DepartmentClosure,
    DepartmentMix,
    StaffingOverride,
)
from app.roster.models import CertificateCover
from app.vocab import CERTIFICATE_KINDS, DAYPARTS, DAYS, ROSTER_GROUPS


@bp.route("/afdelingen")
@roles(*MANAGERS)
def departments():
    return _index(get_session(), ClosureForm(prefix="closure"), 200)


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


@bp.route("/afdelingen/gesloten", methods=["POST"], defaults={"department_id": None})
@bp.route("/afdelingen/<int:department_id>/gesloten", methods=["POST"])
@roles(*MANAGERS)
def add_closure(department_id: int | None):
    """A date the department, or with no department the whole site, is closed."""
    db = get_session()
    row = _department(db, department_id) if department_id else None
    form = ClosureForm(prefix="closure")
    if form.validate() and not _already_closed(db, department_id, form):
        closure = DepartmentClosure(
            department_id=department_id,
            day=form.day.data,
            daypart=form.daypart.data or None,
            reason=form.reason.data.strip(),
            created_by=current_user.id,
        )
        db.add(closure)
        record(db, "create", f"{_closed_what(row)} gesloten {_closed_when(closure)}")
        try:
            db.commit()
        except IntegrityError:  # the same closure posted twice at once
            db.rollback()
            form.day.errors.append(_already_closed_message(department_id))
        else:
            flash(_("De sluiting is opgeslagen."), "success")
            return _back_to(row)
    if row is None:
        return _index(db, form, 400)
    department_form = DepartmentForm(data=_form_data(db, row))
    return _page(db, row, department_form, OverrideForm(prefix="override"), 400, form)


@bp.route("/afdelingen/gesloten/<int:closure_id>/weg", methods=["POST"])
@roles(*MANAGERS)
def remove_closure(closure_id: int):
    db = get_session()
    closure = db.get(DepartmentClosure, closure_id)
    if closure is None:
        abort(404)
    row = db.get(Department, closure.department_id) if closure.department_id else None
    db.delete(closure)
    record(db, "delete", f"{_closed_what(row)} gesloten {_closed_when(closure)} weg")
    db.commit()
    flash(_("De sluiting is weggehaald."), "success")
    return _back_to(row)


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


def _already_closed(db: Session, department_id: int | None, form: ClosureForm) -> bool:
    """Whether a closure of the same department (or the site) overlaps the one asked for:
    a whole day overlaps both dayparts. NULLs never clash in a unique constraint, so the
    check is here."""
    daypart = form.daypart.data or None
    found = db.exec(
        select(DepartmentClosure).where(
            _closures_of(department_id),
            DepartmentClosure.day == form.day.data,
        )
    ).all()
    if any(c.daypart is None or daypart is None or c.daypart == daypart for c in found):
        form.day.errors.append(_already_closed_message(department_id))
        return True
    return False


def _closures_of(department_id: int | None):
    """The filter for one department's closures, or the whole site's (no department)."""
    if department_id is None:
        return DepartmentClosure.department_id.is_(None)
    return DepartmentClosure.department_id == department_id


def _already_closed_message(department_id: int | None) -> str:
    if department_id is None:
        return _("De hele werkplaats is op deze datum al gesloten.")
    return _("Deze afdeling is op deze datum al gesloten.")


def _closed_what(row: Department | None) -> str:
    return f"afdeling {row.code}:" if row else "hele werkplaats"


def _closed_when(closure: DepartmentClosure) -> str:
    return f"{closure.day.isoformat()} {closure.daypart or 'hele dag'}"


def _back_to(row: Department | None):
    if row is None:
        return redirect(url_for("admin.departments") + "#gesloten")
    return redirect(url_for("admin.department", department_id=row.id) + "#gesloten")


def _coming_closures(db: Session, department_id: int | None) -> list[DepartmentClosure]:
    rows = db.exec(
        select(DepartmentClosure).where(
            _closures_of(department_id),
            DepartmentClosure.day >= today(),
        )
    )
    return sorted(rows, key=lambda c: (c.day, c.daypart or ""))


def _index(db: Session, closure_form: ClosureForm, status: int):
    rows = db.exec(
        select(Department).order_by(Department.archived, Department.sort_order, Department.name)
    ).all()
    return render_template(
        "admin/departments.html",
        departments=rows,
        closures=_coming_closures(db, None),
        closure_form=closure_form,
    ), status


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


def _page(
    db: Session,
    row: Department | None,
    form,
    override_form,
    status: int,
    closure_form: ClosureForm | None = None,
):
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
        closures=_coming_closures(db, row.id) if row else [],
        closure_form=closure_form or ClosureForm(prefix="closure"),
        groups=ROSTER_GROUPS,
        certificate_kinds=CERTIFICATE_KINDS,
    ), status
