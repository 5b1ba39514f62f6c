"""Backup, change, restore, compare: on whichever database the suite runs on; attachments go
with the database, and a restore refuses anything that is not this application's backup."""

import io
import shutil
import sqlite3
import tarfile
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from app import backup
from app.coaching.models import Attachment
from app.db import make_engine
from app.models import Availability, Participant
from tests.coaching.conftest import caseload_of
from tests.conftest import COACH, make_app


@pytest.fixture
def app(database_url, tmp_path):
    """The app with an attachments folder of its own: a restore replaces that folder."""
    app = make_app(database_url, UPLOAD_FOLDER=str(tmp_path / "uploads"))
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def attachments(tmp_path) -> Path:
    return tmp_path / "uploads" / "attachments"


def _names(app) -> dict[int, str]:
    with Session(app.extensions["engine"]) as session:
        rows = session.exec(select(Participant.id, Participant.first_name).limit(5)).all()
    return dict(rows)


def _vandalise(app) -> None:
    with Session(app.extensions["engine"]) as session:
        for person in session.exec(select(Participant)).all():
            person.first_name = "Gewist"
            session.add(person)
        for row in session.exec(select(Availability)).all():
            session.delete(row)
        session.commit()


def _cli(app, *args: str):
    return app.test_cli_runner().invoke(args=list(args))


def test_backup_change_restore_brings_back_every_row(app, database_url, tmp_path):
    counts = backup.row_counts(database_url)
    names = _names(app)
    assert counts["participant"] == 95 and counts["availability"] > 0
    dump = tmp_path / "fabriek.backup"
    result = _cli(app, "backup", str(dump))
    assert result.exit_code == 0, result.output
    assert dump.stat().st_size > 0

    _vandalise(app)
    assert backup.row_counts(database_url)["availability"] == 0

    refused = _cli(app, "restore", str(dump))
    assert refused.exit_code != 0 and "--force" in refused.output
    assert backup.row_counts(database_url)["availability"] == 0

    app.extensions["engine"].dispose()
    result = _cli(app, "restore", "--force", str(dump))
    assert result.exit_code == 0, result.output
    assert f"Restored {sum(counts.values())} rows" in result.output
    assert backup.row_counts(database_url) == counts
    assert _names(app) == names


@pytest.fixture
def empty_url(database_url, tmp_path):
    """A second, empty database of the same kind as the test's own."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    name = f"{url.database}_empty"
    admin = make_engine(
        url.set(database="postgres").render_as_string(hide_password=False)
    ).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_restore_into_an_empty_database_needs_no_force(
    database_url, empty_url, attachments, tmp_path
):
    dump = tmp_path / "fabriek.backup"
    backup.backup(database_url, dump, attachments)
    assert sum(backup.row_counts(empty_url).values()) == 0
    backup.restore(empty_url, dump, tmp_path / "elsewhere" / "attachments")
    assert backup.row_counts(empty_url) == backup.row_counts(database_url)


def test_restore_refuses_a_file_that_is_no_backup(empty_url, attachments, tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(backup.BackupError):
        backup.restore(empty_url, junk, attachments)


def test_attachments_are_backed_up_and_restored_with_the_database(app, db, attachments, tmp_path):
    client = app.test_client()
    client.post("/inloggen", data={"email": COACH, "password": "Fabriek-demo-2026"})
    pid = caseload_of(db, COACH)[0]
    client.post(
        f"/deelnemers/{pid}/voortgang",
        data={
            "day": "2026-09-01",
            "text": "Verslag",
            "attachment": (io.BytesIO(b"%PDF-1 ja"), "a.pdf"),
        },
        content_type="multipart/form-data",
    )
    url = f"/deelnemers/{pid}/bijlagen/{db.exec(select(Attachment.id)).one()}"
    db.close()  # a transaction left open would block pg_restore
    dump = tmp_path / "fabriek.backup"
    assert _cli(app, "backup", str(dump)).exit_code == 0

    shutil.rmtree(attachments)
    app.extensions["engine"].dispose()
    result = _cli(app, "restore", "--force", str(dump))
    assert result.exit_code == 0, result.output
    assert "and 1 attachments" in result.output
    client.post("/inloggen", data={"email": COACH, "password": "Fabriek-demo-2026"})
    assert client.get(url).data == b"%PDF-1 ja"


def _edit(database: Path, *statements: str) -> Path:
    # Closed, so a database in WAL mode has its changes in the file itself.
    with closing(sqlite3.connect(database)) as conn:
        for statement in statements:
            conn.execute(statement)
        conn.commit()
    return database


def _archive(path: Path, database: Path, member: str = "database.sqlite") -> Path:
    with tarfile.open(path, "w") as archive:
        archive.add(database, arcname=member)
    return path


def _sqlite_only(database_url):
    if make_url(database_url).get_backend_name() != "sqlite":
        pytest.skip("builds SQLite files by hand; the PostgreSQL check reads pg_restore's list")


def test_restore_refuses_another_applications_database(
    app, database_url, empty_url, attachments, tmp_path
):
    counts = backup.row_counts(database_url)
    # Another program's database, backed up the way Fabriek backs up (SQLite or pg_dump).
    engine = make_engine(empty_url)
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"))
        conn.execute(text("INSERT INTO notes (id, body) VALUES (1, 'niet van Fabriek')"))
    engine.dispose()
    foreign = tmp_path / "foreign.backup"
    backup.backup(empty_url, foreign, tmp_path / "foreign-attachments")
    candidates = [foreign]
    if make_url(database_url).get_backend_name() == "sqlite":
        candidates.append(Path(make_url(empty_url).database))  # the bare file, no archive
    app.extensions["engine"].dispose()
    for candidate in candidates:
        result = _cli(app, "restore", "--force", str(candidate))
        assert result.exit_code != 0
        assert "revision is missing" in result.output or "not a Fabriek backup" in result.output
    assert backup.row_counts(database_url) == counts


def test_restore_refuses_another_schema_revision_or_other_tables(
    database_url, attachments, tmp_path
):
    _sqlite_only(database_url)
    dump = tmp_path / "fabriek.backup"
    backup.backup(database_url, dump, attachments)
    with tarfile.open(dump) as archive:
        archive.extract("database.sqlite", tmp_path, filter="data")
    database = tmp_path / "database.sqlite"
    _edit(database, "UPDATE alembic_version SET version_num = '0001'")
    with pytest.raises(backup.BackupError, match="revision is 0001"):
        backup.restore(
            database_url, _archive(tmp_path / "old.backup", database), attachments, force=True
        )
    head = backup.ScriptDirectory.from_config(
        backup.alembic_config(database_url)
    ).get_current_head()
    _edit(database, f"UPDATE alembic_version SET version_num = '{head}'", "DROP TABLE auditentry")
    with pytest.raises(backup.BackupError, match="missing \\['auditentry'\\]"):
        backup.restore(
            database_url, _archive(tmp_path / "less.backup", database), attachments, force=True
        )


def test_restore_refuses_an_archive_with_paths_out_of_its_folder(
    database_url, attachments, tmp_path
):
    dump = tmp_path / "fabriek.backup"
    backup.backup(database_url, dump, attachments)
    with tarfile.open(dump, "a") as archive:
        info = tarfile.TarInfo("attachments/../../escaped.txt")
        info.size = 2
        archive.addfile(info, io.BytesIO(b"ha"))
    with pytest.raises(backup.BackupError):
        backup.restore(database_url, dump, attachments, force=True)
    assert not (tmp_path / "escaped.txt").exists()
    assert not (attachments.parent / "escaped.txt").exists()
