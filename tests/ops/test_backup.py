"""Backup, change, restore, compare: on whichever database the suite runs on."""

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import Session, select

from app import backup
from app.db import make_engine
from app.models import Availability, Participant


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


def test_restore_into_an_empty_database_needs_no_force(database_url, empty_url, tmp_path):
    dump = tmp_path / "fabriek.backup"
    backup.backup(database_url, dump)
    assert sum(backup.row_counts(empty_url).values()) == 0
    backup.restore(empty_url, dump)
    assert backup.row_counts(empty_url) == backup.row_counts(database_url)


def test_restore_refuses_a_file_that_is_no_backup(empty_url, tmp_path):
    junk = tmp_path / "junk.backup"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(backup.BackupError):
        backup.restore(empty_url, junk)
