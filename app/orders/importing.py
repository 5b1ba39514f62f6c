"""Production orders from a spreadsheet: every line checked, then all written or none.

The file rules come from `inventory.tabular`; this module checks what only the database
knows (customers, articles, departments, order numbers) and reports it against the
spreadsheet's own line and column, like the file errors.
"""

from dataclasses import dataclass
from datetime import date

import pandas as pd
from sqlalchemy import func
from sqlmodel import Session, or_, select

from app import clock
from app.models import Department, ProductionOrder
from app.orders.services import number_taken, save_order
from inventory.errors import ImportInvalid
from inventory.models import Article, Customer
from inventory.tabular import (
    PRODUCTION_ORDER_COLUMNS,
    Column,
    Lookups,
    Row,
    RowError,
    text,
    validate_rows,
)

ORDER_COLUMNS = (
    *PRODUCTION_ORDER_COLUMNS,
    Column("number", text, required=False, aliases=("ordernummer", "order")),
)


@dataclass(frozen=True)
class OrderDraft:
    line: int
    number: str | None
    customer: Customer
    article: Article
    department: Department
    quantity: int
    due_date: date


def _lookup(session: Session, found: Lookups, row: Row, today: date) -> OrderDraft | RowError:
    values = row.values
    name = values["customer"].lower()
    customer = found.first(
        ("customer", name),
        lambda: select(Customer).where(func.lower(Customer.name) == name),
    )
    if customer is None:
        return RowError(row.line, "customer", "unknown_customer", values["customer"])
    if not customer.active:
        return RowError(row.line, "customer", "customer_inactive", values["customer"])
    code = values["article"].lower()
    article = found.first(
        ("article", customer.id, code),
        lambda: select(Article).where(
            Article.customer_id == customer.id, func.lower(Article.code) == code
        ),
    )
    if article is None:
        return RowError(row.line, "article", "unknown_article", values["article"])
    wanted = values["department"].lower()
    department = found.first(
        ("department", wanted),
        lambda: select(Department).where(
            or_(func.lower(Department.code) == wanted, func.lower(Department.name) == wanted)
        ),
    )
    if department is None:
        return RowError(row.line, "department", "unknown_department", values["department"])
    if values["due date"] < today:
        return RowError(row.line, "due date", "due_in_past", values["due date"].isoformat())
    number = values["number"]
    if number and number_taken(session, number):
        return RowError(row.line, "number", "number_taken", number)
    return OrderDraft(
        row.line, number, customer, article, department, values["quantity"], values["due date"]
    )


def parse_orders(
    session: Session, frame: pd.DataFrame, today: date | None = None
) -> tuple[list[OrderDraft], list[RowError]]:
    """Check every line; return the orders it would create and every error found."""
    today = today or clock.today()
    rows, errors = validate_rows(frame, ORDER_COLUMNS)
    drafts: list[OrderDraft] = []
    seen: set[str] = set()
    found = Lookups(session)
    for row in rows:
        result = _lookup(session, found, row, today)
        if isinstance(result, RowError):
            errors.append(result)
            continue
        if result.number and result.number in seen:
            errors.append(RowError(row.line, "number", "duplicate_in_file", result.number))
            continue
        seen.add(result.number or "")
        drafts.append(result)
    return drafts, sorted(errors, key=lambda error: (error.line, error.column))


def apply_orders(
    session: Session, frame: pd.DataFrame, user_id: int | None, today: date | None = None
) -> list[ProductionOrder]:
    """Create every order of the file, or raise `import_invalid` having written nothing.

    The caller commits; on a refusal nothing was added to the session.
    """
    drafts, errors = parse_orders(session, frame, today)
    if errors:
        raise ImportInvalid(count=len(errors), errors=errors)
    return [
        save_order(
            session,
            None,
            number=draft.number,
            article_id=draft.article.id,
            department_id=draft.department.id,
            quantity=draft.quantity,
            due_date=draft.due_date,
            user_id=user_id,
        )
        for draft in drafts
    ]
