"""The first-run checklist an admin sees on an empty install, until every step is done."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l
from sqlalchemy import func
from sqlmodel import Session, select

from app.models import Department, Participant, User
from inventory.models import Customer


@dataclass(frozen=True)
class Step:
    title: str
    hint: str
    endpoint: str
    done: bool


def setup_steps(db: Session) -> list[Step]:
    """The steps in the order a workshop needs them; each is done once one row exists."""

    def count(query) -> int:
        return db.exec(select(func.count()).select_from(query.subquery())).one()

    return [
        Step(
            str(_l("Afdelingen")),
            str(_l("Waar gewerkt wordt, met bezetting en verplichte certificaten.")),
            "admin.departments",
            count(select(Department.id)) > 0,
        ),
        Step(
            str(_l("Gebruikers")),
            str(_l("Een manager en de trajectbegeleiders.")),
            "admin.users",
            count(select(User.id).where(User.role != "admin")) > 0,
        ),
        Step(
            str(_l("Deelnemers")),
            str(_l("Aanmelden, of in één keer importeren uit een spreadsheet.")),
            "coaching.register",
            count(select(Participant.id)) > 0,
        ),
        Step(
            str(_l("Klanten")),
            str(_l("Voor wie er geproduceerd wordt, met hun artikelen.")),
            "orders.customers",
            count(select(Customer.id)) > 0,
        ),
    ]
