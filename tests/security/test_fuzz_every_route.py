"""Every route, as every role, fed integers past 64 bits and dates past 9999: never a 500.

The values go everywhere a request carries one: each id and week in the path, every query
parameter and every form field any page of the app shows (their names are read from the
pages themselves, so a new form is fuzzed without touching this file).
"""

import re

import pytest
from flask import Flask
from werkzeug.routing import AnyConverter, IntegerConverter, Rule

from inventory.models import Shipment
from tests.conftest import Auth
from tests.security.test_routes_by_role import LOGINS, MISSING, _ids, app  # noqa: F401  (fixture)

INTEGERS = [str(2**64), "-" + str(2**64), "99999999999999999999", str(2**63), str(2**31)]
DATES = ["9999-12-31", "10000-01-01", "0001-01-01", "0000-00-00", "2026-02-30"]
WEEKS = ["9999-W52", "10000-W01", "0001-W01", "1999-W52", "2026-W54"]
OTHER = [" ", "1e20", "sNaN", "Infinity"]
VALUES = INTEGERS + DATES + WEEKS + OTHER
# Query parameters the views read; names of inputs on the pages are added to these.
QUERY = (
    "pagina versie klant artikel pallet week van tot wie actie deelnemer start end datum "
    "afdeling dagdeel participant day daypart status risico q groep einde certificaat zoek "
    "contactpersoon next"
).split()
# Logging out would end the walk; static files take no input.
SKIPPED = {"auth.logout", "static"}
NAME = re.compile(rb'name="([^"]+)"')


def _build(rule: Rule, ids: dict[str, object], value: str | None = None) -> str:
    """The rule's path with real ids, or with `value` in every id or week it takes."""
    values = {}
    for name, converter in rule._converters.items():
        if isinstance(converter, AnyConverter):
            values[name] = sorted(converter.items)[0]
        elif value is not None and name == "week" and "-W" in value:
            values[name] = value
        elif value is not None and isinstance(converter, IntegerConverter) and value.isdigit():
            values[name] = value
        else:
            values[name] = ids[name]
    return rule.build(values, append_unknown=False)[1]


def _rules(flask_app: Flask) -> list[Rule]:
    return [rule for rule in flask_app.url_map.iter_rules() if rule.endpoint not in SKIPPED]


def _field_names(client, flask_app: Flask, ids: dict[str, object]) -> set[str]:
    """Every input, select and textarea name on the pages this role can open."""
    names = set(QUERY)
    for rule in _rules(flask_app):
        if "GET" in rule.methods:
            names.update(n.decode() for n in NAME.findall(client.get(_build(rule, ids)).data))
    names.discard("csrf_token")
    return names


def _open_shipment(db, customer_id: int) -> int:
    """The demo ships nothing; an open shipment lets picking and shipping meet the values."""
    shipment = Shipment(number="FUZZ-1", customer_id=customer_id)
    db.add(shipment)
    db.commit()
    return shipment.id


@pytest.mark.parametrize("role", ["anonymous", *sorted(LOGINS)])
def test_huge_integers_and_impossible_dates_never_break_a_route(app, db, role):  # noqa: F811
    client = app.test_client()
    if role != "anonymous":
        assert Auth(client).login(LOGINS[role]).status_code == 302
    ids = _ids(db)
    if ids["shipment_id"] == MISSING:
        ids["shipment_id"] = _open_shipment(db, ids["customer_id"])
    names = sorted(_field_names(client, app, ids))
    failures = []
    for rule in _rules(app):
        for value in VALUES:
            fields = {name: value for name in names}
            for path in {_build(rule, ids, value), _build(rule, ids)}:
                if "GET" in rule.methods:
                    response = client.get(path, query_string=fields)
                    if response.status_code >= 500:
                        failures.append(("GET", path, value))
                if "POST" in rule.methods:
                    response = client.post(path, data=fields)
                    if response.status_code >= 500:
                        failures.append(("POST", path, value))
    assert failures == []
