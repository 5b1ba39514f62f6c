"""The week view is cached per data version: every edit shows on the very next request.

Each test first loads the page, so a cached copy exists, then changes the data the way a
user (or another process) does, and reads the page again.
"""

import re
import threading
import time
from datetime import timedelta

import pytest
import time_machine
from sqlmodel import Session, select

from app import clock
from app.audit import AuditEntry
from app.db import make_engine
from app.lru import LRUCache
from app.models import (
    Certificate,
    CoachAssignment,
    Department,
    Participant,
    ProductionOrder,
    User,
)
from app.orders.labour import ACTIVE_STATUSES
from app.roster import page, versions
from app.roster.models import SolverJob
from app.roster.problem import build_problem
from app.roster.weeks import parse_week
from tests.conftest import ADMIN, COACH, MANAGER, Auth
from tests.roster.conftest import WEEK

URL = f"/rooster/{WEEK}"


@pytest.fixture
def builds(monkeypatch) -> list[str]:
    """The weeks whose content was built (not taken from the cache), in order."""
    built: list[str] = []
    original = page.build_content

    def counting(session, week, number=None):
        built.append(week)
        return original(session, week, number)

    monkeypatch.setattr(page, "build_content", counting)
    return built


@pytest.fixture
def other_engine(database_url):
    """A second engine on the same database: another gunicorn worker, the RQ worker, a CLI."""
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def _login(app, email: str):
    client = app.test_client()
    Auth(client).login(email)
    return client


def _draft(db, person: str, department: str = "packaging", day: str = "mon", part: str = "am"):
    row = {"participant": person, "department": department, "day": day, "daypart": part}
    roster = versions.new_version(db, WEEK, [row], user_id=None)
    db.commit()
    return roster


def _row(html: str, department: str) -> str:
    """The grid row of one department."""
    start = html.index(f'<tr id="afd-{department}">')
    return html[start : html.index("</tr>", start)]


def _available_without_vca(db, *, among: set[str] | None = None) -> dict:
    return next(
        p
        for p in build_problem(db, WEEK)["participants"]
        if "vca" not in p["certificates"]
        and ["mon", "am"] in p["available"]
        and (among is None or p["id"] in among)
    )


def test_repeated_reads_are_built_once_and_a_change_builds_again(db, client, manager, builds):
    for _ in range(3):
        assert client.get(URL).status_code == 200
    assert builds == [WEEK]
    _draft(db, _available_without_vca(db)["id"])
    client.get(URL)
    assert builds == [WEEK, WEEK]


def test_a_move_shows_on_the_next_request(db, app):
    manager = _login(app, MANAGER)
    person = _available_without_vca(db)
    roster = _draft(db, person["id"])
    assert person["name"] in _row(manager.get(URL).get_data(as_text=True), "packaging")
    form = {
        "action": "move",
        "participant": person["id"],
        "day": "mon",
        "daypart": "am",
        "department": "cleaning",
        "roster": roster.id,
        "revision": roster.revision,
    }
    moved = manager.post(f"{URL}/wijzig", data={f"bewerk-{k}": v for k, v in form.items()})
    assert moved.status_code == 302
    html = manager.get(URL).get_data(as_text=True)
    assert person["name"] in _row(html, "cleaning")
    assert person["name"] not in _row(html, "packaging")


def test_an_absence_registered_by_the_coach_shows_as_a_gap(db, app):
    coach = db.exec(select(User).where(User.email == COACH)).one()
    caseload = db.exec(
        select(Participant).join(CoachAssignment).where(CoachAssignment.coach_id == coach.id)
    ).all()
    person = _available_without_vca(db, among={p.code for p in caseload})
    participant = next(p for p in caseload if p.code == person["id"])
    _draft(db, person["id"])
    manager = _login(app, MANAGER)
    assert "chip-absent" not in manager.get(URL).get_data(as_text=True)

    monday = parse_week(WEEK).isoformat()
    registered = _login(app, COACH).post(
        f"/deelnemers/{participant.id}/afwezigheid",
        data={
            "absence-start_date": monday,
            "absence-end_date": monday,
            "absence-daypart": "",
            "absence-kind": "sick",
            "absence-note": "",
        },
    )
    assert registered.status_code == 302
    html = manager.get(URL).get_data(as_text=True)
    assert "chip-absent" in _row(html, "packaging")
    gaps = html[html.index('id="h-gaten"') :]
    assert participant.full_name in gaps[: gaps.index("</section>")]


