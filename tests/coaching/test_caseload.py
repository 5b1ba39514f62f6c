"""Caseload search and filters, plain and through htmx."""

from datetime import timedelta

from sqlmodel import select

from app.models import Certificate, Department, Participant, SkillLevel
from tests import dates
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, MANAGER


def _names_in(html: str, db, ids) -> set[int]:
    return {i for i in ids if f'/deelnemers/{i}"' in html}


def test_search_by_name(client, auth, db, own_id):
    participant = db.get(Participant, own_id)
    auth.login(COACH)
    html = client.get(f"/deelnemers/?q={participant.last_name}").get_data(as_text=True)
    assert f'/deelnemers/{own_id}"' in html
    html = client.get("/deelnemers/?q=zzzgeenmatch").get_data(as_text=True)
    assert "Geen deelnemers gevonden" in html


def test_filter_by_target_group_and_department(client, auth, db):
    auth.login(MANAGER)
    ids = db.exec(select(Participant.id).where(Participant.active)).all()
    html = client.get("/deelnemers/?groep=sw").get_data(as_text=True)
    expected = {i for i in ids if db.get(Participant, i).target_group == "sw"}
    assert _names_in(html, db, ids) == expected
    green = db.exec(select(Department).where(Department.code == "green")).one()
    skilled = set(
        db.exec(
            select(SkillLevel.participant_id).where(
                SkillLevel.department_id == green.id, SkillLevel.level > 0
            )
        ).all()
    ) & set(ids)
    html = client.get("/deelnemers/?afdeling=green").get_data(as_text=True)
    assert _names_in(html, db, ids) == skilled


def test_end_date_approaching_and_certificate_expiring(client, auth, db):
    mine = caseload_of(db, COACH)
    ending, expiring, other = (db.get(Participant, i) for i in mine[:3])
    for p in (ending, expiring, other):
        p.active = True
        p.expected_end_date = dates.TODAY + timedelta(days=365)
    ending.expected_end_date = dates.TODAY + timedelta(weeks=5)
    for c in db.exec(select(Certificate).where(Certificate.participant_id.in_(mine))):
        c.expires_on = None
        db.add(c)
    db.add(
        Certificate(
            participant_id=expiring.id,
            kind="bhv",
            status="obtained",
            obtained_on=dates.TODAY - timedelta(days=300),
            expires_on=dates.TODAY + timedelta(weeks=7),
        )
    )
    db.add_all([ending, expiring, other])
    db.commit()
    auth.login(COACH)
    html = client.get("/deelnemers/?einde=1").get_data(as_text=True)
    assert f'/deelnemers/{ending.id}"' in html and f'/deelnemers/{other.id}"' not in html
    html = client.get("/deelnemers/?certificaat=1", headers={"HX-Request": "true"}).get_data(
        as_text=True
    )
    assert "<html" not in html  # the htmx partial only
    assert f'/deelnemers/{expiring.id}"' in html and f'/deelnemers/{ending.id}"' not in html
    assert "BHV verloopt" in html
