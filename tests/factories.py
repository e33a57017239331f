"""Test data, built the way the site builds it."""

import factory
from django.utils import timezone

from lms.models import Business, Membership, Regency, Sector, User
from privacy import services as privacy_services

PASSWORD = "kata-sandi-uji-123"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    full_name = factory.Sequence(lambda n: f"Peserta {n}")
    phone = factory.Sequence(lambda n: f"+62812{n:08d}")
    email = None
    date_joined = factory.LazyFunction(timezone.now)
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*extracted)
        if create:
            self.save()

    @factory.post_generation
    def agreed_to_notice(self, create, extracted, **kwargs):
        """Agreed to the current privacy notice, as accounts made by signing up have;
        ``agreed_to_notice=False`` for an account never asked (made by staff or an import)."""
        if create and extracted is not False:
            privacy_services.notice_agreed_in_bulk(user_ids=[self.pk])


class BusinessFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Business

    name = factory.Sequence(lambda n: f"Usaha {n}")
    sector = Sector.CULINARY
    regency = Regency.SLEMAN
    join_code = factory.Sequence(lambda n: f"TST{n:03d}")
    created_at = factory.LazyFunction(timezone.now)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    business = factory.SubFactory(BusinessFactory)
    is_owner = False
    joined_at = factory.LazyFunction(timezone.now)


def build_course(*, weeks=4, lessons_per_week=2, pacing="self_paced", slug="kursus-uji", body=None):
    """A live course under the home page: index → course → weeks → lessons."""
    from courses.models import CourseIndexPage, CoursePage, LessonPage, WeekPage
    from lms.models import HomePage

    index = CourseIndexPage.objects.first() or HomePage.objects.get().add_child(
        instance=CourseIndexPage(title="Kursus", slug="kursus")
    )
    course = index.add_child(
        instance=CoursePage(title=f"Kursus {slug}", slug=slug, summary="Ringkasan.", pacing=pacing)
    )
    for week_number in range(1, weeks + 1):
        week = course.add_child(
            instance=WeekPage(title=f"Minggu ke-{week_number}", slug=f"minggu-{week_number}")
        )
        for lesson_number in range(1, lessons_per_week + 1):
            week.add_child(
                instance=LessonPage(
                    title=f"Pelajaran {week_number}.{lesson_number}",
                    slug=f"pelajaran-{week_number}-{lesson_number}",
                    body=body or [{"type": "text", "value": "<p>Isi pelajaran.</p>"}],
                )
            )
    return course


def lessons_of(course):
    from courses.models import LessonPage

    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


def choice_question(qid, prompt, choices, kind="single_choice", partial_credit=False):
    """Raw StreamField data for a choice question; ``choices`` is [(id, text, correct)]."""
    value = {
        "prompt": prompt,
        "explanation": f"Penjelasan {qid}.",
        "choices": [
            {
                "type": "item",
                "id": cid,
                "value": {"text": text, "correct": correct, "feedback": f"Umpan balik {cid}."},
            }
            for cid, text, correct in choices
        ],
    }
    if kind == "multiple_choice":
        value["partial_credit"] = partial_credit
    return {"type": kind, "id": qid, "value": value}


def numeric_question(qid, prompt, answer, tolerance="0", unit="Rp"):
    return {
        "type": "numeric",
        "id": qid,
        "value": {
            "prompt": prompt,
            "answer": answer,
            "tolerance": tolerance,
            "unit": unit,
            "explanation": "",
        },
    }


STANDARD_QUESTIONS = [
    choice_question(
        "q1", "Apa itu OJK?", [("c1", "Pengawas lembaga keuangan", True), ("c2", "Bank", False)]
    ),
    choice_question(
        "q2",
        "Ciri pinjol ilegal?",
        [
            ("c3", "Minta akses kontak", True),
            ("c4", "Bunga sangat tinggi", True),
            ("c5", "Terdaftar OJK", False),
        ],
        kind="multiple_choice",
        partial_credit=True,
    ),
    {
        "type": "true_false",
        "id": "q3",
        "value": {"prompt": "KUR disubsidi pemerintah.", "answer": "true", "explanation": ""},
    },
    numeric_question("q4", "Bunga flat 6% setahun atas Rp 10.000.000?", "600000"),
]
RIGHT_ANSWERS = {"q-q1": "c1", "q-q2": ["c3", "c4"], "q-q3": "true", "q-q4": "600.000"}
WRONG_ANSWERS = {"q-q1": "c2", "q-q2": ["c5"], "q-q3": "false", "q-q4": "1"}


def build_quiz(week, *, questions=None, **fields):
    from quizzes.models import QuizPage

    fields.setdefault("pass_mark", 70)
    fields.setdefault("attempts_allowed", 2)
    return week.add_child(
        instance=QuizPage(
            title=f"Kuis {week.title}",
            slug=f"kuis-{week.slug}",
            questions=questions or STANDARD_QUESTIONS,
            **fields,
        )
    )


