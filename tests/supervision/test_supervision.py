"""A department daypart that needs a supervisor and has none is reported before publishing;
supervisors are staff with their own week, one place per daypart."""

from sqlmodel import select

from app.models import Department
from app.roster.models import RosterAssignment
from app.supervision.models import Supervisor, SupervisorShift
from tests.conftest import MANAGER
from tests.roster.conftest import WEEK, latest_version, plan


def _staffed(db) -> tuple[Department, str, str]:
    """A department daypart of the planned week with people in it."""
    row = db.exec(
        select(RosterAssignment).where(RosterAssignment.roster_id == latest_version(db).id)
    ).first()
    return db.get(Department, row.department_id), row.day, row.daypart


def test_an_unsupervised_staffed_daypart_is_reported_before_publishing(client, app, db, auth):
    auth.login(MANAGER)
    plan(client, app)
    department, day, part = _staffed(db)
    client.post(f"/werkmeesters/{WEEK}/werkmeester", data={"name": "Jan Werkmeester"})
    client.post(f"/werkmeesters/{WEEK}/nodig", data={"nodig": f"{department.id}-{day}-{part}"})

    week_page = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    warning = week_page.split('id="h-werkmeester"')[1].split("</section>")[0]
    assert "Zonder werkmeester" in week_page and department.name in warning
    assert week_page.index('id="h-werkmeester"') < week_page.index("Publiceren")

    supervisor = db.exec(select(Supervisor)).one()
    response = client.post(
        f"/werkmeesters/{WEEK}/indeling",
        data={f"werkmeester-{department.id}-{day}-{part}": str(supervisor.id)},
        follow_redirects=True,
    )
    assert "Opgeslagen." in response.get_data(as_text=True)
    assert 'id="h-werkmeester"' not in client.get(f"/rooster/{WEEK}").get_data(as_text=True)


def test_a_supervisor_is_in_one_place_per_daypart(client, db, auth):
    auth.login(MANAGER)
    first, second = db.exec(select(Department).order_by(Department.id)).all()[:2]
    client.post(f"/werkmeesters/{WEEK}/werkmeester", data={"name": "Jan Werkmeester"})
    client.post(
        f"/werkmeesters/{WEEK}/nodig",
        data={"nodig": [f"{first.id}-mon-am", f"{second.id}-mon-am", "x-y-z", "999-mon-am"]},
    )
    supervisor = db.exec(select(Supervisor)).one()
    response = client.post(
        f"/werkmeesters/{WEEK}/indeling",
        data={
            f"werkmeester-{first.id}-mon-am": str(supervisor.id),
            f"werkmeester-{second.id}-mon-am": str(supervisor.id),
        },
        follow_redirects=True,
    )
    assert "Jan Werkmeester staat op maandag ochtend op twee afdelingen" in response.get_data(
        as_text=True
    )
    assert db.exec(select(SupervisorShift)).first() is None
    assert client.get("/werkmeesters/2026-W99").status_code == 404
    response = client.post(f"/werkmeesters/{WEEK}/werkmeester", data={"name": " "})
    assert response.status_code == 302
    assert len(db.exec(select(Supervisor)).all()) == 1
