"""files_diff: what changed between the course's files here and an uploaded package's."""

from django.utils import translation

from courses.packages.diff import (
    MAX_DIFF_LINES,
    DiffLine,
    diff_text,
    file_diff,
    files_diff,
)

LESSON = "minggu-1/pelajaran-1.md"


def lesson(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def numbered(count: int, changed: set[int] = frozenset()) -> bytes:
    return lesson(*[f"baris {n}{' (baru)' if n in changed else ''}" for n in range(1, count + 1)])


def test_identical_files_give_no_differences():
    files = {"course.yaml": b"title: Kursus\n", LESSON: lesson("Isi."), "media/a.png": b"\x89PNG"}

    assert files_diff(files, dict(files)) == []


def test_a_changed_line_is_shown_removed_then_added_with_context():
    old = {LESSON: numbered(10)}
    new = {LESSON: numbered(10, changed={5})}

    [diff] = files_diff(old, new)

    assert diff.path == LESSON
    assert diff.status == "changed"
    assert diff.is_text
    assert (diff.added, diff.removed, diff.cut) == (1, 1, 0)
    assert diff.lines == [
        DiffLine("hunk", "@@ -2,7 +2,7 @@"),
        DiffLine("context", "baris 2"),
        DiffLine("context", "baris 3"),
        DiffLine("context", "baris 4"),
        DiffLine("removed", "baris 5"),
        DiffLine("added", "baris 5 (baru)"),
        DiffLine("context", "baris 6"),
        DiffLine("context", "baris 7"),
        DiffLine("context", "baris 8"),
    ]


def test_context_can_be_narrowed():
    [diff] = files_diff({LESSON: numbered(10)}, {LESSON: numbered(10, changed={5})}, context=2)

    assert [line.text for line in diff.lines if line.kind == "context"] == [
        "baris 3",
        "baris 4",
        "baris 6",
        "baris 7",
    ]


def test_distant_changes_make_separate_hunks():
    [diff] = files_diff({LESSON: numbered(30)}, {LESSON: numbered(30, changed={2, 28})})

    assert [line.text for line in diff.lines if line.kind == "hunk"] == [
        "@@ -1,5 +1,5 @@",
        "@@ -25,6 +25,6 @@",
    ]


def test_line_endings_and_a_byte_order_mark_alone_are_not_a_change():
    old = {LESSON: b"Judul\nIsi pelajaran.\n"}
    new = {LESSON: b"\xef\xbb\xbfJudul\r\nIsi pelajaran.\r\n"}

    assert files_diff(old, new) == []


def test_html_in_a_lesson_is_kept_as_text():
    [diff] = files_diff({LESSON: lesson("Isi.")}, {LESSON: lesson("Isi <script>alert(1)</script>")})

    assert DiffLine("added", "Isi <script>alert(1)</script>") in diff.lines


def test_invalid_utf8_is_replaced_not_refused():
    [diff] = files_diff({LESSON: lesson("Isi.")}, {LESSON: b"Isi \xff.\n"})

    assert DiffLine("added", "Isi \ufffd.") in diff.lines


def test_a_long_diff_is_cut_and_the_rest_counted():
    old = {LESSON: numbered(600)}
    new = {LESSON: numbered(600, changed=set(range(1, 601)))}

    [diff] = files_diff(old, new)

    assert len(diff.lines) == MAX_DIFF_LINES
    assert (diff.added, diff.removed) == (600, 600)
    assert diff.cut == 1 + 600 + 600 - MAX_DIFF_LINES  # one hunk header


def test_the_cap_can_be_set():
    [diff] = files_diff({LESSON: numbered(20)}, {LESSON: numbered(20, changed={10})}, limit=3)

    assert len(diff.lines) == 3
    assert diff.cut == 9 - 3


def test_a_new_text_file_is_all_added_and_a_removed_one_all_removed():
    old = {"minggu-1/pelajaran-1.md": lesson("Satu", "Dua")}
    new = {"minggu-1/pelajaran-2.md": lesson("Tiga")}

    removed, added = files_diff(old, new)

    assert (removed.path, removed.status, removed.removed, removed.added) == (
        "minggu-1/pelajaran-1.md",
        "removed",
        2,
        0,
    )
    assert [line.kind for line in removed.lines] == ["hunk", "removed", "removed"]
    assert (added.path, added.status, added.new_size, added.old_size) == (
        "minggu-1/pelajaran-2.md",
        "added",
        5,
        None,
    )
    assert added.lines[1:] == [DiffLine("added", "Tiga")]


def test_media_files_are_compared_by_size_only():
    old = {"media/foto.png": b"a" * 2048, "media/lama.pdf": b"b" * 10}
    new = {"media/foto.png": b"c" * 3072, "media/baru.jpg": b"d" * 20}

    diffs = {diff.path: diff for diff in files_diff(old, new)}

    assert set(diffs) == {"media/foto.png", "media/lama.pdf", "media/baru.jpg"}
    assert all(not diff.is_text and diff.lines == [] for diff in diffs.values())
    assert (diffs["media/foto.png"].old_size, diffs["media/foto.png"].new_size) == (2048, 3072)
    with translation.override("en"):
        assert diffs["media/foto.png"].note == "replaced (2.0\xa0KB → 3.0\xa0KB)"
        assert diffs["media/baru.jpg"].note == "added (20\xa0bytes)"
        assert diffs["media/lama.pdf"].note == "removed (10\xa0bytes)"


def test_the_same_media_file_is_not_listed():
    assert files_diff({"media/foto.png": b"same"}, {"media/foto.png": b"same"}) == []


def test_files_come_in_path_order_with_weeks_in_number_order():
    old = {}
    new = {
        "minggu-10/minggu.yaml": b"a\n",
        "minggu-2/pelajaran-10.md": b"b\n",
        "minggu-2/pelajaran-9.md": b"c\n",
        "course.yaml": b"d\n",
    }

    assert [diff.path for diff in files_diff(old, new)] == [
        "course.yaml",
        "minggu-2/pelajaran-9.md",
        "minggu-2/pelajaran-10.md",
        "minggu-10/minggu.yaml",
    ]


def test_a_very_long_file_is_not_compared_line_by_line():
    diff = file_diff(LESSON, numbered(20_001), numbered(20_001, changed={1}))

    assert diff.too_long
    assert diff.lines == []
    with translation.override("en"):
        assert diff.note.startswith("too long to compare line by line")


def test_text_notes_name_what_happened():
    with translation.override("en"):
        assert file_diff(LESSON, b"a\n", b"b\n").note == "changed"
        assert file_diff(LESSON, None, b"b\n").note == "new file"
        assert file_diff(LESSON, b"a\n", None).note == "removed"


def test_diff_text_gives_unified_diff_lines():
    diff = file_diff(LESSON, lesson("a", "b"), lesson("a", "c"))

    assert diff_text(diff) == ["@@ -1,2 +1,2 @@", " a", "-b", "+c"]
