"""Import previews nobody confirmed are removed after a day; confirming a fresh one still works."""

import io
import os
import secrets
from pathlib import Path

import pytest
from sqlmodel import func, select

from app import clock
from inventory.models import Pallet
from tests.conftest import MANAGER, make_app
from tests.warehouse_app.empty import empty_warehouse

DAY = 24 * 3600
NOTICE = "klant;artikel;aantal\nVan Dijk Koffie B.V.;VDK-250;960\n"


@pytest.fixture
def app(database_url, tmp_path):
    app = make_app(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads"))
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def folder(app) -> Path:
    folder = Path(app.config["UPLOAD_FOLDER"])
    (folder / "attachments").mkdir(parents=True)
    return folder


def parked(folder: Path, age_seconds: float, suffix: str = ".csv") -> Path:
    """A preview file as an earlier upload left it, `age_seconds` ago."""
    path = folder / f"{secrets.token_urlsafe(24)}{suffix}"
    path.write_text(NOTICE)
    then = clock.now().timestamp() - age_seconds
    os.utime(path, (then, then))
    return path


def others(folder: Path) -> list[Path]:
    """Old files that are not previews: the cleanup must leave them alone."""
    files = [folder / "attachments" / "a1b2c3d4e5f6a7b8c9d0e1f2.pdf", folder / "leesmij.txt"]
    for path in files:
        path.write_bytes(b"%PDF-1.4")
        os.utime(path, (clock.now().timestamp() - 10 * DAY, clock.now().timestamp() - 10 * DAY))
    return files


def upload(client, text: str = NOTICE):
    return client.post(
        "/magazijn/import",
        data={"file": (io.BytesIO(text.encode()), "aanmelding.csv")},
        content_type="multipart/form-data",
    )


def confirm(client):
    with client.session_transaction() as session:
        token = session["import_inbound"]["token"]
    return client.post("/magazijn/import/bevestigen", data={"token": token}, follow_redirects=True)


def pallets(db) -> int:
    db.expire_all()
    return db.exec(select(func.count(Pallet.id))).one()


def test_an_upload_removes_old_previews_keeps_fresh_ones_and_still_confirms(
    client, auth, db, folder
):
    empty_warehouse(db)
    old, old_excel = parked(folder, DAY + 60), parked(folder, 3 * DAY, ".xlsx")
    fresh = parked(folder, DAY - 600)
    kept = others(folder)
    auth.login(MANAGER)
    assert upload(client).status_code == 200
    assert not old.exists() and not old_excel.exists()
    assert fresh.exists() and all(path.exists() for path in kept)
    assert "2 pallet(s) aangemeld in de ontvangst." in confirm(client).get_data(as_text=True)
    assert pallets(db) == 2
    assert sorted(folder.iterdir()) == sorted([fresh, folder / "attachments", kept[1]])


def test_a_preview_left_longer_than_a_day_cannot_be_confirmed(client, auth, db, folder):
    empty_warehouse(db)
    auth.login(MANAGER)
    upload(client)
    [preview] = [path for path in folder.iterdir() if path.suffix == ".csv"]
    os.utime(preview, (clock.now().timestamp() - DAY - 60, clock.now().timestamp() - DAY - 60))
    page = confirm(client).get_data(as_text=True)
    assert "De voorvertoning is verlopen. Upload het bestand opnieuw." in page
    assert pallets(db) == 0 and not preview.exists()


def test_the_cli_command_removes_what_is_older_than_asked(app, folder):
    old, fresh = parked(folder, 3 * 3600), parked(folder, 60)
    kept = others(folder)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["remove-stale-imports"])
    assert result.exit_code == 0, result.output
    assert "Removed 0 import preview(s) older than 24 hour(s)." in result.output
    result = runner.invoke(args=["remove-stale-imports", "--older-than-hours", "2"])
    assert "Removed 1 import preview(s) older than 2 hour(s)." in result.output
    assert not old.exists() and fresh.exists() and all(path.exists() for path in kept)
    assert runner.invoke(args=["remove-stale-imports", "--older-than-hours", "0"]).exit_code == 2
