"""Everything that writes: hand-ins, reviews, feedback read."""

import uuid

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from certificates.services import certificate_issue_if_earned
from courses.models import Enrolment
from courses.selectors import page_access_for
from lms.models import Membership
from lms.text import clean_text

from .models import State, Submission, SubmissionPhoto, SubmissionVersion
from .photos import prepare_pdf, prepare_photo
from .rules import link_allowed, link_host, normalise_host
from .selectors import hand_in_key, learner_submissions, submissions_visible_to, unread_key

# --- review -------------------------------------------------------------------------------

FEEDBACK_MAX_LENGTH = 4000  # the version's feedback field holds as much
REVIEW_NOT_YOURS = _("This hand-in is not from one of your classes.")
REVIEW_NOT_LATEST = _("A newer version was handed in meanwhile: review that one.")
REVIEW_ALREADY_DONE = _("This version has already been reviewed.")
FEEDBACK_REQUIRED = _("Write what to change when you ask for a revision.")
FEEDBACK_TOO_LONG = _("Feedback can have at most %(limit)d characters.")
RUBRIC_UNKNOWN = _("The rubric changed while you were reviewing: tick its items again.")


def submission_review(
    *, submission, by, version_number, accept: bool, feedback: str, ticks: list[str]
) -> Submission:
    """Record ``by``'s review of the latest version of ``submission``: accepted, or sent back
    for a revision (which needs feedback). The learner's feedback becomes unread, an email
    goes out once the review is committed, and an acceptance issues the certificates it
    completes.

    Raises PermissionDenied when ``by`` may not see the hand-in, ValidationError when the
    version is not the latest or is reviewed already, or the feedback or ticks are refused;
    nothing is changed then. The submission's row is locked, so two mentors reviewing at once
    record one review.
    """
    feedback = clean_text(feedback if isinstance(feedback, str) else "").strip()
    with transaction.atomic():
        if not submissions_visible_to(by).filter(pk=submission.pk).exists():
            raise PermissionDenied(REVIEW_NOT_YOURS)
        locked = (
            Submission.objects.select_for_update(of=("self",))
            .select_related("assignment")
            .get(pk=submission.pk)
        )
        version = locked.versions.order_by("-number").first()
        if version is None or version.number != version_number:
            raise ValidationError(REVIEW_NOT_LATEST, code="not_latest")
        if version.review_state:
            raise ValidationError(REVIEW_ALREADY_DONE, code="reviewed")
        if not accept and not feedback:
            raise ValidationError(FEEDBACK_REQUIRED, code="feedback_required")
        if len(feedback) > FEEDBACK_MAX_LENGTH:
            raise ValidationError(
                FEEDBACK_TOO_LONG, code="feedback_too_long", params={"limit": FEEDBACK_MAX_LENGTH}
            )
        rubric = [[block.id, str(block.value)] for block in locked.assignment.rubric]
        ticked = _rubric_ticks(rubric, ticks)
        now = timezone.now()
        state = State.ACCEPTED if accept else State.NEEDS_REVISION
        version.review_state = state
        version.feedback = feedback
        version.rubric_ticks = ticked
        version.rubric_snapshot = rubric
        version.reviewed_by = by
        version.reviewed_at = now
        version.save(
            update_fields=[
                "review_state",
                "feedback",
                "rubric_ticks",
                "rubric_snapshot",
                "reviewed_by",
                "reviewed_at",
            ]
        )
        locked.state = state
        locked.reviewed_at = now
        locked.first_reviewed_at = locked.first_reviewed_at or now
        locked.feedback_seen_at = None
        locked.save(update_fields=["state", "reviewed_at", "first_reviewed_at", "feedback_seen_at"])
        _email_feedback_later(version.pk)
        transaction.on_commit(lambda: unread_feedback_changed(locked))
    if accept:
        for learner in _learners_counted(locked):
            certificate_issue_if_earned(learner=learner, course=locked.course)
    return locked


def _rubric_ticks(rubric: list[list[str]], ticks) -> list[str]:
    """The ticked rubric ids in the rubric's order; a ValidationError for any id it lacks."""
    ticks = list(ticks or ())
    known = {block_id for block_id, _text in rubric}
    if not all(isinstance(tick, str) and tick in known for tick in ticks):
        raise ValidationError(RUBRIC_UNKNOWN, code="rubric_unknown")
    return [block_id for block_id, _text in rubric if block_id in ticks]


