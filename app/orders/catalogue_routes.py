"""Customers and their articles, kept by managers: the norms orders are planned with."""

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.auth.access import MANAGERS, roles
from app.db import get_session
from app.orders import bp
from app.orders.forms import ArticleForm, CustomerForm
from inventory.models import Article, Customer


def _get_or_404(db: Session, model, key: int):
    row = db.get(model, key)
    if row is None:
        abort(404)
    return row


def _store(db: Session, row, form, duplicate_field: str, duplicate_message: str) -> bool:
    """Copy the form onto the row and commit; a unique clash becomes a field error."""
    form.populate_obj(row)
    db.add(row)
    try:
        db.commit()
    except IntegrityError:
        db.rollback()
        getattr(form, duplicate_field).errors.append(duplicate_message)
        return False
    return True


@bp.route("/klanten")
@roles(*MANAGERS)
def customers():
    db = get_session()
    rows = db.exec(select(Customer).order_by(Customer.name)).all()
    articles = db.exec(select(Article).order_by(Article.code)).all()
    by_customer: dict[int, list[Article]] = {}
    for article in articles:
        by_customer.setdefault(article.customer_id, []).append(article)
    return render_template("orders/customers.html", customers=rows, articles=by_customer)


@bp.route("/klanten/nieuw", methods=["GET", "POST"], defaults={"customer_id": None})
@bp.route("/klanten/<int:customer_id>", methods=["GET", "POST"])
@roles(*MANAGERS)
def customer(customer_id: int | None):
    db = get_session()
    row = _get_or_404(db, Customer, customer_id) if customer_id else Customer(name="")
    form = CustomerForm(obj=row if customer_id else None)
    if form.validate_on_submit() and _store(
        db, row, form, "name", _("Er is al een klant met deze naam.")
    ):
        flash(_("Klant %(name)s is opgeslagen.", name=row.name), "success")
        return redirect(url_for("orders.customer", customer_id=row.id))
    articles = (
        db.exec(select(Article).where(Article.customer_id == row.id).order_by(Article.code)).all()
        if customer_id
        else []
    )
    status = 400 if form.is_submitted() else 200
    return render_template(
        "orders/customer.html", form=form, customer=row if customer_id else None, articles=articles
    ), status


@bp.route("/klanten/<int:customer_id>/artikelen/nieuw", methods=["GET", "POST"])
@bp.route("/klanten/<int:customer_id>/artikelen/<int:article_id>", methods=["GET", "POST"])
@roles(*MANAGERS)
def article(customer_id: int, article_id: int | None = None):
    db = get_session()
    owner = _get_or_404(db, Customer, customer_id)
    if article_id is None:
        row = Article(
            customer_id=owner.id, code="", name="", units_per_pallet=1, norm_units_per_hour=1
        )
    else:
        row = _get_or_404(db, Article, article_id)
        if row.customer_id != owner.id:
            abort(404)
    form = ArticleForm(obj=row if article_id else None)
    if form.validate_on_submit():
        form.norm_units_per_hour.data = float(form.norm_units_per_hour.data)
        if _store(db, row, form, "code", _("Deze klant heeft al een artikel met deze code.")):
            flash(_("Artikel %(code)s is opgeslagen.", code=row.code), "success")
            return redirect(url_for("orders.customer", customer_id=owner.id))
    status = 400 if form.is_submitted() else 200
    return render_template(
        "orders/article.html", form=form, customer=owner, article=row if article_id else None
    ), status
