"""The week per person: where each participant works, and their dayparts against contract.

It answers "where does Kees work this week?" and "who gets too few dayparts?", worst first.
"""

from dataclasses import dataclass

import scheduler
from app.roster.texts import Names
from app.vocab import DAYPARTS, DAYS

SLOTS = tuple((day, part) for day in DAYS for part in DAYPARTS)


@dataclass(frozen=True)
class PersonWeek:
    code: str
    name: str
    group: str
    places: tuple[str, ...]  # department name per slot of SLOTS, "" where not planned
    unavailable: frozenset[tuple[str, str]]
    planned: int
    contract: int
    available: int

    @property
    def possible(self) -> int:
        """What could be planned at most: the contract, unless fewer dayparts are free."""
        return min(self.contract, self.available)

    @property
    def share(self) -> float:
        return self.planned / self.possible if self.possible else 1.0

    @property
    def far_below(self) -> bool:
        """Less than half of what could be planned: a manager should look at it."""
        return self.possible > 0 and 2 * self.planned < self.possible

    @property
    def cells(self) -> list[tuple[str, bool]]:
        """(department name, unavailable) per slot of SLOTS."""
        return [
            (place, slot in self.unavailable)
            for slot, place in zip(SLOTS, self.places, strict=True)
        ]

    @property
    def search_text(self) -> str:
        return f"{self.name} {self.code}".lower()


def person_weeks(
    problem: scheduler.Problem, assignments: list[dict], names: Names
) -> list[PersonWeek]:
    """Everyone in the week's problem or on its roster, worst off against contract first."""
    place = {(a["participant"], a["day"], a["daypart"]): a["department"] for a in assignments}
    codes = {p.id for p in problem.participants} | {a["participant"] for a in assignments}
    weeks = []
    for code in codes:
        person = problem.participant(code)
        free = person.available if person else frozenset()
        departments = [place.get((code, day, part), "") for day, part in SLOTS]
        weeks.append(
            PersonWeek(
                code=code,
                name=names.person(code),
                group=person.group if person else "other",
                places=tuple(names.place(d) for d in departments),
                unavailable=frozenset(s for s in SLOTS if s not in free),
                planned=sum(1 for d in departments if d),
                contract=person.dayparts_per_week if person else 0,
                available=len(free),
            )
        )
    return sorted(weeks, key=lambda w: (w.share, w.planned - w.possible, w.name))
