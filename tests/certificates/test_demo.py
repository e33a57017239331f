import io

import pytest
from django.core.management import call_command

from certificates import selectors
from certificates.models import Certificate
from courses.models import CoursePage
from lms import demo
from reports.demo import demo_class_learners

pytestmark = pytest.mark.django_db


def test_demo_has_one_learner_certified_and_one_a_step_short(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())
    marketing = CoursePage.objects.get(slug="pemasaran-digital")

    # The only certificate besides the evaluation demo class's (reports.demo).
    certificate = Certificate.objects.exclude(learner__in=demo_class_learners()).get()
    assert certificate.learner.email == demo.MEMBER_EMAIL
    assert certificate.course_id == marketing.pk
    assert certificate.pdf.read().startswith(b"%PDF")

    owner = certificate.business.memberships.get(is_owner=True).user
    assert owner.phone == demo.OWNER_PHONE
    standing = selectors.certificate_status_for(learner=owner, course=marketing)
    assert standing.certificate is None
    assert [(item.key, item.met) for item in standing.checklist] == [
        ("lessons", True),
        ("quizzes", True),
        ("assignments", True),
        ("post_questionnaire", True),
        ("survey", False),
    ]
