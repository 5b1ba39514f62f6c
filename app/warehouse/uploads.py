"""Spreadsheet uploads for imports: checked, parked between preview and confirm, then read.

The file is kept on disk under a random token remembered in the user's session, so the
confirm step writes exactly what the preview showed, and a user can only confirm their
own upload. The confirm step parses the file again: the database may have changed since.

A preview nobody confirms (the tab was closed, the session ended) would stay forever, and
it holds a customer's data: previews older than `PREVIEW_LIFETIME` are expired and removed
on every upload and by `flask remove-stale-imports`.
"""

import io
import os
import re
import secrets
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pandas as pd
from flask import current_app, session
from werkzeug.datastructures import FileStorage

from app import clock
from inventory.tabular import TableTooLarge, read_table

MAX_UPLOAD_BYTES = 2 * 1024 * 1024
# A workbook is a zip: 2 MB can unpack to hundreds of MB of sheet XML, which the Excel
# reader scans whole before the first row. MAX_ROWS lines of real data stay far below this.
MAX_UNPACKED_BYTES = 10 * 1024 * 1024
SUFFIXES = (".csv", ".xlsx")
ZIP_MAGIC = b"PK\x03\x04"
TOKEN = re.compile(r"[A-Za-z0-9_-]{20,60}")
PREVIEW_LIFETIME = timedelta(hours=24)


class UploadRefused(Exception):
    """`reason`: too_large, too_many_rows, too_many_columns, wrong_type, unreadable or expired
    (stable codes)."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Staged:
    token: str
    filename: str
    frame: pd.DataFrame


def _suffix(filename: str) -> str:
    return Path(filename).suffix.lower()


def _folder() -> Path:
    folder = Path(current_app.config["UPLOAD_FOLDER"])
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _is_preview(path: Path) -> bool:
    """Only files this module parked: the folder also holds other areas' files."""
    return path.suffix in SUFFIXES and bool(TOKEN.fullmatch(path.stem)) and path.is_file()


def _too_old(path: Path, older_than: timedelta) -> bool:
    return path.stat().st_mtime < clock.now().timestamp() - older_than.total_seconds()


def remove_stale(older_than: timedelta = PREVIEW_LIFETIME) -> int:
    """Remove parked previews older than `older_than`; returns how many were removed.

    Safe while others upload: a file that vanishes meanwhile is simply not counted.
    """
    removed = 0
    for path in _folder().iterdir():
        try:
            if _is_preview(path) and _too_old(path, older_than):
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def _unpacked_size(content: bytes) -> int:
    """What the workbook's parts declare unpacked; zipfile never inflates past that."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return sum(member.file_size for member in archive.infolist())


def _frame(content: bytes, filename: str) -> pd.DataFrame:
    """Parse the bytes; Excel must really be a zip, CSV may be UTF-8 or Windows-1252."""
    try:
        if _suffix(filename) == ".xlsx":
            if not content.startswith(ZIP_MAGIC):
                raise UploadRefused("wrong_type")
            if _unpacked_size(content) > MAX_UNPACKED_BYTES:
                raise UploadRefused("too_large")
            return read_table(io.BytesIO(content), filename)
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252")
        return read_table(io.StringIO(text), filename)
    except UploadRefused:
        raise
    except TableTooLarge as refused:
        raise UploadRefused(refused.reason) from None
    except Exception as error:  # noqa: BLE001  (any parser failure means the same to a user)
        raise UploadRefused("unreadable") from error


def stage(upload: FileStorage, kind: str) -> Staged:
    """Check and park an uploaded file; raises `UploadRefused` naming what is wrong."""
    filename = Path(upload.filename or "").name
    if _suffix(filename) not in SUFFIXES:
        raise UploadRefused("wrong_type")
    content = upload.stream.read(MAX_UPLOAD_BYTES + 1)
    if len(content) > MAX_UPLOAD_BYTES:
        raise UploadRefused("too_large")
    frame = _frame(content, filename)
    discard(kind)
    remove_stale()
    token = secrets.token_urlsafe(24)
    path = _folder() / f"{token}{_suffix(filename)}"
    path.write_bytes(content)
    # Parked on the app's clock, which its age is read against: the same as the disk's in
    # use, and a frozen test clock stays consistent with it.
    stamp = clock.now().timestamp()
    os.utime(path, (stamp, stamp))
    session[f"import_{kind}"] = {"token": token, "filename": filename}
    return Staged(token, filename, frame)


def _parked(kind: str, token: str | None) -> tuple[Path, str]:
    parked = session.get(f"import_{kind}")
    if not parked or not token or token != parked["token"] or not TOKEN.fullmatch(token):
        raise UploadRefused("expired")
    path = _folder() / f"{token}{_suffix(parked['filename'])}"
    try:
        if _too_old(path, PREVIEW_LIFETIME):
            path.unlink(missing_ok=True)
            raise UploadRefused("expired")
    except FileNotFoundError:
        raise UploadRefused("expired") from None
    return path, parked["filename"]


def load(kind: str, token: str | None) -> Staged:
    """The file this user parked for `kind` under `token`, parsed again."""
    path, filename = _parked(kind, token)
    return Staged(token, filename, _frame(path.read_bytes(), filename))


def discard(kind: str) -> None:
    parked = session.pop(f"import_{kind}", None)
    if parked and TOKEN.fullmatch(parked["token"]):
        (_folder() / f"{parked['token']}{_suffix(parked['filename'])}").unlink(missing_ok=True)
