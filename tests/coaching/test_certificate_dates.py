"""A certificate "behaald" must carry a real date: given, not in the future, before expiry."""

import pytest
from sqlmodel import select

from app.models import Certificate
from tests.conftest import COACH


def _count(db, pid: int) -> int:
    db.expire_all()
    return len(db.exec(select(Certificate).where(Certificate.participant_id == pid)).all())


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"cert-obtained_on": "2027-01-15"}, "De behaaldatum ligt in de toekomst."),
        ({}, "Vul de datum in waarop het certificaat is behaald."),
        (
            {"cert-obtained_on": "2026-05-01", "cert-expires_on": "2026-05-01"},
            "De vervaldatum moet na de behaaldatum liggen.",
        ),
    ],
)
def test_impossible_certificate_dates_are_refused(client, auth, db, own_id, fields, message):
    before = _count(db, own_id)
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/certificaten",
        data={"cert-kind": "vca", "cert-status": "obtained", **fields},
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert _count(db, own_id) == before


def test_a_planned_certificate_needs_no_obtained_date(client, auth, db, own_id):
    before = _count(db, own_id)
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/certificaten",
        data={"cert-kind": "bhv", "cert-status": "planned", "cert-planned_on": "2027-02-01"},
    )
    assert response.status_code == 302
    assert _count(db, own_id) == before + 1
