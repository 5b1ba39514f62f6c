"""Hours from attendance, the approved month that cannot change, and the payroll export."""

import csv
import io
from datetime import date, time
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from app.coaching.attendance import AttendanceRefused, Entry, register
from app.coaching.models import Attendance
from app.money.amounts import cents
from app.money.approval import ApprovalRefused, approve
from app.money.hours import month_hours
from app.money.models import HoursApproval, HoursCorrection
from app.money.payroll import payroll
from tests.conftest import COACH, MANAGER
from tests.money.helpers import NOVEMBER, attend, department, of_group, rate

TODAY = date(2026, 12, 2)


def _approve(db) -> None:
    db.add(HoursApproval(month=NOVEMBER))
    db.commit()


def test_cent_rounding_is_half_up_not_bankers_or_float():
    assert cents(Decimal("2.675")) == Decimal("2.68")  # float 2.675 rounds to 2.67
    assert cents(Decimal("0.005")) == Decimal("0.01")  # half-even would give 0.00
    assert cents(Decimal("-0.005")) == Decimal("-0.01")


def test_hours_per_participant_department_and_group(db):
    (detainee,) = of_group(db, "detainee")
    attend(db, detainee, date(2026, 11, 23), time(8, 30), time(12, 0))
    attend(db, detainee, date(2026, 11, 24), time(9, 0), time(11, 40), status="late")
    attend(db, detainee, date(2026, 11, 25), status="absent")
    attend(db, detainee, date(2026, 10, 30))
    lines = month_hours(db, NOVEMBER)
    assert [(line.participant.id, line.minutes, line.dayparts) for line in lines] == [
        (detainee.id, 210 + 160, 2)
    ]


def test_an_approved_month_cannot_change(client, auth, db):
    (detainee,) = of_group(db, "detainee")
    attend(db, detainee, date(2026, 11, 27))
    auth.login(MANAGER)
    response = client.post("/geld/uren/2026-11/goedkeuren")
    assert response.status_code == 302
    assert db.exec(select(HoursApproval)).one().month == NOVEMBER

    with pytest.raises(AttendanceRefused):
        register(
            db,
            department(db),
            date(2026, 11, 27),
            "am",
            {detainee.id: Entry("absent", "toch ziek")},
            1,
            TODAY,
        )
    db.rollback()
    response = client.post(
        "/deelnemers/aanwezigheid?afdeling=packaging&datum=2026-11-27&dagdeel=am",
        data={f"status-{detainee.id}": "absent", f"reason-{detainee.id}": "toch ziek"},
    )
    assert response.status_code == 400
    assert "Deze maand is goedgekeurd en ligt vast" in response.get_data(as_text=True)
    db.expire_all()
    assert [a.status for a in db.exec(select(Attendance))] == ["present"]
    # approving again is refused, not doubled
    client.post("/geld/uren/2026-11/goedkeuren")
    assert len(db.exec(select(HoursApproval)).all()) == 1


def test_a_month_in_progress_cannot_be_approved(db):
    with pytest.raises(ApprovalRefused):
        approve(db, date(2026, 12, 1), 1, TODAY)


def test_corrections_are_new_lines_in_the_open_month(client, auth, db):
    (detainee,) = of_group(db, "detainee")
    attend(db, detainee, date(2026, 11, 27))
    auth.login(MANAGER)
    form = {
        "deelnemer": str(detainee.id),
        "afdeling": str(department(db).id),
        "dag": "2026-11-27",
        "uren": "-1,5",
        "reden": "Eerder naar huis",
    }
    refused = client.post("/geld/uren/2026-11/correctie", data=form)
    assert refused.status_code == 400  # November is still open: change the attendance itself
    _approve(db)
    assert client.post("/geld/uren/2026-11/correctie", data=form).status_code == 302
    db.expire_all()
    correction = db.exec(select(HoursCorrection)).one()
    assert (correction.minutes, correction.booked_month) == (-90, date(2026, 12, 1))
    assert month_hours(db, NOVEMBER)[0].minutes == 210  # the approved month is untouched
    december = month_hours(db, date(2026, 12, 1))
    assert [(line.minutes, line.correction is not None) for line in december] == [(-90, True)]


