"""The baseline for `make bench-load`: the least a Django view can do, through the same
middleware and processes as the learner pages. Routed only when BENCH_HELLO is true."""

from django.http import HttpResponse


def hello(request):
    return HttpResponse("hello", content_type="text/plain; charset=utf-8")
