import io
from datetime import date

import pandas as pd
import pytest

from inventory.errors import ImportInvalid
from inventory.importing import apply_inbound_notice, parse_inbound_notice
from inventory.models import Customer, Pallet, StockMovement
from inventory.tabular import PRODUCTION_ORDER_COLUMNS, RowError, read_table, validate_rows

GOOD = (
    "Klant;Artikel;Aantal;Pallets;Referentie\n"
    "Bakkerij Jansen;KOEK;250;;ASN-1\n"
    "\n"
    "Drukkerij Pers;FLYER;100;2;\n"
)


def csv_table(content: str) -> pd.DataFrame:
    return read_table(io.BytesIO(content.encode()), "notice.csv")


def test_a_good_notice_is_received_line_by_line(session):
    pallets = apply_inbound_notice(session, csv_table(GOOD), user="import")
    assert [(p.customer_id, p.units) for p in pallets] == [
        (1, 84),
        (1, 83),
        (1, 83),
        (2, 50),
        (2, 50),
    ]
    assert session.query(StockMovement).filter_by(reference="ASN-1").count() == 3


def test_a_bad_row_names_its_line_and_column_and_nothing_is_written(session):
    bad = GOOD + "Bakkerij Jansen;KOEK;12,5;;\nOnbekend BV;X;1;;\nBakkerij Jansen;KOEK;300;2;\n"
    lines, errors = parse_inbound_notice(session, csv_table(bad))
    assert len(lines) == 2
    assert errors == [
        RowError(5, "units", "not_a_whole_number", "12,5"),
        RowError(6, "customer", "unknown_customer", "Onbekend BV"),
        RowError(7, "units", "pallet_overfull", "300"),
    ]
    with pytest.raises(ImportInvalid) as refused:
        apply_inbound_notice(session, csv_table(bad))
    assert refused.value.code == "import_invalid" and refused.value.params["count"] == 3
    assert session.query(Pallet).count() == 0 and session.query(StockMovement).count() == 0


def test_unknown_article_inactive_customer_and_missing_cells_are_reported(session):
    session.get(Customer, 2).active = False
    table = csv_table(
        "customer,article,units\nBakkerij Jansen,FLYER,5\nDrukkerij Pers,FLYER,5\n,KOEK,0\n"
    )
    _, errors = parse_inbound_notice(session, table)
    assert [(e.line, e.column, e.code) for e in errors] == [
        (2, "article", "unknown_article"),
        (3, "customer", "customer_inactive"),
        (4, "customer", "required"),
        (4, "units", "must_be_positive"),
    ]


def test_a_missing_column_is_one_error_on_the_header_line(session):
    _, errors = parse_inbound_notice(session, csv_table("klant;aantal\nBakkerij Jansen;5\n"))
    assert errors == [RowError(1, "article", "missing_column")]
    assert str(errors[0]) == "line 1, column article: missing_column ('')"


def test_production_orders_validate_from_excel_with_dutch_headers(tmp_path):
    path = tmp_path / "orders.xlsx"
    pd.DataFrame(
        {
            "Klant": ["Bakkerij Jansen", "Drukkerij Pers"],
            "Artikel": ["KOEK", "FLYER"],
            "Aantal": [1200, 3],
            "Leverdatum": [date(2025, 3, 1), "31-02-2025"],
            "Afdeling": ["Inpak", "Montage"],
        }
    ).to_excel(path, index=False)
    rows, errors = validate_rows(read_table(path), PRODUCTION_ORDER_COLUMNS)
    assert [row.line for row in rows] == [2]
    assert rows[0].values == {
        "customer": "Bakkerij Jansen",
        "article": "KOEK",
        "quantity": 1200,
        "due date": date(2025, 3, 1),
        "department": "Inpak",
    }
    assert errors == [RowError(3, "due date", "not_a_date", "31-02-2025")]
