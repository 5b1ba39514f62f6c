"""The manager's week page as a person uses it (issue 20): edit in a dialog beside the chip,
keyboard only, swaps, plain refusals, the attention list, the grid at 1,366 and 390 px,
the person view, printing and Excel without a target group, and comparing versions.

Each test names the issue's point it shows. The week is planned by the solver in a
fixture (one second is enough); the moves to try are picked with the solver's own checker.
"""

import io
import re
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect
from sqlmodel import Session

import scheduler
from app.labels import LABELS
from app.roster import versions
from app.roster.problem import build_problem
from tests.browser.conftest import login
from tests.conftest import MANAGER, make_app

WEEK = "2026-W49"
WIDE = {"width": 1366, "height": 768}
NARROW = {"width": 390, "height": 844}
GROUPS = [str(text) for text in LABELS["roster_group"].values()]
DAY_NL = {"mon": "ma", "tue": "di", "wed": "wo", "thu": "do", "fri": "vr"}
PART_NL = {"am": "ochtend", "pm": "middag"}


@pytest.fixture
def planned(database_url):
    """The demo week with a solver-made draft: (problem, contract rows). The solver fills
    teams to their maximum; one person less in each team of the first departments leaves
    room to move into, the others stay full."""
    app = make_app(database_url)
    with app.app_context(), Session(app.extensions["engine"]) as db:
        problem = scheduler.parse_problem(build_problem(db, WEEK))
        solution = scheduler.solve(problem, time_limit=1, workers=1)
        rows, seen = [], set()
        roomy = {d.id for d in problem.departments[: len(problem.departments) // 2]}
        for a in solution.assignments:
            team = (a.department, a.day, a.daypart)
            if a.department in roomy and team not in seen:
                seen.add(team)
                continue
            rows.append(a.to_json())
        versions.new_version(db, WEEK, rows, user_id=None)
        db.commit()
    app.extensions["engine"].dispose()
    return problem, rows


def _open(browser, live_server, viewport=WIDE, path=""):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on(
        "console",
        lambda m: page.errors.append(m.text) if "Content Security Policy" in m.text else None,
    )
    login(page, live_server, MANAGER)
    page.goto(f"{live_server}/rooster/{WEEK}{path}")
    return page


def _as(rows):
    return [scheduler.Assignment(**r) for r in rows]


def _new_rules(problem, before, after) -> set[str]:
    old = {(v.rule, v.participant, v.day, v.daypart) for v in scheduler.check(problem, _as(before))}
    return {
        v.rule
        for v in scheduler.check(problem, _as(after))
        if (v.rule, v.participant, v.day, v.daypart) not in old
    }


def _moves(problem, rows):
    """Every move of one person to another department in the same daypart."""
    for i, row in enumerate(rows):
        for department in problem.departments:
            if department.id != row["department"]:
                moved = {**row, "department": department.id}
                yield row, department.id, [*rows[:i], moved, *rows[i + 1 :]]


def _allowed_move(problem, rows):
    return next(
        (r, d) for r, d, after in _moves(problem, rows) if not _new_rules(problem, rows, after)
    )


def _full_move(problem, rows):
    """A move refused only because the team there is full, with someone there to swap with."""
    for row, department, after in _moves(problem, rows):
        if _new_rules(problem, rows, after) != {"capacity"}:
            continue
        for other in rows:
            if (other["department"], other["day"], other["daypart"]) != (
                department,
                row["day"],
                row["daypart"],
            ):
                continue
            swapped = [
                {**r, "participant": other["participant"]}
                if r is row
                else {**r, "participant": row["participant"]}
                if r is other
                else r
                for r in rows
            ]
            if not _new_rules(problem, rows, swapped):
                return row, department, other
    raise AssertionError("no full team to swap into")


def _chip(page, row):
    return page.locator(f"#chip-{row['participant']}-{row['day']}-{row['daypart']}")


def _in_view(locator) -> bool:
    return locator.evaluate(
        "e => { const r = e.getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth }"
    )


def _count(page, department, row) -> int:
    """The staffing number shown in a department's cell for the row's daypart."""
    slot = list(DAY_NL).index(row["day"]) * 2 + list(PART_NL).index(row["daypart"])
    text = page.locator(f"#afd-{department} td").nth(slot).locator(".staffing").inner_text()
    return int(text.split()[0])


def test_1_edit_opens_beside_the_chip_and_updates_in_place(browser, live_server, planned):
    problem, rows = planned
    row, target = _allowed_move(problem, rows)
    page = _open(browser, live_server)
    chip = _chip(page, row)
    chip.scroll_into_view_if_needed()
    scrolled = page.evaluate("scrollY")
    before = _count(page, target, row)
    chip.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert _in_view(dialog.locator("h2"))
    assert page.evaluate(
        "document.getElementById('bewerk-dialog').contains(document.activeElement)"
    )

    dialog.get_by_label("Afdeling").select_option(label=problem.place(target))
    dialog.get_by_role("button", name="Verplaatsen").click()
    outcome = dialog.get_by_role("status")
    expect(outcome).to_contain_text("Wijziging opgeslagen.")
    expect(outcome).to_contain_text(
        f"werkt nu {DAY_NL[row['day']]}-{PART_NL[row['daypart']]} bij {problem.place(target)}"
    )
    assert _in_view(outcome)
    assert page.evaluate("document.activeElement.id") == "bewerk-uitkomst"
    # The chip moved to its new row, and the page did not jump.
    moved = page.locator(f"#afd-{target} #chip-{row['participant']}-{row['day']}-{row['daypart']}")
    expect(moved).to_have_count(1)
    assert _count(page, target, row) == before + 1
    assert page.evaluate("scrollY") == scrolled
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    # The dialog's close event, which moves the focus, comes a task after it is hidden.
    expect(page.locator(f"#chip-{row['participant']}-{row['day']}-{row['daypart']}")).to_be_focused()
    assert not page.errors


def test_2_3_keyboard_only_pin_and_escape_back_to_the_chip(browser, live_server, planned):
    problem, rows = planned
    row = rows[0]
    page = _open(browser, live_server)
    chip_id = f"chip-{row['participant']}-{row['day']}-{row['daypart']}"
    _chip(page, row).focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "h-bewerk"
    # No stray dropdowns: the person, day and daypart travel as hidden inputs.
    assert page.locator("select[type=hidden]").count() == 0
    for select in dialog.locator("select").all():
        assert select.evaluate("e => e.labels.length") == 1
    # Every control in the dialog has a name a screen reader can read.
    for control in dialog.locator("button, select").all():
        assert control.evaluate("e => (e.labels && e.labels.length) || e.textContent.trim()")
    # Few Tabs to the first field, with a visible focus ring.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "bewerk-department"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    tabs = 1
    while page.evaluate("document.activeElement.textContent.trim()") != "Vastzetten":
        page.keyboard.press("Tab")
        tabs += 1
        assert tabs < 15
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("status")).to_contain_text("staat " + DAY_NL[row["day"]])
    expect(page.locator(f"#{chip_id} .pin")).to_have_text("vast")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator(f"#{chip_id}")).to_be_focused()
    # One Tab and Enter skip the grid's chips, to the add form after it.
    page.get_by_role("link", name="Sla het rooster over").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "nieuw-participant"
    _chip(page, row).focus()
    # Remove, by keyboard alone.
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.textContent.trim()") != "Verwijderen":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("status")).to_contain_text("afgehaald")
    expect(page.locator(f"#{chip_id}")).to_have_count(0)
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(page.locator("#rooster")).to_be_focused()
    assert not page.errors


