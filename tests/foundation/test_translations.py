"""Dutch is written in the code; every string shown must also have its English translation."""

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from app.config import ROOT

KEYWORDS = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2)}
METHODS = [("app/**.py", "python"), ("templates/**.html", "jinja2")]


def _strings_in_code() -> set[str]:
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT),
        METHODS,
        keywords=KEYWORDS,
        options_map={"templates/**.html": {"extensions": "jinja2.ext.i18n"}},
    ):
        found.add(message if isinstance(message, str) else message[0])
    return found


def test_every_string_has_an_english_translation():
    catalog = read_po((ROOT / "app/translations/en/LC_MESSAGES/messages.po").open("rb"))
    translated = {
        (m.id if isinstance(m.id, str) else m.id[0])
        for m in catalog
        if m.id
        and m.string
        and "fuzzy" not in m.flags
        and (isinstance(m.string, str) or all(m.string))
    }
    missing = sorted(_strings_in_code() - translated)
    assert missing == [], "run `make translations` and translate: " + "; ".join(missing[:20])
