"""The admin's course packages: export from a course's menu; upload, preview and confirm an
import; who may do which; bad uploads change nothing."""

import io
import time
import zipfile
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from courses import package_uploads
from courses.models import CourseIndexPage, CoursePage, LessonCompletion, LessonPage
from courses.packages import services
from courses.services import enrolment_start, lesson_mark_done
from tests.factories import UserFactory, build_course, lessons_of

from .builders import build_full_course, png_bytes, zip_of

IMPORT_URL = "/admin/kursus/impor/"


@pytest.fixture(autouse=True)
def upload_folder(settings, tmp_path):
    settings.COURSE_PACKAGE_UPLOAD_DIR = str(tmp_path)
    return tmp_path


def kept_files(tmp_path) -> list[Path]:
    return sorted((tmp_path / "pintar-course-packages").glob("*.zip"))


def export_url(page) -> str:
    return reverse("courses_package_export", args=[page.pk])


def upload(client, data: bytes, name="kursus.zip", **fields):
    return client.post(
        IMPORT_URL,
        {"package": SimpleUploadedFile(name, data, content_type="application/zip"), **fields},
    )


def edited_package(course, lesson_file, old: bytes, new: bytes) -> bytes:
    files = services.course_package_files(course=course)
    assert old in files[lesson_file]
    files[lesson_file] = files[lesson_file].replace(old, new)
    return zip_of(files)


@pytest.fixture
def course(db):
    return build_course(weeks=2, lessons_per_week=2, slug="pembiayaan-umkm")


@pytest.fixture
def elsewhere(db):
    """A course in another tree (no role's page permissions reach it)."""
    index = Page.get_first_root_node().add_child(
        instance=CourseIndexPage(title="Kursus provinsi lain", slug="provinsi-lain")
    )
    course = index.add_child(
        instance=CoursePage(title="Kursus lain", slug="kursus-lain", summary="Ringkasan.")
    )
    return CoursePage.objects.get(pk=course.pk)


# --- export --------------------------------------------------------------------------------


def test_export_downloads_the_course_package_zip(client, mentor, course):
    client.force_login(mentor)

    response = client.get(export_url(course))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="pembiayaan-umkm.zip"'
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    assert files == services.course_package_files(course=course)
    assert "course.yaml" in files
    assert b"Pelajaran 2.1" in b"".join(files.values())


def test_export_is_not_found_for_someone_who_cannot_edit_the_course(client, mentor, elsewhere):
    client.force_login(mentor)

    assert client.get(export_url(elsewhere)).status_code == 404


def test_export_of_a_page_that_is_not_a_course_is_not_found(client, mentor, course):
    client.force_login(mentor)

    assert client.get(export_url(lessons_of(course)[0])).status_code == 404


def test_export_sends_learners_and_visitors_to_sign_in(client, owner, course):
    assert client.get(export_url(course)).status_code == 302
    client.force_login(owner)
    response = client.get(export_url(course))
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


def test_course_menus_offer_the_export_only_on_courses(client, mentor, course):
    client.force_login(mentor)
    lesson = lessons_of(course)[0]

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[course.pk])).content.decode()
    listing = client.get(
        reverse("wagtailadmin_explore", args=[course.get_parent().pk])
    ).content.decode()
    lesson_edit = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()

    assert f'href="{export_url(course)}' in edit
    assert f'href="{export_url(course)}' in listing
    assert "/ekspor/" not in lesson_edit


# --- import: preview and confirm -------------------------------------------------------------


def test_upload_shows_a_preview_naming_the_changed_lesson_and_changes_nothing(
    client, mentor, course, upload_folder
):
    client.force_login(mentor)
    data = edited_package(
        course, "minggu-1/pelajaran-2.md", b"Isi pelajaran.", b"Isi pelajaran yang diperbarui."
    )

    response = upload(client, data)

    assert response.status_code == 302
    token = response.url.rstrip("/").rsplit("/", 1)[1]
    assert response.url == reverse("courses_package_preview", args=[token])
    assert len(kept_files(upload_folder)) == 1
    preview = client.get(response.url)
    assert preview.status_code == 200
    html = preview.content.decode()
    assert 'id="package-change"' in html
    assert 'id="package-create"' not in html
    assert 'id="package-remove"' not in html
    changed = html.split('id="package-change"')[1].split("</section>")[0]
    assert "Pelajaran 1.2" in changed
    assert "minggu-1/pelajaran-2.md" in changed
    assert "Pelajaran 1.1" not in changed
    assert "diperbarui" not in str(LessonPage.objects.get(slug="pelajaran-1-2").body)


