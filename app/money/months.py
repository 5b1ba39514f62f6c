"""Reading a month from a URL or form: "2026-11"; anything else is refused, never a 500."""

from datetime import date, timedelta

from app import clock
from app.money.approval import month_start


def parse_month(text: str | None) -> date | None:
    if not text or len(text) != 7 or text[4] != "-":
        return None
    year, month = text[:4], text[5:]
    if not (year.isdigit() and month.isdigit()):
        return None
    if not (2000 <= int(year) <= 2100 and 1 <= int(month) <= 12):
        return None
    return date(int(year), int(month), 1)


def last_month() -> date:
    first = month_start(clock.today())
    return month_start(first - timedelta(days=1))
