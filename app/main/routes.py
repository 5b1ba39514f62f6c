from flask import current_app, redirect, render_template, request, session, url_for
from flask_login import current_user

from app.admin.checklist import setup_steps
from app.auth.access import public, roles
from app.coaching.sharing import shared_with
from app.db import get_session
from app.main import bp
from app.main.overview import coach_caseload, customer_orders, manager_overview
from app.urls import is_safe_next
from app.vocab import ROLES


@bp.route("/")
@roles(*ROLES)
def home():
    db = get_session()
    if current_user.role == "referrer":
        return render_template("main/referrer_home.html", shared=shared_with(db, current_user.id))
    if current_user.role == "customer":
        return render_template(
            "main/customer_home.html", orders=customer_orders(db, current_user.customer_id)
        )
    if current_user.role == "coach":
        return render_template("main/coach_home.html", caseload=coach_caseload(db, current_user.id))
    steps = setup_steps(db) if current_user.role == "admin" else []
    return render_template(
        "main/manager_home.html",
        overview=manager_overview(db),
        steps=steps if not all(step.done for step in steps) else [],
    )


@bp.route("/taal", methods=["POST"])
@public
def set_language():
    lang = request.form.get("lang", "")
    if lang in current_app.config["LANGUAGES"]:
        session["lang"] = lang
    target = request.form.get("next")
    return redirect(target if is_safe_next(target) else url_for("main.home"))


@bp.route("/gezond")
@public
def health():
    return {"status": "ok"}
