"""Importing participants: one bad row writes nothing; corrected, every row is registered."""

import io
import re

from sqlmodel import func, select

from app.models import CoachAssignment, Participant, User
from tests.conftest import COACH

HEADER = "voornaam;achternaam;doelgroep;verwijzer;startdatum;dagdelen\n"
GOOD = (
    "Noor;Jansen;Participatiewet;Gemeente Rotterdam;04-01-2027;6\n"
    "Sem;de Wit;statushouder;Gemeente Rotterdam;04-01-2027;4\n"
)
BAD = "Lotte;Zwaanswijk;piraat;Gemeente Rotterdam;04-01-2027;12\n"


def _upload(client, content: str):
    return client.post(
        "/deelnemers/import",
        data={"file": (io.BytesIO(content.encode()), "deelnemers.csv")},
        content_type="multipart/form-data",
    )


def _count(db) -> int:
    db.expire_all()
    return db.exec(select(func.count(Participant.id))).one()


def _confirm(client, page: str):
    token = re.search(r'name="token" type="hidden" value="([^"]+)"', page)
    token = token or re.search(r'id="token" name="token" type="hidden" value="([^"]+)"', page)
    return client.post("/deelnemers/import/bevestigen", data={"token": token.group(1)})


def test_one_bad_row_writes_nothing_until_corrected(client, auth, db):
    auth.login(COACH)
    before = _count(db)
    response = _upload(client, HEADER + GOOD + BAD)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Regel 4, kolom doelgroep: onbekende doelgroep (piraat)" in page
    assert "Regel 4, kolom dagdelen: hoogstens 10 dagdelen per week (12)" in page
    assert 'action="/deelnemers/import/bevestigen"' not in page
    assert _count(db) == before

    corrected = BAD.replace("piraat", "sw").replace(";12", ";5")
    response = _upload(client, HEADER + GOOD + corrected)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Alle 3 deelnemers aanmelden" in page
    assert _count(db) == before  # a preview writes nothing either
    assert _confirm(client, page).status_code == 303
    assert _count(db) == before + 3
    coach = db.exec(select(User).where(User.email == COACH)).one()
    imported = db.exec(select(Participant).where(Participant.last_name == "Zwaanswijk")).one()
    assert (imported.status, imported.active, imported.target_group) == ("registered", False, "sw")
    assignment = db.exec(
        select(CoachAssignment).where(CoachAssignment.participant_id == imported.id)
    ).one()
    assert assignment.coach_id == coach.id
