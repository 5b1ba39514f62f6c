import pytest

from inventory.errors import (
    CustomerInactive,
    CustomerMismatch,
    InvalidQuantity,
    NotFound,
    PalletOverfull,
    TooManyPallets,
)
from inventory.models import Customer, MovementKind, PalletStatus, StockMovement
from inventory.receiving import MAX_PALLETS, receive_pallets, split_units, sscc


def test_sscc_has_18_digits_and_a_valid_gs1_check_digit():
    label = sscc(1)
    assert len(label) == 18 and label.isdigit()
    weighted = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(label[:17]))
    assert (weighted + int(label[-1])) % 10 == 0


@pytest.mark.parametrize(
    ("units", "pallets", "expected"),
    [(250, None, [84, 83, 83]), (100, None, [100]), (10, 3, [4, 3, 3])],
)
def test_split_units_spreads_evenly(units, pallets, expected):
    assert split_units(units, pallets, 100) == expected


@pytest.mark.parametrize(
    ("units", "pallets", "error"),
    [
        (0, None, InvalidQuantity),
        (2, 3, InvalidQuantity),
        (201, 2, PalletOverfull),
        (5, 0, InvalidQuantity),
    ],
)
def test_split_units_refuses_impossible_loads(units, pallets, error):
    with pytest.raises(error):
        split_units(units, pallets, 100)


def test_receive_creates_labelled_pallets_in_receiving_area_with_history(session):
    pallets = receive_pallets(session, 1, 1, 250, reference="ASN-7", user="piet")
    assert [p.units for p in pallets] == [84, 83, 83]
    assert all(p.status == PalletStatus.RECEIVED and p.location_id is None for p in pallets)
    assert len({p.label for p in pallets}) == 3
    movements = session.query(StockMovement).all()
    assert {(m.kind, m.reference, m.user_label) for m in movements} == {
        (MovementKind.RECEIPT, "ASN-7", "piet")
    }
    assert sum(m.units for m in movements) == 250
    assert receive_pallets(session, 1, 1, 10)[0].label not in {p.label for p in pallets}


def test_receive_refuses_article_of_other_customer_and_inactive_customer(session):
    with pytest.raises(CustomerMismatch) as mismatch:
        receive_pallets(session, 1, 2, 10)
    assert mismatch.value.code == "customer_mismatch"
    session.get(Customer, 1).active = False
    with pytest.raises(CustomerInactive):
        receive_pallets(session, 1, 1, 10)
    with pytest.raises(NotFound) as missing:
        receive_pallets(session, 1, 99, 10)
    assert missing.value.params == {"entity": "article", "key": 99}
    assert str(missing.value) == "article 99 does not exist"


@pytest.mark.parametrize(
    ("units", "pallets"),
    [
        (10**400, None),  # a float would overflow; integer arithmetic refuses it at once
        (99999999999999999999999, None),
        (1201 * 100, None),
        (1201, 1201),
        (1200, 10**30),
    ],
)
def test_split_units_refuses_more_pallets_than_the_warehouse_has_places(units, pallets):
    with pytest.raises(TooManyPallets) as refused:
        split_units(units, pallets, 100)
    assert refused.value.params["maximum"] == MAX_PALLETS == 1200


def test_split_units_takes_a_receipt_that_fills_every_place():
    assert split_units(1200 * 100, None, 100) == [100] * 1200
