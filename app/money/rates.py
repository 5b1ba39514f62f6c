"""Pay rates with their valid-from dates: which rate applies on a day."""

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlmodel import Session, select

from app.money.models import PayRate


@dataclass(frozen=True)
class Rate:
    unit: str
    amount: Decimal
    valid_from: date


class RateBook:
    """All rates of every kind, read once; `on(kind, day)` is the rate in force that day."""

    def __init__(self, rates: list[PayRate]):
        self._by_kind: dict[str, list[Rate]] = {}
        for rate in sorted(rates, key=lambda r: r.valid_from):
            self._by_kind.setdefault(rate.kind, []).append(
                Rate(rate.unit, Decimal(rate.amount), rate.valid_from)
            )

    def on(self, kind: str, day: date) -> Rate | None:
        rates = self._by_kind.get(kind, [])
        index = bisect_right([r.valid_from for r in rates], day)
        return rates[index - 1] if index else None


def rate_book(db: Session) -> RateBook:
    return RateBook(list(db.exec(select(PayRate))))