def _learners_counted(submission: Submission) -> list:
    """Who a hand-in counts for: its learner, or every member of its business enrolled in
    the course."""
    if submission.business_id is None:
        return [submission.learner]
    enrolments = Enrolment.objects.filter(
        course_id=submission.course_id, learner__membership__business_id=submission.business_id
    ).select_related("learner")
    return [enrolment.learner for enrolment in enrolments]


def _email_feedback_later(version_id: int) -> None:
    """Email the learners their feedback once the review is committed."""
    from .tasks import feedback_email_task

    transaction.on_commit(lambda: feedback_email_task.enqueue(version_id))


# --- feedback read ------------------------------------------------------------------------


def submission_feedback_seen(*, learner, submission) -> bool:
    """Mark the review of ``submission`` read, when ``learner`` may see the hand-in (their own,
    or their business's for a per-business assignment) and it was unread: one conditional
    update, so anyone else's look changes nothing. True when it was marked now."""
    marked = (
        learner_submissions(learner=learner)
        .filter(pk=submission.pk, reviewed_at__isnull=False, feedback_seen_at__isnull=True)
        .update(feedback_seen_at=timezone.now())
    )
    if marked:
        unread_feedback_changed(submission)
    return bool(marked)


def unread_feedback_changed(submission) -> None:
    """Retire the cached unread count of everyone who sees ``submission`` (its learner, or its
    business's members): call it when a review is recorded or read."""
    if submission.business_id is None:
        learner_ids = [submission.learner_id]
    else:
        learner_ids = list(
            Membership.objects.filter(business_id=submission.business_id).values_list(
                "user_id", flat=True
            )
        )
    cache.delete_many([unread_key(learner_id) for learner_id in learner_ids])


# --- hand-in ------------------------------------------------------------------------------

TEXT_MAX_LENGTH = 4000  # the version's text field holds as much
HAND_IN_NOT_ENROLLED = _("Join the course, and wait for this week to open, to hand in its work.")
NOTHING_HANDED_IN = _("Add what the assignment asks for before you hand it in.")
LINK_NOT_VALID = _(
    "That is not a web link this site can take. Copy the whole link from the app's "
    "address bar or its Share button, starting with https://."
)
LINK_HOST_NOT_ACCEPTED = _("This assignment takes links from %(hosts)s only.")
TEXT_TOO_LONG = _("Your text can have at most %(limit)d characters.")
TOO_MANY_PHOTOS = _("Too many photos: this assignment takes up to %(limit)d.")
ALREADY_ACCEPTED = _(
    "Your work on this assignment has been accepted: there is nothing more to hand in."
)
WAITING_FOR_REVIEW = _(
    "Your work is waiting for the mentor's review. You can hand in again if the mentor asks "
    "for a revision."
)


def _hand_in_enrolment(learner, assignment) -> Enrolment:
    access = page_access_for(page=assignment, user=learner, with_progress=False)
    if access.enrolment is None or access.refusal:
        raise PermissionDenied(HAND_IN_NOT_ENROLLED)
    return access.enrolment


def _clean(value) -> str:
    return clean_text(value if isinstance(value, str) else "").strip()


def _hand_in_fields(assignment, *, link, text, photos, pdf):
    """What the assignment accepts of what was sent, checked and cleaned: (link, text, photos
    as (file, width, height), pdf file). Raises ValidationError keyed by field."""
    link = _clean(link) if assignment.accepts_link else ""
    text = _clean(text) if assignment.accepts_text else ""
    photos = list(photos or ()) if assignment.accepts_photos else []
    pdf = pdf if assignment.accepts_pdf else None
    errors = {}
    hosts = assignment.host_list()
    if link and not link_allowed(link, hosts):
        if link_host(link) is None:
            errors["link"] = ValidationError(LINK_NOT_VALID, code="link_not_valid")
        else:
            errors["link"] = ValidationError(
                LINK_HOST_NOT_ACCEPTED,
                code="link_host",
                params={"hosts": ", ".join(normalise_host(host) for host in hosts)},
            )
    if len(text) > TEXT_MAX_LENGTH:
        errors["text"] = ValidationError(
            TEXT_TOO_LONG, code="text_too_long", params={"limit": TEXT_MAX_LENGTH}
        )
    if len(photos) > assignment.max_photos:
        errors["photos"] = ValidationError(
            TOO_MANY_PHOTOS, code="too_many_photos", params={"limit": assignment.max_photos}
        )
    if not (link or text or photos or pdf) and not errors:
        raise ValidationError(NOTHING_HANDED_IN, code="nothing")
    if errors:
        raise ValidationError(errors)
    prepared_photos, photo_errors = [], []
    for photo in photos:
        try:
            prepared_photos.append(prepare_photo(photo))
        except ValidationError as error:
            photo_errors.append(error)
    if photo_errors:
        errors["photos"] = photo_errors
    prepared_pdf = None
    if pdf is not None:
        try:
            prepared_pdf = prepare_pdf(pdf)
        except ValidationError as error:
            errors["pdf"] = error
    if errors:
        raise ValidationError(errors)
    return link, text, prepared_photos, prepared_pdf


