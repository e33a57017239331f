from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language


def language_switch(request):
    """Links to the current page in each other language the site speaks."""
    current = get_language()
    path = request.get_full_path()
    return {
        "language_links": [
            {"code": code, "name": name, "url": translate_url(path, code)}
            for code, name in settings.LANGUAGES
            if code != current
        ]
    }
