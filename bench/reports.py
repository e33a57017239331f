"""`make bench-reports`: the coordinators' reports at province scale, on PostgreSQL.

Fills BENCH_REPORTS_DATABASE_URL (default ``pintar_synth`` on 127.0.0.1, created if missing)
with ``seed_synthetic`` (20,000 businesses, 50,000 learners) unless it already holds that many
learners, then prints, for each report page (first page of results, no filter and with a
regency filter; then the middle and last pages of every paginated report), the median time and
the SQL queries through Django's test client, and for the full per-business CSV export its time
and the peak memory of a process doing only that. Then the business outcomes (issue 15): the
outcome report and its CSV export, and one of the 5,000 synthetic cash books' month summary,
financial report page and PDF.

Never point it at real data: it adds synthetic businesses and learners.
"""

import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.memory import peak_rss_mb

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_REPORTS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/pintar_synth"
)
BUSINESSES = int(os.environ.get("BENCH_BUSINESSES", "20000"))
LEARNERS = int(os.environ.get("BENCH_LEARNERS", "50000"))
RUNS = 5
COORDINATOR = "koordinator@pintar-umkm.test"
PAGES = ["overview", "businesses", "breakdowns", "knowledge", "survey", "questions"]


def setup():
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    import django

    django.setup()


def ensure_data():
    from django.core.management import call_command

    from bench.load import ensure_database
    from lms.models import User

    ensure_database(DATABASE_URL)
    call_command("migrate", verbosity=0)
    if User.objects.count() < LEARNERS:
        start = time.perf_counter()
        call_command(
            "seed_synthetic",
            "--businesses",
            str(BUSINESSES),
            "--learners",
            str(LEARNERS),
            "--yes",
        )
        print(f"seed_synthetic: {time.perf_counter() - start:.0f} s")


def coordinator_and_course():
    """A test client signed in as the demo coordinator, and the course the reports show."""
    from django.test import Client

    from courses.models import CoursePage
    from lms.models import User

    client = Client()
    client.session_user = User.objects.get(email=COORDINATOR)
    client.force_login(client.session_user)
    return client, CoursePage.objects.live().order_by("title").first()


# The deep pages: (report, label, extra query), each timed at its middle and last page.
DEEP_PAGES = [
    ("businesses", "", ""),
    ("businesses", " · by progress", "&ordering=-progress"),
    ("knowledge", "", ""),
    ("survey", "", ""),
]


def timed(client, url):
    """The median milliseconds of ``RUNS`` requests for ``url``, and the queries of the last."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(timings), len(queries)


def page_count(client, url):
    """How many pages the report at ``url`` has (None when it is not paginated), read from the
    report view itself as the signed-in coordinator sees it."""
    from django.core.paginator import Paginator
    from django.test import RequestFactory
    from django.urls import resolve

    request = RequestFactory().get(url)
    request.user = client.session_user
    view = resolve(request.path).func.view_class()
    view.setup(request)
    if not view.paginate_by:
        return None
    return Paginator(view.get_filtered_queryset(), view.paginate_by).num_pages


def measure_pages():
    from django.db import connection
    from django.urls import reverse

    from lms.models import User

    client, course = coordinator_and_course()
    print(f"database: {connection.vendor}; {User.objects.count()} users; course {course.title}")
    print(f"{'report (first page)':<36} {'median ms':>10} {'queries':>8}")
    for name in PAGES:
        variants = [("", ""), (" · Sleman", "&regency=sleman")]
        if name == "businesses":
            variants.append((" · by progress", "&ordering=-progress"))
        for label, query in variants:
            url = f"{reverse(f'reports:{name}')}?course={course.pk}{query}"
            median, queries = timed(client, url)
            print(f"{name + label:<36} {median:>10.0f} {queries:>8}")
    print(f"{'report (middle and last page)':<44} {'median ms':>10} {'queries':>8}")
    for name in PAGES:
        url = f"{reverse(f'reports:{name}')}?course={course.pk}"
        if page_count(client, url) is None:
            print(f"{name}: one page, not paginated")
    for name, label, query in DEEP_PAGES:
        url = f"{reverse(f'reports:{name}')}?course={course.pk}{query}"
        pages = page_count(client, url)
        for number in ((pages + 1) // 2, pages):
            median, queries = timed(client, f"{url}&p={number}")
            title = f"{name}{label} · p. {number} of {pages}"
            print(f"{title:<44} {median:>10.0f} {queries:>8}")
    print("floor: under 1,000 ms each, queries independent of the data size")


def export_csv():
    """The full per-business table as CSV, streamed and thrown away, in this process."""
    from django.urls import reverse

    client, course = coordinator_and_course()
    url = f"{reverse('reports:businesses')}?course={course.pk}&export=csv"
    start = time.perf_counter()
    response = client.get(url)
    rows = size = 0
    for chunk in response.streaming_content:
        size += len(chunk)
        rows += chunk.count(b"\n")
    seconds = time.perf_counter() - start
    peak = peak_rss_mb()
    print(
        f"CSV export of every business: {rows - 1} rows, {size / 1024 / 1024:.1f} MB in "
        f"{seconds:.1f} s; peak RSS of the process {peak:.0f} MB "
        "(floors: under 30 s, under 300 MB)"
    )


def measure_evaluation():
    """The evaluation report (issue 14, item 12): its data queries and its PDF render, as the
    task worker runs them, unfiltered and for one regency."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports import documents, evaluation

    client, course = coordinator_and_course()
    gc.freeze()  # as the task worker does once started (lms/management/commands/db_worker.py)
    print(f"{'evaluation report':<36} {'median ms':>10} {'queries':>8} {'slowest query ms':>17}")
    for label, query in (("", {}), (" · Sleman", {"regency": "sleman"})):
        scope = evaluation.scope_of(user=client.session_user, course=course, query=query)
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                data = evaluation.evaluation_data(scope)
                timings.append((time.perf_counter() - start) * 1000)
        slowest = max(float(query["time"]) for query in queries.captured_queries) * 1000
        print(
            f"{'data' + label:<36} {statistics.median(timings):>10.0f} {len(queries):>8}"
            f" {slowest:>17.0f}"
        )
        documents.render_pdf(data)  # the first render in a process prepares the fonts
        start = time.perf_counter()
        documents.render_pdf(data)
        print(f"{'PDF' + label:<36} {(time.perf_counter() - start) * 1000:>10.0f}")
    print("floors: data under 1,000 ms, PDF under 10,000 ms")