def test_8_moving_onto_a_daypart_already_worked_says_so(browser, live_server, planned):
    problem, rows = planned
    mine = {}
    for r in rows:
        mine.setdefault(r["participant"], []).append(r)
    row, there = next(
        (a, b)
        for worked in mine.values()
        for a in worked
        for b in worked
        if a["day"] == b["day"]
        and a["daypart"] == "am"
        and b["daypart"] == "pm"
        and a["department"] == b["department"]
    )
    page = _open(browser, live_server)
    _chip(page, row).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Naar dagdeel").select_option(value="pm")
    dialog.get_by_role("button", name="Verplaatsen").click()
    alert = dialog.get_by_role("alert")
    name = problem.person(row["participant"])
    expect(alert).to_contain_text(
        f"{name} werkt {DAY_NL[row['day']]}-middag al (bij {problem.place(there['department'])})"
    )
    expect(alert).not_to_contain_text("intussen door iemand anders gewijzigd")
    assert _in_view(alert)


def test_9_full_team_offers_swap_and_take_their_place(browser, live_server, planned):
    problem, rows = planned
    row, department, other = _full_move(problem, rows)
    page = _open(browser, live_server, viewport=NARROW)
    _chip(page, row).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Afdeling").select_option(label=problem.place(department))
    dialog.get_by_role("button", name="Verplaatsen").click()
    expect(dialog.get_by_role("alert")).to_contain_text("zit vol")
    other_name = problem.person(other["participant"])
    swap = dialog.get_by_role("button", name=f"Ruilen met {other_name}", exact=True)
    swap.focus()
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("status")).to_contain_text("van plaats geruild")
    slot = f"{row['day']}-{row['daypart']}"
    expect(page.locator(f"#afd-{department} #chip-{row['participant']}-{slot}")).to_have_count(1)
    expect(
        page.locator(f"#afd-{row['department']} #chip-{other['participant']}-{slot}")
    ).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")

    # Take someone's place within the daypart, from the dialog's own swap field.
    page.keyboard.press("Escape")
    _chip(page, {**row, "department": department}).click()
    dialog.get_by_label("Met wie").select_option(value=other["participant"])
    dialog.get_by_role("button", name="Plaats innemen", exact=True).click()
    expect(dialog.get_by_role("status")).to_contain_text(f"neemt {DAY_NL[row['day']]}")
    expect(page.locator(f"#chip-{other['participant']}-{slot}")).to_have_count(0)
    assert not page.errors


