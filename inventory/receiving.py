"""Inbound receipt: pallets arrive for a customer and wait in the receiving area."""

from sqlmodel import Session

from inventory.errors import (
    CustomerInactive,
    CustomerMismatch,
    PalletOverfull,
    TooManyPallets,
)
from inventory.guards import fetch, next_serial, require_at_least
from inventory.layout import DEFAULT_LAYOUT
from inventory.models import Article, Customer, MovementKind, Pallet
from inventory.stock import record

# GS1 company prefix used for our own SSCC labels (extension digit 0).
COMPANY_PREFIX = "8712345"

# The most pallets one receipt (a form, or a whole import file) may bring: every place of
# the warehouse. More could never be put away, and each pallet is built in memory first:
# one import line of 10^23 units and no pallet count took the whole machine's memory.
MAX_PALLETS = sum(
    len(block.aisles) * block.racks * block.levels * block.capacity for block in DEFAULT_LAYOUT
)


def sscc(serial: int) -> str:
    """An 18-digit SSCC: extension digit, company prefix, serial, GS1 check digit."""
    body = f"0{COMPANY_PREFIX}{serial:09d}"
    weighted = sum(int(digit) * (3 if index % 2 == 0 else 1) for index, digit in enumerate(body))
    return body + str(-weighted % 10)


def split_units(units: int, pallets: int | None, units_per_pallet: int) -> list[int]:
    """Spread ``units`` over pallets as evenly as possible.

    Without a pallet count the article's ``units_per_pallet`` decides how many
    pallets are needed. Even spreading (rather than full pallets plus a rest)
    matches how the workshop builds mixed-height loads. Integer arithmetic only:
    any number of units is refused or split without a float overflowing.
    """
    require_at_least("units", units)
    count = -(-units // units_per_pallet) if pallets is None else pallets
    require_at_least("pallets", count)
    check_receipt_size(count)
    require_at_least("units", units, minimum=count)
    if -(-units // count) > units_per_pallet:
        raise PalletOverfull(units=units, pallets=count, units_per_pallet=units_per_pallet)
    base, rest = divmod(units, count)
    return [base + 1 if index < rest else base for index in range(count)]


def check_receipt_size(pallets: int) -> None:
    """Refuse a receipt of more pallets than the warehouse has places."""
    if pallets > MAX_PALLETS:
        raise TooManyPallets(pallets=pallets, maximum=MAX_PALLETS)


def check_article_of(customer: Customer, article: Article) -> None:
    if not customer.active:
        raise CustomerInactive(customer=customer.name)
    if article.customer_id != customer.id:
        raise CustomerMismatch(
            what=f"article {article.code}", actual=article.customer_id, expected=customer.id
        )


def receive_pallets(
    session: Session,
    customer_id: int,
    article_id: int,
    units: int,
    pallets: int | None = None,
    *,
    reference: str | None = None,
    user: str | None = None,
) -> list[Pallet]:
    """Book an inbound receipt; the pallets get labels but no place yet.

    Labels come from ``next_serial``, which holds the numbering until the caller commits.
    """
    customer = fetch(session, Customer, customer_id)
    article = fetch(session, Article, article_id)
    check_article_of(customer, article)
    loads = split_units(units, pallets, article.units_per_pallet)
    first_serial = next_serial(session, Pallet)
    received = [
        Pallet(
            label=sscc(first_serial + offset),
            customer_id=customer_id,
            article_id=article_id,
            units=load,
        )
        for offset, load in enumerate(loads)
    ]
    session.add_all(received)
    session.flush()
    for pallet in received:
        record(session, MovementKind.RECEIPT, pallet, pallet.units, reference=reference, user=user)
    session.flush()
    return received
