"""Prices for customers: per unit per article and per pallet-day, each from a date on."""

from decimal import Decimal

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select

from app.auth.access import roles
from app.db import get_session
from app.money.blueprint import bp
from app.money.hours_views import MONEY
from app.money.inputs import read_fields
from app.money.models import ArticlePrice, StorageRate
from inventory.models import Article, Customer

VAT_RATES = ("21", "9", "0")


def _page(status: int = 200, errors: dict | None = None):
    db = get_session()
    return render_template(
        "money/prices.html",
        articles=db.exec(
            select(Article, Customer).join(Customer).order_by(Customer.name, Article.code)
        ).all(),
        prices=db.exec(
            select(ArticlePrice, Article)
            .join(Article)
            .order_by(Article.code, ArticlePrice.valid_from.desc())
        ).all(),
        storage=db.exec(select(StorageRate).order_by(StorageRate.valid_from.desc())).all(),
        vat_rates=VAT_RATES,
        form=request.form,
        errors=errors or {},
    ), status


@bp.route("/prijzen")
@roles(*MONEY)
def prices():
    return _page()


@bp.route("/prijzen/artikel", methods=["POST"])
@roles(*MONEY)
def add_article_price():
    db = get_session()
    values, errors = read_fields(
        request.form,
        {
            "prijs": ("unit_price", "price"),
            "btw": ("vat_rate", VAT_RATES),
            "vanaf": ("valid_from", "date"),
        },
    )
    article_id = request.form.get("artikel", "")
    article = (
        db.get(Article, int(article_id)) if article_id.isdigit() and len(article_id) < 10 else None
    )
    if article is None:
        errors["artikel"] = _("Kies een artikel.")
    elif (
        not errors
        and db.exec(
            select(ArticlePrice).where(
                ArticlePrice.article_id == article.id,
                ArticlePrice.valid_from == values["valid_from"],
            )
        ).first()
    ):
        errors["vanaf"] = _("Op die datum gaat voor dit artikel al een prijs in.")
    if errors:
        return _page(400, errors)
    values["vat_rate"] = Decimal(values["vat_rate"])
    db.add(ArticlePrice(article_id=article.id, **values))
    db.commit()
    flash(_("Prijs opgeslagen."), "success")
    return redirect(url_for("money.prices"))


@bp.route("/prijzen/opslag", methods=["POST"])
@roles(*MONEY)
def add_storage_rate():
    db = get_session()
    values, errors = read_fields(
        request.form,
        {
            "palletdag": ("price_per_pallet_day", "price"),
            "opslag_btw": ("vat_rate", VAT_RATES),
            "opslag_vanaf": ("valid_from", "date"),
        },
    )
    if (
        not errors
        and db.exec(
            select(StorageRate).where(StorageRate.valid_from == values["valid_from"])
        ).first()
    ):
        errors["opslag_vanaf"] = _("Op die datum gaat al een opslagtarief in.")
    if errors:
        return _page(400, errors)
    values["vat_rate"] = Decimal(values["vat_rate"])
    db.add(StorageRate(**values))
    db.commit()
    flash(_("Opslagtarief opgeslagen."), "success")
    return redirect(url_for("money.prices"))
