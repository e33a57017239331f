"""``publish=True`` imports a new course live: one revision per page, and it is the live one."""

import pytest
from wagtail.models import Revision

from courses.models import CoursePage
from courses.packages import services

from .builders import build_full_course, zip_of


@pytest.mark.django_db
def test_a_course_imported_with_publish_is_live_with_one_revision_per_page(mentor):
    course = build_full_course()
    files = services.course_package_files(course=course)
    titles = list(course.get_descendants(inclusive=True).values_list("title", flat=True))
    course.delete()
    Revision.objects.all().delete()

    imported = services.course_package_import(archive=zip_of(files), user=mentor, publish=True)

    pages = [page.specific for page in imported.get_descendants(inclusive=True)]
    assert [page.title for page in pages] == titles
    for page in pages:
        assert page.live, page.title
        assert not page.has_unpublished_changes, page.title
        assert page.first_published_at is not None
        assert page.last_published_at is not None
        assert page.live_revision_id == page.latest_revision_id, page.title
        assert page.revisions.count() == 1, page.title
        assert page.get_latest_revision().user == mentor
    assert CoursePage.objects.live().get(pk=imported.pk).url


@pytest.mark.django_db
def test_without_publish_a_new_course_is_a_draft():
    course = build_full_course()
    files = services.course_package_files(course=course)
    course.delete()

    imported = services.course_package_import(archive=zip_of(files))

    assert not any(page.live for page in imported.get_descendants(inclusive=True))
    assert imported.live_revision is None
