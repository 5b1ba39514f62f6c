"""Correcting a pallet after a count: check the difference, confirm, see it everywhere."""

import pytest
from sqlmodel import select

from app.models import User
from inventory.models import Location, Pallet, StockCorrection, StockMovement
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER, REFERRER

HTMX = {"HX-Request": "true"}


@pytest.fixture
def pallet(db) -> Pallet:
    """A full demo pallet on a place, of the customer behind CUSTOMER's login."""
    customer_id = db.exec(select(User.customer_id).where(User.email == CUSTOMER)).one()
    return db.exec(
        select(Pallet)
        .where(Pallet.customer_id == customer_id, Pallet.status == "stored")
        .order_by(Pallet.id)
    ).first()


def correction(pallet: Pallet, counted, reason="count_difference", note="", **extra) -> dict:
    return {"counted": str(counted), "reason": reason, "note": note, "seen": pallet.units, **extra}


def post(client, pallet: Pallet, data: dict, headers=None):
    return client.post(f"/magazijn/pallets/{pallet.id}/corrigeren", data=data, headers=headers)


def corrections(db) -> list[StockCorrection]:
    db.expire_all()
    return list(db.exec(select(StockCorrection)).all())


def portal_units(client, auth) -> str:
    auth.logout()
    auth.login(CUSTOMER)
    return client.get("/portaal/voorraad").get_data(as_text=True)


def test_the_pallet_list_leads_to_the_pallet_page_with_its_correction_form(client, auth, pallet):
    auth.login(MANAGER)
    place = client.get(f"/magazijn/pallets?zoek={pallet.label[-6:]}").get_data(as_text=True)
    assert f"/magazijn/pallets/{pallet.id}" in place
    page = client.get(f"/magazijn/pallets/{pallet.id}").get_data(as_text=True)
    assert "Voorraad corrigeren na een telling" in page
    assert f"In het systeem: {pallet.units} stuks." in page
    assert client.get("/magazijn/pallets/999999").status_code == 404


def test_checking_shows_the_difference_and_writes_nothing(client, auth, db, pallet):
    auth.login(MANAGER)
    response = post(client, pallet, correction(pallet, pallet.units - 3), HTMX)
    fragment = response.get_data(as_text=True)
    assert response.status_code == 200 and "<html" not in fragment
    assert "-3 stuks" in fragment and "Klopt deze correctie?" in fragment
    assert "Correctie van -3 stuks boeken" in fragment
    assert corrections(db) == []


def test_a_confirmed_correction_lowers_stock_in_the_history_and_the_customer_portal(
    client, auth, db, pallet
):
    auth.login(MANAGER)
    before = client.get("/magazijn/voorraad").get_data(as_text=True)
    counted = pallet.units - 3
    response = post(
        client,
        pallet,
        correction(pallet, counted, "other", "Doos nat geworden", confirmed="1"),
        HTMX,
    )
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == f"/magazijn/pallets/{pallet.id}"
    [booked] = corrections(db)
    assert (booked.reason, booked.note, booked.counted_units) == (
        "other",
        "Doos nat geworden",
        counted,
    )
    assert db.get(StockMovement, booked.movement_id).units == -3
    db.expire_all()
    assert db.get(Pallet, pallet.id).units == counted
    page = client.get(f"/magazijn/pallets/{pallet.id}").get_data(as_text=True)
    assert f"Pallet {pallet.label} gecorrigeerd naar {counted} stuks." in page
    assert "correctie" in page and "anders: " in page and "Doos nat geworden" in page
    history = client.get(f"/magazijn/historie?artikel={pallet.article_id}").get_data(as_text=True)
    assert '<td class="num">-3</td>' in history and "Doos nat geworden" in history
    assert before != client.get("/magazijn/voorraad").get_data(as_text=True)
    portal = portal_units(client, auth)
    total = sum(
        p.units
        for p in db.exec(
            select(Pallet).where(Pallet.article_id == pallet.article_id, Pallet.status == "stored")
        )
    )
    assert f'<td class="num">{total}</td>' in portal


def test_a_correction_to_zero_empties_the_pallet_and_frees_its_place(client, auth, db, pallet):
    auth.login(ADMIN)
    place_id = pallet.location_id
    occupied = db.get(Location, place_id).occupied
    checked = post(client, pallet, correction(pallet, 0, "damage", "Gevallen"))
    assert "De pallet is daarna leeg" in checked.get_data(as_text=True)
    response = post(client, pallet, correction(pallet, 0, "damage", "Gevallen", confirmed="1"))
    assert response.status_code == 303
    db.expire_all()
    emptied = db.get(Pallet, pallet.id)
    assert (emptied.units, emptied.status, emptied.location_id) == (0, "picked", None)
    assert db.get(Location, place_id).occupied == occupied - 1
    page = client.get(f"/magazijn/pallets/{pallet.id}").get_data(as_text=True)
    assert "Deze pallet is niet meer in voorraad" in page and "schade" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"counted": ""}, "Vul het getelde aantal stuks in."),
        ({"counted": "-1"}, "Het aantal kan niet negatief zijn."),
        ({"reason": ""}, "Kies een reden."),
        ({"reason": "kwijt"}, "Kies een reden uit de lijst."),
        ({"reason": "other", "note": "  "}, "Geef een toelichting bij de reden ‘anders’."),
        ({"note": "x" * 501}, "De toelichting mag hoogstens 500 tekens hebben."),
        ({"reason": "found"}, "Deze reden kan de voorraad alleen verhogen."),
        ({"counted": "SEEN"}, "er is niets te corrigeren."),
        ({"counted": "99999", "reason": "found"}, "99999 stuks passen niet op 1 pallet(s)"),
    ],
    ids=[
        "empty",
        "negative",
        "no-reason",
        "unknown-reason",
        "other-no-note",
        "long-note",
        "found-down",
        "no-difference",
        "overfull",
    ],
)
@pytest.mark.parametrize("confirmed", ["", "1"], ids=["check", "confirm"])
def test_bad_corrections_are_refused_in_dutch_and_change_nothing(
    client, auth, db, pallet, changes, message, confirmed
):
    auth.login(MANAGER)
    data = correction(pallet, pallet.units - 1, confirmed=confirmed)
    data.update(
        {key: str(pallet.units) if value == "SEEN" else value for key, value in changes.items()}
    )
    response = post(client, pallet, data, HTMX)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert corrections(db) == []
    db.expire_all()
    assert db.get(Pallet, pallet.id).units == pallet.units


def test_a_pick_between_looking_and_confirming_refuses_the_stale_count(client, auth, db, pallet):
    auth.login(MANAGER)
    stale = correction(pallet, pallet.units - 3, confirmed="1", seen=pallet.units + 5)
    response = post(client, pallet, stale)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert f"Pallet {pallet.label} is intussen door iemand anders gewijzigd." in page
    assert f"In het systeem: {pallet.units} stuks." in page  # the form now shows today's units
    assert corrections(db) == []


@pytest.mark.parametrize("email", [COACH, CUSTOMER, REFERRER])
def test_only_managers_may_see_or_correct_pallets(client, auth, db, pallet, email):
    auth.login(email)
    assert client.get("/magazijn/pallets").status_code == 403
    assert client.get(f"/magazijn/pallets/{pallet.id}").status_code == 403
    response = post(client, pallet, correction(pallet, 1, "damage", confirmed="1"))
    assert response.status_code == 403
    assert corrections(db) == []
