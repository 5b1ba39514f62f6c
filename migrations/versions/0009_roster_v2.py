"""Certificate cover per department and for the whole site (roster contract version 2).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-04 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "certificatecover",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("minimum", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "\"kind\" IN ('vca', 'bhv', 'forklift', 'code95', 'language')", name="kind_values"
        ),
        sa.CheckConstraint("minimum >= 1", name="minimum_positive"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department_id", "kind"),
    )
    with op.batch_alter_table("certificatecover", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certificatecover_department_id"), ["department_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("certificatecover", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certificatecover_department_id"))
    op.drop_table("certificatecover")
