"""Export a course as a package, preview what importing one would do, and import it.

A package's pages are matched to the site's by id (each page's Wagtail ``translation_key``):
a page found keeps its primary key, so learners' completions, attempts, hand-ins and
certificates stay attached; questions keep their block ids, so answers stay keyed. A page the
package no longer has is deleted as the admin deletes it (completions keep the lesson's title
and stop counting). Everything is read and checked before anything is written; the writes are
one transaction, and media files stored during it are removed again if it fails.
"""

import hashlib
import io
import re
import uuid
import warnings
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.actions.delete_page import DeletePageAction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from certificates.models import CertificateTemplate
from lms.identifiers import normalise_phone
from mentoring.models import AssignmentPage
from outcomes.models import CheckInPlan
from quizzes.models import KnowledgeCheckPage, QuizPage, SurveyPage

from ..models import CourseIndexPage, CoursePage, LessonPage, WeekPage
from . import archive as archives
from . import bodies
from . import format as fmt
from .errors import PackageError, Problems

MEDIA_MISSING = _("%(media)s is not in the package")
MEDIA_NOT_IMAGE = _("%(media)s is not an image this site can show (jpg, png, webp, gif)")
MEDIA_TOO_MANY_PIXELS = _("%(media)s has more than %(limit)s million pixels; make it smaller")
MEDIA_NOT_DOCUMENT = _("%(media)s must be a PDF file")
MEDIA_NOT_VIDEO = _("%(media)s must be an MP4 video")
MEDIA_BROKEN = _("%(media)s is not a valid %(kind)s file")
PAGE_LINK_UNKNOWN = _("the link to page:%(id)s goes to no page in this package or this site")
ID_TAKEN = _("the id %(id)s belongs to another page on this site (“%(title)s”)")
ID_TWICE = _("the id %(id)s is used twice in the package")
ID_KIND = _("the id %(id)s belongs to a %(kind)s on this site, not to this kind of page")
SLUG_TAKEN = _("another course here already has the address (slug) “%(slug)s”")
SLUG_TWICE = _("two pages in the same place have the address (slug) “%(slug)s”")
QUESTIONS_EMPTY = _("a quiz needs at least one question")
ITEMS_EMPTY = _("a survey needs at least one item")
NOTHING_TO_HAND_IN = _("accepts must name at least one of: link, photos, text, pdf")
VIDEO_SOURCE = _("a video needs either :url: or :file:, not both")
PHONE_INVALID = _("mentor_phone is not an Indonesian mobile number")
TEMPLATE_UNKNOWN = _(
    "course.yaml: there is no certificate template “%(name)s” here; the first one will be used"
)
NO_INDEX = _("There is no course list to import into; create one first.")
ENGLISH = "en"

KIND_LABELS = {
    "course": _("Course"),
    "week": _("Week"),
    "lesson": _("Lesson"),
    "quiz": _("Quiz"),
    "questionnaire": _("Questionnaire"),
    "survey": _("Survey"),
    "assignment": _("Assignment"),
    "question": _("Question"),
    "media": _("Media file"),
    "translation": _("English version"),
}
ACTION_LABELS = {
    "create": _("new"),
    "change": _("changed"),
    "remove": _("removed"),
    "keep": _("unchanged"),
    "move": _("moved"),
}
PAGE_MODELS = {
    "course": CoursePage,
    "week": WeekPage,
    "lesson": LessonPage,
    "quiz": QuizPage,
    "questionnaire": KnowledgeCheckPage,
    "survey": SurveyPage,
    "assignment": AssignmentPage,
}
KIND_OF_MODEL = {model: kind for kind, model in PAGE_MODELS.items()}
ITEM_FILE = {"lesson": "pelajaran-{}.md", "assignment": "tugas-{}.md", "quiz": fmt.QUIZ_FILE}
WRITERS = {
    "course": fmt.write_course,
    "lesson": fmt.write_lesson,
    "quiz": fmt.write_quiz,
    "questionnaire": fmt.write_questionnaire,
    "survey": fmt.write_survey,
    "assignment": fmt.write_assignment,
}
_LINK = re.compile(r"<a\b([^>]*)>")
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')


