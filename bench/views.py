"""The baselines for `make bench-load`, through the same middleware and processes as the learner
pages. Routed only when BENCH_HELLO is true."""

from django.http import HttpResponse


def hello(request):
    """The least a Django view can do."""
    return HttpResponse("hello", content_type="text/plain; charset=utf-8")


def signed_in_hello(request):
    """The least a page for a signed-in learner can do: read the session and the user."""
    if not request.user.is_authenticated:
        return HttpResponse("not signed in", status=403, content_type="text/plain; charset=utf-8")
    return HttpResponse(f"hello {request.user.pk}", content_type="text/plain; charset=utf-8")
