"""The page-tree cache: pages route from the cache, and what an editor does shows at once."""

import os

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from courses import services
from courses.models import LessonPage, WeekPage
from lms import pagetree, roles
from tests.factories import build_course, lessons_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    return build_course(weeks=2, lessons_per_week=2, slug="cache")


@pytest.fixture
def reader(client, owner, course):
    services.enrolment_start(learner=owner, course=course)
    client.force_login(owner)
    return client


def test_a_warm_lesson_page_reads_no_page_from_the_database(
    reader, course, django_assert_max_num_queries
):
    lesson = lessons_of(course)[1]
    reader.get(lesson.url)
    with django_assert_max_num_queries(4) as queries:  # session, user, enrolment, lessons done
        response = reader.get(lesson.url)
    assert response.status_code == 200
    assert "Pelajaran 1.2" in response.content.decode()
    tables = " ".join(query["sql"] for query in queries.captured_queries)
    assert "wagtailcore_page" not in tables
    assert "wagtailcore_site" not in tables
    assert "wagtailcore_pageviewrestriction" not in tables


def test_a_published_change_shows_on_the_next_request(reader, course):
    lesson = lessons_of(course)[0]
    assert "Isi pelajaran." in reader.get(lesson.url).content.decode()
    lesson.title = "Judul baru"
    lesson.body = [{"type": "text", "value": "<p>Isi yang diperbarui.</p>"}]
    lesson.save_revision().publish()
    page = reader.get(lesson.url).content.decode()
    assert "Judul baru" in page
    assert "Isi yang diperbarui." in page
    assert "Isi pelajaran." not in page


def test_an_unpublished_lesson_is_gone_on_the_next_request(reader, course):
    lesson = lessons_of(course)[0]
    assert reader.get(lesson.url).status_code == 200
    lesson.unpublish()
    assert reader.get(lesson.url).status_code == 404
    assert "Pelajaran 1.1" not in reader.get(course.url).content.decode()


def test_a_moved_lesson_answers_at_its_new_address(reader, course):
    lesson = lessons_of(course)[0]
    old_url = lesson.url
    assert reader.get(old_url).status_code == 200
    second_week = WeekPage.objects.child_of(course).get(slug="minggu-2")
    lesson.move(second_week, pos="last-child")
    lesson = LessonPage.objects.get(pk=lesson.pk)
    assert reader.get(old_url).headers.get("Location") == lesson.url  # Wagtail's redirect
    response = reader.get(lesson.url)
    assert response.status_code == 200
    assert "Minggu 2" in response.content.decode()


def test_a_renamed_slug_moves_the_lesson_address(reader, course):
    lesson = lessons_of(course)[0]
    old_url = lesson.url
    reader.get(old_url)
    lesson.slug = "nama-baru"
    lesson.save_revision().publish()
    assert reader.get(old_url).status_code == 404
    assert reader.get(LessonPage.objects.get(pk=lesson.pk).url).status_code == 200


def test_a_deleted_lesson_is_gone_and_stops_counting(reader, course):
    lesson = lessons_of(course)[0]
    reader.get(lesson.url)
    reader.get(course.url)
    lesson.delete()
    assert reader.get(lesson.url).status_code == 404
    assert "0 dari 3 pelajaran" in reader.get(course.url).content.decode()


def test_a_new_lesson_joins_the_outline_at_once(reader, course):
    assert "0 dari 4 pelajaran" in reader.get(course.url).content.decode()
    week = WeekPage.objects.child_of(course).first()
    week.add_child(instance=LessonPage(title="Pelajaran tambahan", slug="tambahan"))
    page = reader.get(course.url).content.decode()
    assert "Pelajaran tambahan" in page
    assert "0 dari 5 pelajaran" in page


def test_a_privacy_setting_added_later_applies_at_once(reader, course):
    lesson = lessons_of(course)[0]
    assert reader.get(lesson.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=roles.COORDINATORS)])
    response = reader.get(lesson.url)
    assert response.status_code == 302  # to the sign-in of Wagtail's restricted pages
    assert "Isi pelajaran." not in response.content.decode()
    restriction.delete()
    assert reader.get(lesson.url).status_code == 200


def test_pages_are_routed_per_host(client, settings, course):
    """Two sites' pages at the same path never share a cached route."""
    from wagtail.models import Page, Site

    other_home = Page.get_first_root_node().add_child(
        instance=Page(title="Situs lain", slug="situs-lain")
    )
    Site.objects.create(hostname="lain.example", root_page=other_home)
    settings.ALLOWED_HOSTS = ["testserver", "lain.example"]
    assert client.get(course.url).status_code in (200, 302)
    assert client.get(course.url, HTTP_HOST="lain.example").status_code == 404


