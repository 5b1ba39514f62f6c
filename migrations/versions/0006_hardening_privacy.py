"""Signed-in sessions kept on the server, so logging out ends them; shared reports as a
snapshot for the referring organisation.

Shares made before this revision showed the participant's live file, so they are withdrawn:
the coach shares the report again, which stores it as it is then.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 20:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "login_session",
        sa.Column("token", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("started_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["user.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("token"),
    )
    with op.batch_alter_table("login_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_session_started_at"), ["started_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_login_session_user_id"), ["user_id"], unique=False)

    op.execute("DELETE FROM reportshare")
    # Always recreated: SQLite adds no NOT NULL column without a default, even to an empty table.
    with op.batch_alter_table("reportshare", schema=None, recreate="always") as batch_op:
        batch_op.add_column(
            sa.Column("organisation", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False)
        )
        batch_op.add_column(sa.Column("html", sa.Text(), nullable=False))
        batch_op.add_column(sa.Column("pdf", sa.LargeBinary(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("reportshare", schema=None, recreate="always") as batch_op:
        batch_op.drop_column("pdf")
        batch_op.drop_column("html")
        batch_op.drop_column("organisation")

    with op.batch_alter_table("login_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_session_user_id"))
        batch_op.drop_index(batch_op.f("ix_login_session_started_at"))

    op.drop_table("login_session")
