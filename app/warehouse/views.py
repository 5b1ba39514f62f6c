"""Read models of the warehouse screens that `inventory.queries` does not cover."""

from dataclasses import dataclass
from itertools import groupby

from sqlalchemy import or_
from sqlmodel import Session, select

from inventory.errors import NoFreeLocation
from inventory.models import Article, Customer, Location, Pallet, PalletStatus
from inventory.putaway import Suggestion, suggest_put_away
from inventory.queries import AisleOccupancy, occupancy_by_aisle
from inventory.stock import IN_STOCK

NEARLY_FULL = 0.85
PALLET_LIST_LIMIT = 200


@dataclass(frozen=True)
class Waiting:
    pallet: Pallet
    article: Article
    customer: Customer
    suggestion: Suggestion | None


@dataclass(frozen=True)
class PalletView:
    pallet: Pallet
    article: Article
    customer: Customer
    location: Location | None

    @property
    def in_stock(self) -> bool:
        return self.pallet.status in IN_STOCK


def _pallet_rows():
    return (
        select(Pallet, Article, Customer, Location)
        .join(Article, Article.id == Pallet.article_id)
        .join(Customer, Customer.id == Pallet.customer_id)
        .join(Location, Location.id == Pallet.location_id, isouter=True)
    )


def pallet_view(db: Session, pallet_id: int) -> PalletView | None:
    row = db.exec(_pallet_rows().where(Pallet.id == pallet_id)).first()
    return PalletView(*row) if row else None


def pallets_in_stock(
    db: Session,
    *,
    customer_id: int | None = None,
    article_id: int | None = None,
    search: str = "",
) -> list[PalletView]:
    """Pallets to count, in walking order; `search` is part of a label or a place code."""
    query = _pallet_rows().where(Pallet.status.in_(IN_STOCK))
    if customer_id is not None:
        query = query.where(Pallet.customer_id == customer_id)
    if article_id is not None:
        query = query.where(Pallet.article_id == article_id)
    if search:
        query = query.where(
            or_(
                Pallet.label.contains(search, autoescape=True),
                Location.code.contains(search.upper(), autoescape=True),
            )
        )
    rows = db.exec(
        query.order_by(Location.code.is_(None), Location.code, Pallet.id).limit(PALLET_LIST_LIMIT)
    ).all()
    return [PalletView(*row) for row in rows]


def halls(db: Session) -> list[tuple[str, list[AisleOccupancy]]]:
    """The occupancy map, one list of aisles per hall."""
    return [
        (hall, list(aisles)) for hall, aisles in groupby(occupancy_by_aisle(db), lambda a: a.hall)
    ]


def fill_level(aisle: AisleOccupancy) -> str:
    """`full`, `nearly_full`, `busy` or `free`: a word next to the colour on the map."""
    if aisle.occupied >= aisle.capacity:
        return "full"
    if aisle.ratio >= NEARLY_FULL:
        return "nearly_full"
    return "busy" if aisle.occupied else "free"


def has_layout(db: Session) -> bool:
    return db.exec(select(Location.id).limit(1)).first() is not None


def waiting_pallets(db: Session) -> list[Waiting]:
    """Received pallets with the place the put-away rules suggest for each."""
    rows = db.exec(
        select(Pallet, Article, Customer)
        .join(Article, Article.id == Pallet.article_id)
        .join(Customer, Customer.id == Pallet.customer_id)
        .where(Pallet.status == PalletStatus.RECEIVED)
        .order_by(Pallet.received_at, Pallet.id)
    ).all()
    waiting = []
    for pallet, article, customer in rows:
        try:
            suggestion = suggest_put_away(db, article.id)
        except NoFreeLocation:
            suggestion = None
        waiting.append(Waiting(pallet, article, customer, suggestion))
    return waiting


def article_choices(db: Session) -> list[tuple[int, str]]:
    rows = db.exec(
        select(Article, Customer)
        .join(Customer, Customer.id == Article.customer_id)
        .where(Customer.active)
        .order_by(Customer.name, Article.code)
    ).all()
    return [
        (article.id, f"{customer.name} — {article.code} {article.name}")
        for article, customer in rows
    ]


def customers(db: Session) -> list[Customer]:
    return list(db.exec(select(Customer).order_by(Customer.name)).all())
