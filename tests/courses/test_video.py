from decimal import Decimal

import pytest

from courses.video import duration_label, file_megabytes, hosted_video, streamed_megabytes


@pytest.mark.parametrize(
    ("url", "host", "video_id"),
    [
        ("https://www.youtube.com/watch?v=abcdefghijk", "youtube", "abcdefghijk"),
        ("https://m.youtube.com/watch?v=abcdefghijk&t=30", "youtube", "abcdefghijk"),
        ("https://youtu.be/abcdefghijk", "youtube", "abcdefghijk"),
        ("https://www.youtube.com/shorts/abcdefghijk", "youtube", "abcdefghijk"),
        ("https://vimeo.com/76979871", "vimeo", "76979871"),
    ],
)
def test_youtube_and_vimeo_links_are_recognised(url, host, video_id):
    video = hosted_video(url)
    assert (video.host, video.video_id) == (host, video_id)


@pytest.mark.parametrize(
    "url", ["https://example.com/v.mp4", "https://www.youtube.com/watch?v=short", "not a url", ""]
)
def test_other_links_are_not_embeddable(url):
    assert hosted_video(url) is None


def test_embeds_use_the_privacy_enhanced_hosts():
    assert hosted_video("https://youtu.be/abcdefghijk").embed_url.startswith(
        "https://www.youtube-nocookie.com/embed/abcdefghijk"
    )
    assert "dnt=1" in hosted_video("https://vimeo.com/76979871").embed_url


def test_data_cost_is_estimated_from_length_or_file_size():
    assert streamed_megabytes(150) == Decimal(11)  # 2.5 min at 4.5 MB a minute, rounded
    assert streamed_megabytes(5) == Decimal(1)
    assert file_megabytes(3 * 1024 * 1024) == Decimal("3.0")
    assert duration_label(150) == "2:30"
