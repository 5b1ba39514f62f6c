"""A coach shares a report in the browser; the referrer reads it as it was shared, and a
copy of the referrer's cookie stops working once they log out."""

from sqlmodel import Session

from app.db import make_engine
from app.models import Participant
from tests.browser.conftest import login
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, REFERRER

PERIOD = "start=2026-09-01&end=2026-11-30"


def _rotterdam_participant(database_url: str) -> Participant:
    engine = make_engine(database_url)
    with Session(engine) as db:
        for pid in caseload_of(db, COACH):
            participant = db.get(Participant, pid)
            if participant.referrer_organisation == "Gemeente Rotterdam":
                engine.dispose()
                return participant
    raise AssertionError("no participant of the coach is referred by Gemeente Rotterdam")


def _add_portfolio_step(page, base: str, pid: int, description: str) -> None:
    page.goto(f"{base}/deelnemers/{pid}#portfolio")
    page.get_by_label("Onderdeel praktijkverklaring").fill(description)
    page.locator("#portfolio").get_by_label("Datum").fill("2026-10-02")
    page.get_by_label("Bevestigd door (naam werkmeester)").fill("Henk")
    page.get_by_role("button", name="Onderdeel vastleggen").click()


def test_referrer_reads_the_report_as_shared_and_logout_ends_the_session(
    browser, live_server, database_url
):
    person = _rotterdam_participant(database_url)
    coach = browser.new_page(viewport={"width": 1366, "height": 768})
    login(coach, live_server, COACH)
    _add_portfolio_step(coach, live_server, person.id, "Heftruck rijden onder toezicht")
    coach.goto(f"{live_server}/deelnemers/{person.id}/rapport?{PERIOD}")
    coach.get_by_label("Samenvatting van de trajectbegeleider").fill("Werkt zelfstandig.")
    coach.get_by_role("button", name="Samenvatting opslaan").click()
    coach.get_by_label("Verwijzer", exact=True).select_option(index=0)
    coach.get_by_role("button", name="Delen met verwijzer").click()
    assert coach.get_by_text("Het rapport is gedeeld met de verwijzer.").is_visible()
    _add_portfolio_step(coach, live_server, person.id, "Na het delen vastgelegd")

    context = browser.new_context(viewport={"width": 390, "height": 844})
    referrer = context.new_page()
    login(referrer, live_server, REFERRER)
    referrer.get_by_role("link", name=person.full_name, exact=True).click()
    report = referrer.locator("article.report")
    assert report.get_by_text("Heftruck rijden onder toezicht").is_visible()
    assert report.get_by_text("Werkt zelfstandig.").is_visible()
    assert referrer.get_by_text("Na het delen vastgelegd").count() == 0
    with referrer.expect_download() as download:
        referrer.get_by_role("link", name="Download als PDF").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")

    report_url = referrer.url
    copied = context.cookies()
    referrer.get_by_role("button", name="Uitloggen").click()
    thief = browser.new_context()
    thief.add_cookies(copied)
    stolen = thief.new_page()
    stolen.goto(report_url)
    assert "/inloggen" in stolen.url
    assert stolen.get_by_text("Heftruck rijden onder toezicht").count() == 0
    for each in (thief, context):
        each.close()
