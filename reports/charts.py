"""Charts for the coordinators' dashboard: plain values in, a drawing "spec" out.

No database, no request, no drawing library. Each function returns a dataclass that the
templates in ``templates/reports/charts/`` turn into an inline ``<svg>`` plus a table holding
the same figures (``templates/reports/includes/chart.html`` renders both for any spec).

Geometry: the SVG is ``width="100%"`` with a fixed height and no viewBox. Every x position and
width is a percent of the chart's width and every y position and height is in CSS pixels, so the
bars stretch from phone to laptop while the text keeps its size (a viewBox would shrink 16px text
to 9px on a phone). Geometry reaches the template as ready-made strings ("62.5%") or ints: Django
would print a float as "62,5" in Indonesian, which an SVG attribute does not accept.

Colours keep white text readable inside a bar (4.5:1) and the bar visible on white and on the
admin's dark theme (3:1); text outside the bars is ``currentColor``.
"""

import math
import textwrap
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from quizzes.blocks import LIKERT_LABELS  # the words learners chose from

Number = int | float | Decimal

# The templates print these with {% translate %}.
NO_DATA = _("No data yet")
NO_ANSWERS = _("No answers yet")

# Fills and the text colour that reads on each.
BAR = "#007d7e"  # teal: 5.0:1 against white, 3.1:1 against the admin's dark grey
BAR_TEXT = "#ffffff"
SERIES = [("#b35806", "#ffffff"), ("#007d7e", "#ffffff"), ("#5e3c99", "#ffffff")]
# Diverging orange → blue (no red-green pair), darker at both ends.
LIKERT = {
    1: ("#b35806", "#ffffff"),
    2: ("#f1a340", "#111111"),
    3: ("#d9d9d9", "#111111"),
    4: ("#92c5de", "#111111"),
    5: ("#0571b0", "#ffffff"),
}
GRID = "#8c8c8c"  # 3.4:1 on white, 5:1 on dark grey

# Sizes in CSS pixels. A label line holds about LABEL_CHARS characters of 16px text in the
# 320px a phone leaves for the chart; longer labels wrap, then end in "…" (the full text is in
# the bar's tooltip and in the table).
TEXT = 16
SMALL = 14
LINE = 20
LABEL_CHARS = 34
LABEL_LINES = 2
BAR_HEIGHT = 28
ROW_GAP = 16
HISTOGRAM_SCALE = 75.0  # percent of the width the longest histogram bar takes
HISTOGRAM_BAR_HEIGHT = 22
LIKERT_BAR_HEIGHT = 32
LIKERT_BAR_SHARE = 84.0  # percent of the width a Likert row's bar takes; its mean follows
INSIDE_FROM = 0.5  # a bar at least this share of the width prints its value inside itself


@dataclass(frozen=True)
class TextLine:
    text: str
    y: int  # baseline


@dataclass(frozen=True)
class Cell:
    """One figure of the table, formatted by the template (``floatformat:decimals`` + suffix)."""

    value: Number | None  # None prints a dash
    decimals: int = 0
    suffix: str = ""
    share: int | None = None  # percent of the row, printed after the value


@dataclass(frozen=True)
class TableRow:
    heading: str
    cells: list[Cell]


@dataclass(frozen=True)
class Table:
    headings: list[str]  # the first heads the row labels
    rows: list[TableRow]


@dataclass(frozen=True)
class LegendItem:
    label: str
    fill: str
    x: str  # percent
    y: int  # top of the swatch


@dataclass(frozen=True)
class Tick:
    label: str
    x: str
    anchor: str  # text-anchor: start, middle or end


@dataclass
class Chart:
    """What every chart template needs. ``rows`` are the drawn rows, ``table`` their figures."""

    kind: str  # "bar", "likert" or "histogram": picks reports/charts/<kind>.svg.html
    title: str
    id: str  # unique on the page: prefixes the ids of <title> and <desc>
    description: str  # the <desc>: what the chart shows, for screen readers
    height: int
    table: Table
    rows: list = field(default_factory=list)
    legend: list[LegendItem] = field(default_factory=list)
    empty: bool = False

    @property
    def svg_template(self) -> str:
        kind = "empty" if self.empty else self.kind
        return f"reports/charts/{kind}.svg.html"


