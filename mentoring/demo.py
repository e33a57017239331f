"""Demo practical assignments and hand-ins for `make run`; safe to repeat.

The programme's assignments come with the demo course packages (courses/demo.py), each in the
week that teaches it; this adds the hand-ins. Sutarni and Agus (the marketing class) have handed
in work in every state, reviewed by Rina: their shop's account link accepted on its second
version, their product photos accepted, and the optional ad budget of one waiting for review and
of the other sent back for a revision. The required
assignments are accepted, so the certificates demo (which runs next) still certifies Agus and
leaves Sutarni one step short.
"""

import io
from dataclasses import dataclass
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from courses import demo as course_demo
from courses.models import CoursePage
from lms import demo as lms_demo
from lms.models import User

from .models import AssignmentPage, State, Submission, SubmissionPhoto, SubmissionVersion

PHOTO_SIZE = (480, 360)


def demo_photo(colour: tuple[int, int, int], *, items: int = 5) -> bytes:
    """A small JPEG (a few KB) of round cakes in a box on a table, drawn here."""
    image = Image.new("RGB", PHOTO_SIZE, (236, 226, 208))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 250, 480, 360), fill=(172, 128, 86))
    draw.rectangle((70, 120, 410, 290), fill=(250, 246, 238), outline=colour, width=6)
    for index in range(items):
        left = 90 + index * 62
        draw.ellipse((left, 160, left + 54, 214), fill=(214, 170, 110), outline=(150, 100, 60))
    draw.rectangle((70, 90, 410, 120), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=60, optimize=True)
    return buffer.getvalue()


@dataclass(frozen=True)
class DemoVersion:
    """One demo hand-in and, when reviewed, its review."""

    by: User
    handed_in: timedelta  # before now
    link: str = ""
    text: str = ""
    photos: tuple[tuple[int, int, int], ...] = ()  # one colour per photo
    review: State | None = None
    reviewed: timedelta | None = None  # before now
    ticks: int = 0  # the first this many rubric items
    feedback: str = ""


def _hand_in(assignment, *, learner, versions, mentor, feedback_seen: bool) -> Submission | None:
    """The submission as the hand-in and review services leave it, dated in the past; None
    when it is there already."""
    course = CoursePage.objects.ancestor_of(assignment).get()
    business = learner.membership.business if assignment.per_business else None
    mine = {"business": business} if business else {"learner": learner, "business": None}
    if Submission.objects.filter(assignment=assignment, **mine).exists():
        return None
    now = timezone.now()
    rubric = [[block.id, block.value] for block in assignment.rubric]
    reviewed = [v for v in versions if v.review]
    last = versions[-1]
    submission = Submission.objects.create(
        assignment=assignment,
        course=course,
        learner=learner,
        business=business,
        state=last.review or State.HANDED_IN,
        assignment_title=assignment.title,
        created_at=now - versions[0].handed_in,
        handed_in_at=now - last.handed_in,
        first_reviewed_at=now - reviewed[0].reviewed if reviewed else None,
        reviewed_at=now - reviewed[-1].reviewed if reviewed else None,
        feedback_seen_at=now if feedback_seen and reviewed else None,
    )
    for number, version in enumerate(versions, start=1):
        review = {}
        if version.review:
            review = {
                "review_state": version.review,
                "feedback": version.feedback,
                "rubric_ticks": [block_id for block_id, _text in rubric[: version.ticks]],
                "rubric_snapshot": rubric,
                "reviewed_by": mentor,
                "reviewed_at": now - version.reviewed,
            }
        row = SubmissionVersion.objects.create(
            submission=submission,
            number=number,
            handed_in_by=version.by,
            handed_in_at=now - version.handed_in,
            link=version.link,
            text=version.text,
            **review,
        )
        for position, colour in enumerate(version.photos):
            content = demo_photo(colour, items=3 + position)
            width, height = PHOTO_SIZE
            photo = SubmissionPhoto(
                version=row, position=position, width=width, height=height, size=len(content)
            )
            photo.image.save(f"demo-{assignment.slug}-{position + 1}.jpg", ContentFile(content))
    return submission