def _hash(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def english_locale() -> Locale | None:
    """The English locale when the site offers English content (lessons' ``.en.md`` twins)."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return None
    return Locale.objects.filter(language_code=ENGLISH).first()


def _in_default_locale(pages):
    """``pages`` (a queryset) in the site's default locale: a package id names that page,
    never its translations, which share its translation_key."""
    return pages.filter(locale=Locale.get_default())


def _english_versions(keys, locale: Locale | None) -> dict:
    """Package id → the English LessonPage with that translation_key, as an editor sees it."""
    if locale is None or not keys:
        return {}
    found = list(LessonPage.objects.filter(locale=locale, translation_key__in=list(keys)))
    return {str(page.translation_key): page for page in _current_all(found)}


# The database → specs (export, and the "before" side of a preview) -----------------------


class MediaNames:
    """Names in the package's media/ folder for the site's images and documents."""

    def __init__(self, known: dict | None = None):
        self.known = dict(known or {})  # ("image" | "document", pk) → path, from a package
        self.names: dict[tuple, str] = {}
        self.objects: dict[str, object] = {}

    def path(self, kind: str, obj) -> str:
        if obj is None:
            return ""
        key = (kind, obj.pk)
        if key in self.known:
            return self.known[key]
        if key not in self.names:
            filename = PurePosixPath(obj.file.name).name
            suffix = PurePosixPath(filename).suffix.lower()
            stem = obj.title
            if stem.lower().endswith(suffix):
                stem = stem[: -len(suffix)]
            base = slugify(stem)[:80] or kind
            path = f"media/{base}{suffix}"
            number = 2
            while path in self.objects:
                path = f"media/{base}-{number}{suffix}"
                number += 1
            self.names[key] = path
            self.objects[path] = obj
        return self.names[key]


def _current(page):
    """What an editor sees of a page: its latest draft if it has one, else the page."""
    return _current_all([page.specific])[0]


def _current_all(pages: list) -> list:
    """``_current`` of many specific pages, their drafts fetched in one query."""
    wanted = [p.latest_revision_id for p in pages if p.has_unpublished_changes]
    drafts = {
        revision.pk: revision.content
        for revision in Revision.objects.filter(pk__in=[pk for pk in wanted if pk])
    }
    return [
        page.with_content_json(drafts[page.latest_revision_id])
        if page.has_unpublished_changes and page.latest_revision_id in drafts
        else page
        for page in pages
    ]


class Exporter:
    """Turns pages into specs, naming media and page links as the package does."""

    def __init__(self, media: MediaNames):
        self.media = media
        self._page_keys: dict[int, str] = {}
        self._documents: dict[int, object] = {}

    def page_key(self, pk: int) -> str | None:
        if pk not in self._page_keys:
            found = Page.objects.filter(pk=pk).values_list("translation_key", flat=True).first()
            self._page_keys[pk] = str(found) if found else None
        return self._page_keys[pk]

    def remember(self, pages) -> None:
        for page in pages:
            self._page_keys[page.pk] = str(page.translation_key)

    def _document(self, pk: int):
        if pk not in self._documents:
            self._documents[pk] = get_document_model().objects.filter(pk=pk).first()
        return self._documents[pk]

    def rich(self, html: str) -> str:
        def link(match):
            attrs = dict(_ATTR.findall(match.group(1)))
            kind = attrs.get("linktype")
            if kind == "page" and attrs.get("id", "").isdigit():
                key = self.page_key(int(attrs["id"]))
                return f'<a href="page:{key}">' if key else "<a>"
            if kind == "document" and attrs.get("id", "").isdigit():
                document = self._document(int(attrs["id"]))
                return f'<a href="{self.media.path("document", document)}">' if document else "<a>"
            if "href" in attrs:
                return f'<a href="{attrs["href"]}">'
            return "<a>"

        return bodies.html_to_md(_LINK.sub(link, str(html or "")))

    def body(self, stream) -> list[dict]:
        blocks = []
        for child in stream:
            kind, value = child.block_type, child.value
            if kind == "text":
                text = self.rich(value.source)
                if not text:
                    continue
                if blocks and blocks[-1]["type"] == "text":
                    blocks[-1]["text"] = f"{blocks[-1]['text']}\n\n{text}"
                else:
                    blocks.append({"type": "text", "text": text})
            elif kind == "tip":
                blocks.append(
                    {
                        "type": "tip",
                        "title": value["title"],
                        "text": self.rich(value["text"].source),
                    }
                )
            elif kind == "image":
                image = value["image"]
                alt = "" if image is None else image.contextual_alt_text or ""
                decorative = bool(getattr(image, "decorative", False))
                if decorative or (image is not None and alt == image.default_alt_text):
                    alt = ""
                blocks.append(
                    {
                        "type": "image",
                        "image": self.media.path("image", image),
                        "alt": alt,
                        "decorative": decorative,
                        "caption": bodies._plain(value["caption"] or ""),
                    }
                )
            elif kind == "video":
                blocks.append(
                    {
                        "type": "video",
                        "title": value["title"],
                        "url": value["url"] or "",
                        "file": self.media.path("document", value["file"]),
                        "thumbnail": self.media.path("image", value["thumbnail"]),
                        "duration": value["duration_seconds"] or 0,
                        "transcript": self.rich(value["transcript"].source),
                    }
                )
            elif kind == "document":
                blocks.append(
                    {
                        "type": "document",
                        "document": self.media.path("document", value["document"]),
                        "description": bodies._plain(value["description"] or ""),
                    }
                )
            elif kind == "checklist":
                blocks.append(
                    {
                        "type": "checklist",
                        "title": value["title"],
                        "items": [bodies._plain(item) for item in value["items"]],
                    }
                )
            elif kind == "loan_simulator":
                blocks.append(
                    {
                        "type": "loan_simulator",
                        "title": value["title"],
                        "intro": self.rich(value["intro"].source if value["intro"] else ""),
                        "principal": value["default_principal"],
                        "tenor": value["default_tenor_months"],
                        "presets": [
                            {
                                "name": preset["name"],
                                "rate": fmt.number(preset["annual_rate"]),
                                "method": bodies.METHOD_WORD.get(preset["method"], "flat"),
                            }
                            for preset in value["presets"]
                        ],
                    }
                )
        return blocks

    def course(self, course) -> dict:
        plan = CheckInPlan.objects.filter(course=course).first()
        template = course.certificate_template
        return {
            "id": str(course.translation_key),
            "title": course.title,
            "slug": course.slug,
            "summary": course.summary,
            "objectives": [str(block.value) for block in course.objectives],
            "hours_per_week": course.hours_per_week,
            "pacing": course.pacing,
            "mentor_name": course.mentor_name,
            "mentor_phone": course.mentor_phone,
            "cover": self.media.path("image", course.cover_image),
            "certificate": {
                "lessons": course.require_lessons,
                "quizzes": course.require_quizzes,
                "post_questionnaire": course.require_post_questionnaire,
                "survey": course.require_survey,
                "template": template.name if template else None,
            },
            "checkins": list(plan.moments) if plan else None,
        }

    def week(self, week, order=()) -> dict:
        return {
            "id": str(week.translation_key),
            "title": week.title,
            "slug": week.slug,
            "summary": week.summary,
            "order": list(order),
        }

    def lesson(self, lesson) -> dict:
        return {
            "id": str(lesson.translation_key),
            "title": lesson.title,
            "slug": lesson.slug,
            "minutes": lesson.minutes,
            "body": self.body(lesson.body),
        }

    @staticmethod
    def questions(stream) -> list[dict]:
        found = []
        for child in stream:
            value = child.value
            question = {
                "id": str(child.id),
                "type": child.block_type,
                "prompt": value["prompt"],
                "explanation": value["explanation"] or "",
            }
            if child.block_type in ("single_choice", "multiple_choice"):
                question["choices"] = [
                    {
                        "id": str(item.id),
                        "text": item.value["text"],
                        "correct": bool(item.value["correct"]),
                        "feedback": item.value["feedback"] or "",
                    }
                    for item in value["choices"].bound_blocks
                ]
                if child.block_type == "multiple_choice":
                    question["partial_credit"] = bool(value["partial_credit"])
            elif child.block_type == "true_false":
                question["answer"] = value["answer"] == "true"
            else:
                question["answer"] = fmt.number(value["answer"])
                question["tolerance"] = fmt.number(value["tolerance"] or 0)
                question["unit"] = value["unit"] or ""
            found.append(question)
        return found

    def quiz(self, quiz) -> dict:
        return {
            "id": str(quiz.translation_key),
            "title": quiz.title,
            "slug": quiz.slug,
            "intro": self.rich(quiz.intro),
            "pass_mark": quiz.pass_mark,
            "attempts_allowed": quiz.attempts_allowed,
            "shuffle": quiz.shuffle,
            "feedback": quiz.feedback_timing,
            "questions": self.questions(quiz.questions),
        }

    def questionnaire(self, page) -> dict:
        return {
            "id": str(page.translation_key),
            "title": page.title,
            "slug": page.slug,
            "intro": self.rich(page.intro),
            "questions": self.questions(page.questions),
        }

    def survey(self, page) -> dict:
        items = []
        for child in page.items:
            item = {"id": str(child.id), "type": child.block_type, "prompt": child.value["prompt"]}
            if child.block_type == "open_text":
                item["required"] = bool(child.value["required"])
            items.append(item)
        return {
            "id": str(page.translation_key),
            "title": page.title,
            "slug": page.slug,
            "intro": self.rich(page.intro),
            "items": items,
        }

    def assignment(self, page) -> dict:
        accepts = [kind for kind in fmt.ACCEPTS if getattr(page, f"accepts_{kind}")]
        return {
            "id": str(page.translation_key),
            "title": page.title,
            "slug": page.slug,
            "accepts": accepts,
            "max_photos": page.max_photos,
            "link_hosts": page.host_list(),
            "per_business": page.per_business,
            "required_for_certificate": page.required_for_certificate,
            "rubric": [{"id": str(child.id), "text": str(child.value)} for child in page.rubric],
            "instructions": self.rich(page.instructions),
        }

    def spec(self, kind: str, page) -> dict:
        return getattr(self, kind)(page)


@dataclass
class Tree:
    """A course's pages as they are on the site, in order."""

    course: CoursePage
    weeks: list  # [(WeekPage, [(kind, page)])]
    questionnaire: object = None
    survey: object = None

    def pages(self):
        yield "course", self.course
        for week, items in self.weeks:
            yield "week", week
            yield from items
        if self.questionnaire is not None:
            yield "questionnaire", self.questionnaire
        if self.survey is not None:
            yield "survey", self.survey


def _tree(course: CoursePage) -> Tree:
    pages = _current_all(list(course.get_descendants().order_by("path").specific()))
    by_parent: dict[str, list] = {}
    for page in pages:
        by_parent.setdefault(page.path[: -page.steplen], []).append(page)
    tree = Tree(course=_current(course), weeks=[])
    for child in by_parent.get(course.path, []):
        if isinstance(child, WeekPage):
            items = [
                (KIND_OF_MODEL[type(item)], item)
                for item in by_parent.get(child.path, [])
                if type(item) in KIND_OF_MODEL
            ]
            tree.weeks.append((child, items))
        elif isinstance(child, KnowledgeCheckPage) and tree.questionnaire is None:
            tree.questionnaire = child
        elif isinstance(child, SurveyPage) and tree.survey is None:
            tree.survey = child
    return tree


def course_package_files(*, course: CoursePage) -> dict[str, bytes]:
    """The package's files, path → bytes, in the order they are written."""
    if course.locale_id != Locale.get_default().pk:  # a translation: the package is the course's
        course = course.get_translation(Locale.get_default())
    tree = _tree(course)
    exporter = Exporter(MediaNames())
    exporter.remember(page for _kind, page in tree.pages())
    texts: dict[str, str] = {}
    later: dict[str, str] = {}
    if tree.questionnaire is not None:
        later[fmt.QUESTIONNAIRE_FILE] = fmt.write_questionnaire(
            exporter.questionnaire(tree.questionnaire)
        )
    if tree.survey is not None:
        later[fmt.SURVEY_FILE] = fmt.write_survey(exporter.survey(tree.survey))
    weeks = {}
    english = _english_versions(
        [
            page.translation_key
            for _week, items in tree.weeks
            for kind, page in items
            if kind == "lesson"
        ],
        english_locale(),
    )
    for number, (week, items) in enumerate(tree.weeks, start=1):
        folder = f"minggu-{number}"
        counts = {"lesson": 0, "assignment": 0, "quiz": 0}
        order = []
        twins = {}  # lesson file → its page's id, for its English version
        for kind, page in items:
            counts[kind] += 1
            if kind == "quiz" and counts["quiz"] > 1:
                continue  # a week has one quiz
            name = ITEM_FILE[kind].format(counts[kind])
            order.append(name)
            twins[name] = str(page.translation_key)
            weeks[f"{folder}/{name}"] = WRITERS[kind](exporter.spec(kind, page))
        texts[f"{folder}/{fmt.WEEK_FILE}"] = fmt.write_week(exporter.week(week, order))
        for name in order:
            texts[f"{folder}/{name}"] = weeks[f"{folder}/{name}"]
            twin = english.get(twins.get(name, ""))
            if twin is not None:
                texts[f"{folder}/{fmt.twin_name(name)}"] = fmt.write_lesson(exporter.lesson(twin))
    course_text = fmt.write_course(exporter.course(tree.course))
    files = {fmt.COURSE_FILE: course_text.encode()}
    files.update({path: text.encode() for path, text in later.items()})
    files.update({path: text.encode() for path, text in texts.items()})
    for path in sorted(exporter.media.objects):
        obj = exporter.media.objects[path]
        with obj.file.open("rb") as handle:
            files[path] = handle.read()
    return files


def course_package_export(*, course: CoursePage) -> bytes:
    """The course as a package ZIP: the same course gives the same bytes."""
    return archives.write_zip(course_package_files(course=course))


# A package → specs ---------------------------------------------------------------------


@dataclass
class Parsed:
    """A package read and checked: its pages as specs, in order."""

    package: archives.Package
    course: dict
    weeks: list  # [(folder, spec, [(name, kind, spec)])]
    questionnaire: dict | None
    survey: dict | None
    media: dict  # path → ("image" | "document" | "video", first file that uses it)
    warnings: list = field(default_factory=list)
    twins: list = field(default_factory=list)  # [(file, spec, week id)]: English versions

    def pages(self):
        """(kind, spec, file, parent id) of every page, parents before children."""
        yield "course", self.course, fmt.COURSE_FILE, None
        for folder, week, items in self.weeks:
            yield "week", week, f"{folder}/{fmt.WEEK_FILE}", self.course["id"]
            for name, kind, spec in items:
                yield kind, spec, f"{folder}/{name}", week["id"]
        if self.questionnaire is not None:
            yield "questionnaire", self.questionnaire, fmt.QUESTIONNAIRE_FILE, self.course["id"]
        if self.survey is not None:
            yield "survey", self.survey, fmt.SURVEY_FILE, self.course["id"]


PARSERS = {
    "lesson": fmt.parse_lesson,
    "assignment": fmt.parse_assignment,
}


def _parse_yaml_file(package, path, parser, problems):
    text = fmt.decode(package.files[path], file=path, problems=problems)
    if text is None:
        return None
    data = fmt.load_yaml(text, file=path, problems=problems)
    return None if data is None else parser(data, file=path, problems=problems)


def _text_links(text: str):
    return re.findall(r"\]\(([^)\s]+)\)", text or "")


def _collect_media(kind, spec, file, media, links):
    def use(path, usage):
        if path:
            media.setdefault(path, (usage, file))

    def rich(text):
        for href in _text_links(text):
            if href.startswith("media/"):
                use(href, "document")
            elif href.startswith("page:"):
                links.append((href[5:], file))

    if kind == "course":
        use(spec["cover"], "image")
    for key in ("intro", "instructions"):
        rich(spec.get(key, ""))
    for block in spec.get("body", []):
        if block["type"] == "image":
            use(block["image"], "image")
        elif block["type"] == "video":
            use(block["thumbnail"], "image")
            use(block["file"], "video")
        elif block["type"] == "document":
            use(block["document"], "document")
        for key in ("text", "transcript", "intro"):
            rich(block.get(key, ""))


def parse_package(package: archives.Package) -> Parsed:
    """Every file read and checked on its own; PackageError lists all problems found."""
    problems = Problems()
    weeks_found = fmt.layout(list(package.files), problems=problems)
    course = None
    if fmt.COURSE_FILE in package.files:
        text = fmt.decode(package.files[fmt.COURSE_FILE], file=fmt.COURSE_FILE, problems=problems)
        data = (
            None if text is None else fmt.load_yaml(text, file=fmt.COURSE_FILE, problems=problems)
        )
        if data is not None:
            course = fmt.parse_course(data, problems=problems)
    questionnaire = survey = None
    if fmt.QUESTIONNAIRE_FILE in package.files:
        questionnaire = _parse_yaml_file(
            package, fmt.QUESTIONNAIRE_FILE, fmt.parse_questionnaire, problems
        )
    if fmt.SURVEY_FILE in package.files:
        survey = _parse_yaml_file(package, fmt.SURVEY_FILE, fmt.parse_survey, problems)
    weeks = []
    twins = []
    for folder, names in weeks_found:
        week_path = f"{folder}/{fmt.WEEK_FILE}"
        week = None
        if week_path in package.files:
            week = _parse_yaml_file(package, week_path, fmt.parse_week, problems)
        if week is None:
            continue
        items = []
        for name in fmt.week_order(folder, names, week["order"], problems=problems):
            path = f"{folder}/{name}"
            kind = fmt.item_kind(name)
            if kind == "quiz":
                spec = _parse_yaml_file(package, path, fmt.parse_quiz, problems)
            else:
                text = fmt.decode(package.files[path], file=path, problems=problems)
                spec = None if text is None else PARSERS[kind](text, file=path, problems=problems)
            if spec is not None:
                items.append((name, kind, spec))
        week["order"] = [name for name, _kind, _spec in items]
        weeks.append((folder, week, items))
        twins += _parse_twins(package, folder, names, week, items, problems)
    if course is None:
        problems.raise_if_any()
    parsed = Parsed(package, course, weeks, questionnaire, survey, media={}, twins=twins)
    _check_specs(parsed, problems)
    problems.raise_if_any()
    return parsed


def _parse_twins(package, folder, names, week, items, problems) -> list:
    """The week's lessons' English versions (``pelajaran-N.en.md``) as (file, spec, week id)."""
    lessons = {name: spec for name, kind, spec in items if kind == "lesson"}
    found = []
    for name in names:
        lesson_name = fmt.twin_lesson_name(name)
        if lesson_name is None:
            continue
        path = f"{folder}/{name}"
        if lesson_name not in names:
            problems.add(fmt.TWIN_WITHOUT_LESSON, file=path, name=f"{folder}/{lesson_name}")
            continue
        if lesson_name not in lessons:
            continue  # the lesson itself has problems, already listed
        text = fmt.decode(package.files[path], file=path, problems=problems)
        if text is None:
            continue
        lesson = lessons[lesson_name]
        spec = fmt.parse_lesson_twin(text, file=path, problems=problems, lesson=lesson)
        if spec is not None:
            found.append((path, spec, week["id"]))
    return found


def _check_specs(parsed: Parsed, problems: Problems) -> None:
    """What no single file can say: ids, sibling slugs, media, page links, page rules."""
    seen: dict[str, str] = {}
    slugs: dict[tuple, str] = {}
    links: list = []
    for kind, spec, file, parent in parsed.pages():
        if spec["id"] in seen:
            problems.add(ID_TWICE, file=file, id=spec["id"])
        seen[spec["id"]] = file
        if kind != "course":
            if (parent, spec["slug"]) in slugs:
                problems.add(SLUG_TWICE, file=file, slug=spec["slug"])
            slugs[(parent, spec["slug"])] = file
        if kind in ("quiz", "questionnaire") and not spec["questions"]:
            problems.add(QUESTIONS_EMPTY, file=file)
        if kind == "survey" and not spec["items"]:
            problems.add(ITEMS_EMPTY, file=file)
        if kind == "assignment" and not spec["accepts"]:
            problems.add(NOTHING_TO_HAND_IN, file=file)
        for block in spec.get("body", []):
            if block["type"] == "video" and bool(block["url"]) == bool(block["file"]):
                problems.add(VIDEO_SOURCE, file=file)
        _collect_media(kind, spec, file, parsed.media, links)
    for file, spec, week_id in parsed.twins:  # after the pages: media only they use are theirs
        if (ENGLISH, week_id, spec["slug"]) in slugs:
            problems.add(SLUG_TWICE, file=file, slug=spec["slug"])
        slugs[(ENGLISH, week_id, spec["slug"])] = file
        for block in spec["body"]:
            if block["type"] == "video" and bool(block["url"]) == bool(block["file"]):
                problems.add(VIDEO_SOURCE, file=file)
        _collect_media("lesson", spec, file, parsed.media, links)
    course = parsed.course
    if course["mentor_phone"]:
        try:
            course["mentor_phone"] = normalise_phone(course["mentor_phone"])
        except ValidationError:
            problems.add(PHONE_INVALID, file=fmt.COURSE_FILE)
    for path, (usage, file) in parsed.media.items():
        data = parsed.package.files.get(path)
        if data is None:
            problems.add(MEDIA_MISSING, file=file, media=path)
        elif usage == "image":
            _check_image(path, data, file, problems)
        elif usage == "document" and not data.startswith(b"%PDF-"):
            problems.add(MEDIA_NOT_DOCUMENT, file=file, media=path)
        elif usage == "video" and data[4:8] != b"ftyp":
            problems.add(MEDIA_NOT_VIDEO, file=file, media=path)
    known = set(seen)
    outside = (
        {
            str(key)
            for key in _in_default_locale(
                Page.objects.filter(
                    translation_key__in=[_uuid_or_none(page_id) for page_id, _file in links]
                )
            ).values_list("translation_key", flat=True)
        }
        if links
        else set()
    )
    for page_id, file in links:
        if page_id.lower() not in known and page_id.lower() not in outside:
            problems.add(PAGE_LINK_UNKNOWN, file=file, id=page_id)


def _uuid_or_none(value):
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def _check_image(path, data, file, problems) -> None:
    if archives.extension(path) not in archives.IMAGE_EXTENSIONS:
        problems.add(MEDIA_NOT_IMAGE, file=file, media=path)
        return
    limit = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(io.BytesIO(data)) as image:
                width, height = image.size
                kind = (image.format or "").lower()
    except PILImage.DecompressionBombError:
        width, height, kind = limit + 1, 1, ""
    except (UnidentifiedImageError, OSError, ValueError):
        problems.add(MEDIA_BROKEN, file=file, media=path, kind=_("image"))
        return
    if width * height > limit:
        problems.add(MEDIA_TOO_MANY_PIXELS, file=file, media=path, limit=f"{limit / 1e6:g}")
    elif kind not in ("jpeg", "png", "webp", "gif"):
        problems.add(MEDIA_NOT_IMAGE, file=file, media=path)


# Preview --------------------------------------------------------------------------------


@dataclass
class Change:
    kind: str  # course, week, lesson, quiz, questionnaire, survey, assignment, question, media
    action: str  # create, change, move, remove, keep
    title: str
    file: str = ""

    def line(self) -> str:
        label = f"{KIND_LABELS[self.kind]} ({ACTION_LABELS[self.action]}): {self.title}"
        return f"{label} [{self.file}]" if self.file else label


@dataclass
class Plan:
    """What importing a package will do; ``course`` is None for a new course."""

    title: str
    course: CoursePage | None
    live: bool
    changes: list[Change] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def new_course(self) -> bool:
        return self.course is None

    def count(self, kind: str, action: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind and c.action == action)

    def lines(self, *, unchanged: bool = False) -> list[str]:
        head = (
            gettext("New course “%(title)s”, imported as a draft.")
            if self.new_course
            else gettext("Update of the course “%(title)s” (%(state)s).")
        ) % {
            "title": self.title,
            "state": gettext("published: changes go live") if self.live else gettext("draft"),
        }
        shown = [c.line() for c in self.changes if unchanged or c.action != "keep"]
        return [head, *shown, *self.warnings]


@dataclass
class _Context:
    parsed: Parsed
    index: CourseIndexPage
    course: CoursePage | None
    existing: dict  # package id → current page (within the course)
    media_known: dict  # (kind, pk) → path for package files the site already has
    media_existing: dict  # path → existing Image/Document
    template: object
    plan: Plan
    english: Locale | None = None  # set when the site offers English: twins are imported
    english_existing: dict = field(default_factory=dict)  # package id → English LessonPage


def _used_by(course: CoursePage | None) -> list:
    """The images and documents a course's pages use now."""
    if course is None:
        return []
    exporter = Exporter(MediaNames())
    for kind, page in _tree(course).pages():
        exporter.spec(kind, page)
    return list(exporter.media.objects.values())


def _resolve_media(parsed: Parsed, course: CoursePage | None):
    """Which package files the site already has (same contents): path → object."""
    hashes = {path: _hash(parsed.package.files[path]) for path in parsed.media}
    images = {
        image.file_hash: image
        for image in get_image_model().objects.filter(file_hash__in=hashes.values())
    }
    documents = {
        document.file_hash: document
        for document in get_document_model().objects.filter(file_hash__in=hashes.values())
    }
    for obj in _used_by(course):  # files stored without a hash (not uploaded in the admin)
        if not obj.file_hash:
            with obj.file.open("rb") as handle:
                found = _hash(handle.read())
            group = images if isinstance(obj, get_image_model()) else documents
            group.setdefault(found, obj)
    existing = {}
    for path, (usage, _file) in parsed.media.items():
        found = (images if usage == "image" else documents).get(hashes[path])
        if found is not None:
            existing[path] = found
    return existing


def _context(parsed: Parsed, index: CourseIndexPage | None) -> _Context:
    problems = Problems()
    course_id = parsed.course["id"]
    course = _in_default_locale(CoursePage.objects.filter(translation_key=course_id)).first()
    if index is None:
        index = course.get_parent().specific if course else CourseIndexPage.objects.first()
    if index is None:
        raise PackageError([gettext(str(NO_INDEX))])
    existing = {}
    if course is not None:
        existing[course_id] = course
        for page in course.get_descendants().specific():
            existing[str(page.translation_key)] = page
    ids = [spec["id"] for _kind, spec, _file, _parent in parsed.pages()]
    elsewhere = _in_default_locale(Page.objects.filter(translation_key__in=ids))
    if course is not None:
        elsewhere = elsewhere.exclude(path__startswith=course.path)
    for page in elsewhere:
        file = next(f for _k, s, f, _p in parsed.pages() if s["id"] == str(page.translation_key))
        problems.add(ID_TAKEN, file=file, id=str(page.translation_key), title=page.title)
    for kind, spec, file, _parent in parsed.pages():
        page = existing.get(spec["id"])
        if page is not None and not isinstance(page, PAGE_MODELS[kind]):
            problems.add(ID_KIND, file=file, id=spec["id"], kind=page._meta.verbose_name)
    slug = parsed.course["slug"]
    clash = CoursePage.objects.child_of(index).filter(slug=slug)
    if course is not None:
        clash = clash.exclude(pk=course.pk)
    if clash.exists():
        problems.add(SLUG_TAKEN, file=fmt.COURSE_FILE, slug=slug)
    problems.raise_if_any()
    media_existing = _resolve_media(parsed, course)
    media_known = {
        ("image" if parsed.media[path][0] == "image" else "document", obj.pk): path
        for path, obj in media_existing.items()
    }
    template = None
    plan = Plan(title=parsed.course["title"], course=course, live=bool(course and course.live))
    name = parsed.course["certificate"]["template"]
    if name:
        template = CertificateTemplate.objects.filter(name=name).first()
        if template is None:
            plan.warnings.append(str(TEMPLATE_UNKNOWN) % {"name": name})
    english = english_locale()
    lessons = [key for key, page in existing.items() if isinstance(page, LessonPage)]
    english_existing = _english_versions(lessons, english)
    return _Context(
        parsed,
        index,
        course,
        existing,
        media_known,
        media_existing,
        template,
        plan,
        english,
        english_existing,
    )


def _plan(context: _Context) -> Plan:
    parsed, plan = context.parsed, context.plan
    exporter = Exporter(MediaNames(context.media_known))
    exporter.remember(context.existing.values())
    wanted_ids = set()
    for kind, spec, file, parent in parsed.pages():
        wanted_ids.add(spec["id"])
        page = context.existing.get(spec["id"])
        title = spec["title"]
        if page is None:
            plan.changes.append(Change(kind, "create", title, file))
        else:
            current = _current(page)
            before = _comparable(kind, exporter, current)
            after = _comparable(kind, None, spec)
            moved = parent is not None and str(page.get_parent().translation_key) != parent
            action = "change" if before != after else ("move" if moved else "keep")
            plan.changes.append(Change(kind, action, title, file))
        if kind in ("quiz", "questionnaire"):
            old = {q["id"]: q for q in exporter.questions(_current(page).questions)} if page else {}
            for question in spec["questions"]:
                if question["id"] not in old:
                    action = "create"
                else:
                    action = "keep" if old[question["id"]] == question else "change"
                plan.changes.append(Change("question", action, question["prompt"], file))
            for question_id, question in old.items():
                if question_id not in {q["id"] for q in spec["questions"]}:
                    plan.changes.append(Change("question", "remove", question["prompt"], file))
    if context.course is not None:
        for page_id, page in context.existing.items():
            removed = page_id not in wanted_ids and type(page) in KIND_OF_MODEL
            if removed and not _inside_removed(page, context, wanted_ids):
                plan.changes.append(Change(KIND_OF_MODEL[type(page)], "remove", page.title))
    if context.english is None and parsed.twins:
        plan.warnings.append(twins_not_imported(len(parsed.twins)))
    for file, spec, _week_id in parsed.twins if context.english else ():
        page = context.english_existing.get(spec["id"])
        if page is None:
            action = "create"
        else:
            same = _comparable("lesson", exporter, page) == _comparable("lesson", None, spec)
            action = "keep" if same else "change"
        plan.changes.append(Change("translation", action, spec["title"], file))
    for page_id, page in context.english_existing.items():
        if page_id not in wanted_ids:  # its Indonesian lesson is removed: it goes too
            plan.changes.append(Change("translation", "remove", page.title))
    for path in sorted(parsed.media):
        if context.english is None and parsed.media[path][1].endswith(".en.md"):
            continue  # used by English versions only, which are not imported
        action = "keep" if path in context.media_existing else "create"
        plan.changes.append(Change("media", action, path))
    return plan


def twins_not_imported(count: int) -> str:
    """The preview's notice for English versions a site without English content skips."""
    return ngettext(
        "%(count)s English version not imported: this site shows lessons in Indonesian only",
        "%(count)s English versions not imported: this site shows lessons in Indonesian only",
        count,
    ) % {"count": count}


def _inside_removed(page, context, wanted_ids) -> bool:
    """A page whose parent is removed too is listed through its parent only."""
    parent_path = page.path[: -page.steplen]
    for other_id, other in context.existing.items():
        if other.path == parent_path and other_id not in wanted_ids and other.depth > 3:
            return isinstance(other, WeekPage)
    return False


def _comparable(kind, exporter, source) -> dict:
    spec = dict(exporter.spec(kind, source) if exporter else source)
    spec.pop("order", None)
    if kind == "course":
        spec["certificate"] = dict(spec["certificate"])
    return spec


def _load(archive):
    return archive if isinstance(archive, archives.Package) else archives.read(archive)


def course_package_preview(*, archive, index: CourseIndexPage | None = None) -> Plan:
    """What importing ``archive`` (a Package, a path, ZIP bytes or an upload) would do.

    Raises PackageError with every problem found; writes nothing.
    """
    parsed = parse_package(_load(archive))
    return _plan(_context(parsed, index))


# Import ---------------------------------------------------------------------------------


BLOCK_IDS = uuid.UUID("5d0c3f4e-8a51-4f57-9b7e-2f0f6a3c9b21")  # namespace of derived block ids


def _raw_blocks(stream, item_type: str | None = None) -> list[tuple]:
    """(type, id, raw value) of a stream's blocks, or of a list block's items (``item_type``);
    items stored in the old form (bare values) have no id."""
    if stream is None:
        return []
    raw = stream.raw_data if hasattr(stream, "raw_data") else stream
    found = []
    for child in raw:
        if isinstance(child, dict) and "type" in child:
            found.append((child["type"], child.get("id"), child.get("value")))
        else:
            found.append((item_type, None, child))
    return found


def derived_block_id(path: tuple, position: int, kind: str, attempt: int = 1) -> str:
    """The same id on every site for the block of type ``kind`` at ``position`` of ``path``
    (the page's package id and the stream's place in it)."""
    name = "/".join(str(part) for part in (*path, position, kind))
    return str(uuid.uuid5(BLOCK_IDS, name if attempt == 1 else f"{name}#{attempt}"))


def stable_ids(kinds: list[str], current: list[tuple], path: tuple) -> list[str]:
    """Ids for a stream's new blocks of types ``kinds``: the id of the current block at the
    same position when it has the same type, else a derived one no other block here has."""
    ids: list[str | None] = []
    taken = set()
    for position, kind in enumerate(kinds):
        now = current[position] if position < len(current) else None
        kept = now[1] if now and now[0] == kind and now[1] not in taken else None
        ids.append(kept)
        taken.add(kept)
    for position, kind in enumerate(kinds):
        if ids[position] is None:
            attempt = 1
            while (block_id := derived_block_id(path, position, kind, attempt)) in taken:
                attempt += 1
            ids[position] = block_id
            taken.add(block_id)
    return ids


class _Writer:
    """Turns specs into page fields, creating media as needed; remembers stored files."""

    def __init__(self, context: _Context, user):
        self.context = context
        self.user = user
        self.media = dict(context.media_existing)  # path → Image/Document
        self.stored: list = []  # files written to storage, removed if the import fails
        self.pages: dict[str, int] = {  # package id → page pk
            key: page.pk for key, page in context.existing.items()
        }
        self.outside: dict[str, int] = {}
        self.package_ids = {spec["id"] for _k, spec, _f, _p in context.parsed.pages()}
        self.unresolved = False  # a link to a package page not created yet

    # media
    def _file(self, path: str):
        if path not in self.media:
            usage = self.context.parsed.media[path][0]
            data = self.context.parsed.package.files[path]
            name = PurePosixPath(path).name
            title = PurePosixPath(path).stem
            if usage == "image":
                obj = get_image_model()(title=title, file=ImageFile(io.BytesIO(data), name=name))
                obj.file_size = len(data)
            else:
                obj = get_document_model()(title=title, file=ContentFile(data, name=name))
                obj.file_size = len(data)
            obj.file_hash = _hash(data)
            obj.save()
            self.stored.append(obj.file)
            self.media[path] = obj
        return self.media[path]

    def pk(self, path: str):
        return self._file(path).pk if path else None

    # links
    def _page_pk(self, key: str):
        key = key.lower()
        if key in self.pages:
            return self.pages[key]
        if key in self.package_ids:
            self.unresolved = True
            return None
        if key not in self.outside:
            found = _in_default_locale(
                Page.objects.filter(translation_key=_uuid_or_none(key))
            ).first()
            self.outside[key] = found.pk if found else None
        return self.outside[key]

    def html(self, markdown: str, features=bodies.LESSON_TEXT) -> str:
        html = bodies.md_to_html(markdown, features=features)

        def link(match):
            href = dict(_ATTR.findall(match.group(1))).get("href", "")
            if href.startswith("page:"):
                pk = self._page_pk(href[5:])
                return f'<a linktype="page" id="{pk}">' if pk else "<a>"
            if href.startswith("media/"):
                return f'<a linktype="document" id="{self.pk(href)}">'
            return match.group(0)

        return _LINK.sub(link, html)

    @staticmethod
    def _items(values, current, path: tuple) -> list[dict]:
        ids = stable_ids(["item"] * len(values), _raw_blocks(current, "item"), path)
        return [
            {"type": "item", "value": value, "id": block_id}
            for value, block_id in zip(values, ids, strict=True)
        ]

    def body(self, blocks: list[dict], *, key: str, current=None) -> list[dict]:
        """Lesson body blocks; ``current`` is the page's body now (None for a new page)."""
        now = _raw_blocks(current)
        ids = stable_ids([block["type"] for block in blocks], now, (key, "body"))
        raw = []
        for position, block in enumerate(blocks):
            kind = block["type"]
            kept = now[position][2] if position < len(now) and now[position][0] == kind else None
            nested = {"checklist": "items", "loan_simulator": "presets"}.get(kind)
            inner = kept.get(nested) if nested and isinstance(kept, dict) else None
            items_path = (key, "body", position, kind)
            if kind == "text":
                value = self.html(block["text"])
            elif kind == "tip":
                value = {"title": block["title"], "text": self.html(block["text"], bodies.TIP_TEXT)}
            elif kind == "image":
                image = self._file(block["image"])
                value = {
                    "image": {
                        "image": image.pk,
                        "decorative": block["decorative"],
                        "alt_text": ""
                        if block["decorative"]
                        else block["alt"] or image.default_alt_text,
                    },
                    "caption": block["caption"],
                }
            elif kind == "video":
                value = {
                    "title": block["title"],
                    "url": block["url"],
                    "file": self.pk(block["file"]),
                    "thumbnail": self.pk(block["thumbnail"]),
                    "duration_seconds": block["duration"],
                    "transcript": self.html(block["transcript"], bodies.TIP_TEXT),
                }
            elif kind == "document":
                value = {
                    "document": self.pk(block["document"]),
                    "description": block["description"],
                }
            elif kind == "checklist":
                value = {
                    "title": block["title"],
                    "items": self._items(block["items"], inner, items_path),
                }
            else:
                presets = [
                    {
                        "name": preset["name"],
                        "annual_rate": preset["rate"],
                        "method": bodies.METHODS[preset["method"]],
                    }
                    for preset in block["presets"]
                ]
                value = {
                    "title": block["title"],
                    "intro": self.html(block["intro"], bodies.INLINE),
                    "default_principal": block["principal"],
                    "default_tenor_months": block["tenor"],
                    "presets": self._items(presets, inner, items_path),
                }
            raw.append({"type": kind, "value": value, "id": ids[position]})
        return raw

    @staticmethod
    def questions(questions: list[dict]) -> list[dict]:
        raw = []
        for question in questions:
            value = {"prompt": question["prompt"], "explanation": question["explanation"]}
            if "choices" in question:
                value["choices"] = [
                    {
                        "type": "item",
                        "id": choice["id"],
                        "value": {
                            "text": choice["text"],
                            "correct": choice["correct"],
                            "feedback": choice["feedback"],
                        },
                    }
                    for choice in question["choices"]
                ]
                if question["type"] == "multiple_choice":
                    value["partial_credit"] = question["partial_credit"]
            elif question["type"] == "true_false":
                value["answer"] = "true" if question["answer"] else "false"
            else:
                value.update(
                    answer=question["answer"],
                    tolerance=question["tolerance"],
                    unit=question["unit"],
                )
            raw.append({"type": question["type"], "id": question["id"], "value": value})
        return raw

    def fields(self, kind: str, spec: dict, current=None) -> dict:
        """The page's own fields from its spec (title and slug included); ``current`` is the
        page as it is now (None for a new page), whose block ids stay where blocks match."""
        values = {"title": spec["title"], "slug": spec["slug"]}
        if kind == "course":
            rule = spec["certificate"]
            objectives = spec["objectives"]
            objective_ids = stable_ids(
                ["objective"] * len(objectives),
                _raw_blocks(current.objectives if current else None),
                (spec["id"], "objectives"),
            )
            values.update(
                summary=spec["summary"],
                objectives=[
                    {"type": "objective", "value": text, "id": block_id}
                    for text, block_id in zip(objectives, objective_ids, strict=True)
                ],
                hours_per_week=spec["hours_per_week"],
                pacing=spec["pacing"],
                mentor_name=spec["mentor_name"],
                mentor_phone=spec["mentor_phone"],
                cover_image=self._file(spec["cover"]) if spec["cover"] else None,
                require_lessons=rule["lessons"],
                require_quizzes=rule["quizzes"],
                require_post_questionnaire=rule["post_questionnaire"],
                require_survey=rule["survey"],
                certificate_template=self.context.template,
            )
        elif kind == "week":
            values["summary"] = spec["summary"]
        elif kind == "lesson":
            values.update(
                minutes=spec["minutes"],
                body=self.body(
                    spec["body"], key=spec["id"], current=current.body if current else None
                ),
            )
        elif kind in ("quiz", "questionnaire"):
            values.update(
                intro=self.html(spec["intro"], bodies.INLINE),
                questions=self.questions(spec["questions"]),
            )
            if kind == "quiz":
                values.update(
                    pass_mark=spec["pass_mark"],
                    attempts_allowed=spec["attempts_allowed"],
                    shuffle=spec["shuffle"],
                    feedback_timing=spec["feedback"],
                )
        elif kind == "survey":
            values.update(
                intro=self.html(spec["intro"], bodies.INLINE),
                items=[
                    {
                        "type": item["type"],
                        "id": item["id"],
                        "value": {"prompt": item["prompt"], "required": item["required"]}
                        if item["type"] == "open_text"
                        else {"prompt": item["prompt"]},
                    }
                    for item in spec["items"]
                ],
            )
        elif kind == "assignment":
            values.update(
                instructions=self.html(spec["instructions"], bodies.ASSIGNMENT_TEXT),
                link_hosts="\n".join(spec["link_hosts"]),
                max_photos=spec["max_photos"],
                per_business=spec["per_business"],
                required_for_certificate=spec["required_for_certificate"],
                rubric=[
                    {"type": "item", "id": item["id"], "value": item["text"]}
                    for item in spec["rubric"]
                ],
                **{f"accepts_{kind}": kind in spec["accepts"] for kind in fmt.ACCEPTS},
            )
        return values


def _temporary_slug() -> str:
    return f"tmp-{uuid.uuid4().hex[:12]}"


def _write(context: _Context, writer: _Writer, *, publish: bool = False) -> CoursePage:
    parsed, plan = context.parsed, context.plan
    actions = {(c.kind, c.title, c.file): c.action for c in plan.changes}
    live = plan.live or publish
    pages: dict[str, Page] = {}
    now = timezone.now()

    # 1. Structure: every page exists under its parent, in the package's order. A new page
    #    whose slug an old sibling still has gets a temporary one until step 4; one whose
    #    links all resolved is complete ("fresh") and is not saved again.
    fresh, created = set(), set()
    for kind, spec, _file, parent_id in parsed.pages():
        page = context.existing.get(spec["id"])
        if page is None:
            parent = context.index if parent_id is None else pages[parent_id]
            slug_free = (
                parent_id is not None and parent_id not in context.existing
            ) or not parent.get_children().filter(slug=spec["slug"]).exists()
            writer.unresolved = False
            values = writer.fields(kind, spec)
            if not slug_free:
                values["slug"] = _temporary_slug()
            elif not writer.unresolved:
                fresh.add(spec["id"])
            if publish:  # live from the start: its one revision becomes the live one
                values.update(live=True, first_published_at=now, last_published_at=now)
            else:
                values["live"] = False
            instance = PAGE_MODELS[kind](translation_key=spec["id"], **values)
            page = parent.add_child(instance=instance)
            created.add(spec["id"])
        elif parent_id is not None and page.get_parent().pk != pages[parent_id].pk:
            page.move(pages[parent_id], pos="last-child")
            page = Page.objects.get(pk=page.pk).specific
        pages[spec["id"]] = page
        writer.pages[spec["id"]] = page.pk

    # 2. Pages the package no longer has go, as the admin deletes them.
    if context.course is not None:
        for page_id, page in context.existing.items():
            if page_id in pages or type(page) not in KIND_OF_MODEL:
                continue
            current = Page.objects.filter(pk=page.pk).first()
            if current is not None:
                DeletePageAction(current, user=writer.user).execute(skip_permission_checks=True)

    # 3. Order: the course's weeks, then its questionnaire and survey; each week's items.
    course = pages[parsed.course["id"]]
    children = [week["id"] for _folder, week, _items in parsed.weeks]
    children += [spec["id"] for spec in (parsed.questionnaire, parsed.survey) if spec]
    _reorder(course, [pages[key].pk for key in children])
    for _folder, week, items in parsed.weeks:
        _reorder(pages[week["id"]], [pages[spec["id"]].pk for _name, _kind, spec in items])

    # 4. Content: fields on every page first (so slugs are final), then revisions.
    to_publish = []
    for kind, spec, file, _parent_id in parsed.pages():
        action = actions.get((kind, spec["title"], file))
        if action in ("keep", "move"):
            continue
        if spec["id"] in fresh:
            to_publish.append(pages[spec["id"]])
            continue
        page = Page.objects.get(pk=pages[spec["id"]].pk).specific
        for name, value in writer.fields(kind, spec, _current(page)).items():
            setattr(page, name, value)
        page.save(clean=False)  # every row final before any publish checks its siblings' slugs
        to_publish.append(page)
    for page in to_publish:
        born_live = publish and str(page.translation_key) in created
        revision = page.save_revision(
            user=writer.user, clean=False, log_action=True, changed=not born_live
        )
        if born_live:
            Page.objects.filter(pk=page.pk).update(live_revision=revision)
        elif live:
            revision.publish(user=writer.user, skip_permission_checks=True)

    # 5. The course's check-in plan.
    course = CoursePage.objects.get(pk=course.pk)
    moments = parsed.course["checkins"]
    if moments is None:
        CheckInPlan.objects.filter(course=course).delete()
    else:
        CheckInPlan.objects.update_or_create(
            course=course, defaults={f"ask_{m}": m in moments for m in fmt.MOMENTS}
        )

    # 6. English versions of lessons, when the site offers English.
    if context.english is not None:
        _write_english(context, writer, pages, actions, live=live)
    return course


def _english_parent(week: WeekPage, locale: Locale) -> Page:
    """The week's English translation; Wagtail makes it (and missing ancestors) as aliases."""
    try:
        return week.get_translation(locale)
    except WeekPage.DoesNotExist:
        return week.copy_for_translation(locale, copy_parents=True, alias=True)


def _write_english(
    context: _Context, writer: _Writer, pages: dict, actions: dict, *, live: bool
) -> None:
    """Each twin becomes (or updates) its lesson's English translation, under the English
    translation of the lesson's week, in the weeks' order; English versions of removed
    lessons and weeks are deleted as the admin deletes them."""
    locale, parsed = context.english, context.parsed
    wanted = {spec["id"] for _kind, spec, _file, _parent in parsed.pages()}
    gone = [key for key, page in context.existing.items() if key not in wanted]
    for week in WeekPage.objects.filter(locale=locale, translation_key__in=gone):
        DeletePageAction(week, user=writer.user).execute(skip_permission_checks=True)
    for page_id, page in context.english_existing.items():
        current = Page.objects.filter(pk=page.pk).first()
        if page_id not in wanted and current is not None:
            DeletePageAction(current, user=writer.user).execute(skip_permission_checks=True)
    english_pks = {}
    for file, spec, week_id in parsed.twins:
        page = context.english_existing.get(spec["id"])
        if page is None:
            lesson = LessonPage.objects.get(pk=pages[spec["id"]].pk)
            page = lesson.copy_for_translation(locale, copy_parents=True)
        else:
            week = WeekPage.objects.get(pk=pages[week_id].pk)
            parent = _english_parent(week, locale)
            if page.get_parent().pk != parent.pk:
                Page.objects.get(pk=page.pk).move(parent, pos="last-child")
        english_pks[spec["id"]] = page.pk
        if actions.get(("translation", spec["title"], file)) == "keep":
            continue
        page = LessonPage.objects.get(pk=page.pk)
        for name, value in writer.fields("lesson", spec, _current(page)).items():
            setattr(page, name, value)
        page.save(clean=False)
        revision = page.save_revision(user=writer.user, clean=False, log_action=True)
        if live:
            revision.publish(user=writer.user, skip_permission_checks=True)
    for _folder, _week, items in parsed.weeks:
        order = [english_pks[spec["id"]] for _n, _k, spec in items if spec["id"] in english_pks]
        if order:
            _reorder(Page.objects.get(pk=order[0]).get_parent(), order)


def _reorder(parent: Page, wanted: list[int]) -> None:
    current = list(parent.get_children().values_list("pk", flat=True))
    listed = [pk for pk in current if pk in wanted]
    if listed == wanted:
        return
    for pk in wanted:
        Page.objects.get(pk=pk).move(Page.objects.get(pk=parent.pk), pos="last-child")


def course_package_import(
    *, archive, index: CourseIndexPage | None = None, user=None, publish: bool = False
):
    """Import ``archive``: a new course as a draft under ``index`` (default: the site's
    course list), or the course with the package's id updated in place. Returns the course.
    With ``publish`` the pages written go live (new ones are created live, one revision each).

    Raises PackageError, having written nothing, when the package has problems.
    """
    parsed = parse_package(_load(archive))
    context = _context(parsed, index)
    _plan(context)
    writer = _Writer(context, user)
    try:
        with transaction.atomic(), disable_reference_index_auto_update():
            course = _write(context, writer, publish=publish)
            for page in course.get_descendants(inclusive=True).specific():
                ReferenceIndex.create_or_update_for_object(page)  # once each, not per save
    except BaseException as error:
        for stored in writer.stored:
            stored.storage.delete(stored.name)
        if isinstance(error, ValidationError):  # a rule of a page model the checks missed
            raise PackageError(list(error.messages)) from error
        raise
    return course