@dataclass(frozen=True)
class BarRow:
    label: str
    lines: list[TextLine]
    value: Number | None  # None: nothing to draw, the row says "No answers yet"
    y: int
    width: str
    value_x: str
    value_y: int
    inside: bool  # the value is printed inside the bar's end, in BAR_TEXT


@dataclass
class BarChart(Chart):
    bar_height: int = BAR_HEIGHT
    fill: str = BAR
    text_fill: str = BAR_TEXT
    decimals: int = 0
    unit: str = ""
    ticks: list[Tick] = field(default_factory=list)  # percent_bars: gridlines and a track
    grid: str = GRID


@dataclass(frozen=True)
class Segment:
    level: int
    count: int
    share: int  # whole percent; a row's shares add up to 100
    x: str
    width: str
    text_x: str  # the segment's middle
    fill: str
    text_fill: str
    show_share: bool  # wide enough to print its share


@dataclass(frozen=True)
class LikertRow:
    label: str
    lines: list[TextLine]
    answers: int
    mean: Decimal | None
    segments: list[Segment]  # only levels with answers
    y: int
    text_y: int


@dataclass
class LikertChart(Chart):
    bar_height: int = LIKERT_BAR_HEIGHT
    bar_width: str = f"{LIKERT_BAR_SHARE:g}%"
    mean_heading: str = ""
    mean_heading_y: int = 0
    grid: str = GRID


@dataclass(frozen=True)
class HistogramBar:
    """One bar of a group: a histogram's, or a paired chart's before or after bar."""

    series: str
    value: Number | None  # None (paired charts): no bar, "No answers yet"
    y: int
    width: str
    value_x: str
    value_y: int
    inside: bool
    fill: str
    text_fill: str


@dataclass(frozen=True)
class HistogramGroup:
    label: str
    label_y: int
    bars: list[HistogramBar]


@dataclass
class Histogram(Chart):
    bar_height: int = HISTOGRAM_BAR_HEIGHT
    bar_x: str = f"{100 - HISTOGRAM_SCALE:g}%"  # bars run from here to the right edge
    label_x: str = "23%"
    axis_top: int = 0  # the zero line left of the bars
    axis_bottom: int = 0
    grid: str = GRID


