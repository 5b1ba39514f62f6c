"""Warehouse domain: pallets, places, stock and their history.

Independent of the web layer: ``app`` imports this package, never the other
way round. Every operation takes a ``sqlmodel.Session`` and leaves committing
(or rolling back after an ``InventoryError``) to the caller.
"""

from inventory.correcting import correct_units
from inventory.errors import InventoryError
from inventory.layout import DEFAULT_LAYOUT, AisleBlock, create_locations, generate_layout
from inventory.picking import pick_pallet, pick_units
from inventory.putaway import Suggestion, move_pallet, put_away, suggest_put_away
from inventory.queries import movement_history, occupancy_by_aisle, stock
from inventory.receiving import receive_pallets
from inventory.shipping import PackingList, create_shipment, packing_list, ship

__all__ = [
    "DEFAULT_LAYOUT",
    "AisleBlock",
    "InventoryError",
    "PackingList",
    "Suggestion",
    "correct_units",
    "create_locations",
    "create_shipment",
    "generate_layout",
    "move_pallet",
    "movement_history",
    "occupancy_by_aisle",
    "packing_list",
    "pick_pallet",
    "pick_units",
    "put_away",
    "receive_pallets",
    "ship",
    "stock",
    "suggest_put_away",
]
