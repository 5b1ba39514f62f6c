"""Planning in the background, the draft it leaves, pins kept on re-plan, failures reported."""

from datetime import date, timedelta

from sqlmodel import select

from app.models import Participant
from app.roster import jobs
from app.roster.models import RosterAssignment, SolverJob
from inventory.models import utcnow
from tests import dates
from tests.roster.conftest import WEEK, latest_version, plan, wait_for_job


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


def _pinned_rows(db, roster_id):
    return db.exec(
        select(RosterAssignment).where(
            RosterAssignment.roster_id == roster_id, RosterAssignment.pinned
        )
    ).all()


def test_replan_keeps_pins_and_reports_changes_against_published(app, client, db, manager):
    first = plan(client, app)
    draft = latest_version(db)
    rows = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == draft.id)).all()
    for row in rows[:5]:
        row.pinned = True
        db.add(row)
    db.commit()
    pins = {(r.participant_id, r.department_id, r.day, r.daypart) for r in rows[:5]}
    second = plan(client, app)
    assert second.id != first.id and second.status == "done"
    replanned = latest_version(db)
    assert replanned.version == 2
    kept = {
        (r.participant_id, r.department_id, r.day, r.daypart)
        for r in _pinned_rows(db, replanned.id)
    }
    assert kept == pins


def test_infeasible_pins_are_explained_in_dutch_and_last_roster_stays(app, client, db, manager):
    from app.roster import versions
    from app.roster.problem import build_problem

    problem = build_problem(db, WEEK)
    person = next(p for p in problem["participants"] if ["mon", "am"] not in p["available"])
    roster = versions.new_version(
        db,
        WEEK,
        [{"participant": person["id"], "department": "packaging", "day": "mon", "daypart": "am"}],
        user_id=None,
        pinned={(person["id"], "mon", "am")},
    )
    db.commit()
    job = plan(client, app)
    assert job.status == "done" and job.solver_status == "infeasible"
    assert latest_version(db).id == roster.id
    text = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "Waarom deze week niet te plannen is" in text
    assert (
        f"{person['name']} is vastgezet bij Verpakking op ma-ochtend, maar is dan niet beschikbaar"
    ) in text
    assert f"/rooster/{WEEK}/deelnemer/{person['id']}" in text


def test_crashing_job_is_reported_and_roster_stays(app, client, db, manager, monkeypatch):
    def broken(*_args, **_kwargs):
        raise RuntimeError("solver exploded")

    monkeypatch.setattr(jobs.scheduler, "solve", broken)
    job = plan(client, app)
    assert job.status == "failed" and "solver exploded" in job.error
    assert latest_version(db) is None
    text = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "De planning is mislukt. Het vorige rooster blijft staan" in text


def test_lost_job_is_reported_as_interrupted(app, db):
    job = SolverJob(
        week=WEEK, status="running", time_limit=1, started_at=utcnow() - timedelta(minutes=5)
    )
    assert jobs.is_lost(job)
    assert not jobs.is_lost(
        SolverJob(week=WEEK, status="running", time_limit=1, started_at=utcnow())
    )


def test_absence_after_publishing_shows_gap_and_replans_only_it(app, client, db, manager):
    plan(client, app)
    draft = latest_version(db)
    client.post(
        f"/rooster/{WEEK}/publiceren", data={"roster": draft.id, "revision": draft.revision}
    )
    published = latest_version(db)
    assert published.status == "published"
    rows = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == published.id)).all()
    sick = rows[0]
    code = db.get(Participant, sick.participant_id).code
    day_date = {
        "mon": dates.demo_day(date.fromisoformat("2026-11-30")).isoformat(),
        "tue": dates.demo_day(date.fromisoformat("2026-12-01")).isoformat(),
        "wed": dates.demo_day(date.fromisoformat("2026-12-02")).isoformat(),
        "thu": dates.demo_day(date.fromisoformat("2026-12-03")).isoformat(),
        "fri": dates.demo_day(date.fromisoformat("2026-12-04")).isoformat(),
    }[sick.day]
    response = client.post(
        f"/rooster/{WEEK}/afwezigheid",
        data={
            "afw-participant": code,
            "afw-start_date": day_date,
            "afw-end_date": day_date,
            "afw-daypart": "",
            "afw-kind": "sick",
        },
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    assert "is geregistreerd" in text and "Gaten door afwezigheid" in text
    assert "Herplan alleen de gaten" in text
    client.post(f"/rooster/{WEEK}/gat-herplannen")
    job = wait_for_job(app)
    assert job.kind == "gap" and job.status == "done", job.error
    repaired = latest_version(db)
    assert repaired.version == published.version + 1
    before = {(r.participant_id, r.day, r.daypart): r.department_id for r in rows}
    after = {
        (r.participant_id, r.day, r.daypart): r.department_id
        for r in db.exec(
            select(RosterAssignment).where(RosterAssignment.roster_id == repaired.id)
        ).all()
    }
    absent = {k for k in before if k[0] == sick.participant_id and k[1] == sick.day}
    assert not absent & after.keys()
    assert all(after.get(k) == v for k, v in before.items() if k not in absent)
