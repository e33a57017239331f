"""`manage.py export_course` and `manage.py import_course`."""

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation
from wagtail.models import Locale, Page

from courses.models import CourseIndexPage, CoursePage, LessonPage
from courses.packages import services

from .builders import build_full_course, course_index, png_bytes, zip_of


@pytest.mark.django_db
def test_export_course_writes_the_package_zip(tmp_path):
    course = build_full_course()
    target = tmp_path / "kursus.zip"

    call_command("export_course", course.slug, "-o", str(target))

    assert target.read_bytes() == services.course_package_export(course=course)


@pytest.mark.django_db
def test_export_course_by_slug_prefers_the_course_in_the_default_locale(tmp_path):
    course_index()
    english = Locale.objects.create(language_code="en")
    index = Page.get_first_root_node().add_child(
        instance=CourseIndexPage(title="Courses", slug="courses", locale=english)
    )
    index.add_child(  # older, so first by id: the same slug in English
        instance=CoursePage(
            title="Complete course", slug="kursus-lengkap", summary="English.", locale=english
        )
    )
    course = build_full_course()
    target = tmp_path / "kursus.zip"

    call_command("export_course", "kursus-lengkap", "-o", str(target))

    assert target.read_bytes() == services.course_package_export(course=course)


@pytest.mark.django_db
def test_export_course_of_an_unknown_course_fails():
    with pytest.raises(CommandError):
        call_command("export_course", "tidak-ada")


@pytest.mark.django_db
def test_import_course_dry_run_prints_the_plan_and_writes_nothing(tmp_path, capsys):
    course = build_full_course()
    files = services.course_package_files(course=course)
    files["minggu-2/pelajaran-1.md"] = files["minggu-2/pelajaran-1.md"].replace(
        b"Halaman tujuan.", b"Halaman tujuan yang baru."
    )
    package = tmp_path / "kursus.zip"
    package.write_bytes(zip_of(files))

    with translation.override("en"):
        call_command("import_course", str(package), "--dry-run")

    out = capsys.readouterr().out
    assert "Update of the course “Kursus lengkap” (published: changes go live)." in out
    assert "Lesson (changed): Tujuan tautan [minggu-2/pelajaran-1.md]" in out
    assert "baru" not in LessonPage.objects.get(slug="tujuan").body[0].value.source


@pytest.mark.django_db
def test_import_course_dry_run_with_diff_prints_the_changed_lines(tmp_path, capsys):
    course = build_full_course()
    files = services.course_package_files(course=course)
    files["minggu-2/pelajaran-1.md"] = files["minggu-2/pelajaran-1.md"].replace(
        b"Halaman tujuan.", b"Halaman tujuan yang baru."
    )
    png = next(path for path in files if path.endswith(".png"))
    files[png] = png_bytes(size=(300, 200))
    package = tmp_path / "kursus.zip"
    package.write_bytes(zip_of(files))

    with translation.override("en"):
        call_command("import_course", str(package), "--dry-run", "--diff")

    out = capsys.readouterr().out.splitlines()
    start = out.index("--- minggu-2/pelajaran-1.md")
    assert out[start + 1] == "+++ minggu-2/pelajaran-1.md"
    assert out[start + 2].startswith("@@ ")
    assert "-Halaman tujuan." in out
    assert "+Halaman tujuan yang baru." in out
    assert any(line.startswith(f"{png}: replaced (") for line in out)
    assert not any(line.startswith("--- course.yaml") for line in out)
    assert "baru" not in LessonPage.objects.get(slug="tujuan").body[0].value.source


@pytest.mark.django_db
def test_import_course_dry_run_without_diff_prints_no_lines(tmp_path, capsys):
    course = build_full_course()
    files = services.course_package_files(course=course)
    files["minggu-2/pelajaran-1.md"] = files["minggu-2/pelajaran-1.md"].replace(
        b"Halaman tujuan.", b"Halaman tujuan yang baru."
    )
    package = tmp_path / "kursus.zip"
    package.write_bytes(zip_of(files))

    call_command("import_course", str(package), "--dry-run")

    assert "+Halaman tujuan yang baru." not in capsys.readouterr().out


@pytest.mark.django_db
def test_import_course_imports_a_folder(tmp_path, capsys):
    course = build_full_course()
    files = services.course_package_files(course=course)
    files["course.yaml"] = files["course.yaml"].replace(b"Kursus lengkap", b"Kursus diperbarui")
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)

    call_command("import_course", str(tmp_path))

    assert CoursePage.objects.get(pk=course.pk).title == "Kursus diperbarui"


@pytest.mark.django_db
def test_import_course_prints_each_problem_and_exits_1(tmp_path, capsys):
    build_full_course()
    package = tmp_path / "rusak.zip"
    package.write_bytes(zip_of({"course.yaml": b"title: [tidak ditutup\n"}))

    with translation.override("en"), pytest.raises(CommandError) as caught:
        call_command("import_course", str(package))

    assert caught.value.returncode == 1
    err = capsys.readouterr().err
    assert "course.yaml, line 2: the YAML cannot be read" in err
