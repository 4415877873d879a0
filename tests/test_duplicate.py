from __future__ import annotations

import pytest
from helpers import paper_entry

from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules.duplicate import Duplicate, normalise_url


@pytest.mark.parametrize("a, b", [
    ("https://arxiv.org/abs/2210.09292", "http://arxiv.org/pdf/2210.09292v2.pdf"),
    ("https://arxiv.org/abs/2210.09292v3", "arxiv.org/pdf/2210.09292"),
    ("https://github.com/Owner/Repo", "https://www.github.com/owner/repo/"),
    ("https://github.com/owner/repo.git", "https://github.com/OWNER/repo#readme"),
    ("https://example.com/a/", "http://www.example.com/a"),
    ("https://example.com/a#readme", "https://example.com/a"),
    ("https://github.com/Owner/Repo/tree/main/docs", "https://github.com/owner/REPO/tree/main/docs"),
    ("https://GitHub.com/Owner/Repo/issues/1", "https://github.com/owner/repo/issues/1/"),
])
def test_same_destination(a, b):
    assert normalise_url(a) == normalise_url(b)


@pytest.mark.parametrize("a, b", [
    ("https://arxiv.org/abs/2210.09292", "https://arxiv.org/abs/2210.09293"),
    ("https://github.com/owner/repo", "https://github.com/owner/repo2"),
    ("https://example.com/a?x=1", "https://example.com/a?x=2"),
    # only the owner and repository ignore case on GitHub, not the path inside
    ("https://github.com/owner/repo/tree/main/Docs", "https://github.com/owner/repo/tree/main/docs"),
    # other hosts keep the path's case
    ("https://example.com/Owner/Repo", "https://example.com/owner/repo"),
    # a fragment names another part of the page: the C books and the C++ books
    ("https://books.example/free#c", "https://books.example/free#cpp"),
    # only slashes are trimmed off the end of a path
    ("https://example.com/BOX", "https://example.com/BO"),
])
def test_different_destination(a, b):
    assert normalise_url(a) != normalise_url(b)


entry = paper_entry


PAPERS = "\n".join([
    "## Vision\n", entry("Alpha: A Paper", "https://arxiv.org/abs/2210.00001"),
    entry("Beta", "https://arxiv.org/abs/2210.00002"),
    "## Medical\n", entry("alpha - a paper", "https://example.com/alpha"),
    entry("Gamma", "https://arxiv.org/pdf/2210.00002v2.pdf"),
])


# what a copy in another section adds, with the key that keeps such copies
HINT = " (to file entries under each topic they fit, set 'cross-listing: allowed' under 'conventions')"


def found(text, **options):
    doc = Document(text, preset="papers")
    rule = Duplicate(Duplicate.Options(**options))
    return [(doc.line_col(d.start)[0] + 1, d.message, doc.line_col(d.related[0].start)[0] + 1)
            for d in rule.check(doc, Context())]


def test_papers_by_title_and_by_url():
    assert found(PAPERS) == [
        (15, "'alpha - a paper' is listed twice; first at line 3 (section 'Vision'); 1 such copy among the list's"
             " 4 entries" + HINT, 3),
        (20, "one URL under two titles: 'Gamma' links to https://arxiv.org/pdf/2210.00002v2.pdf, as 'Beta'"
             " does at line 8; one of the two links is wrong, or the two entries are one thing under two names", 8),
    ]


def test_cross_listing_can_be_allowed():
    assert found(PAPERS, allow_cross_section=True) == []


CLASSIC = """# Awesome

## Tools

- [Alpha](https://alpha.example/tool/) - The first, see [docs](https://docs.example).
- [Beta](https://beta.example) - Also see [docs](https://docs.example).
- [Gamma](https://sponsor.example/x) - Sponsored.

## More

- [Alpha again](https://www.alpha.example/tool) - Same tool.
- [Delta](https://sponsor.example/x) - Sponsored too.
"""


def test_classic_main_links_only_and_allow_list():
    doc = Document(CLASSIC, preset="awesome")
    diags = list(Duplicate(Duplicate.Options(allow=["https://sponsor.example/*"])).check(doc, Context()))
    assert [(doc.line_col(d.start)[0] + 1, d.message) for d in diags] == [
        (11, "one URL under two titles: 'Alpha again' links to https://www.alpha.example/tool, as 'Alpha' does"
             " at line 5; one of the two links is wrong, or the two entries are one thing under two names"),
    ]


