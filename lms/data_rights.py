"""A learner's rights over their data (UU No. 27 Tahun 2022 on personal data protection): see
everything the site holds about them (a ZIP), and delete their account, which anonymises it.
Retention anonymises accounts nobody has used for years and clears what is kept only for a
while (expired sessions, old throttle records, old answer drafts).

Reads (``*_for``, ``personal_data_*``, ``inactive_accounts``) and writes (``account_delete``,
``account_anonymise``, ``retention_run``) live here together because they share one list: which
tables hold a person (``KINDS``) and which only name staff at work (``NOT_ABOUT_LEARNERS``).
A table added later with a key to the user model fails ``tests/lms/test_data_rights.py`` until
it is put on one of the two lists.

**Anonymised, not deleted.** The account row stays (keys, scores, completions, attempts and
consent records keep pointing at it, so every aggregate figure stays true) but holds no name,
contact, birth year or password; answers to open questions are blanked; certificates are
withdrawn (``WITHDRAWN_REASON``) and lose the holder's name; the owner of a business either
hands it to a member first or, alone in it, takes its name and SiBakul number with them.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import log_actions
from wagtail.models import ModelLogEntry, Page
from zipstream import ZipStream

from . import roles
from .claims import claim_links_expired_delete
from .identifiers import new_join_code
from .models import Business, Membership
from .spreadsheets import BYTE_ORDER_MARK, CSV_DELIMITER, CSV_LINE_END, csv_cell
from .text import is_clean_text
from .throttling import account_keys

# What an anonymised account and its certificates show instead of the person's name.
ANONYMISED_NAME = "Akun dihapus"
# What a business whose only member deleted their account is called from then on.
ANONYMISED_BUSINESS_NAME = "Usaha dihapus"
# The reason on a certificate withdrawn because its holder deleted their account; the public
# verification page (templates/certificates/certificate_verify.html) checks for these words.
WITHDRAWN_REASON = "Ditarik atas permintaan pemegang"
# Anonymised accounts keep a unique address that can never receive mail (RFC 2606 ``.invalid``),
# because the database requires a phone number or an email on every account.
ANONYMISED_EMAIL_DOMAIN = "akun-dihapus.invalid"
ACCOUNT_DELETE_ACTION = "pintar.account_delete"
OWN_DATA_REPORT = "lms.own_data"  # The audit log's name for a learner's download of their data.
BY_SELF = "self"
BY_RETENTION = "retention"
WRONG_PASSWORD_CODE = "wrong_password"  # noqa: S105 - an error code
PASSWORD_MAX_LENGTH = 4096  # Longer is refused as wrong before it reaches the hasher.

WRONG_PASSWORD = _("That is not your password. Nothing has been deleted.")
HAND_OVER_FIRST = _(
    "Your business has other members. Choose the member who takes over the business first."
)
NOT_A_MEMBER = _("Choose a member of your own business.")
STAFF_ACCOUNT = _(
    "Mentor and coordinator accounts cannot be deleted here. Ask a coordinator to close it."
)
TOO_MANY_WRONG_PASSWORDS = _(
    "Too many wrong passwords. To keep your account safe, please wait %(minutes)s minutes."
)


# ---------------------------------------------------------------------------------------------
# Which tables hold a person


@dataclass(frozen=True)
class Kind:
    """One kind of record about a learner: the ZIP's ``<name>.csv`` and ``data.json[name]``.

    ``sources`` are the (model label, field) keys to the user model whose rows it covers;
    ``rows(user)`` gives them as plain dicts with the same keys in every row."""

    name: str
    description: str
    sources: tuple[tuple[str, str], ...]
    rows: Callable


def _profile_rows(user):
    return [
        {
            "id": user.pk,
            "full_name": user.full_name,
            "phone": user.phone,
            "email": user.email,
            "birth_year": user.birth_year,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "is_active": user.is_active,
            "must_change_password": user.must_change_password,
            "temporary_password_set_at": user.temporary_password_set_at,
            "temporary_password_used_at": user.temporary_password_used_at,
            "anonymised_at": user.anonymised_at,
        }
    ]


def _business_rows(user):
    """The learner's place in their business and the business itself; never another member."""
    membership = Membership.objects.select_related("business").filter(user=user).first()
    if membership is None:
        return []
    business = membership.business
    return [
        {
            "business_id": business.pk,
            "business_name": business.name,
            "sibakul_number": business.sibakul_number,
            "sector": business.sector,
            "regency": business.regency,
            "district": business.district,
            "join_code": business.join_code if membership.is_owner else None,
            "is_owner": membership.is_owner,
            "joined_at": membership.joined_at,
        }
    ]


def _enrolment_rows(user):
    from courses.models import Enrolment

    enrolments = Enrolment.objects.filter(learner=user).select_related("course", "cohort")
    return [
        {
            "course": enrolment.course.title,
            "class": enrolment.cohort.name if enrolment.cohort else None,
            "enrolled_at": enrolment.enrolled_at,
        }
        for enrolment in enrolments.order_by("enrolled_at", "pk")
    ]


