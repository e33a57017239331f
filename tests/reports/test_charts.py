import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from reports.charts import (
    LIKERT_LABELS,
    NO_ANSWERS,
    NO_DATA,
    bar_chart,
    bin_labels,
    histogram_counts,
    likert_chart,
    likert_mean,
    percent_bars,
    whole_percents,
)

FUNNEL = [("Enrolled", 120), ("Started", 60), ("Completed the course", 30)]
LIKERT = [
    ("The lessons were easy to follow", {1: 2, 2: 3, 3: 8, 4: 20, 5: 17}),
    ("I would recommend this course", {4: 1}),
    ("Nobody answered this", {}),
]
QUESTIONS = [
    ("What share of the selling price should you set aside for restocking first?", 42.5, 40),
    ("Which record shows cash coming in?", 91, 40),
    ("A question nobody answered yet", None, 0),
]


@pytest.fixture(autouse=True)
def english():
    """The expected texts below are the English source strings."""
    with translation.override("en"):
        yield


def percent(text: str) -> float:
    assert text.endswith("%")
    return float(text[:-1])


def parse(html: str) -> ET.Element:
    """Our own template output, which must be well-formed XML."""
    return ET.fromstring(f"<root>{html}</root>")  # noqa: S314 (not untrusted input)


def render(spec) -> ET.Element:
    with translation.override("en"):
        return parse(render_to_string("reports/includes/chart.html", {"spec": spec}))


def svg_of(root: ET.Element) -> ET.Element:
    (svg,) = root.iter("svg")
    return svg


def bars_of(root: ET.Element) -> list[ET.Element]:
    return svg_of(root).findall(".//rect[@class='report-chart__bar']")


def values_of(root: ET.Element) -> list[str]:
    return [text.text for text in svg_of(root).findall(".//text[@class='report-chart__value']")]


def table_of(root: ET.Element) -> list[list[str]]:
    return [
        ["".join(cell.itertext()).strip() for cell in row]
        for row in root.findall(".//details//table/tbody/tr")
    ]


# Bars


def test_bar_of_half_the_largest_value_is_half_as_long():
    chart = bar_chart("Funnel", FUNNEL)
    assert [percent(row.width) for row in chart.rows] == [100, 50, 25]


def test_bar_chart_scales_to_a_given_maximum_and_caps_longer_bars():
    chart = bar_chart("Funnel", [("A", 50), ("B", 300)], max_value=200)
    assert [row.width for row in chart.rows] == ["25%", "100%"]


def test_long_bars_print_their_value_inside_short_ones_after_the_end():
    chart = bar_chart("Funnel", FUNNEL)
    assert [row.inside for row in chart.rows] == [True, True, False]


def test_bar_chart_refuses_a_negative_value():
    with pytest.raises(ValueError, match="negative"):
        bar_chart("Funnel", [("A", -1)])


def test_bar_chart_without_rows_says_no_data_yet():
    chart = bar_chart("Funnel", [])
    assert chart.empty
    assert chart.svg_template == "reports/charts/empty.svg.html"


def test_bar_chart_of_zeros_draws_empty_bars_without_dividing_by_zero():
    chart = bar_chart("Funnel", [("Enrolled", 0), ("Started", 0)])
    assert not chart.empty
    assert [row.width for row in chart.rows] == ["0%", "0%"]


def test_long_label_wraps_to_two_lines_ending_in_an_ellipsis():
    chart = percent_bars("Questions", [("word " * 30, 50)])
    (row,) = chart.rows
    assert len(row.lines) == 2
    assert row.lines[-1].text.endswith("…")
    assert row.label == "word " * 30


def test_percent_bars_use_a_fixed_scale_and_refuse_more_than_100():
    chart = percent_bars("Questions", QUESTIONS)
    assert [row.width for row in chart.rows] == ["42.5%", "91%", "0%"]
    assert chart.rows[2].value is None
    with pytest.raises(ValueError, match="100"):
        percent_bars("Questions", [("A", 101)])


