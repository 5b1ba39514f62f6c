"""Setting up a workshop in the app: one-time password links, archived departments and
their certificate cover, co-coaches, and the participant's registration, lifecycle and
recorded clearance.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 20:25:50.706999
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STATUSES = "\"status\" IN ('registered', 'intake', 'active', 'paused', 'ended')"
KINDS = "\"kind\" IN ('vca', 'bhv', 'forklift', 'code95', 'language')"


def _text(length: int):
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def upgrade() -> None:
    op.create_table(
        "password_link",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", _text(64), nullable=False),
        sa.Column("expires_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("used_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
    )
    with op.batch_alter_table("password_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_password_link_user_id"), ["user_id"], unique=False)

    with op.batch_alter_table("coachassignment", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("co_coach", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("archived", sa.Boolean(), server_default=sa.false(), nullable=False)
        )

    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("clearance_decided_by", _text(200), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("clearance_decided_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("clearance_valid_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("clearance_recorded_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("status", _text(10), server_default="active", nullable=False))
        batch_op.add_column(sa.Column("referral_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("decision_number", _text(50), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("decision_start", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("decision_end", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("paused_from", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("paused_until", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("form_key", _text(36), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_participant_clearance_recorded_by"),
            ["clearance_recorded_by"],
            unique=False,
        )
        batch_op.create_unique_constraint("uq_participant_form_key", ["form_key"])
        batch_op.create_foreign_key(
            "fk_participant_clearance_recorded_by",
            "user",
            ["clearance_recorded_by"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_check_constraint("status_values", STATUSES)
    # A participant already ended (outcome recorded, off the roster) is ended, not active.
    op.execute("UPDATE participant SET status = 'ended' WHERE NOT active")


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_constraint("status_values", type_="check")
        batch_op.drop_constraint("fk_participant_clearance_recorded_by", type_="foreignkey")
        batch_op.drop_constraint("uq_participant_form_key", type_="unique")
        batch_op.drop_index(batch_op.f("ix_participant_clearance_recorded_by"))
        for column in (
            "form_key",
            "paused_until",
            "paused_from",
            "decision_end",
            "decision_start",
            "decision_number",
            "referral_date",
            "status",
            "clearance_recorded_by",
            "clearance_valid_until",
            "clearance_decided_on",
            "clearance_decided_by",
        ):
            batch_op.drop_column(column)

    with op.batch_alter_table("department", schema=None) as batch_op:
        batch_op.drop_column("archived")

    with op.batch_alter_table("coachassignment", schema=None) as batch_op:
        batch_op.drop_column("co_coach")

    with op.batch_alter_table("password_link", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_password_link_user_id"))
    op.drop_table("password_link")
