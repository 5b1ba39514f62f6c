"""Values from URLs, query strings and forms, checked at the edge: one converter per kind.

Every id, whole number, date, ISO week and decimal a request carries goes through one of
these before a view uses it, so a value the database or `datetime` cannot hold (an id past
2^63, the year 9999 plus a week, `sNaN`) is refused as bad input instead of failing deep in
a query or a date sum. Routes use `IdConverter` (registered as `int`), query strings pass
these functions as `request.args.get(..., type=...)`, and forms use `app.fields`.
"""

from datetime import date
from decimal import Decimal

from werkzeug.routing import IntegerConverter

from inventory.bounds import FIRST_DAY, INT_MAX, LAST_DAY

ID_MAX = INT_MAX
DECIMAL_MAX = Decimal(1_000_000)
PAGE_MAX = 100_000


class IdConverter(IntegerConverter):
    """`<int:...>` in every route: an id the database cannot hold is a 404, not a 500."""

    def __init__(self, url_map, fixed_digits: int = 0, min: int | None = None, max=ID_MAX):
        super().__init__(url_map, fixed_digits=fixed_digits, min=min, max=max)


def storable(number: int) -> bool:
    """Whether the database's integer columns hold `number` (either sign)."""
    return abs(number) <= INT_MAX


def plausible_day(found: date) -> bool:
    return FIRST_DAY <= found <= LAST_DAY


def plain_decimal(number: Decimal) -> bool:
    """Finite and at most DECIMAL_MAX either way: never NaN, sNaN or Infinity."""
    return number.is_finite() and abs(number) <= DECIMAL_MAX


def whole(value: str, low: int, high: int) -> int:
    """A whole number within [low, high]; raises ValueError otherwise (Flask's `type=`)."""
    number = int(value.strip())
    if not low <= number <= high:
        raise ValueError(value)
    return number


def record_id(value: str) -> int:
    """An id in a query string (`?klant=`, `?versie=`): a positive database integer."""
    return whole(value, 1, ID_MAX)


def page_number(value: str) -> int:
    """`?pagina=`: a page past the last simply shows no rows, a silly one is page 1."""
    return whole(value, 1, PAGE_MAX)


def day(value: str) -> date:
    """An ISO date (2026-12-02) within FIRST_DAY..LAST_DAY; raises ValueError otherwise."""
    found = date.fromisoformat(value.strip())
    if not plausible_day(found):
        raise ValueError(value)
    return found


def optional_day(value: str | None) -> date | None:
    """A query-string date filter: blank or invalid means no filter."""
    try:
        return day(value or "")
    except ValueError:
        return None


def iso_week(value: str) -> date:
    """The Monday of an ISO week name ("2026-W49") within the day range, canonical only."""
    year, number = value.split("-W")
    monday = date.fromisocalendar(whole(year, 1, 9999), whole(number, 1, 53), 1)
    year_found, week_found, _ = monday.isocalendar()
    if f"{year_found}-W{week_found:02d}" != value or not plausible_day(monday):
        raise ValueError(value)
    return monday
