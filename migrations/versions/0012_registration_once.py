"""A registration is written once through the once-only form keys (app/submissions.py),
like every other form that writes; the participant's own form_key column goes.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05 00:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.drop_constraint("uq_participant_form_key", type_="unique")
        batch_op.drop_column("form_key")


def downgrade() -> None:
    with op.batch_alter_table("participant", schema=None) as batch_op:
        batch_op.add_column(sa.Column("form_key", sa.String(length=36), nullable=True))
        batch_op.create_unique_constraint("uq_participant_form_key", ["form_key"])
