"""The solver's penalty items as the planner reads them, in Dutch and in English."""

import pytest
from flask_babel import force_locale

from app.roster.texts import Names, penalty_text
from scheduler import TERMS, PenaltyItem, parse_problem
from tests.scheduler.roster_factory import department, person, week


@pytest.fixture
def names():
    return Names(parse_problem(week([department("pack")], [person("p1")])))


@pytest.mark.parametrize("locale", ["nl", "en"])
def test_every_penalty_reads_as_a_sentence(app, names, locale):
    with app.app_context(), force_locale(locale):
        for term in TERMS:
            text = penalty_text(names, PenaltyItem(term, "pack", "mon", "am", "p1", 2))
            assert "%(" not in text, (term, text)
            assert "Pack" in text or "p1" in text, (term, text)


def test_the_mix_counts_people_outside_it(app, names):
    def mix(amount: int) -> str:
        return penalty_text(names, PenaltyItem("mix", "pack", "mon", "am", None, amount))

    with app.app_context():
        assert mix(1).endswith("1 persoon buiten de groepsmix")
        assert mix(2).endswith("2 personen buiten de groepsmix")
        with force_locale("en"):
            assert mix(2).endswith("2 people outside the group mix")


def test_missing_cover_names_the_department_or_the_whole_site(app, names):
    with app.app_context():
        department = penalty_text(names, PenaltyItem("uncovered", "pack", "mon", "am", None, 1))
        site = penalty_text(names, PenaltyItem("uncovered", None, "mon", "am", None, 2))
    assert department == "Pack ma-ochtend: 1 houder van een verplicht certificaat te weinig"
    assert site == "Hele terrein ma-ochtend: 2 houders van een verplicht certificaat te weinig"
