"""Warehouse query benchmark: put-away suggestion and stock on a realistic database.

Builds a SQLite file in a temporary folder with the default 1,200-place
layout, about a thousand stored pallets, a shipped history and 100,000 stock
movements, then times the queries the floor staff wait for most.
Target: median and p95 each under 50 ms.

Run from the repository root: ``python -m bench.warehouse``.
"""

import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from sqlalchemy import insert
from sqlmodel import Session, SQLModel, create_engine

import app.clock  # noqa: F401  (hands the warehouse package its clock)
from inventory.layout import create_locations
from inventory.models import (
    TABLES,
    Article,
    Customer,
    Location,
    MovementKind,
    Pallet,
    PalletStatus,
    StockMovement,
    utcnow,
)
from inventory.putaway import suggest_put_away
from inventory.queries import movement_history, stock
from inventory.receiving import sscc

CUSTOMERS = 20
ARTICLES_PER_CUSTOMER = 25
PALLETS = 20_000
STORED_SHARE = 0.85  # of the places
MOVEMENTS = 100_000
REPEATS = 300
TARGET_MS = 50.0


def build(session: Session, rng: random.Random) -> list[int]:
    """Fill the database in bulk; returns the article ids."""
    places = create_locations(session)
    session.execute(
        insert(Customer), [{"id": c, "name": f"Klant {c}"} for c in range(1, CUSTOMERS + 1)]
    )
    articles = [
        {
            "id": (c - 1) * ARTICLES_PER_CUSTOMER + a,
            "customer_id": c,
            "code": f"ART-{a:03d}",
            "name": f"Artikel {a} van klant {c}",
            "units_per_pallet": rng.choice((40, 100, 480)),
            "norm_units_per_hour": rng.uniform(20, 500),
        }
        for c in range(1, CUSTOMERS + 1)
        for a in range(1, ARTICLES_PER_CUSTOMER + 1)
    ]
    session.execute(insert(Article), articles)
    stored = rng.sample(range(1, places + 1), int(places * STORED_SHARE))
    now = utcnow()
    pallets = []
    for pallet_id in range(1, PALLETS + 1):
        article = rng.choice(articles)
        place = stored[pallet_id - 1] if pallet_id <= len(stored) else None
        pallets.append(
            {
                "id": pallet_id,
                "label": sscc(pallet_id),
                "customer_id": article["customer_id"],
                "article_id": article["id"],
                "units": rng.randint(1, article["units_per_pallet"]),
                "location_id": place,
                "status": PalletStatus.STORED if place else PalletStatus.SHIPPED,
                "received_at": now - timedelta(days=rng.randint(0, 700)),
            }
        )
    session.execute(insert(Pallet), pallets)
    session.execute(
        Location.__table__.update()
        .where(Location.id.in_(stored))
        .values(occupied=1)
    )
    kinds = list(MovementKind)
    session.execute(
        insert(StockMovement),
        [
            {
                "at": now - timedelta(minutes=MOVEMENTS - n),
                "kind": rng.choice(kinds),
                "pallet_id": (pallet := rng.choice(pallets))["id"],
                "article_id": pallet["article_id"],
                "customer_id": pallet["customer_id"],
                "units": rng.randint(1, 100),
            }
            for n in range(MOVEMENTS)
        ],
    )
    session.commit()
    return [article["id"] for article in articles]


def _random_article(rng: random.Random, article_ids: list[int]) -> dict[str, int]:
    article_id = rng.choice(article_ids)
    return {
        "customer_id": (article_id - 1) // ARTICLES_PER_CUSTOMER + 1,
        "article_id": article_id,
        "page": rng.randint(1, 3),
    }


def measure(name: str, call: Callable[[], object]) -> tuple[float, float]:
    """Median and p95 in ms over ``REPEATS`` calls, after one warm-up call."""
    call()
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    p95 = statistics.quantiles(timings, n=20)[-1]
    verdict = "ok" if p95 < TARGET_MS else "TOO SLOW"
    print(f"{name:<40} median {median:7.2f} ms   p95 {p95:7.2f} ms   {verdict}")
    return median, p95


def main() -> None:
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as folder:
        engine = create_engine(f"sqlite:///{Path(folder) / 'bench.db'}")
        SQLModel.metadata.create_all(engine, tables=TABLES)
        with Session(engine) as session:
            start = time.perf_counter()
            article_ids = build(session, rng)
            print(f"built {MOVEMENTS:,} movements, {PALLETS:,} pallets, 1,200 places "
                  f"in {time.perf_counter() - start:.1f} s")
            measure("suggest_put_away (random article)",
                    lambda: suggest_put_away(session, rng.choice(article_ids)))
            measure("stock per customer and article (all)", lambda: stock(session))
            measure("stock of one customer",
                    lambda: stock(session, customer_id=rng.randint(1, CUSTOMERS)))
            measure("movement history page (one article)",
                    lambda: movement_history(session, **_random_article(rng, article_ids)))
        engine.dispose()


if __name__ == "__main__":
    main()