def test_classic_same_title_and_url_is_listed_twice():
    text = ("# A\n\n## One\n\n- [Alpha](https://alpha.example) - A.\n\n"
            "## Two\n\n- [alpha](https://alpha.example/) - A.\n")
    doc = Document(text, preset="awesome")
    assert [(doc.line_col(d.start)[0] + 1, d.message, d.severity) for d in Duplicate().check(doc, Context())] == [
        (9, "'alpha' is listed twice; first at line 5 (section 'One'); 1 such copy among the list's 2 entries"
         + HINT, "warning"),
    ]


def test_cross_section_copies_warn_and_same_section_copies_fail():
    doc = Document(PAPERS + "\n" + entry("Gamma", "https://arxiv.org/abs/2210.00099"), preset="papers")
    severities = [(doc.line_col(d.start)[0] + 1, d.severity) for d in Duplicate().check(doc, Context())]
    # line 15: cross-listed under another topic; line 20: a wrong link copied;
    # line 25: the same paper twice in one section
    assert severities == [(15, "warning"), (20, "error"), (25, "error")]


def test_an_entry_whose_url_is_bare_text_counts_for_duplicates():
    text = (
        "## Vision\n\n"
        "**Alpha** \\\n*A. Author* \\\n[7th Oct., 2022] [arXiv, 2022] \\\nhttps://arxiv.org/abs/2210.00001\n\n"
        "**Beta** \\\n*B. Author* \\\n[8th Oct., 2022] [arXiv, 2022] \\\n[[Paper](https://arxiv.org/pdf/2210.00001v2.pdf)]\n"
    )
    doc = Document(text, preset="papers")
    found = list(Duplicate().check(doc, Context()))
    assert len(found) == 1 and "2210.00001" in found[0].message
    assert [l.url for l in doc.links if l.bare] == ["https://arxiv.org/abs/2210.00001"]


def test_a_github_repository_listed_twice_in_different_case_is_reported():
    text = ("# Awesome\n\n## Tools\n\n- [Tool](https://github.com/Octo/Tool) - A tool.\n"
            "- [Tool fork](https://github.com/octo/tool) - The same repository.\n"
            "- [Docs](https://github.com/octo/tool/tree/main/Docs) - Its docs.\n"
            "- [docs](https://github.com/OCTO/TOOL/tree/main/docs) - Other folder.\n")
    doc = Document(text, preset="awesome")
    diags = list(Duplicate().check(doc, Context()))
    assert [(doc.line_col(d.start)[0] + 1, d.message) for d in diags] == [
        (6, "one URL under two titles: 'Tool fork' links to https://github.com/octo/tool, as 'Tool' does"
             " at line 5; one of the two links is wrong, or the two entries are one thing under two names"),
    ]


def test_classic_lists_that_cross_list_repeatedly_keep_it_and_copies_in_one_section_are_errors():
    items = ["Ant", "Bee", "Cat"]
    one = "\n".join(f"- [{n}](https://{n.lower()}.example/x) - {n}." for n in items)
    text = f"# A\n\n## One\n\n{one}\n- [Ant](https://ant.example/x) - Again.\n\n## Two\n\n{one}\n"
    doc = Document(text)
    found = [(doc.line_col(d.start)[0] + 1, d.severity) for d in Duplicate().check(doc, Context())]
    assert found == [(8, "error")]  # three cross-listed tools: the list's habit; the copy in 'One' is not
    once = text.replace("- [Bee](https://bee.example/x) - Bee.\n- [Cat](https://cat.example/x) - Cat.\n", "")
    once = once.replace("- [Ant](https://ant.example/x) - Ant.\n- [Ant]", "- [Ant](https://ant.example/x) - Ant.\n"
                        "- [Bee](https://bee.example/x) - Bee.\n- [Cat](https://cat.example/x) - Cat.\n- [Ant]", 1)
    assert once.count("[Bee]") == 1 and once.count("[Ant]") == 3
    doc = Document(once)
    assert [(doc.line_col(d.start)[0] + 1, d.severity) for d in Duplicate().check(doc, Context())] == [
        (8, "error"), (12, "warning")]