def _pct(value: float) -> str:
    """A percent for an SVG attribute, with a dot and at most two decimals: "62.5%"."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text}%"


def _chart_id(kind: str, title, data) -> str:
    return f"chart-{zlib.crc32(repr((kind, str(title), data)).encode()):08x}"


def _lines(label: str, top: int, *, chars: int = LABEL_CHARS) -> list[TextLine]:
    wrapped = textwrap.wrap(str(label), width=chars, max_lines=LABEL_LINES, placeholder=" …")
    return [TextLine(text, top + 15 + LINE * number) for number, text in enumerate(wrapped or [""])]


def _legend(items: list[tuple[str, str]], top: int) -> list[LegendItem]:
    """Legend entries one under the other: side by side, long labels ("Sangat tidak setuju")
    would run into each other on a phone."""
    return [LegendItem(label, fill, "0%", top + LINE * n) for n, (label, fill) in enumerate(items)]


def _check_value(value) -> None:
    if value is not None and value < 0:
        raise ValueError(f"A chart cannot draw a negative value: {value}")


def _bar_row(label, value, top, share) -> tuple[BarRow, int]:
    lines = _lines(label, top)
    y = top + LINE * len(lines) + 4
    row = BarRow(
        label=str(label),
        lines=lines,
        value=value,
        y=y,
        width=_pct(100 * share),
        value_x=_pct(100 * share),
        value_y=y + BAR_HEIGHT // 2 + 6,
        inside=share >= INSIDE_FROM,
    )
    return row, y + BAR_HEIGHT + ROW_GAP


def _bars(
    title,
    rows,
    *,
    scale: float,
    top: int,
    decimals: int,
    unit: str,
    headings: list[str],
    description,
    id,
    ticks=(),
    extra_cells=None,
) -> BarChart:
    drawn, table_rows = [], []
    cursor = top
    for number, (label, value) in enumerate(rows):
        share = min(float(value) / scale, 1.0) if value is not None and scale else 0.0
        row, cursor = _bar_row(label, value, cursor, share)
        drawn.append(row)
        cells = [Cell(value, decimals, unit)]
        if extra_cells is not None:
            cells += extra_cells[number]
        table_rows.append(TableRow(str(label), cells))
    empty = all(value is None for _label, value in rows)
    return BarChart(
        kind="bar",
        title=title,
        id=id or _chart_id("bar", title, rows),
        description=description,
        height=cursor - ROW_GAP + 4 if drawn else 0,
        table=Table(headings, table_rows),
        rows=drawn,
        empty=empty,
        decimals=decimals,
        unit=unit,
        ticks=list(ticks),
    )


def bar_chart(
    title,
    rows: Sequence[tuple[str, Number | None]],
    *,
    max_value: Number | None = None,
    unit: str = "",
    decimals: int = 0,
    label_heading=None,
    value_heading=None,
    description=None,
    id: str | None = None,
) -> BarChart:
    """Horizontal bars, one per (label, value) row, scaled to ``max_value`` (default: the
    largest value), each with its label above and its value at its end. Fits funnels.

    A value above ``max_value`` draws a full bar; a negative one is refused (ValueError);
    None draws no bar. Without any value the chart says "No data yet"."""
    rows = [(str(label), value) for label, value in rows]
    for _label, value in rows:
        _check_value(value)
    values = [float(value) for _label, value in rows if value is not None]
    scale = float(max_value) if max_value is not None else max(values, default=0.0)
    return _bars(
        title,
        rows,
        scale=scale,
        top=4,
        decimals=decimals,
        unit=unit,
        headings=[label_heading or _("Item"), value_heading or _("Number")],
        description=description
        or _(
            "Horizontal bars, one per row, scaled to the largest value. "
            "The same figures are in the table under “Show as table”."
        ),
        id=id,
    )


def percent_bars(
    title,
    rows: Sequence[tuple[str, Number | None] | tuple[str, Number | None, int]],
    *,
    label_heading=None,
    value_heading=None,
    count_heading=None,
    description=None,
    id: str | None = None,
) -> BarChart:
    """Horizontal bars on a fixed 0–100% scale with gridlines every 25%, e.g. percent correct
    per question. A row may carry a third value, how many answers the percent is of, shown in
    the table. A percent of None (no answers) draws no bar and says "No answers yet"."""
    rows = [(str(row[0]), *row[1:]) for row in rows]
    for row in rows:
        _check_value(row[1])
        if row[1] is not None and row[1] > 100:
            raise ValueError(f"A percent cannot exceed 100: {row[1]}")
    with_counts = any(len(row) > 2 for row in rows)
    headings = [label_heading or _("Item"), value_heading or _("Percent")]
    extra = None
    if with_counts:
        headings.append(count_heading or _("Answers"))
        extra = [[Cell(row[2] if len(row) > 2 else None)] for row in rows]
    ticks = [
        Tick(f"{step}%", _pct(step), "start" if step == 0 else "end" if step == 100 else "middle")
        for step in (0, 25, 50, 75, 100)
    ]
    return _bars(
        title,
        [(row[0], row[1]) for row in rows],
        scale=100.0,
        top=LINE + 8,
        decimals=0,
        unit="%",
        headings=headings,
        description=description
        or _(
            "Horizontal bars on a scale from 0 to 100 percent, one per row. "
            "The same figures are in the table under “Show as table”."
        ),
        id=id,
        ticks=ticks,
        extra_cells=extra,
    )


def whole_percents(counts: Sequence[int]) -> list[int]:
    """Each count's whole-number percent of the total, adding up to exactly 100 (the largest
    remainders are rounded up). All zeros give all zeros."""
    total = sum(counts)
    if not total:
        return [0 for _count in counts]
    exact = [count * 100 / total for count in counts]
    shares = [math.floor(value) for value in exact]
    by_remainder = sorted(
        range(len(counts)), key=lambda number: exact[number] - shares[number], reverse=True
    )
    for number in by_remainder[: 100 - sum(shares)]:
        shares[number] += 1
    return shares


def likert_mean(counts: Mapping[int, int]) -> Decimal | None:
    """The mean answer (1..5), or None without answers."""
    answers = sum(counts.values())
    if not answers:
        return None
    return Decimal(sum(level * count for level, count in counts.items())) / answers


def likert_chart(
    title,
    items: Sequence[tuple[str, Mapping[int, int]]],
    *,
    label_heading=None,
    description=None,
    id: str | None = None,
) -> LikertChart:
    """One 100%-wide stacked bar per agree/disagree statement: (prompt, {level: count}) with
    levels 1 (strongly disagree) to 5 (strongly agree); a missing level counts 0. Each segment
    prints its share when wide enough; the mean (1–5) is printed at the row's end."""
    legend = _legend([(LIKERT_LABELS[level], LIKERT[level][0]) for level in LIKERT], 0)
    mean_heading_y = len(legend) * LINE + 8 + 15
    cursor = mean_heading_y + 6
    bar_height, bar_share = LIKERT_BAR_HEIGHT, LIKERT_BAR_SHARE
    drawn, table_rows = [], []
    for label, raw in items:
        if set(raw) - set(LIKERT):
            raise ValueError(f"Likert levels run from 1 to 5, not {sorted(set(raw) - set(LIKERT))}")
        counts = {level: int(raw.get(level, 0)) for level in LIKERT}
        for count in counts.values():
            _check_value(count)
        answers = sum(counts.values())
        shares = whole_percents(list(counts.values()))
        segments, start = [], 0
        for (level, count), share in zip(counts.items(), shares, strict=True):
            if count:
                # Rounded ends, so neighbours meet exactly and the last ends at bar_share.
                left = round(bar_share * start / answers, 2)
                right = round(bar_share * (start + count) / answers, 2)
                segments.append(
                    Segment(
                        level=level,
                        count=count,
                        share=share,
                        x=_pct(left),
                        width=_pct(right - left),
                        text_x=_pct((left + right) / 2),
                        fill=LIKERT[level][0],
                        text_fill=LIKERT[level][1],
                        show_share=right - left >= 10,
                    )
                )
                start += count
        lines = _lines(label, cursor)
        y = cursor + LINE * len(lines) + 4
        mean = likert_mean(counts)
        drawn.append(
            LikertRow(
                label=str(label),
                lines=lines,
                answers=answers,
                mean=mean,
                segments=segments,
                y=y,
                text_y=y + bar_height // 2 + 5,
            )
        )
        cursor = y + bar_height + ROW_GAP
        table_rows.append(
            TableRow(
                str(label),
                [
                    *(
                        Cell(count, share=share)
                        for count, share in zip(counts.values(), shares, strict=True)
                    ),
                    Cell(answers),
                    Cell(mean, 1),
                ],
            )
        )
    items = [(str(label), dict(raw)) for label, raw in items]
    mean_heading = _("Mean (1–5)")
    return LikertChart(
        kind="likert",
        title=title,
        id=id or _chart_id("likert", title, items),
        description=description
        or _(
            "One bar per statement, split by how many learners chose each answer from strongly "
            "disagree to strongly agree, with the mean from 1 to 5. The same figures are in the "
            "table under “Show as table”."
        ),
        height=cursor - ROW_GAP + 4,
        table=Table(
            [
                label_heading or _("Statement"),
                *LIKERT_LABELS.values(),
                _("Answers"),
                mean_heading,
            ],
            table_rows,
        ),
        rows=drawn,
        legend=legend,
        empty=not any(row.answers for row in drawn),
        mean_heading=mean_heading,
        mean_heading_y=mean_heading_y,
    )


