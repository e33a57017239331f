"""`make bench` (cash book): a sale written from the phone, the month's summary with 5 and
with 500 entries, and the month's financial report PDF. Floors: the entry POST in at most 10
queries; the summary in as many queries with 500 entries as with 5; the PDF under 300 ms warm.

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates; its rows are made and measured in a transaction rolled back at the end: still, never
point it at real data).
"""

import datetime
import statistics
import sys
import time
import uuid

from bench import setup_django

setup_django()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

RUNS = 30
PDF_RUNS = 15
POST_QUERIES = 10
PDF_FLOOR_MS = 300
MONTH = datetime.date(2026, 10, 1)


def timed(call, runs):
    """Median milliseconds of ``runs`` calls, and the queries of the last."""
    timings = []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            call()
            timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), len(queries)


def fill(business, author, count, offset=0):
    from cashbook.models import Entry

    Entry.objects.bulk_create(
        Entry(
            business=business,
            author=author,
            day=MONTH + datetime.timedelta(days=n % 31),
            kind="sale" if n % 4 else "cost",
            amount=35_000 + n,
            units=(n % 5 + 1) if n % 4 else 0,
            channel=("online" if n % 3 == 0 else "offline") if n % 4 else "",
            category="" if n % 4 else ("advertising", "stock", "wages")[n % 3],
            note="bench",
        )
        for n in range(offset, offset + count)
    )


def bench() -> bool:
    """Print the figures; True when one misses its floor."""
    from django.urls import reverse
    from django.utils import timezone

    from cashbook import pdf
    from lms.models import Business, Membership, Regency, Sector, User
    from privacy import services as privacy_services

    owner = User.objects.create_user(
        "kas-bench@pintar-umkm.test", "kata-sandi-bench-1", full_name="Pemilik Bench"
    )
    business = Business.objects.create(
        name="Bakpia Bench",
        sibakul_number="3400999999",
        sector=Sector.CULINARY,
        regency=Regency.SLEMAN,
    )
    Membership.objects.create(user=owner, business=business, is_owner=True)
    privacy_services.notice_agreed_in_bulk(user_ids=[owner.pk])
    client = Client()
    client.force_login(owner)
    sale_url = reverse("cashbook:sale_add")
    today = timezone.localdate().isoformat()

    def post_sale():
        data = {"amount": "250rb", "channel": "online", "day": today, "token": str(uuid.uuid4())}
        response = client.post(sale_url, data)
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(day_url), response["Location"]

    day_url = reverse("cashbook:day")
    month_url = reverse("cashbook:month", kwargs={"month": MONTH})

    def summary():
        assert client.get(month_url).status_code == 200

    client.get(reverse("cashbook:day"))  # warm the session
    post_ms, post_queries = timed(post_sale, RUNS)
    fill(business, owner, 5)
    summary()
    small_ms, small_queries = timed(summary, RUNS)
    fill(business, owner, 495, offset=5)
    large_ms, large_queries = timed(summary, RUNS)
    pdf.render_report_pdf(business=business, month=MONTH)  # the fonts, once per process
    pdf_ms, _queries = timed(
        lambda: pdf.render_report_pdf(business=business, month=MONTH), PDF_RUNS
    )

    print(
        f"Cash book on {connection.vendor}: median of {RUNS} runs through Django's test client "
        f"(PDF: {PDF_RUNS} renders, warm)"
    )
    print(f"{'what':<34} {'median ms':>10} {'queries':>8}")
    print(f"{'sale POST':<34} {post_ms:>10.1f} {post_queries:>8}")
    print(f"{'month summary, 5 entries':<34} {small_ms:>10.1f} {small_queries:>8}")
    print(f"{'month summary, 500 entries':<34} {large_ms:>10.1f} {large_queries:>8}")
    print(f"{'financial report PDF (render)':<34} {pdf_ms:>10.1f}")
    slow = post_queries > POST_QUERIES or large_queries != small_queries or pdf_ms >= PDF_FLOOR_MS
    verdict = "OVER a floor" if slow else "within the floors"
    print(
        f"floors: POST at most {POST_QUERIES} queries, summary queries constant, "
        f"PDF under {PDF_FLOOR_MS} ms: {verdict}"
    )
    return slow


def main():
    from django.core.management import call_command
    from django.db import transaction

    call_command("migrate", verbosity=0)
    with transaction.atomic():  # leaves the database as it found it
        slow = bench()
        transaction.set_rollback(True)
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
