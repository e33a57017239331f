"""How tests post a learner's answers to a quiz or questionnaire, as the site's form does."""

import uuid

from django.urls import reverse


def submit(client, page, answers, token=None):
    """Post ``answers`` to ``page`` with ``token`` (a fresh one unless given)."""
    data = {**answers, "token": str(token or uuid.uuid4())}
    return client.post(reverse("quizzes:submit", args=[page.pk]), data)
