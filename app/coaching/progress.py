"""Progress notes, their attachments, and the chart of competence scores over time."""

import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from flask import current_app
from sqlmodel import Session, select
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from app.audit import record
from app.coaching.models import Attachment, ProgressNote
from app.coaching.vocab import COMPETENCES

ALLOWED_TYPES = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "txt": "text/plain",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024


class AttachmentRefused(ValueError):
    pass


def upload_dir() -> Path:
    """Outside the web root: files are served only through the access-checked route."""
    folder = Path(current_app.config["UPLOAD_FOLDER"]) / "attachments"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def check_upload(upload: FileStorage) -> tuple[str, str]:
    """The safe file name and content type, or AttachmentRefused with the reason."""
    name = secure_filename(upload.filename or "")
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED_TYPES:
        raise AttachmentRefused("type")
    upload.stream.seek(0, 2)
    size = upload.stream.tell()
    upload.stream.seek(0)
    if size > MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused("size")
    if size == 0:
        raise AttachmentRefused("empty")
    return name, ALLOWED_TYPES[extension]


def add_note(
    db: Session,
    participant_id: int,
    author_id: int,
    day: date,
    text: str,
    scores: dict[str, int | None],
    upload: FileStorage | None = None,
) -> ProgressNote:
    """Store a note (and its file); the file is written only once the note is valid."""
    checked = check_upload(upload) if upload and upload.filename else None
    note = ProgressNote(
        participant_id=participant_id, author_id=author_id, day=day, text=text, **scores
    )
    db.add(note)
    db.flush()
    record(db, "create", f"voortgangsnotitie {day.isoformat()}", participant_id)
    if checked:
        name, content_type = checked
        stored = uuid.uuid4().hex
        upload.save(upload_dir() / stored)
        db.add(
            Attachment(
                note_id=note.id,
                participant_id=participant_id,
                filename=name,
                stored_name=stored,
                content_type=content_type,
                size=(upload_dir() / stored).stat().st_size,
            )
        )
        record(db, "create", f"bijlage {name}", participant_id)
    return note


def notes_of(db: Session, participant_id: int) -> list[ProgressNote]:
    return list(
        db.exec(
            select(ProgressNote)
            .where(ProgressNote.participant_id == participant_id)
            .order_by(ProgressNote.day.desc(), ProgressNote.id.desc())
        )
    )


def attachments_by_note(db: Session, participant_id: int) -> dict[int, list[Attachment]]:
    found: dict[int, list[Attachment]] = {}
    for attachment in db.exec(
        select(Attachment).where(Attachment.participant_id == participant_id)
    ):
        found.setdefault(attachment.note_id, []).append(attachment)
    return found


def delete_attachment_files(db: Session, participant_id: int) -> int:
    """Remove the stored files and rows of a participant's attachments (for anonymising)."""
    rows = list(db.exec(select(Attachment).where(Attachment.participant_id == participant_id)))
    for attachment in rows:
        (upload_dir() / attachment.stored_name).unlink(missing_ok=True)
        db.delete(attachment)
    return len(rows)


# Each line has its own marker shape and dash pattern, so colour is never the only cue.
SYMBOLS = dict(zip(COMPETENCES, ("●", "■", "▲", "◆"), strict=True))


@dataclass
class Series:
    competence: str
    points: list[tuple[float, float, int, date]]  # x, y, score, day

    @property
    def symbol(self) -> str:
        return SYMBOLS[self.competence]

    @property
    def polyline(self) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y, _score, _day in self.points)


@dataclass
class Chart:
    width: int
    height: int
    series: list[Series]
    rows: list[tuple[date, dict[str, int | None]]]
    y_ticks: list[tuple[int, float]]
    x_labels: list[tuple[float, date]]


CHART_WIDTH, CHART_HEIGHT, MARGIN = 640, 240, 40


def score_chart(notes: list[ProgressNote]) -> Chart | None:
    """Scores over time scaled to SVG coordinates, drawn server-side (no JS needed)."""
    scored = sorted(
        (n for n in notes if any(getattr(n, c) for c in COMPETENCES)),
        key=lambda n: (n.day, n.id),
    )
    if not scored:
        return None
    first, last = scored[0].day, scored[-1].day
    span = max((last - first).days, 1)
    plot_w, plot_h = CHART_WIDTH - 2 * MARGIN, CHART_HEIGHT - 2 * MARGIN

    def x_of(day: date) -> float:
        if first == last:
            return MARGIN + plot_w / 2
        return MARGIN + plot_w * (day - first).days / span

    def y_of(score: int) -> float:
        return MARGIN + plot_h * (5 - score) / 4

    series = [
        Series(
            competence=c,
            points=[
                (x_of(n.day), y_of(getattr(n, c)), getattr(n, c), n.day)
                for n in scored
                if getattr(n, c)
            ],
        )
        for c in COMPETENCES
    ]
    return Chart(
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        series=[s for s in series if s.points],
        rows=[(n.day, {c: getattr(n, c) for c in COMPETENCES}) for n in scored],
        y_ticks=[(score, y_of(score)) for score in range(1, 6)],
        x_labels=[(x_of(day), day) for day in sorted({first, last})],
    )