def _lesson_completion_rows(user):
    from courses.models import LessonCompletion

    completions = LessonCompletion.objects.filter(learner=user).select_related("course")
    return [
        {
            "course": completion.course.title,
            "lesson": completion.lesson_title,
            "completed_at": completion.completed_at,
        }
        for completion in completions.order_by("completed_at", "pk")
    ]


def _course_completion_rows(user):
    from courses.models import CourseCompletion

    completions = CourseCompletion.objects.filter(learner=user).select_related("course")
    return [
        {"course": completion.course.title, "completed_at": completion.completed_at}
        for completion in completions.order_by("completed_at", "pk")
    ]


def _attempts(user, phases):
    from quizzes.models import QuizAttempt

    return (
        QuizAttempt.objects.filter(learner=user, phase__in=phases)
        .select_related("course")
        .order_by("submitted_at", "pk")
    )


def _given(item: dict) -> str:
    """What the learner answered to one question, as text: the chosen choices' texts or the
    number typed."""
    if "number" in item:
        return str(item["number"])
    texts = {choice.get("id"): choice.get("text", "") for choice in item.get("choices", [])}
    return " | ".join(texts.get(choice_id, str(choice_id)) for choice_id in item.get("given", []))


def _score(value) -> Decimal | None:
    """A question's stored score (text, 0..1) as a number, so the CSV writes a decimal comma."""
    try:
        return Decimal(str(value)) if value is not None else None
    except InvalidOperation:
        return None


def _attempt_rows(user, phases):
    from quizzes.selectors import snapshot_in_order

    rows = []
    for attempt in _attempts(user, phases):
        ids = {id(item): question_id for question_id, item in attempt.answers.items()}
        for position, item in enumerate(snapshot_in_order(attempt.answers), 1):
            question_id = ids[id(item)]
            rows.append(
                {
                    "attempt_id": attempt.pk,
                    "course": attempt.course.title,
                    "title": attempt.title,
                    "phase": attempt.phase,
                    "attempt_number": attempt.number,
                    "submitted_at": attempt.submitted_at,
                    "score_percent": attempt.score_percent,
                    "pass_mark_percent": attempt.pass_mark_percent,
                    "passed": attempt.passed,
                    "question_number": position,
                    "question_id": question_id,
                    "question": item.get("prompt", ""),
                    "answer_given": _given(item),
                    "question_score": _score(item.get("score")),
                }
            )
    return rows


def _quiz_rows(user):
    from quizzes.models import Phase

    return _attempt_rows(user, [Phase.QUIZ])


def _questionnaire_rows(user):
    from quizzes.models import Phase

    return _attempt_rows(user, [Phase.PRE, Phase.POST])


def _questionnaire_skip_rows(user):
    from quizzes.models import QuestionnaireSkip

    skips = QuestionnaireSkip.objects.filter(learner=user).select_related("course")
    return [{"course": skip.course.title, "skipped_at": skip.skipped_at} for skip in skips]


def _survey_rows(user):
    from quizzes.models import SurveyResponse

    responses = SurveyResponse.objects.filter(learner=user).select_related("course")
    return [
        {
            "course": response.course.title,
            "submitted_at": response.submitted_at,
            "item_id": item_id,
            "kind": item.get("kind"),
            "question": item.get("prompt", ""),
            "answer": item.get("value"),
        }
        for response in responses.order_by("submitted_at", "pk")
        for item_id, item in response.answers.items()
    ]


def _draft_rows(user):
    from quizzes.models import AnswerDraft

    drafts = AnswerDraft.objects.filter(learner=user).select_related("page")
    return [
        {
            "page": draft.page.title,
            "question_id": question_id,
            "answer": " | ".join(str(value) for value in values),
            "updated_at": draft.updated_at,
        }
        for draft in drafts.order_by("updated_at", "pk")
        for question_id, values in draft.answers.items()
    ]


def _certificate_rows(user):
    from certificates.models import Certificate

    certificates = Certificate.objects.filter(learner=user).order_by("issued_at", "pk")
    return [
        {
            "serial": certificate.serial,
            "verification_code": certificate.code,
            "holder_name": certificate.holder_name,
            "business_name": certificate.business_name,
            "course": certificate.course_title,
            "mentor_name": certificate.mentor_name,
            "completed_on": certificate.completed_on,
            "issued_at": certificate.issued_at,
            "status": certificate.status,
            "revoked_at": certificate.revoked_at,
            "revoked_reason": certificate.revoked_reason,
        }
        for certificate in certificates
    ]


def _consent_model():
    """privacy.Consent when the privacy app is installed (lms does not import it)."""
    from django.apps import apps

    return apps.get_model("privacy", "Consent") if apps.is_installed("privacy") else None


