"""The operations dashboard: twelve months of hours, occupancy, revenue and trajectories."""

from datetime import date
from decimal import Decimal

from app.money.dashboard import bars, dashboard
from app.money.models import HoursApproval
from app.money.runs import run_month
from tests.conftest import MANAGER
from tests.money.helpers import NOVEMBER, attend, of_group, trajectory

TODAY = date(2026, 12, 2)


def test_dashboard_counts_hours_revenue_and_trajectories_per_month(client, auth, db):
    (person,) = of_group(db, "participatiewet")
    attend(db, person, date(2026, 11, 13))
    attend(db, person, date(2026, 12, 1))
    trajectory(db, person, "month", "600.00", date(2026, 10, 15), date(2027, 1, 31))
    db.add(HoursApproval(month=NOVEMBER))
    db.commit()
    run_month(db, NOVEMBER, "referrer", None, TODAY)
    view = dashboard(db, TODAY)
    by_month = {m.month: m for m in view.months}
    assert len(view.months) == 12 and view.months[-1].month == date(2026, 12, 1)
    assert by_month[NOVEMBER].hours == Decimal("3.50")
    assert by_month[NOVEMBER].revenue == Decimal("600.00")
    assert [by_month[m].trajectories for m in (date(2026, 9, 1), date(2026, 10, 1))] == [0, 1]
    assert view.groups == [("participatiewet", 1)]
    auth.login(MANAGER)
    page = client.get("/geld/overzicht").get_data(as_text=True)
    assert "Uren deze maand: 3.50" in page and "€\u00a0600,00" in page


def test_bars_scale_to_the_largest_and_skip_negatives():
    assert bars([0, 5, 10, -3], height=80) == [(80, 0), (40, 40), (0, 80), (80, 0)]
