"""ISO weeks as the roster names them ("2026-W49") and the dates they hold."""

from datetime import date, timedelta

from app.convert import iso_week
from app.vocab import DAYS


class BadWeek(ValueError):
    """A week name that is not an ISO week such as 2026-W49."""


def parse_week(week: str) -> date:
    """The Monday of an ISO week name; refuses anything else, so URLs stay canonical."""
    try:
        return iso_week(week)
    except ValueError as error:
        raise BadWeek(week) from error


def week_of(day: date) -> str:
    year, number, _ = day.isocalendar()
    return f"{year}-W{number:02d}"


def shift(week: str, weeks: int) -> str:
    return week_of(parse_week(week) + timedelta(weeks=weeks))


def day_dates(monday: date) -> dict[str, date]:
    """Each roster day code with its date in the week of `monday`."""
    return {code: monday + timedelta(days=offset) for offset, code in enumerate(DAYS)}
