"""Stored codes of the money area; labels live in `app/money/labels.py`."""

# The kinds of pay the workshop handles, each with the unit its rate is set in.
PAY_KINDS = ("labour_pay", "sw_hours", "participation_allowance", "volunteer_allowance")
RATE_UNITS = ("hour", "day", "month")
# Which kind of pay a target group gets unless the participant's pay profile says otherwise;
# community service (taakstraf) is unpaid, UWV and others are paid by their own scheme.
PAY_KIND_OF_GROUP = {
    "detainee": "labour_pay",
    "penitentiary_programme": "labour_pay",
    "sw": "sw_hours",
    "participatiewet": "participation_allowance",
    "status_holder": "participation_allowance",
}
TARIFF_KINDS = ("month", "day_present", "trajectory")
INVOICE_KINDS = ("customer", "referrer")
