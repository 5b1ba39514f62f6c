"""Inbound notices (announced pallets) from a customer's CSV or Excel file.

Columns (header names are case-insensitive; Dutch aliases in brackets):

* ``customer`` (klant): the customer's name exactly as registered;
* ``article`` (artikel, article code): the customer's article code;
* ``units`` (aantal): total units on this line;
* ``pallets`` (optional): how many pallets carry them, else as many as the
  article's ``units_per_pallet`` requires;
* ``reference`` (optional, referentie): the customer's delivery number.

``parse_inbound_notice`` previews; ``apply_inbound_notice`` writes all lines
or, when any line is wrong, nothing at all.
"""

from dataclasses import dataclass

import pandas as pd
from sqlmodel import Session, select

from inventory.errors import ImportInvalid, InventoryError
from inventory.models import Article, Customer, Pallet
from inventory.receiving import MAX_PALLETS, receive_pallets, split_units
from inventory.tabular import Column, Lookups, Row, RowError, positive_int, text, validate_rows

INBOUND_COLUMNS = (
    Column("customer", text, aliases=("klant",)),
    Column("article", text, aliases=("article code", "artikel", "artikelcode")),
    Column("units", positive_int, aliases=("aantal", "stuks")),
    Column("pallets", positive_int, required=False),
    Column("reference", text, required=False, aliases=("referentie",)),
)


@dataclass(frozen=True)
class InboundLine:
    line: int
    customer_id: int
    article_id: int
    units: int
    pallets: int
    reference: str | None


class _CellRefused(Exception):
    def __init__(self, column: str, code: str, value: str) -> None:
        self.column, self.code, self.value = column, code, value


def _resolve(found: Lookups, row: Row) -> InboundLine:
    """Turn a parsed row into database ids, or raise an error naming its column."""
    values = row.values
    name, code = values["customer"], values["article"]
    customer = found.first(
        ("customer", name), lambda: select(Customer).where(Customer.name == name)
    )
    if customer is None:
        raise _CellRefused("customer", "unknown_customer", values["customer"])
    article = found.first(
        ("article", customer.id, code),
        lambda: select(Article).where(Article.customer_id == customer.id, Article.code == code),
    )
    if article is None:
        raise _CellRefused("article", "unknown_article", values["article"])
    if not customer.active:
        raise _CellRefused("customer", "customer_inactive", customer.name)
    try:
        loads = split_units(values["units"], values["pallets"], article.units_per_pallet)
    except InventoryError as error:
        raise _CellRefused("units", error.code, str(values["units"])) from error
    return InboundLine(
        row.line, customer.id, article.id, values["units"], len(loads), values["reference"]
    )


def parse_inbound_notice(
    session: Session, frame: pd.DataFrame
) -> tuple[list[InboundLine], list[RowError]]:
    """Check every line of a notice against the file rules and the database.

    The whole notice is one receipt: its pallets together must fit the warehouse, and
    the line that goes past its places says so.
    """
    rows, errors = validate_rows(frame, INBOUND_COLUMNS)
    lines: list[InboundLine] = []
    pallets = 0
    found = Lookups(session)
    for row in rows:
        try:
            lines.append(_resolve(found, row))
        except _CellRefused as refused:
            errors.append(RowError(row.line, refused.column, refused.code, refused.value))
            continue
        if pallets <= MAX_PALLETS < pallets + lines[-1].pallets:
            errors.append(
                RowError(row.line, "pallets", "too_many_pallets_in_file", str(MAX_PALLETS))
            )
        pallets += lines[-1].pallets
    return lines, sorted(errors, key=lambda error: error.line)


def apply_inbound_notice(
    session: Session, frame: pd.DataFrame, *, user: str | None = None
) -> list[Pallet]:
    """Receive every line of a notice, or raise ``import_invalid`` having written nothing."""
    lines, errors = parse_inbound_notice(session, frame)
    if errors:
        raise ImportInvalid(count=len(errors), errors=errors)
    received = []
    for line in lines:
        received.extend(
            receive_pallets(
                session,
                line.customer_id,
                line.article_id,
                line.units,
                line.pallets,
                reference=line.reference,
                user=user,
            )
        )
    return received