def test_the_preview_shows_the_changed_lines_of_the_edited_lesson_escaped(client, mentor, course):
    client.force_login(mentor)
    data = edited_package(
        course,
        "minggu-1/pelajaran-2.md",
        b"Isi pelajaran.",
        b"Isi baru <script>alert(1)</script> & lainnya.",
    )

    html = client.get(upload(client, data).url).content.decode()

    section = html.split('id="package-diff"')[1].split("</section>")[0]
    [item] = section.split('<li class="package-diff ')[1:]
    assert 'data-path="minggu-1/pelajaran-2.md"' in item
    assert "<details>" in item
    assert '<span class="package-diff__toggle">' in item
    assert (
        '<del class="package-diff__line package-diff__line--removed">-Isi pelajaran.</del>' in item
    )
    assert (
        '<ins class="package-diff__line package-diff__line--added">'
        "+Isi baru &lt;script&gt;alert(1)&lt;/script&gt; &amp; lainnya.</ins>"
    ) in item
    assert "<script>alert(1)" not in html
    assert "css/package-diff.css" in html


def test_the_preview_says_a_replaced_image_changed_size(client, mentor, db):
    course = build_full_course(slug="kursus-gambar")
    files = services.course_package_files(course=course)
    png = next(path for path in files if path.endswith(".png"))
    files[png] = png_bytes(size=(300, 200))
    client.force_login(mentor)

    preview = client.get(upload(client, zip_of(files)).url).content.decode()

    section = preview.split('id="package-diff"')[1].split("</section>")[0]
    [item] = section.split('<li class="package-diff ')[1:]
    assert f"<code>{png}</code> — " in item
    assert " → " in item  # replaced (old size → new size)
    assert "<details>" not in item


def test_the_preview_of_a_new_course_shows_no_file_differences(client, mentor, db):
    course = build_full_course(slug="kursus-baru")
    data = services.course_package_export(course=course)
    course.delete()
    client.force_login(mentor)

    preview = client.get(upload(client, data).url).content.decode()

    assert 'id="package-create"' in preview
    assert 'id="package-diff"' not in preview


def test_confirm_updates_the_course_in_place_and_keeps_progress(
    client, mentor, owner, course, upload_folder
):
    lesson = LessonPage.objects.get(slug="pelajaran-1-2")
    enrolment_start(learner=owner, course=course)
    lesson_mark_done(learner=owner, lesson=lesson)
    client.force_login(mentor)
    data = edited_package(
        course, "minggu-1/pelajaran-2.md", b"Isi pelajaran.", b"Isi pelajaran yang diperbarui."
    )
    preview_url = upload(client, data).url

    response = client.post(preview_url)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_pages:edit", args=[course.pk])
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert "yang diperbarui" in str(lesson.body)
    assert lesson.live
    assert not lesson.has_unpublished_changes
    assert LessonCompletion.objects.filter(learner=owner, lesson=lesson).exists()
    assert CoursePage.objects.count() == 1
    assert kept_files(upload_folder) == []
    assert client.get(preview_url).url == IMPORT_URL  # used once
    assert package_uploads.SESSION_KEY in client.session
    assert client.session[package_uploads.SESSION_KEY] == {}


def test_a_package_of_a_course_not_here_is_imported_as_a_draft(client, mentor, db):
    course = build_full_course(slug="kursus-baru")
    data = services.course_package_export(course=course)
    titles = list(course.get_descendants().values_list("title", flat=True))
    course.delete()
    client.force_login(mentor)

    preview_url = upload(client, data).url
    preview = client.get(preview_url).content.decode()
    response = client.post(preview_url)

    assert 'id="package-create"' in preview
    assert "minggu-2/pelajaran-1.md" in preview
    imported = CoursePage.objects.get(slug="kursus-baru")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[imported.pk])
    assert not imported.live
    assert list(imported.get_descendants().values_list("title", flat=True)) == titles
    assert services.course_package_export(course=imported) == data