def build_assignment(week, **fields):
    """A practical assignment in ``week``: a link by default, two rubric items."""
    from mentoring.models import AssignmentPage

    fields.setdefault("instructions", "<p>Buka akun bisnis Instagram dan kirim tautannya.</p>")
    fields.setdefault(
        "rubric", [("item", "Profil memuat alamat usaha"), ("item", "Ada minimal tiga unggahan")]
    )
    fields.setdefault("link_hosts", "instagram.com\ntiktok.com")
    fields.setdefault("title", f"Tugas {week.title}")
    fields.setdefault("slug", f"tugas-{week.slug}")
    return week.add_child(instance=AssignmentPage(**fields))


def build_hand_in(assignment, learner, *, business=None, handed_in_at=None, **version_fields):
    """A hand-in as ``submission_hand_in`` leaves it (state handed in, one version; a link by
    default), made directly so large classes are quick to build. ``business`` for a
    per-business assignment."""
    from mentoring.models import Submission, SubmissionVersion

    handed_in_at = handed_in_at or timezone.now()
    submission = Submission.objects.create(
        assignment=assignment,
        course_id=assignment.get_parent().get_parent().pk,
        learner=learner,
        business=business,
        assignment_title=assignment.title,
        created_at=handed_in_at,
        handed_in_at=handed_in_at,
    )
    version_fields.setdefault("link", "https://www.instagram.com/usaha.uji")
    SubmissionVersion.objects.create(
        submission=submission,
        number=1,
        handed_in_by=learner,
        handed_in_at=handed_in_at,
        **version_fields,
    )
    return submission


def build_knowledge_check(course, *, questions=None):
    from quizzes.models import KnowledgeCheckPage

    return course.add_child(
        instance=KnowledgeCheckPage(
            title="Tes pengetahuan",
            slug="tes-pengetahuan",
            questions=questions or STANDARD_QUESTIONS,
        )
    )


def build_survey(course):
    from quizzes.models import SurveyPage

    items = [
        {"type": "likert", "id": f"l{i}", "value": {"prompt": f"Pernyataan {i}."}}
        for i in range(1, 4)
    ]
    items.append(
        {
            "type": "open_text",
            "id": "o1",
            "value": {"prompt": "Apa yang paling membantu?", "required": True},
        }
    )
    items.append(
        {"type": "open_text", "id": "o2", "value": {"prompt": "Saran?", "required": False}}
    )
    return course.add_child(
        instance=SurveyPage(title="Survei kepuasan", slug="survei", items=items)
    )


# Raw StreamField data for a loan simulator; its form fields are named ``loan-sim1-…``.
LOAN_SIMULATOR = {
    "type": "loan_simulator",
    "id": "sim1",
    "value": {
        "title": "Simulasi kredit",
        "intro": "<p>Coba hitung.</p>",
        "default_principal": 10_000_000,
        "default_tenor_months": 12,
        "presets": [
            {"name": "KUR Mikro", "annual_rate": "6", "method": "annuity"},
            {"name": "Flat 1% sebulan", "annual_rate": "12", "method": "flat"},
        ],
    },
}


def build_loan_simulator_course(*, learner, slug="kursus-uji"):
    """A one-lesson course whose lesson is the loan simulator, with ``learner`` enrolled."""
    from courses.services import enrolment_start

    course = build_course(weeks=1, lessons_per_week=1, body=[LOAN_SIMULATOR], slug=slug)
    enrolment_start(learner=learner, course=course)
    return course


def certificate_template_form(**overrides):
    """What a mentor posts to add a certificate template in the admin."""
    return {
        "name": "Sertifikat Sleman",
        "title": "Sertifikat Penyelesaian",
        "body": "telah menyelesaikan kelas {course} bersama {mentor} pada {date}.",
        "background": "",
        "logo": "",
        "signature": "",
        "signer_name": "Dinas Koperasi",
        "signer_role": "Kepala Dinas",
        **overrides,
    }


def build_cash_entry(business, *, author=None, day=None, **fields):
    """A standing cash book entry of ``business``: a sale of Rp 10.000 today unless told."""
    from cashbook.models import Entry

    values = {"kind": "sale", "amount": 10_000, "units": 1, "channel": "offline"}
    if fields.get("kind") == "cost":
        values.update(units=0, channel="", category="stock")
    values.update(fields)
    return Entry.objects.create(
        business=business, author=author, day=day or timezone.localdate(), **values
    )


def build_credit_application(business, *, by=None, lender="Bank BPD DIY", **fields):
    """An application of ``business`` for Rp 10.000.000 at a seeded lender, preparing documents
    unless told."""
    from credit.models import CreditApplication, Lender

    values = {"amount_requested": 10_000_000, "product": "KUR Mikro"}
    values.update(fields)
    return CreditApplication.objects.create(
        business=business, created_by=by, lender=Lender.objects.get(name=lender), **values
    )
