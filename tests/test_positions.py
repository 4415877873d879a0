"""Inline positions recovered from markdown-it tokens must be exact."""
from __future__ import annotations

import pytest

from awesome_lint.model.document import Document
from awesome_lint.model import markdown as markdown_mod
from conftest import shared_lists


def link_at(doc, url):
    return next(link for link in doc.links if link.url == url)


def test_inline_link_spans():
    text = "Intro\n\n- [Na*me*](https://a.example/x_(y)) - Desc with `[code](nope)`.\n"
    doc = Document(text)
    link = link_at(doc, "https://a.example/x_(y)")
    assert text[link.start:link.end] == "[Na*me*](https://a.example/x_(y))"
    assert text[link.text_start:link.text_end] == "Na*me*"
    assert link.text == "Name"
    assert text[link.url_start:link.url_end] == "https://a.example/x_(y)"
    assert [l.url for l in doc.links] == ["https://a.example/x_(y)"]  # the code span holds no link
    assert doc.line_col(link.start) == (2, 2)


def test_escapes_entities_and_breaks_before_a_link():
    text = "**T\\*it&amp;le** \\\n*A* \\\n[[Paper](<https://x.example/a b>)] [[Code](https://c.example \"t\")]\n"
    doc = Document(text, preset="papers")
    paper = link_at(doc, "https://x.example/a b")
    assert text[paper.url_start:paper.url_end] == "https://x.example/a b"
    assert text[paper.start:paper.end] == "[Paper](<https://x.example/a b>)"
    code = link_at(doc, "https://c.example")
    assert text[code.start:code.end] == '[Code](https://c.example "t")'
    assert code.line == 2


def test_autolink_image_and_reference():
    text = (
        "# Title [![Badge](https://img.example/b.svg)](https://awesome.re)\n\n"
        "See <https://auto.example/> and [ref][r].\n\n"
        "[r]: https://ref.example/\n"
    )
    doc = Document(text)
    image = next(l for l in doc.links if l.image)
    assert text[image.start:image.end] == "![Badge](https://img.example/b.svg)"
    outer = link_at(doc, "https://awesome.re")
    assert text[outer.start:outer.end] == "[![Badge](https://img.example/b.svg)](https://awesome.re)"
    assert outer.in_heading
    auto = link_at(doc, "https://auto.example/")
    assert (auto.kind, text[auto.start:auto.end]) == ("autolink", "<https://auto.example/>")
    ref = link_at(doc, "https://ref.example/")
    assert ref.kind == "reference" and ref.url_start is None
    assert text[ref.start:ref.end] == "[ref][r]"


def test_blockquote_and_nested_list_prefixes():
    text = "> quoted [a](https://q.example)\n> more [b](https://r.example)\n\n- x\n  - [c](https://n.example) - d\n"
    doc = Document(text)
    for url, snippet in [("https://q.example", "[a]"), ("https://r.example", "[b]"), ("https://n.example", "[c]")]:
        link = link_at(doc, url)
        assert text[link.start:link.start + 3] == snippet


def test_heading_content_span_and_front_matter():
    text = "---\ntitle: [x](https://front.example)\n---\n## Hello *World* ##\n"
    doc = Document(text)
    assert [l.url for l in doc.links] == []  # front matter is not markdown
    heading = doc.headings[0]
    assert heading.line == 3 and heading.text == "Hello World"
    assert text[heading.content_start:heading.content_end] == "Hello *World*"


@pytest.mark.parametrize("path", shared_lists(), ids=lambda p: p.name)
def test_every_real_link_aligns(path):
    """Each link span starts at its bracket and its URL text is what markdown-it parsed
    (``href`` is markdown-it's destination, escapes resolved and not percent-encoded)."""
    text = path.read_text(encoding="utf-8")
    doc = Document(text)
    assert doc.links
    assert len({link.start for link in doc.links}) == len(doc.links), "two links share a span"
    for link in doc.links:
        if link.bare:  # a URL in text: its span is the URL as written, linked as GitHub links it
            written = text[link.start:link.end]
            assert link.url in (written, "http://" + written), link.line
            assert (link.url_start, link.url_end) == (link.start, link.end)
            continue
        assert text[link.start] in "[!<", (link.line, text[link.start:link.end])
        assert text[link.end - 1] in ")]>", (link.line, text[link.start:link.end])
        assert text[link.text_start - 1] in "[<" and text[link.text_end] in "]>"
        if link.url_start is not None:
            assert link.href == link.url, link.line


