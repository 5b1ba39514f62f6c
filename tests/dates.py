"""The test run's calendar: the dates the demo lives on, worked out from the run's frozen
date (tests/conftest.py) without reading the wall clock, so tests that name demo dates
hold on whatever date the run is moved to."""

import os
from datetime import date, datetime, timedelta

from app.clock import LOCAL
from app.roster.weeks import week_of

NOW = datetime.fromisoformat(os.environ.get("FABRIEK_TEST_NOW", "2026-12-02T09:30+01:00"))
TODAY = NOW.astimezone(LOCAL).date()
MONDAY = TODAY - timedelta(days=TODAY.weekday())  # the demo's reference Monday moves here
WEEK = week_of(MONDAY)
YEAR = MONDAY.year
DEMO_REFERENCE = date(2026, 11, 30)


def demo_day(written: date) -> date:
    """A date as written in data/demo.json (around 2026-11-30), moved into the run's week."""
    return written + (MONDAY - DEMO_REFERENCE)


def order(serial: int) -> str:
    """A demo order's number: numbers run per year."""
    return f"ORD-{YEAR}-{serial:04d}"