def _consent_rows(user):
    consent = _consent_model()
    if consent is None:
        return []
    rows = consent.objects.filter(user=user).select_related("notice").order_by("given_at", "pk")
    return [
        {
            "kind": row.kind,
            "notice_version": row.notice.version,
            "given": row.given,
            "decided_at": row.given_at,
            "guardian_name": row.guardian_name,
            "guardian_statement": row.guardian_statement,
        }
        for row in rows
    ]


def _claim_link_rows(user):
    """The links that were issued to take over the account: when, until when, when used (never
    the link or its code)."""
    from .models import ClaimLink

    links = ClaimLink.objects.filter(user=user).order_by("issued_at", "pk")
    return [
        {
            "issued_at": link.issued_at,
            "expires_at": link.expires_at,
            "used_at": link.used_at,
            "voided_at": link.voided_at,
        }
        for link in links
    ]


def _import_rows(user):
    """The registry sheets the learner's account was made or updated from (never their rows)."""
    from django.apps import apps

    batches = apps.get_model("onboarding", "ImportBatch").objects.filter(owners=user)
    return [
        {"file_name": batch.file_name, "imported_at": batch.imported_at}
        for batch in batches.order_by("imported_at", "pk")
    ]


def _log_rows(user):
    """What the action log records about the learner's account (never who else it names)."""
    entries = ModelLogEntry.objects.filter(
        content_type__app_label="lms", content_type__model="user", object_id=str(user.pk)
    )
    return [
        {"action": entry.action, "timestamp": entry.timestamp}
        for entry in entries.order_by("timestamp", "pk")
    ]


HANDIN_FOLDER = "handins"  # the ZIP's folder of hand-in photos and PDFs


def _hand_in_versions(user):
    """The versions of the learner's hand-ins: those they handed in, and every version of a
    hand-in recorded under their name (a per-business one they started)."""
    from mentoring.models import SubmissionVersion

    return (
        SubmissionVersion.objects.filter(Q(handed_in_by=user) | Q(submission__learner=user))
        .select_related("submission__course")
        .prefetch_related("photos")
        .order_by("submission__created_at", "submission_id", "number")
    )


def _hand_in_file_names(version) -> tuple[list[tuple[object, str]], str]:
    """(the version's photos as (stored file, name in the ZIP)), and its PDF's name in the ZIP."""
    prefix = f"{HANDIN_FOLDER}/{version.submission_id}-v{version.number}"
    photos = [
        (photo.image, f"{prefix}-foto-{position}.jpg")
        for position, photo in enumerate(version.photos.all(), 1)
    ]
    return photos, f"{prefix}.pdf" if version.pdf else ""


def _hand_in_rows(user):
    rows = []
    for version in _hand_in_versions(user):
        submission = version.submission
        photos, pdf_name = _hand_in_file_names(version)
        ticked = set(version.rubric_ticks or [])
        rows.append(
            {
                "hand_in_id": submission.pk,
                "course": submission.course.title,
                "assignment": submission.assignment_title,
                "for_the_business": submission.business_id is not None,
                "state": submission.state,
                "version": version.number,
                "handed_in_at": version.handed_in_at,
                "handed_in_by_you": version.handed_in_by_id == user.pk,
                "link": version.link,
                "text": version.text,
                "photo_files": " | ".join(name for _file, name in photos),
                "pdf_file": pdf_name,
                "review": version.review_state,
                "feedback": version.feedback,
                "rubric_ticked": " | ".join(
                    str(text)
                    for block_id, text in version.rubric_snapshot or []
                    if block_id in ticked
                ),
                "reviewed_at": version.reviewed_at,
            }
        )
    return rows


def _hand_in_files(user):
    """(stored file, name in the ZIP) of every photo and PDF of the learner's hand-ins."""
    for version in _hand_in_versions(user):
        photos, pdf_name = _hand_in_file_names(version)
        yield from photos
        if pdf_name:
            yield version.pdf, pdf_name


def _stored_chunks(stored, chunk_size=64 * 1024):
    with stored.storage.open(stored.name, "rb") as handle:
        yield from iter(lambda: handle.read(chunk_size), b"")


def _cash_book_rows(user):
    """The cash book entries the person wrote in their business's book (deleted ones too)."""
    from cashbook.models import Entry

    return [
        {
            "entry_id": entry.pk,
            "business": entry.business.name,
            "day": entry.day,
            "kind": entry.kind,
            "amount": entry.amount,
            "units": entry.units,
            "channel": entry.channel,
            "category": entry.category,
            "note": entry.note,
            "created_at": entry.created_at,
            "deleted_at": entry.deleted_at,
        }
        for entry in Entry.objects.filter(author=user).select_related("business").order_by("pk")
    ]


def _cash_book_change_rows(user):
    """The person's edits and deletions of cash book entries, with the entry before and after."""
    from cashbook.models import EntryChange

    return [
        {
            "entry_id": change.entry_id,
            "action": change.action,
            "changed_at": change.changed_at,
            "before": json.dumps(change.before, ensure_ascii=False),
            "after": json.dumps(change.after, ensure_ascii=False),
        }
        for change in EntryChange.objects.filter(changed_by=user).order_by("pk")
    ]


