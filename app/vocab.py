"""The fixed vocabularies of the domain, and how to guard a column with one.

Labels for people live in `app/labels.py` (translated); these are the stored codes.
"""

from sqlalchemy import CheckConstraint

ROLES = ("admin", "manager", "coach", "customer", "referrer")
# The target group as the referrer knows it ...
TARGET_GROUPS = (
    "detainee",
    "penitentiary_programme",
    "community_service",
    "participatiewet",
    "status_holder",
    "sw",
    "uwv_other",
)
# ... and the coarser group the roster mixes by (the `groups` of the roster problem).
ROSTER_GROUPS = ("detainee", "participatiewet", "status_holder", "sw", "other")
ROSTER_GROUP_OF = {
    "detainee": "detainee",
    "penitentiary_programme": "detainee",
    "community_service": "other",
    "participatiewet": "participatiewet",
    "status_holder": "status_holder",
    "sw": "sw",
    "uwv_other": "other",
}
CLEARANCES = ("inside", "outside")
DAYS = ("mon", "tue", "wed", "thu", "fri")
DAYPARTS = ("am", "pm")
CERTIFICATE_KINDS = ("vca", "bhv", "forklift", "code95", "language")
CERTIFICATE_STATUSES = ("planned", "obtained", "expired")
ABSENCE_KINDS = ("sick", "leave", "appointment", "detention", "other")
WISH_KINDS = ("prefers", "learning")
# A trajectory: registered (waiting list), intake, active, paused, ended.
PARTICIPANT_STATUSES = ("registered", "intake", "active", "paused", "ended")
ORDER_STATUSES = ("received", "planned", "in_production", "ready", "shipped", "cancelled")


def one_of(column: str, values: tuple[str, ...], *, nullable: bool = False) -> CheckConstraint:
    """A CHECK that keeps a string column within its vocabulary, named after the column."""
    allowed = ", ".join(f"'{value}'" for value in values)
    condition = f'"{column}" IN ({allowed})'
    if nullable:
        condition = f'"{column}" IS NULL OR {condition}'
    return CheckConstraint(condition, name=f"{column}_values")
