"""Stock corrections with their reason, the referrer contact log, lifted login lock-outs,
and the data version that tells the week-view cache when anything changed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-26 19:09:59.713841
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "dataversion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("epoch", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("number", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("id = 1", name="single_row"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "login_lock_release",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.CheckConstraint("\"kind\" IN ('account', 'ip')", name="kind_values"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("login_lock_release", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_login_lock_release_at"), ["at"], unique=False)
        batch_op.create_index(batch_op.f("ix_login_lock_release_value"), ["value"], unique=False)

    op.create_table(
        "referrercontactlog",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=True),
        sa.Column("channel", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("summary", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("entered_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "\"channel\" IN ('phone', 'email', 'meeting', 'visit')", name="channel_values"
        ),
        sa.ForeignKeyConstraint(["contact_id"], ["referrercontact.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["entered_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referrercontactlog", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referrercontactlog_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referrercontactlog_entered_by"), ["entered_by"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_referrercontactlog_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "stock_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("movement_id", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("counted_units", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "reason <> 'other' OR note IS NOT NULL", name="ck_stock_correction_note"
        ),
        sa.CheckConstraint(
            "reason IN ('count_difference', 'damage', 'found', 'other')",
            name="ck_stock_correction_reason",
        ),
        sa.CheckConstraint("counted_units >= 0", name="ck_stock_correction_counted"),
        sa.ForeignKeyConstraint(
            ["movement_id"],
            ["stock_movement.id"],
        ),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("movement_id"),
    )


def downgrade() -> None:
    op.drop_table("stock_correction")
    with op.batch_alter_table("referrercontactlog", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrercontactlog_participant_id"))
        batch_op.drop_index(batch_op.f("ix_referrercontactlog_entered_by"))
        batch_op.drop_index(batch_op.f("ix_referrercontactlog_contact_id"))

    op.drop_table("referrercontactlog")
    with op.batch_alter_table("login_lock_release", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_lock_release_value"))
        batch_op.drop_index(batch_op.f("ix_login_lock_release_at"))

    op.drop_table("login_lock_release")
    op.drop_table("dataversion")
