"""Progress notes with scores, the chart with its table, and access-checked attachments."""

import io
from pathlib import Path

from sqlmodel import select

from app.coaching.models import Attachment, ProgressNote
from app.config import ROOT
from tests.conftest import COACH, MANAGER, OTHER_COACH


def _note(client, pid: int, day: str, scores: dict, **extra):
    data = {"day": day, "text": f"Notitie {day}", **scores, **extra}
    return client.post(
        f"/deelnemers/{pid}/voortgang", data=data, content_type="multipart/form-data"
    )


def test_notes_with_scores_make_a_timeline_chart_and_table(client, auth, db, own_id):
    auth.login(COACH)
    _note(client, own_id, "2026-09-01", {"punctuality": "2", "quality": "3"})
    _note(client, own_id, "2026-10-01", {"punctuality": "4", "quality": "3"})
    _note(client, own_id, "2026-10-15", {})
    html = client.get(f"/deelnemers/{own_id}/voortgang").get_data(as_text=True)
    assert html.index("Notitie 2026-10-15") < html.index("Notitie 2026-09-01")  # newest first
    assert "<svg" in html and "<polyline" in html
    assert '<table class="score-table">' in html
    notes = db.exec(select(ProgressNote).where(ProgressNote.participant_id == own_id)).all()
    assert sorted((n.day.isoformat(), n.punctuality) for n in notes) == [
        ("2026-09-01", 2),
        ("2026-10-01", 4),
        ("2026-10-15", None),
    ]


def test_score_outside_one_to_five_is_refused(client, auth, db, own_id):
    auth.login(COACH)
    response = _note(client, own_id, "2026-09-01", {"cooperation": "9"})
    assert response.status_code == 400
    assert db.exec(select(ProgressNote).where(ProgressNote.participant_id == own_id)).all() == []


def test_attachment_is_stored_outside_the_web_root_and_served_only_to_allowed_users(
    app, client, auth, db, own_id, tmp_path
):
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    auth.login(COACH)
    response = _note(
        client,
        own_id,
        "2026-09-01",
        {},
        attachment=(io.BytesIO(b"%PDF-1.4 verslag"), "verslag werkgever.pdf"),
    )
    assert response.status_code == 302
    attachment = db.exec(select(Attachment).where(Attachment.participant_id == own_id)).one()
    stored = Path(app.config["UPLOAD_FOLDER"]) / "attachments" / attachment.stored_name
    assert stored.read_bytes() == b"%PDF-1.4 verslag"
    assert not stored.resolve().is_relative_to(ROOT / "app" / "static")
    url = f"/deelnemers/{own_id}/bijlagen/{attachment.id}"
    download = client.get(url)
    assert download.status_code == 200 and download.data == b"%PDF-1.4 verslag"
    assert "attachment" in download.headers["Content-Disposition"]
    auth.logout()
    auth.login(OTHER_COACH)
    assert client.get(url).status_code == 403
    auth.logout()
    auth.login(MANAGER)
    assert client.get(url).status_code == 200


def test_attachment_of_wrong_type_or_too_large_is_refused_and_nothing_saved(
    app, client, auth, db, own_id, tmp_path
):
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    auth.login(COACH)
    bad = _note(client, own_id, "2026-09-01", {}, attachment=(io.BytesIO(b"MZ"), "virus.exe"))
    assert bad.status_code == 400
    assert "Dit soort bestand is niet toegestaan" in bad.get_data(as_text=True)
    big = io.BytesIO(b"x" * (5 * 1024 * 1024 + 1))
    too_big = _note(client, own_id, "2026-09-01", {}, attachment=(big, "groot.pdf"))
    assert too_big.status_code == 400
    assert db.exec(select(ProgressNote).where(ProgressNote.participant_id == own_id)).all() == []
    assert not list((tmp_path / "uploads").rglob("*.*"))


def test_attachment_of_another_participant_is_404(app, client, auth, db, own_id, tmp_path):
    app.config["UPLOAD_FOLDER"] = str(tmp_path / "uploads")
    auth.login(MANAGER)
    _note(client, own_id, "2026-09-01", {}, attachment=(io.BytesIO(b"tekst"), "a.txt"))
    attachment = db.exec(select(Attachment)).one()
    assert client.get(f"/deelnemers/{own_id + 1}/bijlagen/{attachment.id}").status_code == 404
