"""Referrers: contact persons in the file, sharing reports, and what a referrer login opens."""

import re
import zlib
from datetime import date

import pytest
from sqlmodel import select

from app.auth.users import create_user
from app.coaching.anonymise import anonymise_due
from app.coaching.models import ReferrerContact, ReportShare, ReportSummary
from app.models import Participant, User
from data.generator import DEMO_PASSWORD
from tests.coaching.conftest import audit_for, caseload_of
from tests.conftest import COACH, OTHER_COACH, REFERRER

PERIOD = "start=2026-09-01&end=2026-11-30"
ROTTERDAM = "Gemeente Rotterdam"
CONTACT = {
    "contact-kind": "municipal_case_manager",
    "contact-name": "Fatima el Amrani",
    "contact-organisation": ROTTERDAM,
    "contact-email": "f.elamrani@rotterdam.nl",
    "contact-phone": "010 123 45 67",
}


def _user_id(db, email: str) -> int:
    return db.exec(select(User.id).where(User.email == email)).one()


def _own_of(db, organisation: str, *, same: bool = True) -> Participant:
    """A participant of the coach whose referrer is (or is not) the organisation."""
    for pid in caseload_of(db, COACH):
        participant = db.get(Participant, pid)
        if (participant.referrer_organisation == organisation) == same:
            return participant
    raise AssertionError("the demo caseload lacks such a participant")


@pytest.fixture
def rotterdam(db) -> Participant:
    return _own_of(db, ROTTERDAM)


def _pdf_text(content: bytes) -> str:
    """The text drawn in the PDF: the content streams, inflated where compressed."""
    parts = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            parts.append(stream)
    return b"".join(parts).decode("cp1252", "replace")


def _finish_and_share(client, participant_id: int, referrer_id: int):
    client.post(f"/deelnemers/{participant_id}/rapport?{PERIOD}", data={"text": "Stabiel."})
    return client.post(
        f"/deelnemers/{participant_id}/rapport/delen?{PERIOD}", data={"user_id": referrer_id}
    )


def _report_id(db, participant_id: int) -> int:
    return db.exec(
        select(ReportSummary.id).where(ReportSummary.participant_id == participant_id)
    ).one()


def _shares(db) -> list[tuple[int, int]]:
    db.expire_all()
    return [(s.report_id, s.user_id) for s in db.exec(select(ReportShare))]


# Contact persons


def test_coach_adds_changes_and_removes_a_contact_with_audit(client, auth, db, own_id):
    auth.login(COACH)
    assert client.post(f"/deelnemers/{own_id}/contactpersonen", data=CONTACT).status_code == 302
    contact = db.exec(select(ReferrerContact).where(ReferrerContact.participant_id == own_id)).one()
    html = client.get(f"/deelnemers/{own_id}").get_data(as_text=True)
    assert "Verwijzer en contactpersonen" in html and "Fatima el Amrani" in html
    assert "Casemanager gemeente" in html

    edit = client.get(f"/deelnemers/{own_id}?contactpersoon={contact.id}").get_data(as_text=True)
    assert 'value="f.elamrani@rotterdam.nl"' in edit
    changed = {**CONTACT, "contact-phone": "06 12345678"}
    response = client.post(f"/deelnemers/{own_id}/contactpersonen/{contact.id}", data=changed)
    assert response.status_code == 302
    db.refresh(contact)
    assert contact.phone == "06 12345678"

    removal = f"/deelnemers/{own_id}/contactpersoon/{contact.id}/verwijderen"
    assert client.post(removal).status_code == 302
    assert db.exec(select(ReferrerContact)).all() == []
    logged = [(e.action, e.what) for e in audit_for(db, own_id) if "contactpersoon" in e.what]
    assert [action for action, _what in logged] == ["create", "update", "delete"]
    assert logged[1][1].endswith(": phone")


def test_invalid_contact_is_refused_with_a_message_and_nothing_saved(client, auth, db, own_id):
    auth.login(COACH)
    bad = {**CONTACT, "contact-email": "geen-adres", "contact-name": ""}
    response = client.post(f"/deelnemers/{own_id}/contactpersonen", data=bad)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "Geen geldig e-mailadres." in html and "Vul de naam in." in html
    assert "010 123 45 67" in html
    assert db.exec(select(ReferrerContact)).all() == []


