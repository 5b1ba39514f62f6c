"""The roster's soft penalties as a manager reads them: the result in words first, then
what to act on (too few people, missing cover, people far below contract), then every
point by day and by person, in week order.
"""

from collections import defaultdict
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

import scheduler
from app.labels import label
from app.roster.people import SLOTS, PersonWeek
from app.roster.texts import Names, penalty_text, shortfall_text, term_name

# Terms a manager acts on before anything else; `uncovered` is contract version 2's
# missing certificate cover (absent from an older solver's evaluation).
ACT_ON = ("understaffing", "uncovered")
NOT_LISTED = ("changes",)


@dataclass(frozen=True)
class Attention:
    summary: list[str]
    act: list[str]
    by_day: list[tuple[str, list[str]]]
    by_person: list[tuple[str, list[str]]]

    @property
    def empty(self) -> bool:
        return not (self.act or self.by_day or self.by_person)


def attention(
    problem: scheduler.Problem, assignments: list[dict], names: Names, people: list[PersonWeek]
) -> Attention:
    evaluation = scheduler.evaluate(
        problem,
        [
            scheduler.Assignment(a["participant"], a["department"], a["day"], a["daypart"])
            for a in assignments
        ],
    )
    items = sorted(
        (i for i in evaluation.details if i.term not in NOT_LISTED),
        key=lambda i: (_slot_order(i.day, i.daypart), names.place(i.department), i.term),
    )
    far_below = [p for p in people if p.far_below]
    act = [penalty_text(names, i) for i in items if i.term in ACT_ON] + [
        _(
            "%(person)s: %(planned)d van %(possible)d mogelijke dagdelen ingepland",
            person=p.name,
            planned=p.planned,
            possible=p.possible,
        )
        for p in far_below
    ]
    by_day = defaultdict(list)
    by_person = defaultdict(list)
    weeks = {p.code: p for p in people}
    for item in items:
        text = _item_text(names, item, weeks)
        if item.day:
            by_day[item.day].append(text)
        if item.participant:
            by_person[names.person(item.participant)].append(text)
    days = [day for day in dict.fromkeys(d for d, _part in SLOTS) if day in by_day]
    return Attention(
        summary=_summary(evaluation, items, people),
        act=act,
        by_day=[(label("day", day), by_day[day]) for day in days],
        by_person=sorted(by_person.items()),
    )


def _item_text(names: Names, item: scheduler.PenaltyItem, weeks: dict[str, PersonWeek]) -> str:
    week = weeks.get(item.participant or "")
    if item.term == "below_contract" and week is not None:
        return shortfall_text(names, week.code, week.planned)
    return penalty_text(names, item)


def _slot_order(day: str | None, daypart: str | None) -> int:
    days = list(dict.fromkeys(d for d, _part in SLOTS))
    if day is None:
        return len(SLOTS)
    if daypart is None:
        return 2 * days.index(day) if day in days else len(SLOTS)
    return SLOTS.index((day, daypart)) if (day, daypart) in SLOTS else len(SLOTS)


def _summary(
    evaluation: scheduler.Evaluation, items: list[scheduler.PenaltyItem], people: list[PersonWeek]
) -> list[str]:
    """The result in words, instead of the solver's score."""
    lines = []
    short = [i for i in items if i.term == "understaffing"]
    if short:
        lines.append(
            ngettext(
                "%(num)d dagdeel heeft te weinig mensen (samen %(people)d te weinig).",
                "%(num)d dagdelen hebben te weinig mensen (samen %(people)d te weinig).",
                len(short),
                people=sum(i.amount for i in short),
            )
        )
    else:
        lines.append(_("Elke afdeling heeft elk dagdeel minstens de minimale bezetting."))
    if "uncovered" in evaluation.penalties:
        uncovered = evaluation.penalties["uncovered"]
        lines.append(
            _(
                "%(num)d keer ontbreekt verplichte dekking (%(term)s).",
                num=uncovered,
                term=term_name("uncovered"),
            )
            if uncovered
            else _("De verplichte dekking (zoals BHV en heftruck) is overal rond.")
        )
    below = [p for p in people if p.planned < p.possible]
    if below:
        lines.append(
            ngettext(
                "%(num)d deelnemer krijgt minder dagdelen dan afgesproken en mogelijk "
                "(samen %(missing)d dagdelen); %(none)d staan nergens ingeroosterd.",
                "%(num)d deelnemers krijgen minder dagdelen dan afgesproken en mogelijk "
                "(samen %(missing)d dagdelen); %(none)d staan nergens ingeroosterd.",
                len(below),
                missing=sum(p.possible - p.planned for p in below),
                none=sum(1 for p in below if p.planned == 0),
            )
        )
    else:
        lines.append(_("Iedereen krijgt de afgesproken dagdelen, voor zover beschikbaar."))
    minor = sum(1 for i in items if i.term not in (*ACT_ON, "below_contract"))
    if minor:
        lines.append(
            ngettext(
                "Verder %(num)d kleiner aandachtspunt (groepsmix, voorkeur, ervaring).",
                "Verder %(num)d kleinere aandachtspunten (groepsmix, voorkeur, ervaring).",
                minor,
            )
        )
    return lines
