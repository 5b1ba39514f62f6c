"""The solver's findings in plain Dutch, written from its structured fields.

The solver's own texts are English and meant for logs; a planner reads these, built from
the term, rule and ids of each item, with names of people and departments filled in.
"""

from collections import Counter

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.labels import label
from scheduler import Clash, PenaltyItem, Problem, Violation

TERM_NAMES = {
    "understaffing": _l("Onderbezetting"),
    "uncovered": _l("Verplichte dekking ontbreekt"),
    "below_contract": _l("Minder dagdelen dan afgesproken"),
    "mix": _l("Afwijking van de groepsmix"),
    "unskilled": _l("Ingezet zonder ervaring"),
    "unmet_preference": _l("Voorkeur niet gehonoreerd"),
    "unmet_learning": _l("Leerdoel niet ingepland"),
    "unsupported_learner": _l("Lerende zonder ervaren collega"),
    "changes": _l("Wijzigingen ten opzichte van vorige versie"),
    "department_switch": _l("Wisseling van afdeling binnen een dag"),
}


def term_name(term: str) -> str:
    return str(TERM_NAMES.get(term, term))


def when(day: str | None, daypart: str | None) -> str:
    """'di-ochtend': how the workshop writes a daypart on the whiteboard."""
    if day and daypart:
        return f"{label('day_short', day)}-{label('daypart', daypart)}"
    return label("day", day) if day else ""


def with_codes(people: dict[str, str]) -> dict[str, str]:
    """Code -> name, with the code added where a name is shared ('Kees de Vries (P007)'):
    a manager must be able to tell two people apart on the page, on paper and in Excel."""
    counts = Counter(people.values())
    return {code: f"{name} ({code})" if counts[name] > 1 else name for code, name in people.items()}