def _checkin_rows(user):
    """The business check-ins the person filled in or last changed."""
    from outcomes.models import CheckIn

    checkins = (
        CheckIn.objects.filter(Q(filled_by=user) | Q(updated_by=user))
        .select_related("business", "course")
        .order_by("pk")
    )
    return [
        {
            "checkin_id": checkin.pk,
            "business": checkin.business.name,
            "course": checkin.course.title,
            "moment": checkin.moment,
            "revenue_per_day": checkin.revenue_per_day,
            "products_per_day": checkin.products_per_day,
            "online_share_percent": checkin.online_share_percent,
            "channels": ", ".join(checkin.channels),
            "followers": checkin.followers,
            "ad_spend_last_month": checkin.ad_spend_last_month,
            "keeps_books": checkin.keeps_books,
            "has_monthly_report": checkin.has_monthly_report,
            "applied_for_credit": checkin.applied_for_credit,
            "filled_by_you": checkin.filled_by_id == user.pk,
            "filled_at": checkin.filled_at,
            "last_changed_by_you": checkin.updated_by_id == user.pk,
            "updated_at": checkin.updated_at,
        }
        for checkin in checkins
    ]


def _credit_application_rows(user):
    """The credit applications the person recorded for their business."""
    from credit.models import CreditApplication

    applications = (
        CreditApplication.objects.filter(created_by=user)
        .select_related("business", "lender")
        .order_by("pk")
    )
    return [
        {
            "application_id": application.pk,
            "business": application.business.name,
            "lender": application.lender_name,
            "product": application.product,
            "amount_requested": application.amount_requested,
            "purpose": application.purpose,
            "status": application.status,
            "submitted_on": application.submitted_on,
            "survey_on": application.survey_on,
            "decided_on": application.decided_on,
            "disbursed_on": application.disbursed_on,
            "amount_approved": application.amount_approved,
            "rate_percent_per_year": application.rate_percent_per_year,
            "tenor_months": application.tenor_months,
            "documents": ", ".join(application.documents),
            "notes": application.notes,
            "created_at": application.created_at,
        }
        for application in applications
    ]


KINDS = [
    Kind(
        "profile",
        _("Your account: name, mobile number, email, birth year, dates."),
        (),
        _profile_rows,
    ),
    Kind(
        "business",
        _("Your business and your place in it."),
        (("lms.Membership", "user"),),
        _business_rows,
    ),
    Kind(
        "enrolments",
        _("The courses and classes you joined."),
        (("courses.Enrolment", "learner"),),
        _enrolment_rows,
    ),
    Kind(
        "lesson_completions",
        _("The lessons you finished."),
        (("courses.LessonCompletion", "learner"),),
        _lesson_completion_rows,
    ),
    Kind(
        "course_completions",
        _("The courses you completed."),
        (("courses.CourseCompletion", "learner"),),
        _course_completion_rows,
    ),
    Kind(
        "quiz_attempts",
        _("Your week quiz attempts: each question, your answer and its score."),
        (("quizzes.QuizAttempt", "learner"),),
        _quiz_rows,
    ),
    Kind(
        "questionnaire_answers",
        _("Your answers to the questionnaires before and after a course."),
        (("quizzes.QuizAttempt", "learner"),),
        _questionnaire_rows,
    ),
    Kind(
        "questionnaire_skips",
        _("Questionnaires you chose to skip."),
        (("quizzes.QuestionnaireSkip", "learner"),),
        _questionnaire_skip_rows,
    ),
    Kind(
        "survey_answers",
        _("Your answers to satisfaction surveys."),
        (("quizzes.SurveyResponse", "learner"),),
        _survey_rows,
    ),
    Kind(
        "answer_drafts",
        _("Answers saved while you were still working on a quiz."),
        (("quizzes.AnswerDraft", "learner"),),
        _draft_rows,
    ),
    Kind(
        "certificates",
        _("Your certificates."),
        (("certificates.Certificate", "learner"),),
        _certificate_rows,
    ),
    Kind(
        "consents",
        _("Your answers to the privacy notice and to research use of your data."),
        (("privacy.Consent", "user"),),
        _consent_rows,
    ),
    Kind(
        "claim_links",
        _("The links you were sent to take over your account (never the links themselves)."),
        (("lms.ClaimLink", "user"),),
        _claim_link_rows,
    ),
    Kind(
        "imports",
        _("The registry sheets your account was made or updated from."),
        (("onboarding.ImportBatch", "owners"),),
        _import_rows,
    ),
    Kind(
        "hand_ins",
        _(
            "Your hand-ins for practical assignments: what was sent, their state and the "
            "mentor's feedback; the photos and PDFs are in the handins folder."
        ),
        (("mentoring.Submission", "learner"), ("mentoring.SubmissionVersion", "handed_in_by")),
        _hand_in_rows,
    ),
    Kind(
        "cash_book",
        _("The entries you wrote in your business's cash book."),
        (("cashbook.Entry", "author"),),
        _cash_book_rows,
    ),
    Kind(
        "cash_book_changes",
        _("Your edits and deletions of cash book entries."),
        (("cashbook.EntryChange", "changed_by"),),
        _cash_book_change_rows,
    ),
    Kind(
        "checkins",
        _("The business check-ins you filled in or changed."),
        (("outcomes.CheckIn", "filled_by"), ("outcomes.CheckIn", "updated_by")),
        _checkin_rows,
    ),
    Kind(
        "credit_applications",
        _("The credit applications you recorded for your business."),
        (("credit.CreditApplication", "created_by"),),
        _credit_application_rows,
    ),
    Kind(
        "account_log",
        _("What the action log records about your account."),
        (("wagtailcore.ModelLogEntry", "user"),),
        _log_rows,
    ),
]

