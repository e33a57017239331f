"""Uploaded course packages kept between the admin's preview and its confirm.

An upload is stored as a temporary file named by a random token; the token is kept in the
uploader's session with the file's hash, so only the session that uploaded a package can reach
it and a path never comes from the client. Files are deleted after the import, or after
``KEEP_SECONDS`` by the next upload.
"""

import hashlib
import re
import secrets
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

KEEP_SECONDS = 60 * 60
SESSION_KEY = "course_package_uploads"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")


@dataclass
class Upload:
    token: str
    name: str  # the uploaded file's name, for messages only
    index: int | None  # the course list chosen for a new course
    data: bytes


def _folder() -> Path:
    configured = getattr(settings, "COURSE_PACKAGE_UPLOAD_DIR", "")
    folder = Path(configured or tempfile.gettempdir()) / "pintar-course-packages"
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _path(token: str) -> Path:
    if not _TOKEN.match(token or ""):
        raise ValueError("not an upload token")
    return _folder() / f"{token}.zip"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def uploads_expire(*, now: float | None = None) -> int:
    """Deletes kept packages older than ``KEEP_SECONDS``; returns how many."""
    now = time.time() if now is None else now
    removed = 0
    for path in _folder().glob("*.zip"):
        try:
            if now - path.stat().st_mtime > KEEP_SECONDS:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def upload_keep(*, session, chunks, name: str, index: int | None) -> str:
    """Stores an upload (an iterable of byte chunks); returns its token."""
    uploads_expire()
    token = secrets.token_hex(16)
    digest = hashlib.sha256()
    with _path(token).open("xb") as handle:
        for chunk in chunks:
            digest.update(chunk)
            handle.write(chunk)
    now = time.time()
    kept = {
        key: entry
        for key, entry in session.get(SESSION_KEY, {}).items()
        if now - entry["at"] <= KEEP_SECONDS
    }
    kept[token] = {"name": name, "index": index, "sha256": digest.hexdigest(), "at": now}
    session[SESSION_KEY] = kept
    return token


def upload_get(*, session, token: str) -> Upload | None:
    """The package this session kept under ``token``; None if unknown, expired or altered."""
    entry = session.get(SESSION_KEY, {}).get(token)
    if entry is None or not _TOKEN.match(token):
        return None
    if time.time() - entry["at"] > KEEP_SECONDS:
        upload_discard(session=session, token=token)
        return None
    try:
        data = _path(token).read_bytes()
    except FileNotFoundError:
        return None
    if _digest(data) != entry["sha256"]:
        upload_discard(session=session, token=token)
        return None
    return Upload(token=token, name=entry["name"], index=entry["index"], data=data)


def upload_discard(*, session, token: str) -> None:
    """Forgets and deletes a kept package."""
    kept = dict(session.get(SESSION_KEY, {}))
    if kept.pop(token, None) is not None:
        session[SESSION_KEY] = kept
    if _TOKEN.match(token or ""):
        _path(token).unlink(missing_ok=True)
