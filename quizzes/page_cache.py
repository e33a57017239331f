"""A learner's attempts and saved draft on one quiz or questionnaire page, cached between
requests: what the page reads of the learner besides the enrolment (``courses.progress_cache``).

- Key: ``quizzes:page:<learner id>:<page id>`` (fetched with the page-tree entries in one
  ``get_many``, ``lms.pagetree.serve``). Value: the attempts the page lists (without their
  snapshot of answers) and the draft's answers (None without a draft).
- Retired (deleted) by every save or delete of that learner's ``QuizAttempt`` or
  ``AnswerDraft`` on that page; deleted again once the write commits.
- Expires after ``TIMEOUT`` whatever happens (a queryset ``update()`` behind the signals' back).
"""

from django.db.models.signals import post_delete, post_save

from lms import pagetree

TIMEOUT = 10 * 60


def key(learner_id, page_id) -> str:
    return f"quizzes:page:{learner_id}:{page_id}"


def reads(*, learner, page, build):
    """``build()``'s value (a tuple) for the learner and page, from the cache when the entry
    is there."""
    return pagetree.learner_cached(key(pagetree.USER, page.pk), learner.pk, build, timeout=TIMEOUT)


def _learner_row_changed(sender, instance, **kwargs):
    if instance.learner_id and instance.page_id:
        pagetree.learner_entries_retire([key(instance.learner_id, instance.page_id)])


def connect_signals() -> None:
    from .models import AnswerDraft, QuizAttempt

    for model in (QuizAttempt, AnswerDraft):
        for signal in (post_save, post_delete):
            signal.connect(
                _learner_row_changed,
                sender=model,
                dispatch_uid=f"quiz-page-cache-{model.__name__}-{id(signal)}",
            )
