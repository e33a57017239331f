"""Which links an assignment accepts (mentoring/rules.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mentoring.rules import LINK_MAX_LENGTH, link_allowed, link_host, normalise_host

SOCIAL = ["instagram.com", "tiktok.com", "facebook.com"]


@pytest.mark.parametrize(
    "url",
    [
        "https://instagram.com/bakpia.sutarni",
        "https://www.instagram.com/bakpia.sutarni/",
        "http://instagram.com/bakpia",
        "HTTPS://WWW.INSTAGRAM.COM/Bakpia",
        "https://m.facebook.com/profile.php?id=1",
        "https://www.tiktok.com/@bakpia/video/1?lang=id",
        "https://instagram.com.:443/bakpia",
        "https://vm.tiktok.com/ZSabc/",
    ],
)
def test_links_from_an_accepted_host_or_its_subdomains_are_accepted(url):
    assert link_allowed(url, SOCIAL)


@pytest.mark.parametrize(
    "url",
    [
        "https://instagram.com.evil.com/bakpia",
        "https://evilinstagram.com/bakpia",
        "https://evil.com/?u=instagram.com",
        "https://evil.com/instagram.com",
        "https://evil.com#instagram.com",
        "https://instagram.com@evil.com/",
        "https://user:pass@instagram.com/",
        "https://user@instagram.com/",
        "https://evil.com\\@instagram.com/",
        "https://evil.com\\.instagram.com/",
        "ftp://instagram.com/x",
        "javascript://instagram.com/%0aalert(1)",
        "instagram.com/bakpia",
        "//instagram.com/bakpia",
        "https://",
        "https:///instagram.com",
        "https://instagram.com:8080/x",
        "https://instagram.com:99999/x",
        "https://instagram.com:abc/x",
        "https://insta gram.com/x",
        "https://instagram.com/a b",
        " https://instagram.com/x",
        "https://instagram.com/x\n",
        "https://instagram.com\x00.evil.com/",
        "https://xn--instagram-.com/",
        "",
    ],
)
def test_tricky_links_are_refused(url):
    assert not link_allowed(url, SOCIAL)


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/",
        "http://10.0.0.1/admin",
        "https://[::1]/",
        "https://2130706433/",
        "https://0x7f.1/",
        "https://127.1/",
        "https://localhost/",
        "https://intranet/",
    ],
)
def test_ip_addresses_and_single_names_are_never_links_even_with_any_host_allowed(url):
    assert not link_allowed(url, [])


def test_with_no_accepted_hosts_any_http_or_https_link_is_accepted():
    assert link_allowed("https://shopee.co.id/bakpia", [])
    assert link_allowed("http://toko-saya.id", [])
    assert link_allowed("https://bücher.de/", [])  # an international domain name
    assert not link_allowed("mailto:a@b.id", [])


def test_accepted_hosts_are_read_however_the_mentor_wrote_them():
    assert normalise_host(" Instagram.COM ") == "instagram.com"
    assert normalise_host("https://www.tiktok.com/@x") == "www.tiktok.com"
    assert normalise_host("*.shopee.co.id") == "shopee.co.id"
    assert normalise_host("tokopedia.com.") == "tokopedia.com"
    assert normalise_host("   ") == ""
    assert link_allowed("https://shopee.co.id/x", ["*.Shopee.co.id"])
    assert link_allowed("https://instagram.com/x", ["https://instagram.com/"])
    assert link_allowed("https://x.id/", ["", "  "])  # only blank lines: any host


def test_a_mentor_naming_www_accepts_only_that_host_and_below():
    assert link_allowed("https://www.tiktok.com/@x", ["www.tiktok.com"])
    assert not link_allowed("https://vm.tiktok.com/x", ["www.tiktok.com"])


def test_a_link_longer_than_the_field_holds_is_refused():
    url = "https://instagram.com/" + "a" * LINK_MAX_LENGTH
    assert link_host(url) is None
    assert not link_allowed(url, SOCIAL)


def test_text_that_is_no_string_is_no_link():
    assert link_host(None) is None
    assert not link_allowed(42, SOCIAL)


_label = st.from_regex(r"[a-z][a-z0-9]{0,10}", fullmatch=True)


@given(label=_label, path=st.text(alphabet="abc/?=&#.@:", max_size=20))
def test_a_subdomain_of_an_accepted_host_is_accepted(label, path):
    url = f"https://{label}.instagram.com/{path}"
    assert link_allowed(url, ["instagram.com"]) == (link_host(url) == f"{label}.instagram.com")


@given(prefix=_label, suffix=_label)
def test_a_host_that_only_contains_an_accepted_host_is_refused(prefix, suffix):
    assert not link_allowed(f"https://{prefix}instagram.com/", ["instagram.com"])
    assert not link_allowed(f"https://instagram.com.{suffix}.id/", ["instagram.com"])
    assert not link_allowed(f"https://{suffix}.id/?next=https://instagram.com/", ["instagram.com"])


@given(url=st.text(max_size=80), hosts=st.lists(st.text(max_size=20), max_size=3))
def test_any_text_gets_an_answer_and_accepted_links_name_an_accepted_host(url, hosts):
    allowed = link_allowed(url, hosts)
    assert isinstance(allowed, bool)
    accepted = [h for h in map(normalise_host, hosts) if h]
    if allowed and accepted:
        host = link_host(url)
        assert any(host == name or host.endswith("." + name) for name in accepted)
