"""The benchmark's families of weeks (bench/families.py): each week is valid, feasible, and
has the character its family is named for; `today` is the generator's week unchanged."""

import statistics

import pytest

from bench.families import (
    AVOID_SHARE,
    FAMILIES,
    FIRST_AID,
    PART_TIME_CONTRACTS,
    generate,
    week,
)
from scheduler import explain, parse_problem

SIZE = 100


@pytest.fixture(scope="module")
def weeks():
    return {family: parse_problem(week(family, SIZE, seed=SIZE)) for family in FAMILIES}


@pytest.mark.parametrize("family", FAMILIES)
def test_every_family_parses_and_is_feasible(weeks, family):
    problem = weeks[family]
    assert len(problem.participants) == SIZE
    assert explain(problem) == []


def test_today_is_the_generators_week():
    assert week("today", SIZE, seed=7) == generate(SIZE, seed=7)
    assert week("avoid", SIZE, seed=7) == week("avoid", SIZE, seed=7)


def test_scarce_has_few_certificate_holders_and_few_skilled(weeks):
    problem, base = weeks["scarce"], weeks["today"]
    required = {c for d in problem.departments for c in d.requires}
    for certificate in required:
        holders = sum(certificate in p.certificates for p in problem.participants)
        usual = sum(certificate in p.certificates for p in base.participants)
        assert holders <= 0.1 * SIZE < usual
    skilled = _skilled(problem)
    assert skilled <= 0.1 * SIZE * len(problem.departments)
    assert skilled <= _skilled(base) / 4
    assert [c.certificate for c in problem.site_cover] == [FIRST_AID]


def test_avoid_has_many_pairs(weeks):
    naming = sum(bool(p.avoid) for p in weeks["avoid"].participants)
    assert naming >= 0.8 * AVOID_SHARE * SIZE
    assert len(weeks["avoid"].avoid_pairs()) >= naming > 3 * len(weeks["today"].avoid_pairs())


def test_part_time_has_mostly_small_contracts(weeks):
    contracts = [p.dayparts_per_week for p in weeks["part-time"].participants]
    assert statistics.median(contracts) <= 4
    assert set(contracts) == set(PART_TIME_CONTRACTS)
    today = weeks["today"].departments[0]
    assert weeks["part-time"].departments[0].min < today.min


def test_closures_close_move_and_pin(weeks):
    problem = weeks["closures"]
    closed = [(d.id, slot) for d in problem.departments for slot, (_, high) in d.overrides.items()
              if high == 0]
    moved = [(d.id, slot) for d in problem.departments for slot, (_, high) in d.overrides.items()
             if 0 < high != d.max]
    # today closes two departments on Friday afternoon only
    assert len(closed) > 2 and moved
    assert problem.pinned


def test_short_asks_more_than_the_people_available_in_every_daypart(weeks):
    problem = weeks["short"]
    for slot in problem.slots:
        minimums = sum(d.staffing(slot)[0] for d in problem.departments)
        assert minimums > sum(slot in p.available for p in problem.participants)


def _skilled(problem) -> int:
    """Person-department pairs at skill 2 or more: those who can support a learner."""
    return sum(level >= 2 for p in problem.participants for level in p.skills.values())