def test_refresh_page_cache_shows_a_change_made_behind_wagtails_back(reader, course):
    """A restore or an SQL edit sends no signal: the command retires the cached tree."""
    from django.core.management import call_command

    lesson = lessons_of(course)[0]
    reader.get(lesson.url)
    LessonPage.objects.filter(pk=lesson.pk).update(title="Diubah lewat SQL")
    assert "Diubah lewat SQL" not in reader.get(lesson.url).content.decode()
    call_command("refresh_page_cache", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert "Diubah lewat SQL" in reader.get(lesson.url).content.decode()


def test_a_cached_lesson_body_shows_a_linked_pages_new_address_at_once(reader, course):
    first, second = lessons_of(course)[:2]
    first.body = [
        {
            "type": "text",
            "value": f'<p>Lanjut ke <a linktype="page" id="{second.pk}">pelajaran kedua</a>.</p>',
        }
    ]
    first.save_revision().publish()
    old_url = second.url
    assert f'href="{old_url}">pelajaran kedua' in reader.get(first.url).content.decode()
    second.slug = "alamat-baru"
    second.save_revision().publish()
    page = reader.get(first.url).content.decode()
    assert f'href="{LessonPage.objects.get(pk=second.pk).url}">pelajaran kedua' in page
    assert old_url not in page


def test_a_cached_lesson_body_shows_a_renamed_document_at_once(reader, course):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="Templat buku kas", file=SimpleUploadedFile("buku-kas.xlsx", b"PK\x03\x04 demo")
    )
    lesson = lessons_of(course)[0]
    lesson.body = [{"type": "document", "value": {"document": document.pk, "description": ""}}]
    lesson.save_revision().publish()
    assert "Unduh: Templat buku kas" in reader.get(lesson.url).content.decode()
    document.title = "Templat buku kas harian"
    document.save()
    assert "Unduh: Templat buku kas harian" in reader.get(lesson.url).content.decode()


def test_refresh_page_cache_renders_cached_lesson_bodies_again(reader, course):
    """A release runs the command, so a changed block template shows at once."""
    from django.core.management import call_command

    lesson = lessons_of(course)[0]
    reader.get(lesson.url)
    LessonPage.objects.filter(pk=lesson.pk).update(
        body=[{"type": "text", "value": "<p>Isi lewat SQL.</p>"}]
    )
    assert "Isi lewat SQL." not in reader.get(lesson.url).content.decode()
    call_command("refresh_page_cache", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert "Isi lewat SQL." in reader.get(lesson.url).content.decode()


def test_a_long_address_is_looked_up_under_a_short_key(client, course, recwarn):
    """An address typed at length (a fuzzer, a pasted URL) neither warns nor makes a key the
    cache would refuse."""
    response = client.get("/" + "9" * 2_000 + "/")
    assert response.status_code == 404
    assert not [w for w in recwarn if w.category.__name__ == "CacheKeyWarning"]
    assert len(pagetree._key("route", "x" * 5_000)) < 250
    assert pagetree._key("route", "a") != pagetree._key("route", "b")


@pytest.fixture
def cache_reads(monkeypatch):
    """Every key this process asks the shared cache for."""
    from django.core.cache import cache

    asked = []
    get, get_many = cache.get, cache.get_many

    def spy_get(key, *args, **kwargs):
        asked.append(key)
        return get(key, *args, **kwargs)

    def spy_get_many(keys, *args, **kwargs):
        asked.extend(keys)
        return get_many(keys, *args, **kwargs)

    monkeypatch.setattr(cache, "get", spy_get)
    monkeypatch.setattr(cache, "get_many", spy_get_many)
    return asked


def test_a_warm_lesson_page_takes_the_trees_entries_from_the_process(reader, course, cache_reads):
    """The route, the outline and the rest of the tree come from the process's kept copies;
    only the learner's own entries (and the tree version) are asked of the shared cache."""
    lesson = lessons_of(course)[1]
    reader.get(lesson.url)
    cache_reads.clear()
    response = reader.get(lesson.url)
    assert "Pelajaran 1.2" in response.content.decode()
    asked = list(cache_reads)
    tree_entries = [key for key in asked if key.startswith(f"pagetree:{pagetree.version()}:")]
    assert tree_entries == []
    assert pagetree.VERSION_KEY in asked
    assert any(key.startswith("courses:progress:") for key in asked)


def test_a_change_another_process_made_shows_at_once(reader, course):
    """Another process's change replaces the tree version in the shared cache: this process's
    kept copies, of the old version, are never shown again."""
    from django.core.cache import cache

    lesson = lessons_of(course)[0]
    reader.get(lesson.url)
    LessonPage.objects.filter(pk=lesson.pk).update(title="Diubah di proses lain")
    assert "Diubah di proses lain" not in reader.get(lesson.url).content.decode()
    cache.set(pagetree.VERSION_KEY, "set-by-another-process", None)
    assert "Diubah di proses lain" in reader.get(lesson.url).content.decode()


def test_kept_copies_last_no_longer_than_the_shared_caches_entries(reader, course, monkeypatch):
    """A change made behind the signals' back shows once the shared cache's entries have
    expired (``TIMEOUT``): the process's copies expire with them."""
    import time
    from types import SimpleNamespace

    from django.conf import settings
    from django.core.cache import cache, caches

    lesson = lessons_of(course)[0]
    reader.get(lesson.url)
    LessonPage.objects.filter(pk=lesson.pk).update(title="Diubah lewat SQL")
    tree_version = pagetree.version()
    for alias in settings.CACHES:  # every entry expired, kept parts too; the tree version kept
        caches[alias].clear()
    cache.set(pagetree.VERSION_KEY, tree_version, None)
    assert "Diubah lewat SQL" not in reader.get(lesson.url).content.decode()  # kept here
    later = time.monotonic() + pagetree.TIMEOUT + 1
    monkeypatch.setattr(pagetree, "time", SimpleNamespace(monotonic=lambda: later))
    assert "Diubah lewat SQL" in reader.get(lesson.url).content.decode()
