from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, SQLModel

from inventory.layout import AisleBlock, create_locations
from inventory.models import TABLES, Article, Customer, LocationKind
from tests.databases import PostgresServer
from tests.inventory.engines import POSTGRES_URL, connect

SMALL_LAYOUT = (
    AisleBlock("A", range(1, 3), racks=2, levels=2),
    AisleBlock("B", range(1, 2), racks=1, levels=1, kind=LocationKind.COLD),
    AisleBlock("C", range(1, 2), racks=1, levels=1, kind=LocationKind.FLOOR, capacity=2),
)


# code, name, units per pallet, norm; article n belongs to customer n.
ARTICLES = (("KOEK", "Koekdoos", 100, 60), ("FLYER", "Flyer", 50, 400))


def seed(session: Session) -> None:
    """Two customers with one article each, and a 10-place warehouse.

    Ids come from the database, never forced: on PostgreSQL an explicit id leaves the
    sequence behind and the next insert collides. A fresh database numbers from 1.
    """
    customers = [Customer(name="Bakkerij Jansen"), Customer(name="Drukkerij Pers")]
    session.add_all(customers)
    session.flush()
    for customer, (code, name, per_pallet, norm) in zip(customers, ARTICLES, strict=True):
        session.add(
            Article(
                customer_id=customer.id,
                code=code,
                name=name,
                units_per_pallet=per_pallet,
                norm_units_per_hour=norm,
            )
        )
    create_locations(session, SMALL_LAYOUT)
    session.commit()


@pytest.fixture(scope="session")
def postgres() -> PostgresServer | None:
    return PostgresServer(POSTGRES_URL) if POSTGRES_URL else None


def seeded_database(postgres: PostgresServer | None, sqlite_url: str) -> Iterator[Engine]:
    """Only the inventory tables, seeded: on SQLite at ``sqlite_url``, else in an empty
    PostgreSQL database of this test's own, dropped afterwards."""
    url = postgres.empty() if postgres else sqlite_url
    engine = connect(url)
    try:
        SQLModel.metadata.create_all(engine, tables=TABLES)
        with Session(engine) as session:
            seed(session)
        yield engine
    finally:
        engine.dispose()
        if postgres:
            postgres.drop(url)


@pytest.fixture
def engine(postgres) -> Iterator[Engine]:
    """In memory, one shared connection: fast, for everything single-threaded."""
    yield from seeded_database(postgres, "sqlite://")


@pytest.fixture
def file_engine(postgres, tmp_path) -> Iterator[Engine]:
    """A real database, so separate engines in separate threads share the data."""
    yield from seeded_database(postgres, f"sqlite:///{tmp_path / 'inventory.db'}")


@pytest.fixture
def session(engine) -> Iterator[Session]:
    with Session(engine) as session:
        yield session
