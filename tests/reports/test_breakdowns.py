"""Breakdowns by regency, district, sector, class and age band (issue 14, item 6), against a
small hand-built data set whose every figure is worked out here.

Course: 2 weeks × 1 lesson, a questionnaire (4 questions, 25 points each), a survey. Year 2026.

    learner business (regency, district, sector)  class born  lessons pre post cert survey
    a1      A (Sleman, Depok, culinary), owner     K1    1990  2       25  75   yes  yes
    a2      A, member                              K2    2005  1       50  -    -    -
    b1      B (Sleman, Mlati, craft)               K1    1998  2       75  50   -    -
    c1      C (Bantul, Kasihan, culinary), owner   K1    1978  2       50  100  yes  yes
    c2      C, member                              K2    -     0       -   -    -    -
    d1      D (Kota Yogyakarta, Kraton, craft)     K2    2010  1       100 -    -    -
    e1      E (Bantul, no district, craft)         -     1960  0       -   -    -    -
    h       no business                            K1    1800  2       0   50   revoked yes

K1 (Rina) starts 1 September, K2 (Dewi) 1 August. Who did both lessons holds a completion
record (a1 b1 c1 h); b1 sent no survey, so earned no certificate; h's was revoked.
"""

import uuid
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.http import QueryDict
from django.test import RequestFactory
from django.urls import reverse

from certificates.services import certificate_issue_if_earned, certificate_revoke
from courses import services as course_services
from courses.models import Cohort, CourseCompletion
from lms import roles
from lms.models import Sector
from quizzes import services as quiz_services
from reports import ages, selectors
from reports.filters import EnrolmentFilterSet
from tests.factories import (
    BusinessFactory,
    MembershipFactory,
    UserFactory,
    build_course,
    build_knowledge_check,
    build_survey,
    lessons_of,
)
from tests.reports.links import url
from tests.spreadsheets import read_csv, read_xlsx

pytestmark = pytest.mark.django_db

YEAR = 2026
RIGHT = {"q1": ["c1"], "q2": ["c3", "c4"], "q3": ["true"], "q4": ["600.000"]}
WRONG = {"q1": ["c2"], "q2": ["c5"], "q3": ["false"], "q4": ["1"]}
SURVEY = {"l1": ["5"], "l2": ["4"], "l3": ["3"], "o1": ["Bagus."], "o2": [""]}