# Keys to the user model that name staff at their work (authors, mentors, reviewers), or that
# only the Wagtail admin writes, which learners cannot open. Every Page type's ``owner`` and
# ``locked_by`` are such keys too (``_is_page_staff_field``).
NOT_ABOUT_LEARNERS = {
    ("lms.User", "temporary_password_set_by"): "the staff member who set a temporary password",
    ("courses.Cohort", "mentor"): "the mentor of a class",
    ("certificates.Certificate", "revoked_by"): "the staff member who revoked a certificate",
    ("reports.EvaluationReport", "requested_by"): "staff who asked for an evaluation",
    ("wagtailusers.UserProfile", "user"): "admin preferences; learners never open the admin",
    ("wagtaildocs.Document", "uploaded_by_user"): "editors' uploads",
    ("wagtailimages.Image", "uploaded_by_user"): "editors' uploads",
    ("wagtailcore.UploadedFile", "uploaded_by_user"): "editors' uploads",
    ("wagtailadmin.EditingSession", "user"): "editors' sessions in the admin",
    ("wagtailadmin.FormState", "user"): "editors' unsaved admin forms",
    ("wagtailcore.APIToken", "user"): "admin API tokens",
    ("wagtailcore.Revision", "user"): "editors' page revisions",
    ("wagtailcore.WorkflowState", "requested_by"): "editors' moderation requests",
    ("wagtailcore.TaskState", "finished_by"): "editors' moderation decisions",
    ("wagtailcore.PageLogEntry", "user"): "editors' actions on pages",
    ("wagtailcore.Comment", "user"): "editors' comments on pages",
    ("wagtailcore.Comment", "resolved_by"): "editors' comments on pages",
    ("wagtailcore.CommentReply", "user"): "editors' comments on pages",
    ("wagtailcore.PageSubscription", "user"): "editors' comment notifications",
    ("lms.ClaimLink", "issued_by"): "the staff member who issued a claim link",
    ("onboarding.ImportBatch", "uploaded_by"): "the coordinator who uploaded a registry sheet",
    ("onboarding.ImportBatch", "imported_by"): "the coordinator who imported a registry sheet",
    ("mentoring.SubmissionVersion", "reviewed_by"): "the mentor who reviewed a hand-in",
}


def _is_page_staff_field(model, field_name: str) -> bool:
    return issubclass(model, Page) and field_name in {"owner", "locked_by"}


def user_foreign_keys() -> list[tuple[str, str]]:
    """Every (model label, field) that points at the user model, across all installed apps:
    foreign keys and many-to-many fields."""
    from django.apps import apps

    user_model = get_user_model()
    return [
        (model._meta.label, field.name)
        for model in apps.get_models()
        for field in [*model._meta.fields, *model._meta.many_to_many]
        if field.related_model is user_model and not _is_page_staff_field(model, field.name)
    ]


def covered_foreign_keys() -> set[tuple[str, str]]:
    return {source for kind in KINDS for source in kind.sources} | set(NOT_ABOUT_LEARNERS)


# ---------------------------------------------------------------------------------------------
# Download my data


def personal_data_for(*, user) -> dict[str, list[dict]]:
    """Everything the site holds about ``user``, by kind (``KINDS``), as plain values."""
    return {kind.name: kind.rows(user) for kind in KINDS}


def _csv_bytes(rows: list[dict]) -> bytes:
    """Rows as a CSV by lms/spreadsheets.py's conventions (BOM, ``;``, CRLF, neutralised)."""
    out = io.StringIO()
    out.write(BYTE_ORDER_MARK)
    if rows:
        writer = csv.DictWriter(
            out, fieldnames=list(rows[0]), delimiter=CSV_DELIMITER, lineterminator=CSV_LINE_END
        )
        writer.writerow({key: csv_cell(key) for key in rows[0]})
        for row in rows:
            writer.writerow({key: csv_cell(_plain(value)) for key, value in row.items()})
    return out.getvalue().encode()


