"""Manual changes: checked at once, refused with a Dutch reason, locked against stale forms."""

import io

import pandas as pd
import pytest
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from app.models import Certificate, Participant
from app.roster import versions
from app.roster.models import RosterAssignment
from app.roster.problem import build_problem
from app.roster.weeks import shift
from tests.conftest import ADMIN, COACH, CUSTOMER
from tests.roster.conftest import WEEK, latest_version

HTMX = {"HX-Request": "true"}


def _draft(db, rows: list[dict], pinned=frozenset()) -> versions.RosterVersion:
    roster = versions.new_version(db, WEEK, rows, user_id=None, pinned=set(pinned))
    db.commit()
    return roster


def _free_slot(problem: dict, person: dict) -> tuple[str, str]:
    return tuple(person["available"][0])


def _one_assignment(db, department: str = "packaging"):
    """A draft with one person lacking VCA on one daypart they are available."""
    person = _without_vca(db)
    day, part = _free_slot(None, person)
    row = {"participant": person["id"], "department": department, "day": day, "daypart": part}
    return person, day, part, _draft(db, [row])


def _change(client, roster, **fields):
    data = {"roster": roster.id, "revision": roster.revision} | fields
    data = {f"bewerk-{key}": value for key, value in data.items()}
    return client.post(f"/rooster/{WEEK}/wijzig", data=data, headers=HTMX)


def _without_vca(db):
    problem = build_problem(db, WEEK)
    return next(
        p for p in problem["participants"] if "vca" not in p["certificates"] and p["available"]
    )


def test_move_into_department_without_certificate_is_refused(db, client, manager):
    person, day, part, roster = _one_assignment(db)
    response = _change(
        client,
        roster,
        action="move",
        participant=person["id"],
        day=day,
        daypart=part,
        department="warehouse",
    )
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert f"Geweigerd: {person['name']} heeft geen VCA, nodig voor Magazijn" in text
    row = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).one()
    db.refresh(row)
    assert row.department_id != versions.Codes.load(db).department_id("warehouse")


def test_accepted_move_is_stored_with_its_consequences(db, client, manager):
    person, day, part, roster = _one_assignment(db)
    response = _change(
        client,
        roster,
        action="move",
        participant=person["id"],
        day=day,
        daypart=part,
        department="cleaning",
    )
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "Wijziging opgeslagen." in text and "Schoonmaak" in text
    row = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).one()
    db.refresh(row)
    assert row.department_id == versions.Codes.load(db).department_id("cleaning")
    assert latest_version(db).revision == 1


def test_stale_revision_gets_a_409_and_changes_nothing(db, client, manager):
    person, day, part, roster = _one_assignment(db)
    stale_revision = roster.revision
    first = _change(client, roster, action="pin", participant=person["id"], day=day, daypart=part)
    assert first.status_code == 200
    stale = _change(
        client,
        roster,
        revision=stale_revision,
        action="remove",
        participant=person["id"],
        day=day,
        daypart=part,
    )
    assert stale.status_code == 409
    assert "intussen door iemand anders gewijzigd" in stale.get_data(as_text=True)
    row = db.exec(select(RosterAssignment).where(RosterAssignment.roster_id == roster.id)).one()
    db.refresh(row)
    assert row.pinned


def test_publish_freezes_and_editing_makes_a_new_draft(db, client, manager):
    person, day, part, roster = _one_assignment(db)
    form = {"roster": roster.id, "revision": roster.revision}
    response = client.post(f"/rooster/{WEEK}/publiceren", data=form)
    assert response.status_code == 302
    published = latest_version(db)
    assert published.status == "published" and published.version == 1
    again = client.post(f"/rooster/{WEEK}/publiceren", data=form)
    assert again.status_code == 409
    _change(
        client,
        published,
        action="move",
        participant=person["id"],
        day=day,
        daypart=part,
        department="cleaning",
    )
    draft = latest_version(db)
    assert draft.version == 2 and draft.status == "draft"
    codes = versions.Codes.load(db)
    assert versions.contract_of(db, published, codes)[0]["department"] == "packaging"
    assert versions.contract_of(db, draft, codes)[0]["department"] == "cleaning"
    page = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    assert "Wijzigingen ten opzichte van gepubliceerde versie 1" in page