def score(points):
    """Answers worth ``points`` (0, 25, 50, 75 or 100)."""
    right = list(RIGHT)[: points // 25]
    return {qid: (RIGHT if qid in right else WRONG)[qid] for qid in RIGHT}


class Towns:
    def __init__(self, **people):
        self.__dict__.update(people)


@pytest.fixture
def towns(db):
    course = build_course(weeks=2, lessons_per_week=1, slug="rincian")
    knowledge = build_knowledge_check(course)
    survey = build_survey(course)
    mentors = Group.objects.get(name=roles.MENTORS)
    rina = UserFactory(full_name="Rina", groups=[mentors])
    dewi = UserFactory(full_name="Dewi", groups=[mentors])
    k1 = Cohort.objects.create(name="K1", course=course, start_date="2026-09-01", mentor=rina)
    k2 = Cohort.objects.create(name="K2", course=course, start_date="2026-08-01", mentor=dewi)
    businesses = {
        name: BusinessFactory(name=name, regency=regency, district=district, sector=sector)
        for name, regency, district, sector in [
            ("A", "sleman", "Depok", "culinary"),
            ("B", "sleman", "Mlati", "craft"),
            ("C", "bantul", "Kasihan", "culinary"),
            ("D", "kota_yogyakarta", "Kraton", "craft"),
            ("E", "bantul", "", "craft"),
        ]
    }
    lessons = lessons_of(course)
    people = {}
    plan = [
        # name, business, owner, class, born, lessons, pre, post, survey
        ("a1", "A", True, k1, 1990, 2, 25, 75, True),
        ("a2", "A", False, k2, 2005, 1, 50, None, False),
        ("b1", "B", True, k1, 1998, 2, 75, 50, False),
        ("c1", "C", True, k1, 1978, 2, 50, 100, True),
        ("c2", "C", False, k2, None, 0, None, None, False),
        ("d1", "D", True, k2, 2010, 1, 100, None, False),
        ("e1", "E", True, None, 1960, 0, None, None, False),
        ("h", None, False, k1, 1800, 2, 0, 50, True),
    ]
    for name, business, is_owner, cohort, born, done, pre, post, answered in plan:
        learner = UserFactory(full_name=name, birth_year=born)
        if business:
            MembershipFactory(user=learner, business=businesses[business], is_owner=is_owner)
        course_services.enrolment_start(learner=learner, course=course, cohort=cohort)
        if pre is not None:
            quiz_services.attempt_submit(
                learner=learner, page=knowledge, raw_answers=score(pre), token=uuid.uuid4()
            )
        for lesson in lessons[:done]:
            course_services.lesson_mark_done(learner=learner, lesson=lesson)
        if done == len(lessons):
            CourseCompletion.objects.get_or_create(learner=learner, course=course)
        if post is not None:
            quiz_services.attempt_submit(
                learner=learner, page=knowledge, raw_answers=score(post), token=uuid.uuid4()
            )
        if answered:
            quiz_services.survey_submit(learner=learner, page=survey, raw_answers=SURVEY)
            certificate_issue_if_earned(learner=learner, course=course)
        people[name] = learner
    coordinator = UserFactory(
        full_name="Bambang", groups=[Group.objects.get(name=roles.COORDINATORS)]
    )
    certificate_revoke(
        certificate=people["h"].certificates.get(), by=UserFactory(is_superuser=True), reason="Uji"
    )
    return Towns(
        course=course, k1=k1, k2=k2, rina=rina, dewi=dewi, coordinator=coordinator, **people
    )


def scope(towns, user=None, **filters):
    """The scope a viewer gets with ``filters`` in the query string (a superuser by default)."""
    request = RequestFactory().get("/")
    request.user = user or UserFactory(is_superuser=True)
    data = QueryDict(mutable=True)
    data.update({"course": towns.course.pk, **filters})
    enrolments = selectors.enrolments_visible_to(request.user).filter(course=towns.course)
    filterset = EnrolmentFilterSet(data, queryset=enrolments, request=request)
    assert filterset.is_valid(), filterset.errors
    return selectors.scope_for(course=towns.course, enrolments=filterset.qs)


FIGURES = (
    "enrolled",
    "started",
    "completed",
    "completed_percent",
    "pre_mean",
    "post_mean",
    "paired",
    "mean_gain",
    "improved",
    "improved_share",
    "certificates",
    "survey_responses",
)


def table(rows):
    """``{label: (figures in FIGURES' order)}``, in the rows' order."""
    return {row.label: tuple(getattr(row, name) for name in FIGURES) for row in rows}


UNKNOWN, NO_CLASS = str(selectors.UNKNOWN), str(selectors.NO_CLASS)  # "Tidak diketahui"
CULINARY, CRAFT = str(Sector.CULINARY.label), str(Sector.CRAFT.label)


def D(value):
    return None if value is None else Decimal(value)


def pct(part, whole):
    return Decimal(part * 100) / whole


# (enrolled, started, completed, completed %, pre, post, paired, gain, improved, improved %,
# certificates, survey responses), per group, worked out from the table in the docstring.
EXPECTED = {
    "regency": {
        # d1
        "Kota Yogyakarta": (1, 1, 0, D(0), D(100), None, 0, None, 0, None, 0, 0),
        # a1 a2 b1: pre (25 + 50 + 75) / 3, post (75 + 50) / 2, gains +50 and -25
        "Sleman": (3, 3, 2, pct(2, 3), D(50), D("62.5"), 2, D("12.5"), 1, D(50), 1, 1),
        # c1 c2 e1
        "Bantul": (3, 1, 1, pct(1, 3), D(50), D(100), 1, D(50), 1, D(100), 1, 1),
        # h
        UNKNOWN: (1, 1, 1, D(100), D(0), D(50), 1, D(50), 1, D(100), 0, 1),
    },
    "district": {
        "Kraton (Kota Yogyakarta)": (1, 1, 0, D(0), D(100), None, 0, None, 0, None, 0, 0),
        # a1 a2
        "Depok (Sleman)": (2, 2, 1, D(50), D("37.5"), D(75), 1, D(50), 1, D(100), 1, 1),
        # b1
        "Mlati (Sleman)": (1, 1, 1, D(100), D(75), D(50), 1, D(-25), 0, D(0), 0, 0),
        # c1 c2
        "Kasihan (Bantul)": (2, 1, 1, D(50), D(50), D(100), 1, D(50), 1, D(100), 1, 1),
        # e1: a business with no district
        f"{UNKNOWN} (Bantul)": (1, 0, 0, D(0), None, None, 0, None, 0, None, 0, 0),
        # h: no business
        UNKNOWN: (1, 1, 1, D(100), D(0), D(50), 1, D(50), 1, D(100), 0, 1),
    },
    "sector": {
        # a1 a2 c1 c2: pre (25 + 50 + 50) / 3, post (75 + 100) / 2
        CULINARY: (4, 3, 2, D(50), pct(125, 300), D("87.5"), 2, D(50), 2, D(100), 2, 2),
        # b1 d1 e1
        CRAFT: (3, 2, 1, pct(1, 3), D("87.5"), D(50), 1, D(-25), 0, D(0), 0, 0),
        UNKNOWN: (1, 1, 1, D(100), D(0), D(50), 1, D(50), 1, D(100), 0, 1),
    },
    "cohort": {
        # K2 starts first: a2 c2 d1
        "K2": (3, 2, 0, D(0), D(75), None, 0, None, 0, None, 0, 0),
        # a1 b1 c1 h: pre (25 + 75 + 50 + 0) / 4, post (75 + 50 + 100 + 50) / 4,
        # gains +50 -25 +50 +50
        "K1": (4, 4, 4, D(100), D("37.5"), D("68.75"), 4, D("31.25"), 3, D(75), 2, 3),
        # e1
        NO_CLASS: (1, 0, 0, D(0), None, None, 0, None, 0, None, 0, 0),
    },
    "age_band": {
        "<18": (1, 1, 0, D(0), D(100), None, 0, None, 0, None, 0, 0),  # d1, 16
        "18-24": (1, 1, 0, D(0), D(50), None, 0, None, 0, None, 0, 0),  # a2, 21
        "25-34": (1, 1, 1, D(100), D(75), D(50), 1, D(-25), 0, D(0), 0, 0),  # b1, 28
        "35-44": (1, 1, 1, D(100), D(25), D(75), 1, D(50), 1, D(100), 1, 1),  # a1, 36
        "45-54": (1, 1, 1, D(100), D(50), D(100), 1, D(50), 1, D(100), 1, 1),  # c1, 48
        "55+": (1, 0, 0, D(0), None, None, 0, None, 0, None, 0, 0),  # e1, 66
        # c2 (no birth year) and h (born 1800)
        UNKNOWN: (2, 1, 1, D(50), D(0), D(50), 1, D(50), 1, D(100), 0, 1),
    },
}


def approx(figures):
    """Means rounded to 2 places (the databases differ beyond that)."""
    return tuple(round(value, 2) if isinstance(value, Decimal) else value for value in figures)


@pytest.mark.parametrize("dimension", selectors.DIMENSIONS)
def test_every_figure_of_every_group_in_order(towns, dimension):
    rows = selectors.breakdown(scope(towns), dimension, year=YEAR)
    got = {label: approx(figures) for label, figures in table(rows).items()}
    expected = {label: approx(figures) for label, figures in EXPECTED[dimension].items()}
    assert list(got) == list(expected)  # the order
    assert got == expected


def test_group_keys_are_what_a_filter_selects_them_by(towns):
    chosen = scope(towns)
    keys = {
        dimension: [row.key for row in selectors.breakdown(chosen, dimension, year=YEAR)]
        for dimension in selectors.DIMENSIONS
    }
    assert keys == {
        "regency": ["kota_yogyakarta", "sleman", "bantul", None],
        "district": ["Kraton", "Depok", "Mlati", "Kasihan", None, None],
        "sector": ["culinary", "craft", None],
        "cohort": [towns.k2.pk, towns.k1.pk, None],
        "age_band": ["<18", "18-24", "25-34", "35-44", "45-54", "55+", None],
    }


@pytest.mark.parametrize(
    "filters", [{}, {"regency": "sleman"}, {"sector": "craft"}, {"cohort": "k1"}]
)
def test_each_dimension_adds_up_to_the_overview(towns, filters):
    filters = {k: getattr(towns, v).pk if v in ("k1", "k2") else v for k, v in filters.items()}
    chosen = scope(towns, **filters)
    overview = selectors.course_overview(chosen)
    knowledge = overview.knowledge
    for dimension in selectors.DIMENSIONS:
        rows = selectors.breakdown(chosen, dimension, year=YEAR)
        total = {
            name: sum(getattr(row, name) for row in rows)
            for name in FIGURES
            if name
            in (
                "enrolled",
                "started",
                "completed",
                "paired",
                "improved",
                "certificates",
                "survey_responses",
            )
        }
        assert total == {
            "enrolled": overview.learners,
            "started": overview.started,
            "completed": overview.completed,
            "paired": knowledge.paired,
            "improved": knowledge.improved,
            "certificates": overview.certificates,
            "survey_responses": overview.survey_responses,
        }, dimension
        # The means, weighted by each group's learners, are the overview's.
        if knowledge.paired:
            gain = sum(row.mean_gain * row.paired for row in rows if row.paired) / knowledge.paired
            assert round(gain, 2) == round(knowledge.mean_gain, 2), dimension


def test_mentors_count_only_their_own_classes(towns):
    rows = selectors.breakdown(scope(towns, user=towns.dewi), "regency", year=YEAR)
    # Dewi's K2: d1 (Kota Yogyakarta), a2 (Sleman), c2 (Bantul); never K1's learners.
    assert [(row.label, row.enrolled, row.started, row.pre_mean) for row in rows] == [
        ("Kota Yogyakarta", 1, 1, Decimal(100)),
        ("Sleman", 1, 1, Decimal(50)),
        ("Bantul", 1, 0, None),
    ]
    [k2] = selectors.breakdown(scope(towns, user=towns.dewi), "cohort", year=YEAR)
    assert (k2.label, k2.enrolled) == ("K2", 3)


def test_a_completion_record_holds_after_a_lesson_is_added(towns):
    from courses.models import LessonPage, WeekPage

    week = WeekPage.objects.child_of(towns.course).first()
    week.add_child(instance=LessonPage(title="Baru", slug="baru", body=[]))
    [k2, k1, _none] = selectors.breakdown(scope(towns), "cohort", year=YEAR)
    assert (k1.completed, k1.completed_percent) == (4, Decimal(100))  # recorded, not recounted


def test_query_count_does_not_grow_with_the_groups(towns, django_assert_max_num_queries):
    chosen = scope(towns)
    with django_assert_max_num_queries(1):
        selectors.breakdown(chosen, "district", year=YEAR)
    # Five more districts, each with its own business and learner.
    for number in range(5):
        learner = UserFactory(birth_year=1980 + number)
        MembershipFactory(
            user=learner,
            business=BusinessFactory(regency="gunungkidul", district=f"Kapanewon {number}"),
            is_owner=True,
        )
        course_services.enrolment_start(learner=learner, course=towns.course)
    chosen = scope(towns)
    with django_assert_max_num_queries(1):
        every = selectors.breakdowns(chosen, year=YEAR)
    for dimension in selectors.DIMENSIONS:
        assert sum(row.enrolled for row in every[dimension]) == 13
    assert len(every["district"]) == 11


def test_unknown_dimension_is_refused(towns):
    with pytest.raises(ValueError, match="colour"):
        selectors.breakdown(scope(towns), "colour")


# Age bands: the pure rule, and the database's reading of the same table.


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (None, None),
        (2027, None),  # not born yet
        (2017, None),  # 9: implausible
        (2016, "<18"),  # 10
        (2009, "<18"),  # 17
        (2008, "18-24"),
        (2002, "18-24"),
        (2001, "25-34"),
        (1992, "25-34"),
        (1991, "35-44"),
        (1982, "35-44"),
        (1981, "45-54"),
        (1972, "45-54"),
        (1971, "55+"),
        (1926, "55+"),  # 100
        (1925, None),  # 101: implausible
        (1800, None),
    ],
)
def test_age_band_of_a_birth_year(born, band):
    assert ages.age_band(born, YEAR) == band
    assert selectors.age_band(born, YEAR) == band