def _bounds(bins: int, low: Number, high: Number) -> tuple[float, float, float]:
    if bins < 1 or not high > low:
        raise ValueError(f"Need at least one bin and low < high, not {bins} bins in {low}..{high}")
    low, high = float(low), float(high)
    return low, high, (high - low) / bins


def bin_labels(*, bins: int, low: Number, high: Number, unit: str = "") -> list[str]:
    """ "0–9%", "10–19%", …, "90–100%" for whole-number edges; else "0–2.5", "2.5–5", …"""
    low, high, width = _bounds(bins, low, high)
    edges = [low + width * number for number in range(bins + 1)]
    whole = all(edge == int(edge) for edge in edges)
    labels = []
    for number in range(bins):
        left, right = edges[number], edges[number + 1]
        if whole and number < bins - 1:
            right -= 1
        labels.append(f"{left:g}–{right:g}{unit}")
    return labels


def histogram_counts(
    title,
    series: Mapping[str, Sequence[int]],
    *,
    range: tuple[Number, Number] = (0, 100),
    unit: str = "%",
    label_heading=None,
    description=None,
    id: str | None = None,
) -> Histogram:
    """The distribution of scores binned in the database (``selectors.score_distribution``):
    each series is a list of counts, one per equal bin over ``range``, one bar per series."""
    series = {str(name): [int(count) for count in counts] for name, counts in series.items()}
    sizes = {len(counts) for counts in series.values()}
    if len(sizes) > 1:
        raise ValueError("Every series needs one count per bin")
    if len(series) > len(SERIES):
        raise ValueError(f"A histogram draws at most {len(SERIES)} series")
    bins = sizes.pop() if sizes else 0
    for counts in series.values():
        for count in counts:
            _check_value(count)
    labels = bin_labels(bins=bins, low=range[0], high=range[1], unit=unit) if bins else []
    scale = max((count for counts in series.values() for count in counts), default=0)
    colours = dict(zip(series, SERIES, strict=False))
    legend = _legend([(name, colours[name][0]) for name in series], 0)
    bar_height, bar_gap = HISTOGRAM_BAR_HEIGHT, 4
    cursor = axis_top = len(legend) * LINE + 12
    groups, table_rows = [], []
    for number, label in enumerate(labels):
        bars, y = [], cursor
        for name, counts in series.items():
            share = counts[number] / scale if scale else 0.0
            fill, text_fill = colours[name]
            bars.append(
                HistogramBar(
                    series=name,
                    value=counts[number],
                    y=y,
                    width=_pct(HISTOGRAM_SCALE * share),
                    value_x=_pct(100 - HISTOGRAM_SCALE + HISTOGRAM_SCALE * share),
                    value_y=y + bar_height // 2 + 5,
                    inside=share >= INSIDE_FROM,
                    fill=fill,
                    text_fill=text_fill,
                )
            )
            y += bar_height + bar_gap
        middle = (cursor + y - bar_gap) // 2
        groups.append(HistogramGroup(label=label, label_y=middle + 5, bars=bars))
        table_rows.append(TableRow(label, [Cell(counts[number]) for counts in series.values()]))
        cursor = y - bar_gap + ROW_GAP
    table_rows.append(TableRow(str(_("Total")), [Cell(sum(c)) for c in series.values()]))
    names = ", ".join(series)
    return Histogram(
        kind="histogram",
        title=title,
        id=id or _chart_id("histogram", title, (series, range)),
        description=description
        or _(
            "How many scores fall in each band from %(low)s to %(high)s, one bar per series "
            "(%(names)s). The same figures are in the table under “Show as table”."
        )
        % {"low": f"{range[0]:g}{unit}", "high": f"{range[1]:g}{unit}", "names": names},
        height=cursor - ROW_GAP + 4,
        table=Table([label_heading or _("Band"), *series], table_rows),
        rows=groups,
        legend=legend,
        empty=not scale,
        axis_top=axis_top - 4,
        axis_bottom=cursor - ROW_GAP + 4,
    )


