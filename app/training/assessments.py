"""Dated results of the language meter and the competence and career-choice tests, and the
chart of language levels over time."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from app.audit import record
from app.training.language import cefr
from app.training.models import CEFR_LEVELS, AssessmentResult

CHART_WIDTH, CHART_HEIGHT, MARGIN = 640, 220, 40


def add_result(db: Session, result: AssessmentResult, user_id: int | None) -> AssessmentResult:
    result.entered_by = user_id
    db.add(result)
    record(db, "create", f"resultaat {result.kind} {result.day.isoformat()}", result.participant_id)
    return result


def results_of(
    db: Session, participant_id: int, until: date | None = None
) -> list[AssessmentResult]:
    query = select(AssessmentResult).where(AssessmentResult.participant_id == participant_id)
    if until is not None:
        query = query.where(AssessmentResult.day <= until)
    return list(db.exec(query.order_by(AssessmentResult.day, AssessmentResult.id)))


@dataclass(frozen=True)
class LevelChart:
    width: int
    height: int
    points: list[tuple[float, float, str, date]]  # x, y, level as measured, day
    y_ticks: list[tuple[str, float]]
    x_labels: list[tuple[float, date]]

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _level, _day in self.points)


def level_chart(results: list[AssessmentResult]) -> LevelChart | None:
    """The language meter's levels over time, drawn server-side like the score chart."""
    measured = [r for r in results if r.kind == "language_meter" and cefr(r.level)]
    if not measured:
        return None
    first, last = measured[0].day, measured[-1].day
    span = max((last - first).days, 1)
    plot_w = CHART_WIDTH - 2 * MARGIN
    plot_h = CHART_HEIGHT - 2 * MARGIN

    def x_of(day: date) -> float:
        if first == last:
            return MARGIN + plot_w / 2
        return MARGIN + plot_w * (day - first).days / span

    def y_of(level: str) -> float:
        return MARGIN + plot_h * (len(CEFR_LEVELS) - 1 - CEFR_LEVELS.index(level)) / (
            len(CEFR_LEVELS) - 1
        )

    return LevelChart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        points=[(x_of(r.day), y_of(cefr(r.level)), r.level, r.day) for r in measured],
        y_ticks=[(level, y_of(level)) for level in CEFR_LEVELS],
        x_labels=[(x_of(day), day) for day in sorted({first, last})],
    )
