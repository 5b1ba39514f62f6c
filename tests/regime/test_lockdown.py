"""A lock-down of the prison empties detainees from that day's roster, with a message that
says who and where, and a gap re-plan that moves nobody else."""

import html
import io

from sqlmodel import select

from app.models import Participant
from app.regime.models import RegimeEvent
from app.roster.models import RosterAssignment
from app.vocab import ROSTER_GROUP_OF
from tests.roster.conftest import WEEK, latest_version, plan, wait_for_job
from tests.training.helpers import THURSDAY, WEDNESDAY


def _rows(db, roster) -> dict[tuple[int, str, str], int]:
    return {
        (r.participant_id, r.day, r.daypart): r.department_id
        for r in db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id))
    }


def test_a_lockdown_opens_gaps_only_for_detainees(client, app, db, manager):
    plan(client, app)
    draft = latest_version(db)
    client.post(
        f"/rooster/{WEEK}/publiceren", data={"roster": draft.id, "revision": draft.revision}
    )
    published = latest_version(db)
    assert published.status == "published"
    before = _rows(db, published)
    detainees = {
        p.id for p in db.exec(select(Participant)) if ROSTER_GROUP_OF[p.target_group] == "detainee"
    }
    locked = {k for k in before if k[0] in detainees and k[1] == "wed"}
    assert locked, "the demo roster has detainees on Wednesday"

    response = client.post(
        "/regime/nieuw",
        data={
            "kind": "lockdown",
            "participant": "",
            "start_date": WEDNESDAY.isoformat(),
            "daypart": "",
            "note": "Personeelstekort",
        },
        follow_redirects=True,
    )
    text = response.get_data(as_text=True)
    people = len({k[0] for k in locked})
    day = WEDNESDAY.strftime("%d-%m-%Y")
    assert (
        f"Lock-down op {day}: {people} gedetineerden gaan uit het rooster van week {WEEK}" in text
    )
    week_page = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "Herplan alleen de gaten" in week_page

    client.post(f"/rooster/{WEEK}/gat-herplannen")
    job = wait_for_job(app)
    assert job.kind == "gap" and job.status == "done", job.error
    after = _rows(db, latest_version(db))
    assert not locked & after.keys(), "no detainee works on the locked-down day"
    left = {k for k in before if k not in after}
    assert left == locked, "only the detainees' Wednesday assignments leave"
    assert all(after[k] == v for k, v in before.items() if k not in locked)


def test_a_lockdown_names_nobody_and_an_event_for_one_names_a_detainee(client, db, manager):
    participant = db.exec(
        select(Participant).where(Participant.target_group == "participatiewet")
    ).first()
    response = client.post(
        "/regime/nieuw",
        data={
            "kind": "court",
            "participant": "",
            "start_date": THURSDAY.isoformat(),
            "daypart": "am",
        },
    )
    assert response.status_code == 400 and "Kies de gedetineerde." in response.get_data(
        as_text=True
    )
    response = client.post(
        "/regime/nieuw",
        data={
            "kind": "court",
            "participant": str(participant.id),
            "start_date": THURSDAY.isoformat(),
        },
    )
    assert response.status_code == 400, "only detainees are offered"
    assert db.exec(select(RegimeEvent)).first() is None


CSV = """datum;einddatum;soort;dagdeel;deelnemer;toelichting
{thu};;zitting;ochtend;p001;Rechtbank Rotterdam
{thu};;bezoek;middag;Henk Peters;
{wed};{thu};verlof;;p002;
"""


def test_the_prison_list_is_previewed_line_by_line_then_stored(client, db, manager):
    body = CSV.format(thu=THURSDAY.strftime("%d-%m-%Y"), wed=WEDNESDAY.strftime("%d-%m-%Y"))
    bad = body + f"{THURSDAY.isoformat()};;feest;;p003;\n{THURSDAY.isoformat()};;zitting;;p020;\n"
    response = client.post(
        "/regime/import",
        data={"file": (io.BytesIO(bad.encode()), "regime.csv")},
        content_type="multipart/form-data",
    )
    text = response.get_data(as_text=True)
    assert "Regel 5, kolom soort: onbekende soort" in text
    assert "Regel 6, kolom deelnemer: geen gedetineerde (p020)" in text
    assert "regels opslaan" not in text
    assert db.exec(select(RegimeEvent)).first() is None

    response = client.post(
        "/regime/import",
        data={"file": (io.BytesIO(body.encode()), "regime.csv")},
        content_type="multipart/form-data",
    )
    text = response.get_data(as_text=True)
    assert "3 regels opslaan" in text and "Rechtbank Rotterdam" in text
    table = text.split('<textarea name="table" hidden aria-hidden="true">')[1].split("</textarea>")[
        0
    ]
    response = client.post(
        "/regime/import/bevestigen", data={"table": html.unescape(table)}, follow_redirects=True
    )
    assert "3 regime-afspraken ingelezen." in response.get_data(as_text=True)
    events = db.exec(select(RegimeEvent).order_by(RegimeEvent.id)).all()
    assert [(e.kind, e.daypart, e.source) for e in events] == [
        ("court", "am", "import"),
        ("visit", "pm", "import"),
        ("leave", None, "import"),
    ]
    assert events[2].end_date == THURSDAY