def test_another_coach_cannot_touch_the_contacts(client, auth, db, own_id, foreign_id):
    auth.login(COACH)
    client.post(f"/deelnemers/{own_id}/contactpersonen", data=CONTACT)
    contact = db.exec(select(ReferrerContact)).one()
    auth.logout()
    auth.login(OTHER_COACH)
    assert client.post(f"/deelnemers/{own_id}/contactpersonen", data=CONTACT).status_code == 403
    edit = f"/deelnemers/{own_id}/contactpersonen/{contact.id}"
    assert client.post(edit, data=CONTACT).status_code == 403
    # Through a file of their own, the contact of someone else's file is not found.
    via_own = f"/deelnemers/{foreign_id}/contactpersonen/{contact.id}"
    assert client.post(via_own, data=CONTACT).status_code == 404
    assert client.get(f"/deelnemers/{foreign_id}?contactpersoon={contact.id}").status_code == 404
    removal = f"/deelnemers/{foreign_id}/contactpersoon/{contact.id}/verwijderen"
    assert client.post(removal).status_code == 404
    assert len(db.exec(select(ReferrerContact)).all()) == 1


# Sharing


def test_sharing_and_withdrawing_are_audited(client, auth, db, rotterdam):
    referrer_id = _user_id(db, REFERRER)
    auth.login(COACH)
    page = client.get(f"/deelnemers/{rotterdam.id}/rapport?{PERIOD}").get_data(as_text=True)
    assert "alleen een afgerond rapport kan gedeeld worden" in page
    assert _finish_and_share(client, rotterdam.id, referrer_id).status_code == 302
    report_id = _report_id(db, rotterdam.id)
    assert _shares(db) == [(report_id, referrer_id)]
    page = client.get(f"/deelnemers/{rotterdam.id}/rapport?{PERIOD}").get_data(as_text=True)
    assert "Sanne Bakker" in page and "Intrekken" in page

    share_id = db.exec(select(ReportShare.id)).one()
    withdraw = f"/deelnemers/{rotterdam.id}/rapport/delen/{share_id}/intrekken?{PERIOD}"
    assert client.post(withdraw).status_code == 302
    assert _shares(db) == []
    logged = [(e.action, e.what) for e in audit_for(db, rotterdam.id) if "gedeeld" in e.what]
    assert logged == [
        ("create", "rapport 2026-09-01–2026-11-30 gedeeld met Sanne Bakker"),
        ("delete", "rapport 2026-09-01–2026-11-30 niet meer gedeeld met Sanne Bakker"),
    ]


def test_an_unfinished_report_is_not_shared(client, auth, db, rotterdam):
    auth.login(COACH)
    response = client.post(
        f"/deelnemers/{rotterdam.id}/rapport/delen?{PERIOD}",
        data={"user_id": _user_id(db, REFERRER)},
        follow_redirects=True,
    )
    assert "Schrijf en bewaar eerst de samenvatting" in response.get_data(as_text=True)
    assert _shares(db) == []


def test_a_report_goes_only_to_the_participants_own_referrer_organisation(client, auth, db):
    elsewhere = _own_of(db, ROTTERDAM, same=False)
    auth.login(COACH)
    response = _finish_and_share(client, elsewhere.id, _user_id(db, REFERRER))
    assert response.status_code == 302
    assert _shares(db) == []
    page = client.get(f"/deelnemers/{elsewhere.id}/rapport?{PERIOD}").get_data(as_text=True)
    assert "Er is geen login van" in page


def test_another_coach_cannot_share_or_withdraw(client, auth, db, rotterdam):
    referrer_id = _user_id(db, REFERRER)
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, referrer_id)
    share_id = db.exec(select(ReportShare.id)).one()
    auth.logout()
    auth.login(OTHER_COACH)
    share = f"/deelnemers/{rotterdam.id}/rapport/delen?{PERIOD}"
    assert client.post(share, data={"user_id": referrer_id}).status_code == 403
    withdraw = f"/deelnemers/{rotterdam.id}/rapport/delen/{share_id}/intrekken"
    assert client.post(withdraw).status_code == 403
    foreign = caseload_of(db, OTHER_COACH)[0]
    assert (
        client.post(f"/deelnemers/{foreign}/rapport/delen/{share_id}/intrekken").status_code == 404
    )
    assert len(_shares(db)) == 1


# The referrer's side


def _summary(client, participant_id: int, period: str, text: str) -> None:
    client.post(f"/deelnemers/{participant_id}/rapport?{period}", data={"text": text})


