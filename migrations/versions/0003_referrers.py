"""Referrers: contact persons per trajectory, referrer logins, and reports shared with them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-26 17:19:14.531803
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_ROLES = "\"role\" IN ('admin', 'manager', 'coach', 'customer')"
NEW_ROLES = "\"role\" IN ('admin', 'manager', 'coach', 'customer', 'referrer')"
CONTACT_KINDS = (
    "\"kind\" IN ('municipal_case_manager', 'uwv_labour_expert', 'prison_case_manager', "
    "'probation_officer', 'job_coach')"
)


def upgrade() -> None:
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "referrer_organisation",
                sqlmodel.sql.sqltypes.AutoString(length=200),
                nullable=True,
            )
        )
        batch_op.drop_constraint("role_values", type_="check")
        batch_op.create_check_constraint("role_values", NEW_ROLES)
        batch_op.create_check_constraint(
            "referrer_user", "role != 'referrer' OR referrer_organisation IS NOT NULL"
        )

    op.create_table(
        "referrercontact",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("email", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.CheckConstraint(CONTACT_KINDS, name="kind_values"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("referrercontact", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_referrercontact_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "reportshare",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("shared_by", sa.Integer(), nullable=True),
        sa.Column("shared_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["report_id"], ["reportsummary.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["shared_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("report_id", "user_id"),
    )
    with op.batch_alter_table("reportshare", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_reportshare_report_id"), ["report_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_reportshare_shared_by"), ["shared_by"], unique=False)
        batch_op.create_index(batch_op.f("ix_reportshare_user_id"), ["user_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("reportshare", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_reportshare_user_id"))
        batch_op.drop_index(batch_op.f("ix_reportshare_shared_by"))
        batch_op.drop_index(batch_op.f("ix_reportshare_report_id"))
    op.drop_table("reportshare")

    with op.batch_alter_table("referrercontact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrercontact_participant_id"))
    op.drop_table("referrercontact")

    # The old role list has no room for referrer logins: they go with the role.
    op.execute("DELETE FROM \"user\" WHERE role = 'referrer'")
    with op.batch_alter_table("user", schema=None) as batch_op:
        batch_op.drop_constraint("referrer_user", type_="check")
        batch_op.drop_constraint("role_values", type_="check")
        batch_op.create_check_constraint("role_values", OLD_ROLES)
        batch_op.drop_column("referrer_organisation")
