"""Hours, pay and invoices: the money loop. The blueprint lives in `blueprint.py`, so the
attendance code can ask whether a month is approved without loading the money views."""
