"""Certificate templates that mentors edit, and the certificates issued from them."""

import re
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel

from lms.files import private_storage

PLACEHOLDERS = ("name", "business", "course", "date", "mentor", "serial")
BODY_MAX_LENGTH = 600
UNKNOWN_PLACEHOLDER = _("Unknown placeholder %(names)s. Use only: %(known)s.")
BRACKETS_UNMATCHED = _("Check the curly brackets: each { needs a closing }.")
DEFAULT_BODY = _(
    "has completed the {course} course of the Pintar UMKM programme, mentored by {mentor}, "
    "on {date}."
)


def verification_code() -> str:
    """128 random bits, URL-safe: the public key of a certificate."""
    return secrets.token_urlsafe(16)


# A placeholder is a known name in curly brackets and nothing else: no format spec
# (`{name:x>1000000}` took 70 s to print), attribute, index or conversion. `{{` and `}}` print
# one bracket, as they always did.
PLACEHOLDER_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """``text`` with each bare ``{placeholder}`` replaced by its value; anything else in
    brackets is left as written. No formatting is applied, so the output is never longer than
    the text plus the values."""

    def fill(match):
        token, name = match.group(0), match.group(1)
        if name is None:
            return token[0]
        return values.get(name, token)

    return PLACEHOLDER_TOKEN.sub(fill, text)


def placeholders_known(text: str) -> None:
    names = [match.group(1) for match in PLACEHOLDER_TOKEN.finditer(text)]
    if {"{", "}"} & set(PLACEHOLDER_TOKEN.sub("", text)):
        raise ValidationError(BRACKETS_UNMATCHED)
    unknown = sorted({name for name in names if name is not None} - set(PLACEHOLDERS))
    if unknown:
        raise ValidationError(
            UNKNOWN_PLACEHOLDER,
            params={
                "names": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            },
        )


class CertificateTemplate(models.Model):
    """What a certificate looks like; a course names the template its certificates use."""

    name = models.CharField(_("name"), max_length=100, help_text=_("Only editors see this."))
    title = models.CharField(_("title"), max_length=100, default=_("Certificate of Completion"))
    body = models.TextField(
        _("body text"),
        max_length=BODY_MAX_LENGTH,
        default=DEFAULT_BODY,
        validators=[MaxLengthValidator(BODY_MAX_LENGTH), placeholders_known],
        help_text=_(
            "Printed under the holder's name. Placeholders: {course}, {business}, {name}, "
            "{mentor}, {date}, {serial}."
        ),
    )
    background = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("background image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A4 landscape, 297 × 210 mm; keep the middle light so the text reads."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("signature image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    signer_name = models.CharField(_("signer's name"), max_length=150, blank=True)
    signer_role = models.CharField(_("signer's role"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("background"), FieldPanel("logo")], heading=_("Images")),
        MultiFieldPanel(
            [FieldPanel("signature"), FieldPanel("signer_name"), FieldPanel("signer_role")],
            heading=_("Signature"),
        ),
        HelpPanel(
            _(
                "Certificates already issued keep their PDF. A changed template is used for "
                "certificates issued or reissued after the change."
            )
        ),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")
        ordering = ["name"]

    def __str__(self):
        return self.name


class SerialCounter(models.Model):
    """The last serial number given in a year; its row lock makes serials sequential."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class CertificateQuerySet(models.QuerySet):
    def current(self):
        """Certificates not replaced by a reissue (valid or revoked)."""
        return self.filter(replaced_at__isnull=True)

    def with_status(self, status: str):
        """Certificates whose ``status`` is ``status``: replaced wins over revoked."""
        if status == self.model.Status.REPLACED:
            return self.filter(replaced_at__isnull=False)
        return self.current().filter(revoked_at__isnull=status == self.model.Status.VALID)


class Certificate(models.Model):
    """One certificate, with everything it says snapshotted as it stood at issue."""

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        verbose_name=_("course"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    business = models.ForeignKey(
        "lms.Business",
        verbose_name=_("business"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    cohort = models.ForeignKey(
        "courses.Cohort",
        verbose_name=_("class"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="certificates",
    )
    template = models.ForeignKey(
        CertificateTemplate,
        verbose_name=_("template"),
        null=True,
        on_delete=models.PROTECT,
        related_name="certificates",
    )
    serial = models.CharField(_("serial number"), max_length=20, unique=True)
    code = models.CharField(
        _("verification code"), max_length=32, unique=True, default=verification_code
    )
    holder_name = models.CharField(_("holder's name"), max_length=150)
    business_name = models.CharField(_("business name"), max_length=150, blank=True)
    course_title = models.CharField(_("course"), max_length=255)
    mentor_name = models.CharField(_("mentor's name"), max_length=150, blank=True)
    completed_on = models.DateField(_("completed on"))
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    pdf = models.FileField(_("PDF"), upload_to="certificates/", storage=private_storage, blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.TextField(_("reason for revoking"), blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    replaced_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    replaces = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "course"],
                condition=models.Q(replaced_at__isnull=True),
                name="one_current_certificate_per_course",
            )
        ]
        indexes = [models.Index(fields=["course", "issued_at"], name="certificate_course_issued")]

    def __str__(self):
        return f"{self.serial} · {self.holder_name}"

    @property
    def status(self) -> str:
        if self.replaced_at:
            return self.Status.REPLACED
        if self.revoked_at:
            return self.Status.REVOKED
        return self.Status.VALID

    def get_status_display(self):
        return self.Status(self.status).label

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID
