"""Training sessions with their dayparts and enrolments, the prison's regime events, dated
language and test results, departments' minimum language level, and the participant's own
plan (goals, when it was discussed, the inburgering route), and work supervisors with the
dayparts that need one and their week.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 20:43:08.085968
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "regimeevent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("source", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'lockdown') = (participant_id IS NULL)", name="lockdown_has_no_participant"
        ),
        sa.CheckConstraint(
            "\"daypart\" IS NULL OR \"daypart\" IN ('am', 'pm')", name="daypart_values"
        ),
        sa.CheckConstraint(
            "\"kind\" IN ('court', 'transport', 'visit', 'leave', 'lockdown')", name="kind_values"
        ),
        sa.CheckConstraint("\"source\" IN ('manual', 'import')", name="source_values"),
        sa.CheckConstraint("end_date >= start_date", name="end_after_start"),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("regimeevent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_regimeevent_created_by"), ["created_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_regimeevent_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_regimeevent_start_date"), ["start_date"], unique=False)

    op.create_table(
        "trainingsession",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("provider", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("outside", sa.Boolean(), nullable=False),
        sa.Column("location", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("certificate", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=True),
        sa.Column("valid_months", sa.Integer(), nullable=True),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            '"certificate" IS NULL OR '
            "\"certificate\" IN ('vca', 'bhv', 'forklift', 'code95', 'language')",
            name="certificate_values",
        ),
        sa.CheckConstraint(
            "\"kind\" IN ('course', 'exam', 'language', 'test')", name="kind_values"
        ),
        sa.CheckConstraint("capacity >= 1", name="capacity"),
        sa.CheckConstraint("cost_cents >= 0", name="cost"),
        sa.CheckConstraint("valid_months IS NULL OR valid_months >= 1", name="valid_months"),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("trainingsession", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trainingsession_created_by"), ["created_by"], unique=False
        )

    op.create_table(
        "enrolment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("status", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("enrolled_by", sa.Integer(), nullable=True),
        sa.Column("enrolled_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("result_on", sa.Date(), nullable=True),
        sa.Column("certificate_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "\"status\" IN ('enrolled', 'passed', 'failed', 'no_show')", name="status_values"
        ),
        sa.ForeignKeyConstraint(["certificate_id"], ["certificate.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["enrolled_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["trainingsession.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "participant_id"),
    )
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_enrolment_certificate_id"), ["certificate_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enrolment_enrolled_by"), ["enrolled_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_enrolment_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_enrolment_session_id"), ["session_id"], unique=False)

    op.create_table(
        "trainingday",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.CheckConstraint("\"daypart\" IN ('am', 'pm')", name="daypart_values"),
        sa.ForeignKeyConstraint(["session_id"], ["trainingsession.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("session_id", "day", "daypart"),
    )
    with op.batch_alter_table("trainingday", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trainingday_day"), ["day"], unique=False)
        batch_op.create_index(batch_op.f("ix_trainingday_session_id"), ["session_id"], unique=False)

    op.create_table(
        "departmentlanguage",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("min_level", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.CheckConstraint(
            "\"min_level\" IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')", name="min_level_values"
        ),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department_id"),
    )
    with op.batch_alter_table("departmentlanguage", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_departmentlanguage_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "assessmentresult",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("level", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("outcome", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind != 'language_meter' OR level IS NOT NULL", name="language_level"),
        sa.CheckConstraint(
            "\"kind\" IN ('language_meter', 'competence_test', 'career_test')", name="kind_values"
        ),
        sa.CheckConstraint(
            '"level" IS NULL OR '
            "\"level\" IN ('A1', 'A2', 'B1', 'B2', 'C1', 'C2', '1F', '2F', '3F', '4F')",
            name="level_values",
        ),
        sa.CheckConstraint("score IS NULL OR score BETWEEN 0 AND 100", name="score"),
        sa.ForeignKeyConstraint(["entered_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("assessmentresult", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_assessmentresult_entered_by"), ["entered_by"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_assessmentresult_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "inburgering",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("route", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "\"route\" IN ('b1', 'education', 'self_reliance')", name="route_values"
        ),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id"),
    )
    with op.batch_alter_table("inburgering", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_inburgering_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "plangoal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("agreed_on", sa.Date(), nullable=False),
        sa.Column("next_step", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("reached_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plangoal", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plangoal_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "plandiscussion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("coach_id", sa.Integer(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["coach_id"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("plandiscussion", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plandiscussion_coach_id"), ["coach_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_plandiscussion_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "supervisor",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "supervisionneed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("day", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.CheckConstraint("\"day\" IN ('mon', 'tue', 'wed', 'thu', 'fri')", name="day_values"),
        sa.CheckConstraint("\"daypart\" IN ('am', 'pm')", name="daypart_values"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department_id", "day", "daypart"),
    )
    with op.batch_alter_table("supervisionneed", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervisionneed_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "supervisorshift",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("week", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("day", sqlmodel.sql.sqltypes.AutoString(length=3), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.CheckConstraint("\"day\" IN ('mon', 'tue', 'wed', 'thu', 'fri')", name="day_values"),
        sa.CheckConstraint("\"daypart\" IN ('am', 'pm')", name="daypart_values"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["supervisor_id"], ["supervisor.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("supervisor_id", "week", "day", "daypart"),
    )
    with op.batch_alter_table("supervisorshift", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supervisorshift_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_supervisorshift_supervisor_id"), ["supervisor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_supervisorshift_week"), ["week"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("supervisorshift", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervisorshift_week"))
        batch_op.drop_index(batch_op.f("ix_supervisorshift_supervisor_id"))
        batch_op.drop_index(batch_op.f("ix_supervisorshift_department_id"))

    op.drop_table("supervisorshift")
    with op.batch_alter_table("supervisionneed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supervisionneed_department_id"))

    op.drop_table("supervisionneed")
    op.drop_table("supervisor")

    with op.batch_alter_table("plandiscussion", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plandiscussion_participant_id"))
        batch_op.drop_index(batch_op.f("ix_plandiscussion_coach_id"))

    op.drop_table("plandiscussion")
    with op.batch_alter_table("plangoal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plangoal_participant_id"))

    op.drop_table("plangoal")
    with op.batch_alter_table("inburgering", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inburgering_participant_id"))

    op.drop_table("inburgering")

    with op.batch_alter_table("assessmentresult", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_assessmentresult_participant_id"))
        batch_op.drop_index(batch_op.f("ix_assessmentresult_entered_by"))

    op.drop_table("assessmentresult")
    with op.batch_alter_table("departmentlanguage", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_departmentlanguage_department_id"))

    op.drop_table("departmentlanguage")

    with op.batch_alter_table("trainingday", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trainingday_session_id"))
        batch_op.drop_index(batch_op.f("ix_trainingday_day"))

    op.drop_table("trainingday")
    with op.batch_alter_table("enrolment", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_enrolment_session_id"))
        batch_op.drop_index(batch_op.f("ix_enrolment_participant_id"))
        batch_op.drop_index(batch_op.f("ix_enrolment_enrolled_by"))
        batch_op.drop_index(batch_op.f("ix_enrolment_certificate_id"))

    op.drop_table("enrolment")
    with op.batch_alter_table("trainingsession", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trainingsession_created_by"))

    op.drop_table("trainingsession")
    with op.batch_alter_table("regimeevent", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_regimeevent_start_date"))
        batch_op.drop_index(batch_op.f("ix_regimeevent_participant_id"))
        batch_op.drop_index(batch_op.f("ix_regimeevent_created_by"))

    op.drop_table("regimeevent")
