"""The week page's edits and outputs (issue 20): swap and take-their-place, plain refusals
instead of a false conflict, names with codes, and print and Excel without a target group."""

import io
import re

import openpyxl
import pytest
from sqlmodel import select

import scheduler
from app.labels import LABELS
from app.roster import versions
from app.roster.models import RosterAssignment
from app.roster.problem import build_problem
from app.roster.texts import with_codes
from tests.roster.conftest import WEEK, latest_version

HTMX = {"HX-Request": "true"}
GROUPS = [str(text) for text in LABELS["roster_group"].values()]


def _pair(db):
    """Two people free on the same daypart, each valid alone in two departments."""
    problem = scheduler.parse_problem(build_problem(db, WEEK))
    for slot in problem.slots:
        people = [
            p for p in problem.participants if slot in p.available and p.dayparts_per_week >= 2
        ]
        for first in people:
            for second in people:
                if first.id >= second.id:
                    continue
                for a in problem.departments:
                    for b in problem.departments:
                        rows = [
                            {
                                "participant": first.id,
                                "department": a.id,
                                "day": slot[0],
                                "daypart": slot[1],
                            },
                            {
                                "participant": second.id,
                                "department": b.id,
                                "day": slot[0],
                                "daypart": slot[1],
                            },
                        ]
                        swapped = [{**rows[0], "department": b.id}, {**rows[1], "department": a.id}]
                        if a.id != b.id and not any(
                            scheduler.check(problem, [scheduler.Assignment(**r) for r in rs])
                            for rs in (rows, swapped)
                        ):
                            return problem, rows
    raise AssertionError("no pair found")


def _draft(db, rows, pinned=frozenset()):
    roster = versions.new_version(db, WEEK, rows, user_id=None, pinned=set(pinned))
    db.commit()
    return roster


def _change(client, roster, **fields):
    data = {"roster": roster.id, "revision": roster.revision} | fields
    return client.post(
        f"/rooster/{WEEK}/wijzig", data={f"bewerk-{k}": v for k, v in data.items()}, headers=HTMX
    )


def _stored(db, roster):
    db.expire_all()
    codes = versions.Codes.load(db)
    rows = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).all()
    return {
        (codes.participant[r.participant_id], r.day, r.daypart): (
            codes.department[r.department_id],
            r.pinned,
        )
        for r in rows
    }


def _key(row):
    return dict(participant=row["participant"], day=row["day"], daypart=row["daypart"])


def test_swap_exchanges_places_and_pins_stay_with_the_person(db, client, manager):
    problem, (mine, theirs) = _pair(db)
    roster = _draft(
        db, [mine, theirs], pinned={(mine["participant"], mine["day"], mine["daypart"])}
    )
    response = _change(client, roster, action="swap", other=theirs["participant"], **_key(mine))
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "van plaats geruild" in text and 'hx-swap-oob="true"' in text
    stored = _stored(db, roster)
    slot = (mine["day"], mine["daypart"])
    assert stored[(mine["participant"], *slot)] == (theirs["department"], True)
    assert stored[(theirs["participant"], *slot)] == (mine["department"], False)


def test_take_their_place_leaves_the_other_unplanned(db, client, manager):
    problem, (mine, theirs) = _pair(db)
    roster = _draft(db, [mine, theirs])
    response = _change(client, roster, action="replace", other=theirs["participant"], **_key(mine))
    assert response.status_code == 200
    assert "is dan niet meer ingeroosterd" in response.get_data(as_text=True)
    assert _stored(db, roster) == {
        (mine["participant"], mine["day"], mine["daypart"]): (theirs["department"], False)
    }


def test_move_onto_a_daypart_already_worked_is_said_plainly(db, client, manager):
    problem, (mine, _theirs) = _pair(db)
    person = problem.participant(mine["participant"])
    other_slot = next(s for s in sorted(person.available) if s != (mine["day"], mine["daypart"]))
    second = {**mine, "day": other_slot[0], "daypart": other_slot[1]}
    roster = _draft(db, [mine, second])
    response = _change(
        client,
        roster,
        action="move",
        to_day=second["day"],
        to_daypart=second["daypart"],
        **_key(mine),
    )
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "al (bij " in text and "intussen door iemand anders" not in text
    assert f"{person.name} werkt " in text
    assert latest_version(db).revision == roster.revision

    same = _change(client, roster, action="move", **_key(mine))
    assert same.status_code == 422
    assert "Er verandert niets" in same.get_data(as_text=True)


