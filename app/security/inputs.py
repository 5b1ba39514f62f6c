"""Input no form can legitimately send is refused before any view sees it.

A NUL character is never part of a name, number or note, and PostgreSQL refuses to store
or even compare it, so a request carrying one would otherwise fail deep in a query.
"""

from flask import abort, request


def refuse_nul_characters() -> None:
    values = [*request.args.values(), *request.form.values()]
    if any("\x00" in value for value in values):
        abort(400)
