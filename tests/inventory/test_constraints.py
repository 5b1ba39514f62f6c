"""The database itself refuses impossible numbers, whatever code writes them."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from inventory.models import Article, Location
from tests.inventory.inventory_helpers import location_id, stored_pallet


def refused(session, sql: str, **params) -> None:
    with pytest.raises(IntegrityError):
        session.execute(text(sql), params)
        session.flush()
    session.rollback()


def test_location_cannot_be_overfilled_or_go_negative(session):
    place = location_id(session, "A-01-01-1")
    refused(session, "UPDATE location SET occupied = capacity + 1 WHERE id = :id", id=place)
    refused(session, "UPDATE location SET occupied = -1 WHERE id = :id", id=place)
    refused(session, "UPDATE location SET capacity = 0 WHERE id = :id", id=place)
    refused(session, "UPDATE location SET kind = 'attic' WHERE id = :id", id=place)


def test_pallet_units_cannot_go_negative_and_only_stored_pallets_have_a_place(session):
    pallet = stored_pallet(session)
    refused(session, "UPDATE pallet SET units = -1 WHERE id = :id", id=pallet)
    refused(session, "UPDATE pallet SET location_id = NULL WHERE id = :id", id=pallet)
    refused(session, "UPDATE pallet SET status = 'lost' WHERE id = :id", id=pallet)


def test_article_codes_are_unique_per_customer_and_numbers_positive(session):
    session.add(
        Article(
            customer_id=1, code="KOEK", name="dubbel", units_per_pallet=1, norm_units_per_hour=1
        )
    )
    with pytest.raises(IntegrityError):
        session.flush()
    session.rollback()
    session.add(
        Article(customer_id=2, code="KOEK", name="ok", units_per_pallet=1, norm_units_per_hour=1)
    )
    session.flush()
    refused(session, "UPDATE article SET units_per_pallet = 0 WHERE id = 1")
    refused(session, "UPDATE article SET norm_units_per_hour = 0 WHERE id = 1")
    assert session.get(Location, 1).capacity == 1
