"""The one place that reads the wall clock.

Everything else asks here, so tests can freeze time and every date means the same thing:
the workshop's day and hour are Europe/Amsterdam's; timestamps are stored as aware UTC and
shown local (`local`, and the `when` template filter).
"""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import inventory.models

LOCAL = ZoneInfo("Europe/Amsterdam")


def now() -> datetime:
    """This moment, aware, in UTC: what timestamps are stored as."""
    return datetime.now(UTC)


def local_now() -> datetime:
    return now().astimezone(LOCAL)


def today() -> date:
    """The workshop's date (Amsterdam), which differs from UTC's around midnight."""
    return local_now().date()


def this_monday() -> date:
    day = today()
    return day - timedelta(days=day.weekday())


def local(moment: datetime) -> datetime:
    """A stored timestamp in Amsterdam time; SQLite hands back naive values, which are UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(LOCAL)


# The warehouse package is pure like the solver: it stamps its rows with the app's clock.
inventory.models.use_clock(now)
