"""The document model: sections, entries, family detection, what is never an entry."""
from __future__ import annotations

from awesome_lint.model.document import Document

PAPERS = """# Papers

## Contents

- [Vision](#vision)

## Vision

### Segmentation

**First Paper** \\
*Ann One, Bob Two* \\
[7th Oct., 2022] [arXiv, 2022] \\
[[Paper](https://arxiv.org/abs/2210.00001)] [[GitHub](https://github.com/o/r)]

**Second Paper** \\
*Cy Three* \\
[1st Jan., 2021] [CVPR, 2021] \\
[[Paper](https://arxiv.org/abs/2101.00002)]

```
**Not A Paper** \\
*In Code* \\
[[Paper](https://code.example)]
```

<!--
**Not A Paper Either** \\
*In A Comment* \\
[[Paper](https://comment.example)]
-->

<div>
**Raw HTML Block** \\
[[Paper](https://html.example)]
</div>
"""

CLASSIC = """# Awesome Things

## Tools

- [Alpha](https://alpha.example) - The first tool.
  - [Alpha Plugin](https://alpha.example/plugin) - A plugin.
- [Beta](https://beta.example)

```md
- [Gamma](https://gamma.example) - In a code block.
```
"""


def test_paper_entries_sections_and_fields():
    doc = Document(PAPERS)
    assert doc.family == "papers"
    assert [e.title for e in doc.entries] == ["First Paper", "Second Paper"]
    first = doc.entries[0]
    assert first.section.title == "Segmentation" and first.section.parent.title == "Vision"
    assert (first.start_line, first.end_line) == (10, 14)
    assert first.fields["authors"].text == "Ann One, Bob Two"
    assert first.fields["date"].text == "7th Oct., 2022"
    assert first.fields["venue"].text == "arXiv, 2022"
    assert PAPERS[first.fields["title"].start:first.fields["title"].end] == "First Paper"
    assert first.primary_url == "https://arxiv.org/abs/2210.00001"
    assert [s.title for s in doc.sections] == ["", "Papers", "Contents", "Vision", "Segmentation"]
    assert doc.sections[3].end_line == len(doc.lines)


def test_code_comments_and_html_blocks_hold_no_entries_or_links():
    doc = Document(PAPERS)
    urls = {link.url for link in doc.links}
    assert not urls & {"https://code.example", "https://comment.example", "https://html.example"}
    assert len(doc.comments) == 1


def test_classic_items_with_nesting():
    doc = Document(CLASSIC)
    assert doc.family == "awesome"
    assert [(e.title, e.depth) for e in doc.entries] == [("Alpha", 0), ("Alpha Plugin", 1), ("Beta", 0)]
    alpha, plugin, beta = doc.entries
    assert plugin.parent is alpha and beta.parent is None
    assert alpha.fields["description"].text == "The first tool."
    assert "description" not in beta.fields


def test_preset_overrides_detection():
    assert Document(CLASSIC, preset="papers").family == "papers"
    assert Document(PAPERS, preset="awesome").family == "awesome"


def test_section_ends_follow_heading_levels():
    text = "# T\n\n## A\n\n### A1\n\n### A2\n\n## B\n\n#### B1\n\n## C\n"
    doc = Document(text)
    ends = {s.title: (s.start_line, s.end_line) for s in doc.sections[1:]}
    assert ends == {"T": (0, 14), "A": (2, 8), "A1": (4, 6), "A2": (6, 8), "B": (8, 12), "B1": (10, 12),
                    "C": (12, 14)}


def test_comments_closed_and_unclosed():
    text = "# T\n\n<!-- one -->\n<!-- two --> <!-- never closed\n<!-- nor this\n"
    doc = Document(text)
    assert [doc.text[s:e] for s, e, _ in doc.comments] == ["<!-- one -->", "<!-- two -->"]
    assert [c for _, _, c in doc.comments] == [" one ", " two "]


def test_entries_find_their_section_and_links():
    text = "# T\n\n" + "".join(f"## S{i}\n\n- [A{i}](https://a{i}.example) - x [y](https://y{i}.example).\n"
                               f"-[B{i}](https://b{i}.example) - glued.\n\n" for i in range(30))
    doc = Document(text)
    got = [(e.section.title, e.title, [l.url for l in e.links]) for e in doc.entries]
    assert got[:2] == [("S0", "A0", ["https://a0.example", "https://y0.example"]), ("S0", "B0", ["https://b0.example"])]
    assert got[-1] == ("S29", "B29", ["https://b29.example"])
    assert len(got) == 60 and all(title[1:] == section[1:] for section, title, _ in got)


def test_offset_turns_a_line_and_column_into_a_position_in_the_text():
    text = "# A\n\n- [B](https://b.example)\n"
    doc = Document(text)
    assert doc.offset(2, 3) == text.index("B]")
    assert doc.offset(1) == 4
    assert doc.line_col(doc.offset(2, 3)) == (2, 3)


def test_a_bare_url_and_a_link_to_it_are_one_url_twice():
    from awesome_lint.model.rendered import urls
    doc = Document("# A\n\n- [A](https://a.org) - see https://a.org now.\n")
    # so the fix loop's guard lets a fix turn the bare one into a link, and sees one of them lost
    assert urls(doc)[("url", "https://a.org")] == 2


def test_a_comment_in_an_indented_html_block_is_found_where_it_is_written():
    text = "# A\n\n- item\n\n  <!--\n  awesome-lint disable entry-format\n  -->\n\n> <!-- one\n> two -->\n"
    doc = Document(text)
    assert [text[start:end] for start, end, _ in doc.comments] == [
        "<!--\n  awesome-lint disable entry-format\n  -->", "<!-- one\n> two -->"]


