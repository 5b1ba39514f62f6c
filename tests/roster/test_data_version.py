"""The data version moves with every committed write a cached page may show, and only then."""

import threading

from sqlalchemy import update
from sqlmodel import Session, SQLModel, select

from app import backup, dataversion
from app.audit import AuditEntry
from app.db import make_engine
from app.models import Department, Participant
from app.roster import versions
from app.roster.models import SolverJob
from tests.roster.conftest import WEEK


def _version(app) -> dataversion.Version:
    with Session(app.extensions["engine"]) as session:
        return dataversion.current(session)


def test_the_seeded_database_has_a_version(app):
    assert _version(app) is not None


def test_a_committed_change_moves_the_version_and_a_rolled_back_one_does_not(app, db):
    before = _version(app)
    department = db.exec(select(Department)).first()
    department.name = "Ingepakt"
    db.add(department)
    db.flush()
    db.rollback()
    assert _version(app) == before
    department.name = "Ingepakt"
    db.add(department)
    db.commit()
    after = _version(app)
    assert after.epoch == before.epoch and after.number == before.number + 1


def test_statements_through_the_session_move_it(app, db):
    """Conditional UPDATEs (the roster's optimistic lock, the warehouse's place claims) and
    Core statements never pass a flush."""
    roster = versions.new_version(db, WEEK, [], user_id=None)
    db.commit()
    before = _version(app)
    versions.claim(db, roster, roster.revision)
    db.commit()
    claimed = _version(app)
    assert claimed.number == before.number + 1
    db.execute(update(Department.__table__).values(staffing_max=Department.staffing_max + 1))
    db.commit()
    assert _version(app).number == claimed.number + 1


def test_uncommitted_writes_of_the_session_itself_are_never_cached(db):
    assert dataversion.current(db) is not None
    participant = db.exec(select(Participant)).first()
    participant.dayparts_per_week += 1
    db.add(participant)
    assert dataversion.current(db) is None
    db.commit()
    assert dataversion.current(db) is not None


def test_audit_log_login_attempts_and_solver_progress_leave_it_alone(app, db):
    before = _version(app)
    db.add(AuditEntry(action="view", what="dossier"))
    job = SolverJob(week=WEEK)
    db.add(job)
    db.commit()
    job.elapsed, job.best_objective = 1.5, 42.0
    db.add(job)
    db.commit()
    db.execute(update(AuditEntry).values(what="dossier gelezen"))
    db.commit()
    assert _version(app) == before


def test_excluded_tables_exist(app):
    """A renamed table would silently move the version again: keep the list true."""
    assert dataversion.NOT_SHOWN <= set(SQLModel.metadata.tables)


def test_an_increment_undone_with_a_savepoint_is_made_again(app, db):
    """Releasing a savepoint increments inside it; rolling back a savepoint around it takes
    that increment away, while the write before both stays and must still move the version."""
    before = _version(app)
    department = db.exec(select(Department)).first()
    department.name = "Voor de savepoints"
    db.add(department)
    db.flush()
    outer = db.begin_nested()
    inner = db.begin_nested()
    db.add(AuditEntry(action="view", what="x"))
    inner.commit()
    outer.rollback()
    db.commit()
    assert _version(app).number == before.number + 1


def test_a_missing_row_is_created_by_the_next_write(app, db):
    db.execute(dataversion.DataVersion.__table__.delete())
    db.commit()
    assert _version(app) is None
    department = db.exec(select(Department)).first()
    department.staffing_max += 1
    db.add(department)
    db.commit()
    assert _version(app) is not None


def test_two_engines_writing_at_once_lose_no_increment(app, database_url):
    """Separate engines stand for separate processes; the UPDATE is atomic in the database."""
    before = _version(app)
    engines = [make_engine(database_url) for _ in range(2)]

    def write(engine, times: int = 5) -> None:
        for _ in range(times):
            with Session(engine) as session:
                session.add(AuditEntry(action="view", what="x"))
                session.execute(update(Department).values(sort_order=Department.sort_order))
                session.commit()

    threads = [threading.Thread(target=write, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for engine in engines:
        engine.dispose()
    assert _version(app).number == before.number + 10


def test_a_restore_starts_a_new_epoch(app, database_url, tmp_path):
    """A restored database carries an older number that pages were cached under."""
    app.extensions["engine"].dispose()
    dump = tmp_path / "backup.dump"
    backup.backup(database_url, dump, tmp_path / "attachments")
    before = _version(app)
    app.extensions["engine"].dispose()
    backup.restore(database_url, dump, tmp_path / "attachments", force=True)
    after = _version(app)
    app.extensions["engine"].dispose()
    assert after.epoch != before.epoch