def timed_download(client, url):
    """Like ``timed`` for a download: the body read to the end, streamed or not; also its
    size in bytes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    timings = []
    for _ in range(RUNS):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            if response.streaming:
                size = sum(len(chunk) for chunk in response.streaming_content)
            else:
                size = len(response.content)
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), len(queries), size


def cash_book_month():
    """A business of the synthetic cash books (the one written last) and its latest month
    with entries, with how many entries the month holds."""
    from cashbook.models import Entry

    business_id, day = Entry.objects.order_by("-pk").values_list("business_id", "day").first()
    month = day.replace(day=1)
    entries = Entry.objects.filter(business_id=business_id, day__gte=month).count()
    return business_id, month, entries


def measure_outcomes():
    """Issue 15: the business-outcome report, unfiltered and for one regency, and its CSV
    export; then one cash-book business's month summary, financial report page and PDF, as
    the coordinator opens them."""
    from django.urls import NoReverseMatch, reverse

    from cashbook.models import Entry
    from credit.models import CreditApplication
    from outcomes.models import CheckIn

    client, course = coordinator_and_course()
    checkins = CheckIn.objects.count()
    businesses = CheckIn.objects.values("business").distinct().count()
    print(
        f"outcomes data: {checkins:,} check-ins for {businesses:,} businesses; "
        f"{Entry.objects.count():,} cash book entries; "
        f"{CreditApplication.objects.count():,} credit applications"
    )
    print(f"{'business outcomes':<36} {'median ms':>10} {'queries':>8}")
    try:
        url = f"{reverse('reports:outcomes')}?course={course.pk}"
    except NoReverseMatch:
        print("outcome report: not built")
    else:
        for label, query in (("report", ""), ("report · Sleman", "&regency=sleman")):
            median, queries = timed(client, url + query)
            print(f"{label:<36} {median:>10.0f} {queries:>8}")
        median, queries, size = timed_download(client, f"{url}&export=csv")
        print(f"{'CSV export':<36} {median:>10.0f} {queries:>8}  ({size / 1024:.0f} KB)")
    business_id, month, entries = cash_book_month()
    print(f"cash book of business {business_id}, {month:%Y-%m}: {entries} entries")
    kwargs = {"business_id": business_id, "month": month}
    for label, name in (("month summary", "month"), ("financial report", "report")):
        median, queries = timed(client, reverse(f"cashbook:{name}", kwargs=kwargs))
        print(f"{label:<36} {median:>10.0f} {queries:>8}")
    pdf = reverse("cashbook:report_pdf", kwargs=kwargs)
    client.get(pdf)  # the first render in a process prepares the fonts
    median, queries, size = timed_download(client, pdf)
    print(
        f"{'financial report PDF (warm)':<36} {median:>10.0f} {queries:>8}  ({size / 1024:.0f} KB)"
    )
    print("floors: outcome report under 1,000 ms; month summary queries constant; PDF under 300 ms")


def main():
    setup()
    if sys.argv[1:] == ["export"]:
        export_csv()
        return
    ensure_data()
    measure_pages()
    measure_evaluation()
    measure_outcomes()
    # A process of its own, so its peak memory is the export's.
    subprocess.run([sys.executable, "-m", "bench.reports", "export"], cwd=ROOT, check=True)  # noqa: S603


if __name__ == "__main__":
    main()
