"""Every route of the app, opened by every role and by an anonymous visitor.

EXPECTED is written out by hand rather than read from the decorators: a new route fails
this test until someone decides who may open it, and a changed decorator fails it until
the table agrees.
"""

import time
from datetime import date

import pytest
from flask import Flask
from sqlmodel import Session, select
from werkzeug.routing import AnyConverter, Rule

from app.coaching.models import Attachment, ReportShare, ReportSummary
from app.models import CoachAssignment, Participant, ProductionOrder, User
from app.roster.models import SolverJob
from inventory.models import Article, Pallet, Shipment
from tests.conftest import ADMIN, COACH, CUSTOMER, MANAGER, REFERRER, Auth, make_app

PUBLIC = "public"
MANAGERS = {"admin", "manager"}
STAFF = MANAGERS | {"coach"}
EVERYONE = STAFF | {"customer", "referrer"}
CUSTOMERS = {"customer"}
REFERRERS = {"referrer"}
ADMINS = {"admin"}

EXPECTED: dict[str, set[str] | str] = {
    "static": PUBLIC,
    "auth.login": PUBLIC,
    "auth.logout": PUBLIC,
    "auth.change_password": EVERYONE,
    "main.health": PUBLIC,
    "main.set_language": PUBLIC,
    "main.home": EVERYONE,
    "admin.audit": ADMINS,
    "admin.lockouts": ADMINS,
    "admin.unlock": ADMINS,
    "auth.choose_password": PUBLIC,
    **{
        f"admin.{name}": ADMINS
        for name in "users create_account password_link account_status".split()
    },
    **{
        f"admin.{name}": MANAGERS
        for name in (
            "departments department add_override remove_override archive_department "
            "add_closure remove_closure"
        ).split()
    },
    **{
        f"coaching.{name}": STAFF
        for name in (
            "register waiting_list step pause_trajectory resume_trajectory "
            "import_participants confirm_participant_import"
        ).split()
    },
    "coaching.assign": MANAGERS,
    "coaching.unassign": MANAGERS,
    **{f"coaching.{name}": {"manager"} for name in "clearance add_avoid remove_avoid".split()},
    **{
        f"coaching.{name}": STAFF
        for name in (
            "add_absence add_certificate add_ladder add_portfolio_step add_progress_note "
            "add_contact_log attachment caseload outcome own_plan participant_file "
            "progress remove_row report report_excel report_pdf save_availability save_intake "
            "save_learning save_referrer_contact save_roster_inputs save_sensitive save_skills "
            "save_summary "
            "share_report unshare_report"
        ).split()
    },
    "coaching.attendance": {"manager", "coach"},
    "coaching.department_hours": {"manager"},
    "coaching.outcomes": MANAGERS,
    "money.community_service": {"manager", "coach"},
    "money.community_service_statement": {"manager", "coach"},
    **{
        f"money.{name}": {"manager"}
        for name in (
            "add_article_price add_hours_correction add_storage_rate approve_month "
            "credit_invoice hours_page invoice_pdf_download invoice_spec invoices payroll_export "
            "ledger_export overview set_pay_profile "
            "prices rates run_invoices trajectories"
        ).split()
    },
    "coaching.outcomes_export": MANAGERS,
    **{
        f"orders.{name}": MANAGERS
        for name in (
            "article confirm_import create customer customers demand detail edit "
            "import_orders index register set_status"
        ).split()
    },
    **{
        f"portal.{name}": CUSTOMERS
        for name in (
            "order orders orders_csv shipment shipments shipments_csv stock stock_csv"
        ).split()
    },
    "referrer.report": REFERRERS,
    "referrer.report_pdf": REFERRERS,
    **{
        f"roster.{name}": MANAGERS
        for name in (
            "change compare copy_previous edit_panel export job_status participant_week plan "
            "printable publish register_absence replan_gap week"
        ).split()
    },
    **{
        f"training.{name}": STAFF
        for name in (
            "add_assessment calendar detail enrol_participant enrol_people new_session "
            "participant_courses result unenrol"
        ).split()
    },
    "training.language_rules": MANAGERS,
    **{f"ownplan.{name}": STAFF for name in ("add discussed edit inburgering reached").split()},
    **{
        f"supervision.{name}": MANAGERS
        for name in ("add_supervisor index save_needs save_week week").split()
    },
    **{
        f"regime.{name}": MANAGERS
        for name in ("add events import_confirm import_preview remove").split()
    },
    **{
        f"warehouse.{name}": MANAGERS
        for name in (
            "confirm_notice correct create_layout history import_notice index move packing pallet "
            "pallets pick put_pallet_away putaway receipt send shipment shipments stock_overview"
        ).split()
    },
}
# Refusals beyond the role, decided in the view by a rule of the area.
REFUSED_BY_AREA_RULE = {
    # Health and detention details: only managers and the participant's own coach.
    ("coaching.save_sensitive", "admin"),
}
LOGINS = {
    "admin": ADMIN,
    "manager": MANAGER,
    "coach": COACH,
    "customer": CUSTOMER,
    "referrer": REFERRER,
}
MISSING = 999_999
WEEK = "2026-W49"


@pytest.fixture
def app(database_url):
    app = make_app(database_url, SOLVER_TIME_LIMIT=1.0)
    yield app
    _wait_for_solver_jobs(app)
    app.extensions["engine"].dispose()