def _marketing_hand_ins(course: CoursePage, mentor, owner, member) -> None:
    account, photos, budget = (
        AssignmentPage.objects.descendant_of(course).get(slug=slug)
        for slug in ("tugas-akun-bisnis", "tugas-foto-produk", "tugas-anggaran-iklan")
    )
    day = timedelta(days=1)
    # The shop's account: a personal profile sent back, the business profile accepted.
    _hand_in(
        account,
        learner=owner,
        mentor=mentor,
        feedback_seen=True,
        versions=[
            DemoVersion(
                by=owner,
                handed_in=6 * day,
                link="https://www.instagram.com/sutarni.pribadi/",
                review=State.NEEDS_REVISION,
                reviewed=5 * day,
                ticks=1,
                feedback=(
                    "Bu Sutarni, ini masih akun pribadi. Ubah ke akun profesional "
                    "(Bisnis) lewat Pengaturan, pakai nama Bakpia Sutarni, dan tulis "
                    "alamat toko serta cara memesan di bio."
                ),
            ),
            DemoVersion(
                by=member,
                handed_in=4 * day,
                link="https://www.instagram.com/bakpiasutarni.jogja/",
                review=State.ACCEPTED,
                reviewed=3 * day,
                ticks=5,
                feedback=(
                    "Sudah jadi akun bisnis dan bionya lengkap. Tambahkan tautan "
                    "WhatsApp di profil supaya pembeli langsung bisa memesan."
                ),
            ),
        ],
    )
    _hand_in(
        photos,
        learner=member,
        mentor=mentor,
        feedback_seen=True,
        versions=[
            DemoVersion(
                by=member,
                handed_in=3 * day,
                photos=((196, 60, 52), (60, 110, 170)),
                text=(
                    "Bakpia kacang hijau hangat dari oven pagi ini! Isi 20, Rp 35.000. "
                    "Pesan lewat WhatsApp 0812-0000-1001 atau mampir ke Ngampilan. "
                    "#bakpiajogja #oleholehjogja #bakpiasutarni"
                ),
                review=State.ACCEPTED,
                reviewed=2 * day,
                ticks=5,
                feedback="Fotonya terang dan captionnya lengkap. Bagus, Mas Agus!",
            ),
        ],
    )
    _hand_in(
        photos,
        learner=owner,
        mentor=mentor,
        feedback_seen=False,
        versions=[
            DemoVersion(
                by=owner,
                handed_in=2 * day,
                photos=((40, 130, 90),),
                text=(
                    "Bakpia keju, resep baru Bakpia Sutarni. Rp 40.000 isi 20. "
                    "Yuk pesan sebelum kehabisan, balas saja pesan ini. "
                    "#bakpiajogja #bakpiakeju"
                ),
                review=State.ACCEPTED,
                reviewed=day,
                ticks=4,
                feedback=(
                    "Captionnya sudah mengajak membeli. Lain kali potret dekat jendela "
                    "supaya bayangannya lebih lembut."
                ),
            ),
        ],
    )
    # The optional ad budget: Agus's sent back, Sutarni's waiting for review.
    _hand_in(
        budget,
        learner=member,
        mentor=mentor,
        feedback_seen=False,
        versions=[
            DemoVersion(
                by=member,
                handed_in=2 * day,
                text="Anggaran iklan Rp 500.000 sebulan, semua untuk TikTok.",
                review=State.NEEDS_REVISION,
                reviewed=day,
                ticks=1,
                feedback=(
                    "Mulai lebih kecil dulu, misalnya Rp 150.000, dan bagi per minggu. "
                    "Tulis juga produk yang diiklankan dan angka yang akan dipantau."
                ),
            ),
        ],
    )
    _hand_in(
        budget,
        learner=owner,
        mentor=mentor,
        feedback_seen=False,
        versions=[
            DemoVersion(
                by=owner,
                handed_in=timedelta(hours=5),
                text=(
                    "Anggaran Rp 200.000 dari laba bulan ini. Instagram Rp 120.000 "
                    "(Rp 30.000 per minggu), TikTok Rp 80.000 (Rp 20.000 per minggu). "
                    "Iklan bakpia keju untuk wisatawan di Yogyakarta. Pantau pesan "
                    "WhatsApp yang masuk dan kotak yang terjual."
                ),
            ),
        ],
    )


@transaction.atomic
def seed() -> list[str]:
    lines = []
    for course in CoursePage.objects.filter(slug__in=course_demo.COHORT_CODES).order_by("path"):
        assignments = AssignmentPage.objects.live().descendant_of(course)
        required = assignments.filter(required_for_certificate=True).count()
        lines.append(f"{course.title}: {assignments.count()} assignments, {required} required")
    mentor = User.objects.get(email="mentor@pintar-umkm.test")
    owner = User.objects.select_related("membership__business").get(phone=lms_demo.OWNER_PHONE)
    member = User.objects.select_related("membership__business").get(email=lms_demo.MEMBER_EMAIL)
    marketing = CoursePage.objects.get(slug="pemasaran-digital")
    _marketing_hand_ins(marketing, mentor, owner, member)
    counts = [
        f"{Submission.objects.filter(course=marketing, state=state).count()} "
        + state.value.replace("_", " ")
        for state in State
    ]
    lines.append(f"{marketing.title}: hand-ins of Sutarni and Agus, " + ", ".join(counts))
    return lines
