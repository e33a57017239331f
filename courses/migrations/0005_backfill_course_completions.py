"""Completion records for learners who completed a course before the records existed.

A learner completed when, on today's content, they did every lesson and passed the quiz of
every week holding no lesson (``courses.progress``): completed at their last such step. A
holder of a valid certificate completed too, at the earlier of their last lesson and the
certificate's first issue; what was required of them is what they had done, so lessons added
since show as new. Written with the historical models (no app code), once per learner and
course (records already there are kept).
"""

from django.db import migrations
from django.db.models import Count, Max, Min

STEPLEN = 4  # treebeard's path step, as in wagtail.models.Page


def _outline(apps, course):
    """Live weeks in order: (lesson ids, quiz id of a week holding no lesson or None)."""
    WeekPage = apps.get_model("courses", "WeekPage")
    LessonPage = apps.get_model("courses", "LessonPage")
    QuizPage = apps.get_model("quizzes", "QuizPage")
    weeks = WeekPage.objects.filter(
        live=True, depth=course.depth + 1, path__startswith=course.path
    ).order_by("path")
    lessons, quizzes = {}, {}
    for pk, path in (
        LessonPage.objects.filter(live=True, depth=course.depth + 2, path__startswith=course.path)
        .order_by("path")
        .values_list("pk", "path")
    ):
        lessons.setdefault(path[:-STEPLEN], []).append(pk)
    for pk, path in (
        QuizPage.objects.filter(live=True, depth=course.depth + 2, path__startswith=course.path)
        .order_by("path")
        .values_list("pk", "path")
    ):
        quizzes.setdefault(path[:-STEPLEN], pk)
    return [
        (lessons.get(week.path, []), None if lessons.get(week.path) else quizzes.get(week.path))
        for week in weeks
    ]


def backfill_course_completions(apps, schema_editor):
    CoursePage = apps.get_model("courses", "CoursePage")
    LessonCompletion = apps.get_model("courses", "LessonCompletion")
    CourseCompletion = apps.get_model("courses", "CourseCompletion")
    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    Certificate = apps.get_model("certificates", "Certificate")
    for course in CoursePage.objects.all():
        outline = _outline(apps, course)
        lesson_ids = [pk for lessons, _quiz in outline for pk in lessons]
        quiz_ids = [quiz for _lessons, quiz in outline if quiz]
        if not lesson_ids and not quiz_ids:
            continue
        required = {"lesson_ids": lesson_ids, "quiz_ids": quiz_ids}
        known = set(
            CourseCompletion.objects.filter(course=course).values_list("learner_id", flat=True)
        )
        steps = {}  # learner id -> [requirements met, last one met at]
        for row in (
            LessonCompletion.objects.filter(course=course, lesson_id__in=lesson_ids)
            .values("learner_id")
            .annotate(done=Count("lesson_id", distinct=True), last=Max("completed_at"))
        ):
            steps[row["learner_id"]] = [row["done"], row["last"]]
        for row in (
            QuizAttempt.objects.filter(page_id__in=quiz_ids, phase="quiz", passed=True)
            .values("learner_id", "page_id")
            .annotate(first=Min("submitted_at"))
        ):
            met = steps.setdefault(row["learner_id"], [0, row["first"]])
            met[0] += 1
            met[1] = max(met[1], row["first"])
        records = {}
        total = len(lesson_ids) + len(quiz_ids)
        for learner_id, (met, last) in steps.items():
            if met == total and learner_id not in known:
                records[learner_id] = CourseCompletion(
                    learner_id=learner_id, course=course, completed_at=last, required=required
                )
        holders = (
            Certificate.objects.filter(
                course=course,
                learner__isnull=False,
                replaced_at__isnull=True,
                revoked_at__isnull=True,
            )
            .exclude(learner_id__in=known | set(records))
            .values_list("learner_id", flat=True)
        )
        for learner_id in holders:
            issued = Certificate.objects.filter(course=course, learner_id=learner_id).aggregate(
                first=Min("issued_at")
            )["first"]
            done = LessonCompletion.objects.filter(
                course=course, learner_id=learner_id, lesson_id__in=lesson_ids
            )
            last = done.aggregate(last=Max("completed_at"))["last"]
            done_ids = set(done.values_list("lesson_id", flat=True))
            records[learner_id] = CourseCompletion(
                learner_id=learner_id,
                course=course,
                completed_at=min(last, issued) if last else issued,
                required={
                    "lesson_ids": [pk for pk in lesson_ids if pk in done_ids],
                    "quiz_ids": list(
                        QuizAttempt.objects.filter(
                            learner_id=learner_id, page_id__in=quiz_ids, phase="quiz", passed=True
                        )
                        .values_list("page_id", flat=True)
                        .distinct()
                    ),
                },
            )
        CourseCompletion.objects.bulk_create(
            records.values(), batch_size=1000, ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_alter_certificatetemplate_body"),
        ("courses", "0004_course_completion"),
        ("quizzes", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(backfill_course_completions, migrations.RunPython.noop),
    ]
