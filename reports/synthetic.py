"""Synthetic data at province scale, for report benchmarks and load tests: `seed_synthetic`.

Businesses, learners and everything they did in 2026, built from the courses that exist (their
weeks, lessons, quizzes, questionnaires and surveys) with bulk inserts only: no services, no
signals, no page writes. One ``random.Random(seed)`` drives every choice, so the same seed on the
same database state and day gives the same people, progress and scores. Everything is written
in one transaction.

Running again adds more: new businesses and learners with phone numbers, emails, SiBakul numbers
and join codes that are not yet in the database; the synthetic mentors and cohorts (found by
email and by name) are reused. Certificates continue the year's serial counter.
"""

import random
import time as timer
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.db.models import Max
from django.db.models.functions import Lower
from django.utils import timezone
from psycopg.types.json import Jsonb

from cashbook.models import Entry as CashEntry
from certificates import rules, selectors
from certificates.models import Certificate, SerialCounter, verification_code
from certificates.services import format_serial, mentor_name_for
from courses.models import (
    Cohort,
    CourseCompletion,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    Pacing,
)
from courses.progress import week_opens_on
from courses.selectors import course_outline, start_date_for
from credit.models import CreditApplication
from lms import roles
from lms.identifiers import new_join_code
from lms.models import Business, Membership, Regency, Sector, User
from mentoring.models import AssignmentPage, State, Submission, SubmissionVersion
from outcomes.models import CheckIn
from privacy import rules as privacy_rules
from privacy import selectors as privacy_selectors
from privacy.models import Consent
from quizzes import grading
from quizzes.models import (
    AttemptAnswer,
    KnowledgeCheckPage,
    Phase,
    QuizAttempt,
    QuizPage,
    SurveyAnswer,
    SurveyPage,
    SurveyResponse,
)
from quizzes.services import question_snapshot

DEFAULT_SEED = 2026
BATCH_SIZE = 5000
MAX_USERS_WITHOUT_CONFIRMATION = 1000
YEAR = 2026
MAX_EXTRA_MEMBERS = 5  # besides the owner
COHORTS_PER_COURSE = 8

NOT_ENOUGH_LEARNERS = (
    "Every business needs an owner: ask for at least as many learners as businesses."
)
TOO_MANY_LEARNERS = (
    "A business has its owner and at most {extra} more members: ask for at most {limit} learners "
    "for {businesses} businesses."
)
NO_COURSES = "There is no live course with lessons to enrol learners in (run seed_demo first)."


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",")]


# Weights are shares in percent, roughly as the province's UMKM registers look.
REGENCY_WEIGHTS = {
    Regency.SLEMAN: 30,
    Regency.BANTUL: 26,
    Regency.KOTA_YOGYAKARTA: 16,
    Regency.GUNUNGKIDUL: 13,
    Regency.KULON_PROGO: 11,
    Regency.OTHER: 4,
}
SECTOR_WEIGHTS = {
    Sector.CULINARY: 44,
    Sector.CRAFT: 14,
    Sector.FASHION: 12,
    Sector.AGRIBUSINESS: 10,
    Sector.TRADE: 10,
    Sector.SERVICES: 8,
    Sector.OTHER: 2,
}
DISTRICTS = {  # kapanewon and kemantren, a subset of lms.districts; outside it, nearby towns
    Regency.SLEMAN: _words(
        "Depok, Mlati, Gamping, Ngaglik, Godean, Kalasan, Sleman, Turi, Pakem, Berbah, "
        "Prambanan, Seyegan, Ngemplak, Cangkringan, Minggir, Moyudan"
    ),
    Regency.BANTUL: _words(
        "Kasihan, Sewon, Banguntapan, Bantul, Imogiri, Pundong, Pleret, Jetis, Piyungan, "
        "Sedayu, Pajangan, Kretek, Srandakan, Sanden, Bambanglipuro"
    ),
    Regency.KOTA_YOGYAKARTA: _words(
        "Gondokusuman, Kotagede, Ngampilan, Umbulharjo, Jetis, Mergangsan, Wirobrajan, "
        "Mantrijeron, Kraton, Gedongtengen, Danurejan, Tegalrejo"
    ),
    Regency.GUNUNGKIDUL: _words(
        "Wonosari, Playen, Karangmojo, Semanu, Patuk, Nglipar, Tanjungsari, Saptosari, Ponjong, "
        "Semin"
    ),
    Regency.KULON_PROGO: _words(
        "Wates, Sentolo, Pengasih, Nanggulan, Kalibawang, Galur, Lendah, Temon, Samigaluh, "
        "Girimulyo"
    ),
    Regency.OTHER: _words("Klaten, Magelang, Muntilan, Purworejo, Wonogiri"),
}
SIBAKUL_AREA = {  # regency codes, as the register's numbers start
    Regency.KULON_PROGO: "3401",
    Regency.BANTUL: "3402",
    Regency.GUNUNGKIDUL: "3403",
    Regency.SLEMAN: "3404",
    Regency.KOTA_YOGYAKARTA: "3471",
    Regency.OTHER: "3310",
}
BUSINESS_WORDS = {
    Sector.CULINARY: _words(
        "Bakpia, Gudeg, Warung, Keripik, Jamu, Geplak, Yangko, Kopi, Angkringan, Sate Klathak, "
        "Wedang Uwuh, Roti, Peyek, Tiwul"
    ),
    Sector.FASHION: _words("Batik, Tenun, Konveksi, Jahit, Lurik, Hijab"),
    Sector.CRAFT: _words(
        "Kerajinan Perak, Gerabah, Anyaman, Kerajinan Kulit, Wayang, Topeng, Kayu"
    ),
    Sector.AGRIBUSINESS: _words("Salak Pondoh, Tani, Jamur Tiram, Ternak, Madu, Bibit"),
    Sector.TRADE: _words("Toko, Kios, Grosir, Toko Kelontong"),
    Sector.SERVICES: _words("Laundry, Bengkel, Salon, Fotokopi, Percetakan, Rias"),
    Sector.OTHER: _words("Usaha, UD, CV"),
}
HONORIFICS = ["Bu", "Pak", "Mbak", "Mas", "Mbok", ""]
FIRST_NAMES = _words(
    "Siti, Sri, Dewi, Endang, Yuni, Ratna, Fitri, Wulan, Rini, Tutik, Nur, Suci, Ani, Dwi, Tri, "
    "Eka, Puji, Indah, Ayu, Retno, Agus, Budi, Joko, Bambang, Slamet, Eko, Wahyu, Hadi, Sugeng, "
    "Tono, Yanto, Heru, Arif, Rudi, Dedi, Andi, Bayu, Dimas, Fajar, Gilang, Rizky, Teguh, Nanda, "
    "Putri, Anisa, Galih, Yoga, Rahma, Ika, Winarti"
)
FAMILY_NAMES = _words(
    "Setiawan, Wijaya, Rahayu, Lestari, Susanto, Pratama, Saputra, Hidayat, Nugroho, Kurniawan, "
    "Wibowo, Purnomo, Handayani, Suryani, Utami, Astuti, Santoso, Prasetyo, Kusuma, Haryanto, "
    "Wulandari, Maharani, Permata, Ramadhan, Hartono, Sulistyo, Sari, Puspita, Widodo, Suharti"
)
ONE_WORD_NAMES = _words(
    "Sutarni, Sumarni, Tukiyem, Ngatini, Painem, Paiman, Sukiman, Suparman, Purwanto, Sumarno, "
    "Wagiyem, Tumini, Parjo, Sarjiyem, Mulyono, Juminten, Kasiyem, Sutrisno, Ngadiman, Suwarni"
)
EMAIL_DOMAINS = ["surel.test", "contoh.test", "umkm.test"]  # reserved: nothing is ever sent
PHONE_PREFIXES = _words("811, 812, 813, 821, 822, 852, 853, 857, 858, 877, 878")
MONTHS = _words(
    "Januari, Februari, Maret, April, Mei, Juni, Juli, Agustus, September, Oktober, November, "
    "Desember"
)
COHORT_REGENCIES = [
    Regency.SLEMAN,
    Regency.BANTUL,
    Regency.KOTA_YOGYAKARTA,
    Regency.GUNUNGKIDUL,
    Regency.KULON_PROGO,
]
MENTORS = [
    ("Dwi Rahmawati", "mentor.dwi@sintetis.pintar-umkm.test"),
    ("Hendra Kusuma", "mentor.hendra@sintetis.pintar-umkm.test"),
    ("Sri Wahyuni", "mentor.sri@sintetis.pintar-umkm.test"),
    ("Yoga Pratama", "mentor.yoga@sintetis.pintar-umkm.test"),
]
OPEN_ANSWERS = [
    "Materinya jelas dan mudah dipraktikkan.",
    "Sangat bermanfaat untuk usaha saya.",
    "Videonya kurang jelas kalau sinyal lemah.",
    "Semoga ada kelas lanjutan.",
    "Mentornya sabar dan sangat membantu.",
    "Contohnya dekat dengan usaha kami.",
    "Kuis minggu ketiga agak sulit.",
    "Waktunya terlalu singkat, saya sering terlambat.",
    "Terima kasih, sekarang saya berani jualan online.",
    "Tolong tambahkan contoh untuk usaha kuliner.",
    "Grup WhatsApp-nya sangat membantu.",
    "Bahasanya mudah dipahami.",
    "Lebih enak kalau ada pertemuan tatap muka juga.",
    "Saya jadi mulai mencatat keuangan usaha.",
]
LIKERT_SCALE = range(1, 6)
LIKERT_WEIGHTS = [2, 5, 15, 43, 35]  # most agree