def test_payroll_pays_each_day_at_its_rate_rounded_once_per_person(db):
    (detainee,) = of_group(db, "detainee")
    rate(db, "labour_pay", "3.25", date(2026, 1, 1))
    rate(db, "labour_pay", "3.40", date(2026, 11, 16))
    attend(db, detainee, date(2026, 11, 13), time(8, 30), time(12, 0))  # 3.5 h at 3.25
    attend(db, detainee, date(2026, 11, 20), time(8, 30), time(11, 50))  # 3 h 20 at 3.40
    (line,) = payroll(db, NOVEMBER)
    exact = Decimal("3.5") * Decimal("3.25") + Decimal(200) / 60 * Decimal("3.40")
    assert line.amount == cents(exact) == Decimal("22.71")
    assert line.kind == "labour_pay" and len(line.days) == 2


def test_sw_hours_without_a_rate_carry_hours_and_no_amount(db):
    (sw,) = of_group(db, "sw")
    attend(db, sw, date(2026, 11, 13))
    (line,) = payroll(db, NOVEMBER)
    assert (line.kind, line.hours, line.amount) == ("sw_hours", Decimal("3.50"), None)


def test_payroll_export_needs_approval_and_shows_no_target_group(client, auth, db):
    (detainee,) = of_group(db, "detainee")
    (client_of_municipality,) = of_group(db, "participatiewet")
    rate(db, "labour_pay", "3.25", date(2026, 1, 1))
    rate(db, "participation_allowance", "2.50", date(2026, 1, 1), unit="day")
    for person in (detainee, client_of_municipality):
        attend(db, person, date(2026, 11, 13))
        attend(db, person, date(2026, 11, 13), time(12, 30), time(16, 0), daypart="pm")
    auth.login(MANAGER)
    assert client.get("/geld/loonlijst/2026-11.csv").status_code == 302
    _approve(db)
    response = client.get("/geld/loonlijst/2026-11.csv")
    text = response.get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["Code", "Naam", "Soort vergoeding", "Uren", "Dagen", "Bedrag"]
    by_code = {row[0]: row for row in rows[1:]}
    assert by_code[detainee.code][3:] == ["7,00", "1", "22,75"]
    assert by_code[client_of_municipality.code][3:] == ["7,00", "1", "2,50"]
    assert "gedetineerde" not in text.lower() and "doelgroep" not in text.lower()
    book = load_workbook(io.BytesIO(client.get("/geld/loonlijst/2026-11.xlsx").data))
    sheet = book.active
    assert sheet.max_row == 3 and sheet.cell(1, 6).value == "Bedrag"


def test_money_pages_are_for_managers_only(client, auth):
    auth.login(COACH)
    assert client.get("/geld/uren").status_code == 403
    assert client.get("/geld/tarieven").status_code == 403


def test_rates_never_reach_into_an_approved_month(client, auth, db):
    _approve(db)
    auth.login(MANAGER)
    form = {"soort": "labour_pay", "eenheid": "hour", "bedrag": "3,50", "vanaf": "2026-11-20"}
    response = client.post("/geld/tarieven", data=form)
    assert response.status_code == 400
    assert "Tot en met 30-11-2026 zijn de uren goedgekeurd" in response.get_data(as_text=True)
    form["vanaf"] = "2026-12-01"
    assert client.post("/geld/tarieven", data=form).status_code == 302
    for bad in ("sNaN", "Infinity", "-3", "1e20", "3,505"):
        form["bedrag"] = bad
        assert client.post("/geld/tarieven", data=form).status_code == 400


def test_a_pay_profile_makes_a_volunteer_or_takes_pay_away(client, auth, db):
    (volunteer,) = of_group(db, "uwv_other")
    (detainee,) = of_group(db, "detainee")
    rate(db, "volunteer_allowance", "5.00", date(2026, 1, 1), unit="day")
    rate(db, "labour_pay", "3.25", date(2026, 1, 1))
    for person in (volunteer, detainee):
        attend(db, person, date(2026, 11, 13))
    assert [line.participant.id for line in payroll(db, NOVEMBER)] == [detainee.id]
    auth.login(MANAGER)
    for person, kind in ((volunteer, "volunteer_allowance"), (detainee, "none")):
        response = client.post(
            "/geld/tarieven/deelnemer", data={"deelnemer": str(person.id), "vergoeding": kind}
        )
        assert response.status_code == 302
    db.expire_all()
    (line,) = payroll(db, NOVEMBER)
    assert (line.participant.id, line.kind, line.amount) == (
        volunteer.id,
        "volunteer_allowance",
        Decimal("5.00"),
    )
    client.post("/geld/tarieven/deelnemer", data={"deelnemer": str(detainee.id), "vergoeding": ""})
    db.expire_all()
    assert {line.participant.id for line in payroll(db, NOVEMBER)} == {volunteer.id, detainee.id}
