"""Background work: emails telling learners their hand-in was reviewed (run by the task
worker, `manage.py db_worker`)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django_tasks import task

from courses.models import Enrolment

from .models import State, SubmissionVersion


@task()
def feedback_email_task(version_id: int) -> None:
    """Email the mentor's review of a version to the learners it counts for who have an email
    address; a version gone or not reviewed sends nothing."""
    version = (
        SubmissionVersion.objects.select_related(
            "submission__assignment", "submission__course", "submission__learner"
        )
        .filter(pk=version_id)
        .exclude(review_state="")
        .first()
    )
    if version is None:
        return
    recipients = [learner for learner in _learners_told(version) if learner.email]
    if not recipients:
        return
    submission = version.submission
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "title": submission.assignment.title,
            "course": submission.course.title,
            "state": State(version.review_state).label,
            "feedback": version.feedback,
            "url": _absolute_url(submission.assignment),
        }
        subject = _("Your mentor reviewed: %(assignment)s") % {
            "assignment": submission.assignment.title
        }
        messages = [
            EmailMessage(
                subject.replace("\n", " ").replace("\r", " "),
                render_to_string(
                    "mentoring/email/feedback.txt", {**context, "learner": learner}
                ).strip()
                + "\n",
                to=[learner.email],
            )
            for learner in recipients
        ]
    get_connection().send_messages(messages)


def _learners_told(version: SubmissionVersion) -> list:
    """The version's hand-in's learner, or for a per-business hand-in whoever handed this
    version in and every member of the business enrolled in the course, active accounts only."""
    submission = version.submission
    if submission.business_id is None:
        learners = [submission.learner]
    else:
        enrolled = [
            enrolment.learner
            for enrolment in Enrolment.objects.filter(
                course_id=submission.course_id,
                learner__membership__business_id=submission.business_id,
            )
            .select_related("learner")
            .order_by("learner_id")
        ]
        handed_in_by = version.handed_in_by if version.handed_in_by_id else None
        learners = [handed_in_by] if handed_in_by else []
        learners += [learner for learner in enrolled if learner.pk != version.handed_in_by_id]
    return [learner for learner in learners if learner.is_active]


def _absolute_url(page) -> str:
    """The page's address in the site's default language, absolute (as certificates print)."""
    parts = page.get_url_parts()
    path = parts[2] if parts else "/"
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
