"""The package's files: where they are, in what order, and their YAML and Markdown (pure).

Every page is a dict (a "spec") with the same keys whether it was read from a file or from
the database, so ``write_*(spec)`` gives the file and ``parse_*(text)`` gives the spec back.
Pages and questions are named by their ids (a page's Wagtail translation_key, a question's
StreamField block id); files by their paths inside the package (``media/foto.jpg``).
"""

import re
import uuid
from decimal import Decimal, InvalidOperation

import yaml
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from . import bodies
from .errors import Problems

FORMAT_VERSION = 1
COURSE_FILE = "course.yaml"
QUESTIONNAIRE_FILE = "questionnaire.yaml"
SURVEY_FILE = "survey.yaml"
WEEK_FILE = "week.yaml"
QUIZ_FILE = "kuis.yaml"
MEDIA_DIR = "media"
MAX_TEXT_BYTES = 1024 * 1024  # one YAML or Markdown file; a long lesson is about 20 kB

WEEK_DIR = re.compile(r"^minggu-(\d{1,3})$")
LESSON_FILE = re.compile(r"^pelajaran-(\d{1,3})\.md$")
TWIN_FILE = re.compile(r"^pelajaran-(\d{1,3})\.en\.md$")  # a lesson's English version
ASSIGNMENT_FILE = re.compile(r"^tugas-(\d{1,3})\.md$")
MEDIA_FILE = re.compile(r"^media/[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")

PACINGS = ("self_paced", "weekly")
FEEDBACK = ("after_each", "once_passed")
MOMENTS = ("before", "end", "month_1", "month_3")
ACCEPTS = ("link", "photos", "text", "pdf")
QUESTION_TYPES = ("single_choice", "multiple_choice", "true_false", "numeric")
SURVEY_TYPES = ("likert", "open_text")

YAML_ALIAS = _("YAML anchors and aliases (& and *) are not allowed")
YAML_INVALID = _("the YAML cannot be read: %(error)s")
YAML_NOT_MAPPING = _("the file must be a list of “name: value” fields")
TEXT_TOO_BIG = _("the file is larger than %(limit)s kB")
TEXT_NOT_UTF8 = _("the file is not UTF-8 text")
FRONT_MATTER_MISSING = _("the file must start with its fields between two “---” lines")
FIELD_MISSING = _("the field %(field)s is missing")
FIELD_INVALID = _("the field %(field)s must be %(kind)s")
FIELD_CHOICE = _("the field %(field)s must be one of: %(choices)s")
FIELD_UNKNOWN = _("unknown field %(field)s")
ID_INVALID = _("%(id)s is not a valid id (a page's id looks like 3f2b…-…)")
FORMAT_UNKNOWN = _("this site reads package format %(known)s, not %(format)s")
COURSE_FILE_MISSING = _("course.yaml is missing: it is the first file of every package")
WEEK_FILE_MISSING = _("week.yaml is missing")
FILE_UNEXPECTED = _("this file has no place in a package (see docs/course-packages.md)")
ORDER_FILE_MISSING = _("%(name)s is in the order but not in the folder")
ORDER_FILE_UNLISTED = _("%(name)s is in the folder but not in the order")
QUIZ_CHOICES = _("question %(number)s needs at least two choices")
TWIN_ID = _("the id must be the Indonesian lesson's id (%(id)s) or be left out")
TWIN_BODY_MISSING = _("the English version has no text below its fields")
TWIN_WITHOUT_LESSON = _("there is no %(name)s for this English version")

KINDS = {
    str: _("text"),
    int: _("a whole number"),
    bool: _("true or false"),
    list: _("a list"),
    dict: _("a set of fields"),
}


# YAML -----------------------------------------------------------------------------------


class _AliasRefused(Exception):
    def __init__(self, line):
        self.line = line


class SafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader that also refuses anchors and aliases (the "billion laughs")."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _AliasRefused(event.start_mark.line + 1)
        return super().compose_node(parent, index)


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=style)


