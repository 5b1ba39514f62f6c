"""Translated labels of the training and regime codes, joined to the shared label table so
templates show them with `label(kind, code)` like every other code."""

from flask_babel import lazy_gettext as _l

from app.labels import LABELS

TRAINING_LABELS = {
    "training_kind": {
        "course": _l("cursus"),
        "exam": _l("examen"),
        "language": _l("taalles"),
        "test": _l("test"),
    },
    "enrolment": {
        "enrolled": _l("ingeschreven"),
        "passed": _l("geslaagd"),
        "failed": _l("niet geslaagd"),
        "no_show": _l("niet gekomen"),
    },
    "assessment": {
        "language_meter": _l("taalmeter"),
        "competence_test": _l("competentietest"),
        "career_test": _l("beroepskeuzetest"),
    },
    "regime": {
        "court": _l("zitting"),
        "transport": _l("transport"),
        "visit": _l("bezoek"),
        "leave": _l("verlof"),
        "lockdown": _l("lock-down"),
    },
}
LABELS.update(TRAINING_LABELS)