def test_percent_bars_with_only_unanswered_questions_say_no_data_yet():
    assert percent_bars("Questions", [("A", None)]).empty


# Likert


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=8))
def test_whole_percents_add_up_to_100_and_stay_within_one_of_the_exact_share(counts):
    shares = whole_percents(counts)
    if sum(counts):
        assert sum(shares) == 100
        for count, share in zip(counts, shares, strict=True):
            assert abs(share - count * 100 / sum(counts)) < 1
    else:
        assert shares == [0] * len(counts)


@given(
    st.dictionaries(st.integers(min_value=1, max_value=5), st.integers(min_value=0, max_value=500))
)
def test_likert_segments_fill_the_whole_bar_without_gaps(counts):
    (row,) = likert_chart("Survey", [("Item", counts)]).rows
    if not sum(counts.values()):
        assert row.segments == []
        return
    position = 0.0
    for segment in row.segments:
        assert percent(segment.x) == pytest.approx(position, abs=1e-9)
        position += percent(segment.width)
    assert position == pytest.approx(84, abs=1e-9)
    assert sum(segment.share for segment in row.segments) == 100


def test_likert_rows_keep_zero_levels_out_of_the_drawing_but_in_the_table():
    chart = likert_chart("Survey", LIKERT)
    assert [segment.level for segment in chart.rows[1].segments] == [4]
    assert chart.rows[1].segments[0].width == "84%"
    assert [cell.value for cell in chart.table.rows[1].cells] == [0, 0, 0, 1, 0, 1, Decimal(4)]
    assert chart.rows[2].segments == []
    assert chart.rows[2].mean is None


def test_likert_mean_weights_each_level_by_its_count():
    assert likert_mean({1: 1, 5: 3}) == Decimal(4)
    assert likert_mean({}) is None


def test_likert_chart_refuses_an_unknown_level():
    with pytest.raises(ValueError, match="1 to 5"):
        likert_chart("Survey", [("Item", {0: 3})])


def test_likert_chart_without_answers_says_no_data_yet():
    assert likert_chart("Survey", [("Item", {})]).empty
    assert likert_chart("Survey", []).empty


# Histogram


def test_bin_labels_read_like_score_bands():
    labels = bin_labels(bins=10, low=0, high=100, unit="%")
    assert labels[0] == "0–9%"
    assert labels[-1] == "90–100%"
    assert bin_labels(bins=4, low=0, high=10) == ["0–2.5", "2.5–5", "5–7.5", "7.5–10"]


def test_histogram_scales_every_series_to_the_largest_bin():
    chart = histogram_counts("Scores", {"Before": [3, 0], "After": [0, 1]}, range=(0, 100))
    assert [[bar.value for bar in group.bars] for group in chart.rows] == [[3, 0], [0, 1]]
    assert [[bar.width for bar in group.bars] for group in chart.rows] == [
        ["75%", "0%"],
        ["0%", "25%"],
    ]
    assert chart.table.rows[-1].cells[0].value == 3  # the total


def test_histogram_counts_refuse_series_of_different_lengths():
    with pytest.raises(ValueError, match="one count per bin"):
        histogram_counts("Scores", {"Before": [1, 2], "After": [1]})


def test_histogram_without_scores_says_no_data_yet():
    assert histogram_counts("Scores", {"Before": [0, 0], "After": [0, 0]}).empty
    assert histogram_counts("Scores", {}).empty


# Rendering


def all_charts():
    return [
        bar_chart("Where learners stop", FUNNEL, label_heading="Step", value_heading="Learners"),
        percent_bars("Percent correct per question", QUESTIONS),
        likert_chart("Survey", LIKERT),
        histogram_counts(
            "Scores before and after",
            {"Before": [1, 0, 0, 2, 0, 0, 0, 0, 1, 0], "After": [0, 0, 0, 0, 0, 0, 1, 0, 0, 2]},
        ),
    ]