def test_the_database_bands_every_birth_year_as_the_rule_does(db):
    from lms.models import User

    years = [None, *range(1900, YEAR + 3)]
    for number, born in enumerate(years):
        UserFactory(phone=f"+6281999{number:06d}", birth_year=born)
    rows = (
        User.objects.filter(phone__startswith="+6281999")
        .annotate(band=selectors.age_band_expression("birth_year", YEAR))
        .values_list("birth_year", "band")
    )
    assert len(rows) == len(years)
    assert all(band == ages.age_band(born, YEAR) for born, band in rows)


# The page and its export.


def test_page_shows_one_table_per_dimension(coordinator_client, towns):
    response = coordinator_client.get(url("breakdowns", course=towns.course.pk))
    assert response.status_code == 200
    tables = response.context["tables"]
    assert [table["name"] for table in tables] == list(selectors.DIMENSIONS)
    regency = {row["label"]: row for row in tables[0]["rows"]}
    assert list(regency) == list(EXPECTED["regency"])
    sleman = regency["Sleman"]
    assert (sleman["enrolled"], sleman["completed"], sleman["completed_percent"]) == (
        3,
        2,
        Decimal("66.7"),
    )
    page = response.content.decode()
    assert 'id="rincian-age_band"' in page
    assert "Kasihan (Bantul)" in page