def test_database_refuses_double_booking(db):
    person = _without_vca(db)
    day, part = _free_slot(None, person)
    row = {"participant": person["id"], "department": "packaging", "day": day, "daypart": part}
    with pytest.raises(IntegrityError):
        _draft(db, [row, row | {"department": "cleaning"}])


def test_excel_export_opens_with_pandas(db, client, manager):
    person = _without_vca(db)
    day, part = _free_slot(None, person)
    _draft(
        db, [{"participant": person["id"], "department": "cleaning", "day": day, "daypart": part}]
    )
    response = client.get(f"/rooster/{WEEK}/rooster.xlsx")
    assert response.status_code == 200
    # Row 1 names the week and version, row 3 holds the column headings.
    sheets = pd.read_excel(io.BytesIO(response.data), sheet_name=None, header=2)
    assert set(sheets) >= {"Deelnemers", "Verpakking", "Schoonmaak", "Magazijn"}
    overview = sheets["Deelnemers"]
    row = overview[overview["Code"] == person["id"]].iloc[0]
    assert (
        row[
            f"{ {'mon': 'ma', 'tue': 'di', 'wed': 'wo', 'thu': 'do', 'fri': 'vr'}[day] }-"
            f"{ {'am': 'ochtend', 'pm': 'middag'}[part] }"
        ]
        == "Schoonmaak"
    )
    assert person["name"] in sheets["Schoonmaak"].to_string()


def test_copy_previous_week_drops_what_no_longer_holds(db, client, manager):
    problem = build_problem(db, shift(WEEK, -1))
    people = [p for p in problem["participants"] if p["available"]][:2]
    rows = [
        {
            "participant": p["id"],
            "department": "packaging",
            "day": p["available"][0][0],
            "daypart": p["available"][0][1],
        }
        for p in people
    ]
    versions.new_version(db, shift(WEEK, -1), rows, user_id=None)
    db.commit()
    gone = db.exec(select(Participant).where(Participant.code == people[1]["id"])).one()
    gone.active = False
    db.add(gone)
    db.commit()
    response = client.post(f"/rooster/{WEEK}/kopieer-vorige", follow_redirects=True)
    assert "1 indelingen overgenomen, 1 vervallen" in response.get_data(as_text=True)
    copied = versions.contract_of(db, latest_version(db), versions.Codes.load(db))
    assert [a["participant"] for a in copied] == [people[0]["id"]]


@pytest.mark.parametrize("email", [COACH, CUSTOMER])
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/rooster/"),
        ("get", f"/rooster/{WEEK}"),
        ("post", f"/rooster/{WEEK}/plannen"),
        ("post", f"/rooster/{WEEK}/wijzig"),
        ("post", f"/rooster/{WEEK}/publiceren"),
        ("post", f"/rooster/{WEEK}/afwezigheid"),
        ("get", f"/rooster/{WEEK}/rooster.xlsx"),
        ("get", f"/rooster/{WEEK}/afdrukken"),
        ("get", f"/rooster/{WEEK}/deelnemer/p001"),
    ],
)
def test_only_managers_may_use_the_roster(client, auth, email, method, path):
    auth.login(email)
    assert getattr(client, method)(path).status_code == 403


def test_admin_may_use_the_roster(client, auth):
    auth.login(ADMIN)
    assert client.get(f"/rooster/{WEEK}").status_code == 200


def test_unknown_week_is_404(client, manager):
    assert client.get("/rooster/2026-W60").status_code == 404
    assert client.get("/rooster/nonsense").status_code == 404


def test_certificate_change_is_seen_by_the_checker(db, client, manager):
    """The checker judges against the database of now, not of when the roster was made."""
    person, day, part, roster = _one_assignment(db)
    participant = db.exec(select(Participant).where(Participant.code == person["id"])).one()
    db.add(Certificate(participant_id=participant.id, kind="vca", status="obtained"))
    db.commit()
    response = _change(
        client,
        roster,
        action="move",
        participant=person["id"],
        day=day,
        daypart=part,
        department="warehouse",
    )
    assert response.status_code == 200
