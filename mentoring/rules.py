"""Which links an assignment accepts: plain values in, plain values out (no database).

A link is accepted when it is an ``http`` or ``https`` address of a named host (never an IP
address), carries no user name or password, uses the scheme's own port, and its host is one of
the accepted hosts or a subdomain of one (``m.facebook.com`` for ``facebook.com``), compared
without regard to case. With no accepted hosts, any such link is. ``instagram.com.evil.com``,
``evilinstagram.com`` and ``https://evil.com/?u=instagram.com`` are not Instagram links.
"""

import ipaddress
import re
from urllib.parse import urlsplit

SCHEMES = {"http": 80, "https": 443}
LINK_MAX_LENGTH = 500  # SubmissionVersion.link holds this many characters
_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")
# Spaces and control characters inside a link, and a backslash (browsers read it as a slash).
_NEVER_IN_LINKS = re.compile(r"[\x00-\x20\x7f\\]")


def normalise_host(entry: str) -> str:
    """An accepted host as a mentor may write it (``Instagram.com``, ``https://www.tiktok.com/``,
    ``*.shopee.co.id``) reduced to the bare host name in lower case; empty when none is left."""
    entry = entry.strip().lower()
    if "://" in entry:
        entry = entry.split("://", 1)[1]
    entry = entry.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    entry = entry.removeprefix("*.").strip(".")
    return entry


def link_host(url: str) -> str | None:
    """The host name of ``url`` in lower case (without a trailing dot), or None when ``url`` is
    not a link this site accepts at all (see the module's notes)."""
    if not isinstance(url, str) or not url or len(url) > LINK_MAX_LENGTH:
        return None
    if _NEVER_IN_LINKS.search(url):
        return None
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES or not parts.netloc:
        return None
    if "@" in parts.netloc or parts.username is not None or parts.password is not None:
        return None
    if port is not None and port != SCHEMES[scheme]:
        return None
    host = (parts.hostname or "").rstrip(".")
    if not _is_domain_name(host):
        return None
    return host


def _is_domain_name(host: str) -> bool:
    """A registered-looking name of at least two labels; never an IP address in any spelling."""
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return False
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return False
    labels = ascii_host.split(".")
    if len(labels) < 2 or not all(_LABEL.fullmatch(label) for label in labels):
        return False
    return not labels[-1].isdigit()  # 127.1, 0x7f.1 and the like are addresses too


def host_matches(host: str, accepted: str) -> bool:
    """``host`` is ``accepted`` or one of its subdomains."""
    return bool(accepted) and (host == accepted or host.endswith("." + accepted))


def link_allowed(url: str, hosts) -> bool:
    """Whether an assignment whose accepted hosts are ``hosts`` takes ``url`` (module notes)."""
    host = link_host(url)
    if host is None:
        return False
    accepted = [name for name in (normalise_host(entry) for entry in hosts) if name]
    if not accepted:
        return True
    return any(host_matches(host, name) for name in accepted)