def _wait_for_solver_jobs(app: Flask, timeout: float = 60.0) -> None:
    """Empty POSTs start planning jobs; the database must outlive their threads."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with Session(app.extensions["engine"]) as session:
            busy = session.exec(
                select(SolverJob).where(SolverJob.status.in_(("queued", "running")))
            ).first()
        if busy is None:
            return
        time.sleep(0.2)


def _ids(db: Session) -> dict[str, object]:
    """Real ids the coach and the customer own, so a refusal means the role, not ownership."""
    coach = db.exec(select(User).where(User.email == COACH)).one()
    customer = db.exec(select(User).where(User.email == CUSTOMER)).one()
    participant = db.get(
        Participant,
        db.exec(
            select(CoachAssignment.participant_id).where(
                CoachAssignment.coach_id == coach.id, CoachAssignment.end_date.is_(None)
            )
        ).first(),
    )
    order = db.exec(
        select(ProductionOrder).where(ProductionOrder.customer_id == customer.customer_id)
    ).first()
    article = db.exec(select(Article).where(Article.customer_id == customer.customer_id)).first()
    shipment = db.exec(select(Shipment).where(Shipment.customer_id == customer.customer_id)).first()
    attachment = db.exec(
        select(Attachment).where(Attachment.participant_id == participant.id)
    ).first()
    pallet = db.exec(select(Pallet)).first()
    report, share = _shared_report(db, participant.id)
    return {
        "participant_id": participant.id,
        "code": participant.code,
        "attachment_id": attachment.id if attachment else MISSING,
        "order_id": order.id,
        "customer_id": customer.customer_id,
        "article_id": article.id,
        "shipment_id": shipment.id if shipment else MISSING,
        "pallet_id": pallet.id if pallet else MISSING,
        "report_id": report.id,
        "share_id": share.id,
        "contact_id": MISSING,
        "job_id": MISSING,
        "row_id": MISSING,
        "user_id": MISSING,
        "department_id": MISSING,
        "override_id": MISSING,
        "closure_id": MISSING,
        "assignment_id": MISSING,
        "pair_id": MISSING,
        "token": "no-such-link",
        "session_id": MISSING,
        "enrolment_id": MISSING,
        "event_id": MISSING,
        "goal_id": MISSING,
        "week": WEEK,
        "month": "2026-11",
        "invoice_id": MISSING,
        "service_id": MISSING,
        "filename": "css/app.css",
    }


def _shared_report(db: Session, participant_id: int) -> tuple[ReportSummary, ReportShare]:
    """A report of the coach's participant shared with the referrer, so both may open it."""
    referrer = db.exec(select(User).where(User.email == REFERRER)).one()
    participant = db.get(Participant, participant_id)
    participant.referrer_organisation = referrer.referrer_organisation
    db.add(participant)
    report = ReportSummary(
        participant_id=participant_id,
        period_start=date(2026, 9, 1),
        period_end=date(2026, 11, 30),
        text="Afgerond.",
    )
    db.add(report)
    db.flush()
    share = ReportShare(
        report_id=report.id,
        user_id=referrer.id,
        organisation=referrer.referrer_organisation,
        html="<article>Afgerond.</article>",
        pdf=b"%PDF-1.4",
    )
    db.add(share)
    db.commit()
    return report, share


def _path(rule: Rule, ids: dict[str, object]) -> str:
    values = {}
    for name, converter in rule._converters.items():
        values[name] = (
            sorted(converter.items)[0] if isinstance(converter, AnyConverter) else ids[name]
        )
    return rule.build(values, append_unknown=False)[1]


def _requests(app: Flask, ids: dict[str, object]) -> list[tuple[str, str, str]]:
    """(endpoint, method, path) for every rule; logging out comes last, it ends the walk."""
    found = [
        (rule.endpoint, method, _path(rule, ids))
        for rule in app.url_map.iter_rules()
        for method in sorted(rule.methods & {"GET", "POST"})
    ]
    return sorted(found, key=lambda item: item[0] == "auth.logout")


def test_the_table_names_every_route(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - EXPECTED.keys() == set(), "add the new routes to EXPECTED"
    assert EXPECTED.keys() - endpoints == set(), "remove routes that no longer exist"


def test_anonymous_is_sent_to_login_everywhere_but_public_pages(app, db):
    client = app.test_client()
    failures = []
    for endpoint, method, path in _requests(app, _ids(db)):
        response = client.open(path, method=method)
        if EXPECTED[endpoint] == PUBLIC:
            ok = response.status_code < 500
        else:
            location = response.headers.get("Location", "")
            ok = response.status_code == 401 or (
                response.status_code == 302 and "/inloggen" in location
            )
        if not ok:
            failures.append((endpoint, method, path, response.status_code))
    assert failures == []


@pytest.mark.parametrize("role", sorted(LOGINS))
def test_each_role_opens_exactly_its_routes(app, db, role):
    client = app.test_client()
    assert Auth(client).login(LOGINS[role]).status_code == 302
    failures = []
    for endpoint, method, path in _requests(app, _ids(db)):
        response = client.open(path, method=method)
        allowed = (EXPECTED[endpoint] == PUBLIC or role in EXPECTED[endpoint]) and (
            endpoint,
            role,
        ) not in REFUSED_BY_AREA_RULE
        ok = response.status_code < 500 and (
            response.status_code != 403 if allowed else response.status_code == 403
        )
        if not ok:
            failures.append((endpoint, method, path, response.status_code))
    assert failures == []