def test_10_attention_in_words_by_day_in_order_with_codes(browser, live_server, planned):
    page = _open(browser, live_server)
    summary = page.locator(".result-summary")
    expect(summary).to_contain_text("minimale bezetting")
    assert not re.search(r"[Ss]core \d", page.locator("main").inner_text())
    section = page.locator("#aandachtspunten")
    # What a manager acts on comes first, before the full lists.
    headings = section.locator("h3, summary").all_inner_texts()
    assert headings[0] == "Eerst aanpakken"
    section.get_by_text("Alle punten per dag").click()
    days = section.locator("details").first.locator("h4").all_inner_texts()
    order = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"]
    assert days == [d for d in order if d in days] and len(days) >= 3
    section.get_by_text("Alle punten per persoon").click()
    people = section.locator("details").nth(1).locator("h4").all_inner_texts()
    assert people == sorted(people)
    # Two people share a name in the demo: the code tells them apart, in the grid too.
    page.get_by_role("link", name="Per afdeling").focus()
    assert page.locator(".roster-grid").get_by_text(re.compile(r"Kees de Vries \(p\d+\)")).count()


def test_6_11_grid_fits_with_sticky_headers_and_person_view(browser, live_server, planned):
    page = _open(browser, live_server)
    grid = page.locator(".grid-wrap").first
    assert grid.evaluate("e => e.scrollWidth <= e.clientWidth")
    friday = page.locator(".roster-grid thead tr").nth(1).locator("th").last
    assert _in_view(friday)
    # Scrolling the grid keeps the day headers in view.
    grid.evaluate("e => e.scrollTop = 2000")
    header = page.locator(".roster-grid thead th").nth(1)
    assert abs(header.bounding_box()["y"] - grid.bounding_box()["y"]) < 3
    assert _in_view(header)

    page.get_by_role("link", name="Per persoon (dagdelen tegenover afspraak)").click()
    search = page.get_by_label("Zoek een deelnemer (naam of code)")
    search.fill("kees de vries")
    rows = page.locator("#personen-tabel tbody tr:visible")
    expect(rows).to_have_count(2)
    expect(page.get_by_role("status").filter(has_text="gevonden")).to_have_text(
        re.compile(r"2 van \d+ deelnemers gevonden")
    )
    assert "Verpakking" in rows.first.inner_text() or "—" not in rows.first.inner_text()
    # Worst off against contract first: the share planned never goes down the list.
    search.fill("")
    shares = [
        int(a) / int(b) if int(b) else 1.0
        for a, b in (
            re.match(r"(\d+) / (\d+)", t).groups()
            for t in page.locator("#personen-tabel tbody td.num").all_inner_texts()
        )
    ]
    assert shares[0] < shares[-1]

    narrow = _open(browser, live_server, viewport=NARROW, path="?weergave=personen")
    assert narrow.evaluate("document.documentElement.scrollWidth <= innerWidth")
    narrow.goto(f"{live_server}/rooster/{WEEK}")
    assert narrow.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert not page.errors and not narrow.errors


def _excel_texts(data: bytes) -> list[str]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value is not None]


