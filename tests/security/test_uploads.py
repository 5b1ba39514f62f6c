"""Uploads that are too large or of the wrong kind are refused in Dutch, and leave no trace."""

import io
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from app.coaching.models import Attachment, ProgressNote
from app.coaching.progress import MAX_ATTACHMENT_BYTES
from app.models import CoachAssignment, ProductionOrder, User
from app.warehouse.uploads import MAX_UPLOAD_BYTES
from inventory.models import Pallet
from tests.conftest import COACH, MANAGER, make_app

IMPORTS = {"/orders/import": ProductionOrder, "/magazijn/import": Pallet}


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads"))
    yield app
    app.extensions["engine"].dispose()


def stored_files(app) -> list[Path]:
    return [path for path in Path(app.config["UPLOAD_FOLDER"]).rglob("*") if path.is_file()]


def count(db, model) -> int:
    db.expire_all()
    return db.exec(select(func.count()).select_from(model)).one()


def csv_of(size: int) -> bytes:
    line = b"nummer;artikel;aantal\n"
    return line * (size // len(line) + 1)


@pytest.mark.parametrize("path", IMPORTS)
@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("groot.csv", csv_of(MAX_UPLOAD_BYTES + 1), "Het bestand is te groot (maximaal 2 MB)."),
        ("orders.exe", b"MZ\x90\x00", "Alleen CSV- of Excelbestanden (.csv, .xlsx)"),
        ("orders.pdf", b"%PDF-1.4", "Alleen CSV- of Excelbestanden (.csv, .xlsx)"),
    ],
    ids=["too-large", "exe", "pdf"],
)
def test_import_refuses_bad_files(app, client, auth, db, path, filename, content, message):
    auth.login(MANAGER)
    before = count(db, IMPORTS[path])
    response = client.post(path, data={"file": (io.BytesIO(content), filename)})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert count(db, IMPORTS[path]) == before
    assert stored_files(app) == []


def note_path(db) -> str:
    coach = db.exec(select(User).where(User.email == COACH)).one()
    participant_id = db.exec(
        select(CoachAssignment.participant_id).where(CoachAssignment.coach_id == coach.id)
    ).first()
    return f"/deelnemers/{participant_id}/voortgang"


@pytest.mark.parametrize(
    ("filename", "content", "message"),
    [
        ("scan.pdf", b"%PDF" + b"0" * MAX_ATTACHMENT_BYTES, "Het bestand is groter dan 5 MB."),
        ("virus.exe", b"MZ\x90\x00", "Dit soort bestand is niet toegestaan"),
        ("script.html", b"<script>alert(1)</script>", "Dit soort bestand is niet toegestaan"),
    ],
    ids=["too-large", "exe", "html"],
)
def test_attachment_refused_with_its_note(app, client, auth, db, filename, content, message):
    auth.login(COACH)
    notes, attachments = count(db, ProgressNote), count(db, Attachment)
    response = client.post(
        note_path(db),
        data={
            "day": "2026-11-20",
            "text": "Goed gewerkt vandaag.",
            "attachment": (io.BytesIO(content), filename),
        },
    )
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert (count(db, ProgressNote), count(db, Attachment)) == (notes, attachments)
    assert stored_files(app) == []


def test_request_over_the_global_limit_gets_the_dutch_413_page(app, client, auth, db):
    auth.login(COACH)
    notes = count(db, ProgressNote)
    body = b"0" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = client.post(
        note_path(db),
        data={"day": "2026-11-20", "text": "x", "attachment": (io.BytesIO(body), "groot.pdf")},
    )
    assert response.status_code == 413
    assert "Het bestand is te groot." in response.get_data(as_text=True)
    assert count(db, ProgressNote) == notes
    assert stored_files(app) == []
