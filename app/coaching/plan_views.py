"""The participant's own one-page plan in plain Dutch (B1), large type, to print and hand over."""


from flask import render_template
from sqlmodel import select

from app import clock
from app.auth.access import STAFF, roles
from app.coaching import bp
from app.coaching.access import read_participant
from app.coaching.attendance import rostered_this_week
from app.coaching.file import load_file
from app.db import get_session
from app.models import Certificate
from app.vocab import DAYPARTS, DAYS


@bp.route("/<int:participant_id>/mijn-plan")
@roles(*STAFF)
def own_plan(participant_id: int):
    db = get_session()
    participant = read_participant(db, participant_id, "mijn plan")
    file = load_file(db, participant)
    obtained = db.exec(
        select(Certificate).where(
            Certificate.participant_id == participant.id, Certificate.status == "obtained"
        )
    ).all()
    return render_template(
        "coaching/own_plan.html",
        p=participant,
        file=file,
        obtained=obtained,
        rostered=rostered_this_week(db, participant.id, clock.today()),
        learning=[d.name for d in file.departments if d.id in file.learning],
        work_days=[
            (day, [part for part in DAYPARTS if (day, part) in file.availability])
            for day in DAYS
            if any((day, part) in file.availability for part in DAYPARTS)
        ],
    )
