"""The log of contacts with the referrer: added in place with htmx, listed newest first."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from app.coaching.anonymise import anonymise_due
from app.coaching.models import ReferrerContact, ReferrerContactLog
from app.models import User
from tests import dates
from tests.coaching.conftest import audit_for, rows_for
from tests.conftest import COACH, CUSTOMER, MANAGER, OTHER_COACH, REFERRER

HTMX = {"HX-Request": "true"}


def _entry(day: date, summary: str, channel: str = "phone", contact: str = "") -> dict:
    return {
        "log-day": day.isoformat(),
        "log-channel": channel,
        "log-summary": summary,
        "log-contact_id": contact,
    }


def _log(db, participant_id: int) -> list[ReferrerContactLog]:
    return rows_for(db, ReferrerContactLog, participant_id)


def _contact(db, participant_id: int, name: str = "Fatima el Amrani") -> ReferrerContact:
    contact = ReferrerContact(participant_id=participant_id, kind="probation_officer", name=name)
    db.add(contact)
    db.commit()
    return contact


def test_coach_adds_an_entry_in_place_with_audit(client, auth, db, own_id):
    contact = _contact(db, own_id)
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{own_id}/contactlog",
        data=_entry(dates.TODAY, "Afspraak over verlof besproken.", "meeting", str(contact.id)),
        headers=HTMX,
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'id="contactlog-region"' in html
    assert "<html" not in html  # the region only, not a whole page
    assert "Contact vastgelegd." in html and "Afspraak over verlof besproken." in html
    assert "Fatima el Amrani" in html and "overleg" in html
    assert 'name="log-summary"' in html and "Afspraak over verlof besproken.</textarea>" not in html
    [entry] = _log(db, own_id)
    coach = db.exec(select(User).where(User.email == COACH)).one()
    assert (entry.contact_id, entry.channel, entry.entered_by) == (contact.id, "meeting", coach.id)
    created = [e.what for e in audit_for(db, own_id) if e.action == "create"]
    assert created[-1] == (
        f"contact verwijzer {dates.TODAY.isoformat()} (meeting) met Fatima el Amrani"
    )


def test_without_htmx_the_entry_is_saved_and_the_file_shown(client, auth, db, own_id):
    auth.login(MANAGER)
    response = client.post(
        f"/deelnemers/{own_id}/contactlog", data=_entry(dates.TODAY, "Gebeld met de gemeente.")
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/deelnemers/{own_id}#contactlog")
    [entry] = _log(db, own_id)
    assert entry.contact_id is None


def test_the_file_lists_entries_newest_first(client, auth, db, own_id):
    today = dates.TODAY
    auth.login(COACH)
    for days_ago, summary in ((10, "Tweede contact"), (30, "Eerste contact"), (2, "Derde contact")):
        client.post(
            f"/deelnemers/{own_id}/contactlog",
            data=_entry(today - timedelta(days=days_ago), summary),
            headers=HTMX,
        )
    html = client.get(f"/deelnemers/{own_id}").get_data(as_text=True)
    positions = [html.index(s) for s in ("Derde contact", "Tweede contact", "Eerste contact")]
    assert positions == sorted(positions)
    assert (today - timedelta(days=30)).strftime("%d-%m-%Y") in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            _entry(dates.TODAY + timedelta(days=1), "Nog te bellen"),
            "Een contact kan niet in de toekomst liggen: kies vandaag of eerder.",
        ),
        (_entry(dates.TODAY, "   "), "Vat het contact kort samen."),
        (_entry(dates.TODAY, "x" * 1001), "Houd de samenvatting kort: hoogstens 1000 tekens."),
        (_entry(dates.TODAY, "Gebeld", channel="fax"), "Ongeldige keuze."),
    ],
)
def test_bad_entry_is_refused_in_dutch_and_keeps_the_input(client, auth, db, own_id, data, message):
    auth.login(COACH)
    response = client.post(f"/deelnemers/{own_id}/contactlog", data=data, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert message in html and 'aria-invalid="true"' in html
    assert _log(db, own_id) == []
    full_page = client.post(f"/deelnemers/{own_id}/contactlog", data=data)
    assert full_page.status_code == 400 and message in full_page.get_data(as_text=True)
    assert _log(db, own_id) == []


def test_a_contact_person_of_another_file_cannot_be_named(client, auth, db, own_id, foreign_id):
    foreign = _contact(db, foreign_id, "Iemand Anders")
    auth.login(COACH)
    data = _entry(dates.TODAY, "Gebeld", contact=str(foreign.id))
    response = client.post(f"/deelnemers/{own_id}/contactlog", data=data, headers=HTMX)
    assert response.status_code == 422
    assert _log(db, own_id) == []


def test_removing_the_contact_person_keeps_the_entry(client, auth, db, own_id):
    contact = _contact(db, own_id)
    auth.login(COACH)
    data = _entry(dates.TODAY, "Voortgang besproken.", contact=str(contact.id))
    client.post(f"/deelnemers/{own_id}/contactlog", data=data)
    client.post(f"/deelnemers/{own_id}/contactpersoon/{contact.id}/verwijderen")
    [entry] = _log(db, own_id)
    assert (entry.summary, entry.contact_id) == ("Voortgang besproken.", None)


@pytest.mark.parametrize("email", [OTHER_COACH, CUSTOMER, REFERRER])
def test_others_cannot_add_to_the_log(client, auth, db, own_id, email):
    auth.login(email)
    response = client.post(
        f"/deelnemers/{own_id}/contactlog", data=_entry(dates.TODAY, "x"), headers=HTMX
    )
    assert response.status_code == 403
    assert _log(db, own_id) == []


def test_another_coach_does_not_see_the_log(client, auth, db, own_id):
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/contactlog", data=_entry(dates.TODAY, "Vertrouwelijk-Q"))
    auth.logout()
    auth.login(OTHER_COACH)
    response = client.get(f"/deelnemers/{own_id}")
    assert response.status_code == 403
    assert "Vertrouwelijk-Q" not in response.get_data(as_text=True)


def test_anonymising_removes_the_log(client, auth, db, own_id):
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/contactlog", data=_entry(dates.TODAY, "Besproken."))
    client.post(
        f"/deelnemers/{own_id}/afsluiten", data={"ended_on": "2025-01-01", "kind": "education"}
    )
    assert len(_log(db, own_id)) == 1
    assert anonymise_due(db, older_than_days=365) == 1
    db.commit()
    assert _log(db, own_id) == []