def test_12_13_14_print_published_compare_and_excel(browser, live_server, planned):
    problem, rows = planned
    row, target = _allowed_move(problem, rows)
    page = _open(browser, live_server)
    page.get_by_role("button", name="Publiceren").click()
    expect(page.get_by_text("Versie 1 is gepubliceerd.")).to_be_visible()
    versions_table = page.locator("#versies tbody tr")
    expect(versions_table).to_have_count(1)

    # Editing the published version makes draft 2: the versions table shows it at once.
    _chip(page, row).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Afdeling").select_option(label=problem.place(target))
    dialog.get_by_role("button", name="Verplaatsen").click()
    expect(dialog.get_by_role("status")).to_contain_text("Wijziging opgeslagen.")
    page.keyboard.press("Escape")
    expect(versions_table).to_have_count(2)
    expect(page.locator("#versies")).to_contain_text("Versie 2")

    # What changed, per person: who moved where.
    page.get_by_role("button", name="Toon verschillen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Verschillen tussen versie 1 en versie 2"
    )
    table = page.locator(".diff-table")
    expect(table).to_contain_text(problem.person(row["participant"]))
    expect(table).to_contain_text(problem.place(row["department"]))
    expect(table).to_contain_text(problem.place(target))
    page.go_back()

    # Printing shows the published version 1, with names and departments only.
    page.get_by_role("link", name="Afdrukken (gepubliceerde versie 1)").click()
    expect(page.locator(".print-sheet")).to_contain_text("Versie 1, gepubliceerd")
    printed = page.locator("main").inner_text()
    # Whole words: "Gedetineerdenwinkel" is a department, not a group.
    assert not [group for group in GROUPS if re.search(rf"\b{group}\b", printed)]
    assert " vast" not in printed
    page.go_back()
    # The week page itself, printed from the browser, hides its group tags too.
    page.emulate_media(media="print")
    assert page.locator(".group-tag:visible").count() == 0
    page.emulate_media(media="screen")
    assert page.locator(".group-tag:visible").count() > 0

    with page.expect_download() as download:
        page.get_by_role("link", name="Download Excel (versie 1)").click()
    data = Path(download.value.path()).read_bytes()
    assert not [text for text in _excel_texts(data) if text in GROUPS]
    book = openpyxl.load_workbook(io.BytesIO(data))
    overview = book["Deelnemers"]
    assert "2026-W49" in overview["A1"].value and "versie 1" in overview["A1"].value
    header = [c.value for c in overview[3]]
    assert "Groep" not in header
    planned_col = header.index("Dagdelen") + 1
    assert all(
        isinstance(overview.cell(row=r, column=planned_col).value, int)
        for r in range(4, overview.max_row + 1)
    )
    assert overview.column_dimensions["A"].width > 13
    names = [overview.cell(row=r, column=1).value for r in range(4, overview.max_row + 1)]
    assert any(re.fullmatch(r"Kees de Vries \(p\d+\)", n) for n in names)
    assert len(names) == len(set(names))


def test_13_gap_list_names_day_and_department_and_copy_says_who(
    browser, live_server, planned, database_url
):
    problem, rows = planned
    row = rows[0]
    absent = next(p for p in problem.participants if set(problem.slots) - p.available)
    day, part = sorted(set(problem.slots) - absent.available)[0]
    app = make_app(database_url)
    with app.app_context(), Session(app.extensions["engine"]) as db:
        dropped = {
            "participant": absent.id,
            "department": row["department"],
            "day": day,
            "daypart": part,
        }
        kept = next(r for r in rows if r["participant"] not in (row["participant"], absent.id))
        versions.new_version(db, "2026-W48", [kept, dropped], user_id=None)
        db.commit()
    app.extensions["engine"].dispose()

    page = _open(browser, live_server)
    page.locator("#afw-participant").select_option(value=row["participant"])
    date = {
        "mon": "2026-11-30",
        "tue": "2026-12-01",
        "wed": "2026-12-02",
        "thu": "2026-12-03",
        "fri": "2026-12-04",
    }[row["day"]]
    page.get_by_label("Van").fill(date)
    page.get_by_label("Tot en met").fill(date)
    page.get_by_role("button", name="Afwezigheid opslaan").click()
    gaps = page.locator(".gap-warning")
    expect(gaps).to_contain_text(
        f"{problem.person(row['participant'])} — {DAY_NL[row['day']]}-{PART_NL[row['daypart']]}, "
        f"{problem.place(row['department'])}"
    )

    page.get_by_role("button", name="Kopieer vorige week").click()
    flash = page.locator("#meldingen")
    expect(flash).to_contain_text("1 indelingen overgenomen, 1 vervallen.")
    expect(flash).to_contain_text(
        f"Vervallen: {problem.person(absent.id)} {DAY_NL[day]}-{PART_NL[part]} "
        f"({problem.place(row['department'])}): {problem.person(absent.id)} is "
        f"{DAY_NL[day]}-{PART_NL[part]} niet beschikbaar of afwezig."
    )


def test_words_typed_before_the_script_ran_filter_the_person_view(browser, live_server, planned):
    """The page's script is deferred: on a slow connection the manager may type before it
    runs, and the rows must still follow what is typed."""
    page = _open(browser, live_server)
    person_view = page.get_by_role("link", name="Per persoon (dagdelen tegenover afspraak)")
    held = []
    page.route("**/js/roster.js", lambda route: held.append(route))
    person_view.click()
    page.get_by_label("Zoek een deelnemer (naam of code)").fill("kees de vries")
    assert held, "the script should still be on its way"
    held[0].continue_()
    expect(page.locator("#personen-tabel tbody tr:visible")).to_have_count(2)