def test_a_new_course_goes_to_the_chosen_course_list(client, mentor, course):
    data = services.course_package_export(course=course)
    course.delete()
    second = (
        CourseIndexPage.objects.get()
        .get_parent()
        .add_child(instance=CourseIndexPage(title="Kursus lanjutan", slug="lanjutan"))
    )
    client.force_login(mentor)

    form = client.get(IMPORT_URL).content.decode()
    preview_url = upload(client, data, index=second.pk).url
    client.post(preview_url)

    assert 'name="index"' in form
    assert CoursePage.objects.get(slug="pembiayaan-umkm").get_parent().pk == second.pk


def test_discard_deletes_the_upload_and_imports_nothing(client, mentor, course, upload_folder):
    client.force_login(mentor)
    data = edited_package(course, "minggu-1/pelajaran-1.md", b"Isi pelajaran.", b"Baru.")
    preview_url = upload(client, data).url

    response = client.post(preview_url, {"discard": "1"})

    assert response.url == IMPORT_URL
    assert kept_files(upload_folder) == []
    assert "Baru." not in str(LessonPage.objects.get(slug="pelajaran-1-1").body)


def test_a_kept_package_is_reachable_only_from_the_session_that_uploaded_it(
    client, mentor, other_mentor, course
):
    client.force_login(mentor)
    data = edited_package(course, "minggu-1/pelajaran-1.md", b"Isi pelajaran.", b"Baru.")
    preview_url = upload(client, data).url
    client.force_login(other_mentor)  # a new session

    assert client.get(preview_url).url == IMPORT_URL
    assert client.post(preview_url).url == IMPORT_URL
    assert client.get(IMPORT_URL + "..%2F..%2Fetc%2Fpasswd/").status_code == 404
    assert "Baru." not in str(LessonPage.objects.get(slug="pelajaran-1-1").body)


def test_a_kept_package_altered_on_disk_is_refused(client, mentor, course, upload_folder):
    client.force_login(mentor)
    preview_url = upload(client, services.course_package_export(course=course)).url
    kept = kept_files(upload_folder)[0]
    kept.write_bytes(kept.read_bytes() + b"x")

    assert client.post(preview_url).url == IMPORT_URL
    assert kept_files(upload_folder) == []


def test_kept_packages_are_deleted_after_an_hour(client, mentor, course, upload_folder):
    client.force_login(mentor)
    upload(client, services.course_package_export(course=course))

    assert package_uploads.uploads_expire(now=time.time() + 30 * 60) == 0
    assert package_uploads.uploads_expire(now=time.time() + 61 * 60) == 1
    assert kept_files(upload_folder) == []


# --- who may import --------------------------------------------------------------------------


def test_a_mentor_who_cannot_edit_the_course_is_refused_its_update(
    client, mentor, elsewhere, upload_folder
):
    files = services.course_package_files(course=elsewhere)
    files["course.yaml"] = files["course.yaml"].replace(b"Kursus lain", b"Kursus diubah")
    client.force_login(mentor)

    response = upload(client, zip_of(files))

    assert response.status_code == 403
    assert "Kursus lain" in response.content.decode()
    assert 'id="package-error"' in response.content.decode()
    assert CoursePage.objects.get(pk=elsewhere.pk).title == "Kursus lain"
    assert kept_files(upload_folder) == []


def test_confirm_rechecks_the_permission(client, mentor, course):
    client.force_login(mentor)
    data = edited_package(course, "minggu-1/pelajaran-1.md", b"Isi pelajaran.", b"Baru.")
    preview_url = upload(client, data).url
    GroupPagePermission.objects.filter(group__name="Mentors").delete()

    response = client.post(preview_url)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert "Baru." not in str(LessonPage.objects.get(slug="pelajaran-1-1").body)


def test_a_coordinator_can_open_the_import_page(client, coordinator, db):
    client.force_login(coordinator)

    response = client.get(IMPORT_URL)

    assert response.status_code == 200
    assert 'name="package"' in response.content.decode()


def test_a_coordinator_imports_a_new_course_as_a_draft(client, coordinator, course):
    data = services.course_package_export(course=course)
    course.delete()
    client.force_login(coordinator)

    preview_url = upload(client, data).url
    preview = client.get(preview_url).content.decode()
    response = client.post(preview_url)

    assert 'id="package-create"' in preview
    imported = CoursePage.objects.get(slug="pembiayaan-umkm")
    assert response.url == reverse("wagtailadmin_pages:edit", args=[imported.pk])
    assert not imported.live
    assert imported.get_latest_revision().user == coordinator


