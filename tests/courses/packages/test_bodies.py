"""Lesson bodies ↔ Markdown, and the package's YAML (pure: no database)."""

import pytest
from django.utils import translation

from courses.packages import bodies
from courses.packages import format as fmt
from courses.packages.errors import Problems

HAND_WRITTEN = """Sebuah paragraf
yang ditulis di dua baris, dengan __tebal__ dan _miring_.

* satu
* dua

```{tip}
Teks tip.
```

```{loan-simulator} Bandingkan
:principal: 5.000.000
:tenor: 6
:preset: KUR Mikro | 6% | Effective
:preset: Koperasi | 1,5 | flat
```
"""


def parse(text, file="minggu-1/pelajaran-1.md"):
    problems = Problems()
    with translation.override("en"):
        blocks = bodies.parse_body(text, file=file, problems=problems)
    return blocks, problems.messages


def test_hand_written_markdown_reads_as_the_export_would_write_it():
    blocks, problems = parse(HAND_WRITTEN)

    assert problems == []
    assert blocks[0] == {
        "type": "text",
        "text": "Sebuah paragraf yang ditulis di dua baris, dengan **tebal** dan *miring*.\n\n"
        "- satu\n- dua",
    }
    assert blocks[1] == {"type": "tip", "title": "", "text": "Teks tip."}
    assert blocks[2]["principal"] == 5_000_000
    assert blocks[2]["presets"] == [
        {"name": "KUR Mikro", "rate": "6", "method": "effective"},
        {"name": "Koperasi", "rate": "1.5", "method": "flat"},
    ]
    written = bodies.write_body(blocks)
    assert parse(written)[0] == blocks
    assert bodies.write_body(parse(written)[0]) == written


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# Judul besar", "line 1: a heading other than ### cannot be used here"),
        ("> kutipan", "line 1: a quote (>) cannot be used here"),
        ("```python\nprint(1)\n```", "line 1: code blocks cannot be used in a lesson"),
        ("Teks\n\n```{video} Judul\n:url: https://youtu.be/x\n```", "needs :thumbnail:"),
        ("```{image} media/a.png\n:width: 3\n```", "the image block has no option :width:"),
        ("```{checklist} Daftar\nbukan butir\n```", "every line of a checklist starts with"),
        ("[tautan](ftp://contoh.id/berkas)", "is neither a web address"),
        ("```{loan-simulator} X\n:preset: KUR\n```", "a preset is written"),
    ],
)
def test_what_a_lesson_cannot_hold_is_reported_with_its_line(text, problem):
    _blocks, problems = parse(text)
    assert len(problems) >= 1
    assert problem in problems[0]
    assert problems[0].startswith("minggu-1/pelajaran-1.md")


def test_a_longer_fence_holds_a_block_whose_text_has_three_backticks():
    blocks = [{"type": "tip", "title": "Kode", "text": "Ketik ```ini``` saja."}]
    written = bodies.write_body(blocks)
    assert written.startswith("````{tip} Kode")
    assert parse(written)[0][0]["title"] == "Kode"


def test_yaml_refuses_aliases_and_python_tags():
    problems = Problems()
    with translation.override("en"):
        assert fmt.load_yaml("a: &x 1\nb: *x\n", file="course.yaml", problems=problems) is None
        assert (
            fmt.load_yaml("a: !!python/object:os.system ls", file="x.yaml", problems=problems)
            is None
        )
    assert problems.messages[0] == (
        "course.yaml, line 1: YAML anchors and aliases (& and *) are not allowed"
    )
    assert problems.messages[1].startswith("x.yaml, line 1: the YAML cannot be read")


def test_week_order_explicit_wins_and_default_puts_lessons_then_assignments_then_quiz():
    names = ["kuis.yaml", "pelajaran-10.md", "pelajaran-2.md", "tugas-1.md"]
    problems = Problems()
    assert fmt.week_order("minggu-1", names, None, problems=problems) == [
        "pelajaran-2.md",
        "pelajaran-10.md",
        "tugas-1.md",
        "kuis.yaml",
    ]
    order = ["kuis.yaml", "pelajaran-10.md", "tugas-1.md", "pelajaran-2.md"]
    assert fmt.week_order("minggu-1", names, order, problems=problems) == order
    assert not problems


def test_weeks_sort_by_number_not_by_name():
    problems = Problems()
    paths = ["course.yaml"] + [f"minggu-{n}/week.yaml" for n in (10, 2, 1)]
    assert [folder for folder, _ in fmt.layout(paths, problems=problems)] == [
        "minggu-1",
        "minggu-2",
        "minggu-10",
    ]
    assert not problems
