"""The monthly invoice per customer: shipped production and storage in pallet-days.

Production is invoiced when it ships: the units of each shipment sent this month, at the
article's price in force on the day it shipped. Storage counts a pallet-day for each day a
pallet is in the warehouse at the day's end (received that day or before, not yet shipped),
at the storage rate of that day. A customer with an article that has no price is not
invoiced until the price is set, so nothing goes out at a wrong amount.
"""

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session, select

from app.clock import LOCAL, local
from app.money.hours import month_end
from app.money.invoices import Draft, DraftLine
from app.money.models import ArticlePrice, CustomerBilled, StorageRate
from inventory.models import Article, Customer, Pallet, Shipment, ShipmentLine


@dataclass
class CustomerRun:
    drafts: list[Draft] = field(default_factory=list)
    # (customer name, article code) of articles shipped without a price.
    missing_prices: list[tuple[str, str]] = field(default_factory=list)


def _utc_bounds(month: date) -> tuple[datetime, datetime]:
    start = datetime.combine(month, time(), LOCAL).astimezone(UTC)
    end = datetime.combine(month_end(month) + timedelta(days=1), time(), LOCAL).astimezone(UTC)
    return start, end


class _Dated:
    """Rows with a valid_from, looked up by day."""

    def __init__(self, rows):
        self.rows = sorted(rows, key=lambda r: r.valid_from)
        self.starts = [r.valid_from for r in self.rows]

    def on(self, day: date):
        index = bisect_right(self.starts, day)
        return self.rows[index - 1] if index else None


def customer_drafts(db: Session, month: date) -> CustomerRun:
    start, end = _utc_bounds(month)
    billed = set(db.exec(select(CustomerBilled.customer_id).where(CustomerBilled.month == month)))
    customers = {c.id: c for c in db.exec(select(Customer)) if c.id not in billed}
    prices: dict[int, _Dated] = defaultdict(lambda: _Dated([]))
    for article_id, rows in _group(db.exec(select(ArticlePrice)), "article_id").items():
        prices[article_id] = _Dated(rows)
    storage = _Dated(db.exec(select(StorageRate)).all())
    articles = {a.id: a for a in db.exec(select(Article))}
    lines: dict[int, dict[tuple, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    run = CustomerRun()
    blocked: set[int] = set()
    shipped = db.exec(
        select(ShipmentLine, Shipment.shipped_at)
        .join(Shipment, Shipment.id == ShipmentLine.shipment_id)
        .where(Shipment.shipped_at >= start, Shipment.shipped_at < end)
    )
    for line, shipped_at in shipped:
        article = articles[line.article_id]
        if article.customer_id not in customers:
            continue
        price = prices[article.id].on(local(shipped_at).date())
        if price is None:
            blocked.add(article.customer_id)
            run.missing_prices.append((customers[article.customer_id].name, article.code))
            continue
        key = ("ship", article.id, Decimal(price.unit_price), Decimal(price.vat_rate))
        lines[article.customer_id][key] += line.units
    _storage(db, month, start, end, customers, storage, lines)
    for customer_id, grouped in sorted(lines.items()):
        if customer_id in blocked:
            continue
        draft = Draft("customer", month, month_end(month), customer_id=customer_id)
        for (kind, article_id, price, vat), quantity in sorted(grouped.items(), key=str):
            if kind == "ship":
                article = articles[article_id]
                what = f"{article.code} {article.name}, geleverd"
            else:
                what = "Opslag, palletdagen"
            draft.lines.append(DraftLine(what, Decimal(quantity), price, vat))
        run.drafts.append(draft)
    return run


def _group(rows, attribute: str) -> dict:
    grouped = defaultdict(list)
    for row in rows:
        grouped[getattr(row, attribute)].append(row)
    return grouped


def _storage(db, month, start, end, customers, storage: _Dated, lines) -> None:
    pallets = db.exec(
        select(Pallet.customer_id, Pallet.received_at, Pallet.shipped_at).where(
            Pallet.received_at < end,
            (Pallet.shipped_at.is_(None)) | (Pallet.shipped_at >= start),
        )
    )
    last = month_end(month)
    for customer_id, received_at, shipped_at in pallets:
        if customer_id not in customers:
            continue
        first = max(local(received_at).date(), month)
        # The day it ships it is not in the warehouse at the day's end.
        stop = min(local(shipped_at).date() - timedelta(days=1), last) if shipped_at else last
        day = first
        while day <= stop:
            rate = storage.on(day)
            if rate is not None:
                key = ("store", 0, Decimal(rate.price_per_pallet_day), Decimal(rate.vat_rate))
                lines[customer_id][key] += 1
            day += timedelta(days=1)
