"""The progress report for the referrer: one participant, one period, as page or workbook."""

from dataclasses import dataclass
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import func
from sqlmodel import Session, select

from app.coaching.attendance import AttendanceSummary, attendance_summary
from app.coaching.file import intake_of
from app.coaching.models import (
    Attendance,
    Intake,
    LadderStep,
    PortfolioStep,
    ProgressNote,
    ReportSummary,
)
from app.coaching.vocab import ATTENDANCE_STATUSES, COMPETENCES
from app.exports import Sheet, xlsx_bytes
from app.labels import label
from app.models import Certificate, Department, Participant


@dataclass
class CompetenceTrend:
    competence: str
    first: int | None
    last: int | None
    average: float | None
    count: int


@dataclass
class ProgressReport:
    participant: Participant
    intake: Intake
    start: date
    end: date
    attendance: AttendanceSummary
    departments: list[tuple[str, int]]
    certificates: list[Certificate]
    competences: list[CompetenceTrend]
    ladder: list[LadderStep]
    portfolio: list[PortfolioStep]
    summary: str


def summary_row(db: Session, participant_id: int, start: date, end: date) -> ReportSummary:
    found = db.exec(
        select(ReportSummary).where(
            ReportSummary.participant_id == participant_id,
            ReportSummary.period_start == start,
            ReportSummary.period_end == end,
        )
    ).first()
    return found or ReportSummary(participant_id=participant_id, period_start=start, period_end=end)


def build_report(db: Session, participant: Participant, start: date, end: date) -> ProgressReport:
    pid = participant.id
    worked = db.exec(
        select(Department.name, func.count())
        .join(Attendance, Attendance.department_id == Department.id)
        .where(
            Attendance.participant_id == pid,
            Attendance.day.between(start, end),
            Attendance.status != "absent",
        )
        .group_by(Department.name)
        .order_by(func.count().desc())
    ).all()
    notes = list(
        db.exec(
            select(ProgressNote)
            .where(ProgressNote.participant_id == pid, ProgressNote.day.between(start, end))
            .order_by(ProgressNote.day, ProgressNote.id)
        )
    )
    return ProgressReport(
        participant=participant,
        intake=intake_of(db, pid),
        start=start,
        end=end,
        attendance=attendance_summary(db, pid, start, end),
        departments=list(worked),
        certificates=list(
            db.exec(
                select(Certificate)
                .where(Certificate.participant_id == pid)
                .order_by(Certificate.status, Certificate.kind)
            )
        ),
        competences=[_trend(c, notes) for c in COMPETENCES],
        ladder=list(
            db.exec(
                select(LadderStep)
                .where(LadderStep.participant_id == pid, LadderStep.day <= end)
                .order_by(LadderStep.day, LadderStep.id)
            )
        ),
        portfolio=list(
            db.exec(
                select(PortfolioStep)
                .where(PortfolioStep.participant_id == pid, PortfolioStep.day <= end)
                .order_by(PortfolioStep.day, PortfolioStep.id)
            )
        ),
        summary=summary_row(db, pid, start, end).text,
    )


def _trend(competence: str, notes: list[ProgressNote]) -> CompetenceTrend:
    scores = [getattr(n, competence) for n in notes if getattr(n, competence)]
    return CompetenceTrend(
        competence=competence,
        first=scores[0] if scores else None,
        last=scores[-1] if scores else None,
        average=round(sum(scores) / len(scores), 1) if scores else None,
        count=len(scores),
    )


def dutch_date(day: date | None) -> str:
    return day.strftime("%d-%m-%Y") if day else ""


@dataclass
class ReportTable:
    """One part of the report as rows, so the workbook and the PDF cannot drift apart."""

    sheet: str
    title: str
    header: tuple[str, ...]
    rows: list[tuple]
    # Said when there are no rows; a part without it is left out when empty.
    empty: str = ""


def report_facts(report: ProgressReport) -> list[tuple[str, str]]:
    p = report.participant
    contact = report.intake.referrer_contact
    return [
        (_("Code"), p.code),
        (
            _("Verwijzer"),
            f"{p.referrer_organisation} ({contact})" if contact else p.referrer_organisation,
        ),
        (_("Periode"), f"{dutch_date(report.start)} – {dutch_date(report.end)}"),
        (_("Trajectdoel"), label("trajectory_goal", report.intake.trajectory_goal) or "–"),
    ]


def report_tables(report: ProgressReport) -> list[ReportTable]:
    return [
        ReportTable(
            _("Afdelingen"),
            _("Afdelingen"),
            (_("Afdeling"), _("Dagdelen gewerkt")),
            list(report.departments),
            _("Geen gewerkte dagdelen geregistreerd."),
        ),
        ReportTable(
            _("Certificaten"),
            _("Certificaten en trainingen"),
            (_("Soort"), _("Status"), _("Behaald"), _("Verloopt")),
            [
                (
                    label("certificate", c.kind),
                    label("certificate_status", c.status),
                    dutch_date(c.obtained_on),
                    dutch_date(c.expires_on),
                )
                for c in report.certificates
            ],
            _("Nog geen certificaten."),
        ),
        ReportTable(
            _("Competenties"),
            _("Ontwikkeling competenties"),
            (_("Competentie"), _("Eerste score"), _("Laatste score"), _("Gemiddeld"), _("Aantal")),
            [
                (label("competence", t.competence), t.first, t.last, t.average, t.count)
                for t in report.competences
            ],
        ),
        ReportTable(
            _("Participatieladder"),
            _("Participatieladder"),
            (_("Datum"), _("Trede")),
            [(dutch_date(s.day), s.step) for s in report.ladder],
        ),
        ReportTable(
            _("Portfolio"),
            _("Portfolio: op weg naar een praktijkverklaring"),
            (_("Datum"), _("Onderdeel"), _("Bevestigd door")),
            [(dutch_date(s.day), s.description, s.confirmed_by) for s in report.portfolio],
        ),
    ]


def report_workbook(report: ProgressReport) -> bytes:
    """The same content as the printable page, one sheet per part, for the referrer."""
    rate = report.attendance.rate
    overview = [
        *report_facts(report),
        (_("Aanwezigheid"), f"{rate:.0%}" if rate is not None else "–"),
        *(
            (label("attendance", s), report.attendance.counts.get(s, 0))
            for s in ATTENDANCE_STATUSES
        ),
        (_("Samenvatting van de trajectbegeleider"), report.summary),
    ]
    header = (_("Voortgangsrapport"), report.participant.full_name)
    return xlsx_bytes(
        [
            Sheet(_("Overzicht"), header, overview, widths=(36, 60)),
            *(Sheet(t.sheet, t.header, t.rows) for t in report_tables(report)),
        ]
    )
