"""Demo check-ins for `make run`: the marketing course asks all four moments, and Bakpia Sutarni
recorded how the business stood before the course and at its end (more sales, more online)."""

from datetime import timedelta

from django.utils import timezone

from courses.models import CoursePage
from lms import demo as lms_demo
from lms.models import User

from .models import CheckIn, CheckInPlan, Moment

BEFORE = {
    "revenue_per_day": 600_000,
    "products_per_day": 120,
    "online_share_percent": 10,
    "channels": ["whatsapp"],
    "followers": 350,
    "ad_spend_last_month": 0,
    "keeps_books": False,
    "has_monthly_report": False,
    "applied_for_credit": False,
}
END = {
    "revenue_per_day": 850_000,
    "products_per_day": 165,
    "online_share_percent": 35,
    "channels": ["whatsapp", "instagram", "marketplace"],
    "followers": 1_200,
    "ad_spend_last_month": 300_000,
    "keeps_books": True,
    "has_monthly_report": True,
    "applied_for_credit": False,
}


def seed() -> list[str]:
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    CheckInPlan.objects.get_or_create(course=marketing)
    owner = User.objects.get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.get(email=lms_demo.MEMBER_EMAIL)
    business = owner.membership.business
    now = timezone.now()
    for moment, person, figures, days_ago in (
        (Moment.BEFORE, owner, BEFORE, 28),
        (Moment.END, member, END, 1),
    ):
        filled_at = now - timedelta(days=days_ago)
        CheckIn.objects.get_or_create(
            business=business,
            course=marketing,
            moment=moment,
            defaults={
                **figures,
                "filled_by": person,
                "filled_at": filled_at,
                "updated_by": person,
                "updated_at": filled_at,
            },
        )
    return [f"{business.name}: check-ins before and at the end of {marketing.title}"]