def test_inline_cache_respects_reference_definitions():
    first = Document("See [x][r].\n\n[r]: https://one.example/\n")
    second = Document("See [x][r].\n\n[r]: https://two.example/\n")
    unresolved = Document("See [x][r].\n")
    assert [l.url for l in first.links] == ["https://one.example/"]
    assert [l.url for l in second.links] == ["https://two.example/"]
    assert unresolved.links == []


def test_reparsing_the_same_text_gives_the_same_tokens():
    # markdown-it's text_join rewrites tokens in place: a cache of inline
    # children must not let a second parse join them again.
    text = "a \\* b [x](https://u.example) c &amp; d\n"
    first = [(c.type, c.content) for c in Document(text).tokens[1].children]
    second = [(c.type, c.content) for c in Document(text).tokens[1].children]
    assert first == second == [("text", "a * b "), ("link_open", ""), ("text", "x"),
                                ("link_close", ""), ("text", " c & d")]


def test_destinations_are_not_percent_encoded_but_references_keep_their_encoded_url():
    text = "[a](https://ü.example/a%20b/ç) <https://ß.example/x>\n\n[r][ref]\n\n[ref]: https://ü.example/é\n"
    doc = Document(text)
    assert [(l.kind, l.url, l.href) for l in doc.links] == [
        ("inline", "https://ü.example/a%20b/ç", "https://ü.example/a%20b/ç"),
        ("autolink", "https://ß.example/x", "https://ß.example/x"),
        ("reference", "https://xn--tda.example/%C3%A9", "https://ü.example/é"),
    ]


# Destinations whose verdict (link or not) depends on the percent-encoding
# skipped above: leading blanks, no-break spaces, case, data: images.
TRICKY = ["javascript:alert(1)", "JavaScript:x", "< javascript:x>", "<\u00a0javascript:x>",
          "\u00a0javascript:x", "<data:image/png;base64,AAA>", "data:text/html,x", "vbscript:x",
          "fil\u00e9:x", "<file:///etc/passwd>", "<\tjavascript:x>", "java&#115;cript:x",
          "ja%76ascript:x", "https://ok.example", "#frag", "<>"]


@pytest.mark.parametrize("dest", TRICKY)
def test_what_is_a_link_is_what_stock_markdown_it_says(dest):
    from markdown_it import MarkdownIt

    stock = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for text in (f"[x]({dest}) ![i]({dest})\n", f"[x][r]\n\n[r]: {dest}\n"):
        expected = [t.type for t in stock.parse(text)[1].children if t.type in ("link_open", "image")]
        got = [t.type for t in Document(text).tokens[1].children if t.type in ("link_open", "image")]
        assert got == expected, text


try:
    from hypothesis import given, strategies as st

    @given(st.one_of(
        st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E)),
        st.builds(lambda p, r: p + r, st.sampled_from(["javascript:", "JAVASCRIPT:", "data:", "Data:image/png;",
                                                       "data:image/gif;", "file:", "vbscript:", "  "]),
                  st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E))),
    ))
    def test_plain_ascii_destinations_get_the_verdict_of_their_encoded_form(url):
        from markdown_it.common import normalize_url

        assert markdown_mod._valid(url) == normalize_url.validateLink(normalize_url.normalizeLink(url))
except ImportError:  # hypothesis is a test dependency
    pass


try:
    from hypothesis import given, strategies as st

    @given(st.text(alphabet="ab()<>\\ \t\n\x01\x7f)é&#;x:/"), st.integers(0, 3))
    def test_the_destination_fast_path_agrees_with_markdown_it(text, offset):
        from markdown_it import helpers

        pos = min(offset, len(text))
        ours = markdown_mod._destination(text, pos, len(text))
        theirs = helpers.parseLinkDestination(text, pos, len(text))
        assert (ours.ok, ours.pos, ours.str) == (theirs.ok, theirs.pos, theirs.str)
except ImportError:  # hypothesis is a test dependency
    pass


def spans_of(text, doc):
    return [(text[l.start:l.end], l.url, text[l.text_start:l.text_end]) for l in doc.links]


