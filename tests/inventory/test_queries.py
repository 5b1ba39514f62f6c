from inventory.layout import DEFAULT_LAYOUT, generate_layout
from inventory.queries import movement_history, occupancy_by_aisle, stock
from inventory.receiving import receive_pallets
from tests.inventory.inventory_helpers import stored_pallet


def test_default_layout_has_1200_unique_places_with_a_cold_aisle():
    places = list(generate_layout(DEFAULT_LAYOUT))
    assert len(places) == len({place["code"] for place in places}) == 1200
    assert "A-03-12-2" in {place["code"] for place in places}
    assert sum(place["kind"] == "cold" for place in places) == 60


def test_stock_groups_pallets_in_the_building_per_customer_and_article(session):
    stored_pallet(session, units=80)
    receive_pallets(session, 1, 1, 150)
    receive_pallets(session, 2, 2, 50)
    lines = [
        (line.customer_name, line.article_code, line.units, line.pallets) for line in stock(session)
    ]
    assert lines == [
        ("Bakkerij Jansen", "KOEK", 230, 3),
        ("Drukkerij Pers", "FLYER", 50, 1),
    ]
    assert [line.units for line in stock(session, customer_id=2)] == [50]
    assert stock(session, article_id=3) == []


def test_occupancy_per_aisle_counts_capacity_and_filled_places(session):
    stored_pallet(session, "A-01-01-1")
    stored_pallet(session, "C-01-01-1")
    aisles = {(a.hall, a.aisle): a for a in occupancy_by_aisle(session)}
    assert (aisles["A", 1].places, aisles["A", 1].occupied, aisles["A", 1].ratio) == (4, 1, 0.25)
    assert (aisles["C", 1].capacity, aisles["C", 1].occupied) == (2, 1)
    assert [a.aisle for a in occupancy_by_aisle(session, hall="A")] == [1, 2]


def test_movement_history_filters_and_pages_newest_first(session):
    pallet_id = stored_pallet(session, "A-01-01-1")
    receive_pallets(session, 2, 2, 200)
    session.commit()
    everything = movement_history(session, per_page=3)
    assert (everything.total, everything.pages, len(everything.items)) == (6, 2, 3)
    assert len(movement_history(session, page=2, per_page=3).items) == 3
    mine = movement_history(session, pallet_id=pallet_id)
    assert [row.kind for row in mine.items] == ["put_away", "receipt"]
    assert mine.items[0].to_location == "A-01-01-1" and mine.items[0].from_location is None
    assert movement_history(session, customer_id=2, article_id=2).total == 4