def test_two_places_in_one_repository_readme_are_two_destinations():
    assert normalise_url("https://github.com/o/r#survey-") != normalise_url("https://github.com/o/r#data-source")
    assert normalise_url("https://github.com/o/r#readme") == normalise_url("https://github.com/O/r")


def test_cross_listing_pinned_as_allowed_lets_papers_repeat_across_sections():
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import validate
    settings = engine.build_settings(validate({"select": ["duplicate"], "family": "papers",
                                               "conventions": {"cross-listing": "allowed"}}, None))
    # both repeats are across sections (test_papers_by_title_and_by_url finds them unpinned)
    assert engine.check(PAPERS, settings, Context())[1] == []


def _classic(lines):
    text = "# Awesome\n\n" + "\n".join(lines) + "\n"
    doc = Document(text)
    return [(doc.line_col(d.start)[0] + 1, d.message.split(":")[0]) for d in Duplicate().check(doc, Context())]


def test_parts_of_one_project_may_share_its_repository_but_a_copied_link_may_not():
    assert _classic([
        "## Tools\n",
        "- [uv](https://github.com/astral-sh/uv) - Package manager.",
        "- [uv-build](https://github.com/astral-sh/uv) - Its build backend.",
        "- [hatch](https://github.com/pypa/hatch) - Project manager.",
        "- [hatchling](https://github.com/pypa/hatch) - Build backend of hatch.",
        "- [Model 3.1](https://models.example/) - One edition.",
        "- [Model 3.2](https://models.example/) - The next edition.",
        "- [geo](https://github.com/web/web) - (part of Web) Maps for web apps.",
        "- [Web](https://github.com/web/web) - A framework.",
    ]) == []
    # a longer title for the same thing is the thing listed twice, and so is a page named
    # by its site; two unrelated names on one link are one URL under two titles (a URL that
    # happens to contain the other name is not a mention of it)
    assert _classic([
        "## Tools\n",
        "- [TR-8](https://drums.example/machine/) - A drum machine.",
        "- [TR-8 Drum Machine](https://drums.example/machine) - A drum machine.",
        "- [Mediastack](https://api.example/products/mediastack) - News.",
        "- [Marketstack](https://api.example/products/mediastack) - Markets.",
        "- [Open Data Sets](https://www.datasets-hub.example/open.html) - Public data.",
        "- [datasets-hub.example](https://datasets-hub.example/open.html) - The same page.",
    ]) == [(6, "'TR-8 Drum Machine' is listed twice; first at line 5"), (8, "one URL under two titles"),
           (10, "'datasets-hub.example' is listed twice; first at line 9")]


def test_a_paper_whose_title_only_begins_another_is_not_the_same_paper():
    url = "https://arxiv.org/abs/2304.02643"
    text = "# Papers\n\n## Segmentation\n\n" + paper_entry("Segment Everything", url) + "\n" \
        + paper_entry("Segment Everything in Medical Images", url)
    assert [m.split(":")[0] for _, m, _ in found(text)] == ["one URL under two titles"]


def test_a_digest_section_repeats_the_catalogue_by_design():
    catalogue = ["## Models\n", "- [Alpha](https://github.com/o/alpha) - A model.",
                 "- [Beta](https://github.com/o/beta) - Another."]
    assert _classic(["## Trending Projects\n", "- [Alpha](https://github.com/o/alpha)\n", *catalogue]) == []
    assert _classic(["## Picks\n", "- [Alpha](https://github.com/o/alpha)\n", *catalogue]) == [
        (9, "'Alpha' is listed twice; first at line 5 (section 'Picks'); 1 such copy among the list's 3 entries"
         " (to file entries under each topic they fit, set 'cross-listing")]  # (up to the first ':')
    for heading in ("## 2.1 Latest News\n", "## 🔥 Trending\n", "## Paper Highlights\n"):
        assert _classic([heading, "- [Alpha](https://github.com/o/alpha)\n", *catalogue]) == [], heading
    # a topic that mentions its newest works is a topic: a copy from it is still a copy
    topic = _classic(["## Instruction Tuning (& Latest Works)\n", "- [Alpha](https://github.com/o/alpha)\n", *catalogue])
    assert [line for line, _ in topic] == [9]


