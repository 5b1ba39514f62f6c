"""Attendance times and walk-ins, department hours, approved hours and corrections, pay
rates, trajectory billing, invoices with gapless numbers, article and storage prices.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 20:25:53.532745
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op


revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "invoice_counter",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("last_number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year"),
    )
    op.create_table(
        "pay_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.Column("unit", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("amount", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "\"kind\" IN ('labour_pay', 'sw_hours', 'participation_allowance', 'volunteer_allowance')",
            name="kind_values",
        ),
        sa.CheckConstraint("\"unit\" IN ('hour', 'day', 'month')", name="unit_values"),
        sa.CheckConstraint("amount >= 0", name="amount_not_negative"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("kind", "valid_from"),
    )
    op.create_table(
        "storage_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("price_per_pallet_day", sa.Numeric(precision=12, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.CheckConstraint("price_per_pallet_day >= 0", name="price_not_negative"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("valid_from"),
    )
    op.create_table(
        "department_hours",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("daypart", sqlmodel.sql.sqltypes.AutoString(length=2), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.CheckConstraint("\"daypart\" IN ('am', 'pm')", name="daypart_values"),
        sa.CheckConstraint("end_time > start_time", name="end_after_start"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("department_id", "daypart"),
    )
    with op.batch_alter_table("department_hours", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_department_hours_department_id"), ["department_id"], unique=False
        )

    op.create_table(
        "pay_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=30), nullable=False),
        sa.CheckConstraint(
            "\"kind\" IN ('labour_pay', 'sw_hours', 'participation_allowance', 'volunteer_allowance', 'none')",
            name="kind_values",
        ),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id"),
    )
    with op.batch_alter_table("pay_profile", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pay_profile_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "trajectory_billing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("referrer", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("decision_number", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("tariff_kind", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("tariff", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.CheckConstraint(
            "\"tariff_kind\" IN ('month', 'day_present', 'trajectory')", name="tariff_kind_values"
        ),
        sa.CheckConstraint("end_date >= start_date", name="end_after_start"),
        sa.CheckConstraint("tariff >= 0", name="tariff_not_negative"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id"),
    )
    with op.batch_alter_table("trajectory_billing", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_billing_participant_id"), ["participant_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trajectory_billing_referrer"), ["referrer"], unique=False
        )

    op.create_table(
        "article_price",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=12, scale=4), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("valid_from", sa.Date(), nullable=False),
        sa.CheckConstraint("unit_price >= 0", name="price_not_negative"),
        sa.ForeignKeyConstraint(["article_id"], ["article.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("article_id", "valid_from"),
    )
    with op.batch_alter_table("article_price", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_article_price_article_id"), ["article_id"], unique=False
        )

    op.create_table(
        "hours_approval",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("approved_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["approved_by"], ["user.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("month"),
    )
    with op.batch_alter_table("hours_approval", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hours_approval_approved_by"), ["approved_by"], unique=False
        )

    op.create_table(
        "hours_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("department_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("booked_month", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint("minutes <> 0", name="minutes_not_zero"),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["department_id"], ["department.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("hours_correction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hours_correction_booked_month"), ["booked_month"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hours_correction_created_by"), ["created_by"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hours_correction_department_id"), ["department_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_hours_correction_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "invoice",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=True),
        sa.Column("referrer", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("credit_for_id", sa.Integer(), nullable=True),
        sa.Column("net", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("vat", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("total", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "(kind = 'customer' AND customer_id IS NOT NULL) OR (kind = 'referrer' AND referrer IS NOT NULL)",
            name="addressee",
        ),
        sa.CheckConstraint("\"kind\" IN ('customer', 'referrer')", name="kind_values"),
        sa.CheckConstraint("period_end >= period_start", name="period"),
        sa.ForeignKeyConstraint(["created_by"], ["user.id"], ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["credit_for_id"], ["invoice.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("credit_for_id"),
        sa.UniqueConstraint("number"),
    )
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_invoice_created_by"), ["created_by"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_invoice_credit_for_id"), ["credit_for_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_invoice_customer_id"), ["customer_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_invoice_referrer"), ["referrer"], unique=False)

    op.create_table(
        "invoice_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.Column("quantity", sa.Numeric(precision=12, scale=3), nullable=False),
        sa.Column("unit_price", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("vat_rate", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("net", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("vat", sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=True),
        sa.Column("decision_number", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=True),
        sa.Column("billed_from", sa.Date(), nullable=True),
        sa.Column("billed_to", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_invoice_line_invoice_id"), ["invoice_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_invoice_line_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "trajectory_billed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trajectory_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["trajectory_id"], ["trajectory_billing.id"], ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("trajectory_id", "month"),
    )
    with op.batch_alter_table("trajectory_billed", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_trajectory_billed_invoice_id"), ["invoice_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_trajectory_billed_trajectory_id"), ["trajectory_id"], unique=False
        )

    op.create_table(
        "customer_billed",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("invoice_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["customer_id"], ["customer.id"], ondelete="RESTRICT"),
        sa.ForeignKeyConstraint(["invoice_id"], ["invoice.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("customer_id", "month"),
    )
    with op.batch_alter_table("customer_billed", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_customer_billed_customer_id"), ["customer_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_customer_billed_invoice_id"), ["invoice_id"], unique=False
        )

    op.create_table(
        "community_service",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("case_number", sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column("hours_imposed", sa.Integer(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.CheckConstraint("deadline >= start_date", name="deadline_after_start"),
        sa.CheckConstraint("hours_imposed > 0 AND hours_imposed <= 240", name="hours_imposed"),
        sa.ForeignKeyConstraint(["participant_id"], ["participant.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("participant_id"),
    )
    with op.batch_alter_table("community_service", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_community_service_participant_id"), ["participant_id"], unique=False
        )

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_time", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("end_time", sa.Time(), nullable=True))
        batch_op.add_column(
            sa.Column("walk_in", sa.Boolean(), nullable=False, server_default=sa.false())
        )
        batch_op.create_check_constraint(
            "end_after_start", "end_time IS NULL OR start_time IS NULL OR end_time > start_time"
        )


def downgrade() -> None:
    op.drop_table("community_service")
    op.drop_table("customer_billed")
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_constraint("end_after_start", type_="check")
        batch_op.drop_column("walk_in")
        batch_op.drop_column("end_time")
        batch_op.drop_column("start_time")

    with op.batch_alter_table("trajectory_billed", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_billed_trajectory_id"))
        batch_op.drop_index(batch_op.f("ix_trajectory_billed_invoice_id"))

    op.drop_table("trajectory_billed")
    with op.batch_alter_table("invoice_line", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_line_participant_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_line_invoice_id"))

    op.drop_table("invoice_line")
    with op.batch_alter_table("invoice", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_invoice_referrer"))
        batch_op.drop_index(batch_op.f("ix_invoice_customer_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_credit_for_id"))
        batch_op.drop_index(batch_op.f("ix_invoice_created_by"))

    op.drop_table("invoice")
    with op.batch_alter_table("hours_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hours_correction_participant_id"))
        batch_op.drop_index(batch_op.f("ix_hours_correction_department_id"))
        batch_op.drop_index(batch_op.f("ix_hours_correction_created_by"))
        batch_op.drop_index(batch_op.f("ix_hours_correction_booked_month"))

    op.drop_table("hours_correction")
    with op.batch_alter_table("hours_approval", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hours_approval_approved_by"))

    op.drop_table("hours_approval")
    with op.batch_alter_table("article_price", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_article_price_article_id"))

    op.drop_table("article_price")
    with op.batch_alter_table("trajectory_billing", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trajectory_billing_referrer"))
        batch_op.drop_index(batch_op.f("ix_trajectory_billing_participant_id"))

    op.drop_table("trajectory_billing")
    with op.batch_alter_table("pay_profile", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pay_profile_participant_id"))

    op.drop_table("pay_profile")
    with op.batch_alter_table("department_hours", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_department_hours_department_id"))

    op.drop_table("department_hours")
    op.drop_table("storage_rate")
    op.drop_table("pay_rate")
    op.drop_table("invoice_counter")