def test_links_in_table_cells_each_get_their_own_span():
    # Every cell of a row is an inline token mapped to the whole row: each must
    # be aligned from its own cell, not from the row's start.
    text = (
        "# T\n\n"
        "| Name | Paper | Code |\n"
        "|------|-------|------|\n"
        "| [A](https://a.example/1) | [A](https://a.example/2) | [A](https://a.example/3) |\n"
        "|[x](https://x.example/p)|[x](https://x.example/c)|\n"
        "| a \\| b [y](https://y.example/1) | `c|` [y](https://y.example/2) |\n"
    )
    doc = Document(text)
    assert spans_of(text, doc) == [
        ("[A](https://a.example/1)", "https://a.example/1", "A"),
        ("[A](https://a.example/2)", "https://a.example/2", "A"),
        ("[A](https://a.example/3)", "https://a.example/3", "A"),
        ("[x](https://x.example/p)", "https://x.example/p", "x"),
        ("[x](https://x.example/c)", "https://x.example/c", "x"),
        ("[y](https://y.example/1)", "https://y.example/1", "y"),
        ("[y](https://y.example/2)", "https://y.example/2", "y"),
    ]
    row = doc.line_starts[4]
    assert [l.start - row for l in doc.links[:3]] == [2, 29, 56]
    row = doc.line_starts[5]
    assert [l.start - row for l in doc.links[3:5]] == [1, 26]
    assert [l.line for l in doc.links] == [4, 4, 4, 5, 5, 6, 6]


def test_table_cells_in_a_quote_and_a_list_item():
    text = (
        "> | k | v |\n"
        "> |---|---|\n"
        "> | [q](https://q.example/1) | [q](https://q.example/2) |\n"
        "\n"
        "- | k | v |\n"
        "  |---|---|\n"
        "  | [r](https://r.example/1) | [r](https://r.example/2) |\n"
    )
    doc = Document(text)
    got = [(l.line, doc.line_col(l.start)[1], l.url) for l in doc.links]
    assert got == [
        (2, 4, "https://q.example/1"),
        (2, 31, "https://q.example/2"),
        (6, 4, "https://r.example/1"),
        (6, 31, "https://r.example/2"),
    ]


def test_a_cell_that_starts_like_a_list_marker_keeps_its_text():
    text = "| n | what |\n|---|---|\n| 1. | - [z](https://z.example) |\n"
    doc = Document(text)
    (link,) = doc.links
    assert doc.line_col(link.start) == (2, 9)
    assert text[link.start:link.end] == "[z](https://z.example)"
    cells = [i for i, tok in enumerate(doc.tokens) if tok.type == "inline"]
    first = doc.aligned(cells[2])  # "1."
    assert [text[a:b] for a, b in first.spans] == ["1."]
    second = doc.aligned(cells[3])
    assert [text[a:b] for a, b in second.spans][0] == "- "


def test_a_table_on_a_list_items_first_line_is_read_after_its_bullet():
    text = "# T\n\n- | [A](https://a.example) | [B](https://b.example) |\n  |---|---|\n  | [C](https://c.example) | d |\n"
    doc = Document(text)
    assert [(text[l.start:l.end], l.url) for l in doc.links] == [
        ("[A](https://a.example)", "https://a.example"), ("[B](https://b.example)", "https://b.example"),
        ("[C](https://c.example)", "https://c.example")]


def test_table_cells_are_split_on_unescaped_pipes_and_trimmed():
    from awesome_lint.model.positions import table_cells
    row = "|  a | b\\|c |"
    assert table_cells(row, 0, len(row), False, False) == [(3, 4), (7, 11)]


def test_link_destination_and_image_source_spans():
    text = "# T\n\n- [D](Xcode.md) - d ![logo](https://x.example/l.png) and [E](<a b.md>).\n"
    doc = Document(text)
    assert [(l.url, l.image, text[l.url_start:l.url_end]) for l in doc.links] == [
        ("Xcode.md", False, "Xcode.md"), ("https://x.example/l.png", True, "https://x.example/l.png"),
        ("a b.md", False, "a b.md")]


def test_words_inside_code_spans_are_rendered_words():
    from awesome_lint.model.rendered import words
    doc = Document("# A\n\nUse `grep` and ![logo](https://x.example/l.png) here.\n")
    assert words(doc) == {"A": 1, "Use": 1, "grep": 1, "and": 1, "logo": 1, "here": 1}


def test_a_reference_image_takes_its_source_from_the_definition():
    text = "# T\n\n- [A](https://a.example) ![logo][l] - a.\n\n[l]: https://x.example/l.png\n"
    image = next(l for l in Document(text).links if l.image)
    assert (image.url, image.kind, text[image.start:image.end]) == ("https://x.example/l.png", "reference", "![logo][l]")
