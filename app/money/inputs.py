"""Reading the money forms' fields: a bad value becomes a message, never a 500."""

from datetime import date

from flask_babel import gettext as _
from sqlmodel import select

from app.money.amounts import parse_amount

DATE_ERROR = "date"


def read_date(text: str | None) -> date | None:
    try:
        day = date.fromisoformat(text or "")
    except ValueError:
        return None
    return day if 2000 <= day.year <= 2100 else None


def read_fields(form, spec: dict[str, tuple[str, object]]) -> tuple[dict, dict]:
    """`spec` maps a form field to (attribute, kind): "date", "amount", "price", "text", or a
    tuple of allowed codes. Returns the values by attribute and the errors by field."""
    values, errors = {}, {}
    for name, (attribute, kind) in spec.items():
        raw = (form.get(name) or "").strip()
        if kind == "date":
            value = read_date(raw)
            message = _("Vul een geldige datum in (dd-mm-jjjj).")
        elif kind in ("amount", "price"):
            value = parse_amount(raw, places=2 if kind == "amount" else 4)
            message = _("Vul een bedrag in euro's in, bijvoorbeeld 3,25.")
        elif kind == "text":
            value = raw[:50] or None
            message = _("Vul dit veld in.")
        else:
            value = raw if raw in kind else None
            message = _("Kies een van de mogelijkheden.")
        values[attribute] = value
        if value is None:
            errors[name] = message
    return values, errors


def chosen(form, people: list, errors: dict):
    """The participant picked in the form's "deelnemer" field, from those the user may pick."""
    pid = form.get("deelnemer", "")
    participant = next((p for p in people if str(p.id) == pid), None)
    if participant is None:
        errors["deelnemer"] = _("Kies een deelnemer.")
    return participant


def save_for_participant(db, table, participant_id: int, values: dict):
    """Set the participant's one row of `table` (made when missing) to `values`."""
    row = db.exec(select(table).where(table.participant_id == participant_id)).first()
    row = row or table(participant_id=participant_id)
    for attribute, value in values.items():
        setattr(row, attribute, value)
    db.add(row)
    return row
