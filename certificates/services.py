"""Everything that writes certificates: issue, render, revoke, reissue."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from courses.models import Enrolment
from lms import audit
from lms.selectors import membership_for

from . import rules, selectors
from .models import Certificate, SerialCounter

logger = logging.getLogger(__name__)

SERIAL_PREFIX = "PU"
NOT_COMPLETE = _("Some requirements of this course are not met yet.")
ALREADY_REVOKED = _("This certificate is already revoked.")
REASON_REQUIRED = _("Say why the certificate is revoked; its holder sees the reason.")
NOT_CURRENT = _("This certificate has already been replaced.")


def format_serial(year: int, number: int) -> str:
    return f"{SERIAL_PREFIX}-{year}-{number:06d}"


def mentor_name_for(*, cohort, course) -> str:
    """The mentor a certificate names: the class's, else the course's."""
    return cohort.mentor.full_name if cohort else course.mentor_name


def _next_serial(year: int) -> str:
    """PU-2026-000123: sequential per year. The counter's row stays locked until the caller's
    transaction ends, so two issues never share a number."""
    for _attempt in range(2):
        if SerialCounter.objects.filter(year=year).update(last=F("last") + 1):
            number = SerialCounter.objects.get(year=year).last
            return format_serial(year, number)
        try:
            with transaction.atomic():
                SerialCounter.objects.create(year=year, last=0)
        except IntegrityError:  # Another issue created this year's counter first.
            pass
    raise RuntimeError("serial counter unavailable")  # pragma: no cover


def _snapshot(*, learner, course, enrolment, replaces=None) -> Certificate:
    membership = membership_for(user=learner)
    cohort = enrolment.cohort if enrolment else None
    mentor = mentor_name_for(cohort=cohort, course=course)
    today = timezone.localdate()
    return Certificate.objects.create(
        learner=learner,
        course=course,
        business=membership.business if membership else None,
        cohort=cohort,
        template=selectors.template_for(course),
        serial=_next_serial(today.year),
        holder_name=learner.full_name,
        business_name=membership.business.name if membership else "",
        course_title=course.title,
        mentor_name=mentor,
        completed_on=replaces.completed_on if replaces else today,
        replaces=replaces,
    )


def _render_later(certificate: Certificate) -> None:
    from .tasks import certificate_render_task

    transaction.on_commit(lambda: certificate_render_task.enqueue(certificate.pk))


def _earned(learner, course) -> bool:
    """The rule is met and no certificate is held yet."""
    standing = selectors.standing_of(learner=learner, course=course)
    if not rules.is_complete(selectors.rule_of(course), standing):
        return False
    return selectors.certificate_for(learner=learner, course=course) is None


def certificate_issue_if_earned(*, learner, course) -> Certificate | None:
    """Issue the learner's certificate if they now meet the course's rule; None otherwise or
    when they already hold one. Concurrent calls issue it once: the rule is checked again with
    the enrolment row locked, and the database allows one current certificate per learner and
    course.
    """
    if not learner.is_authenticated or not _earned(learner, course):
        return None
    try:
        with transaction.atomic():
            enrolment = (
                Enrolment.objects.select_for_update(of=("self",))
                .select_related("cohort__mentor")
                .filter(learner=learner, course=course)
                .first()
            )
            if enrolment is None or not _earned(learner, course):
                return None
            certificate = _snapshot(learner=learner, course=course, enrolment=enrolment)
            _render_later(certificate)
    except IntegrityError:  # A concurrent request issued it first.
        return None
    logger.info("certificate issued", extra={"serial": certificate.serial})
    return certificate


def certificate_issue(*, learner, course) -> Certificate:
    """The learner asks for a certificate they have earned (the rule changed after their last
    step). Returns the existing one if they hold it."""
    certificate = certificate_issue_if_earned(learner=learner, course=course)
    certificate = certificate or selectors.certificate_for(learner=learner, course=course)
    if certificate is None:
        raise ValidationError(NOT_COMPLETE)
    return certificate


def certificate_render(certificate: Certificate) -> Certificate:
    """Render the PDF and store it. The file is written whole before the record points at it,
    so a render that dies half-way leaves the certificate as it was (without a PDF)."""
    from .pdf import render_pdf

    content = render_pdf(certificate)
    old_name = certificate.pdf.name
    certificate.pdf.save(f"{certificate.code}.pdf", ContentFile(content), save=False)
    Certificate.objects.filter(pk=certificate.pk).update(pdf=certificate.pdf.name)
    if old_name and old_name != certificate.pdf.name:
        certificate.pdf.storage.delete(old_name)
    return certificate


def certificate_pdf_file(certificate: Certificate):
    """The stored PDF, rendered now if it is missing (never rendered, or the file was lost)."""
    if not certificate.pdf or not certificate.pdf.storage.exists(certificate.pdf.name):
        certificate_render(certificate)
    return certificate.pdf.open("rb")


def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": REASON_REQUIRED})
    if not by.has_perm("certificates.change_certificate"):
        raise PermissionDenied
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.revoked_at:
            raise ValidationError(ALREADY_REVOKED)
        if locked.replaced_at:
            raise ValidationError(NOT_CURRENT)
        locked.revoked_at = timezone.now()
        locked.revoked_reason = reason
        locked.revoked_by = by
        locked.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        # Named by its serial alone: the log keeps no holder's name to forget later.
        log(
            instance=locked,
            action=audit.CERTIFICATE_REVOKE,
            user=by,
            title=locked.serial,
            data={"serial": locked.serial},
        )
    logger.info("certificate revoked", extra={"serial": locked.serial})
    return locked


def certificate_reissue(*, certificate: Certificate, by) -> Certificate:
    """A new certificate (new serial, today's name and business, the course's template now)
    for the same completion; the old one is marked replaced and verifies as such."""
    if not by.has_perm("certificates.change_certificate"):
        raise PermissionDenied
    with transaction.atomic():
        old = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("learner", "course")
            .get(pk=certificate.pk)
        )
        if old.replaced_at:
            raise ValidationError(NOT_CURRENT)
        if old.learner is None or old.course is None:
            raise ValidationError(_("The holder's account or the course no longer exists."))
        old.replaced_at = timezone.now()
        old.save(update_fields=["replaced_at"])
        enrolment = (
            Enrolment.objects.select_related("cohort__mentor")
            .filter(learner=old.learner, course=old.course)
            .first()
        )
        new = _snapshot(learner=old.learner, course=old.course, enrolment=enrolment, replaces=old)
        _render_later(new)
    logger.info("certificate reissued", extra={"serial": new.serial, "replaces": old.serial})
    return new
