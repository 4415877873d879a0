"""Bare URLs as GitHub links them (GFM spec, autolinks extension)."""
import pytest

from awesome_lint.model.autolinks import bare_urls


def urls(text):
    return [url for _s, _e, url in bare_urls(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the spec's own examples
        ("www.commonmark.org", ["http://www.commonmark.org"]),
        ("Visit www.commonmark.org/help for more information.", ["http://www.commonmark.org/help"]),
        ("Visit www.commonmark.org.", ["http://www.commonmark.org"]),
        ("Visit www.commonmark.org/a.b.", ["http://www.commonmark.org/a.b"]),
        ("www.google.com/search?q=Markup+(business)", ["http://www.google.com/search?q=Markup+(business)"]),
        ("www.google.com/search?q=Markup+(business)))", ["http://www.google.com/search?q=Markup+(business)"]),
        ("(www.google.com/search?q=Markup+(business))", ["http://www.google.com/search?q=Markup+(business)"]),
        ("(www.google.com/search?q=Markup+(business)", ["http://www.google.com/search?q=Markup+(business)"]),
        ("www.google.com/search?q=(business))+ok", ["http://www.google.com/search?q=(business))+ok"]),
        ("www.google.com/search?q=commonmark&hl=en", ["http://www.google.com/search?q=commonmark&hl=en"]),
        ("www.google.com/search?q=commonmark&hl;", ["http://www.google.com/search?q=commonmark"]),
        ("www.commonmark.org/he<lp", ["http://www.commonmark.org/he"]),
        ("http://commonmark.org", ["http://commonmark.org"]),
        ("(Visit https://encrypted.google.com/search?q=Markup+(business))",
         ["https://encrypted.google.com/search?q=Markup+(business)"]),
        # trailing punctuation, several at once
        ("See https://listjs.com, or http://clappr.io.", ["https://listjs.com", "http://clappr.io"]),
        ("Really? https://a.org/x?!:", ["https://a.org/x"]),
        ("quoted 'https://a.org/q'", ["https://a.org/q"]),
        ("a trailing semicolon https://a.org/x;", ["https://a.org/x"]),
        # after the delimiting characters, not after a letter
        ("*https://a.org/*", ["https://a.org/"]),
        ("_www.a.org/x_ and ~https://b.org~", ["http://www.a.org/x", "https://b.org"]),
        ("_www.a.org_", []),  # the underscore joins the domain's last part
        ("xhttps://a.org nowww.a.org", []),
        ("1https://a.org \"https://b.org\" ftp://c.org", ["https://a.org", "https://b.org", "ftp://c.org"]),
        ("'www.a.org'", []),
        ("HTTPS://A.ORG/X", ["HTTPS://A.ORG/X"]),
        # domains: underscores are not allowed in the last two parts
        ("www.a_b.com", []),
        ("www.x_y.a.com", ["http://www.x_y.a.com"]),
        ("https://", []),
        ("www. then", []),
        ("https://.org", []),
        # not inside code, links, autolinks, HTML
        ("`https://a.org` https://b.org", ["https://b.org"]),
        ("``a ` https://a.org``", []),
        ("`unclosed https://a.org", ["https://a.org"]),
        ("[https://a.org](https://a.org) and [text](<https://b.org> 'x')", []),
        ("[see https://a.org][ref]", []),
        ('[a](https://x.org/a_(b) "t https://y.org") https://c.org', ["https://c.org"]),
        ("[a](not a destination https://b.org)", ["https://b.org"]),
        ("[open https://a.org", []),
        ("[note] https://a.org", ["https://a.org"]),
        ("![alt](https://a.org/i.png)", []),
        ("<https://a.org> <a href=\"https://b.org\">c</a>", []),
        ("<!-- https://a.org --> https://b.org", ["https://b.org"]),
        ("\\[https://a.org", ["https://a.org"]),
        # one per occurrence
        ("https://a.org https://a.org\nhttps://a.org", ["https://a.org"] * 3),
        ("- [list.js](https://github.com/javve/list.js)\n  https://listjs.com", ["https://listjs.com"]),
    ],
)
def test_bare_urls(text, expected):
    assert urls(text) == expected


def test_offsets_index_the_text_and_honour_the_range():
    text = "ab https://a.org/x. cd www.b.org"
    assert bare_urls(text) == [(3, 18, "https://a.org/x"), (23, 32, "http://www.b.org")]
    assert bare_urls(text, 5, 18) == []
    assert bare_urls(text, 3, 10) == []
    assert bare_urls(text, 20) == [(23, 32, "http://www.b.org")]
    assert bare_urls(text, 0, 16) == [(3, 16, "https://a.org")]
    # the range start counts as the start of a line
    assert bare_urls("xwww.b.org", 1) == [(1, 10, "http://www.b.org")]


def test_a_host_may_hold_letters_beyond_ascii():
    assert urls("see https://bücher.de/x now and www.straße.de") == ["https://bücher.de/x", "http://www.straße.de"]