def test_export_holds_every_row_of_every_dimension(coordinator_client, towns):
    header, *rows = read_csv(
        coordinator_client.get(url("breakdowns", course=towns.course.pk, export="csv"))
    )
    assert len(header) == 13
    chosen = scope(towns)
    expected = [
        row.label
        for dimension in selectors.DIMENSIONS
        for row in selectors.breakdown(chosen, dimension)
    ]
    assert [row[1] for row in rows] == expected
    assert len({row[0] for row in rows}) == 5  # the dimension column
    # Each dimension's rows add up to the 8 learners.
    totals = {}
    for row in rows:
        totals[row[0]] = totals.get(row[0], 0) + int(row[2])
    assert set(totals.values()) == {8}
    [sleman] = [row for row in rows if row[1] == "Sleman"]
    assert sleman[2:] == ["3", "3", "2", "66,7", "50,0", "62,5", "2", "12,5", "50,0", "1", "1"]
    response = coordinator_client.get(url("breakdowns", course=towns.course.pk, export="xlsx"))
    sheet = read_xlsx(response)
    assert sheet.max_row == len(rows) + 1


def test_mentor_page_and_export_count_only_their_classes(client, towns):
    client.force_login(towns.dewi)
    response = client.get(url("breakdowns", course=towns.course.pk))
    for table in response.context["tables"]:
        assert sum(row["enrolled"] for row in table["rows"]) == 3, table["name"]  # a2 c2 d1
    _header, *rows = read_csv(client.get(url("breakdowns", course=towns.course.pk, export="csv")))
    assert "K1" not in {row[1] for row in rows}
    assert sum(int(row[2]) for row in rows) == 3 * 5