def _plain(value):
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    return value


def _readme(data: dict, now: datetime.datetime) -> bytes:
    lines = [
        gettext("Your data at Pintar UMKM, as held on %(when)s.")
        % {"when": timezone.localtime(now).strftime("%Y-%m-%d %H:%M")},
        "",
        gettext("data.json holds every record below in one file; each CSV holds one kind."),
        "",
    ]
    for kind in KINDS:
        lines.append(f"{kind.name}.csv ({len(data[kind.name])}): {kind.description}")
    return ("\r\n".join(lines) + "\r\n").encode()


def personal_data_zip(*, user, now: datetime.datetime | None = None) -> ZipStream:
    """A ZIP (streamed as it is sent) of ``user``'s data: README.txt, data.json with every
    kind, and one CSV per kind."""
    now = now or timezone.now()
    data = personal_data_for(user=user)
    archive = ZipStream(sized=True)
    archive.add(_readme(data, now), "README.txt")
    document = {"exported_at": now, "user_id": user.pk, **data}
    archive.add(
        json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2).encode(),
        "data.json",
    )
    for kind in KINDS:
        archive.add(_csv_bytes(data[kind.name]), f"{kind.name}.csv")
    for stored, arcname in _hand_in_files(user):
        if stored.storage.exists(stored.name):
            archive.add(_stored_chunks(stored), arcname, size=stored.storage.size(stored.name))
    return archive


def personal_data_export(*, user) -> ZipStream:
    """``personal_data_zip``, recorded in the audit log as an export of personal data."""
    from .audit import export_log

    export_log(user=user, report=OWN_DATA_REPORT, export_format="zip", filters={})
    return personal_data_zip(user=user)


def personal_data_filename(*, now: datetime.datetime | None = None) -> str:
    return f"data-saya-pintar-umkm-{timezone.localdate(now or timezone.now()).isoformat()}.zip"


# ---------------------------------------------------------------------------------------------
# Delete my account


def is_staff_account(user) -> bool:
    """Staff, superusers and anyone in a group but Learners (mentors, coordinators, editors)."""
    return bool(
        user.is_staff or user.is_superuser or user.groups.exclude(name=roles.LEARNERS).exists()
    )


def handover_candidates_for(*, user) -> list[Membership]:
    """The members an owner can hand their business to: the others not anonymised; empty
    for anyone who does not own a business."""
    membership = Membership.objects.filter(user=user, is_owner=True).first()
    if membership is None:
        return []
    return list(
        Membership.objects.filter(business_id=membership.business_id, user__anonymised_at=None)
        .exclude(user=user)
        .select_related("user")
        .order_by("joined_at", "pk")
    )


def password_matches(user, password: str) -> bool:
    """Whether ``password`` is the account's own; text no form sends is simply wrong."""
    if not isinstance(password, str) or len(password) > PASSWORD_MAX_LENGTH:
        return False
    if not is_clean_text(password):
        return False
    return user.check_password(password)


def account_delete(*, user, password: str, new_owner_id: int | None = None) -> None:
    """The learner deletes their own account: their password confirms it, then
    ``account_anonymise``. A wrong password, a staff account or an owner who has not chosen
    a member to take over their business raise ValidationError and change nothing."""
    if is_staff_account(user):
        raise ValidationError(STAFF_ACCOUNT)
    if not password_matches(user, password):
        raise ValidationError(
            {"password": ValidationError(WRONG_PASSWORD, code=WRONG_PASSWORD_CODE)}
        )
    account_anonymise(user=user, by=BY_SELF, new_owner_id=new_owner_id)


def _hand_over_or_close_business(user, *, by: str, new_owner_id: int | None) -> None:
    own = Membership.objects.select_for_update().filter(user=user, is_owner=True).first()
    if own is None:
        return
    others = list(
        Membership.objects.select_for_update()
        .filter(business_id=own.business_id, user__anonymised_at=None)
        .exclude(user=user)
        .order_by("joined_at", "pk")
    )
    if others:
        if new_owner_id is None and by == BY_RETENTION:
            heir = others[0]  # Nobody to ask: the longest-standing member carries it on.
        elif new_owner_id is None:
            raise ValidationError({"new_owner": ValidationError(HAND_OVER_FIRST, code="handover")})
        else:
            heir = next((m for m in others if m.user_id == new_owner_id), None)
            if heir is None:
                raise ValidationError({"new_owner": ValidationError(NOT_A_MEMBER)})
        Membership.objects.filter(pk=own.pk).update(is_owner=False)
        Membership.objects.filter(pk=heir.pk).update(is_owner=True)
        return
    # Alone in it: the business goes with them. Its row stays without name or registry number
    # (its sector, regency and district are not about a person), so the progress recorded
    # through it keeps counting in every figure.
    Business.objects.filter(pk=own.business_id).update(
        name=ANONYMISED_BUSINESS_NAME, sibakul_number=None, join_code=_unused_join_code()
    )


