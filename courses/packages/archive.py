"""Reading a package from a ZIP or a folder, refusing anything unsafe before reading a byte.

The limits are settings (COURSE_PACKAGE_MAX_*). Every member's name, type, size and
compression ratio is checked from the ZIP's directory first; then each member is read with a
hard cap, since a header's declared size can lie.
"""

import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .errors import Problems

TEXT_EXTENSIONS = {"md", "yaml"}
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "webp", "gif"}
DOCUMENT_EXTENSIONS = {"pdf", "mp4"}
ALLOWED_EXTENSIONS = TEXT_EXTENSIONS | IMAGE_EXTENSIONS | DOCUMENT_EXTENSIONS
MAX_RATIO = 100  # uncompressed / compressed, per member
RATIO_FROM_BYTES = 1024 * 1024  # smaller members cannot hurt, whatever their ratio
IGNORED = ("__MACOSX/", ".DS_Store", "Thumbs.db")

PACKAGE_TOO_BIG = _("the package is larger than %(limit)s MB")
TOO_MANY_FILES = _("the package has more than %(limit)s files")
UNPACKED_TOO_BIG = _("the package's files together are larger than %(limit)s MB")
FILE_TOO_BIG = _("the file is larger than %(limit)s MB")
UNSAFE_PATH = _("the path is absolute, leaves the package or uses “\\”; refused")
SYMLINK = _("links (symlinks) cannot be in a package")
DUPLICATE = _("the file is in the package twice")
ZIP_BOMB = _("the file is compressed more than %(limit)s times (a “zip bomb”); refused")
UNKNOWN_TYPE = _("files of this type cannot be in a package (allowed: %(allowed)s)")
NOT_A_ZIP = _("the file is not a ZIP archive that can be opened")
SIZE_LIED = _("the file is larger than the ZIP says; refused")


def limits() -> dict:
    return {
        "bytes": settings.COURSE_PACKAGE_MAX_BYTES,
        "files": settings.COURSE_PACKAGE_MAX_FILES,
        "unpacked": settings.COURSE_PACKAGE_MAX_UNPACKED_BYTES,
        "file": settings.COURSE_PACKAGE_MAX_FILE_BYTES,
    }


@dataclass
class Package:
    """A package's files by path ("minggu-1/pelajaran-1.md" → bytes)."""

    name: str
    files: dict[str, bytes] = field(default_factory=dict)

    def text_paths(self):
        return [path for path in self.files if extension(path) in TEXT_EXTENSIONS]


def extension(path: str) -> str:
    return PurePosixPath(path).suffix.lower().lstrip(".")


def _megabytes(value: int) -> str:
    return f"{value / (1024 * 1024):g}"