def test_referrer_sees_exactly_the_reports_shared_with_them(client, auth, db, rotterdam):
    colleague = create_user(
        db,
        email="collega@rotterdam.test",
        name="Collega Rotterdam",
        password=DEMO_PASSWORD,
        role="referrer",
        referrer_organisation=ROTTERDAM,
    )
    db.commit()
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    _summary(client, rotterdam.id, "start=2026-06-01&end=2026-08-31", "Voor de collega.")
    _summary(client, rotterdam.id, "start=2026-03-01&end=2026-05-31", "Niet gedeeld.")
    client.post(
        f"/deelnemers/{rotterdam.id}/rapport/delen?start=2026-06-01&end=2026-08-31",
        data={"user_id": colleague.id},
    )
    auth.logout()

    auth.login(REFERRER)
    home = client.get("/").get_data(as_text=True)
    assert rotterdam.full_name in home and "01-09-2026 – 30-11-2026" in home
    assert "01-06-2026" not in home and "01-03-2026" not in home
    mine = _report_id_for(db, rotterdam.id, "2026-09-01")
    page = client.get(f"/verwijzer/rapporten/{mine}")
    assert page.status_code == 200
    assert rotterdam.full_name in page.get_data(as_text=True)
    assert "Stabiel." in page.get_data(as_text=True)
    pdf = client.get(f"/verwijzer/rapporten/{mine}.pdf")
    assert pdf.data.startswith(b"%PDF") and rotterdam.full_name in _pdf_text(pdf.data)
    others = [_report_id_for(db, rotterdam.id, d) for d in ("2026-06-01", "2026-03-01")]
    for report_id in [*others, 999_999]:
        assert client.get(f"/verwijzer/rapporten/{report_id}").status_code == 404
        assert client.get(f"/verwijzer/rapporten/{report_id}.pdf").status_code == 404
    referrer_id = _user_id(db, REFERRER)
    reads = [(e.action, e.what) for e in audit_for(db, rotterdam.id) if e.user_id == referrer_id]
    assert reads == [
        ("view", "rapport 2026-09-01–2026-11-30 door verwijzer"),
        ("export", "rapport PDF 2026-09-01–2026-11-30 door verwijzer"),
    ]


def test_referrer_opens_nothing_of_the_participant_file(client, auth, db, rotterdam):
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    auth.logout()
    auth.login(REFERRER)
    for suffix in (
        "",
        "/voortgang",
        f"/rapport?{PERIOD}",
        f"/rapport.xlsx?{PERIOD}",
        "/rapport.pdf",
    ):
        assert client.get(f"/deelnemers/{rotterdam.id}{suffix}").status_code == 403
    for path in ("/deelnemers/", "/rooster/", "/orders/", "/portaal/orders", "/magazijn/"):
        assert client.get(path).status_code == 403
    menu = client.get("/").get_data(as_text=True)
    assert "Deelnemers" not in menu and "Rooster" not in menu


def test_coach_downloads_the_report_as_pdf(client, auth, db, own_id):
    auth.login(COACH)
    _summary(client, own_id, PERIOD, "Groeit in zelfstandigheid.")
    response = client.get(f"/deelnemers/{own_id}/rapport.pdf?{PERIOD}")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    assert response.data.startswith(b"%PDF")
    text = _pdf_text(response.data)
    participant = db.get(Participant, own_id)
    assert participant.full_name in text and "Groeit in zelfstandigheid." in text
    assert "Ontwikkeling competenties" in text and "Stiptheid" in text
    assert [e.what for e in audit_for(db, own_id) if e.action == "export"] == [
        "rapport PDF 2026-09-01–2026-11-30"
    ]


def test_another_coach_cannot_download_the_pdf(client, auth, foreign_id):
    auth.login(COACH)
    assert client.get(f"/deelnemers/{foreign_id}/rapport.pdf").status_code == 403


def _report_id_for(db, participant_id: int, start: str) -> int:
    return db.exec(
        select(ReportSummary.id).where(
            ReportSummary.participant_id == participant_id,
            ReportSummary.period_start == date.fromisoformat(start),
        )
    ).one()


