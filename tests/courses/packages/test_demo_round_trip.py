"""The demo curricula as packages: export → import into an empty site → export, same files."""

import io

import pytest
from django.core.management import call_command
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Page

from courses.models import Cohort, CoursePage
from courses.packages import services


@pytest.mark.django_db
def test_both_demo_courses_survive_a_round_trip_through_an_empty_site():
    call_command("seed_demo", stdout=io.StringIO())
    courses = list(CoursePage.objects.order_by("path"))
    assert len(courses) == 2
    before = {course.slug: services.course_package_files(course=course) for course in courses}
    Cohort.objects.all().delete()
    for course in courses:
        Page.objects.get(pk=course.pk).delete()
    Image.objects.all().delete()
    Document.objects.all().delete()

    for slug, files in before.items():
        imported = services.course_package_import(archive=services.archives.write_zip(files))
        assert imported.slug == slug
        after = services.course_package_files(course=imported)
        assert list(after) == list(files)
        for path, data in files.items():
            assert after[path] == data, path
    lessons = sum(path.count("/pelajaran-") for files in before.values() for path in files)
    assert lessons >= 16
