"""Peak memory and time of the coordinators' ZIP download of 1,000 certificates.

`make bench` runs this module in a process of its own (`python -m bench.certificates_zip`, on
its database, with the demo data seeded), so the peak RSS it prints is that of a web process
doing the export, not of the renders measured before it. It adds 1,000
certificates with stored PDFs of 60-100 KB (a PDF header and random bytes, which compress no
better than a real PDF's streams) in a transaction that it rolls back, writes their files in a
temporary media folder that it removes, and streams the ZIP through Django's test client as the
demo coordinator, reading the body chunk by chunk and throwing it away.

Two passes: the first is timed and shows the process's resident memory (peak RSS, which
includes Django, Wagtail and WeasyPrint already loaded); the second runs under tracemalloc and
shows the most memory Python held at once during the export, beyond what it held before.
"""

import random
import tempfile
import time
import tracemalloc

from django.contrib.auth.hashers import make_password
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from bench.memory import current_rss_mb, peak_rss_mb

COORDINATOR = "koordinator@pintar-umkm.test"
CERTIFICATES = 1000
PDF_BYTES = (60 * 1024, 100 * 1024)
BUDGET_MB = 200
MB = 1024 * 1024


def _add_certificates(count: int) -> int:
    """Add `count` certificates of the bench's own business; return their PDFs' total bytes."""
    from certificates.models import Certificate, CertificateTemplate
    from courses.models import CoursePage
    from lms.models import Business, Membership, Regency, Sector, User

    rng = random.Random(2026)  # noqa: S311 - filler bytes, not secrets
    course = CoursePage.objects.live().first()
    template = CertificateTemplate.objects.first()
    business = Business.objects.create(
        name="Bench Batik", sector=Sector.FASHION, regency=Regency.SLEMAN, join_code="BENCHZ1P"
    )
    unusable = make_password(None)
    learners = User.objects.bulk_create(
        User(full_name=f"Peserta {n}", email=f"bench-zip-{n}@example.test", password=unusable)
        for n in range(count)
    )
    Membership.objects.bulk_create(Membership(user=user, business=business) for user in learners)
    filler = rng.randbytes(PDF_BYTES[1])  # one random block, sliced: the files differ in size
    certificates, total = [], 0
    for n, learner in enumerate(learners):
        size = rng.randint(*PDF_BYTES)
        content = b"%PDF-1.7\n" + filler[: size - 15] + b"\n%%EOF\n"
        total += len(content)
        name = default_storage.save(f"certificates/bench-{n:06d}.pdf", ContentFile(content))
        certificates.append(
            Certificate(
                learner=learner,
                course=course,
                business=business,
                template=template,
                serial=f"PU-2000-{n:06d}",
                holder_name=learner.full_name,
                business_name=business.name,
                course_title=course.title,
                mentor_name="Rina Astuti",
                completed_on=timezone.localdate(),
                pdf=name,
            )
        )
    Certificate.objects.bulk_create(certificates)
    return total


def _stream(client, url) -> tuple[int, int]:
    """Read the response body as a browser would, keeping nothing: (bytes, chunks)."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    assert response.streaming, "the ZIP must be streamed"
    total = chunks = 0
    for chunk in response.streaming_content:
        total += len(chunk)
        chunks += 1
    return total, chunks


def bench_certificate_zip(count: int = CERTIFICATES) -> dict:
    """Print (and return) the figures of one ZIP export of `count` certificates."""
    from lms.models import User

    client = Client()
    client.force_login(User.objects.get(email=COORDINATOR))
    # A filter and a search, as a coordinator would narrow the list before downloading.
    url = reverse("certificate_admin:zip") + "?regency=sleman&q=Bench+Batik"
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        start = time.perf_counter()
        pdf_bytes = _add_certificates(count)
        setup_s = time.perf_counter() - start

        rss_before, peak_before = current_rss_mb(), peak_rss_mb()
        start = time.perf_counter()
        zip_bytes, chunks = _stream(client, url)
        seconds = time.perf_counter() - start
        peak_rss = peak_rss_mb()
        # Every PDF is in, stored whole: the ZIP adds only ~150 bytes of headers per file.
        assert pdf_bytes < zip_bytes < pdf_bytes + 200 * count, (pdf_bytes, zip_bytes)

        tracemalloc.start()
        baseline, _ = tracemalloc.get_traced_memory()
        _stream(client, url)
        _, traced_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        transaction.set_rollback(True)

    figures = {
        "certificates": count,
        "zip_mb": zip_bytes / MB,
        "chunks": chunks,
        "seconds": seconds,
        "rss_before_mb": rss_before,
        "peak_rss_before_mb": peak_before,
        "peak_rss_mb": peak_rss,
        "python_peak_mb": (traced_peak - baseline) / MB,
    }
    print(
        f"certificate ZIP: {count} PDFs, {figures['zip_mb']:.1f} MB in {chunks} chunks, "
        f"{seconds:.2f} s ({setup_s:.1f} s to set up)"
    )
    print(
        f"  peak RSS {peak_rss:.1f} MB (budget {BUDGET_MB} MB; before the export: "
        f"{rss_before:.1f} MB resident, peak {peak_before:.1f} MB); "
        f"Python's peak during the export {figures['python_peak_mb']:.2f} MB"
    )
    return figures


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")
    django.setup()
    bench_certificate_zip()
