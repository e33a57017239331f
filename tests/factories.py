"""Test data, built the way the site builds it."""

import factory
from django.utils import timezone

from lms.models import Business, Membership, Regency, Sector, User

PASSWORD = "kata-sandi-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Peserta {n}")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    email = None
    date_joined = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    name = factory.Sequence(lambda n: f"Usaha {n}")
    sector = Sector.CULINARY
    regency = Regency.SLEMAN
    join_code = factory.Sequence(lambda n: f"TST{n:03d}")
    created_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    business = factory.SubFactory(BusinessFactory)
    is_owner = False
    joined_at = factory.LazyFunction(timezone.now)


def build_course(*, weeks=4, lessons_per_week=2, pacing="self_paced", slug="kursus-uji", body=None):
    """A live course under the home page: index → course → weeks → lessons."""
    from courses.models import CourseIndexPage, CoursePage, LessonPage, WeekPage
    from lms.models import HomePage

    index = CourseIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=CourseIndexPage(title="Kursus", slug="kursus")
    )
    course = index.add_child(
        instance=CoursePage(title=f"Kursus {slug}", slug=slug, summary="Ringkasan.", pacing=pacing)
    )
    for week_number in range(1, weeks + 1):
        week = course.add_child(
            instance=WeekPage(title=f"Minggu ke-{week_number}", slug=f"minggu-{week_number}")
        )
        for lesson_number in range(1, lessons_per_week + 1):
            week.add_child(
                instance=LessonPage(
                    title=f"Pelajaran {week_number}.{lesson_number}",
                    slug=f"pelajaran-{week_number}-{lesson_number}",
                    body=body or [{"type": "text", "value": "<p>Isi pelajaran.</p>"}],
                )
            )
    return course


def lessons_of(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))
