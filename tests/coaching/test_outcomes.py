"""Closing trajectories, the outflow dashboard and its exports, and anonymising."""

from io import BytesIO

from openpyxl import load_workbook
from sqlmodel import select

from app.audit import AuditEntry
from app.coaching.anonymise import anonymise_due
from app.coaching.models import Outcome, ProgressNote, SensitiveInfo
from app.models import Participant
from tests import dates
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, MANAGER


def _close(client, pid: int, day: str, kind: str, destination: str = "") -> None:
    response = client.post(
        f"/deelnemers/{pid}/afsluiten",
        data={"ended_on": day, "kind": kind, "destination": destination},
    )
    assert response.status_code == 302


def test_closing_takes_the_participant_off_the_roster(client, auth, db, own_id):
    auth.login(COACH)
    _close(client, own_id, "2026-11-20", "regular_job", "Bakkerij De Korf")
    db.expire_all()
    assert db.get(Participant, own_id).active is False
    outcome = db.exec(select(Outcome).where(Outcome.participant_id == own_id)).one()
    assert (outcome.kind, outcome.destination) == ("regular_job", "Bakkerij De Korf")


def test_dashboard_counts_per_quarter_and_exports(client, auth, db):
    ids = caseload_of(db, COACH)[:3]
    auth.login(COACH)
    _close(client, ids[0], "2026-02-10", "regular_job")
    _close(client, ids[1], "2026-05-10", "education")
    _close(client, ids[2], "2026-05-20", "regular_job")
    auth.logout()
    auth.login(MANAGER)
    html = client.get("/deelnemers/uitstroom").get_data(as_text=True)
    assert "3 afgesloten trajecten." in html
    assert "2026-K1" in html and "2026-K2" in html
    csv = client.get("/deelnemers/uitstroom.csv").data.decode("utf-8-sig")
    assert csv.splitlines()[0].startswith("Code;Kwartaal;Einddatum;Uitstroom naar")
    assert len(csv.splitlines()) == 4
    book = load_workbook(BytesIO(client.get("/deelnemers/uitstroom.xlsx").data))
    kinds = [row[3] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert sorted(kinds) == ["opleiding", "regulier werk", "regulier werk"]


def test_anonymising_removes_names_notes_and_sensitive_data(client, auth, db, own_id):
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/voortgang", data={"day": "2026-01-05", "text": "privé"})
    client.post(f"/deelnemers/{own_id}/gevoelig", data={"sensitive-offence": "geheim"})
    _close(client, own_id, "2025-01-01", "dropped_out")
    other = caseload_of(db, COACH)[1]
    _close(client, other, dates.TODAY.isoformat(), "education")
    assert anonymise_due(db, older_than_days=365) == 1
    db.commit()
    db.expire_all()
    participant = db.get(Participant, own_id)
    assert participant.last_name == "geanonimiseerd" and participant.first_name == participant.code
    assert db.exec(select(ProgressNote).where(ProgressNote.participant_id == own_id)).all() == []
    assert db.exec(select(SensitiveInfo).where(SensitiveInfo.participant_id == own_id)).all() == []
    assert db.get(Participant, other).last_name != "geanonimiseerd"
    entry = db.exec(select(AuditEntry).order_by(AuditEntry.id.desc())).first()
    assert (entry.action, entry.participant_id) == ("anonymise", own_id)
    assert anonymise_due(db, older_than_days=365) == 0


def test_cli_command_anonymises(app, client, auth, db, own_id):
    auth.login(COACH)
    _close(client, own_id, "2024-01-01", "back_to_prison")
    result = app.test_cli_runner().invoke(
        args=["anonymise-participants", "--older-than-days", "30"]
    )
    assert result.exit_code == 0 and "Anonymised 1 participant(s)." in result.output
    db.expire_all()
    assert db.get(Participant, own_id).last_name == "geanonimiseerd"