def test_a_certificate_written_by_another_process_shows_on_the_next_request(db, app, other_engine):
    manager = _login(app, MANAGER)
    person = _available_without_vca(db)
    url = f"{URL}/deelnemer/{person['id']}"
    assert "VCA" not in manager.get(url).get_data(as_text=True)
    monday = parse_week(WEEK)
    with Session(other_engine) as session:
        participant = session.exec(
            select(Participant).where(Participant.code == person["id"])
        ).one()
        session.add(
            Certificate(
                participant_id=participant.id,
                kind="vca",
                status="obtained",
                obtained_on=monday - timedelta(days=30),
                expires_on=monday + timedelta(days=365),
            )
        )
        session.commit()
    assert "VCA" in manager.get(url).get_data(as_text=True)


def test_an_order_quantity_changed_elsewhere_raises_the_minimum_staffing(db, app, other_engine):
    manager = _login(app, MANAGER)
    before = manager.get(URL).get_data(as_text=True)
    with Session(other_engine) as session:
        order, department = session.exec(
            select(ProductionOrder, Department.code)
            .join(Department)
            .where(
                ProductionOrder.status.in_(ACTIVE_STATUSES),
                ProductionOrder.due_date >= parse_week(WEEK),
            )
            .order_by(ProductionOrder.id)
        ).first()
        order.quantity *= 50
        session.add(order)
        session.commit()
    after = manager.get(URL).get_data(as_text=True)
    staffing = re.compile(r"\((\d+)–(\d+)\)")
    assert staffing.findall(_row(after, department)) != staffing.findall(_row(before, department))
    fresh = next(d for d in build_problem(db, WEEK)["departments"] if d["id"] == department)
    assert f"({fresh['staffing']['min']}–{fresh['staffing']['max']})" in _row(after, department)


def test_audit_log_and_solver_progress_keep_the_cached_page(db, app, builds, other_engine):
    manager = _login(app, MANAGER)
    manager.get(URL)
    assert _login(app, COACH).get("/deelnemers/").status_code == 200
    with Session(other_engine) as session:
        session.add(AuditEntry(action="view", what="dossier"))
        session.add(SolverJob(week=WEEK, status="running", elapsed=1.0))
        session.commit()
    html = manager.get(URL).get_data(as_text=True)
    assert builds == [WEEK]
    assert "Bezig met plannen" in html


def test_a_new_day_serves_the_same_copy(client, manager, builds):
    """A week's content, its labour demand included, does not depend on the day it is read."""
    first = client.get(URL).get_data(as_text=True)
    with time_machine.travel(clock.now() + timedelta(days=2), tick=False):
        manager.login(MANAGER)  # the old login has timed out
        again = client.get(URL).get_data(as_text=True)
    assert builds == [WEEK]
    assert _row(first, "packaging") == _row(again, "packaging")


def test_each_language_gets_its_own_copy(app, builds):
    manager = _login(app, MANAGER)
    assert "maandag" in manager.get(URL).get_data(as_text=True)
    with manager.session_transaction() as session:
        session["lang"] = "en"
    english = manager.get(URL).get_data(as_text=True)
    assert "Monday" in english and "maandag" not in english
    assert builds == [WEEK, WEEK]


def test_shared_parts_hold_no_one_elses_token_or_name(db, app, builds):
    """The admin's page is served from the copy built for the manager."""
    pages = {
        email: _login(app, email).get(URL).get_data(as_text=True) for email in (MANAGER, ADMIN)
    }
    assert builds == [WEEK]
    token = re.compile(r'name="csrf_token" value="([^"]+)"')
    manager_name = db.exec(select(User.name).where(User.email == MANAGER)).one()
    assert token.search(pages[MANAGER]).group(1) not in pages[ADMIN]
    assert manager_name in pages[MANAGER] and manager_name not in pages[ADMIN]


def test_cache_keeps_the_most_recently_used_and_builds_a_key_once():
    cache: LRUCache[str] = LRUCache(2)
    cache.get("a", lambda: "A")
    cache.get("b", lambda: "B")
    cache.get("a", lambda: "not built again")
    cache.get("c", lambda: "C")
    assert cache.get("a", lambda: "rebuilt") == "A"
    assert cache.get("b", lambda: "rebuilt") == "rebuilt"

    started, release, builds = threading.Event(), threading.Event(), []

    def slow() -> str:
        builds.append(1)
        started.set()
        release.wait(5)
        return "built once"

    results = []
    first = threading.Thread(target=lambda: results.append(cache.get("slow", slow)))
    first.start()
    started.wait(5)
    waiting = [
        threading.Thread(target=lambda: results.append(cache.get("slow", slow))) for _ in range(3)
    ]
    for thread in waiting:
        thread.start()
    time.sleep(0.2)
    release.set()
    for thread in [first, *waiting]:
        thread.join()
    assert len(builds) == 1 and len(results) == 4