SPELLED_OUT_TOC = """# Object Detection Papers

## Table of Contents
- [Performance table](https://github.com/ann/od-papers/blob/master/README.md#performance-table)
- [2015](https://github.com/ann/od-papers/blob/master/README.md#2015)
- [2014](https://github.com/ann/od-papers/blob/master/README.md#2014)
- [Dataset Papers](https://github.com/ann/od-papers/blob/master/README.md#dataset-papers)

## Performance table

## 2015

- [Fast R-CNN](https://arxiv.org/abs/1504.08083) - Region proposals, faster.
- [YOLO](https://arxiv.org/abs/1506.02640) - One look.

## 2014

## Dataset Papers

## Contact

- [e-mail](mailto:ann@example.org)
- [blog](https://ann.example.org/)
"""


def test_a_table_of_contents_may_spell_its_anchors_out_as_github_addresses():
    doc = Document(SPELLED_OUT_TOC, "README.md")
    toc = [link.url for link in doc.links if "od-papers" in link.url]
    assert len(toc) == 4 and all(doc.in_page(url) for url in toc)
    assert [e.title for e in doc.entries] == ["Fast R-CNN", "YOLO", "e-mail", "blog"]  # no ToC line
    from awesome_lint.model import contents

    assert contents.find(doc) is not None


def test_only_this_files_own_anchors_count_as_in_page():
    text = SPELLED_OUT_TOC + "\nSee [their 2015](https://github.com/bob/other/blob/main/README.md#2015).\n"
    doc = Document(text, "README.md")
    # one link of another repository that happens to name one of our anchors: not ours
    assert not doc.in_page("https://github.com/bob/other/blob/main/README.md#2015")
    assert doc.in_page("#2015")
    for url, ours in [("README.md#2015", True), ("./README.md#dataset-papers", True),
                      ("docs/README.md#2015", False), ("README.md#no-such-heading", False),
                      ("CONTRIBUTING.md#2015", False)]:
        linked = Document(f"# T\n\n## 2015\n\n## Dataset Papers\n\n[x]({url}) and [y]({url}).\n", "README.md")
        assert linked.in_page(url) is ours, url


def test_a_spelled_out_table_of_contents_is_not_held_to_an_order_of_its_own():
    from awesome_lint.engine.config import Config
    from awesome_lint.engine.pipeline import build_settings, check
    from awesome_lint.rule import Context

    # the sections are nearly alphabetical, and the contents follow the sections
    names = ["Apps", "Books", "Courses", "Datasets", "Frameworks", "Tools", "Editors", "Videos", "Zines"]
    base = "https://github.com/ann/learn/blob/main/README.md#"
    text = "# Learning\n\n## Contents\n\n" + "".join(f"- [{n}]({base}{n.lower()})\n" for n in names)
    text += "".join(f"\n## {n}\n\nSome text about {n.lower()}.\n" for n in names)
    _, found = check(text, build_settings(Config(), links=False), Context(path="README.md"))
    assert [d.message for d in found if d.rule == "sort-order"] == []


def test_a_heading_written_in_html_opens_a_section_and_takes_the_anchor_of_its_text():
    # GitHub's anchors come from every h1-h6 of the rendered page (html-pipeline's
    # TableOfContentsFilter selects 'h1, h2, h3, h4, h5, h6'), raw HTML ones too, numbered
    # with the markdown headings; an id on the tag is an anchor besides
    text = ("# List\n\n## Tools\n\n- [A](https://a.example) - A.\n\n<h3 id=\"wmt18\">WMT &amp; 2018</h3>\n\n"
            "- [B](https://b.example) - B.\n\nNotes.\n\n  <h3>Extras</h3>\n\n- [C](https://c.example) - C.\n\n## Tools\n\n"
            "- <h3>not a heading</h3>\n\n<h3>two</h3> <h3>on one line</h3>\n")
    doc = Document(text)
    assert [(h.level, h.text, h.slug, h.html) for h in doc.headings] == [
        (1, "List", "list", False), (2, "Tools", "tools", False), (3, "WMT & 2018", "wmt--2018", True),
        (3, "Extras", "extras", True), (2, "Tools", "tools-1", False)]
    assert "wmt18" in doc.anchors
    assert [(e.title, e.section.title, e.section.parent.title) for e in doc.entries] == [
        ("A", "Tools", "List"), ("B", "WMT & 2018", "Tools"), ("C", "Extras", "Tools")]


def test_a_bare_url_in_a_heading_and_a_destination_in_angle_brackets():
    doc = Document("# Tools https://x.example/a\n\n- [A](<https://a.example/x y>) - A.\n")
    assert [(l.url, l.kind, l.image, l.in_heading, l.bare) for l in doc.links] == [
        ("https://x.example/a", "bare", False, True, True),
        ("https://a.example/x y", "inline", False, False, False)]


def test_a_byte_order_mark_before_the_title_hides_no_heading():
    text = "\ufeff# Awesome Deep Learning\n\n## Table of Contents\n\n* [Books](#books)\n\n## Books\n\n- [A](https://a.example) - A.\n"
    doc = Document(text)
    assert [(h.level, h.text) for h in doc.headings][:2] == [(1, "Awesome Deep Learning"), (2, "Table of Contents")]
    assert doc.text == text  # the mark stays in the text, offsets unchanged
    heading = doc.headings[0]
    assert doc.text[heading.content_start:heading.content_end] == "Awesome Deep Learning"
    # with front matter after it, the front matter is still no markdown
    front = Document("\ufeff---\ntitle: x\n---\n# Awesome\n\nText.\n")
    assert [(h.level, h.text, h.line) for h in front.headings] == [(1, "Awesome", 3)]
