"""The physical warehouse as data, so demo data and tests build the same halls."""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import insert
from sqlmodel import Session

from inventory.models import Location, LocationKind


@dataclass(frozen=True)
class AisleBlock:
    """Aisles of one hall that share rack count, height, kind and capacity."""

    hall: str
    aisles: range
    racks: int
    levels: int
    kind: LocationKind = LocationKind.RACK
    capacity: int = 1


# 2 halls x 10 aisles x 12 racks x 5 levels = 1,200 places; the last aisle of
# hall B is the cold store.
DEFAULT_LAYOUT: tuple[AisleBlock, ...] = (
    AisleBlock("A", range(1, 11), racks=12, levels=5),
    AisleBlock("B", range(1, 10), racks=12, levels=5),
    AisleBlock("B", range(10, 11), racks=12, levels=5, kind=LocationKind.COLD),
)


def location_code(hall: str, aisle: int, rack: int, level: int) -> str:
    return f"{hall}-{aisle:02d}-{rack:02d}-{level}"


def generate_layout(blocks: Sequence[AisleBlock] = DEFAULT_LAYOUT) -> Iterator[dict]:
    """Yield one ``Location`` row (as a dict, ready for bulk insert) per place."""
    for block in blocks:
        for aisle in block.aisles:
            for rack in range(1, block.racks + 1):
                for level in range(1, block.levels + 1):
                    yield {
                        "code": location_code(block.hall, aisle, rack, level),
                        "hall": block.hall,
                        "aisle": aisle,
                        "rack": rack,
                        "level": level,
                        "capacity": block.capacity,
                        "kind": block.kind,
                        "occupied": 0,
                    }


def create_locations(session: Session, blocks: Sequence[AisleBlock] = DEFAULT_LAYOUT) -> int:
    """Bulk-insert the layout in one statement; returns the number of places."""
    rows = list(generate_layout(blocks))
    session.execute(insert(Location), rows)
    return len(rows)