def _papers(copies: int, singles: int) -> str:
    shared = [entry(f"Shared Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(copies)]
    own = [entry(f"Own Paper {i}", f"https://arxiv.org/abs/2302.{i:05d}") for i in range(singles)]
    return "\n".join(["## Vision\n", *shared, *own, "## Medical\n", *shared])


def test_a_paper_list_cross_lists_by_habit_only_when_copies_are_common():
    # 4 copies among 88 papers: each copy is worth a look
    doc = Document(_papers(4, 80), preset="papers")
    assert doc.conventions.cross_listing.value == "reported"
    assert len(list(Duplicate().check(doc, Context()))) == 4
    # 4 copies among 14 papers: the list files a paper under each topic it fits
    doc = Document(_papers(4, 6), preset="papers")
    conv = doc.conventions.cross_listing
    assert (conv.value, conv.counts["cross-listed"], conv.total) == ("allowed", 4, 14)
    assert list(Duplicate().check(doc, Context())) == []
    pinned = Document(_papers(4, 6), preset="papers", pins={"cross-listing": "reported"})
    assert len(list(Duplicate().check(pinned, Context()))) == 4


def _paper(title, authors, arxiv, code=""):
    links = f"[[Paper](https://arxiv.org/abs/{arxiv})]" + (f" [[Code]({code})]" if code else "")
    return f"**{title}** \\\n*{authors}* \\\n[7th Oct., 2022] [arXiv, 2022] \\\n{links}\n"


def test_papers_with_their_own_arxiv_ids_are_two_papers():
    text = "## Surveys\n\n" + "\n".join([
        _paper("Diffusion in NLP: A Survey", "A. Zou, B. Kim", "2305.14671"),
        _paper("Diffusion in NLP: A Survey", "C. Zhu, D. Zhao", "2303.07576"),  # same title, other authors
        _paper("ISS: Shapes From Text", "E. Liu", "2209.04145", "https://github.com/e/iss"),
        _paper("ISS++: Shapes From Text", "E. Liu", "2303.15181", "https://github.com/e/iss"),  # its extension
        _paper("Extracting Data", "F. Carlini", "2301.13188"),
        _paper("Extracting Data", "F. Carlini", "2302.00860"),  # the same paper, one id copied wrong
    ])
    doc = Document(text, preset="papers")
    assert [(doc.line_col(d.start)[0] + 1, d.message.split(";")[0]) for d in Duplicate().check(doc, Context())] == [
        (28, "'Extracting Data' is listed twice")]


def test_one_paper_under_a_title_with_its_short_name_or_a_slip_is_listed_twice():
    text = "\n".join([
        "## Restoration\n",
        entry("Diffusion Prior-Based Amortized Variational Inference for Noisy Inverse Problems",
              "https://arxiv.org/abs/2407.16125"),
        entry("DAVI: Diffusion Prior-Based Amortized Variational Inference for Noisy Inverse Problem",
              "https://arxiv.org/abs/2407.16125"),
        entry("Towards Real-World Blind Face Restoration", "https://arxiv.org/abs/2312.15736"),
        entry("DifFace: Blind Face Restoration with Diffused Error Contraction", "https://arxiv.org/abs/2312.15736"),
    ])
    assert [(line, message.split(";")[0]) for line, message, _ in found(text)] == [
        (8, "'DAVI: Diffusion Prior-Based Amortized Variational Inference for Noisy Inverse Problem' is listed twice"),
        (18, "one URL under two titles: 'DifFace: Blind Face Restoration with Diffused Error Contraction' links to "
             "https://arxiv.org/abs/2312.15736, as 'Towards Real-World Blind Face Restoration' does at line 13"),
    ]


def test_a_paper_under_another_label_or_short_name_is_listed_twice_not_a_wrong_link():
    # tables of papers put a label in front of the title and the lab after it;
    # the same paper filed again under a new label is a copy, not a copied link
    head = "| Date | Title | Paper |\n|:--|:--|:--|\n"
    text = (
        "# Papers\n\n## Serving\n\n" + head
        + "|2023.09|🔥[**PagedKV**] Paging the Key-Value Cache of Served Models(@Some Lab)|"
          "[[pdf]](https://arxiv.org/pdf/2309.11111.pdf)|\n"
        + "|2023.10|[Spec] Drafting Tokens Ahead for Faster Decoding(@Other Lab)|"
          "[[pdf]](https://arxiv.org/pdf/2310.22222.pdf)|\n\n"
        + "## Memory\n\n" + head
        + "|2023.09|🔥🔥[**Memory: PagedKV**] PagedKV: Paging the Key-Value Cache of Served Models"
          "(@Some Lab, Other Lab)|"
          "[[pdf]](https://arxiv.org/pdf/2309.11111.pdf)|\n"
        + "|2023.11|[Cache Quant] Quantising the Cache of Long Contexts(@Third Lab)|"
          "[[pdf]](https://arxiv.org/pdf/2310.22222.pdf)|\n"
    )
    messages = [m for _, m, _ in found(text)]
    assert len(messages) == 2
    # (the titles as the messages name them: without the list's marks, labels and labs)
    assert messages[0].startswith("'PagedKV: Paging the Key-Value Cache of Served "
                                  "Models' is listed twice; first at line 7 (section 'Serving')")
    assert messages[1].startswith("one URL under two titles: 'Quantising the Cache of Long "
                                  "Contexts' links to https://arxiv.org/pdf/2310.22222.pdf")


def test_titles_that_differ_in_their_numbers_are_two_things_and_each_heading_has_its_own_anchor():
    # a contents list whose item for week 43 was pasted with week 42's anchor: one of
    # the two links is wrong, although the titles look like editions of one thing
    assert _classic([
        "## Weeks\n",
        "- [Top Picks of the Week (October 21 - October 27)](./#top-picks-of-the-week-october-14---october-20)",
        "- [Top Picks of the Week (October 14 - October 20)](./#top-picks-of-the-week-october-14---october-20)",
        "- [Release Notes for Version 2.14 of the Toolkit](https://notes.example/toolkit)",
        "- [Release Notes for Version 2.15 of the Toolkit](https://notes.example/toolkit)",
    ]) == [(6, "one URL under two titles")]  # (editions sharing a site's page stay siblings)


def test_a_page_that_lists_several_papers_is_no_papers_wrong_link():
    # three papers of a conference all link to its programme: nobody's wrong link; but
    # three titles under one arXiv id are three slips of a copied link
    def papers(urls):
        return "# L\n\n## ICRA 2019\n\n" + "".join(
            f"- [[ICRA]({u})] {t} for Point Clouds. [[code](https://github.com/u/{n})]\n"
            for n, (t, u) in enumerate(zip(("Fast Segmentation", "Robust Registration", "Sparse Detection"), urls)))
    programme = "https://ras.papercept.net/conferences/ICRA19/program/ICRA19_ContentListWeb_2.html"
    assert found(papers([programme] * 3)) == []
    assert [line for line, _, _ in found(papers(["https://arxiv.org/abs/1903.06405"] * 3))] == [6, 7]
    # two titles under one page are still one too many
    assert [line for line, _, _ in found(papers([programme, programme, "https://a.example/3.pdf"]))] == [6]


def test_one_short_title_by_other_people_is_two_works_a_long_one_is_a_copied_title():
    def two(title, second_authors):
        return (f"# MT\n\n## Books\n\n* Philipp Koehn. 2017. [{title}](https://arxiv.org/abs/1709.07809). *arXiv*.\n"
                f"* {second_authors}. 2016. [{title}](https://nlp.example/nmt.pdf). *ACL 2016 Tutorial*.\n")
    assert found(two("Neural Machine Translation", "Thang Luong, Kyunghyun Cho, and Christopher Manning")) == []
    # the same people, or a first author of the same name: the same work twice
    assert [line for line, _, _ in found(two("Neural Machine Translation", "P. Koehn"))] == [6]
    # a long title over other names: one paper's title written over another's
    long = "Vision Transformer-based Recognition of Diabetic Retinopathy Grade"
    assert [line for line, _, _ in found(two(long, "Jianfang Wu, Ruo Hu"))] == [6]


def test_a_courses_own_pages_under_it_share_its_address():
    # a course, then its syllabus and lectures on the course's own page: no wrong link; two
    # topics under a heading item pointing at one anchor of another site are one
    text = ("# Courses\n\n## Systems\n\n"
            "- [CS 2043](http://www.cs.cornell.edu/courses/CS2043/2014sp/) **Unix Tools** *Cornell*\n"
            "\t- [Syllabus](http://www.cs.cornell.edu/courses/CS2043/2014sp/)\n"
            "\t- [Lectures](http://www.cs.cornell.edu/courses/CS2043/2014sp/)\n"
            "- [CS 3410](http://www.cs.cornell.edu/courses/cs3410/2016fa/) **Organisation** *Cornell*\n"
            "\t- [Lectures](http://www.cs.cornell.edu/courses/CS3410/2014sp/schedule.html)\n"
            "\t- [Assignments](http://www.cs.cornell.edu/courses/CS3410/2014sp/schedule.html)\n"
            "- [Dimension Reduction](https://en.wikipedia.org/wiki/Dimensionality_reduction)\n"
            "  - [PCA](https://scikit-learn.org/stable/modules/decomposition.html#pca)\n"
            "  - [t-SNE](https://scikit-learn.org/stable/modules/decomposition.html#pca)\n"
            "- [Operating Systems](http://www.cs.cornell.edu/courses/CS2043/2014sp/) *Cornell*\n")
    doc = Document(text)
    got = [(doc.line_col(d.start)[0] + 1, d.message.split(" links to")[0]) for d in Duplicate().check(doc, Context())]
    assert got == [(13, "one URL under two titles: 't-SNE'"), (14, "one URL under two titles: 'Operating Systems'")]


def test_a_digest_after_the_catalogue_and_copies_counted_in_the_plural():
    catalogue = ["## Models\n", "- [Alpha](https://github.com/o/alpha) - A model.",
                 "- [Beta](https://github.com/o/beta) - Another.", "- [Gamma](https://github.com/o/gamma) - More."]
    # the digest comes last: its picks repeat the catalogue above it
    assert _classic([*catalogue, "\n## Trending Projects\n", "- [Alpha](https://github.com/o/alpha)\n"]) == []
    # two copies in a section of picks: "2 such copies"
    got = _classic([*catalogue, "\n## Picks\n", "- [Alpha](https://github.com/o/alpha)",
                    "- [Beta](https://github.com/o/beta)\n"])
    assert [line for line, _ in got] == [11, 12]
    assert "; 2 such copies among the list's 5 entries" in got[0][1]


def test_two_contents_topics_one_of_the_lists_own_pages_covers_are_no_wrong_link():
    text = ("# Rendering\n\n## Table of Contents\n\n"
            "- [Introduction](./docs/INTRODUCTION-AND-SURVEY.md)\n"
            "- [Related Surveys](./docs/INTRODUCTION-AND-SURVEY.md)\n"
            "- [Inverse Rendering](docs/INVERSE.md)\n"
            "- [Inverse Rendering](docs/INVERSE.md)\n"
            "- [Differentiable Rendering](https://example.org/dr.md)\n"
            "- [Neural Rerendering](https://example.org/dr.md)\n"
            "\n## Tools\n\n- [Alpha](docs/alpha.md) - A tool.\n- [Beta](docs/alpha.md) - Another.\n")
    doc = Document(text)
    got = [(doc.line_col(d.start)[0] + 1, d.message.split(";")[0].split(" links to")[0])
           for d in Duplicate().check(doc, Context())]
    # the same page under the same title is still listed twice; another site's page under
    # two titles is still one wrong link, and so is a page of the list's own under two tools
    assert got == [(8, "'Inverse Rendering' is listed twice"), (10, "one URL under two titles: 'Neural Rerendering'"),
                   (15, "one URL under two titles: 'Beta'")]


def _benchmarks(rows: list[tuple[str, str, str]]) -> str:
    head = "| Date | Venue | Benchmark | Size | Source |\n| --- | --- | --- | --- | --- |\n"
    return head + "".join(f"| 2022-10 | ICLR 2023 | {name} | 1K | \"{title}\" [[paper]({url})] |\n"
                          for name, title, url in rows)


def test_a_table_of_benchmarks_lists_benchmarks_not_the_papers_they_cite():
    multi = ("Multi-lingual Evaluation of Code Generation Models", "https://arxiv.org/abs/2210.14868")
    text = ("# Code\n\n## Models\n\n"
            "- \"Multi-lingual Evaluation of Code Generation Models\" [2022-10] [[paper](https://arxiv.org/abs/2210.14868)]\n"
            "- \"Program Synthesis with Large Language Models\" [2021-08] [[paper](https://arxiv.org/abs/2108.07732)]\n\n"
            "## Synthesis\n\n" + _benchmarks([("MBXP", *multi), ("Multilingual HumanEval", *multi),
                                              ("MathQA-X", *multi), ("unnamed", "Some Dataset Paper", "https://a.example/1"),
                                              ("MBXP", *multi)])
            + "\n## Translation\n\n" + _benchmarks([("MBXP", *multi), ("-", "Some Dataset Paper", "https://a.example/1")]))
    doc = Document(text, preset="papers")
    assert {e.fields["subject"].text for e in doc.entries if "subject" in e.fields} == {
        "MBXP", "Multilingual HumanEval", "MathQA-X", "unnamed", "-"}
    # three benchmarks of one paper, and the paper in a list of papers: one finding, for MBXP's second row
    assert [(line, message) for line, message, _ in found(text)] == [
        (16, "'MBXP' (from 'Multi-lingual Evaluation of Code Generation Models') is listed twice; first at line 12")]


def test_a_row_without_a_benchmark_column_is_still_the_paper():
    text = ("# Papers\n\n## A\n\n| Date | Title | Code |\n| --- | --- | --- |\n"
            "| 2023-05 | [Seg Anything in PET](https://arxiv.org/abs/2305.00001) | - |\n"
            "| 2023-06 | [Other Paper](https://arxiv.org/abs/2306.00001) | - |\n"
            "| 2023-07 | [Seg Anything in PET](https://arxiv.org/abs/2305.00001) | - |\n")
    assert [line for line, _, _ in found(text)] == [9]


def test_a_dataset_column_of_links_only_leaves_the_row_the_papers():
    text = ("# Papers\n\n## A\n\n- [Seg Anything in PET](https://arxiv.org/abs/2305.00001)\n\n## Datasets\n\n"
            "| Date | Authors | Title | Dataset |\n| --- | --- | --- | --- |\n"
            "| 202305 | A. Li et al. | Seg Anything in PET [(paper)](https://arxiv.org/abs/2305.00001) | [Link](https://d.example/pet) |\n"
            "| 202306 | B. Wu et al. | Other Paper [(paper)](https://arxiv.org/abs/2306.00001) | [Link](https://d.example/o) |\n")
    doc = Document(text, preset="papers")
    assert not any("subject" in e.fields for e in doc.entries)
    assert [line for line, _, _ in found(text)] == [11]  # the row, a copy of the paper at line 5


def _tools(names: list[str]) -> str:
    return "".join(f"* [{n}](https://github.com/o/{n}) - Does {n} things.\n" for n in names)


def test_sections_pasted_twice_are_one_finding_not_one_per_entry():
    first = {"Queue": ["q1", "q2"], "Email": ["m1", "m2", "m3"], "Computer Vision": [], "Proxy": ["p1"]}
    text = "# Go Scraping\n\n## Network\n\n" + _tools(["net", "dns"])
    for title, names in first.items():
        text += f"\n## {title}\n\n" + _tools(names)
    text += "\n## DNS\n\n" + _tools(["net"])  # filed under two topics: a copy of its own
    for title, names in first.items():
        text += f"\n## {title}\n\n" + _tools(names)
    doc = Document(text)
    lines = text.split("\n")
    second_queue = [i for i, l in enumerate(lines) if l == "## Queue"][1] + 1
    first_queue = lines.index("## Queue") + 1
    net_copy = lines.index("## DNS") + 3
    assert sorted(_classic_found(text)) == [
        (net_copy, "'net' is listed twice; first at line 5 (section 'Network'); 1 such copy among the list's "
                   "15 entries" + HINT),
        (second_queue, f"the 3 sections from 'Queue' (line {second_queue}) to 'Proxy' repeat the sections of those "
                       f"names from line {first_queue}: 6 entries are listed twice")]
    assert doc.conventions.cross_listing.counts["cross-listed"] == 1


def test_two_sections_of_one_name_under_other_parents_are_two_topics():
    text = ("# Lists\n\n## Python\n\n### Tools\n\n" + _tools(["black", "ruff"]) +
            "\n## Go\n\n### Tools\n\n" + _tools(["black", "gofmt"]))
    assert [message.split(";")[0] for _, message in _classic_found(text)] == ["'black' is listed twice"]


def _classic_found(text):
    doc = Document(text)
    return [(doc.line_col(d.start)[0] + 1, d.message) for d in Duplicate().check(doc, Context())]


def test_a_repository_named_with_and_without_its_owner_is_one_thing():
    text = ("# Rust\n\n## GUI\n\n* [linebender/xilem](https://github.com/linebender/xilem) - Reactive UI.\n"
            "* [iced](https://github.com/iced-rs/iced) - A GUI library.\n"
            "* [xilem](https://github.com/linebender/xilem) - Successor of druid.\n"
            "* [astral-sh/uv](https://github.com/astral-sh/uv) - Package manager.\n"
            "* [uv-build](https://github.com/astral-sh/uv) - Its build backend.\n")
    assert [(line, message.split(";")[0]) for line, message in _classic_found(text)] == [
        (7, "'xilem' is listed twice")]


def test_with_an_allow_list_a_pasted_section_still_leaves_the_other_copies_reported():
    # the copies were read once for the pasted sections and were gone for everything else
    first = {"Queue": ["q1", "q2"], "Email": ["m1", "m2", "m3"]}
    text = "# Go\n\n## Network\n\n" + _tools(["net", "dns", "net2"])
    for title, names in first.items():
        text += f"\n## {title}\n\n" + _tools(names)
    for title, names in first.items():
        text += f"\n## {title}\n\n" + _tools(names)
    text += "\n## More\n\n* [net again](https://github.com/o/net) - The same.\n"
    doc = Document(text)
    rule = Duplicate(Duplicate.Options(allow=["https://sponsor.example/*"]))
    messages = [d.message for d in rule.check(doc, Context())]
    assert any(m.startswith("the 2 sections from 'Queue'") for m in messages)
    assert any("'net again' links to https://github.com/o/net" in m for m in messages)


def test_a_row_pasted_twice_in_a_section_is_a_copy_there_though_the_paper_is_also_filed_elsewhere():
    row = "| [**{t}**](https://arxiv.org/abs/{a}) | ACL | {d} |"
    papers = [("Sequence Distillation Paper One", "2307.15190", "2023-07"), ("Another Distilled Paper", "2306.08543", "2023-06"),
              ("Third Paper On Teachers", "2305.12345", "2023-05")]
    head = "| Title | Venue | Date |\n|---|---|---|\n"
    first = head + "\n".join(row.format(t=t, a=a, d=d) for t, a, d in papers) + "\n"
    second = head + "\n".join(row.format(t=t, a=a, d=d) for t, a, d in papers + papers[-1:]) + "\n"
    text = f"# KD\n\n## Skills\n\n{first}\n## Domains\n\n{second}"
    # the three cross-listed papers are the list's habit; the pasted row under 'Domains' is not
    doc = Document(text)
    got = [(doc.line_col(d.start)[0] + 1, doc.line_col(d.related[0].start)[0] + 1) for d in Duplicate().check(doc, Context())]
    assert got == [(18, 17)]  # the pasted row, against the row above it


def test_two_papers_of_one_models_name_each_with_its_own_arxiv_id_are_two_papers():
    head = "| Title | Model | Date | Venue |\n|---|---|---|---|\n"
    rows = ("| [**VideoAgent: A Memory-augmented Multimodal Agent for Video Understanding**](https://arxiv.org/abs/2403.11481)"
            " | VideoAgent | 03/2024 | arXiv |\n"
            "| [**VideoAgent long-form video understanding with large language model as agent**](https://arxiv.org/abs/2403.10517)"
            " | VideoAgent | 03/2024 | arXiv |\n"
            "| [**Language repository for long video understanding**](https://arxiv.org/abs/2403.14622) | LangRepo | 03/2024 | arXiv |\n")
    assert len(Document("## Agents\n\n" + head + rows).entries) == 3
    assert found("## Agents\n\n" + head + rows) == []
