"""Every read and change of a participant file lands in the audit log."""

import pytest
from sqlmodel import select

from app.audit import AuditEntry
from app.models import Participant, User
from tests.coaching.conftest import audit_for
from tests.conftest import ADMIN, COACH, MANAGER

CHANGES = [
    ("/intake", {"intake-start_date": "2026-01-01"}, "update", "intake"),
    ("/gevoelig", {"sensitive-offence": "x"}, "update", "gevoelige gegevens"),
    ("/ladder", {"ladder-step": "3", "ladder-day": "2026-01-01"}, "create", "participatieladder"),
    ("/beschikbaarheid", {"slot": "mon-am"}, "update", "beschikbaarheid"),
    ("/leerdoelen", {}, "update", "leerdoelen"),
    ("/certificaten", {"cert-kind": "vca", "cert-status": "planned"}, "create", "certificaat"),
    (
        "/afwezigheid",
        {
            "absence-start_date": "2026-01-01",
            "absence-end_date": "2026-01-02",
            "absence-kind": "sick",
        },
        "create",
        "afwezigheid",
    ),
    ("/voortgang", {"day": "2026-01-01", "text": "Goed gewerkt"}, "create", "voortgangsnotitie"),
    (
        "/portfolio",
        {
            "portfolio-description": "Heftruck rijden",
            "portfolio-day": "2026-01-01",
            "portfolio-confirmed_by": "Henk",
        },
        "create",
        "portfolio",
    ),
    ("/afsluiten", {"ended_on": "2026-01-01", "kind": "education"}, "update", "traject afgesloten"),
    ("/rapport?start=2026-01-01&end=2026-03-31", {"text": "Prima"}, "update", "samenvatting"),
]
READS = ["", "/voortgang", "/rapport", "/rapport.xlsx", "/mijn-plan"]


def _coach_id(db) -> int:
    return db.exec(select(User.id).where(User.email == COACH)).one()


@pytest.mark.parametrize(("suffix", "data", "action", "what"), CHANGES)
def test_every_change_is_audited(client, auth, db, own_id, suffix, data, action, what):
    auth.login(COACH)
    before = len(audit_for(db, own_id))
    response = client.post(f"/deelnemers/{own_id}{suffix}", data=data)
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    new = audit_for(db, own_id)[before:]
    assert [(e.action, e.user_id) for e in new if e.what.startswith(what)] == [
        (action, _coach_id(db))
    ]


def test_a_skill_change_is_audited_with_old_and_new_level(client, auth, db, own_id):
    from tests.coaching.test_file import _skills_form

    auth.login(COACH)
    form = _skills_form(db, own_id)
    key = next(iter(form))
    form[key] = "3" if form[key] != "3" else "1"
    client.post(f"/deelnemers/{own_id}/vaardigheden", data=form)
    entry = audit_for(db, own_id)[-1]
    assert entry.action == "update" and entry.what.startswith("vaardigheden:")
    assert "→" + form[key] in entry.what


@pytest.mark.parametrize("suffix", READS)
def test_every_read_is_audited(client, auth, db, own_id, suffix):
    auth.login(COACH)
    before = len(audit_for(db, own_id))
    assert client.get(f"/deelnemers/{own_id}{suffix}").status_code == 200
    new = audit_for(db, own_id)[before:]
    assert len(new) == 1 and new[0].action in ("view", "export")
    assert new[0].user_id == _coach_id(db) and new[0].at is not None


def test_a_refused_request_writes_no_change(client, auth, db, foreign_id):
    auth.login(COACH)
    before = len(audit_for(db, foreign_id))
    client.post(f"/deelnemers/{foreign_id}/intake", data={"intake-start_date": "2026-01-01"})
    assert len(audit_for(db, foreign_id)) == before


def test_admin_filters_and_pages_the_audit_log(client, auth, db, own_id):
    auth.login(MANAGER)
    for _ in range(55):
        client.get(f"/deelnemers/{own_id}/mijn-plan")
    auth.logout()
    auth.login(ADMIN)
    participant_code = db.get(Participant, own_id).code
    first = client.get(f"/beheer/audit?deelnemer={participant_code}&actie=view")
    html = first.get_data(as_text=True)
    assert "Pagina 1 van 2" in html
    assert html.count("mijn plan") == 50
    second = client.get(f"/beheer/audit?deelnemer={participant_code}&actie=view&pagina=2")
    assert second.get_data(as_text=True).count("mijn plan") == 5
    none = client.get("/beheer/audit?wie=niemand-bestaat")
    assert "Geen regels gevonden." in none.get_data(as_text=True)
    total = db.exec(select(AuditEntry)).all()
    assert len(total) >= 55
