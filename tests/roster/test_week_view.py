"""The week grid's chips: built once per page in Python, so escaping and links are checked here."""

from sqlmodel import select

from app.models import Participant
from app.roster import versions
from tests.roster.conftest import WEEK


def _person_in_draft(db, name: str) -> tuple[Participant, str, str]:
    person = db.exec(select(Participant).where(Participant.active)).first()
    person.first_name, person.last_name = name, "Test"
    db.add(person)
    row = {"participant": person.code, "department": "packaging", "day": "mon", "daypart": "am"}
    versions.new_version(db, WEEK, [row], user_id=None, pinned={(person.code, "mon", "am")})
    db.commit()
    return person, "mon", "am"


def test_chip_escapes_the_name_and_links_to_its_edit_panel(db, client, manager):
    person, day, part = _person_in_draft(db, "<b>Jan</b>")
    page = client.get(f"/rooster/{WEEK}").get_data(as_text=True)
    link = f"/rooster/{WEEK}/bewerk?participant={person.code}&amp;day={day}&amp;daypart={part}"
    assert f'href="{link}" hx-get="{link}" hx-target="#bewerk">&lt;b&gt;Jan&lt;/b&gt; Test' in page
    assert "<b>Jan</b>" not in page
    assert '<span class="pin">vast</span>' in page
    panel = client.get(link.replace("&amp;", "&"))
    assert panel.status_code == 200


def test_older_version_shows_chips_without_edit_links(db, client, manager):
    _person_in_draft(db, "Oud")
    versions.new_version(db, WEEK, [], user_id=None)
    db.commit()
    page = client.get(f"/rooster/{WEEK}?versie=1").get_data(as_text=True)
    assert '<span class="chip">Oud Test <span class="group-tag group-' in page
    assert "/bewerk?participant=" not in page


def test_print_view_shows_names_only(db, client, manager):
    _person_in_draft(db, "Print")
    page = client.get(f"/rooster/{WEEK}/afdrukken?afdeling=packaging").get_data(as_text=True)
    assert "<li>Print Test</li>" in page
    assert "group-tag" not in page and '<span class="pin">' not in page