def test_page_with_no_enrolments_says_so(coordinator_client, db):
    course = build_course(weeks=1, lessons_per_week=1, slug="kosong")
    response = coordinator_client.get(url("breakdowns", course=course.pk))
    assert response.status_code == 200
    assert response.context["tables"] == [
        {"name": name, "label": selectors.DIMENSION_LABELS[name], "rows": []}
        for name in selectors.DIMENSIONS
    ]
    _header, *rows = read_csv(coordinator_client.get(url("breakdowns", export="csv")))
    assert rows == []


def test_link_with_another_mentors_class_shows_nothing(client, towns):
    client.force_login(towns.dewi)
    response = client.get(url("breakdowns", course=towns.course.pk, cohort=towns.k1.pk))
    assert response.status_code == 200
    assert [item.name for item in response.context["dropped_filters"]] == ["cohort"]
    assert "tables" not in response.context
    _header, *rows = read_csv(
        client.get(url("breakdowns", course=towns.course.pk, cohort=towns.k1.pk, export="csv"))
    )
    assert rows == []


# The district filter, shared by every report.


def test_district_filter_offers_the_official_districts_by_regency(towns):
    """The official list (lms.districts, issue 18 item 3), the same for every viewer; more
    in tests/lms/test_districts.py."""
    from reports.filters import district_choices

    request = RequestFactory().get("/")
    request.user = towns.coordinator
    choices = district_choices(request)
    assert [(str(regency), len(districts)) for regency, districts in choices] == [
        ("Kota Yogyakarta", 14),
        ("Sleman", 17),
        ("Bantul", 17),
        ("Kulon Progo", 12),
        ("Gunungkidul", 18),
    ]
    assert ("Mlati", "Mlati") in choices[1][1]
    request.user = towns.dewi  # K2: a2 (A, Depok), c2 (C, Kasihan), d1 (D, Kraton)
    assert district_choices(request) == choices


