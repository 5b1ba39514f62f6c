"""Invoices: gapless numbers, Decimal lines with VAT each, credit notes instead of edits.

A number is taken by raising the year's counter as the FIRST write of the transaction that
stores the invoice, so concurrent runs queue on the counter (a row lock on PostgreSQL, the
write lock on SQLite) and a run that fails rolls its number back with everything else: no
number is skipped and none is used twice.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import insert, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from app.money.amounts import ZERO, cents, vat_of
from app.money.models import (
    CustomerBilled,
    Invoice,
    InvoiceCounter,
    InvoiceLine,
    TrajectoryBilled,
)


@dataclass
class DraftLine:
    description: str
    quantity: Decimal
    unit_price: Decimal
    vat_rate: Decimal
    participant_id: int | None = None
    decision_number: str | None = None
    billed_from: date | None = None
    billed_to: date | None = None
    trajectory_id: int | None = None
    # Set when the net is not simply quantity x price (a share of a month's tariff).
    net_override: Decimal | None = None

    @property
    def net(self) -> Decimal:
        if self.net_override is not None:
            return self.net_override
        return cents(self.quantity * self.unit_price)


@dataclass
class Draft:
    """An invoice before it has a number: whom, which period, which lines."""

    kind: str
    period_start: date
    period_end: date
    lines: list[DraftLine] = field(default_factory=list)
    customer_id: int | None = None
    referrer: str | None = None


class AlreadyBilled(Exception):
    """Another run billed (part of) this invoice first; nothing was stored."""


def ensure_counter(db: Session, year: int) -> None:
    """The year's counter row, made in its own short transaction so runs only ever update it."""
    db.rollback()
    if db.get(InvoiceCounter, year) is None:
        db.rollback()  # the insert opens its own transaction, so it waits for a writer
        try:
            db.execute(insert(InvoiceCounter).values(year=year, last_number=0))
            db.commit()
        except IntegrityError:
            db.rollback()  # another run made it first


def take_number(db: Session, year: int) -> str:
    number = db.execute(
        update(InvoiceCounter)
        .where(InvoiceCounter.year == year)
        .values(last_number=InvoiceCounter.last_number + 1)
        .returning(InvoiceCounter.last_number)
    ).scalar_one()
    return f"{year}-{number:05d}"


def store(
    db: Session,
    draft: Draft,
    issued_on: date,
    user_id: int | None,
    *,
    credit_for: Invoice | None = None,
) -> Invoice:
    """Number and store one invoice with its ledger rows, committed; AlreadyBilled if beaten."""
    ensure_counter(db, issued_on.year)
    db.rollback()  # the counter must be this transaction's first write
    try:
        number = take_number(db, issued_on.year)
        lines = [_line(d) for d in draft.lines]
        invoice = Invoice(
            number=number,
            kind=draft.kind,
            customer_id=draft.customer_id,
            referrer=draft.referrer,
            period_start=draft.period_start,
            period_end=draft.period_end,
            issued_on=issued_on,
            credit_for_id=credit_for.id if credit_for else None,
            net=sum((line.net for line in lines), ZERO),
            vat=sum((line.vat for line in lines), ZERO),
            created_by=user_id,
        )
        invoice.total = invoice.net + invoice.vat
        db.add(invoice)
        db.flush()
        for line in lines:
            line.invoice_id = invoice.id
            db.add(line)
        if credit_for is None:
            _guard(db, draft, invoice)
        else:
            _release(db, credit_for)
        db.flush()
        db.commit()
    except IntegrityError as error:
        db.rollback()
        raise AlreadyBilled from error
    return invoice


def _line(draft: DraftLine) -> InvoiceLine:
    net = draft.net
    return InvoiceLine(
        description=draft.description[:300],
        quantity=draft.quantity,
        unit_price=draft.unit_price,
        vat_rate=draft.vat_rate,
        net=net,
        vat=vat_of(net, draft.vat_rate),
        participant_id=draft.participant_id,
        decision_number=draft.decision_number,
        billed_from=draft.billed_from,
        billed_to=draft.billed_to,
    )


def _guard(db: Session, draft: Draft, invoice: Invoice) -> None:
    """The ledger rows whose unique keys stop a second run billing the same thing."""
    month = draft.period_start
    if draft.kind == "customer":
        db.add(CustomerBilled(customer_id=draft.customer_id, month=month, invoice_id=invoice.id))
    for trajectory_id in {d.trajectory_id for d in draft.lines if d.trajectory_id}:
        db.add(TrajectoryBilled(trajectory_id=trajectory_id, month=month, invoice_id=invoice.id))


def _release(db: Session, credited: Invoice) -> None:
    for table in (TrajectoryBilled, CustomerBilled):
        for row in db.exec(select(table).where(table.invoice_id == credited.id)):
            db.delete(row)


class CreditRefused(Exception):
    pass


def credit(db: Session, invoice: Invoice, issued_on: date, user_id: int | None) -> Invoice:
    """A credit note that cancels the invoice line by line; its period can be billed again."""
    if invoice.credit_for_id is not None:
        raise CreditRefused("is_credit")
    if db.exec(select(Invoice.id).where(Invoice.credit_for_id == invoice.id)).first():
        raise CreditRefused("already")
    lines = db.exec(select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id)).all()
    draft = Draft(
        invoice.kind,
        invoice.period_start,
        invoice.period_end,
        [
            DraftLine(
                description=line.description,
                quantity=-line.quantity,
                unit_price=line.unit_price,
                vat_rate=line.vat_rate,
                participant_id=line.participant_id,
                decision_number=line.decision_number,
                billed_from=line.billed_from,
                billed_to=line.billed_to,
                net_override=-line.net,
            )
            for line in lines
        ],
        customer_id=invoice.customer_id,
        referrer=invoice.referrer,
    )
    try:
        return store(db, draft, issued_on, user_id, credit_for=invoice)
    except AlreadyBilled as error:
        raise CreditRefused("already") from error


def lines_of(db: Session, invoice: Invoice) -> list[InvoiceLine]:
    return list(
        db.exec(
            select(InvoiceLine).where(InvoiceLine.invoice_id == invoice.id).order_by(InvoiceLine.id)
        )
    )
