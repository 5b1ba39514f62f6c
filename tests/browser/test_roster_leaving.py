"""Issue 20, point 7 in the browser: a coach closes a trajectory as of Wednesday; in the
published week the participant opens gaps from Wednesday on, not before."""

from datetime import timedelta

from playwright.sync_api import expect
from sqlmodel import Session, select

from app.db import make_engine
from app.models import Participant
from app.roster import versions
from app.roster.problem import build_problem
from tests import dates
from tests.browser.conftest import login
from tests.conftest import MANAGER

WEEK = dates.WEEK
WEDNESDAY = dates.MONDAY + timedelta(days=2)
DAYS = ("mon", "tue", "wed", "thu", "fri")


def _published_week_for_one(database_url: str) -> tuple[int, str]:
    """A published version with one fully available participant in packaging every
    morning; their id and name."""
    engine = make_engine(database_url)
    with Session(engine) as session:
        person = next(p for p in build_problem(session, WEEK)["participants"]
                      if len(p["available"]) == 10)
        roster = versions.new_version(session, WEEK, [
            {"participant": person["id"], "department": "packaging", "day": day,
             "daypart": "am"} for day in DAYS], user_id=None)
        roster.status = "published"
        participant = session.exec(select(Participant).where(Participant.code == person["id"]))
        participant_id = participant.one().id
        session.commit()
    engine.dispose()
    return participant_id, person["name"]


def test_an_ended_trajectory_opens_gaps_from_its_end_date(page, live_server, database_url):
    participant_id, name = _published_week_for_one(database_url)
    page.set_viewport_size({"width": 1366, "height": 768})
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/deelnemers/{participant_id}/afsluiten")
    page.get_by_label("Einddatum traject").fill(WEDNESDAY.isoformat())
    page.get_by_label("Uitstroom naar").select_option(index=1)
    page.get_by_role("button", name="Traject afsluiten").focus()
    page.keyboard.press("Enter")
    flash = page.get_by_text(
        f"vanaf {WEDNESDAY:%d-%m-%Y} staat de deelnemer niet meer op het rooster")
    expect(flash).to_be_visible()

    page.goto(f"{live_server}/rooster/{WEEK}")
    gaps = page.locator(".gap-warning li", has_text=name)
    expect(gaps).to_have_count(3)
    chips = page.locator(".roster-grid .chip", has_text=name)
    expect(chips).to_have_count(5)
    expect(page.locator(".roster-grid .chip.chip-absent", has_text=name)).to_have_count(3)