@pytest.mark.parametrize("spec", all_charts(), ids=lambda spec: spec.kind)
def test_chart_renders_as_a_labelled_image_without_scripts_or_other_hosts(spec):
    html = render_to_string("reports/includes/chart.html", {"spec": spec})
    svg = svg_of(parse(html))
    assert svg.get("role") == "img"
    assert svg.get("width") == "100%"
    title_id, desc_id = svg.get("aria-labelledby").split()
    assert svg.find(f"title[@id='{title_id}']").text == spec.title
    assert svg.find(f"desc[@id='{desc_id}']").text
    assert "<script" not in html
    assert "http" not in html
    assert " style=" not in html  # nothing the site's Content-Security-Policy would block


def test_funnel_draws_one_bar_per_row_and_its_table_holds_the_same_numbers():
    root = render(all_charts()[0])
    assert len(bars_of(root)) == len(FUNNEL)
    assert values_of(root) == ["120", "60", "30"]
    assert table_of(root) == [
        ["Enrolled", "120"],
        ["Started", "60"],
        ["Completed the course", "30"],
    ]
    assert [th.text for th in root.findall(".//thead/tr/th")] == ["Step", "Learners"]


def test_percent_bars_keep_the_full_question_in_the_tooltip_and_the_table():
    root = render(all_charts()[1])
    assert len(bars_of(root)) == 2  # the unanswered question has no bar
    assert values_of(root) == ["43%", "91%"]
    tooltips = [title.text for title in svg_of(root).findall("g/title")]
    assert tooltips[0] == f"{QUESTIONS[0][0]}: 43%"
    assert tooltips[2] == f"{QUESTIONS[2][0]}: {NO_ANSWERS}"
    assert table_of(root) == [
        [QUESTIONS[0][0], "43%", "40"],
        [QUESTIONS[1][0], "91%", "40"],
        [QUESTIONS[2][0], "–", "0"],
    ]


def test_likert_draws_a_segment_per_answered_level_and_tables_counts_with_shares():
    root = render(all_charts()[2])
    assert len(bars_of(root)) == 5 + 1
    assert values_of(root) == ["3.9", "4.0", "–"]
    assert table_of(root)[0] == [LIKERT[0][0], "2 (4%)", "3 (6%)", "8 (16%)", "20 (40%)"] + [
        "17 (34%)",
        "50",
        "3.9",
    ]
    legend = [text.text for text in svg_of(root).findall("text") if text.get("dx") == "22"]
    with translation.override("en"):
        assert legend == [str(label) for label in LIKERT_LABELS.values()]


def test_histogram_draws_a_bar_per_series_and_bin_and_tables_the_counts():
    root = render(all_charts()[3])
    assert len(bars_of(root)) == 2 * 10
    table = table_of(root)
    assert table[3] == ["30–39%", "2", "0"]
    assert table[-1] == ["Total", "4", "3"]
    drawn = [int(value) for value in values_of(root)]
    assert drawn == [int(cell) for row in table[:-1] for cell in row[1:]]


def test_empty_chart_says_no_data_yet_and_has_no_table():
    root = render(bar_chart("Funnel", []))
    assert str(NO_DATA) in "".join(svg_of(root).itertext())
    assert bars_of(root) == []
    assert root.find(".//details") is None


def test_labels_are_escaped_into_well_formed_markup():
    root = render(bar_chart("Sales & <costs>", [("Tea & <coffee>", 3)]))
    assert svg_of(root).find("title").text == "Sales & <costs>"
    assert table_of(root) == [["Tea & <coffee>", "3"]]


def test_indonesian_numbers_use_a_comma_but_the_geometry_keeps_its_dot():
    with translation.override("id"):
        html = render_to_string("reports/includes/chart.html", {"spec": all_charts()[2]})
    assert ">3,9<" in html
    attributes = re.findall(r'(?:x|y|width|height)="([^"]*)"', html)
    assert attributes
    assert not [value for value in attributes if "," in value]