def test_a_coordinator_updates_a_course_in_place(client, coordinator, owner, course):
    lesson = LessonPage.objects.get(slug="pelajaran-1-2")
    enrolment_start(learner=owner, course=course)
    lesson_mark_done(learner=owner, lesson=lesson)
    client.force_login(coordinator)
    data = edited_package(
        course, "minggu-1/pelajaran-2.md", b"Isi pelajaran.", b"Isi dari koordinator."
    )

    response = client.post(upload(client, data).url)

    assert response.url == reverse("wagtailadmin_pages:edit", args=[course.pk])
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert "Isi dari koordinator." in str(lesson.body)
    assert lesson.live
    assert LessonCompletion.objects.filter(learner=owner, lesson=lesson).exists()


def test_coordinators_hold_the_page_permissions_mentors_hold_and_the_grant_can_be_repeated(db):
    grant = import_module("courses.migrations.0006_coordinator_page_permissions")

    def rows(group):
        return set(
            GroupPagePermission.objects.filter(group__name=group).values_list(
                "page_id", "permission__codename"
            )
        )

    mentors = rows("Mentors")
    assert {codename for _page, codename in mentors} >= {"add_page", "change_page"}
    assert rows("Coordinators") == mentors
    grant.grant(django_apps, None)
    assert GroupPagePermission.objects.filter(group__name="Coordinators").count() == len(mentors)
    grant.revoke(django_apps, None)
    assert rows("Coordinators") == set()
    assert rows("Mentors") == mentors
    grant.grant(django_apps, None)
    assert rows("Coordinators") == mentors


def test_learners_and_visitors_are_sent_to_sign_in(client, owner, db):
    assert client.get(IMPORT_URL).url.startswith("/admin/login/")
    client.force_login(owner)
    assert client.get(IMPORT_URL).url.startswith("/admin/login/")
    assert client.post(IMPORT_URL).url.startswith("/admin/login/")


def test_other_admin_users_are_refused(client, db):
    group = Group.objects.create(name="Admin lain")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(UserFactory(groups=[group]))

    response = client.get(IMPORT_URL)

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_the_menu_offers_the_import_to_mentors_only(client, mentor, db):
    group = Group.objects.create(name="Admin lain")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(mentor)
    assert IMPORT_URL in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(UserFactory(groups=[group]))
    assert IMPORT_URL not in client.get(reverse("wagtailadmin_home")).content.decode()


# --- bad uploads -------------------------------------------------------------------------------


def test_a_file_that_is_not_a_zip_is_refused_with_a_message(client, mentor, course):
    client.force_login(mentor)

    response = upload(client, b"ini bukan zip", name="kursus.zip")

    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="package-problems"' in html
    assert "kursus.zip" in html


def test_an_empty_upload_is_refused(client, mentor, course, upload_folder):
    client.force_login(mentor)

    empty = upload(client, b"")
    missing = client.post(IMPORT_URL, {})

    assert empty.status_code == 400
    assert 'id="package-error"' in empty.content.decode()
    assert missing.status_code == 400
    assert 'id="package-error"' in missing.content.decode()
    assert kept_files(upload_folder) == []


def test_a_file_over_the_size_limit_is_refused_before_it_is_kept(
    client, mentor, course, settings, upload_folder
):
    settings.COURSE_PACKAGE_MAX_BYTES = 1024
    client.force_login(mentor)

    response = upload(client, b"x" * 2048)

    assert response.status_code == 400
    assert 'id="package-error"' in response.content.decode()
    assert kept_files(upload_folder) == []


def test_a_broken_lesson_is_reported_with_its_file_and_line_and_changes_nothing(
    client, mentor, course, upload_folder
):
    files = services.course_package_files(course=course)
    files["minggu-1/pelajaran-1.md"] += b"\n```{tip} Catatan\nTidak ditutup\n"
    files["course.yaml"] = files["course.yaml"].replace(b"Kursus pembiayaan", b"Diubah")
    client.force_login(mentor)

    response = upload(client, zip_of(files))

    assert response.status_code == 400
    problems = response.content.decode().split('id="package-problems"')[1]
    assert "minggu-1/pelajaran-1.md, " in problems
    assert CoursePage.objects.get(pk=course.pk).title == "Kursus pembiayaan-umkm"
    assert kept_files(upload_folder) == []
