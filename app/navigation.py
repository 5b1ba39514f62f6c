"""The main menu: each entry names the roles that see it.

Entries whose endpoint is not registered are skipped, so an area's blueprint brings its
menu entry to life just by being registered.
"""

from flask import current_app
from flask_babel import lazy_gettext as _l

from app.auth.access import MANAGERS, STAFF

MENU = (
    ("main.home", _l("Start"), ("admin", "manager", "coach", "customer", "referrer")),
    ("roster.week", _l("Rooster"), MANAGERS),
    ("coaching.caseload", _l("Deelnemers"), STAFF),
    ("coaching.outcomes", _l("Uitstroom"), MANAGERS),
    ("training.calendar", _l("Trainingen"), STAFF),
    ("regime.events", _l("Regime"), MANAGERS),
    ("supervision.index", _l("Werkmeesters"), MANAGERS),
    ("orders.index", _l("Orders"), MANAGERS),
    ("warehouse.index", _l("Magazijn"), MANAGERS),
    ("money.hours_page", _l("Geld"), ("manager",)),
    ("money.community_service", _l("Taakstraffen"), ("manager", "coach")),
    ("portal.orders", _l("Mijn orders"), ("customer",)),
    ("portal.stock", _l("Mijn voorraad"), ("customer",)),
    ("admin.users", _l("Gebruikers"), ("admin",)),
    ("admin.departments", _l("Afdelingen"), MANAGERS),
    ("admin.audit", _l("Auditlog"), ("admin",)),
    ("admin.lockouts", _l("Inlogblokkades"), ("admin",)),
)


def menu_for(role: str | None) -> list[tuple[str, str]]:
    return [
        (endpoint, str(label))
        for endpoint, label, roles in MENU
        if role in roles and endpoint in current_app.view_functions
    ]
