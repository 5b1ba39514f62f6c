"""A manager plans a VCA session, enrols three people from the 'needs VCA' list, and
the planned week leaves them off the roster on the session's day."""

import re
from datetime import date

from playwright.sync_api import expect

from tests import dates
from tests.browser.conftest import login
from tests.conftest import MANAGER

THURSDAY = dates.demo_day(date(2026, 12, 3))


def test_enrol_three_from_the_needs_list_and_they_are_off_the_roster(page, live_server):
    login(page, live_server, MANAGER)
    page.get_by_role("link", name="Trainingen").click()
    page.get_by_role("link", name="Nieuwe training plannen").click()
    page.get_by_label("Naam van de training").fill("VCA Basis")
    page.get_by_label("Leidt tot certificaat").select_option(label="VCA")
    page.get_by_label("Certificaat geldig (maanden)").fill("120")
    page.get_by_label("Eerste dag").fill(THURSDAY.isoformat())
    page.get_by_label("Laatste dag").fill(THURSDAY.isoformat())
    page.get_by_role("button", name="Training plannen").click()
    expect(page.get_by_text("Training VCA Basis is gepland.")).to_be_visible()

    needs = page.locator("#nodig")
    expect(needs.get_by_role("heading", name="Wie heeft VCA nodig?")).to_be_visible()
    boxes = needs.get_by_role("checkbox")
    assert boxes.count() >= 3
    people = []
    for i in range(3):
        text = needs.locator(f"label[for='{boxes.nth(i).get_attribute('id')}']").inner_text()
        people.append(re.match(r"(.+) \((p\d+)\)", text).groups())
        boxes.nth(i).check()
    names = [name for name, _code in people]
    needs.get_by_role("button", name="Inschrijven").click()
    expect(page.get_by_text(f"Ingeschreven voor VCA Basis: {', '.join(names)}.")).to_be_visible()
    enrolled = page.locator("#ingeschreven")
    for name in names:
        expect(enrolled.get_by_role("rowheader", name=re.compile(re.escape(name)))).to_be_visible()
        expect(needs.get_by_text(name)).to_have_count(0)

    page.get_by_role("link", name="Rooster").click()
    page.get_by_role("button", name="Plan de week").click()
    expect(page.get_by_text("Versie 1 — concept")).to_be_visible(timeout=60_000)
    thursday = THURSDAY.strftime("%d-%m")
    for _name, code in people:
        page.goto(f"{live_server}/rooster/{dates.WEEK}/deelnemer/{code}")
        row = page.get_by_role("row", name=re.compile(f"donderdag {thursday}"))
        expect(row.get_by_text("niet beschikbaar")).to_have_count(2)
        for place in ("Verpakking", "Magazijn", "Groenvoorziening", "Schoonmaak", "Receptie"):
            expect(row.get_by_text(place)).to_have_count(0)
        planned = page.get_by_role(
            "cell",
            name=re.compile(
                "Verpakking|Magazijn|Groenvoorziening|Schoonmaak|Receptie|Gedetineerdenwinkel"
            ),
        )
        assert planned.count() > 0, "they still work on the other days"
