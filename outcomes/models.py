"""A business's figures at set moments of a course (check-ins), and which moments a course asks."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from . import rules


class Moment(models.TextChoices):
    BEFORE = rules.BEFORE, _("Before the course")
    END = rules.END, _("At the end of the course")
    MONTH_1 = rules.MONTH_1, _("One month after completing")
    MONTH_3 = rules.MONTH_3, _("Three months after completing")


class Channel(models.TextChoices):
    WHATSAPP = "whatsapp", "WhatsApp"
    INSTAGRAM = "instagram", "Instagram"
    TIKTOK = "tiktok", "TikTok"
    FACEBOOK = "facebook", "Facebook"
    MARKETPLACE = "marketplace", _("Marketplaces (Shopee, Tokopedia, …)")
    OFFLINE = "offline", _("Offline only")


class CheckInPlan(models.Model):
    """The check-in moments one course asks of the businesses taking it; none without a plan."""

    course = models.OneToOneField(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="checkin_plan",
    )
    ask_before = models.BooleanField(_("before the course (at enrolment)"), default=True)
    ask_end = models.BooleanField(_("at the end of the course"), default=True)
    ask_month_1 = models.BooleanField(_("one month after completing"), default=True)
    ask_month_3 = models.BooleanField(_("three months after completing"), default=True)

    panels = [
        FieldPanel("course"),
        FieldPanel("ask_before"),
        FieldPanel("ask_end"),
        FieldPanel("ask_month_1"),
        FieldPanel("ask_month_3"),
    ]

    class Meta:
        verbose_name = _("check-in plan")
        verbose_name_plural = _("check-in plans")

    def __str__(self):
        return str(self.course)

    @property
    def moments(self) -> tuple[str, ...]:
        return tuple(moment for moment in rules.MOMENTS if getattr(self, f"ask_{moment}"))


class CheckIn(models.Model):
    """A business's figures at one moment of one course, filled by any of its members.

    Amounts are whole rupiah. Only revenue on a typical day is required: without it a check-in
    says nothing about the business; the rest may be left blank ("not answered").
    """

    business = models.ForeignKey(
        "lms.Business",
        verbose_name=_("business"),
        on_delete=models.CASCADE,
        related_name="checkins",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="checkins",
    )
    moment = models.CharField(_("moment"), max_length=10, choices=Moment.choices)
    products_per_day = models.PositiveIntegerField(
        _("products sold on a typical day"), null=True, blank=True
    )
    revenue_per_day = models.PositiveBigIntegerField(_("revenue on a typical day (Rp)"))
    online_share_percent = models.PositiveSmallIntegerField(
        _("share of sales made online (%)"), null=True, blank=True
    )
    channels = models.JSONField(_("channels used"), default=list, blank=True)  # [Channel values]
    followers = models.PositiveBigIntegerField(
        _("followers of the main account"), null=True, blank=True
    )
    ad_spend_last_month = models.PositiveBigIntegerField(
        _("advertising spend last month (Rp)"), null=True, blank=True
    )
    keeps_books = models.BooleanField(_("keeps written books"), null=True, blank=True)
    has_monthly_report = models.BooleanField(
        _("has a monthly financial report"), null=True, blank=True
    )
    applied_for_credit = models.BooleanField(_("applied for credit"), null=True, blank=True)
    filled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("filled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkins_filled",
    )
    filled_at = models.DateTimeField(_("filled at"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="checkins_updated",
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            models.UniqueConstraint(
                fields=["business", "course", "moment"], name="checkin_once_per_moment"
            )
        ]
        indexes = [models.Index(fields=["course", "moment"], name="checkin_course_moment")]

    def __str__(self):
        return f"{self.business} · {self.course} · {self.get_moment_display()}"
