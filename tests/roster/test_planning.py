"""Planning in the background, the draft it leaves, pins kept on re-plan, failures reported."""

from sqlmodel import select

from app.roster import jobs
from app.roster.models import RosterAssignment, SolverJob
from tests.roster.conftest import WEEK, latest_version, plan


def test_plan_runs_in_background_and_stores_a_draft(app, client, db, manager):
    job = plan(client, app)
    assert job.status == "done", job.error
    assert job.solver_status in ("optimal", "feasible")
    assert job.result["penalties"]["understaffing"] >= 0
    roster = latest_version(db)
    assert roster.status == "draft" and roster.version == 1 and job.roster_id == roster.id
    rows = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).all()
    assert len(rows) == len(job.result["assignments"]) > 100
    page = client.get(f"/rooster/{WEEK}")
    assert page.status_code == 200
    text = page.get_data(as_text=True)
    assert "Planning klaar" in text and "concept" in text and "Aandachtspunten" in text


def test_job_progress_is_polled_until_done(app, client, manager):
    job = plan(client, app)
    response = client.get(f"/rooster/{WEEK}/taak/{job.id}", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == f"/rooster/{WEEK}"
