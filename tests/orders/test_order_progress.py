"""Production registration moves progress, the forecast, the risk flag and the labour need."""

from datetime import date, datetime, time, timedelta

import pytest
import time_machine

from app import clock
from app.orders.labour import remaining_units, weekly_demand
from app.orders.production import RegistrationRefused, register_production
from app.orders.progress import add_working_days, daily_rate
from app.orders.queries import order_line
from app.submissions import new_key
from tests import dates
from tests.conftest import MANAGER
from tests.orders.order_helpers import order_by_number

TODAY = dates.demo_day(date(2026, 11, 26))  # a Thursday


def test_daily_rate_counts_working_days_without_output():
    output = [(date(2026, 11, 23), 1000), (date(2026, 11, 25), 1000)]  # Mon and Wed
    assert daily_rate(output) == pytest.approx(2000 / 3)
    assert daily_rate([]) is None


def test_add_working_days_skips_weekends():
    assert add_working_days(date(2026, 11, 27), 1) == date(2026, 11, 30)  # Fri -> Mon


def test_registration_updates_progress_and_forecast(db):
    order = order_by_number(db, dates.order(3))  # 14,000 units, in production, due 2027-01-03
    before = order_line(db, order.id, today=TODAY).progress
    assert before.made == 0 and before.forecast is None
    for offset in range(3):  # Mon, Tue, Wed of this week: 1,000 good units a day
        register_production(db, order, TODAY - timedelta(days=3 - offset), 1000, 20, today=TODAY)
    db.commit()
    progress = order_line(db, order.id, today=TODAY).progress
    assert progress.made == 3000
    assert progress.rejected == 60
    assert progress.remaining == 11000
    assert progress.percent == 21
    assert progress.rate_per_day == pytest.approx(1000)


def test_forecast_is_eleven_working_days_out_at_a_thousand_a_day(db):
    order = order_by_number(db, dates.order(3))
    for offset in range(3):
        register_production(db, order, TODAY - timedelta(days=3 - offset), 1000, today=TODAY)
    db.commit()
    line = order_line(db, order.id, today=TODAY)
    assert line.progress.forecast == add_working_days(TODAY, 11)
    assert line.progress.risk is None  # 2026-12-11 is before the due date 2027-01-03


def test_a_slow_order_is_flagged_at_risk(db):
    order = order_by_number(db, dates.order(7))  # 29,000 units due 2026-12-15
    register_production(db, order, TODAY, 500, today=TODAY)
    db.commit()
    line = order_line(db, order.id, today=TODAY)
    assert line.progress.forecast > order.due_date
    assert line.progress.risk == "forecast_late"


def test_first_registration_puts_a_planned_order_in_production(db):
    order = order_by_number(db, dates.order(1))  # planned
    register_production(db, order, TODAY, 100, today=TODAY)
    db.commit()
    assert order_by_number(db, dates.order(1)).status == "in_production"


def test_registration_refuses_future_days_and_closed_orders(db):
    order = order_by_number(db, dates.order(3))
    with pytest.raises(RegistrationRefused) as refused:
        register_production(db, order, TODAY + timedelta(days=1), 10, today=TODAY)
    assert refused.value.reason == "future_day"
    order.status = "shipped"
    with pytest.raises(RegistrationRefused) as refused:
        register_production(db, order, TODAY, 10, today=TODAY)
    assert refused.value.reason == "order_closed"


def test_produced_units_lower_the_labour_need_from_the_next_week(db):
    """A week's demand counts production registered before its Monday, not during it."""
    order = order_by_number(db, dates.order(3))
    monday = dates.MONDAY
    before = weekly_demand(db, monday)["packaging"]
    following = weekly_demand(db, monday + timedelta(weeks=1))["packaging"]
    register_production(db, order, dates.TODAY, 10000, today=dates.TODAY)
    db.commit()
    assert remaining_units(db, order) == 4000
    assert weekly_demand(db, monday)["packaging"] == before
    assert weekly_demand(db, monday + timedelta(weeks=1))["packaging"] < following


@pytest.mark.parametrize("weekday", range(5))
def test_a_weeks_demand_is_the_same_on_every_day_it_is_viewed(db, weekday):
    monday_view = weekly_demand(db, dates.MONDAY)
    day = datetime.combine(dates.MONDAY + timedelta(days=weekday), time(16), tzinfo=clock.LOCAL)
    with time_machine.travel(day, tick=False):
        assert clock.today().weekday() == weekday
        assert weekly_demand(db, dates.MONDAY) == monday_view
    assert monday_view["packaging"] > 0


def test_registration_route_shows_progress(client, auth, db):
    auth.login(MANAGER)
    order = order_by_number(db, dates.order(3))
    response = client.post(
        f"/orders/{order.id}/productie",
        data={
            "day": dates.TODAY.isoformat(),
            "units_made": "7000",
            "units_rejected": "5",
            "submission": new_key(),
        },
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "Productie geregistreerd." in page
    assert "50%" in page and "(7000 / 14000)" in page


def test_registration_route_rejects_nothing_reported(client, auth, db):
    auth.login(MANAGER)
    order = order_by_number(db, dates.order(3))
    response = client.post(
        f"/orders/{order.id}/productie",
        data={"day": dates.TODAY.isoformat(), "units_made": "0", "units_rejected": "0"},
    )
    assert response.status_code == 400
    assert "Meld minstens één gemaakt of afgekeurd stuk." in response.get_data(as_text=True)