def _unused_join_code() -> str:
    while True:
        code = new_join_code()
        if not Business.objects.filter(join_code=code).exists():
            return code


def _blank_open_answers(user) -> None:
    from quizzes.models import AnswerDraft, SurveyAnswer, SurveyResponse

    SurveyAnswer.objects.filter(response__learner=user).exclude(text="").update(text="")
    for response in SurveyResponse.objects.filter(learner=user):
        answers = {
            item_id: {**item, "value": ""} if item.get("kind") == "open_text" else item
            for item_id, item in response.answers.items()
        }
        if answers != response.answers:
            SurveyResponse.objects.filter(pk=response.pk).update(answers=answers)
    AnswerDraft.objects.filter(learner=user).delete()


def _withdraw_certificates(user, now) -> None:
    """Current certificates are withdrawn; none of them keeps the holder's name or PDF."""
    from certificates.models import Certificate

    certificates = Certificate.objects.filter(learner=user)
    certificates.filter(revoked_at=None, replaced_at=None).update(
        revoked_at=now, revoked_reason=WITHDRAWN_REASON, revoked_by=None
    )
    files = [(c.pdf.storage, c.pdf.name) for c in certificates.exclude(pdf="")]
    certificates.update(holder_name=ANONYMISED_NAME, business_name="", pdf="")

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


def _clear_hand_ins(user) -> None:
    """What the learner handed in (links, texts, photos, PDFs) goes, and so does the mentor's
    feedback on their own hand-ins, which may name them; a business's hand-in keeps its
    feedback for the other members. The hand-ins, their states and rubric ticks stay, so every
    figure stays true. The files are deleted once the transaction commits."""
    from mentoring.models import SubmissionPhoto, SubmissionVersion

    versions = SubmissionVersion.objects.filter(handed_in_by=user)
    photos = SubmissionPhoto.objects.filter(version__in=versions)
    files = [(photo.image.storage, photo.image.name) for photo in photos]
    files += [(version.pdf.storage, version.pdf.name) for version in versions.exclude(pdf="")]
    photos.delete()
    versions.update(link="", text="", pdf="")
    SubmissionVersion.objects.filter(submission__learner=user, submission__business=None).update(
        feedback=""
    )

    def delete_files():
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)


def _clear_cash_book(user) -> None:
    """The business keeps its cash book's figures; the entries and changes lose the person's
    name and the notes they typed (in the entries and in the history's snapshots)."""
    from cashbook.models import Entry, EntryChange

    entries = Entry.objects.filter(author=user)
    changes = EntryChange.objects.filter(Q(changed_by=user) | Q(entry__author=user))
    for change in changes:
        before = {**change.before, "note": ""} if change.before else change.before
        after = {**change.after, "note": ""} if change.after else change.after
        EntryChange.objects.filter(pk=change.pk).update(before=before, after=after)
    EntryChange.objects.filter(changed_by=user).update(changed_by=None)
    entries.update(author=None, note="")


def _forget_throttle_records(user) -> None:
    """django-axes' records of the account's failed sign-ins: keyed by its id, or, in records
    older than that key, by its number or email."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    keys = account_keys(user)
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username__in=keys).delete()


def _clear_checkins(user) -> None:
    """The business keeps its check-ins' figures; they no longer name who filled them."""
    from outcomes.models import CheckIn

    CheckIn.objects.filter(filled_by=user).update(filled_by=None)
    CheckIn.objects.filter(updated_by=user).update(updated_by=None)


def _clear_credit_applications(user) -> None:
    """The business keeps its applications' steps and figures; they no longer name who
    recorded them, nor keep the purpose and notes that person typed."""
    from credit.models import CreditApplication

    CreditApplication.objects.filter(created_by=user).update(created_by=None, purpose="", notes="")


def account_anonymise(*, user, by: str, new_owner_id: int | None = None) -> bool:
    """Anonymise ``user`` in one transaction (see the module's notes); False when it already
    was. ``by`` is ``BY_SELF`` or ``BY_RETENTION``, recorded in the action log."""
    user_model = get_user_model()
    now = timezone.now()
    with transaction.atomic():
        locked = user_model.objects.select_for_update().get(pk=user.pk)
        if locked.anonymised_at is not None:
            return False
        _hand_over_or_close_business(locked, by=by, new_owner_id=new_owner_id)
        _forget_throttle_records(locked)
        _blank_open_answers(locked)
        _withdraw_certificates(locked, now)
        _clear_hand_ins(locked)
        _clear_cash_book(locked)
        _clear_checkins(locked)
        _clear_credit_applications(locked)
        consent = _consent_model()
        if consent is not None:  # The records stay; a parent's name does not.
            consent.objects.filter(user=locked).exclude(guardian_name="").update(guardian_name="")
        locked.full_name = ANONYMISED_NAME
        locked.phone = None
        locked.email = f"deleted-{locked.pk}@{ANONYMISED_EMAIL_DOMAIN}"
        locked.birth_year = None
        locked.set_unusable_password()  # Every session of the account ends with its old hash.
        locked.is_active = False
        locked.must_change_password = False
        locked.temporary_password = ""
        locked.temporary_password_set_at = None
        locked.temporary_password_set_by = None
        locked.temporary_password_used_at = None
        locked.anonymised_at = now
        locked.save()
        ModelLogEntry.objects.filter(
            content_type__app_label="lms", content_type__model="user", object_id=str(locked.pk)
        ).update(label=ANONYMISED_NAME)
        log_actions.log(
            instance=locked,
            action=ACCOUNT_DELETE_ACTION,
            user=locked if by == BY_SELF else None,
            data={"by": by},
        )
    for field in ("full_name", "phone", "email", "password", "is_active", "anonymised_at"):
        setattr(user, field, getattr(locked, field))
    return True