class Names:
    """People and departments of a problem by name, with the id as fallback."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.people = with_codes({p.id: p.name for p in problem.participants})

    def person(self, pid: str | None) -> str:
        if not pid:
            return ""
        return self.people.get(pid) or self.problem.person(pid)

    def place(self, did: str | None) -> str:
        return self.problem.place(did) if did else ""

    def certificates(self, kinds) -> str:
        return ", ".join(label("certificate", kind) for kind in sorted(kinds))

    def missing(self, pid: str, did: str) -> str:
        participant, department = self.problem.participant(pid), self.problem.department(did)
        if participant is None or department is None:
            return ""
        return self.certificates(department.requires - participant.certificates)


def penalty_text(names: Names, item: PenaltyItem) -> str:
    """One soft penalty as a sentence, e.g. 'Verpakking di-ochtend: 1 persoon onder minimum'."""
    place, moment = names.place(item.department), when(item.day, item.daypart)
    person = names.person(item.participant)
    n = item.amount
    texts = {
        "understaffing": lambda: ngettext(
            "%(place)s %(when)s: %(num)d persoon onder minimum",
            "%(place)s %(when)s: %(num)d personen onder minimum",
            n,
            place=place,
            when=moment,
        ),
        "uncovered": lambda: ngettext(
            "%(place)s %(when)s: %(num)d houder van een verplicht certificaat te weinig",
            "%(place)s %(when)s: %(num)d houders van een verplicht certificaat te weinig",
            n,
            place=place or _("Hele terrein"),
            when=moment,
        ),
        "below_contract": lambda: ngettext(
            "%(person)s: %(num)d dagdeel minder dan afgesproken",
            "%(person)s: %(num)d dagdelen minder dan afgesproken",
            n,
            person=person,
        ),
        "mix": lambda: ngettext(
            "%(place)s %(when)s: %(num)d persoon buiten de groepsmix",
            "%(place)s %(when)s: %(num)d personen buiten de groepsmix",
            n,
            place=place,
            when=moment,
        ),
        "unskilled": lambda: _(
            "%(person)s werkt %(when)s bij %(place)s zonder ervaring daar",
            person=person,
            when=moment,
            place=place,
        ),
        "unmet_preference": lambda: _(
            "%(person)s werkt %(when)s bij %(place)s, niet bij een voorkeursafdeling",
            person=person,
            when=moment,
            place=place,
        ),
        "unmet_learning": lambda: _(
            "%(person)s komt deze week niet bij %(place)s om te leren",
            person=person,
            place=place,
        ),
        "unsupported_learner": lambda: ngettext(
            "%(place)s %(when)s: %(num)d lerende zonder ervaren collega",
            "%(place)s %(when)s: %(num)d lerenden zonder ervaren collega",
            n,
            place=place,
            when=moment,
        ),
        "changes": lambda: _(
            "%(person)s %(when)s: anders ingedeeld dan in de vorige versie",
            person=person,
            when=moment,
        ),
        "department_switch": lambda: _(
            "%(person)s wisselt op %(day)s van afdeling (%(when)s naar %(place)s)",
            person=person,
            day=label("day", item.day),
            when=label("daypart", item.daypart),
            place=place,
        ),
    }
    text = texts.get(item.term)
    return text() if text else f"{term_name(item.term)}: {n}"


def shortfall_text(names: Names, pid: str, planned: int) -> str:
    """A shortfall in dayparts planned against agreed: under contract version 2's fair
    shortfall a `below_contract` amount is no longer a number of dayparts."""
    participant = names.problem.participant(pid)
    return _(
        "%(person)s: %(planned)d van %(contract)d afgesproken dagdelen ingepland",
        person=names.person(pid),
        planned=planned,
        contract=participant.dayparts_per_week if participant else 0,
    )


def violation_text(names: Names, v: Violation) -> str:
    """Why a manual change is refused, e.g. 'Jan de Vries heeft geen VCA, nodig voor Magazijn'."""
    person, place = names.person(v.participant), names.place(v.department)
    moment = when(v.day, v.daypart)
    problem = names.problem
    department = problem.department(v.department) if v.department else None
    participant = problem.participant(v.participant) if v.participant else None
    texts = {
        "unknown": lambda: _("Deze deelnemer of afdeling hoort niet bij het rooster van deze week"),
        "double_booking": lambda: _(
            "%(person)s staat %(when)s al ingedeeld", person=person, when=moment
        ),
        "availability": lambda: _(
            "%(person)s is %(when)s niet beschikbaar of afwezig", person=person, when=moment
        ),
        "contract": lambda: _(
            "%(person)s zou meer dan %(num)d dagdelen werken",
            person=person,
            num=participant.dayparts_per_week if participant else 0,
        ),
        "certificate": lambda: _(
            "%(person)s heeft geen %(certificates)s, nodig voor %(place)s",
            person=person,
            certificates=names.missing(v.participant, v.department),
            place=place,
        ),
        "clearance": lambda: _(
            "%(person)s mag alleen binnen werken en %(place)s is buiten",
            person=person,
            place=place,
        ),
        "capacity": lambda: _(
            "%(place)s %(when)s zit vol (maximaal %(num)d personen)",
            place=place,
            when=moment,
            num=department.staffing((v.day, v.daypart))[1] if department else 0,
        ),
        "max_detainees": lambda: _(
            "%(place)s %(when)s heeft al het maximum van %(num)d gedetineerden",
            place=place,
            when=moment,
            num=department.max_detainees or 0 if department else 0,
        ),
        "avoid": lambda: _(
            "%(person)s mag %(when)s niet samenwerken met iemand die al bij %(place)s staat",
            person=person,
            when=moment,
            place=place,
        ),
        "pinned": lambda: _(
            "de vastgezette indeling van %(person)s %(when)s ontbreekt", person=person, when=moment
        ),
    }
    text = texts.get(v.rule)
    return text() if text else v.message


def clash_text(names: Names, clash: Clash) -> str:
    """Why a week cannot be planned: which pins break which rule, in plain Dutch."""
    people = ", ".join(names.person(pid) for pid in clash.participants)
    place, moment = names.place(clash.department), when(clash.day, clash.daypart)
    first = clash.participants[0] if clash.participants else None
    department = names.problem.department(clash.department) if clash.department else None
    participant = names.problem.participant(first) if first else None
    texts = {
        "availability": lambda: _(
            "%(person)s is vastgezet bij %(place)s op %(when)s, maar is dan niet beschikbaar",
            person=people,
            place=place,
            when=moment,
        ),
        "certificate": lambda: _(
            "%(person)s is vastgezet bij %(place)s, maar heeft geen %(certificates)s",
            person=people,
            place=place,
            certificates=names.missing(first, clash.department) if first else "",
        ),
        "clearance": lambda: _(
            "%(person)s is vastgezet bij %(place)s (buiten), maar mag alleen binnen werken",
            person=people,
            place=place,
        ),
        "double_booking": lambda: _(
            "%(person)s is op %(when)s bij twee afdelingen tegelijk vastgezet",
            person=people,
            when=moment,
        ),
        "contract": lambda: _(
            "%(person)s is op meer dagdelen vastgezet dan de %(num)d per week van de afspraak",
            person=people,
            num=participant.dayparts_per_week if participant else 0,
        ),
        "capacity": lambda: _(
            "Bij %(place)s op %(when)s zijn meer mensen vastgezet (%(people)s) dan het "
            "maximum van %(num)d",
            place=place,
            when=moment,
            people=people,
            num=department.staffing((clash.day, clash.daypart))[1] if department else 0,
        ),
        "max_detainees": lambda: _(
            "Bij %(place)s op %(when)s zijn meer gedetineerden vastgezet (%(people)s) dan het "
            "maximum van %(num)d",
            place=place,
            when=moment,
            people=people,
            num=department.max_detainees or 0 if department else 0,
        ),
        "avoid": lambda: _(
            "%(people)s zijn samen vastgezet bij %(place)s op %(when)s, maar mogen niet "
            "samenwerken",
            people=people,
            place=place,
            when=moment,
        ),
        "invalid": lambda: _("Het rooster kon niet worden opgebouwd: %(error)s", error=clash.text),
    }
    text = texts.get(clash.rule)
    return text() if text else clash.text
