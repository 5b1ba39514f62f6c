"""Translated labels for the stored codes of `app/vocab.py`, for templates and exports."""

from flask_babel import lazy_gettext as _l

LABELS = {
    "role": {
        "admin": _l("Beheerder"),
        "manager": _l("Operationeel manager"),
        "coach": _l("Trajectbegeleider"),
        "customer": _l("Klant"),
        "referrer": _l("Verwijzer"),
    },
    "target_group": {
        "detainee": _l("Gedetineerde"),
        "penitentiary_programme": _l("Penitentiair programma"),
        "community_service": _l("Taakstraf"),
        "participatiewet": _l("Participatiewet"),
        "status_holder": _l("Statushouder"),
        "sw": _l("Beschut werk (SW)"),
        "uwv_other": _l("UWV of anders"),
    },
    "roster_group": {
        "detainee": _l("Gedetineerden"),
        "participatiewet": _l("Participatiewet"),
        "status_holder": _l("Statushouders"),
        "sw": _l("SW"),
        "other": _l("Overig"),
    },
    "clearance": {"inside": _l("Alleen binnen"), "outside": _l("Ook buiten")},
    "participant_status": {
        "registered": _l("aangemeld (wachtlijst)"),
        "intake": _l("intake"),
        "active": _l("actief"),
        "paused": _l("gepauzeerd"),
        "ended": _l("beëindigd"),
    },
    "day": {
        "mon": _l("maandag"),
        "tue": _l("dinsdag"),
        "wed": _l("woensdag"),
        "thu": _l("donderdag"),
        "fri": _l("vrijdag"),
    },
    "day_short": {
        "mon": _l("ma"),
        "tue": _l("di"),
        "wed": _l("wo"),
        "thu": _l("do"),
        "fri": _l("vr"),
    },
    "daypart": {"am": _l("ochtend"), "pm": _l("middag")},
    "certificate": {
        "vca": _l("VCA"),
        "bhv": _l("BHV"),
        "forklift": _l("Heftruck"),
        "code95": _l("Code 95"),
        "language": _l("Taalcursus"),
    },
    "certificate_status": {
        "planned": _l("gepland"),
        "obtained": _l("behaald"),
        "expired": _l("verlopen"),
    },
    "absence": {
        "sick": _l("ziek"),
        "leave": _l("verlof"),
        "appointment": _l("afspraak"),
        "detention": _l("detentie"),
        "other": _l("anders"),
    },
    "order_status": {
        "received": _l("ontvangen"),
        "planned": _l("gepland"),
        "in_production": _l("in productie"),
        "ready": _l("gereed"),
        "shipped": _l("verzonden"),
        "cancelled": _l("geannuleerd"),
    },
    "trajectory_goal": {
        "regular_job": _l("regulier werk"),
        "education": _l("opleiding"),
        "daytime_activity": _l("dagbesteding"),
    },
    "competence": {
        "punctuality": _l("Stiptheid"),
        "cooperation": _l("Samenwerken"),
        "quality": _l("Kwaliteit van werk"),
        "independence": _l("Zelfstandigheid"),
    },
    "referrer_contact": {
        "municipal_case_manager": _l("Casemanager gemeente"),
        "uwv_labour_expert": _l("Arbeidsdeskundige UWV"),
        "prison_case_manager": _l("Casemanager PI"),
        "probation_officer": _l("Reclasseringswerker"),
        "job_coach": _l("Jobcoach"),
    },
    "contact_channel": {
        "phone": _l("telefoon"),
        "email": _l("e-mail"),
        "meeting": _l("overleg"),
        "visit": _l("bezoek"),
    },
    "attendance": {"present": _l("aanwezig"), "late": _l("te laat"), "absent": _l("afwezig")},
    "outcome": {
        "regular_job": _l("regulier werk"),
        "education": _l("opleiding"),
        "sheltered_job": _l("beschut werk"),
        "other_trajectory": _l("ander traject"),
        "back_to_prison": _l("terug naar detentie"),
        "dropped_out": _l("voortijdig gestopt"),
    },
    "audit_action": {
        "view": _l("ingezien"),
        "create": _l("toegevoegd"),
        "update": _l("gewijzigd"),
        "delete": _l("verwijderd"),
        "export": _l("geëxporteerd"),
        "anonymise": _l("geanonimiseerd"),
        "unlock": _l("ontgrendeld"),
    },
    "lock_kind": {"account": _l("Account"), "ip": _l("IP-adres")},
    "pallet_status": {
        "received": _l("in ontvangst"),
        "stored": _l("opgeslagen"),
        "picked": _l("gepickt"),
        "shipped": _l("verzonden"),
    },
    "movement_kind": {
        "receipt": _l("ontvangst"),
        "put_away": _l("wegzetten"),
        "move": _l("verplaatsing"),
        "pick": _l("pick"),
        "shipment": _l("verzending"),
        "correction": _l("correctie"),
    },
    "correction_reason": {
        "count_difference": _l("telverschil"),
        "damage": _l("schade"),
        "found": _l("gevonden"),
        "other": _l("anders"),
    },
    "fill_level": {
        "full": _l("vol"),
        "nearly_full": _l("bijna vol"),
        "busy": _l("deels bezet"),
        "free": _l("leeg"),
    },
}


def label(kind: str, code: str | None) -> str:
    """The label of a code; an unknown code shows as itself rather than failing a page."""
    if code is None:
        return ""
    return str(LABELS.get(kind, {}).get(code, code))
