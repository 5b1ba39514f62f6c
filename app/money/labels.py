"""Translated labels of the money area's stored codes."""

from flask_babel import lazy_gettext as _l

MONEY_LABELS = {
    "pay_kind": {
        "labour_pay": _l("arbeidsloon (per uur)"),
        "sw_hours": _l("SW-uren"),
        "participation_allowance": _l("participatievergoeding"),
        "volunteer_allowance": _l("vrijwilligersvergoeding"),
        "none": _l("geen vergoeding"),
    },
    "rate_unit": {"hour": _l("per uur"), "day": _l("per aanwezige dag"), "month": _l("per maand")},
    "tariff_kind": {
        "month": _l("per maand"),
        "day_present": _l("per dag aanwezig"),
        "trajectory": _l("per traject"),
    },
    "invoice_kind": {"customer": _l("klant"), "referrer": _l("verwijzer")},
}


def money_label(kind: str, code: str | None) -> str:
    if code is None:
        return ""
    return str(MONEY_LABELS[kind].get(code, code))
