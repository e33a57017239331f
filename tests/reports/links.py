"""Addresses of the report pages, with their filters."""

from urllib.parse import urlencode

from django.urls import reverse


def url(name, **query):
    return reverse(f"reports:{name}") + (f"?{urlencode(query)}" if query else "")