def _safe_name(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or "\x00" in name:
        return False
    if len(name) > 2 and name[1] == ":":  # C:/…
        return False
    parts = name.split("/")
    return all(part not in ("", ".", "..") for part in parts)


def _ignored(name: str) -> bool:
    return any(name.startswith(prefix) or name.endswith(prefix) for prefix in IGNORED)


def _check_entry(name, size, *, problems, seen, limit):
    """Checks one member's name and declared size; True if it may be read."""
    if not _safe_name(name):
        problems.add(UNSAFE_PATH, file=name)
        return False
    if name.lower() in seen:
        problems.add(DUPLICATE, file=name)
        return False
    seen.add(name.lower())
    if extension(name) not in ALLOWED_EXTENSIONS:
        problems.add(UNKNOWN_TYPE, file=name, allowed=", ".join(sorted(ALLOWED_EXTENSIONS)))
        return False
    if size > limit["file"]:
        problems.add(FILE_TOO_BIG, file=name, limit=_megabytes(limit["file"]))
        return False
    return True


def _top_folder(names: list[str]) -> str:
    """The single folder a ZIP made from a folder has everything in, or ""."""
    if "course.yaml" in names or not names:
        return ""
    tops = {name.split("/", 1)[0] for name in names}
    if len(tops) == 1 and all("/" in name for name in names):
        return f"{tops.pop()}/"
    return ""


def read_zip(source, *, name: str = "paket.zip") -> Package:
    """A package from a ZIP (a path, bytes or a file object); PackageError if unsafe."""
    problems = Problems()
    limit = limits()
    if isinstance(source, bytes | bytearray):
        source = io.BytesIO(source)
    if isinstance(source, str | Path):
        size = os.path.getsize(source)
    else:
        source.seek(0, os.SEEK_END)
        size = source.tell()
        source.seek(0)
    if size > limit["bytes"]:
        problems.add(PACKAGE_TOO_BIG, file=name, limit=_megabytes(limit["bytes"]))
        problems.raise_if_any()
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.add(NOT_A_ZIP, file=name)
        problems.raise_if_any()
    with archive:
        members = [
            info for info in archive.infolist() if not info.is_dir() and not _ignored(info.filename)
        ]
        if len(members) > limit["files"]:
            problems.add(TOO_MANY_FILES, file=name, limit=limit["files"])
            problems.raise_if_any()
        if sum(info.file_size for info in members) > limit["unpacked"]:
            problems.add(UNPACKED_TOO_BIG, file=name, limit=_megabytes(limit["unpacked"]))
            problems.raise_if_any()
        prefix = _top_folder([info.filename for info in members])
        wanted = []
        seen = set()
        for info in members:
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                problems.add(SYMLINK, file=info.filename)
                continue
            ratio_too_high = info.file_size > RATIO_FROM_BYTES and info.file_size > MAX_RATIO * max(
                info.compress_size, 1
            )
            if ratio_too_high:
                problems.add(ZIP_BOMB, file=info.filename, limit=MAX_RATIO)
                continue
            path = info.filename[len(prefix) :]
            if _check_entry(path, info.file_size, problems=problems, seen=seen, limit=limit):
                wanted.append((path, info))
        problems.raise_if_any()
        package = Package(name=name)
        total = 0
        for path, info in wanted:
            cap = min(info.file_size, limit["file"])
            try:
                with archive.open(info) as handle:
                    data = handle.read(cap + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
                problems.add(NOT_A_ZIP, file=path)
                continue
            total += len(data)
            if len(data) > cap or total > limit["unpacked"]:
                problems.add(SIZE_LIED, file=path)
                break
            package.files[path] = data
        problems.raise_if_any()
    return package


def read_folder(folder) -> Package:
    """A package from a folder on disk; the same checks as a ZIP, symlinks refused."""
    problems = Problems()
    limit = limits()
    root = Path(folder)
    entries = []
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        for dirname in list(dirnames):
            if (Path(directory) / dirname).is_symlink():
                relative = (Path(directory) / dirname).relative_to(root).as_posix()
                problems.add(SYMLINK, file=relative)
                dirnames.remove(dirname)
        for filename in filenames:
            path = Path(directory) / filename
            relative = path.relative_to(root).as_posix()
            if _ignored(relative):
                continue
            if path.is_symlink():
                problems.add(SYMLINK, file=relative)
                continue
            entries.append((relative, path))
            if len(entries) > limit["files"]:
                problems.add(TOO_MANY_FILES, file=root.name, limit=limit["files"])
                problems.raise_if_any()
    problems.raise_if_any()
    sizes = {relative: path.stat().st_size for relative, path in entries}
    if sum(sizes.values()) > limit["unpacked"]:
        problems.add(UNPACKED_TOO_BIG, file=root.name, limit=_megabytes(limit["unpacked"]))
        problems.raise_if_any()
    seen = set()
    wanted = [
        (relative, path)
        for relative, path in sorted(entries)
        if _check_entry(relative, sizes[relative], problems=problems, seen=seen, limit=limit)
    ]
    problems.raise_if_any()
    package = Package(name=root.name)
    for relative, path in wanted:
        with path.open("rb") as handle:
            package.files[relative] = handle.read(limit["file"] + 1)
        if len(package.files[relative]) > limit["file"]:
            problems.add(FILE_TOO_BIG, file=relative, limit=_megabytes(limit["file"]))
    problems.raise_if_any()
    return package


def read(source, *, name: str | None = None) -> Package:
    """A package from a folder path, a ZIP path, ZIP bytes or an uploaded file."""
    if isinstance(source, str | Path) and Path(source).is_dir():
        return read_folder(source)
    if name is None:
        if isinstance(source, str | Path):
            name = Path(source).name
        else:
            name = PurePosixPath(str(getattr(source, "name", "") or "paket.zip")).name
    return read_zip(source, name=name)


def write_zip(files: dict[str, bytes]) -> bytes:
    """A ZIP of ``files`` in the given order, with fixed dates so the same files give the
    same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(2000, 1, 1, 0, 0, 0))
            stored = extension(path) in IMAGE_EXTENSIONS | DOCUMENT_EXTENSIONS
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
