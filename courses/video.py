"""Tip videos: which host a link points to, how to embed it, and what it costs in mobile data."""

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import parse_qs, urlsplit

# A phone stream at about 360p: roughly 0.6 Mbit/s of video and sound, so 4.5 MB a minute.
STREAM_MB_PER_MINUTE = Decimal("4.5")

_YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
_VIMEO_ID = re.compile(r"\d{6,12}")


@dataclass(frozen=True)
class HostedVideo:
    host: str  # "youtube" or "vimeo"
    video_id: str

    @property
    def embed_url(self) -> str:
        if self.host == "youtube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}?autoplay=1&rel=0"
        return f"https://player.vimeo.com/video/{self.video_id}?autoplay=1&dnt=1"

    @property
    def origin(self) -> str:
        return (
            "https://www.youtube-nocookie.com"
            if self.host == "youtube"
            else "https://player.vimeo.com"
        )


def hosted_video(url: str) -> HostedVideo | None:
    """The YouTube or Vimeo video a link names, or None for any other link."""
    parts = urlsplit((url or "").strip())
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    path = parts.path.strip("/")
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if path == "watch":
            candidate = parse_qs(parts.query).get("v", [""])[0]
        else:
            candidate = path.rsplit("/", 1)[-1] if path.startswith(("embed/", "shorts/")) else ""
        if _YOUTUBE_ID.fullmatch(candidate):
            return HostedVideo("youtube", candidate)
    if host == "youtu.be" and _YOUTUBE_ID.fullmatch(path):
        return HostedVideo("youtube", path)
    if host in {"vimeo.com", "player.vimeo.com"}:
        candidate = path.rsplit("/", 1)[-1]
        if _VIMEO_ID.fullmatch(candidate):
            return HostedVideo("vimeo", candidate)
    return None


def streamed_megabytes(duration_seconds: int) -> Decimal:
    """Rough mobile data a streamed video uses, in whole megabytes (at least 1)."""
    minutes = Decimal(duration_seconds) / 60
    return max(Decimal(1), (minutes * STREAM_MB_PER_MINUTE).quantize(Decimal(1), ROUND_HALF_UP))


def file_megabytes(size_bytes: int) -> Decimal:
    """A downloaded file's size in megabytes, one decimal place (at least 0.1)."""
    megabytes = Decimal(size_bytes) / (1024 * 1024)
    return max(Decimal("0.1"), megabytes.quantize(Decimal("0.1"), ROUND_HALF_UP))


def duration_label(duration_seconds: int) -> str:
    """``m:ss`` as shown beside a video."""
    minutes, seconds = divmod(int(duration_seconds), 60)
    return f"{minutes}:{seconds:02d}"
