from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, SQLModel, create_engine

from inventory.layout import AisleBlock, create_locations
from inventory.models import TABLES, Article, Customer, LocationKind


def sqlite_engine(url: str, **options) -> Engine:
    """An engine over only the inventory tables, with foreign keys enforced."""
    engine = create_engine(url, connect_args={"timeout": 30}, **options)
    event.listen(engine, "connect", lambda conn, _: conn.execute("PRAGMA foreign_keys=ON"))
    SQLModel.metadata.create_all(engine, tables=TABLES)
    return engine


SMALL_LAYOUT = (
    AisleBlock("A", range(1, 3), racks=2, levels=2),
    AisleBlock("B", range(1, 2), racks=1, levels=1, kind=LocationKind.COLD),
    AisleBlock("C", range(1, 2), racks=1, levels=1, kind=LocationKind.FLOOR, capacity=2),
)


# code, name, units per pallet, norm; article n belongs to customer n.
ARTICLES = (("KOEK", "Koekdoos", 100, 60), ("FLYER", "Flyer", 50, 400))


def seed(session: Session) -> None:
    """Two customers with one article each, and a 10-place warehouse."""
    session.add_all([Customer(id=1, name="Bakkerij Jansen"), Customer(id=2, name="Drukkerij Pers")])
    session.flush()
    for key, (code, name, per_pallet, norm) in enumerate(ARTICLES, start=1):
        session.add(Article(id=key, customer_id=key, code=code, name=name,
                            units_per_pallet=per_pallet, norm_units_per_hour=norm))
    create_locations(session, SMALL_LAYOUT)
    session.commit()


def seeded(engine: Engine) -> Engine:
    with Session(engine) as session:
        seed(session)
    return engine


@pytest.fixture
def engine() -> Engine:
    """In memory, one shared connection: fast, for everything single-threaded."""
    return seeded(sqlite_engine("sqlite://", poolclass=StaticPool))


@pytest.fixture
def file_engine(tmp_path) -> Engine:
    """A real file, so separate engines in separate threads share the data."""
    return seeded(sqlite_engine(f"sqlite:///{tmp_path / 'inventory.db'}"))


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