# ---------------------------------------------------------------------------------------------
# Retention


def _years_before(moment: datetime.datetime, years: int) -> datetime.datetime:
    try:
        return moment.replace(year=moment.year - years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year - years, day=28)


def inactive_accounts(*, now: datetime.datetime, years: int):
    """Learner accounts not anonymised whose last sign-in (or, never signed in, whose sign-up)
    is more than ``years`` years before ``now``. Never staff, nor anyone in a group but
    Learners (mentors, coordinators, editors)."""
    cutoff = _years_before(now, years)
    return (
        get_user_model()
        .objects.filter(anonymised_at=None, is_staff=False, is_superuser=False)
        .filter(Q(last_login__lt=cutoff) | Q(last_login=None, date_joined__lt=cutoff))
        .exclude(groups__in=Group.objects.exclude(name=roles.LEARNERS))
        .order_by("pk")
    )


def _expired_sessions(now):
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore
    model = store.get_model_class() if hasattr(store, "get_model_class") else None
    return store, (model.objects.filter(expire_date__lt=now) if model else None)


def retention_run(*, now: datetime.datetime | None = None, dry_run: bool = False) -> dict:
    """Apply the retention rules (settings ``RETENTION_*``); the counts of what was (or, with
    ``dry_run``, would be) anonymised or deleted. Running it again at once does nothing."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from quizzes.models import AnswerDraft

    now = now or timezone.now()
    accounts = inactive_accounts(now=now, years=settings.RETENTION_INACTIVE_YEARS)
    throttle_before = now - datetime.timedelta(days=settings.RETENTION_THROTTLE_RECORD_DAYS)
    throttle = [
        model.objects.filter(attempt_time__lt=throttle_before)
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    ]
    drafts = AnswerDraft.objects.filter(
        updated_at__lt=now - datetime.timedelta(days=settings.RETENTION_DRAFT_DAYS)
    )
    sheets = _unimported_sheets(before=now - datetime.timedelta(days=settings.RETENTION_DRAFT_DAYS))
    store, sessions = _expired_sessions(now)
    counts = {
        "accounts": accounts.count(),
        "sessions": sessions.count() if sessions is not None else 0,
        "throttle_records": sum(records.count() for records in throttle),
        "drafts": drafts.count(),
        "claim_links": claim_links_expired_delete(now=now, dry_run=True),
        "sheets": sheets.count(),
    }
    if dry_run:
        return counts
    anonymised = 0
    for user in list(accounts):
        anonymised += account_anonymise(user=user, by=BY_RETENTION)
    counts["accounts"] = anonymised
    store.clear_expired()
    for records in throttle:
        records.delete()
    drafts.delete()
    counts["claim_links"] = claim_links_expired_delete(now=now)
    sheets.delete()
    return counts


def _unimported_sheets(*, before):
    """Registry sheets uploaded before ``before`` and never imported: they hold people's names
    and numbers (``onboarding``; an imported sheet keeps only its counts)."""
    from django.apps import apps

    batch = apps.get_model("onboarding", "ImportBatch")
    return batch.objects.filter(imported_at__isnull=True, uploaded_at__lt=before)


# ---------------------------------------------------------------------------------------------
# Wrong passwords on the delete page, counted per account like sign-in failures


def _delete_password_usage(request, *, increment: bool = False):
    from django_ratelimit.core import get_usage

    return get_usage(
        request,
        group="account_delete",
        key="user",
        rate=settings.ACCOUNT_DELETE_PASSWORD_RATE,
        increment=increment,
    )


def delete_password_wait(request) -> int | None:
    """The minutes before this account may try its password on the delete page again, or
    None when it may now."""
    import math

    usage = _delete_password_usage(request)
    if usage and (usage["should_limit"] or usage["count"] >= usage["limit"]):
        return max(1, math.ceil(usage["time_left"] / 60))
    return None


def delete_password_failed(request) -> None:
    _delete_password_usage(request, increment=True)