def test_swap_without_whom_is_refused_with_a_message(db, client, manager):
    problem, (mine, theirs) = _pair(db)
    roster = _draft(db, [mine, theirs])
    response = _change(client, roster, action="swap", **_key(mine))
    assert response.status_code == 422
    assert "Kies met wie." in response.get_data(as_text=True)


def test_shared_names_carry_their_code():
    assert with_codes({"p1": "Kees de Vries", "p2": "Kees de Vries", "p3": "Anna"}) == {
        "p1": "Kees de Vries (p1)",
        "p2": "Kees de Vries (p2)",
        "p3": "Anna",
    }


def test_print_and_excel_carry_no_target_group(db, client, manager):
    problem = scheduler.parse_problem(build_problem(db, WEEK))
    rows = [
        {"participant": p.id, "department": d.id, "day": s[0], "daypart": s[1]}
        for p, d, s in (
            (p, d, sorted(p.available)[0])
            for p in problem.participants
            for d in problem.departments[:1]
            if p.available
        )
    ]
    valid = []
    for row in rows:
        if not scheduler.check(problem, [scheduler.Assignment(**r) for r in [*valid, row]]):
            valid.append(row)
    roster = _draft(db, valid, pinned={(r["participant"], r["day"], r["daypart"]) for r in valid})
    printed = client.get(f"/rooster/{WEEK}/afdrukken").get_data(as_text=True)
    words = re.sub(r"<[^>]+>", " ", printed)
    assert problem.person(valid[0]["participant"]) in words
    assert not [g for g in GROUPS if re.search(rf"\b{g}\b", words)]
    assert "group-tag" not in printed and '<span class="pin">' not in printed

    data = client.get(f"/rooster/{WEEK}/rooster.xlsx").data
    book = openpyxl.load_workbook(io.BytesIO(data))
    cells = [
        str(c.value) for s in book for row in s.iter_rows() for c in row if c.value is not None
    ]
    assert not [c for c in cells if c in GROUPS]
    assert book["Deelnemers"]["A1"].value == f"Rooster {WEEK}, versie {roster.version} (concept)"


def test_printing_defaults_to_the_published_version(db, client, manager):
    problem, (mine, theirs) = _pair(db)
    first = _draft(db, [mine])
    assert (
        client.post(
            f"/rooster/{WEEK}/publiceren", data={"roster": first.id, "revision": first.revision}
        ).status_code
        == 302
    )
    _draft(db, [mine, theirs])
    printed = client.get(f"/rooster/{WEEK}/afdrukken").get_data(as_text=True)
    assert "Versie 1, gepubliceerd" in printed
    assert problem.person(theirs["participant"]) not in printed
    assert (
        "rooster-2026-W49-v1.xlsx"
        in client.get(f"/rooster/{WEEK}/rooster.xlsx").headers["Content-Disposition"]
    )


def test_compare_lists_who_moved_where(db, client, manager):
    problem, (mine, theirs) = _pair(db)
    _draft(db, [mine])
    _draft(db, [{**mine, "department": theirs["department"]}, theirs])
    html = client.get(f"/rooster/{WEEK}/verschil?van=1&naar=2").get_data(as_text=True)
    assert "2 dagdelen anders, bij 2 deelnemers." in html
    assert problem.place(theirs["department"]) in html
    assert client.get(f"/rooster/{WEEK}/verschil?van=1&naar=9").status_code == 404


@pytest.mark.parametrize("mode", ["", "personen"])
def test_week_page_in_both_views(db, client, manager, mode):
    problem, (mine, theirs) = _pair(db)
    _draft(db, [mine, theirs])
    html = client.get(f"/rooster/{WEEK}?weergave={mode}").get_data(as_text=True)
    assert ('id="personen-tabel"' in html) == (mode == "personen")
    assert '<select type="hidden"' not in html