def test_anonymising_removes_contacts_and_shared_reports(client, auth, db, rotterdam):
    auth.login(COACH)
    client.post(f"/deelnemers/{rotterdam.id}/contactpersonen", data=CONTACT)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    client.post(
        f"/deelnemers/{rotterdam.id}/afsluiten",
        data={"ended_on": "2025-01-01", "kind": "education"},
    )
    assert _shares(db) != []
    assert anonymise_due(db, older_than_days=365) == 1
    db.commit()
    assert _shares(db) == []
    assert db.exec(select(ReferrerContact)).all() == []
    auth.logout()
    auth.login(REFERRER)
    assert "Er zijn nog geen rapporten met u gedeeld." in client.get("/").get_data(as_text=True)


# A share is a snapshot for the organisation that referred the participant


def _portfolio(client, participant_id: int, description: str) -> None:
    client.post(
        f"/deelnemers/{participant_id}/portfolio",
        data={
            "portfolio-description": description,
            "portfolio-day": "2026-10-02",
            "portfolio-confirmed_by": "Henk",
        },
    )


def _refer_to(client, participant: Participant, organisation: str) -> None:
    response = client.post(
        f"/deelnemers/{participant.id}/intake",
        data={
            "intake-referrer_organisation": organisation,
            "intake-start_date": participant.start_date.isoformat(),
        },
    )
    assert response.status_code == 302


def test_the_referrer_sees_the_report_as_shared_not_what_came_after(client, auth, db, rotterdam):
    auth.login(COACH)
    _portfolio(client, rotterdam.id, "Voor het delen")
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    _portfolio(client, rotterdam.id, "Na het delen")
    client.post(f"/deelnemers/{rotterdam.id}/rapport?{PERIOD}", data={"text": "Later herzien."})
    coach_page = client.get(f"/deelnemers/{rotterdam.id}/rapport?{PERIOD}").get_data(as_text=True)
    assert "Na het delen" in coach_page and "Later herzien." in coach_page
    auth.logout()

    auth.login(REFERRER)
    report_id = _report_id(db, rotterdam.id)
    page = client.get(f"/verwijzer/rapporten/{report_id}").get_data(as_text=True)
    assert "Voor het delen" in page and "Stabiel." in page
    assert "Na het delen" not in page and "Later herzien." not in page
    pdf = _pdf_text(client.get(f"/verwijzer/rapporten/{report_id}.pdf").data)
    assert "Voor het delen" in pdf and "Na het delen" not in pdf


def test_sharing_again_sends_the_report_as_it_is_then(client, auth, db, rotterdam):
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    _portfolio(client, rotterdam.id, "Na het delen")
    client.post(
        f"/deelnemers/{rotterdam.id}/rapport/delen?{PERIOD}",
        data={"user_id": _user_id(db, REFERRER)},
    )
    auth.logout()
    auth.login(REFERRER)
    page = client.get(f"/verwijzer/rapporten/{_report_id(db, rotterdam.id)}")
    assert "Na het delen" in page.get_data(as_text=True)


def test_a_new_referrer_ends_the_old_referrers_shares(client, auth, db, rotterdam):
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    _refer_to(client, rotterdam, "Reclassering Nederland")
    assert _shares(db) == []
    assert any("andere verwijzer" in e.what for e in audit_for(db, rotterdam.id))
    auth.logout()

    auth.login(REFERRER)
    report_id = _report_id(db, rotterdam.id)
    assert client.get(f"/verwijzer/rapporten/{report_id}").status_code == 404
    assert client.get(f"/verwijzer/rapporten/{report_id}.pdf").status_code == 404
    assert rotterdam.full_name not in client.get("/").get_data(as_text=True)


@pytest.mark.parametrize("change", ["participant_cleared", "login_moved"])
def test_a_share_opens_only_while_the_organisation_still_refers(
    client, auth, db, rotterdam, change
):
    auth.login(COACH)
    _finish_and_share(client, rotterdam.id, _user_id(db, REFERRER))
    auth.logout()
    # Changed outside the intake form (a script, the database): the share stops opening too.
    if change == "participant_cleared":
        rotterdam.referrer_organisation = ""
        db.add(rotterdam)
    else:
        referrer = db.get(User, _user_id(db, REFERRER))
        referrer.referrer_organisation = "Gemeente Utrecht"
        db.add(referrer)
    db.commit()
    auth.login(REFERRER)
    assert client.get(f"/verwijzer/rapporten/{_report_id(db, rotterdam.id)}").status_code == 404
    assert rotterdam.full_name not in client.get("/").get_data(as_text=True)
