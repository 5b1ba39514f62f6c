"""The prison's regime: court dates, transport, visits, leave and lock-downs of detainees."""
