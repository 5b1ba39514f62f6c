"""Production orders for managers: the order book, one order, its status and output."""

from datetime import date, timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlmodel import Session, select

from app import clock, convert
from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.models import Department, ProductionOrder
from app.orders import bp
from app.orders.forms import OrderForm, ProductionForm, StatusForm
from app.orders.labour import weekly_demand
from app.orders.messages import RISKS, refusal, status_refused
from app.orders.pipeline import FINAL, StatusRefused, change_status, next_statuses
from app.orders.production import RegistrationRefused, records_of, register_production
from app.orders.queries import order_line, order_lines, status_history
from app.orders.services import OrderRefused, save_order
from app.submissions import Answer, write_once
from app.vocab import ORDER_STATUSES
from app.warehouse.views import article_choices
from inventory.models import Customer

VIEWS = {"open": ("received", "planned", "in_production", "ready"), "all": ()}


def _monday(value: str | None) -> date:
    try:
        day = convert.day(value) if value else clock.today()
    except ValueError:
        day = clock.today()
    return day - timedelta(days=day.weekday())


@bp.route("/")
@roles(*MANAGERS)
def index():
    db = get_session()
    view = request.args.get("status", "open")
    statuses = VIEWS.get(view, (view,) if view in ORDER_STATUSES else VIEWS["open"])
    customer_id = request.args.get("klant", type=convert.record_id)
    lines = order_lines(db, customer_id=customer_id, statuses=statuses)
    if request.args.get("risico"):
        lines = [line for line in lines if line.progress.risk]
    return render_template(
        "orders/index.html",
        lines=lines,
        risks=RISKS,
        view=view,
        customer_id=customer_id,
        only_risk=bool(request.args.get("risico")),
        customers=db.exec(select(Customer).order_by(Customer.name)).all(),
        statuses=ORDER_STATUSES,
    )


@bp.route("/capaciteit")
@roles(*MANAGERS)
def demand():
    db = get_session()
    monday = _monday(request.args.get("week"))
    needed = weekly_demand(db, monday)
    departments = db.exec(select(Department).order_by(Department.sort_order)).all()
    return render_template(
        "orders/demand.html",
        monday=monday,
        rows=[(department, needed.get(department.code, 0)) for department in departments],
        previous=monday - timedelta(days=7),
        following=monday + timedelta(days=7),
    )


def _fill_choices(db: Session, form: OrderForm) -> None:
    form.article_id.choices = [(0, _("Kies…")), *article_choices(db)]
    departments = db.exec(select(Department).order_by(Department.sort_order)).all()
    form.department_id.choices = [(0, _("Kies…"))] + [(d.id, d.name) for d in departments]


def _save(db: Session, form: OrderForm, order: ProductionOrder | None):
    """Save the form's order, or roll back and put the refusal on its field; no commit."""
    try:
        saved = save_order(
            db,
            order,
            number=form.number.data,
            article_id=form.article_id.data,
            department_id=form.department_id.data,
            quantity=form.quantity.data,
            due_date=form.due_date.data,
            user_id=current_user.id,
        )
    except OrderRefused as refused:
        db.rollback()
        getattr(form, refused.field).errors.append(refusal(refused.reason, **refused.params))
        return None
    return saved


@bp.route("/nieuw", methods=["GET", "POST"])
@roles(*MANAGERS)
def create():
    db = get_session()
    form = OrderForm()
    _fill_choices(db, form)
    if form.validate_on_submit():

        def make() -> Answer | None:
            order = _save(db, form, None)
            if order is None:
                return None
            return Answer(
                url_for("orders.detail", order_id=order.id),
                _("Order %(number)s is aangemaakt.", number=order.number),
            )

        response = write_once(db, form.submission, make)
        if response is not None:
            db.commit()
            return response
    status = 400 if form.is_submitted() else 200
    return render_template("orders/form.html", form=form, order=None), status


def _order_or_404(db: Session, order_id: int) -> ProductionOrder:
    order = db.get(ProductionOrder, order_id)
    if order is None:
        abort(404)
    return order


@bp.route("/<int:order_id>/bewerken", methods=["GET", "POST"])
@roles(*MANAGERS)
def edit(order_id: int):
    db = get_session()
    order = _order_or_404(db, order_id)
    if order.status in FINAL:
        flash(refusal("order_closed"), "error")
        return redirect(url_for("orders.detail", order_id=order.id))
    form = OrderForm(obj=order)
    _fill_choices(db, form)
    if form.validate_on_submit() and _save(db, form, order) is not None:
        db.commit()
        flash(_("Order %(number)s is bijgewerkt.", number=order.number), "success")
        return redirect(url_for("orders.detail", order_id=order.id))
    status = 400 if form.is_submitted() else 200
    return render_template("orders/form.html", form=form, order=order), status


def _detail_page(db: Session, order_id: int, production_form: ProductionForm, status: int = 200):
    line = order_line(db, order_id)
    if line is None:
        abort(404)
    return render_template(
        "orders/detail.html",
        line=line,
        risks=RISKS,
        history=status_history(db, order_id),
        records=records_of(db, order_id),
        next_statuses=next_statuses(line.order.status),
        status_form=StatusForm(),
        form=production_form,
    ), status


@bp.route("/<int:order_id>")
@roles(*MANAGERS)
def detail(order_id: int):
    return _detail_page(get_session(), order_id, ProductionForm(formdata=None))


@bp.route("/<int:order_id>/status", methods=["POST"])
@roles(*MANAGERS)
def set_status(order_id: int):
    db = get_session()
    order = _order_or_404(db, order_id)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        change_status(db, order, form.status.data, current_user.id)
    except StatusRefused as refused:
        db.rollback()
        flash(status_refused(refused.current, refused.wanted), "error")
        return redirect(url_for("orders.detail", order_id=order_id)), 303
    db.commit()
    flash(_("Status gewijzigd."), "success")
    return redirect(url_for("orders.detail", order_id=order_id)), 303


@bp.route("/<int:order_id>/productie", methods=["POST"])
@roles(*MANAGERS)
def register(order_id: int):
    db = get_session()
    order = _order_or_404(db, order_id)
    form = ProductionForm()
    if not form.validate_on_submit():
        return _detail_page(db, order_id, form, 400)

    def record() -> Answer | None:
        try:
            register_production(
                db,
                order,
                form.day.data,
                form.units_made.data,
                form.units_rejected.data,
                note=form.note.data or "",
                user_id=current_user.id,
            )
        except RegistrationRefused as refused:
            db.rollback()
            form.day.errors.append(refusal(refused.reason))
            return None
        return Answer(url_for("orders.detail", order_id=order_id), _("Productie geregistreerd."))

    response = write_once(db, form.submission, record)
    if response is None:
        return _detail_page(db, order_id, form, 400)
    db.commit()
    return response
