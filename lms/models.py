"""Site-wide people: users, businesses (UMKM) and who belongs to which, plus the home page."""

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .identifiers import format_phone, new_join_code
from .pagetree import CachedViewRestrictionsMixin

FULL_NAME_MAX_LENGTH = 150


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, email=None, password=None, *, phone=None, full_name="", **extra):
        user = self.model(
            email=email.lower() if email else None,
            phone=phone or None,
            full_name=full_name,
            **extra,
        )
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, email, password, full_name="", **extra):
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, full_name=full_name, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in with an Indonesian mobile number or an email, or both."""

    full_name = models.CharField(_("full name"), max_length=FULL_NAME_MAX_LENGTH)
    email = models.EmailField(_("email"), unique=True, null=True, blank=True)
    phone = models.CharField(
        _("mobile number"),
        max_length=16,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stored as +62…"),
    )
    birth_year = models.PositiveSmallIntegerField(_("birth year"), null=True, blank=True)
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    must_change_password = models.BooleanField(
        _("must change password"),
        default=False,
        help_text=_(
            "Set when this person signed in with a temporary password; until they choose their "
            "own, every page sends them to the password change form."
        ),
    )
    # A one-time password a mentor or coordinator gave this person, kept beside (never instead
    # of) their own: its hash, when and by whom it was set, and when it was used to sign in.
    temporary_password = models.CharField(
        _("temporary password"),
        max_length=128,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    temporary_password_set_at = models.DateTimeField(
        _("temporary password set at"), null=True, blank=True, editable=False
    )
    temporary_password_set_by = models.ForeignKey(
        "self",
        verbose_name=_("temporary password set by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    temporary_password_used_at = models.DateTimeField(
        _("temporary password used at"), null=True, blank=True, editable=False
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # When the account was anonymised (deleted at the person's request, or by retention): its
    # name, contacts and free text are gone; its scores and completions stay, without the person.
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("set_temporary_password", _("Can set a temporary password for a learner")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(email__isnull=False) | models.Q(phone__isnull=False),
                name="user_has_phone_or_email",
            ),
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ignoring_case"),
        ]

    def __str__(self):
        return self.full_name or self.sign_in_identifier

    def get_full_name(self):
        return self.full_name

    def get_short_name(self):
        return self.full_name

    @property
    def sign_in_identifier(self):
        return self.email or self.phone or ""

    @property
    def phone_display(self):
        return format_phone(self.phone) if self.phone else ""


class Sector(models.TextChoices):
    CULINARY = "culinary", _("Culinary")
    FASHION = "fashion", _("Fashion")
    CRAFT = "craft", _("Craft")
    AGRIBUSINESS = "agribusiness", _("Agribusiness")
    TRADE = "trade", _("Retail and trade")
    SERVICES = "services", _("Services")
    OTHER = "other", _("Other")


class Regency(models.TextChoices):
    KOTA_YOGYAKARTA = "kota_yogyakarta", _("Kota Yogyakarta")
    SLEMAN = "sleman", _("Sleman")
    BANTUL = "bantul", _("Bantul")
    KULON_PROGO = "kulon_progo", _("Kulon Progo")
    GUNUNGKIDUL = "gunungkidul", _("Gunungkidul")
    OTHER = "other", _("Outside the Special Region of Yogyakarta")


class Business(models.Model):
    """A micro or small business (UMKM); progress is tracked for it through its members."""

    name = models.CharField(_("business name"), max_length=150)
    sibakul_number = models.CharField(
        _("SiBakul registration number"), max_length=20, unique=True, null=True, blank=True
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    regency = models.CharField(_("regency or city"), max_length=20, choices=Regency.choices)
    district = models.CharField(_("district (kapanewon/kemantren)"), max_length=100, blank=True)
    join_code = models.CharField(_("join code"), max_length=8, unique=True, default=new_join_code)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("business")
        verbose_name_plural = _("businesses")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["regency", "sector"], name="business_regency_sector"),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """One person's place in one business; each business has exactly one owner."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="membership", verbose_name=_("member")
    )
    business = models.ForeignKey(
        Business, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("business")
    )
    is_owner = models.BooleanField(_("owner"), default=False)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["business"],
                condition=models.Q(is_owner=True),
                name="business_has_one_owner",
            ),
        ]

    def __str__(self):
        return f"{self.user} @ {self.business}"


class DirectChildRouteMixin:
    """Route to a child page in one query, not two: Wagtail's own route() finds the child as a
    plain Page and then loads its specific type. Allowed child types are tried in the order
    ``subpage_types`` lists them, so list the most visited first."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug, *rest = path_components
        for model in self.specific_class.allowed_subpage_models():
            child = model.objects.child_of(self).filter(slug=slug).first()
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, rest)
        raise Http404


class HomePage(CachedViewRestrictionsMixin, DirectChildRouteMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")


class ClaimLink(models.Model):
    """A one-time link (and its short code) with which an imported owner, whose account has no
    password yet, confirms their name, consents and chooses a password. Only the token's
    SHA-256 is kept: the raw token lives in the link alone. One live link per person: issuing
    another voids the one before."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="claim_links", verbose_name=_("person")
    )
    token_hash = models.CharField(_("token hash"), max_length=64, unique=True, editable=False)
    code = models.CharField(_("short code"), max_length=8, editable=False)
    issued_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("claim link")
        verbose_name_plural = _("claim links")
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(used_at__isnull=True, voided_at__isnull=True),
                name="claim_link_one_live_per_user",
            ),
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(used_at__isnull=True, voided_at__isnull=True),
                name="claim_link_live_code_unique",
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.code}"