# Text choices (``Pacing.SELF_PACED``) are str subclasses: written as their plain value.
_Dumper.add_multi_representer(str, _str_representer)


def decode(data: bytes, *, file: str, problems: Problems) -> str | None:
    if len(data) > MAX_TEXT_BYTES:
        problems.add(TEXT_TOO_BIG, file=file, limit=MAX_TEXT_BYTES // 1024)
        return None
    try:
        return data.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError:
        problems.add(TEXT_NOT_UTF8, file=file)
        return None


def load_yaml(text: str, *, file: str, problems: Problems, line_offset: int = 0) -> dict | None:
    try:
        data = yaml.load(text, Loader=SafeLoader)  # noqa: S506 - safe loader without aliases
    except _AliasRefused as refused:
        problems.add(YAML_ALIAS, file=file, line=refused.line + line_offset)
        return None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else None
        reason = getattr(error, "problem", None) or str(error)
        problems.add(YAML_INVALID, file=file, line=line, error=reason)
        return None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        problems.add(YAML_NOT_MAPPING, file=file)
        return None
    return data


def dump_yaml(data: dict) -> str:
    return yaml.dump(
        data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000, indent=2
    )


def _markdown_file(fields: dict, body: str) -> str:
    text = f"---\n{dump_yaml(fields)}---\n"
    return f"{text}\n{body}\n" if body else text


# Reading fields -------------------------------------------------------------------------


class Fields:
    """Typed access to a file's fields; every problem is noted with the file's name."""

    def __init__(self, data: dict, *, file: str, problems: Problems, known: tuple):
        self.data, self.file, self.problems = data, file, problems
        for key in data:
            if key not in known:
                problems.add(FIELD_UNKNOWN, file=file, field=key)

    def get(self, key, kind=str, *, default=None, required=False, choices=None, limit=None):
        if key not in self.data or self.data[key] is None:
            if required:
                self.problems.add(FIELD_MISSING, file=self.file, field=key)
            return default
        value = self.data[key]
        if kind is str and isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if kind is int and isinstance(value, bool) or not isinstance(value, kind):
            self.problems.add(FIELD_INVALID, file=self.file, field=key, kind=KINDS[kind])
            return default
        if kind is str:
            value = value.strip()
            if limit and len(value) > limit:
                self.problems.add(bodies.TOO_LONG, file=self.file, what=key, limit=limit)
                return value[:limit]
        if choices is not None and value not in choices:
            self.problems.add(
                FIELD_CHOICE, file=self.file, field=key, choices=", ".join(map(str, choices))
            )
            return default
        return value

    def page_id(self) -> str:
        value = self.get("id")
        if value is None:
            return str(uuid.uuid4())
        try:
            return str(uuid.UUID(value))
        except ValueError:
            self.problems.add(ID_INVALID, file=self.file, id=value)
            return str(uuid.uuid4())

    def slug(self, title: str) -> str:
        return slugify(self.get("slug", default="") or title)[:255] or "halaman"

    def rich(self, key, features=bodies.INLINE) -> str:
        text = self.get(key, default="")
        return bodies.canonical(text, file=self.file, problems=self.problems, features=features)


def block_id(value, *, file: str, problems: Problems) -> str:
    if value is None or value == "":
        return str(uuid.uuid4())
    value = str(value)
    if not re.match(r"^[A-Za-z0-9_-]{1,64}$", value):
        problems.add(ID_INVALID, file=file, id=value)
        return str(uuid.uuid4())
    return value


def number(value) -> str:
    """A Decimal or number as few digits as it needs ("600000", "2.5")."""
    text = format(Decimal(str(value)).normalize(), "f")
    return text


def _yaml_number(text: str):
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(text)


def _decimal(value, *, file, problems, field):
    try:
        if isinstance(value, bool):
            raise InvalidOperation
        return number(value)
    except (InvalidOperation, ValueError, TypeError):
        problems.add(FIELD_INVALID, file=file, field=field, kind=_("a number"))
        return "0"


# course.yaml ----------------------------------------------------------------------------

COURSE_KEYS = (
    "format",
    "id",
    "title",
    "slug",
    "summary",
    "objectives",
    "hours_per_week",
    "pacing",
    "mentor_name",
    "mentor_phone",
    "cover",
    "certificate",
    "checkins",
)
CERTIFICATE_KEYS = ("lessons", "quizzes", "post_questionnaire", "survey", "template")


def parse_course(data: dict, *, problems: Problems) -> dict:
    file = COURSE_FILE
    fields = Fields(data, file=file, problems=problems, known=COURSE_KEYS)
    version = fields.get("format", int, default=FORMAT_VERSION)
    if version != FORMAT_VERSION:
        problems.add(FORMAT_UNKNOWN, file=file, known=FORMAT_VERSION, format=version)
    title = fields.get("title", required=True, default="", limit=255)
    certificate = fields.get("certificate", dict, default={})
    rule = Fields(certificate, file=file, problems=problems, known=CERTIFICATE_KEYS)
    objectives = fields.get("objectives", list, default=[])
    checkins = fields.get("checkins", list, default=None)
    if checkins is not None and any(moment not in MOMENTS for moment in checkins):
        problems.add(FIELD_CHOICE, file=file, field="checkins", choices=", ".join(MOMENTS))
        checkins = [moment for moment in checkins if moment in MOMENTS]
    return {
        "id": fields.page_id(),
        "title": title,
        "slug": fields.slug(title),
        "summary": fields.get("summary", required=True, default="", limit=400),
        "objectives": [str(item).strip()[:200] for item in objectives if str(item).strip()],
        "hours_per_week": fields.get("hours_per_week", int, default=3),
        "pacing": fields.get("pacing", default="self_paced", choices=PACINGS),
        "mentor_name": fields.get("mentor_name", default="", limit=150),
        "mentor_phone": fields.get("mentor_phone", default="", limit=16),
        "cover": fields.get("cover", default=""),
        "certificate": {
            "lessons": rule.get("lessons", bool, default=True),
            "quizzes": rule.get("quizzes", bool, default=True),
            "post_questionnaire": rule.get("post_questionnaire", bool, default=True),
            "survey": rule.get("survey", bool, default=True),
            "template": rule.get("template", default=None),
        },
        "checkins": [m for m in MOMENTS if m in checkins] if checkins is not None else None,
    }


def write_course(spec: dict) -> str:
    data = {"format": FORMAT_VERSION, "id": spec["id"], "title": spec["title"]}
    data["slug"] = spec["slug"]
    data["summary"] = spec["summary"]
    if spec["objectives"]:
        data["objectives"] = list(spec["objectives"])
    data["hours_per_week"] = spec["hours_per_week"]
    data["pacing"] = spec["pacing"]
    for key in ("mentor_name", "mentor_phone", "cover"):
        if spec[key]:
            data[key] = spec[key]
    data["certificate"] = dict(spec["certificate"])
    if spec["checkins"] is not None:
        data["checkins"] = list(spec["checkins"])
    return dump_yaml(data)


# week.yaml ------------------------------------------------------------------------------

WEEK_KEYS = ("id", "title", "slug", "summary", "order")


def parse_week(data: dict, *, file: str, problems: Problems) -> dict:
    fields = Fields(data, file=file, problems=problems, known=WEEK_KEYS)
    title = fields.get("title", required=True, default="", limit=255)
    order = fields.get("order", list, default=None)
    return {
        "id": fields.page_id(),
        "title": title,
        "slug": fields.slug(title),
        "summary": fields.get("summary", default="", limit=400),
        "order": [str(name) for name in order] if order is not None else None,
    }


def write_week(spec: dict) -> str:
    data = {"id": spec["id"], "title": spec["title"], "slug": spec["slug"]}
    if spec["summary"]:
        data["summary"] = spec["summary"]
    data["order"] = list(spec["order"])
    return dump_yaml(data)


# Questions (kuis.yaml, questionnaire.yaml) and survey.yaml --------------------------------

QUIZ_KEYS = (
    "id",
    "title",
    "slug",
    "intro",
    "pass_mark",
    "attempts_allowed",
    "shuffle",
    "feedback",
    "questions",
)
QUESTIONNAIRE_KEYS = ("id", "title", "slug", "intro", "questions")
QUESTION_KEYS = (
    "id",
    "type",
    "prompt",
    "explanation",
    "choices",
    "partial_credit",
    "answer",
    "tolerance",
    "unit",
)
CHOICE_KEYS = ("id", "text", "correct", "feedback")


def _parse_question(data, position, *, file, problems) -> dict | None:
    if not isinstance(data, dict):
        problems.add(FIELD_INVALID, file=file, field=f"questions[{position}]", kind=KINDS[dict])
        return None
    fields = Fields(data, file=file, problems=problems, known=QUESTION_KEYS)
    kind = fields.get("type", required=True, default="single_choice", choices=QUESTION_TYPES)
    question = {
        "id": block_id(data.get("id"), file=file, problems=problems),
        "type": kind,
        "prompt": fields.get("prompt", required=True, default="", limit=400),
        "explanation": fields.get("explanation", default="", limit=400),
    }
    if kind in ("single_choice", "multiple_choice"):
        choices = []
        for choice in fields.get("choices", list, default=[]):
            if not isinstance(choice, dict):
                problems.add(FIELD_INVALID, file=file, field="choices", kind=KINDS[dict])
                continue
            item = Fields(choice, file=file, problems=problems, known=CHOICE_KEYS)
            choices.append(
                {
                    "id": block_id(choice.get("id"), file=file, problems=problems),
                    "text": item.get("text", required=True, default="", limit=200),
                    "correct": item.get("correct", bool, default=False),
                    "feedback": item.get("feedback", default="", limit=400),
                }
            )
        if len(choices) < 2:
            problems.add(QUIZ_CHOICES, file=file, number=position)
        question["choices"] = choices
        if kind == "multiple_choice":
            question["partial_credit"] = fields.get("partial_credit", bool, default=False)
    elif kind == "true_false":
        question["answer"] = fields.get("answer", bool, required=True, default=True)
    else:
        question["answer"] = _decimal(
            data.get("answer", 0), file=file, problems=problems, field="answer"
        )
        question["tolerance"] = _decimal(
            data.get("tolerance", 0), file=file, problems=problems, field="tolerance"
        )
        question["unit"] = fields.get("unit", default="", limit=20)
    return question


def _write_question(question: dict) -> dict:
    data = {"id": question["id"], "type": question["type"], "prompt": question["prompt"]}
    if question["explanation"]:
        data["explanation"] = question["explanation"]
    if "choices" in question:
        data["choices"] = []
        for choice in question["choices"]:
            item = {"id": choice["id"], "text": choice["text"]}
            if choice["correct"]:
                item["correct"] = True
            if choice["feedback"]:
                item["feedback"] = choice["feedback"]
            data["choices"].append(item)
        if question.get("partial_credit"):
            data["partial_credit"] = True
    elif question["type"] == "true_false":
        data["answer"] = question["answer"]
    else:
        data["answer"] = _yaml_number(question["answer"])
        if question["tolerance"] != "0":
            data["tolerance"] = _yaml_number(question["tolerance"])
        if question["unit"]:
            data["unit"] = question["unit"]
    return data


def _questions(fields, *, file, problems) -> list[dict]:
    raw = fields.get("questions", list, required=True, default=[])
    found = [
        _parse_question(item, position, file=file, problems=problems)
        for position, item in enumerate(raw, start=1)
    ]
    return [question for question in found if question is not None]


def _assessment_head(fields: Fields, *, file: str, problems: Problems, **settings) -> dict:
    """A quiz's or questionnaire's spec: id, title, slug, intro, ``settings``, questions.

    ``settings`` name the page's own values, each with a function reading it from ``fields``;
    they are read after the intro and before the questions, so problems keep the file's order.
    """
    title = fields.get("title", required=True, default="", limit=255)
    head = {"id": fields.page_id(), "title": title, "slug": fields.slug(title)}
    head["intro"] = fields.rich("intro")
    head.update({name: read() for name, read in settings.items()})
    head["questions"] = _questions(fields, file=file, problems=problems)
    return head


def parse_quiz(data: dict, *, file: str, problems: Problems) -> dict:
    fields = Fields(data, file=file, problems=problems, known=QUIZ_KEYS)
    return _assessment_head(
        fields,
        file=file,
        problems=problems,
        pass_mark=lambda: fields.get("pass_mark", int, default=70, choices=range(0, 101)),
        attempts_allowed=lambda: fields.get("attempts_allowed", int, default=3),
        shuffle=lambda: fields.get("shuffle", bool, default=False),
        feedback=lambda: fields.get("feedback", default="after_each", choices=FEEDBACK),
    )


def parse_questionnaire(data: dict, *, file: str, problems: Problems) -> dict:
    fields = Fields(data, file=file, problems=problems, known=QUESTIONNAIRE_KEYS)
    return _assessment_head(fields, file=file, problems=problems)


def _page_head(spec: dict) -> dict:
    data = {"id": spec["id"], "title": spec["title"], "slug": spec["slug"]}
    if spec.get("intro"):
        data["intro"] = spec["intro"]
    return data


def write_quiz(spec: dict) -> str:
    data = _page_head(spec)
    data["pass_mark"] = spec["pass_mark"]
    data["attempts_allowed"] = spec["attempts_allowed"]
    if spec["shuffle"]:
        data["shuffle"] = True
    data["feedback"] = spec["feedback"]
    data["questions"] = [_write_question(question) for question in spec["questions"]]
    return dump_yaml(data)


def write_questionnaire(spec: dict) -> str:
    data = _page_head(spec)
    data["questions"] = [_write_question(question) for question in spec["questions"]]
    return dump_yaml(data)


SURVEY_KEYS = ("id", "title", "slug", "intro", "items")
ITEM_KEYS = ("id", "type", "prompt", "required")


def parse_survey(data: dict, *, file: str, problems: Problems) -> dict:
    fields = Fields(data, file=file, problems=problems, known=SURVEY_KEYS)
    title = fields.get("title", required=True, default="", limit=255)
    items = []
    for position, raw in enumerate(fields.get("items", list, required=True, default=[]), 1):
        if not isinstance(raw, dict):
            problems.add(FIELD_INVALID, file=file, field=f"items[{position}]", kind=KINDS[dict])
            continue
        item = Fields(raw, file=file, problems=problems, known=ITEM_KEYS)
        kind = item.get("type", required=True, default="likert", choices=SURVEY_TYPES)
        parsed = {
            "id": block_id(raw.get("id"), file=file, problems=problems),
            "type": kind,
            "prompt": item.get("prompt", required=True, default="", limit=300),
        }
        if kind == "open_text":
            parsed["required"] = item.get("required", bool, default=False)
        items.append(parsed)
    return {
        "id": fields.page_id(),
        "title": title,
        "slug": fields.slug(title),
        "intro": fields.rich("intro"),
        "items": items,
    }


def write_survey(spec: dict) -> str:
    data = _page_head(spec)
    data["items"] = []
    for item in spec["items"]:
        entry = {"id": item["id"], "type": item["type"], "prompt": item["prompt"]}
        if item.get("required"):
            entry["required"] = True
        data["items"].append(entry)
    return dump_yaml(data)


# Lessons and assignments (Markdown with front matter) ------------------------------------

LESSON_KEYS = ("id", "title", "slug", "minutes")
ASSIGNMENT_KEYS = (
    "id",
    "title",
    "slug",
    "accepts",
    "max_photos",
    "link_hosts",
    "per_business",
    "required_for_certificate",
    "rubric",
)


def _front_matter(text: str, *, file: str, problems: Problems):
    """(fields, tokens) of a Markdown file with front matter, or (None, None)."""
    tokens = bodies.parse_markdown(text)
    if not tokens or tokens[0].type != "front_matter":
        problems.add(FRONT_MATTER_MISSING, file=file, line=1)
        return None, None
    data = load_yaml(tokens[0].content, file=file, problems=problems, line_offset=1)
    return data, tokens


def parse_lesson(text: str, *, file: str, problems: Problems) -> dict | None:
    data, tokens = _front_matter(text, file=file, problems=problems)
    if data is None:
        return None
    fields = Fields(data, file=file, problems=problems, known=LESSON_KEYS)
    title = fields.get("title", required=True, default="", limit=255)
    return {
        "id": fields.page_id(),
        "title": title,
        "slug": fields.slug(title),
        "minutes": fields.get("minutes", int, default=15),
        "body": bodies.parse_body(text, file=file, problems=problems, tokens=tokens),
    }


def _field_line(text: str, key: str) -> int | None:
    """The line of ``key:`` in a Markdown file's front matter (the first line is 1)."""
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line.startswith("---"):
            return None
        if line.startswith(f"{key}:"):
            return number
    return None


def twin_lesson_name(name: str) -> str | None:
    """``pelajaran-1.md`` for ``pelajaran-1.en.md``; None for any other name."""
    found = TWIN_FILE.match(name)
    return f"pelajaran-{found.group(1)}.md" if found else None


def twin_name(lesson_name: str) -> str:
    return lesson_name.removesuffix(".md") + ".en.md"


def parse_lesson_twin(text: str, *, file: str, problems: Problems, lesson: dict) -> dict | None:
    """The English version of ``lesson`` (its spec): the same fields, the lesson's id.

    Its ``id`` may be left out; ``minutes`` defaults to the lesson's.
    """
    data, tokens = _front_matter(text, file=file, problems=problems)
    if data is None:
        return None
    fields = Fields(data, file=file, problems=problems, known=LESSON_KEYS)
    title = fields.get("title", required=True, default="", limit=255)
    given = fields.get("id")
    if given is not None and given.lower() != lesson["id"]:
        problems.add(TWIN_ID, file=file, line=_field_line(text, "id"), id=lesson["id"])
    body = bodies.parse_body(text, file=file, problems=problems, tokens=tokens)
    if not body:
        problems.add(TWIN_BODY_MISSING, file=file)
    return {
        "id": lesson["id"],
        "title": title,
        "slug": fields.slug(title),
        "minutes": fields.get("minutes", int, default=lesson["minutes"]),
        "body": body,
    }


def write_lesson(spec: dict) -> str:
    head = {"id": spec["id"], "title": spec["title"], "slug": spec["slug"]}
    head["minutes"] = spec["minutes"]
    return _markdown_file(head, bodies.write_body(spec["body"]))


def parse_assignment(text: str, *, file: str, problems: Problems) -> dict | None:
    data, tokens = _front_matter(text, file=file, problems=problems)
    if data is None:
        return None
    fields = Fields(data, file=file, problems=problems, known=ASSIGNMENT_KEYS)
    title = fields.get("title", required=True, default="", limit=255)
    accepts = fields.get("accepts", list, default=["link"])
    if any(kind not in ACCEPTS for kind in accepts):
        problems.add(FIELD_CHOICE, file=file, field="accepts", choices=", ".join(ACCEPTS))
    rubric = []
    for raw in fields.get("rubric", list, default=[]):
        if isinstance(raw, str):
            raw = {"text": raw}
        if not isinstance(raw, dict):
            problems.add(FIELD_INVALID, file=file, field="rubric", kind=KINDS[list])
            continue
        item = Fields(raw, file=file, problems=problems, known=("id", "text"))
        rubric.append(
            {
                "id": block_id(raw.get("id"), file=file, problems=problems),
                "text": item.get("text", required=True, default="", limit=200),
            }
        )
    end = tokens[0].map[1] if tokens[0].map else 0
    body = "\n".join(text.split("\n")[end:])
    return {
        "id": fields.page_id(),
        "title": title,
        "slug": fields.slug(title),
        "accepts": [kind for kind in ACCEPTS if kind in accepts],
        "max_photos": fields.get("max_photos", int, default=3, choices=range(1, 6)),
        "link_hosts": [str(h).strip().lower() for h in fields.get("link_hosts", list, default=[])],
        "per_business": fields.get("per_business", bool, default=False),
        "required_for_certificate": fields.get("required_for_certificate", bool, default=True),
        "rubric": rubric,
        "instructions": bodies.canonical(
            body,
            file=file,
            first_line=end + 1,
            problems=problems,
            features=bodies.ASSIGNMENT_TEXT,
        ),
    }


def write_assignment(spec: dict) -> str:
    head = {"id": spec["id"], "title": spec["title"], "slug": spec["slug"]}
    head["accepts"] = list(spec["accepts"])
    if "photos" in spec["accepts"]:
        head["max_photos"] = spec["max_photos"]
    if spec["link_hosts"]:
        head["link_hosts"] = list(spec["link_hosts"])
    head["per_business"] = spec["per_business"]
    head["required_for_certificate"] = spec["required_for_certificate"]
    if spec["rubric"]:
        head["rubric"] = [{"id": item["id"], "text": item["text"]} for item in spec["rubric"]]
    return _markdown_file(head, spec["instructions"])


# Paths and order ------------------------------------------------------------------------


def item_kind(name: str) -> str | None:
    if LESSON_FILE.match(name):
        return "lesson"
    if ASSIGNMENT_FILE.match(name):
        return "assignment"
    if name == QUIZ_FILE:
        return "quiz"
    return None


def default_order(names) -> list[str]:
    """Lessons by number, then assignments by number, then the quiz."""
    rank = {"lesson": 0, "assignment": 1, "quiz": 2}

    def key(name):
        found = re.search(r"(\d+)", name)
        return (rank[item_kind(name)], int(found.group(1)) if found else 0, name)

    return sorted((name for name in names if item_kind(name)), key=key)


def layout(paths, *, problems: Problems):
    """The package's weeks in order, as [(folder, [item names])], from its file paths.

    Checks every path has a place: course.yaml, questionnaire.yaml, survey.yaml at the top,
    week folders with week.yaml and items, and media/ files.
    """
    weeks: dict[str, set] = {}
    for path in paths:
        if path in (COURSE_FILE, QUESTIONNAIRE_FILE, SURVEY_FILE) or MEDIA_FILE.match(path):
            continue
        folder, _slash, name = path.partition("/")
        in_week = name == WEEK_FILE or item_kind(name) or TWIN_FILE.match(name)
        if WEEK_DIR.match(folder) and "/" not in name and in_week:
            weeks.setdefault(folder, set()).add(name)
            continue
        problems.add(FILE_UNEXPECTED, file=path)
    if COURSE_FILE not in paths:
        problems.add(COURSE_FILE_MISSING)
    ordered = sorted(weeks, key=lambda folder: int(WEEK_DIR.match(folder).group(1)))
    result = []
    for folder in ordered:
        names = weeks[folder]
        if WEEK_FILE not in names:
            problems.add(WEEK_FILE_MISSING, file=f"{folder}/{WEEK_FILE}")
        result.append((folder, sorted(names - {WEEK_FILE})))
    return result


def week_order(folder: str, names: list[str], order: list[str] | None, *, problems) -> list[str]:
    """The week's items in order; English versions (``*.en.md``) are not items of their own."""
    names = [name for name in names if item_kind(name)]
    if order is None:
        return default_order(names)
    file = f"{folder}/{WEEK_FILE}"
    for name in order:
        if name not in names:
            problems.add(ORDER_FILE_MISSING, file=file, name=name)
    for name in names:
        if name not in order:
            problems.add(ORDER_FILE_UNLISTED, file=file, name=name)
    return [name for name in order if name in names]
