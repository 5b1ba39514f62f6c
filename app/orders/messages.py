"""Dutch messages for the refusals of the orders area, keyed by their stable codes."""

from flask_babel import lazy_gettext as _l

from app.labels import label

RISKS = {
    "overdue": _l("Te laat: leverdatum verstreken"),
    "forecast_late": _l("Risico: prognose ligt na de leverdatum"),
    "no_recent_output": _l("Risico: geen recente productie, leverdatum binnen een week"),
}

REFUSALS = {
    "unknown_article": _l("Kies een bestaand artikel."),
    "unknown_department": _l("Kies een bestaande afdeling."),
    "number_taken": _l("Ordernummer %(number)s bestaat al."),
    "order_closed": _l("Deze order is afgesloten en kan niet meer worden gewijzigd."),
    "below_made": _l("Er zijn al %(made)s stuks gemaakt; het aantal kan niet lager."),
    "future_day": _l("Productie kan niet voor een dag in de toekomst worden gemeld."),
}


def refusal(reason: str, **params: object) -> str:
    return str(REFUSALS[reason]) % params if params else str(REFUSALS[reason])


def status_refused(current: str, wanted: str) -> str:
    return str(_l("Een order met status '%(current)s' kan niet naar '%(wanted)s'.")) % {
        "current": label("order_status", current),
        "wanted": label("order_status", wanted),
    }
