"""Dutch texts for the warehouse's refusals and for import errors, by their stable codes.

`inventory` raises errors with a `code` and `params` (English `str()` is for logs); the
screens show these texts instead, so a new code without a text falls back to a general
message rather than to English.
"""

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l

from inventory.errors import InventoryError
from inventory.tabular import MAX_COLUMNS, MAX_ROWS, RowError

INVENTORY = {
    "not_found": _l("Dit gegeven bestaat niet (meer)."),
    "invalid_quantity": _l("Het aantal moet minstens %(minimum)s zijn (ingevuld: %(value)s)."),
    "pallet_overfull": _l(
        "%(units)s stuks passen niet op %(pallets)s pallet(s) van %(units_per_pallet)s stuks."
    ),
    "too_many_pallets": _l(
        "Zoveel pallets passen niet in het magazijn: één ontvangst is hoogstens "
        "%(maximum)s pallets."
    ),
    "concurrent_change": _l(
        "Pallet %(pallet)s is intussen door iemand anders gewijzigd. Probeer het opnieuw."
    ),
    "location_full": _l("Plaats %(location)s is al vol."),
    "no_free_location": _l("Er is geen vrije plaats meer in het magazijn."),
    "insufficient_stock": _l("Pallet %(pallet)s heeft geen %(units)s stuks meer."),
    "invalid_pallet_status": _l("Pallet %(pallet)s kan dit nu niet (status: %(actual)s)."),
    "same_location": _l("Pallet %(pallet)s staat al op %(location)s."),
    "customer_mismatch": _l("Dit hoort bij een andere klant."),
    "customer_inactive": _l("Klant %(customer)s is niet actief."),
    "shipment_already_shipped": _l("Zending %(shipment)s is al verzonden."),
    "shipment_empty": _l("Zending %(shipment)s heeft nog geen regels."),
    "import_invalid": _l("Import geweigerd: %(count)s fout(en), er is niets opgeslagen."),
    "nothing_to_correct": _l(
        "Pallet %(pallet)s heeft al %(units)s stuks: er is niets te corrigeren."
    ),
    "correction_note_missing": _l("Geef een toelichting bij de reden ‘anders’."),
    "correction_note_too_long": _l("De toelichting mag hoogstens %(maximum)s tekens hebben."),
    "reason_only_lowers": _l("Deze reden kan de voorraad alleen verlagen. Kies een andere reden."),
    "reason_only_raises": _l("Deze reden kan de voorraad alleen verhogen. Kies een andere reden."),
}
GENERAL = _l("Deze magazijnhandeling is niet toegestaan.")

UPLOAD = {
    "too_large": _l("Het bestand is te groot (maximaal 2 MB)."),
    "too_many_rows": _l(
        "Het bestand heeft meer dan %(count)s regels. Splits het in kleinere bestanden."
    ),
    "too_many_columns": _l("Een regel in het bestand heeft meer dan %(columns)s kolommen."),
    "wrong_type": _l("Alleen CSV- of Excelbestanden (.csv, .xlsx) zijn toegestaan."),
    "unreadable": _l("Het bestand kon niet worden gelezen. Is het een geldige CSV of Excel?"),
    "expired": _l("De voorvertoning is verlopen. Upload het bestand opnieuw."),
}

COLUMNS = {
    "customer": _l("klant"),
    "article": _l("artikel"),
    "units": _l("aantal"),
    "quantity": _l("aantal"),
    "pallets": _l("pallets"),
    "reference": _l("referentie"),
    "due date": _l("leverdatum"),
    "department": _l("afdeling"),
    "number": _l("ordernummer"),
}

CELLS = {
    "missing_column": _l("deze kolom ontbreekt in het bestand"),
    "required": _l("moet ingevuld zijn"),
    "not_a_whole_number": _l("geen heel getal"),
    "must_be_positive": _l("moet groter dan nul zijn"),
    "not_a_date": _l("geen datum (gebruik bijvoorbeeld 31-12-2026)"),
    "date_out_of_range": _l("datum ligt niet tussen 2000 en 2100"),
    "too_large": _l("getal is te groot"),
    "unknown_customer": _l("onbekende klant"),
    "unknown_article": _l("onbekend artikel voor deze klant"),
    "customer_inactive": _l("klant is niet actief"),
    "invalid_quantity": _l("te weinig stuks voor het aantal pallets"),
    "pallet_overfull": _l("past niet op het aantal pallets"),
    "too_many_pallets": _l("meer pallets dan het magazijn plaatsen heeft"),
    "too_many_pallets_in_file": _l(
        "met deze regel komt het bestand boven het aantal plaatsen van het magazijn"
    ),
    "unknown_department": _l("onbekende afdeling"),
    "number_taken": _l("ordernummer bestaat al"),
    "duplicate_in_file": _l("ordernummer staat meer dan eens in het bestand"),
    "due_in_past": _l("leverdatum ligt in het verleden"),
}
CELL_GENERAL = _l("ongeldige waarde")


def inventory_message(error: InventoryError) -> str:
    template = INVENTORY.get(error.code, GENERAL)
    try:
        return str(template) % error.params
    except (KeyError, TypeError):
        return str(GENERAL)


def upload_message(reason: str) -> str:
    return str(UPLOAD[reason]) % {"count": format_decimal(MAX_ROWS), "columns": MAX_COLUMNS}


def row_error_message(error: RowError) -> str:
    """'Regel 3, kolom aantal: geen heel getal (12,5)': the line as the spreadsheet numbers it."""
    column = str(COLUMNS.get(error.column, error.column))
    problem = str(CELLS.get(error.code, CELL_GENERAL))
    if error.value:
        return str(_l("Regel %(line)s, kolom %(column)s: %(problem)s (%(value)s)")) % {
            "line": error.line,
            "column": column,
            "problem": problem,
            "value": error.value,
        }
    return str(_l("Regel %(line)s, kolom %(column)s: %(problem)s")) % {
        "line": error.line,
        "column": column,
        "problem": problem,
    }
