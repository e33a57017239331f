"""`make bench-imports`: the time to import a generated 10,000-row SiBakul sheet (XLSX).

Runs on a temporary SQLite file unless DATABASE_URL names another database (whose tables it
creates and fills: never point it at real data). Seeds the demo data (for a class to enrol
into), writes a 10,000-row workbook with mixed phone formats, then times each step as a
coordinator meets it: reading the upload, checking every row (the preview), the import with
everyone enrolled into a class, and the same sheet again (all 10,000 rows updates).
The budget is a minute for the upload, the check and the import together.
"""

import io
import os
import sys
import time

from bench import setup_django

setup_django()

ROWS = 10_000
BUDGET_SECONDS = 60
DISTRICTS = (("Sleman", "Depok"), ("Kab. Bantul", "Kapanewon Sewon"), ("Kota Yogyakarta", "kraton"))
PHONE_FORMS = ("0813-{a}-{b}", "+62 813 {a} {b}", "62 813{a}{b}", "813 {a} {b}")


def sheet(rows: int) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    cells = book.active
    cells.append(["Nama Usaha", "Nama Pemilik", "No HP", "Nomor SiBakul", "Kabupaten/Kota",
                  "Kapanewon/Kecamatan", "Bidang Usaha", "Tahun Lahir"])  # fmt: skip
    for n in range(rows):
        regency, district = DISTRICTS[n % len(DISTRICTS)]
        phone = PHONE_FORMS[n % len(PHONE_FORMS)].format(
            a=f"{n // 10000 + 5000:04d}", b=f"{n % 10000:04d}"
        )
        cells.append([f"Usaha Bench {n} ", f"Pemilik {n}", phone, 7700000000 + n, regency,
                      district, "Kuliner", 1960 + n % 40])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(label, function):
    start = time.perf_counter()
    result = function()
    seconds = time.perf_counter() - start
    print(f"  {label:<44} {seconds:7.2f} s")
    return result, seconds


def main():
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115

    from courses.models import Cohort
    from lms.models import User
    from lms.selectors import sees_every_class
    from onboarding import rows as rules
    from onboarding import selectors, services

    coordinator = next(u for u in User.objects.filter(is_active=True) if sees_every_class(u))
    cohort = Cohort.objects.select_related("course").first()
    content = sheet(ROWS)
    print(f"Import of {ROWS:,} rows ({len(content) / 1024:.0f} KB XLSX), "
          f"database {connection.vendor}:")  # fmt: skip

    batch, upload = timed(
        "read the upload",
        lambda: services.batch_upload(user=coordinator, name="bench.xlsx", content=content),
    )
    checks, check = timed(
        "check every row (the preview)", lambda: selectors.batch_checks(batch=batch)
    )
    tally, run = timed(
        "import, everyone enrolled into a class",
        lambda: services.batch_import(batch=batch, user=coordinator, cohort=cohort),
    )
    assert tally == {rules.NEW: ROWS, rules.UPDATE: 0, rules.REFUSED: 0}, tally
    total = upload + check + run
    verdict = "within" if total < BUDGET_SECONDS else "OVER"
    label = "total (upload + preview + import)"
    print(f"  {label:<44} {total:7.2f} s  ({verdict} the {BUDGET_SECONDS} s budget)")

    again = services.batch_upload(user=coordinator, name="bench.xlsx", content=content)
    tally, _ = timed(
        "the same sheet again (10,000 updates)",
        lambda: services.batch_import(batch=again, user=coordinator, cohort=cohort),
    )
    assert tally == {rules.NEW: 0, rules.UPDATE: ROWS, rules.REFUSED: 0}, tally
    return 0 if total < BUDGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
