"""The progress report: printable page and Excel with the same content."""

from io import BytesIO

from openpyxl import load_workbook

from tests.conftest import COACH

PERIOD = "start=2026-09-01&end=2026-12-31"


def _fill(client, pid: int) -> None:
    client.post(
        f"/deelnemers/{pid}/voortgang",
        data={"day": "2026-10-01", "text": "x", "punctuality": "2"},
    )
    client.post(
        f"/deelnemers/{pid}/voortgang",
        data={"day": "2026-11-01", "text": "y", "punctuality": "4"},
    )
    client.post(f"/deelnemers/{pid}/rapport?{PERIOD}", data={"text": "Groeit in zelfstandigheid."})
    client.post(
        f"/deelnemers/{pid}/portfolio",
        data={
            "portfolio-description": "Pallets stapelen",
            "portfolio-day": "2026-10-02",
            "portfolio-confirmed_by": "Henk",
        },
    )


def test_report_page_shows_period_scores_and_summary(client, auth, own_id):
    auth.login(COACH)
    _fill(client, own_id)
    html = client.get(f"/deelnemers/{own_id}/rapport?{PERIOD}").get_data(as_text=True)
    assert "Groeit in zelfstandigheid." in html
    assert "01-09-2026 – 31-12-2026" in html
    assert "Stiptheid" in html and "Download als Excel" in html


def test_excel_report_holds_the_same_content(client, auth, own_id):
    auth.login(COACH)
    _fill(client, own_id)
    response = client.get(f"/deelnemers/{own_id}/rapport.xlsx?{PERIOD}")
    assert response.status_code == 200
    assert "attachment" in response.headers["Content-Disposition"]
    book = load_workbook(BytesIO(response.data))
    overview = {row[0]: row[1] for row in book["Overzicht"].iter_rows(values_only=True)}
    assert overview["Samenvatting van de trajectbegeleider"] == "Groeit in zelfstandigheid."
    competences = list(book["Competenties"].iter_rows(values_only=True))
    assert ("Stiptheid", 2, 4, 3.0, 2) in competences
    assert set(book.sheetnames) >= {"Afdelingen", "Certificaten", "Participatieladder"}
    assert ("02-10-2026", "Pallets stapelen", "Henk") in list(
        book["Portfolio"].iter_rows(values_only=True)
    )


def test_wrong_period_falls_back_with_a_message(client, auth, own_id):
    auth.login(COACH)
    response = client.get(f"/deelnemers/{own_id}/rapport?start=2026-12-01&end=2026-01-01")
    assert response.status_code == 400
    assert "De einddatum ligt vóór de begindatum." in response.get_data(as_text=True)
