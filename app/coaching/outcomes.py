"""Outflow: how trajectories ended, counted per quarter, referrer and target group."""

from dataclasses import dataclass
from datetime import date

import pandas as pd
from flask_babel import gettext as _
from sqlalchemy import func
from sqlmodel import Session, select

from app.audit import record
from app.coaching.models import Outcome
from app.coaching.vocab import OUTCOME_KINDS
from app.exports import frame_csv, frame_sheet, xlsx_bytes
from app.labels import label
from app.models import Certificate, Participant


def close_trajectory(
    db: Session, participant: Participant, ended_on: date, kind: str, destination: str, note: str
) -> Outcome:
    """Record the outcome and take the participant off the roster (active = False)."""
    outcome = db.exec(select(Outcome).where(Outcome.participant_id == participant.id)).first()
    outcome = outcome or Outcome(participant_id=participant.id, ended_on=ended_on, kind=kind)
    outcome.ended_on, outcome.kind = ended_on, kind
    outcome.destination, outcome.note = destination, note
    participant.active = False
    db.add_all([outcome, participant])
    record(db, "update", f"traject afgesloten: {kind} {ended_on.isoformat()}", participant.id)
    return outcome


def quarter_of(day: date) -> str:
    return f"{day.year}-K{(day.month - 1) // 3 + 1}"


def outcome_frame(db: Session) -> pd.DataFrame:
    """One row per ended trajectory, with labels; never any sensitive field."""
    rows = db.exec(
        select(Outcome, Participant)
        .join(Participant, Participant.id == Outcome.participant_id)
        .order_by(Outcome.ended_on)
    ).all()
    certificates = dict(
        db.exec(
            select(Certificate.participant_id, func.count())
            .where(Certificate.status == "obtained")
            .group_by(Certificate.participant_id)
        ).all()
    )
    return pd.DataFrame(
        [
            {
                "code": p.code,
                "quarter": quarter_of(o.ended_on),
                "ended_on": o.ended_on,
                "kind": label("outcome", o.kind),
                "destination": o.destination,
                "referrer": p.referrer_organisation or "–",
                "target_group": label("target_group", p.target_group),
                "certificates": certificates.get(p.id, 0),
            }
            for o, p in rows
        ],
        columns=[
            "code",
            "quarter",
            "ended_on",
            "kind",
            "destination",
            "referrer",
            "target_group",
            "certificates",
        ],
    )


@dataclass
class Pivot:
    title: str
    row_header: str
    columns: list[str]
    rows: list[tuple[str, list[int], int]]


def _pivot(frame: pd.DataFrame, by: str, title: str, row_header: str) -> Pivot:
    kinds = [label("outcome", k) for k in OUTCOME_KINDS]
    table = pd.crosstab(frame[by], frame["kind"]).reindex(columns=kinds, fill_value=0)
    return Pivot(
        title=title,
        row_header=row_header,
        columns=kinds,
        rows=[
            (str(index), [int(v) for v in row], int(row.sum())) for index, row in table.iterrows()
        ],
    )


def dashboard(frame: pd.DataFrame) -> list[Pivot]:
    if frame.empty:
        return []
    return [
        _pivot(frame, "quarter", _("Uitstroom per kwartaal"), _("Kwartaal")),
        _pivot(frame, "referrer", _("Uitstroom per verwijzer"), _("Verwijzer")),
        _pivot(frame, "target_group", _("Uitstroom per doelgroep"), _("Doelgroep")),
    ]


def certificates_per_quarter(db: Session) -> list[tuple[str, int]]:
    """Certificates obtained, by the quarter they were obtained in."""
    days = db.exec(
        select(Certificate.obtained_on).where(
            Certificate.status == "obtained", Certificate.obtained_on.is_not(None)
        )
    ).all()
    counts = pd.Series([quarter_of(d) for d in days], dtype="object").value_counts()
    return sorted((str(q), int(n)) for q, n in counts.items())


def export_headers() -> dict[str, str]:
    return {
        "code": _("Code"),
        "quarter": _("Kwartaal"),
        "ended_on": _("Einddatum"),
        "kind": _("Uitstroom naar"),
        "destination": _("Waar naartoe"),
        "referrer": _("Verwijzer"),
        "target_group": _("Doelgroep"),
        "certificates": _("Certificaten behaald"),
    }


def export(frame: pd.DataFrame, kind: str) -> bytes:
    named = frame.rename(columns=export_headers())
    if kind == "csv":
        return frame_csv(named)
    return xlsx_bytes([frame_sheet(named, _("Uitstroom"))])
