"""A coach opens only their own caseload; sensitive data only for own coach and managers."""

import pytest
from sqlmodel import select

from app.coaching.models import SensitiveInfo
from app.models import Participant
from tests.coaching.conftest import caseload_of
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER, OTHER_COACH

PAGES = ["", "/voortgang", "/rapport", "/rapport.xlsx", "/mijn-plan", "/afsluiten"]
CHANGES = [
    ("/intake", {"intake-start_date": "2026-01-01"}),
    ("/gevoelig", {"sensitive-offence": "x"}),
    ("/ladder", {"ladder-step": "3", "ladder-day": "2026-01-01"}),
    ("/vaardigheden", {}),
    ("/beschikbaarheid", {"slot": "mon-am"}),
    ("/leerdoelen", {}),
    ("/certificaten", {"cert-kind": "vca", "cert-status": "planned"}),
    ("/afwezigheid", {"absence-start_date": "2026-01-01", "absence-end_date": "2026-01-02"}),
    ("/voortgang", {"day": "2026-01-01", "text": "x"}),
    ("/portfolio", {"portfolio-description": "x", "portfolio-confirmed_by": "y"}),
    ("/afsluiten", {"ended_on": "2026-01-01", "kind": "education"}),
    ("/roostergegevens", {"roster-target_group": "sw", "roster-dayparts_per_week": "4"}),
    ("/contactlog", {"log-day": "2026-01-01", "log-channel": "phone", "log-summary": "x"}),
]


def test_caseload_lists_only_own_participants(client, auth, db):
    auth.login(COACH)
    html = client.get("/deelnemers/").get_data(as_text=True)
    own = [db.get(Participant, i) for i in caseload_of(db, COACH)]
    foreign = [db.get(Participant, i) for i in caseload_of(db, OTHER_COACH)]
    assert all(p.full_name in html for p in own if p.active)
    assert not any(f'/deelnemers/{p.id}"' in html for p in foreign)


@pytest.mark.parametrize("suffix", PAGES)
def test_coach_gets_403_on_every_page_of_another_coachs_participant(
    client, auth, own_id, foreign_id, suffix
):
    auth.login(COACH)
    assert client.get(f"/deelnemers/{own_id}{suffix}").status_code == 200
    assert client.get(f"/deelnemers/{foreign_id}{suffix}").status_code == 403


@pytest.mark.parametrize(("suffix", "data"), CHANGES)
def test_coach_cannot_change_another_coachs_participant(client, auth, db, foreign_id, suffix, data):
    auth.login(COACH)
    assert client.post(f"/deelnemers/{foreign_id}{suffix}", data=data).status_code == 403
    db.expire_all()
    assert db.get(Participant, foreign_id).active


def test_unknown_participant_is_404(client, auth):
    auth.login(MANAGER)
    assert client.get("/deelnemers/999999").status_code == 404


def test_trying_every_id_opens_exactly_the_caseload(client, auth, db):
    auth.login(OTHER_COACH)
    allowed = set(caseload_of(db, OTHER_COACH))
    ids = db.exec(select(Participant.id)).all()
    opened = {i for i in ids if client.get(f"/deelnemers/{i}/mijn-plan").status_code == 200}
    assert opened == allowed


@pytest.mark.parametrize("email", [MANAGER, ADMIN])
def test_managers_and_admins_open_any_participant(client, auth, foreign_id, email):
    auth.login(email)
    assert client.get(f"/deelnemers/{foreign_id}").status_code == 200


def test_customer_is_refused(client, auth, own_id):
    auth.login(CUSTOMER)
    assert client.get("/deelnemers/").status_code == 403
    assert client.get(f"/deelnemers/{own_id}").status_code == 403


def _with_secret(db, participant_id: int) -> str:
    secret = "Veroordeeld wegens diefstal-XYZ"
    db.add(SensitiveInfo(participant_id=participant_id, offence=secret))
    db.commit()
    return secret


@pytest.mark.parametrize(("email", "visible"), [(COACH, True), (MANAGER, True), (ADMIN, False)])
def test_sensitive_data_only_for_own_coach_and_managers(client, auth, db, own_id, email, visible):
    secret = _with_secret(db, own_id)
    auth.login(email)
    html = client.get(f"/deelnemers/{own_id}").get_data(as_text=True)
    assert (secret in html) is visible


def test_admin_cannot_write_sensitive_data(client, auth, own_id):
    auth.login(ADMIN)
    response = client.post(f"/deelnemers/{own_id}/gevoelig", data={"sensitive-offence": "x"})
    assert response.status_code == 403


def test_sensitive_data_never_in_lists_or_exports(client, auth, db, own_id):
    secret = _with_secret(db, own_id)
    auth.login(MANAGER)
    for url in ["/deelnemers/", f"/deelnemers/{own_id}/rapport", f"/deelnemers/{own_id}/mijn-plan"]:
        assert secret not in client.get(url).get_data(as_text=True), url
    assert secret.encode() not in client.get(f"/deelnemers/{own_id}/rapport.xlsx").data


@pytest.mark.parametrize("email", [COACH, MANAGER])
def test_audit_log_is_for_admins_only(client, auth, email):
    auth.login(email)
    assert client.get("/beheer/audit").status_code == 403
    auth.logout()
    auth.login(ADMIN)
    assert client.get("/beheer/audit").status_code == 200


def test_outcome_dashboard_is_for_managers(client, auth):
    auth.login(COACH)
    assert client.get("/deelnemers/uitstroom").status_code == 403
    assert client.get("/deelnemers/uitstroom.csv").status_code == 403