# Paired before/after bars (issue 15, item 5: the business outcomes).

PAIRED_BAR_HEIGHT = 22
PAIRED_BAR_GAP = 4


@dataclass(frozen=True)
class PairedRow:
    label: str
    lines: list[TextLine]
    bars: list[HistogramBar]  # before, then after


@dataclass
class PairedChart(Chart):
    bar_height: int = PAIRED_BAR_HEIGHT
    decimals: int | str = 0  # a ``floatformat`` argument: 0, 1, or "0g" to group thousands
    unit: str = ""


def paired_bars(
    title,
    rows: Sequence[tuple[str, Number | None, Number | None]],
    *,
    before_label=None,
    after_label=None,
    max_value: Number | None = None,
    unit: str = "",
    decimals: int | str = 0,
    label_heading=None,
    change_heading=None,
    description=None,
    id: str | None = None,
) -> PairedChart:
    """Two horizontal bars per (label, before, after) row, before above after, in the two
    colours of the legend, scaled to ``max_value`` (default: the largest value); e.g. the
    median revenue of businesses before and after the course, per regency. The table adds each
    row's change (after minus before). A negative value is refused (ValueError); None draws no
    bar. Without any value the chart says "No data yet"."""
    rows = [(str(label), before, after) for label, before, after in rows]
    for _label, before, after in rows:
        _check_value(before)
        _check_value(after)
    values = [float(value) for row in rows for value in row[1:] if value is not None]
    scale = float(max_value) if max_value is not None else max(values, default=0.0)
    names = [str(before_label or _("Before")), str(after_label or _("After"))]
    colours = dict(zip(names, SERIES, strict=False))
    legend = _legend([(name, colours[name][0]) for name in names], 0)
    cursor = len(legend) * LINE + 8
    drawn, table_rows = [], []
    for label, before, after in rows:
        lines = _lines(label, cursor)
        y = cursor + LINE * len(lines) + 4
        bars = []
        for name, value in zip(names, (before, after), strict=True):
            share = min(float(value) / scale, 1.0) if value is not None and scale else 0.0
            fill, text_fill = colours[name]
            bars.append(
                HistogramBar(
                    series=name,
                    value=value,
                    y=y,
                    width=_pct(100 * share),
                    value_x=_pct(100 * share),
                    value_y=y + PAIRED_BAR_HEIGHT // 2 + 5,
                    inside=share >= INSIDE_FROM,
                    fill=fill,
                    text_fill=text_fill,
                )
            )
            y += PAIRED_BAR_HEIGHT + PAIRED_BAR_GAP
        drawn.append(PairedRow(label=label, lines=lines, bars=bars))
        cursor = y - PAIRED_BAR_GAP + ROW_GAP
        change = after - before if before is not None and after is not None else None
        table_rows.append(
            TableRow(
                label,
                [Cell(before, decimals, unit), Cell(after, decimals, unit), Cell(change, decimals)],
            )
        )
    return PairedChart(
        kind="paired",
        title=title,
        id=id or _chart_id("paired", title, rows),
        description=description
        or _(
            "Two bars per row: before (%(before)s) above after (%(after)s), scaled to the "
            "largest value. The same figures, with the change, are in the table under "
            "“Show as table”."
        )
        % {"before": names[0], "after": names[1]},
        height=cursor - ROW_GAP + 4,
        table=Table(
            [label_heading or _("Item"), *names, change_heading or _("Change (after − before)")],
            table_rows,
        ),
        rows=drawn,
        legend=legend,
        empty=not values,
        decimals=decimals,
        unit=unit,
    )
