"""How tests post a sign-in form, as a phone at a given address does."""

from django.urls import reverse

SIGN_IN = reverse("lms:sign_in")
CLASS_WIFI = "10.5.0.1"  # the one address a class's phones share on the venue's Wi-Fi


def sign_in(client, username, password, ip=CLASS_WIFI, url=SIGN_IN, **extra):
    """Post ``username`` and ``password`` to the sign-in form at ``url`` from address ``ip``."""
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=ip, **extra)