def _locked_submission(*, assignment, enrolment, learner) -> Submission:
    """The learner's (or their business's) hand-in for the assignment, locked; made, in the
    state handed in and with no version yet, when there is none."""
    key = hand_in_key(learner=learner, assignment=assignment)
    found = Submission.objects.select_for_update().filter(assignment=assignment, **key).first()
    if found is not None:
        return found
    try:
        with transaction.atomic():  # a savepoint: another tap may be making the same row
            return Submission.objects.create(
                assignment=assignment,
                course_id=enrolment.course_id,
                learner=learner,
                business_id=key.get("business_id"),
                assignment_title=assignment.title,
            )
    except IntegrityError:
        return Submission.objects.select_for_update().get(assignment=assignment, **key)


def _version_by_token(token) -> SubmissionVersion | None:
    return SubmissionVersion.objects.select_related("submission").filter(token=token).first()


def submission_hand_in(
    *, learner, assignment, link="", text="", photos=(), pdf=None, token=None
) -> Submission:
    """Record what ``learner`` hands in for ``assignment`` as a new version: a link, text,
    photos (Django uploaded files, stored resized without metadata) and a PDF, keeping only
    what the assignment accepts. A per-business assignment's hand-in is the business's: any
    member hands in for it.

    The same ``token`` again (a retry, a double tap) returns the submission already recorded
    and adds nothing. Raises PermissionDenied (HAND_IN_NOT_ENROLLED) or ValidationError (keyed
    by field for what was sent; ALREADY_ACCEPTED or WAITING_FOR_REVIEW while no hand-in is
    open) and then stores nothing: files are written only once the rows are valid, and
    removed again if the rows are not kept.
    """
    token = token or uuid.uuid4()
    existing = _version_by_token(token)
    if existing is not None:
        return existing.submission
    enrolment = _hand_in_enrolment(learner, assignment)
    link, text, photos, pdf = _hand_in_fields(
        assignment, link=link, text=text, photos=photos, pdf=pdf
    )
    written = []
    try:
        with transaction.atomic():
            submission = _locked_submission(
                assignment=assignment, enrolment=enrolment, learner=learner
            )
            existing = _version_by_token(token)  # the same tap won the race a moment ago
            if existing is not None:
                return existing.submission
            last = submission.versions.order_by("-number").first()
            if submission.state == State.ACCEPTED:
                raise ValidationError(ALREADY_ACCEPTED, code="accepted")
            if submission.state == State.HANDED_IN and last is not None:
                raise ValidationError(WAITING_FOR_REVIEW, code="waiting")
            now = timezone.now()
            version = SubmissionVersion(
                submission=submission,
                number=(last.number if last else 0) + 1,
                handed_in_by=learner,
                handed_in_at=now,
                token=token,
                link=link,
                text=text,
            )
            if pdf is not None:
                version.pdf.save(pdf.name, pdf, save=False)
                written.append((version.pdf.storage, version.pdf.name))
            version.save()
            for position, (content, width, height) in enumerate(photos):
                photo = SubmissionPhoto(
                    version=version,
                    position=position,
                    width=width,
                    height=height,
                    size=content.size,
                )
                photo.image.save(content.name, content, save=False)
                written.append((photo.image.storage, photo.image.name))
                photo.save()
            submission.state = State.HANDED_IN
            submission.handed_in_at = now
            submission.assignment_title = assignment.title
            submission.save(update_fields=["state", "handed_in_at", "assignment_title"])
            transaction.on_commit(lambda: unread_feedback_changed(submission))
    except IntegrityError:
        _delete_files(written)
        existing = _version_by_token(token)
        if existing is not None:
            return existing.submission
        raise ValidationError(WAITING_FOR_REVIEW, code="waiting") from None
    except BaseException:
        _delete_files(written)
        raise
    return submission


def _delete_files(written) -> None:
    for storage, name in written:
        storage.delete(name)
