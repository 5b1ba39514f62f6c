"""One clock: only app/clock.py reads the wall clock, and stored UTC is shown in Amsterdam."""

import re
from datetime import UTC, datetime

import pytest
import time_machine

from app import clock
from app.config import ROOT
from app.templating import when

WALL_CLOCK = re.compile(r"\b(datetime\.now|datetime\.utcnow|date\.today|time\.time)\(")


def test_no_module_but_the_clock_reads_the_wall_clock():
    readers = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("app", "inventory", "scheduler", "data", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != ROOT / "app" / "clock.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if WALL_CLOCK.search(line)
    ]
    assert readers == []


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (datetime(2026, 12, 2, 12, 0), "02-12-2026 13:00"),  # naive from SQLite: UTC
        (datetime(2027, 6, 14, 12, 0, tzinfo=UTC), "14-06-2027 14:00"),  # summer time
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "01-01-2027 00:30"),
    ],
)
def test_stored_utc_is_shown_in_amsterdam_time(stored, shown):
    assert when(stored) == shown


def test_the_workshops_day_is_amsterdams():
    with time_machine.travel(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), tick=False):
        assert clock.today().isoformat() == "2027-01-01"
        assert clock.this_monday().isoformat() == "2026-12-28"
