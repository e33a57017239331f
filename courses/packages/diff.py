"""What changed between two versions of a package's files, for a person reviewing an import.

``files_diff(old, new)`` compares files by path: a text file (Markdown, YAML) as a unified line
diff with a few lines of context, a media file by its size only. Pure: plain values in, plain
values out.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext

from .archive import TEXT_EXTENSIONS, extension

CONTEXT_LINES = 3
MAX_DIFF_LINES = 400  # per file; the rest is counted, not shown
MAX_COMPARED_LINES = 20_000  # longer files are not compared line by line

CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True)
class DiffLine:
    kind: str  # hunk, context, added, removed
    text: str

    @property
    def sign(self) -> str:
        return {"added": "+", "removed": "-", "context": " "}.get(self.kind, "")


@dataclass
class FileDiff:
    """One file that differs; ``lines`` is empty for a media file or a file too long to compare."""

    path: str
    status: str  # changed, added, removed
    is_text: bool
    old_size: int | None
    new_size: int | None
    lines: list[DiffLine] = field(default_factory=list)
    added: int = 0  # lines added, over the whole file
    removed: int = 0  # lines removed, over the whole file
    cut: int = 0  # diff lines left out after MAX_DIFF_LINES
    too_long: bool = False

    @property
    def note(self) -> str:
        """What happened to the file, in words: "changed", "replaced (1,2 KB → 3,4 KB)"."""
        if self.is_text and not self.too_long:
            return {
                CHANGED: gettext("changed"),
                ADDED: gettext("new file"),
                REMOVED: gettext("removed"),
            }[self.status]
        old = filesizeformat(self.old_size or 0)
        new = filesizeformat(self.new_size or 0)
        if self.too_long:
            return gettext("too long to compare line by line (%(old)s → %(new)s)") % {
                "old": old,
                "new": new,
            }
        if self.status == ADDED:
            return gettext("added (%(size)s)") % {"size": new}
        if self.status == REMOVED:
            return gettext("removed (%(size)s)") % {"size": old}
        return gettext("replaced (%(old)s → %(new)s)") % {"old": old, "new": new}


def _text_lines(data: bytes) -> list[str]:
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff")
    return text.splitlines()


def _natural(path: str) -> tuple:
    """Top-level files first, then folders; "minggu-2" before "minggu-10"."""
    parts = re.split(r"(\d+)", path)
    return ("/" in path, [int(part) if part.isdigit() else part for part in parts])


def _diff_lines(old: list[str], new: list[str], context: int) -> list[DiffLine]:
    lines = []
    for raw in difflib.unified_diff(old, new, lineterm="", n=context):
        if raw.startswith(("---", "+++")) and not lines:
            continue  # the two file headers
        if raw.startswith("@@"):
            lines.append(DiffLine("hunk", raw))
        elif raw.startswith("+"):
            lines.append(DiffLine("added", raw[1:]))
        elif raw.startswith("-"):
            lines.append(DiffLine("removed", raw[1:]))
        else:
            lines.append(DiffLine("context", raw[1:]))
    return lines


def file_diff(
    path: str,
    old: bytes | None,
    new: bytes | None,
    *,
    context: int = CONTEXT_LINES,
    limit: int = MAX_DIFF_LINES,
) -> FileDiff | None:
    """How ``path`` differs between ``old`` and ``new`` (None: the file is not there); None
    when it is the same (for a text file: the same lines, whatever the line endings)."""
    if old == new:
        return None
    status = ADDED if old is None else REMOVED if new is None else CHANGED
    result = FileDiff(
        path=path,
        status=status,
        is_text=extension(path) in TEXT_EXTENSIONS,
        old_size=None if old is None else len(old),
        new_size=None if new is None else len(new),
    )
    if not result.is_text:
        return result
    old_lines = [] if old is None else _text_lines(old)
    new_lines = [] if new is None else _text_lines(new)
    if status == CHANGED and old_lines == new_lines:
        return None
    if max(len(old_lines), len(new_lines)) > MAX_COMPARED_LINES:
        result.too_long = True
        return result
    lines = _diff_lines(old_lines, new_lines, context)
    result.added = sum(1 for line in lines if line.kind == "added")
    result.removed = sum(1 for line in lines if line.kind == "removed")
    result.lines = lines[:limit]
    result.cut = max(0, len(lines) - limit)
    return result


def files_diff(
    old: dict[str, bytes],
    new: dict[str, bytes],
    *,
    context: int = CONTEXT_LINES,
    limit: int = MAX_DIFF_LINES,
) -> list[FileDiff]:
    """Every file that differs between ``old`` and ``new`` (path → bytes), in path order."""
    diffs = (
        file_diff(path, old.get(path), new.get(path), context=context, limit=limit)
        for path in sorted(old.keys() | new.keys(), key=_natural)
    )
    return [diff for diff in diffs if diff is not None]


def diff_text(diff: FileDiff) -> list[str]:
    """A text file's diff as unified-diff lines, for a terminal."""
    return [line.text if line.kind == "hunk" else line.sign + line.text for line in diff.lines]
