from django import template

from ..selectors import course_assessments_for

register = template.Library()


@register.simple_tag(takes_context=True)
def course_assessments(context, course, enrolment):
    """The course's quizzes, questionnaire and survey for the learner viewing the page: as the
    course page's context read them (``courses.selectors.course_page_context``), else read."""
    if context.get("course_assessments") is not None:
        return context["course_assessments"]
    return course_assessments_for(
        course=course, learner=context["request"].user, enrolled=enrolment is not None
    )


@register.filter
def quiz_of(assessments, week_page):
    return assessments.quizzes.get(week_page.path)
