"""Demo credit application for `make run`; safe to repeat.

Bakpia Sutarni applied for KUR Mikro at Bank BPD DIY to buy a second oven; the bank has
come for the site survey. Her documents are ready except the collateral papers.
"""

import uuid
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from lms import demo as lms_demo
from lms.models import User

from .models import CreditApplication, Document, Lender, Status

# A fixed token: the demo's application is found again on every run.
DEMO_TOKEN = uuid.UUID("6c1d6f1e-3a55-4c1b-9d1e-6b1a0c0f0b01")


@transaction.atomic
def seed() -> list[str]:
    owner = User.objects.select_related("membership__business").get(phone=lms_demo.OWNER_PHONE)
    today = timezone.localdate()
    application, created = CreditApplication.objects.get_or_create(
        token=DEMO_TOKEN,
        defaults={
            "business": owner.membership.business,
            "lender": Lender.objects.get(name="Bank BPD DIY"),
            "product": "KUR Mikro",
            "amount_requested": Decimal(25_000_000),
            "purpose": "Membeli oven kedua dan bahan baku menjelang musim liburan.",
            "status": Status.SURVEY,
            "submitted_on": today - timedelta(days=12),
            "survey_on": today - timedelta(days=3),
            "rate_percent_per_year": Decimal(6),
            "tenor_months": 24,
            "documents": [
                Document.KTP.value,
                Document.KK.value,
                Document.NIB.value,
                Document.FINANCIAL_REPORT.value,
            ],
            "notes": "Petugas bank sudah melihat dapur dan meminta laporan keuangan tiga bulan.",
            "created_by": owner,
        },
    )
    verb = "created" if created else "kept"
    return [f"Credit: {application.product} at {application.lender.name}, {verb}"]
