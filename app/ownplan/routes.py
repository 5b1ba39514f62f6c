"""Keeping the participant's own plan: their goals, the talks about it, the inburgering.

The printable plan itself is the coaching area's `own_plan` page, which shows all of this.
"""

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app import clock
from app.auth.access import STAFF, roles
from app.coaching.access import participant_or_abort, read_participant
from app.db import get_session
from app.models import Participant
from app.ownplan.forms import ROUTE_LABELS, DiscussionForm, GoalForm, InburgeringForm
from app.ownplan.models import PlanDiscussion, PlanGoal
from app.ownplan.plan import (
    add_goal,
    inburgering_of,
    load_plan,
    mark_reached,
    record_discussion,
    set_inburgering,
)

bp = Blueprint("ownplan", __name__, url_prefix="/eigen-plan")


def _page(participant: Participant, status: int = 200, **forms):
    db = get_session()
    today = clock.today()
    inburgering = inburgering_of(db, participant.id)
    defaults = {
        "goal_form": GoalForm(prefix="doel", agreed_on=today),
        "discussion_form": DiscussionForm(prefix="gesprek", day=today),
        "inburgering_form": InburgeringForm(prefix="inb", obj=inburgering),
    }
    defaults.update(forms)
    return render_template(
        "ownplan/edit.html",
        p=participant,
        plan=load_plan(db, participant, today),
        status_holder=participant.target_group == "status_holder",
        routes=ROUTE_LABELS,
        **defaults,
    ), status


def _back(participant_id: int):
    get_session().commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for("ownplan.edit", participant_id=participant_id))


@bp.route("/<int:participant_id>")
@roles(*STAFF)
def edit(participant_id: int):
    participant = read_participant(get_session(), participant_id, "eigen plan")
    return _page(participant)


@bp.route("/<int:participant_id>/doel", methods=["POST"])
@roles(*STAFF)
def add(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = GoalForm(prefix="doel")
    if not form.validate():
        return _page(participant, 400, goal_form=form)
    add_goal(
        db,
        PlanGoal(
            participant_id=participant.id,
            text=form.text.data.strip(),
            agreed_on=form.agreed_on.data,
            next_step=form.next_step.data or "",
        ),
    )
    return _back(participant.id)


@bp.route("/<int:participant_id>/doel/<int:goal_id>/gehaald", methods=["POST"])
@roles(*STAFF)
def reached(participant_id: int, goal_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    goal = db.get(PlanGoal, goal_id)
    if goal is None or goal.participant_id != participant.id:
        abort(404)
    mark_reached(db, goal, clock.today())
    return _back(participant.id)


@bp.route("/<int:participant_id>/besproken", methods=["POST"])
@roles(*STAFF)
def discussed(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = DiscussionForm(prefix="gesprek")
    if not form.validate():
        return _page(participant, 400, discussion_form=form)
    record_discussion(
        db,
        PlanDiscussion(
            participant_id=participant.id,
            day=form.day.data,
            coach_id=current_user.id,
            note=form.note.data or "",
        ),
    )
    return _back(participant.id)


@bp.route("/<int:participant_id>/inburgering", methods=["POST"])
@roles(*STAFF)
def inburgering(participant_id: int):
    db = get_session()
    participant = participant_or_abort(db, participant_id)
    form = InburgeringForm(prefix="inb")
    if not form.validate():
        return _page(participant, 400, inburgering_form=form)
    set_inburgering(db, participant.id, form.route.data or None, form.deadline.data)
    return _back(participant.id)