# The funnel, as probabilities: who enrols, starts, keeps going, answers.
ENROLLED = 0.85
BOTH_COURSES = 0.35
THROUGH_COHORT = 0.8
OWN_REGENCY_COHORT = 0.75
PRE_TAKEN = 0.88
STARTS = 0.86
NEXT_LESSON = 0.97
NEXT_WEEK_PASSED = 0.86
NEXT_WEEK_FAILED = 0.45
QUIZ_TAKEN = 0.93
OPTIONAL_HANDED_IN = 0.4  # of optional assignments, by learners who reach their week
OPTIONAL_ACCEPTED = 0.7
QUIZ_RETRIED = 0.85
POST_TAKEN = 0.85
SURVEY_AFTER_POST = 0.65
SURVEY_WITHOUT_POST = 0.35
OPEN_TEXT_ANSWERED = 0.35
UNLIMITED_ATTEMPTS_CAP = 4

ONE, ZERO = Decimal(1), Decimal(0)
MINUTE, HOUR, DAY = timedelta(minutes=1), timedelta(hours=1), timedelta(days=1)


class SyntheticDataError(ValueError):
    """The numbers asked for cannot work, or there is no course to build on."""


@dataclass
class Summary:
    counts: dict = field(default_factory=dict)  # label → rows created
    seconds: float = 0.0

    def add(self, label: str, number: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + number

    def lines(self) -> list[str]:
        return [f"{label:<20} {number:>10,}" for label, number in self.counts.items()]


# --- What the courses hold -------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionSpec:
    id: str
    entry: dict  # the attempt snapshot's entry without "given" and "score"
    right: object  # "given" for a right answer: sorted choice ids, or the number as text
    wrong: tuple  # "given" values that score 0; empty when no answer can be wrong
    difficulty: float  # added to a learner's chance of answering right


@dataclass(frozen=True)
class AssessmentSpec:
    page_id: int
    title: str
    questions: tuple[QuestionSpec, ...]
    pass_mark: int | None = None  # week quizzes only
    attempts_allowed: int = 1


@dataclass(frozen=True)
class AssignmentSpec:
    page_id: int
    title: str
    per_business: bool
    required: bool  # for the certificate


@dataclass(frozen=True)
class WeekSpec:
    lessons: tuple[tuple[int, str], ...]  # (lesson id, title) in order
    quiz: AssessmentSpec | None
    assignments: tuple[AssignmentSpec, ...] = ()


@dataclass(frozen=True)
class CourseSpec:
    course: CoursePage
    weekly: bool
    weeks: tuple[WeekSpec, ...]
    knowledge: AssessmentSpec | None
    survey_page_id: int | None
    survey_items: tuple[tuple[str, str, str], ...]  # (item id, kind, prompt)
    rule: rules.Rule
    template_id: int | None

    @property
    def lessons_total(self) -> int:
        return sum(len(week.lessons) for week in self.weeks)

    @property
    def required(self) -> dict:
        """What completing the course requires, as ``courses.progress.requirements_of``."""
        return {
            "lesson_ids": [pk for week in self.weeks for pk, _title in week.lessons],
            "quiz_ids": [
                week.quiz.page_id for week in self.weeks if week.quiz and not week.lessons
            ],
        }

    @property
    def quizzes_total(self) -> int:
        return sum(1 for week in self.weeks if week.quiz)

    @property
    def assignments_total(self) -> int:
        return sum(a.required for week in self.weeks for a in week.assignments)


def _question_spec(rng: random.Random, block) -> QuestionSpec:
    """The question as an attempt keeps it, and answers that score exactly 1 or 0 under the real
    grading."""
    question = block.block.as_question(block.id, block.value)
    entry = question_snapshot(block, question)
    if question.kind == grading.NUMERIC:
        miss = question.answer + 2 * question.tolerance + max(abs(question.answer) / 2, ONE)
        right, wrongs = question.answer, [miss, question.answer - (miss - question.answer)]
        wrongs = [w for w in wrongs if grading.question_score(question, w) == 0]
        return QuestionSpec(
            question.id, entry, str(right), tuple(str(w) for w in wrongs), rng.uniform(-0.15, 0.1)
        )
    right = question.correct_ids
    candidates = [frozenset([c.id]) for c in question.choices if not c.correct]
    candidates += [right - {c} for c in sorted(right) if len(right) > 1]
    wrongs = [c for c in candidates if c and grading.question_score(question, c) == 0]
    return QuestionSpec(
        question.id,
        entry,
        sorted(right),
        tuple(sorted(w) for w in wrongs),
        rng.uniform(-0.15, 0.1),
    )


def _assessment(rng: random.Random, page) -> AssessmentSpec:
    is_quiz = isinstance(page, QuizPage)
    return AssessmentSpec(
        page_id=page.pk,
        title=page.title,
        questions=tuple(_question_spec(rng, block) for block in page.questions),
        pass_mark=page.pass_mark if is_quiz else None,
        attempts_allowed=(page.attempts_allowed or UNLIMITED_ATTEMPTS_CAP) if is_quiz else 1,
    )


def catalogue(rng: random.Random) -> list[CourseSpec]:
    """Every live course with at least one lesson, as the learners see it (live pages only)."""
    specs = []
    for course in CoursePage.objects.live().order_by("path"):
        outline = course_outline(course=course)
        quizzes = {  # by their parent's path, as the outline places lessons in weeks
            quiz.path[: -QuizPage.steplen]: quiz
            for quiz in QuizPage.objects.live().descendant_of(course).order_by("path")
        }
        assignments = {}
        for page in AssignmentPage.objects.live().descendant_of(course).order_by("path"):
            assignments.setdefault(page.path[: -AssignmentPage.steplen], []).append(
                AssignmentSpec(
                    page.pk, page.title, page.per_business, page.required_for_certificate
                )
            )
        weeks = tuple(
            WeekSpec(
                tuple((lesson.pk, lesson.title) for lesson in row.lessons),
                _assessment(rng, quizzes[row.page.path]) if row.page.path in quizzes else None,
                tuple(assignments.get(row.page.path, ())),
            )
            for row in outline.weeks
        )
        if not any(week.lessons for week in weeks):
            continue
        knowledge = KnowledgeCheckPage.objects.live().child_of(course).first()
        survey = SurveyPage.objects.live().child_of(course).first()
        template = selectors.template_for(course)
        specs.append(
            CourseSpec(
                course=course,
                weekly=course.pacing == Pacing.WEEKLY,
                weeks=weeks,
                knowledge=_assessment(rng, knowledge) if knowledge else None,
                survey_page_id=survey.pk if survey else None,
                survey_items=tuple(
                    (block.id, block.block_type, block.value["prompt"]) for block in survey.items
                )
                if survey
                else (),
                rule=selectors.rule_of(course),
                template_id=template.pk if template else None,
            )
        )
    return specs


def has_courses() -> bool:
    """True when some live course has a live lesson to enrol learners in."""
    return LessonPage.objects.live().exists()


# --- Values that must be unique ----------------------------------------------------------------


class Unique:
    """Draws values not in the database yet and not drawn before in this run."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.phones = set(User.objects.filter(phone__isnull=False).values_list("phone", flat=True))
        self.emails = set(
            User.objects.filter(email__isnull=False)
            .annotate(lower=Lower("email"))
            .values_list("lower", flat=True)
        )
        self.sibakul = set(
            Business.objects.filter(sibakul_number__isnull=False).values_list(
                "sibakul_number", flat=True
            )
        )
        self.join_codes = set(Business.objects.values_list("join_code", flat=True))
        self.join_codes |= set(Cohort.objects.values_list("join_code", flat=True))

    @staticmethod
    def _fresh(taken: set, draw) -> str:
        value = draw()
        while value in taken:
            value = draw()
        taken.add(value)
        return value

    def phone(self) -> str:
        rng = self.rng
        return self._fresh(
            self.phones,
            lambda: f"+62{rng.choice(PHONE_PREFIXES)}{rng.randrange(10**8):08d}",
        )

    def email(self, name_words: list[str]) -> str:
        rng = self.rng
        local = ".".join(word.lower() for word in name_words[:2])
        return self._fresh(
            self.emails,
            lambda: f"{local}{rng.randrange(1, 10000)}@{rng.choice(EMAIL_DOMAINS)}",
        )

    def sibakul_number(self, regency: str) -> str:
        rng = self.rng
        area = SIBAKUL_AREA[regency]
        return self._fresh(self.sibakul, lambda: f"{area}{rng.randrange(10**8):08d}")

    def join_code(self) -> str:
        return self._fresh(self.join_codes, lambda: new_join_code(self.rng.choice))


# --- The plan: businesses, learners, their enrolments ------------------------------------------


@dataclass
class PlannedEnrolment:
    course: CourseSpec
    cohort: Cohort | None
    enrolled_at: datetime

    @property
    def cohort_id(self) -> int | None:  # as on an Enrolment, for start_date_for
        return self.cohort.pk if self.cohort else None


@dataclass
class PlannedLearner:
    full_name: str
    phone: str | None
    email: str | None
    birth_year: int
    business: int  # index into the planned businesses
    enrolments: list[PlannedEnrolment]
    date_joined: datetime | None = None
    is_owner: bool = False
    pk: int | None = None


@dataclass
class PlannedBusiness:
    name: str
    sibakul_number: str | None
    sector: str
    regency: str
    district: str
    join_code: str
    created_at: datetime | None = None
    pk: int | None = None


@dataclass(frozen=True)
class Period:
    """The days the synthetic activity spans: 2026 up to (not including) today."""

    tz: ZoneInfo
    start: datetime
    end: datetime

    @classmethod
    def until(cls, today: date) -> "Period":
        tz = ZoneInfo(settings.TIME_ZONE)
        start = datetime(YEAR, 1, 5, tzinfo=tz)  # the first Monday of the year
        end = datetime.combine(min(today, date(YEAR, 12, 31)), time.min, tzinfo=tz)
        return cls(tz, start, max(end, start + timedelta(days=90)))

    def midnight(self, day: date) -> datetime:
        return datetime.combine(day, time.min, tzinfo=self.tz)

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.tz).date()


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def full_name_words(rng: random.Random) -> list[str]:
    if rng.random() < 0.2:
        return [rng.choice(ONE_WORD_NAMES)]
    words = [rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)]
    if rng.random() < 0.1:
        words.insert(1, rng.choice(FIRST_NAMES))
    return words


def plan_businesses(rng: random.Random, unique: Unique, number: int) -> list[PlannedBusiness]:
    businesses = []
    for _ in range(number):
        sector = _weighted(rng, SECTOR_WEIGHTS)
        regency = _weighted(rng, REGENCY_WEIGHTS)
        town = rng.choice(DISTRICTS[regency])
        # Only the official kapanewon/kemantren (lms.districts), as the site's forms keep them:
        # a business outside the province has no district, its town only in its name.
        district = "" if regency == Regency.OTHER else town
        if rng.random() < 0.35:
            suffix = town
        else:
            honorific = rng.choice(HONORIFICS)
            suffix = f"{honorific} {rng.choice(FIRST_NAMES + ONE_WORD_NAMES)}".strip()
        businesses.append(
            PlannedBusiness(
                name=f"{rng.choice(BUSINESS_WORDS[sector])} {suffix}",
                sibakul_number=unique.sibakul_number(regency) if rng.random() < 0.7 else None,
                sector=sector,
                regency=regency,
                district=district,
                join_code=unique.join_code(),
            )
        )
    return businesses


def _business_sizes(rng: random.Random, businesses: int, learners: int) -> list[int]:
    """Members per business: the owner plus up to MAX_EXTRA_MEMBERS, all learners placed."""
    sizes = [1] * businesses
    open_ = list(range(businesses))
    for _ in range(learners - businesses):
        position = rng.randrange(len(open_))
        index = open_[position]
        sizes[index] += 1
        if sizes[index] > MAX_EXTRA_MEMBERS:
            open_[position] = open_[-1]
            open_.pop()
    return sizes


def _enrolment(
    rng: random.Random,
    period: Period,
    course: CourseSpec,
    cohorts: list[tuple[Cohort, str]],
    regency: str,
) -> PlannedEnrolment:
    """Mostly through a cohort (most often one named for the business's regency), joined
    around its start; otherwise on any day of the period."""
    latest = period.end - HOUR
    if cohorts and rng.random() < THROUGH_COHORT:
        own = [cohort for cohort, where in cohorts if where == regency]
        if own and rng.random() < OWN_REGENCY_COHORT:
            cohort = rng.choice(own)
        else:
            cohort = rng.choice(cohorts)[0]
        moment = period.midnight(cohort.start_date) + timedelta(
            days=rng.uniform(-10, 12), hours=rng.uniform(6, 21)
        )
        if moment >= latest:
            moment = latest - timedelta(hours=rng.uniform(0, 72))
        return PlannedEnrolment(course, cohort, max(moment, period.start))
    span = (latest - period.start).total_seconds()
    return PlannedEnrolment(course, None, period.start + timedelta(seconds=rng.uniform(0, span)))


def plan_learners(
    rng: random.Random,
    unique: Unique,
    period: Period,
    businesses: list[PlannedBusiness],
    number: int,
    courses: list[CourseSpec],
    cohorts: dict,
) -> list[PlannedLearner]:
    """Learners with their business and enrolments, in the order they joined; the first member
    of each business to join is its owner, and the business was registered then."""
    sizes = _business_sizes(rng, len(businesses), number)
    learners = []
    span = (period.end - HOUR - period.start).total_seconds()
    for index, size in enumerate(sizes):
        regency = businesses[index].regency
        for _ in range(size):
            words = full_name_words(rng)
            phone = unique.phone() if rng.random() < 0.8 else None
            email = unique.email(words) if phone is None or rng.random() < 0.25 else None
            enrolments = []
            if rng.random() < ENROLLED:
                chosen = (
                    courses
                    if len(courses) > 1 and rng.random() < BOTH_COURSES
                    else [rng.choice(courses)]
                )
                enrolments = [
                    _enrolment(rng, period, course, cohorts[course.course.pk], regency)
                    for course in chosen
                ]
            learner = PlannedLearner(
                full_name=" ".join(words),
                phone=phone,
                email=email,
                birth_year=round(rng.triangular(1960, 2010, 1984)),
                business=index,
                enrolments=enrolments,
            )
            if enrolments:
                first = min(enrolment.enrolled_at for enrolment in enrolments)
                learner.date_joined = max(
                    period.start - DAY, first - timedelta(hours=rng.uniform(0.2, 96))
                )
            else:
                learner.date_joined = period.start + timedelta(seconds=rng.uniform(0, span))
            learners.append(learner)
    assign_owners(learners, businesses)
    return learners


def assign_owners(learners: list, businesses: list) -> None:
    """Sort ``learners`` by the time they joined; the first of each business founded it and
    owns it."""
    learners.sort(key=lambda learner: learner.date_joined)
    for learner in learners:
        business = businesses[learner.business]
        if business.created_at is None:
            business.created_at = learner.date_joined
            learner.is_owner = True


# --- Mentors and cohorts -----------------------------------------------------------------------


def _mentors(password: str, period: Period) -> tuple[list[User], int]:
    """Staff accounts in the Mentors group, found by email on a later run."""
    group = Group.objects.get(name=roles.MENTORS)
    mentors, created = [], 0
    for full_name, email in MENTORS:
        mentor = User.objects.filter(email=email).first()
        if mentor is None:
            mentor = User.objects.create(
                email=email,
                full_name=full_name,
                password=password,
                is_staff=True,
                date_joined=period.start - timedelta(days=30),
            )
            created += 1
        mentor.groups.add(group)
        mentors.append(mentor)
    return mentors, created


def _cohorts(
    unique: Unique, period: Period, courses: list[CourseSpec], mentors
) -> tuple[dict, int]:
    """COHORTS_PER_COURSE classes a course, starting on Mondays across the year, each named for
    the regency it gathers; found again by name on a later run. Returns {course id: [(cohort,
    regency)]} and how many were created."""
    by_course, created = {}, 0
    first = period.start + timedelta(days=14)
    last = period.end - timedelta(days=35)
    step = max((last - first) / (COHORTS_PER_COURSE - 1), timedelta(days=7))
    for position, course in enumerate(courses):
        existing = {
            cohort.name: cohort
            for cohort in Cohort.objects.select_related("mentor").filter(course=course.course)
        }
        cohorts = []
        for number in range(COHORTS_PER_COURSE):
            start = period.local_date(first + step * number + timedelta(days=7 * position))
            start -= timedelta(days=start.weekday())
            regency = COHORT_REGENCIES[number % len(COHORT_REGENCIES)]
            name = (
                f"{course.course.title} · {Regency(regency).label} · "
                f"{MONTHS[start.month - 1]} {start.year}"
            )
            cohort = existing.get(name)
            if cohort is None:
                cohort = Cohort.objects.create(
                    name=name,
                    course=course.course,
                    start_date=start,
                    mentor=mentors[(number + position) % len(mentors)],
                    join_code=unique.join_code(),
                    created_at=period.midnight(start) - timedelta(days=21),
                )
                existing[name] = cohort
                created += 1
            cohorts.append((cohort, regency))
        by_course[course.course.pk] = cohorts
    return by_course, created


# --- Writing ----------------------------------------------------------------------------------


class Table:
    """New rows of one model, as tuples of values for ``fields``.

    On PostgreSQL they go in with COPY: Django's bulk_create there binds values client-side,
    quoting every value of its UNNEST arrays in Python, which is several times slower at this
    size. Elsewhere (SQLite in the tests) they go through bulk_create.
    """

    def __init__(self, model, fields: tuple[str, ...], label: str = ""):
        self.model, self.label = model, label
        self.fields = [model._meta.get_field(name) for name in fields]
        self.json = [i for i, f in enumerate(self.fields) if f.get_internal_type() == "JSONField"]
        self.rows = []

    def add(self, *values) -> None:
        self.rows.append(values)

    def write(self, summary: Summary, batch_size: int) -> None:
        if connection.vendor == "postgresql":
            self._copy()
        else:
            names = [field.attname for field in self.fields]
            self.model.objects.bulk_create(
                [self.model(**dict(zip(names, row, strict=True))) for row in self.rows],
                batch_size=batch_size,
            )
        if self.label:
            summary.add(self.label, len(self.rows))
        self.rows = []

    def _copy(self) -> None:
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in self.fields)
        sql = f"COPY {quote(self.model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for row in self.rows:
                if self.json:
                    row = list(row)
                    for index in self.json:
                        row[index] = Jsonb(row[index])
                copy.write_row(row)


class Ids:
    """Primary keys taken before rows are written, so related rows can point at them: from the
    table's sequence on PostgreSQL (safe beside other writers), after the largest one elsewhere.
    Keys taken but not used leave a gap, as a rolled-back insert does."""

    BLOCK = 10_000

    def __init__(self):
        self.pools: dict = {}
        self.last: dict = {}

    def take(self, model) -> int:
        pool = self.pools.get(model)
        if not pool:
            pool = self.pools[model] = self._reserve(model)
        return pool.pop()

    def _reserve(self, model) -> list[int]:
        meta = model._meta
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT nextval(pg_get_serial_sequence(%s, %s)) "
                    "FROM generate_series(1, %s) ORDER BY 1 DESC",
                    [meta.db_table, meta.pk.column, self.BLOCK],
                )
                return [row[0] for row in cursor.fetchall()]
        if model not in self.last:
            self.last[model] = model.objects.aggregate(last=Max("pk"))["last"] or 0
        first = self.last[model] + 1
        self.last[model] += self.BLOCK
        return list(range(self.last[model], first - 1, -1))


# --- Progress ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Earned:
    """A certificate to issue once every learner is written; serials follow issue order."""

    issued_at: datetime
    learner_id: int
    holder_name: str
    course: CourseSpec
    cohort: Cohort | None
    business: PlannedBusiness


class Writer:
    """Everything learners did, one batch of learners at a time."""

    def __init__(self, rng: random.Random, period: Period, ids: Ids):
        self.rng, self.period, self.ids = rng, period, ids
        self.completions = Table(
            LessonCompletion,
            ("learner", "course", "lesson", "lesson_title", "completed_at"),
            "lesson completions",
        )
        self.course_completions = Table(
            CourseCompletion,
            ("learner", "course", "completed_at", "required"),
            "course completions",
        )
        self.attempts = Table(
            QuizAttempt,
            (
                "id",
                "learner",
                "course",
                "page",
                "phase",
                "number",
                "submission_token",
                "title",
                "answers",
                "score_percent",
                "pass_mark_percent",
                "passed",
                "submitted_at",
            ),
            "attempts",
        )
        self.answers = Table(AttemptAnswer, ("attempt", "question_id", "score"), "attempt answers")
        self.responses = Table(
            SurveyResponse,
            ("id", "learner", "course", "page", "answers", "submitted_at"),
            "survey responses",
        )
        self.items = Table(
            SurveyAnswer, ("response", "item_id", "likert", "text"), "survey answers"
        )
        self.submissions = Table(
            Submission,
            (
                "id",
                "assignment",
                "course",
                "learner",
                "business",
                "state",
                "assignment_title",
                "created_at",
                "handed_in_at",
                "first_reviewed_at",
                "reviewed_at",
                "feedback_seen_at",
            ),
            "hand-ins",
        )
        self.versions = Table(
            SubmissionVersion,
            (
                "submission",
                "number",
                "handed_in_by",
                "handed_in_at",
                "token",
                "link",
                "text",
                "pdf",
                "review_state",
                "feedback",
                "rubric_ticks",
                "rubric_snapshot",
                "reviewed_by",
                "reviewed_at",
            ),
        )
        # Per-business hand-ins so far: (assignment id, business id) -> accepted.
        self.business_hand_ins: dict[tuple[int, int], bool] = {}
        self.earned: list[Earned] = []

    def write(self, summary: Summary, batch_size: int) -> None:
        tables = (self.completions, self.course_completions, self.attempts, self.answers)
        for table in (*tables, self.responses, self.items, self.submissions, self.versions):
            table.write(summary, batch_size)

    def hand_in(self, learner, business, enrolment, spec: AssignmentSpec, at) -> datetime | None:
        """The learner's hand-in for a week's assignment, reviewed by the class's mentor within
        days (waiting when the period ends first): every required one, some optional ones; a
        per-business one once for the business. When it counts as accepted, the moment it was.
        Its own generator, so the rest of the data stays as it was before assignments."""
        key = (spec.page_id, business.pk)
        if spec.per_business and key in self.business_hand_ins:
            return at if self.business_hand_ins[key] else None
        seed = f"{learner.full_name} {learner.phone} {learner.email} {spec.page_id}"
        rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
        if not spec.required and rng.random() >= OPTIONAL_HANDED_IN:
            return None
        handed_in = at + timedelta(hours=rng.uniform(1, 48))
        reviewed = handed_in + timedelta(hours=rng.expovariate(1 / 30))
        if handed_in >= self.period.end:
            return None
        accepted = spec.required or rng.random() < OPTIONAL_ACCEPTED
        state = State.HANDED_IN
        if reviewed < self.period.end:
            state = State.ACCEPTED if accepted else State.NEEDS_REVISION
        done = reviewed if state != State.HANDED_IN else None
        pk = self.ids.take(Submission)
        self.submissions.add(
            pk,
            spec.page_id,
            enrolment.course.course.pk,
            learner.pk,
            business.pk if spec.per_business else None,
            state,
            spec.title,
            handed_in,
            handed_in,
            done,
            done,
            done + timedelta(hours=rng.uniform(1, 24)) if done else None,
        )
        mentor_id = enrolment.cohort.mentor_id if enrolment.cohort else None
        self.versions.add(
            pk,
            1,
            learner.pk,
            handed_in,
            uuid.uuid4(),
            "",
            "",
            "",
            "" if state == State.HANDED_IN else state,
            "",
            [],
            [],
            mentor_id if done else None,
            done,
        )
        if spec.per_business:
            self.business_hand_ins[key] = state == State.ACCEPTED
        return done if state == State.ACCEPTED else None

    def attempt(self, learner_id, course, spec: AssessmentSpec, phase, number, chance, at) -> bool:
        """One attempt answering each question right with ``chance`` (give or take the
        question's difficulty), scored 1 or 0 per question as the real grading would; True when
        it passed (always, without a pass mark)."""
        rng = self.rng
        pk = self.ids.take(QuizAttempt)
        snapshot, right_count = {}, 0
        for position, question in enumerate(spec.questions, start=1):
            right = not question.wrong or rng.random() < chance + question.difficulty
            given = question.right if right else rng.choice(question.wrong)
            score = ONE if right else ZERO
            snapshot[question.id] = {
                **question.entry,
                "position": position,
                "score": str(score),
                "given": given,
            }
            right_count += right
            self.answers.add(pk, question.id, score)
        total = len(spec.questions)
        result = grading.Grade(Decimal(right_count) / total if total else ZERO, {})
        passed = None if spec.pass_mark is None else grading.passed(result, spec.pass_mark)
        self.attempts.add(
            pk,
            learner_id,
            course.course.pk,
            spec.page_id,
            phase,
            number,
            uuid.uuid4(),
            spec.title,
            snapshot,
            result.percent,
            spec.pass_mark,
            passed,
            at,
        )
        return passed is not False

    def survey(self, learner_id: int, course: CourseSpec, at: datetime) -> None:
        """Answers in the shape ``quizzes.services.survey_submit`` stores, mostly agreeing."""
        rng = self.rng
        pk = self.ids.take(SurveyResponse)
        answers = {}
        mood = rng.choice([-1, 0, 0, 0, 1])  # some learners agree more readily than others
        for item_id, kind, prompt in course.survey_items:
            if kind == "likert":
                value = rng.choices(LIKERT_SCALE, weights=LIKERT_WEIGHTS)[0]
                value = min(5, max(1, value + (mood if rng.random() < 0.5 else 0)))
                self.items.add(pk, item_id, value, "")
            else:
                value = rng.choice(OPEN_ANSWERS) if rng.random() < OPEN_TEXT_ANSWERED else ""
                self.items.add(pk, item_id, None, value)
            answers[item_id] = {"kind": kind, "prompt": prompt, "value": value}
        self.responses.add(pk, learner_id, course.course.pk, course.survey_page_id, answers, at)

    def progress(self, learner: PlannedLearner, business, enrolment: PlannedEnrolment) -> None:
        """One learner's path through one course, cut off at the end of the period: the pre
        questionnaire, lessons in order (a weekly course's week not before it opens), each
        week's quiz, the post questionnaire once every lesson is done, the survey, and the
        certificate when the course's rule is met."""
        rng, course, end, learner_id = self.rng, enrolment.course, self.period.end, learner.pk
        at = enrolment.enrolled_at
        skill = min(0.95, max(0.05, rng.gauss(0.5, 0.15)))  # share right before the course
        quiz_skill = min(0.97, max(0.3, skill + rng.gauss(0.22, 0.1)))
        if course.knowledge and rng.random() < PRE_TAKEN:
            at += timedelta(minutes=rng.uniform(3, 1440))
            if at >= end:
                return
            self.attempt(learner_id, course, course.knowledge, Phase.PRE, 1, skill, at)
        if rng.random() >= STARTS:
            return
        start = start_date_for(enrolment)
        lessons_done = quizzes_passed = quiz_only_passed = assignments_accepted = 0
        accepted_by = at  # when the last required hand-in was accepted
        required = course.required

        def completed_now():
            """Every requirement met at ``at``: recorded as courses.services records it."""
            if lessons_done == course.lessons_total and quiz_only_passed == len(
                required["quiz_ids"]
            ):
                self.course_completions.add(learner_id, course.course.pk, at, required)

        for number, week in enumerate(course.weeks, start=1):
            if number > 1:
                at += timedelta(days=rng.expovariate(1 / 2.5))
            if course.weekly:
                opens = self.period.midnight(week_opens_on(start=start, week_number=number))
                at = max(at, opens + timedelta(hours=rng.uniform(6, 20)))
            for lesson_id, title in week.lessons:
                at += MINUTE * 3 + timedelta(days=rng.expovariate(1 / 0.7))
                if at >= end:
                    return
                self.completions.add(learner_id, course.course.pk, lesson_id, title, at)
                lessons_done += 1
                completed_now()
                if rng.random() >= NEXT_LESSON:
                    return
            passed = week.quiz is None
            if week.quiz and rng.random() < QUIZ_TAKEN:
                for attempt in range(1, week.quiz.attempts_allowed + 1):
                    at += timedelta(minutes=rng.uniform(5, 600 if attempt == 1 else 1440))
                    if at >= end:
                        return
                    chance = quiz_skill + 0.1 * (attempt - 1)  # learnt from the feedback
                    passed = self.attempt(
                        learner_id, course, week.quiz, Phase.QUIZ, attempt, chance, at
                    )
                    if passed or rng.random() >= QUIZ_RETRIED:
                        break
                quizzes_passed += int(passed)
                if passed and not week.lessons:  # a week holding only a quiz requires it passed
                    quiz_only_passed += 1
                    completed_now()
            for assignment in week.assignments:
                accepted_at = self.hand_in(learner, business, enrolment, assignment, at)
                if assignment.required and accepted_at:
                    assignments_accepted += 1
                    accepted_by = max(accepted_by, accepted_at)
            keep_going = NEXT_WEEK_PASSED if passed else NEXT_WEEK_FAILED
            if number < len(course.weeks) and rng.random() >= keep_going:
                return
        post_done = survey_done = False
        if course.knowledge and rng.random() < POST_TAKEN:
            at += timedelta(minutes=rng.uniform(5, 2880))
            if at >= end:
                return
            improved = min(0.99, max(0.05, skill + rng.gauss(0.25, 0.15)))
            self.attempt(learner_id, course, course.knowledge, Phase.POST, 1, improved, at)
            post_done = True
        chance = SURVEY_AFTER_POST if post_done else SURVEY_WITHOUT_POST
        if course.survey_page_id and rng.random() < chance:
            at += timedelta(minutes=rng.uniform(2, 600))
            if at >= end:
                return
            self.survey(learner_id, course, at)
            survey_done = True
        standing = rules.Standing(
            lessons_done=lessons_done,
            lessons_total=course.lessons_total,
            quizzes_passed=quizzes_passed,
            quizzes_total=course.quizzes_total,
            has_post_questionnaire=course.knowledge is not None,
            post_questionnaire_done=post_done,
            has_survey=course.survey_page_id is not None,
            survey_done=survey_done,
            assignments_accepted=assignments_accepted,
            assignments_total=course.assignments_total,
        )
        if rules.is_complete(course.rule, standing):
            issued_at = max(at, accepted_by) + timedelta(seconds=rng.uniform(1, 30))
            self.earned.append(
                Earned(issued_at, learner_id, learner.full_name, course, enrolment.cohort, business)
            )


def _certificates(earned: list[Earned], period: Period, summary: Summary, batch_size: int):
    """Serials in issue order, continuing each year's counter (locked until the commit); the
    PDFs are left to be rendered on first download."""
    table = Table(
        Certificate,
        (
            "learner",
            "course",
            "business",
            "cohort",
            "template",
            "serial",
            "code",
            "holder_name",
            "business_name",
            "course_title",
            "mentor_name",
            "completed_on",
            "issued_at",
            "pdf",
            "revoked_reason",
        ),
        "certificates",
    )
    last = {}
    for item in sorted(earned, key=lambda e: (e.issued_at, e.learner_id, e.course.course.pk)):
        year = period.local_date(item.issued_at).year
        if year not in last:
            counter, _ = SerialCounter.objects.select_for_update().get_or_create(year=year)
            last[year] = counter.last
        last[year] += 1
        course, cohort = item.course.course, item.cohort
        table.add(
            item.learner_id,
            course.pk,
            item.business.pk,
            cohort.pk if cohort else None,
            item.course.template_id,
            format_serial(year, last[year]),
            verification_code(),
            item.holder_name,
            item.business.name,
            course.title,
            mentor_name_for(cohort=cohort, course=course),
            period.local_date(item.issued_at),
            item.issued_at,
            "",
            "",
        )
    table.write(summary, batch_size)
    for year, number in last.items():
        SerialCounter.objects.filter(year=year).update(last=number)


SYNTHETIC_GUARDIAN = "Orang tua/wali"


def _write_learners(
    batch: list[PlannedLearner], businesses, ids: Ids, password, group, notice=None
) -> list:
    """The accounts, their business memberships, Learners group and enrolments, and their
    agreement to ``notice`` (the current privacy notice, when one is published) as sign-up
    records it: a minor's names a parent."""
    users = Table(
        User,
        (
            "id",
            "password",
            "is_superuser",
            "full_name",
            "email",
            "phone",
            "birth_year",
            "is_staff",
            "is_active",
            "must_change_password",
            "date_joined",
        ),
        "learners",
    )
    in_group = Table(User.groups.through, ("user", "group"))
    memberships = Table(Membership, ("user", "business", "is_owner", "joined_at"), "memberships")
    enrolments = Table(Enrolment, ("learner", "course", "cohort", "enrolled_at"), "enrolments")
    consents = Table(
        Consent,
        ("user", "notice", "kind", "given", "given_at", "guardian_name", "guardian_statement"),
    )
    for learner in batch:
        learner.pk = ids.take(User)
        users.add(
            learner.pk,
            password,
            False,
            learner.full_name,
            learner.email,
            learner.phone,
            learner.birth_year,
            False,
            True,
            False,
            learner.date_joined,
        )
        in_group.add(learner.pk, group.pk)
        memberships.add(
            learner.pk, businesses[learner.business].pk, learner.is_owner, learner.date_joined
        )
        for enrolment in learner.enrolments:
            enrolments.add(
                learner.pk,
                enrolment.course.course.pk,
                enrolment.cohort.pk if enrolment.cohort else None,
                enrolment.enrolled_at,
            )
        if notice is not None:
            at = max(learner.date_joined, notice.published_at)
            minor = privacy_rules.is_minor(learner.birth_year, timezone.localdate(at).year)
            guardian = SYNTHETIC_GUARDIAN if minor else ""
            consents.add(learner.pk, notice.pk, Consent.Kind.NOTICE, True, at, guardian, minor)
    return [users, in_group, memberships, enrolments, consents]


def _write_businesses(businesses: list[PlannedBusiness], ids: Ids) -> Table:
    table = Table(
        Business,
        (
            "id",
            "name",
            "sibakul_number",
            "sector",
            "regency",
            "district",
            "join_code",
            "created_at",
        ),
        "businesses",
    )
    for business in sorted(businesses, key=lambda b: b.created_at):
        business.pk = ids.take(Business)
        table.add(
            business.pk,
            business.name,
            business.sibakul_number,
            business.sector,
            business.regency,
            business.district,
            business.join_code,
            business.created_at,
        )
    return table


# --- The whole run -----------------------------------------------------------------------------


def _analyse() -> None:
    """Fresh planner statistics for the tables just filled, so queries run right after (a
    benchmark) are planned for their real size, not for the empty tables autovacuum last saw."""
    if connection.vendor != "postgresql":
        return
    models = [User, User.groups.through, Business, Membership, Cohort, Enrolment]
    models += [LessonCompletion, CourseCompletion, QuizAttempt, AttemptAnswer, SurveyResponse]
    models += [SurveyAnswer]
    models += [Certificate]
    models += [CheckIn, CashEntry, CreditApplication]
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")


def check_numbers(*, businesses: int, learners: int) -> None:
    """Raise SyntheticDataError unless every business can have an owner and every learner a
    business."""
    if businesses < 1 or learners < businesses:
        raise SyntheticDataError(NOT_ENOUGH_LEARNERS)
    limit = businesses * (1 + MAX_EXTRA_MEMBERS)
    if learners > limit:
        raise SyntheticDataError(
            TOO_MANY_LEARNERS.format(extra=MAX_EXTRA_MEMBERS, limit=limit, businesses=businesses)
        )


def write_planned(
    rng: random.Random,
    period: Period,
    businesses: list[PlannedBusiness],
    learners: list[PlannedLearner],
    *,
    summary: Summary,
    password: str,
    batch_size: int = BATCH_SIZE,
    report=None,
) -> None:
    """Write the planned ``businesses`` and ``learners`` with their progress, then the
    certificates they earned, ``batch_size`` learners at a time; ``report`` is called with the
    number of learners written after each batch."""
    ids = Ids()
    _write_businesses(businesses, ids).write(summary, batch_size)
    group = Group.objects.get(name=roles.LEARNERS)
    notice = privacy_selectors.current_notice()
    writer = Writer(rng, period, ids)
    for offset in range(0, len(learners), batch_size):
        batch = learners[offset : offset + batch_size]
        for table in _write_learners(batch, businesses, ids, password, group, notice):
            table.write(summary, batch_size)
        for learner in batch:
            for enrolment in learner.enrolments:
                writer.progress(learner, businesses[learner.business], enrolment)
        writer.write(summary, batch_size)
        if report:
            report(offset + len(batch))
    _certificates(writer.earned, period, summary, batch_size)


def generate(
    *,
    businesses: int,
    learners: int,
    seed: int = DEFAULT_SEED,
    batch_size: int = BATCH_SIZE,
    today: date | None = None,
    report=None,
    cashbook_businesses: int | None = None,
    entries_per_month: int | None = None,
) -> Summary:
    """Create ``businesses`` businesses and ``learners`` learners with a year of progress, and
    the businesses' outcomes (``reports.synthetic_outcomes``): check-ins, a six-month cash book
    of about ``entries_per_month`` lines a month for ``cashbook_businesses`` of them, and
    credit applications.

    ``today`` ends the period (default: the local date); ``report`` is called with a line of
    text after each batch of learners. Raises SyntheticDataError when the numbers cannot work
    or there is no course; then nothing is written.
    """
    from reports import synthetic_outcomes as outcomes  # it builds on this module's Table

    if cashbook_businesses is None:
        cashbook_businesses = outcomes.DEFAULT_CASHBOOK_BUSINESSES
    if entries_per_month is None:
        entries_per_month = outcomes.DEFAULT_ENTRIES_PER_MONTH
    check_numbers(businesses=businesses, learners=learners)
    began = timer.perf_counter()
    report = report or (lambda line: None)
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    period = Period.until(today or timezone.localdate())
    summary = Summary()
    with transaction.atomic():
        courses = catalogue(rng)
        if not courses:
            raise SyntheticDataError(NO_COURSES)
        password = make_password(None)  # unusable; hashed once for everyone
        unique = Unique(rng)
        mentors, created = _mentors(password, period)
        summary.add("mentors", created)
        cohorts, created = _cohorts(unique, period, courses, mentors)
        summary.add("cohorts", created)
        planned_businesses = plan_businesses(rng, unique, businesses)
        planned = plan_learners(rng, unique, period, planned_businesses, learners, courses, cohorts)
        report(f"planned in {timer.perf_counter() - began:.1f} s")

        write_planned(
            rng,
            period,
            planned_businesses,
            planned,
            summary=summary,
            password=password,
            batch_size=batch_size,
            report=lambda written: report(
                f"{written:,} of {len(planned):,} learners written "
                f"({timer.perf_counter() - began:.1f} s)"
            ),
        )
        outcomes.write(
            rng,
            period,
            courses,
            planned_businesses,
            planned,
            summary=summary,
            cashbook_businesses=cashbook_businesses,
            entries_per_month=entries_per_month,
            batch_size=batch_size,
            report=lambda line: report(f"{line} ({timer.perf_counter() - began:.1f} s)"),
        )
    _analyse()
    summary.seconds = timer.perf_counter() - began
    return summary


def users_beyond_confirmation() -> int:
    """The number of users when there are more than a demo would have, else 0."""
    count = User.objects.count()
    return count if count > MAX_USERS_WITHOUT_CONFIRMATION else 0
