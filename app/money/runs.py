"""A month's invoice run: every referrer and every customer with something to bill."""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from app.money.approval import is_approved, next_month
from app.money.customer_billing import customer_drafts
from app.money.invoices import AlreadyBilled, store
from app.money.models import Invoice
from app.money.referrer_billing import referrer_drafts


class RunRefused(Exception):
    pass


@dataclass
class RunResult:
    invoices: list[Invoice] = field(default_factory=list)
    skipped: int = 0
    missing_prices: list[tuple[str, str]] = field(default_factory=list)


def run_month(db: Session, month: date, kind: str, user_id: int | None, today: date) -> RunResult:
    """Invoice a month that has ended; referrers only once its hours are approved."""
    if next_month(month) > today:
        raise RunRefused("not_ended")
    result = RunResult()
    if kind == "referrer":
        if not is_approved(db, month):
            raise RunRefused("not_approved")
        drafts = referrer_drafts(db, month)
    else:
        run = customer_drafts(db, month)
        drafts, result.missing_prices = run.drafts, run.missing_prices
    for draft in drafts:
        try:
            result.invoices.append(store(db, draft, today, user_id))
        except AlreadyBilled:
            result.skipped += 1
    return result
