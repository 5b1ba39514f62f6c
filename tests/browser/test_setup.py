"""A workshop set up from nothing, by clicking: departments, accounts, participants, a
published week, and a customer who sees nothing of theirs yet."""

from playwright.sync_api import expect

from data.generator import DEMO_PASSWORD
from tests.browser.conftest import login
from tests.conftest import EMPTY_ADMIN

PASSWORD = DEMO_PASSWORD  # what each new user chooses through their link


def _logout(page) -> None:
    page.get_by_role("button", name="Uitloggen").click()


def _login(page, base: str, email: str, password: str = PASSWORD) -> None:
    page.goto(f"{base}/inloggen")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord", exact=True).fill(password)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()


def _department(
    page, name: str, code: str, *, outside: bool = False, certificate: str = ""
) -> None:
    page.get_by_role("link", name="Afdelingen", exact=True).first.click()
    page.get_by_role("link", name="Nieuwe afdeling").click()
    page.get_by_label("Naam").fill(name)
    page.get_by_label("Code (kort, vast)").fill(code)
    page.get_by_label("Bezetting minimaal per dagdeel").fill("0")
    page.get_by_label("Bezetting maximaal per dagdeel").fill("6")
    page.get_by_label("Hoogstens zoveel gedetineerden per dagdeel").fill("2")
    if outside:
        page.get_by_label("Werkt buiten").check()
    if certificate:
        page.get_by_label(certificate, exact=True).check()
    page.get_by_role("button", name="Afdeling opslaan").click()
    expect(page.get_by_role("status")).to_contain_text(f"Afdeling {name} is opgeslagen.")


def _account(page, name: str, email: str, role: str, customer: str = "") -> str:
    """Create the account and return the one-time link the admin passes on."""
    page.get_by_role("link", name="Gebruikers").click()
    page.get_by_label("Naam").fill(name)
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Rol").select_option(label=role)
    if customer:
        page.get_by_label("Klant (alleen voor een klantaccount)").select_option(label=customer)
    page.get_by_role("button", name="Gebruiker aanmaken").click()
    link = page.locator("a.password-link")
    expect(link).to_be_visible()
    return link.get_attribute("href")


def _choose_password(page, link: str) -> None:
    page.goto(link)
    page.get_by_label("Nieuw wachtwoord", exact=True).fill(PASSWORD)
    page.get_by_label("Nieuw wachtwoord herhalen").fill(PASSWORD)
    page.get_by_role("button", name="Wachtwoord instellen").click()
    expect(page.get_by_role("status")).to_contain_text("Uw wachtwoord is ingesteld.")


def _register(page, first: str, last: str, group: str) -> str:
    page.get_by_role("link", name="Deelnemers").first.click()
    page.get_by_role("link", name="Deelnemer aanmelden").click()
    page.get_by_label("Voornaam").fill(first)
    page.get_by_label("Achternaam").fill(last)
    page.get_by_label("Doelgroep").select_option(label=group)
    page.get_by_label("Contract: dagdelen per week").fill("2")
    page.get_by_label("Verwijzende organisatie").fill("Gemeente Rotterdam")
    page.get_by_label("Nummer beschikking").fill("B-2026-118")
    page.get_by_label("Verwachte startdatum").fill("2026-11-30")
    # A double click must not register the participant twice.
    page.get_by_role("button", name="Aanmelden").dblclick()
    expect(page.get_by_role("status")).to_contain_text("staat op de wachtlijst")
    heading = page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("button", name="Intake starten").click()
    page.get_by_role("button", name="Actief maken").click()
    expect(page.locator("#traject")).to_contain_text("actief")
    for slot in ("maandag ochtend", "dinsdag ochtend", "woensdag ochtend"):
        page.get_by_label(slot, exact=True).check()
    page.get_by_role("button", name="Beschikbaarheid opslaan").click()
    page.locator("#vaardigheden").get_by_label("Inpak").select_option("2")
    page.get_by_role("button", name="Vaardigheden opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Opgeslagen.")
    return heading


def test_a_workshop_is_set_up_from_an_empty_install(page, empty_live_server):
    base = empty_live_server
    console_errors = []
    page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
    login(page, base, EMPTY_ADMIN)
    checklist = page.locator(".checklist")
    expect(checklist).to_contain_text("De werkplaats inrichten")

    _department(page, "Inpak", "inpak")
    _department(page, "Groen", "groen", outside=True, certificate="VCA")
    page.get_by_role("link", name="Orders").first.click()
    page.get_by_role("link", name="Klanten en artikelen").click()
    page.get_by_role("link", name="Nieuwe klant").click()
    page.get_by_label("Naam").first.fill("Bakkerij Jansen")
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_role("status")).to_contain_text("Bakkerij Jansen")

    manager = _account(page, "Mira Manager", "mira@werkplaats.test", "Operationeel manager")
    coach = _account(page, "Cas Coach", "cas@werkplaats.test", "Trajectbegeleider")
    customer = _account(
        page, "Jan Jansen", "jan@bakkerij.test", "Klant", customer="Bakkerij Jansen"
    )
    _logout(page)
    for link in (manager, coach, customer):
        _choose_password(page, link)

    _login(page, base, "cas@werkplaats.test")
    names = [
        _register(page, "Ali", "Bakker", "Gedetineerde"),
        _register(page, "Bo", "de Vries", "Participatiewet"),
        _register(page, "Cem", "Yilmaz", "Statushouder"),
    ]
    page.get_by_role("link", name="Deelnemers").first.click()
    rows = page.locator("#caseload-rows tbody tr")
    expect(rows).to_have_count(3)
    _logout(page)

    _login(page, base, "mira@werkplaats.test")
    page.get_by_role("link", name="Deelnemers").first.click()
    page.get_by_role("link", name="Ali Bakker").click()
    clearance = page.locator("#vrijgave")
    clearance.get_by_label("Vrijgave", exact=True).select_option(label="Alleen binnen")
    clearance.get_by_label("Besloten door (wie bij de PI)").fill("PI Rotterdam, mw. de Groot")
    clearance.get_by_label("Datum besluit").fill("2026-11-25")
    clearance.get_by_role("button", name="Vrijgave vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("Vrijgave vastgelegd.")
    expect(page.locator("#vrijgave")).to_contain_text("PI Rotterdam, mw. de Groot")

    page.get_by_role("link", name="Rooster").click()
    page.get_by_role("button", name="Plan de week").click()
    expect(page.get_by_text("Versie 1 — concept")).to_be_visible(timeout=60_000)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("Versie 1 is gepubliceerd.")).to_be_visible()
    grid = page.locator(".roster-grid")
    for heading in names:
        expect(grid).to_contain_text(heading.split(" (")[0].split(" ")[0])
    _logout(page)

    _login(page, base, "jan@bakkerij.test")
    expect(page.get_by_text("Er staan geen orders op uw naam.")).to_be_visible()
    page.get_by_role("link", name="Mijn voorraad").click()
    expect(page.get_by_text("Wij hebben op dit moment geen voorraad van u")).to_be_visible()
    # Nothing about participants reaches a customer.
    for heading in names:
        expect(page.locator("main")).not_to_contain_text(heading.split(" (")[0])
    # Only the browser's own favicon request may miss; a CSP violation would show here.
    assert [e for e in console_errors if "404" not in e] == []