def test_district_filter_narrows_every_figure(towns):
    chosen = scope(towns, district="Depok")
    assert [(row.label, row.enrolled) for row in selectors.breakdown(chosen, "regency")] == [
        ("Sleman", 2)  # a1 a2
    ]
    assert selectors.course_overview(chosen).learners == 2


def test_a_district_outside_the_mentors_classes_shows_nothing(client, towns):
    client.force_login(towns.dewi)
    response = client.get(url("businesses", course=towns.course.pk, district="Mlati"))
    assert response.context["dropped_filters"] == []
    assert not response.context["object_list"]
    response = client.get(url("businesses", course=towns.course.pk, district="Nowhere"))
    assert [item.name for item in response.context["dropped_filters"]] == ["district"]
    response = client.get(url("businesses", course=towns.course.pk, district="Depok"))
    assert [row.name for row in response.context["object_list"]] == ["A"]
    business = towns.a1.membership.business
    detail = client.get(
        reverse("reports:business", args=[business.pk]) + f"?course={towns.course.pk}"
    )
    assert "<dd>Depok</dd>" in detail.content.decode()


def test_a_learner_in_two_courses_counts_once_in_their_class(towns):
    other = build_course(weeks=1, lessons_per_week=1, slug="lain")
    k3 = Cohort.objects.create(name="K3", course=other, start_date="2026-07-01", mentor=towns.rina)
    for learner in (towns.a1, towns.c1, towns.e1):
        course_services.enrolment_start(learner=learner, course=other, cohort=k3)
    rows = selectors.breakdown(scope(towns), "cohort", year=YEAR)
    assert {row.label: approx(table([row])[row.label]) for row in rows} == {
        label: approx(figures) for label, figures in EXPECTED["cohort"].items()
    }


def test_fewer_dimensions_group_by_fewer_attributes_to_the_same_rows(
    towns, django_assert_num_queries
):
    """The evaluation report's dimensions (no class) are grouped without the class, in one
    query, and give the rows the breakdown page shows."""
    chosen = scope(towns)
    every = selectors.breakdowns(chosen, year=YEAR)
    dimensions = ("regency", "district", "sector", "age_band")
    with django_assert_num_queries(1):
        fewer = selectors.breakdowns(chosen, dimensions, year=YEAR)

    assert fewer == {dimension: every[dimension] for dimension in dimensions}
    _kota, sleman, bantul, unknown = fewer["regency"]
    assert (sleman.enrolled, sleman.paired, sleman.mean_gain) == (3, 2, Decimal(25) / 2)
    assert (bantul.enrolled, unknown.enrolled) == (3, 1)  # c1 c2 e1; h
