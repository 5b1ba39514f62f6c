"""Department closures on dates: a public holiday closes the whole site (no department), a
machine down closes one department, for a whole day or one daypart.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-04 22:00:10.190864
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0011"
down_revision: str | Sequence[str] | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "departmentclosure",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=True),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "\"daypart\" IS NULL OR \"daypart\" IN ('am', 'pm')", name="daypart_values"
        ),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department_id", "day", "daypart"),
    )
    with op.batch_alter_table("departmentclosure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_departmentclosure_created_by"), ["created_by"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_departmentclosure_day"), ["day"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_departmentclosure_department_id"), ["department_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("departmentclosure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_departmentclosure_department_id"))
        batch_op.drop_index(batch_op.f("ix_departmentclosure_day"))
        batch_op.drop_index(batch_op.f("ix_departmentclosure_created_by"))
    op.drop_table("departmentclosure")
