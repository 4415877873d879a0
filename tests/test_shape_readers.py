"""Each paper shape gives the fields the bold-block reader gives, as exact spans."""
from __future__ import annotations

import pytest

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.model import dates
from awesome_lint.model.document import Document
from awesome_lint.rule import Context


def _fields(text):
    doc = Document(text)
    papers = [e for e in doc.entries if e.kind == "paper"]
    out = []
    for entry in papers:
        for f in entry.fields.values():
            assert doc.text[f.start:f.end] == f.text
        out.append((entry.shape, {k: f.text for k, f in entry.fields.items()}, [l.url for l in entry.links]))
    return doc, out


def test_numbered_bold_with_authors_paragraph():
    doc, got = _fields(
        "# GNN\n\n## Models\n\n"
        "1. **Graph Attention Networks.** ICLR 2018. [paper](https://arxiv.org/abs/1710.10903)\n\n"
        "    *Petar Velickovic, Guillem Cucurull.*\n\n"
        "1. **Deep Sets.** NeurIPS 2017. [paper](https://arxiv.org/abs/1703.06114)\n\n"
        "    *Manzil Zaheer.*\n"
    )
    assert got == [
        ("numbered-bold", {"title": "Graph Attention Networks.", "venue": "ICLR 2018",
                           "authors": "Petar Velickovic, Guillem Cucurull."}, ["https://arxiv.org/abs/1710.10903"]),
        ("numbered-bold", {"title": "Deep Sets.", "venue": "NeurIPS 2017", "authors": "Manzil Zaheer."},
         ["https://arxiv.org/abs/1703.06114"]),
    ]
    assert [e.end_line - e.start_line for e in doc.entries] == [3, 3]


def test_numbered_labelled_date_in_emphasis():
    _, got = _fields(
        "# L\n\n## A\n\n"
        "1. 📜 **Paper One**\n"
        "   - 🗓️ Publication Date: *21st Apr. 2022*\n"
        "   - 📖 Journal: Radiology\n"
        "   - 🧑‍🔬 Authors: Ann One\n"
        "   - 📄 [PDF](https://example.org/1.pdf)\n"
    )
    assert got == [("numbered-labelled", {"title": "Paper One", "date": "21st Apr. 2022", "venue": "Radiology",
                                          "authors": "Ann One"}, ["https://example.org/1.pdf"])]


def test_bold_title_with_bare_url_bullets():
    doc, got = _fields(
        "# CVPR\n\n# Backbone\n\n"
        "**RepViT: Revisiting Mobile CNN**\n\n"
        "- Paper: https://arxiv.org/abs/2307.09283\n"
        "- Code: https://github.com/THU-MIG/RepViT \n\n"
        "**TransNeXt**\n\n"
        "- Paper: https://arxiv.org/abs/2311.17132\n"
    )
    assert got == [
        ("bold-subbullets", {"title": "RepViT: Revisiting Mobile CNN"},
         ["https://arxiv.org/abs/2307.09283", "https://github.com/THU-MIG/RepViT"]),
        ("bold-subbullets", {"title": "TransNeXt"}, ["https://arxiv.org/abs/2311.17132"]),
    ]
    assert [k for k, _ in doc.entries[0].labels] == ["links", "links"]


def test_link_title_bullet_with_authors_and_venue():
    _, got = _fields(
        "# AV\n\n## Sep\n\n"
        "* [The Sound of Pixels](https://arxiv.org/pdf/1804.03160.pdf) - Zhao, H., & Gan, C. (ECCV 2018) "
        "[[code]](https://github.com/h/s)\n"
    )
    assert got == [("bullet-link-title", {"title": "The Sound of Pixels", "venue": "ECCV 2018",
                                          "authors": "Zhao, H., & Gan, C."},
                    ["https://arxiv.org/pdf/1804.03160.pdf", "https://github.com/h/s"])]


def test_bracket_title_takes_its_venue_from_a_link_text():
    _, got = _fields(
        "# GAN\n\n# Seg\n\n"
        "- [SegAN: Adversarial Network] [[scholar]](https://scholar.google.com/x) [[MICCAI 2017]](https://l.org/1)\n"
    )
    assert got == [("bullet-bracket-title", {"title": "SegAN: Adversarial Network", "venue": "MICCAI 2017"},
                    ["https://scholar.google.com/x", "https://l.org/1"])]


def test_venue_first_in_a_quote_and_paragraph_entries():
    _, got = _fields(
        "# M\n\n## S\n\n"
        "> - [**CVPR 2023**] Vision Language Models [[pdf]](https://arxiv.org/pdf/2304.00685)\n\n"
        "## P\n\n"
        "[FLAVA: A Foundational Model](https://arxiv.org/abs/2112.04482), CVPR 2022 [[code]](https://g.com/f)\n"
    )
    assert got == [
        ("quoted-bullet-venue-first", {"venue": "CVPR 2023", "title": "Vision Language Models"},
         ["https://arxiv.org/pdf/2304.00685"]),
        ("paragraph-link", {"title": "FLAVA: A Foundational Model", "venue": "CVPR 2022"},
         ["https://arxiv.org/abs/2112.04482", "https://g.com/f"]),
    ]


def test_table_rows_with_a_date_column():
    doc, got = _fields(
        "# T\n\n## Papers\n\n"
        "|Date|Authors|Title|Code|\n|---|---|---|---|\n"
        "|202305|A. One et al.|Segmenting Livers [(paper)](https://arxiv.org/abs/2305.00001)|[Code](https://g.com/a)|\n"
        "|2023-04-12|B. Two et al.|[Hearts](https://arxiv.org/abs/2304.00002)|None|\n"
    )
    assert got == [
        ("table-row", {"date": "202305", "title": "Segmenting Livers", "authors": "A. One et al."},
         ["https://arxiv.org/abs/2305.00001", "https://g.com/a"]),
        ("table-row", {"date": "2023-04-12", "title": "Hearts", "authors": "B. Two et al."},
         ["https://arxiv.org/abs/2304.00002"]),
    ]


def test_prose_toc_and_news_bullets_stay_prose():
    doc = Document(
        "# List\n\n## Contents\n\n- [Papers](#papers)\n\n## News\n\n"
        "- **[2024-09]** 🎉 [CARES](https://arxiv.org/abs/2406.06007) was accepted at NeurIPS'24\n"
        "- **Third release:** June 3, 2023\n\n"
        "[Tutorials](https://x.org/t) at CVPR 2022 and NAACL 2022, slides [here](https://x.org/s)\n"
    )
    assert doc.entries == []
    assert [s.family for s in doc.sections] == [None, None, None, None]


def test_a_document_holds_both_families():
    doc = Document(
        "# Mixed\n\n## Papers\n\n"
        "* [Objects that Sound](https://arxiv.org/pdf/1712.06651.pdf) - Arandjelovic, R. (ECCV 2018)\n"
        "* [The Sound of Pixels](https://arxiv.org/pdf/1804.03160.pdf) - Zhao, H. (ECCV 2018)\n\n"
        "## Datasets\n\n"
        "* [VoxCeleb](http://www.robots.ox.ac.uk/~vgg/data/voxceleb/) - Speaker identification.\n"
        "* [AVSpeech](https://looking-to-listen.github.io/avspeech/) - Speech separation.\n"
        "* [LRW](http://www.robots.ox.ac.uk/~vgg/data/lip_reading/lrw1.html) - Lip reading.\n"
        "* [LRS2](http://www.robots.ox.ac.uk/~vgg/data/lip_reading/lrs2.html) - Lip reading in sentences\n"
        "* [LRS3](http://www.robots.ox.ac.uk/~vgg/data/lip_reading/lrs3.html) - TED talks.\n"
    )
    assert [(s.title, s.family) for s in doc.sections[1:]] == [("Mixed", None), ("Papers", "papers"),
                                                                ("Datasets", "awesome")]
    assert [e.kind for e in doc.entries] == ["paper", "paper", "item", "item", "item", "item", "item"]
    assert doc.family == "awesome" and doc.families == {"papers", "awesome"}  # items are most
    # classic item checks run on the classic section only; paper checks on the papers
    settings = engine.build_settings(Config())
    _, found = engine.check(doc.text, settings, Context())
    lines = {(doc.line_col(d.start)[0] + 1, d.rule) for d in found}
    assert (13, "entry-format") in lines  # no full stop where the section's items have one
    assert not {n for n, rule in lines if n in (5, 6)}


def test_main_heading_accepts_hash_sections_when_every_heading_is_one():
    text = ("# Awesome Things\n\n# Tools\n\n- [A](https://a.org) - A tool.\n- [B](https://b.org) - B tool.\n\n"
            "# Books\n\n- [C](https://c.org) - A book.\n")
    settings = engine.build_settings(Config(select=["main-heading"]))
    _, found = engine.check(text, settings, Context())
    assert found == []


@pytest.mark.parametrize("text, day, month, year", [
    ("9th Feb. 2021", 9, 2, 2021), ("Feb. 9, 2021", 9, 2, 2021), ("2023-05", None, 5, 2023),
    ("202305", None, 5, 2023), ("202311", None, 11, 2023), ("2023-5", None, 5, 2023), ("May 2023", None, 5, 2023),
])
def test_the_date_forms_of_paper_lists(text, day, month, year):
    parsed = dates.parse(text)
    assert (parsed.day, parsed.month, parsed.year) == (day, month, year)


@pytest.mark.parametrize("text", ["202313", "2023-13", "123456", "SEM 2018x", "2023-5-"])
def test_not_month_dates(text):
    assert dates.parse(text) is None


def test_month_dates_sort_before_the_days_of_their_month_and_miss_no_day():
    assert dates.parse("2023-05").key == (2023, 5, 0) < dates.parse("1st May, 2023").key
    assert dates.parse("202305").monthly and dates.parse("2023-05").monthly
    assert not dates.parse("May 2023").monthly  # a word month without its day still misses it
    # a month in digits shows no order of day, month and year: it casts no vote on the list's order
    assert dict(dates.written("202305")) == {} and dict(dates.written("2023-05-02")) == {"order": "iso"}


@pytest.mark.parametrize("text, details", [
    ("9th Feb. 2021", {"ordinal": True, "padding": False, "month": "abbr.", "order": "day-month-year",
                       "comma": False}),
    ("*21st Apr. 2022*".strip("*"), {"ordinal": True, "month": "abbr.", "order": "day-month-year", "comma": False}),
    ("2th May. 2023", {"ordinal": True, "padding": False, "order": "day-month-year", "comma": False,
                       "may-dot": True}),
])
def test_written_details_of_the_labelled_list_dates(text, details):
    assert dict(dates.written(text)) == details


def test_venue_first_title_in_bold_is_read_without_its_stars():
    _, got = _fields("# M\n\n## S\n\n- [**arXiv 2024**] **MedRG: Report Grounding** [[pdf]](https://arxiv.org/abs/1)\n"
                     "- [**MICCAI 2023**] Phrase Grounding [[pdf]](https://arxiv.org/abs/2)\n")
    assert [f["title"] for _, f, _ in got] == ["MedRG: Report Grounding", "Phrase Grounding"]


def test_an_item_that_looks_like_a_paper_stays_an_item_in_a_classic_section():
    doc = Document(
        "# Tools\n\n## Lists\n\n"
        "- [Tuning-Papers](https://github.com/a/b) - A trend that starts from `Natural-Instruction` (ACL 2022).\n"
        "- [Prompts](https://github.com/c/d) - A collection of prompts.\n"
        "- [Guide](https://github.com/e/f) - A practical guide.\n"
    )
    assert [(e.kind, e.title) for e in doc.entries] == [("item", "Tuning-Papers"), ("item", "Prompts"),
                                                         ("item", "Guide")]
    assert doc.sections[2].family == "awesome"


def test_an_item_linking_to_a_listed_paper_is_not_a_wrong_link():
    text = ("# LLM\n\n## Milestones\n\n| Date | Paper |\n|---|---|\n"
            "| 2022-05 | [OPT: Open Pre-trained Transformer Language Models](https://arxiv.org/abs/2205.01068) |\n"
            "| 2022-04 | [PaLM: Scaling Language Modeling](https://arxiv.org/abs/2204.02311) |\n\n"
            "## Models\n\n- [OPT-66B](https://arxiv.org/abs/2205.01068) - Open weights.\n"
            "- [BLOOM](https://huggingface.co/bigscience/bloom) - Open weights.\n")
    settings = engine.build_settings(Config(select=["duplicate"]))
    _, found = engine.check(text, settings, Context())
    assert found == []


def test_a_bracketed_lead_is_a_date_only_when_it_reads_as_one():
    from awesome_lint.model.document import Document

    def first(line):
        doc = Document(f"# P\n\n## S\n\n{line}\n")
        return [(e.shape, e.title, e.fields["date"].text if "date" in e.fields else None) for e in doc.entries]

    paper = "**Agents for All.** *A. One et al. arXiv.* [[paper](https://arxiv.org/abs/2309.07870)]"
    assert first(f"- [2023/09] {paper}") == [("bullet-date-first", "Agents for All.", "2023/09")]
    assert first(f"1. [Sep 2023] {paper}") == [("numbered-date-first", "Agents for All.", "Sep 2023")]
    # a venue or a bare year in brackets is no date
    assert first(f"- [SEM 2018] {paper}")[0][2] is None
    assert first(f"- [2023] {paper}")[0][2] is None


def test_a_bold_link_title_is_no_venue_and_italic_authors_come_before_the_venue():
    from awesome_lint.model.document import Document

    def read(line):
        doc = Document(f"# P\n\n## S\n\n{line}\n")
        return [(e.shape, e.title, {k: f.text for k, f in e.fields.items() if k != "title"}) for e in doc.entries]

    assert read("1. [**Token Weighting for Long Ranges.**](https://arxiv.org/abs/2503.09202) "
                "_Falko Helm, Nico Daheim._ NAACL 2025.") == [
        ("numbered-link-title", "Token Weighting for Long Ranges.",
         {"authors": "Falko Helm, Nico Daheim", "venue": "NAACL 2025"})]
    # a bold venue in brackets, not a link, still leads its title
    assert read("- [**CVPR 2023**] Vision Models for Tasks [[pdf]](https://arxiv.org/pdf/2304.00685)") == [
        ("bullet-venue-first", "Vision Models for Tasks", {"venue": "CVPR 2023"})]


def test_news_under_a_news_heading_is_not_read_as_papers():
    from awesome_lint.model.document import Document

    news = ("* [2024.10.23] **A Study of X-ray Images** is accepted by [**Visual Intelligence**]"
            "(https://link.example/vi) Journal.\n"
            "* [2024.08.20] **Retrieving Context Samples** is released [[paper](https://arxiv.org/abs/2408.09743)]\n")
    paper = "* [2024.08.20] **Retrieving Context Samples** *A. One et al.* [[paper](https://arxiv.org/abs/2408.09743)]\n"
    for heading in ("## Update Log:", "## 🔔 News", "## News & Updates", "### What's new"):
        doc = Document(f"# Papers\n\n{heading}\n\n{news}\n## Reports\n\n{paper}")
        assert [e.start_line for e in doc.entries if e.kind == "paper"] == [9], heading  # (0-based)
    # a topic that only mentions updates is a topic
    doc = Document(f"# Papers\n\n## Knowledge Updates in LLMs\n\n{paper}")
    assert [e.kind for e in doc.entries] == ["paper"]


def test_a_quoted_title_after_a_short_name_with_venue_and_year():
    from awesome_lint.model.document import Document

    doc = Document("# Attention\n\n**[Update: June, 2023]** Added all the papers from *CVPR 2023*!\n\n## Backbones\n\n"
                   '* **ViT**: "An Image is Worth 16x16 Words: Transformers for Image Recognition", ICLR, 2021 '
                   "(*Google*). [[Paper](https://arxiv.org/abs/2010.11929)][[Tensorflow](https://github.com/g/vit)]\n"
                   '* "Efficiency 360: Efficient Vision Transformers", arXiv, 2023 (*IBM*). '
                   "[[Paper](https://arxiv.org/abs/2302.08374)]\n"
                   '* "A quoted remark without a venue" is no paper [[link](https://example.org/x)]\n')
    assert [(e.shape, e.title, e.fields["venue"].text) for e in doc.entries if e.kind == "paper"] == [
        ("bullet-quoted-title", "An Image is Worth 16x16 Words: Transformers for Image Recognition", "ICLR, 2021"),
        ("bullet-quoted-title", "Efficiency 360: Efficient Vision Transformers", "arXiv, 2023"),
    ]


def test_a_table_of_titles_and_venues_without_dates_holds_papers():
    from awesome_lint.model.document import Document

    rows = ["| [Learning to See in the Dark](https://example.org/see.pdf) | CVPR | [code](https://github.com/o/a) |",
            "| [Glow: Generative Flow](https://arxiv.org/abs/1807.03039) | NIPS | [code](https://github.com/o/b) |",
            "| [Learning to See in the Dark](https://example.org/see.pdf) | CVPR | - |",
            "| [Pelee: Detection on Mobile](nan) | NIPS | - |",
            "| [Reversible Recurrent Networks](nan) | NIPS | - |"]
    doc = Document("# Papers with code\n\n## 2018\n\n| Title | Conf | Code |\n|---|---|---|\n" + "\n".join(rows) + "\n")
    assert [(e.title, e.fields["venue"].text) for e in doc.entries] == [
        ("Learning to See in the Dark", "CVPR"), ("Glow: Generative Flow", "NIPS"),
        ("Learning to See in the Dark", "CVPR"), ("Pelee: Detection on Mobile", "NIPS"),
        ("Reversible Recurrent Networks", "NIPS")]
    # the copy is found; two papers sharing the placeholder 'nan' are no copies of each other
    assert [(e.title, first.title) for e, first, _ in doc.conventions.copies] == [
        ("Learning to See in the Dark", "Learning to See in the Dark")]
    # a table of names and descriptions is no paper table
    table = Document("# T\n\n| Name | Description |\n|---|---|\n| [A](https://a.example) | Does a. |\n")
    assert not [e for e in table.entries if e.kind == "paper"]


def test_quoted_titles_with_a_month_and_bold_linked_titles_with_authors_and_venue_after():
    from awesome_lint.model.document import Document

    doc = Document('# Robots\n\n## Planning\n\n* **Say-Can**: "Do As I Can, Not As I Say", *arXiv, Apr 2022*. '
                   "[[Paper](https://arxiv.org/abs/2204.01691)]\n\n## Reasoning\n\n"
                   "1. **[Are Your LLMs Capable of Stable Reasoning?](https://arxiv.org/abs/2412.13147)**\n\n"
                   "    *Junnan Liu, Hongwei Liu.* Preprint'24\n")
    got = [(e.shape, e.title, {k: f.text for k, f in e.fields.items() if k != "title"}) for e in doc.entries]
    assert got == [
        ("bullet-quoted-title", "Do As I Can, Not As I Say", {"venue": "arXiv", "date": "Apr 2022"}),
        ("numbered-bold", "Are Your LLMs Capable of Stable Reasoning?",
         {"authors": "Junnan Liu, Hongwei Liu.", "venue": "Preprint'24"}),
    ]


def test_a_plain_title_then_italic_authors_then_venue_and_year():
    from awesome_lint.model.document import Document

    doc = Document("# Evaluation\n\n## Reasoning\n\n"
                   "1. Holistic evaluation of language models. _Percy Liang et al._ arXiv 2022. "
                   "[[paper](https://arxiv.org/abs/2211.09110)]\n"
                   "2. A Systematic Study of ChatGPT, _Laskar et al._ ACL 2023 (Findings). "
                   "[[paper](https://arxiv.org/abs/2305.18486)]\n"
                   "3. Read the _whole_ guide first, then 2023 tools [here](https://example.org/guide)\n")
    assert [(e.title, e.fields["authors"].text, e.fields["venue"].text) for e in doc.entries if e.kind == "paper"] == [
        ("Holistic evaluation of language models", "Percy Liang et al.", "arXiv 2022"),
        ("A Systematic Study of ChatGPT", "Laskar et al.", "ACL 2023 (Findings)"),
    ]


def test_a_run_of_bracketed_dates_is_read_once_not_one_inside_another():
    from awesome_lint.model.document import Document

    # (each date used to open a reading of the rest of the line: recursion past Python's limit)
    line = "- " + "[2023/10] " * 3000 + "**T** [[p](https://arxiv.org/abs/2310.00001)]\n"
    doc = Document("# P\n\n## S\n\n" + line)
    assert [e.kind for e in doc.entries if e.kind == "paper"] == []
    assert Document("# P\n\n## S\n\n- [2023/10] **T** [[p](https://arxiv.org/abs/2310.00001)]\n").entries[0].title == "T"


def test_a_journal_and_its_year_in_a_publication_column_are_the_venue_not_a_date():
    # Jack-bo1220/Awesome-Remote-Sensing-Foundation-Models: 'JAG2022' got "date has a defect: month typo"
    head = "|Abbreviation|Title|Publication|Paper|Code|\n|:---:|---|:---:|:---:|:---:|\n"
    one = "|**-**|**Self-supervised audiovisual learning for remote sensing**|JAG2022|[Paper](https://doi.example/1)|-|\n"
    doc = Document("# Models\n\n## Vision-Audio\n\n" + head + one)
    assert [(e.title, {k: f.text for k, f in e.fields.items() if k != "title"}) for e in doc.entries] == [
        ("Self-supervised audiovisual learning for remote sensing", {"venue": "JAG2022", "subject": "-"})]  # bold is the table's style
    _, found = engine.check(doc.text, engine.build_settings(Config(), links=False), Context())
    assert [d.rule for d in found if d.rule == "date-format"] == []
    # a column of dates the header does not name is still found by its values, written as dates
    dated = Document("# Models\n\n## Vision\n\n|When|Title|\n|---|---|\n|Jan 2023|[Seeing Far](https://a.example)|\n"
                     "|Feb 2023|[Seeing Near](https://b.example)|\n")
    assert [e.fields["date"].text for e in dated.entries] == ["Jan 2023", "Feb 2023"]
    # ... but not a column of words near a month's name
    words = Document("# Models\n\n## Vision\n\n|Lab|Title|\n|---|---|\n|JAG 2022|[Seeing Far](https://a.example)|\n")
    assert [e for e in words.entries if "date" in e.fields] == []


def test_a_venue_cell_between_pipes_after_the_title():
    # the method's name in bold brackets, the title, then the venue as a cell with a
    # two-digit year; pipes between the links too, an empty cell, and no link yet
    _, got = _fields(
        "# Detection\n\n## 2019\n\n"
        "- **[FPN]** Feature Pyramid Networks for Object Detection  | **[CVPR' 17]** |"
        "[`[pdf]`](https://arxiv.org/pdf/1612.03144.pdf) | [`[unofficial code - caffe]`](https://github.com/u/fpn)\n"
        "- Bounding Box Regression with Uncertainty\t|  | **[CVPR\u2019 19]** |[`[pdf]`](https://arxiv.org/pdf/1809.08545.pdf)\n"
        "- **[FDTS]** Fast Diverse-Transformation Search for Detection\t\t| **[ECCV' 20]** \n"
        "- Scalable Object Detection | [ICCV 2015] | [paper](https://example.org/sod.pdf)\n"
    )
    assert got == [
        ("bullet-piped-venue", {"title": "Feature Pyramid Networks for Object Detection", "venue": "CVPR' 17"},
         ["https://arxiv.org/pdf/1612.03144.pdf", "https://github.com/u/fpn"]),
        ("bullet-piped-venue", {"title": "Bounding Box Regression with Uncertainty", "venue": "CVPR\u2019 19"},
         ["https://arxiv.org/pdf/1809.08545.pdf"]),
        ("bullet-piped-venue", {"title": "Fast Diverse-Transformation Search for Detection", "venue": "ECCV' 20"}, []),
        ("bullet-piped-venue", {"title": "Scalable Object Detection", "venue": "ICCV 2015"},
         ["https://example.org/sod.pdf"]),
    ]


@pytest.mark.parametrize("line", [
    "- Fast build tool for monorepos | **[MIT 2019]** |",  # no name before it, no paper link
    "- Fast build tool for monorepos | **[beta]** | [code](https://github.com/u/b)",  # no year
    "- Fast build tool for monorepos | **[v2 2019]** | [Homepage](https://b.dev) and more",  # prose after
])
def test_a_pipe_after_a_tools_name_is_no_venue(line):
    assert _fields(f"# Tools\n\n## Build\n\n{line}\n")[1] == []


HEADING_PAPERS = (
    "# Hands\n\n## arXiv Papers\n\n"
    "##### • [\\[arXiv:2111.06500\\]](https://arxiv.org/abs/2111.06500) Dynamic Iterative Refinement for "
    "Hand Pose. [\\[PDF\\]](https://arxiv.org/pdf/2111.06500)\n\n_John Yang, Yash Bhalgat_\n\n"
    "##### • HO-3D_v3: Better Hand-Object Annotations. [\\[PDF\\]](https://arxiv.org/pdf/2107.00887) "
    "[\\[Project\\]](https://ho3d.example)\n\n_Shreyas Hampali_\n\n"
    "## Conference Papers\n\n### 2019 Others\n\n"
    "##### • \\[2019 ACCV\\] Hand Pose from 3D Residual Networks. \\[PDF\\]\n\n_Ann One_\n\n"
    "##### • [2019 FG] S<sup>2</sup>Contact: Contact Estimation. [\\[PDF\\]](https://fg.example/2.pdf)\n\n"
    "##### • Epipolar Transformers. [\\[PDF\\]](https://arxiv.org/pdf/2005.04551.pdf)\n\n"
    "##### • [\\[arXiv:2111.06500\\]](https://arxiv.org/abs/2111.06500) Dynamic Iterative Refinement for "
    "Hand Pose. [\\[PDF\\]](https://arxiv.org/pdf/2111.06500)\n\n"
    "## Workshops\n\n##### • [HANDS 2019](https://hands.example/2019/), In conjunction with ICCV 2019\n"
)


def test_papers_written_as_headings_of_their_own():
    doc, got = _fields(HEADING_PAPERS)
    assert [(shape, f) for shape, f, _ in got] == [
        ("heading", {"venue": "arXiv:2111.06500", "title": "Dynamic Iterative Refinement for Hand Pose",
                     "authors": "John Yang, Yash Bhalgat"}),
        ("heading", {"title": "HO-3D_v3: Better Hand-Object Annotations", "authors": "Shreyas Hampali"}),
        ("heading", {"venue": "2019 ACCV", "title": "Hand Pose from 3D Residual Networks", "authors": "Ann One"}),
        ("heading", {"venue": "2019 FG", "title": "S<sup>2</sup>Contact: Contact Estimation"}),
        ("heading", {"title": "Epipolar Transformers"}),
        ("heading", {"venue": "arXiv:2111.06500", "title": "Dynamic Iterative Refinement for Hand Pose"}),
    ]
    assert got[1][2] == ["https://arxiv.org/pdf/2107.00887", "https://ho3d.example"]
    # each paper sits in the section its heading is under, where the list groups them
    assert [e.section.title for e in doc.entries] == ["arXiv Papers"] * 2 + ["2019 Others"] * 4
    assert [(e.start_line, e.end_line) for e in doc.entries][:2] == [(4, 7), (8, 11)]


def test_papers_as_headings_get_the_paper_rules():
    settings = engine.build_settings(Config(), links=False)
    doc, found = engine.check(HEADING_PAPERS, settings, Context())
    copies = [(doc.line_col(d.start)[0] + 1, d.message) for d in found if d.rule == "duplicate"]
    assert len(copies) == 1 and copies[0][0] == 25
    assert copies[0][1].startswith("'Dynamic Iterative Refinement for Hand Pose' is listed twice; first at line 5 "
                                   "(section 'arXiv Papers')")


@pytest.mark.parametrize("text", [
    # an outline of topics: leaf headings without a paper's link
    "# Guide\n\n## Basics\n\n#### Installing the Tool\n\nText.\n\n#### Writing a Config File\n\nText.\n\n"
    "#### Running the First Check\n\nText.\n",
    # tools under headings of their own, the name a link
    "# Tools\n\n## Editors\n\n### [Vim Editor](https://vim.example)\n\nText. [Docs](https://vim.example/d)\n\n"
    "### [Emacs Editor](https://emacs.example)\n\nText.\n\n### [Nano Editor](https://nano.example)\n\nText.\n",
    # two paper-like headings among many topics: not the list's way at that level
    "# Notes\n\n" + "".join(f"### Topic number {n}\n\nText.\n\n" for n in range(8))
    + "### Deep Residual Learning for Images. [PDF](https://a.example/1.pdf)\n\n"
    + "### Attention Is All You Need. [PDF](https://a.example/2.pdf)\n\n"
    + "### Batch Normalisation Made Simple. [PDF](https://a.example/3.pdf)\n",
])
def test_headings_that_are_no_papers(text):
    assert _fields(text)[1] == []


def test_a_venue_that_links_to_the_paper_then_the_title():
    _, got = _fields(
        "# Point Clouds\n\n## 2017\n\n"
        "- [[NeurIPS](https://papers.nips.cc/paper/6931-deep-sets)] Deep Sets. "
        "[[pytorch](https://github.com/u/deepsets)] [__`cls.`__] :star:\n"
        "- [[arxiv](https://arxiv.org/abs/1811.03818)] RoarNet: A Robust 3D Object Detector. "
        "[__`det.`__ __`aut.`__]\n"
    )
    assert got == [
        ("bullet-venue-link-first", {"venue": "NeurIPS", "title": "Deep Sets"},
         ["https://papers.nips.cc/paper/6931-deep-sets", "https://github.com/u/deepsets"]),
        ("bullet-venue-link-first", {"venue": "arxiv", "title": "RoarNet: A Robust 3D Object Detector"},
         ["https://arxiv.org/abs/1811.03818"]),
    ]


def test_a_list_of_named_datasets_in_brackets_holds_no_papers():
    # each bracketed link names its own dataset: no venue that papers share
    names = ["KITTI", "ModelNet", "ShapeNet", "ScanNet", "S3DIS"]
    text = "# Point Clouds\n\n## Datasets\n\n" + "".join(
        f"- [[{n}](https://{n.lower()}.example)] The {n} benchmark of labelled scans. [__`det.`__]\n" for n in names)
    assert _fields(text)[1] == []
    # nor a repository's name, however it is spelt
    assert _fields("# L\n\n- [[Awesome-state-space-models](https://github.com/u/a)] Collection of "
                   "papers on state-space models\n")[1] == []


def test_a_linked_title_with_authors_and_venue_then_pipes_between_its_links():
    _, got = _fields(
        "# NeRF\n\n## Papers\n\n"
        "- [Plenoxels: Radiance Fields without Neural Networks](https://alexyu.net/plenoxels/), Yu et al., "
        "CVPR 2022 | [github](https://github.com/sxyu/svox2) | [bibtex](./citations/plenoxels.txt)\n"
    )
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-link-title", {"title": "Plenoxels: Radiance Fields without Neural Networks", "authors": "Yu et al.",
                               "venue": "CVPR 2022"})]


def test_a_citation_in_the_acl_style():
    # authors, the year, the title as the link, then the venue in emphasis; also
    # after a bold label, and with ', and' before the last author
    _, got = _fields(
        "# MT\n\n## Tutorials\n\n"
        "* David Chiang. 2007. [Hierarchical Phrase-Based Translation](http://aclweb.org/anthology/J07-2003). "
        "*Computational Linguistics*. ([Citation](https://scholar.example/?cites=1): 2,000)\n"
        "* Shuhao Gu, Yang Feng, and Qun Liu. 2019. [Improving Domain Adaptation](https://arxiv.org/pdf/1904.03879.pdf). "
        "In *Proceedings of NAACL 2019*.\n"
        "* The winner: **Tencent**\n"
        "    * **System report**: Mingxuan Wang and Li Gong. 2018. [Tencent Systems for WMT18](https://a.example/w18). "
        "In *Proceedings of WMT*.\n"
        "    * **Techniques**: RNMT + Transformer + BPE. 2018. More words here.\n"
        "* Adam Lopez. 2008. [Statistical Machine Translation](https://dl.example/a8.pdf).\n"
    )
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-author-year", {"authors": "David Chiang", "title": "Hierarchical Phrase-Based Translation",
                                "year": "2007", "venue": "Computational Linguistics"}),
        ("bullet-author-year", {"authors": "Shuhao Gu, Yang Feng, and Qun Liu", "title": "Improving Domain Adaptation",
                                "year": "2019", "venue": "Proceedings of NAACL 2019"}),
        ("bullet-author-year", {"authors": "Mingxuan Wang and Li Gong", "title": "Tencent Systems for WMT18",
                                "year": "2018", "venue": "Proceedings of WMT"}),
        ("bullet-author-year", {"authors": "Adam Lopez", "title": "Statistical Machine Translation", "year": "2008"}),
    ]


def test_a_citations_year_before_its_title_is_its_venues_year():
    from awesome_lint.model.papers import venue_year

    doc = Document("# MT\n\n## Journals\n\n* David Chiang. 2007. [Hierarchical Phrase-Based Translation]"
                   "(http://aclweb.org/anthology/J07-2003). *Computational Linguistics*.\n"
                   "* Ann One. 2019. [Another Title Here](https://a.example/x). In *Proceedings of ACL 2020*.\n")
    assert [venue_year(e) for e in doc.entries] == [2007, 2020]  # (the venue's own year when it gives one)


def test_a_numbered_bold_title_with_its_abs_link_under_the_authors():
    _, got = _fields(
        "# Agents\n\n## Surveys\n\n"
        "1. **A Survey of Neural Code Intelligence**\n\n"
        "   *Qiushi Sun, Zhirui Chen.* [[abs](https://arxiv.org/abs/2403.14734)], 2024\n\n"
        "2. **A Survey on Human-Agent Systems**\n\n"
        "   *Henry Peng Zou.* [[abs](https://arxiv.org/abs/2505.00753)], 2025\n"
    )
    assert [(shape, f["title"], f["authors"]) for shape, f, _ in got] == [
        ("numbered-bold", "A Survey of Neural Code Intelligence", "Qiushi Sun, Zhirui Chen."),
        ("numbered-bold", "A Survey on Human-Agent Systems", "Henry Peng Zou."),
    ]


def test_a_bold_link_broken_over_two_lines_is_no_paper_without_a_title():
    text = ("# Health\n\nThis repository is based on the paper:\n\n**[Large AI Models in Health Informatics:\n"
            "Applications, Challenges, and the Future](https://ieeexplore.ieee.org/document/10261199)**\n<br />\n")
    assert _fields(text)[1] == []
    settings = engine.build_settings(Config(), links=False)
    assert engine.check(text, settings, Context())[1] == []


def test_a_methods_name_then_its_papers_title_as_the_link_to_the_paper():
    _, got = _fields(
        "# GANs\n\n"
        "* AE-GAN - [AE-GAN: adversarial eliminating with GAN](https://arxiv.org/abs/1707.05474) \n"
        "* CC-GAN - [Semi-Supervised Learning with Context-Conditional GANs](https://arxiv.org/abs/1611.06430) "
        "([github](https://github.com/edenton/cc-gan))\n"
        "* RAN: [Restorative Adversarial Nets for Quality Assessment](https://a.example/ran.pdf) ([github]())\n"
    )
    assert [(shape, f["title"], urls) for shape, f, urls in got] == [
        ("bullet-name-link-title", "AE-GAN: adversarial eliminating with GAN", ["https://arxiv.org/abs/1707.05474"]),
        ("bullet-name-link-title", "Semi-Supervised Learning with Context-Conditional GANs",
         ["https://arxiv.org/abs/1611.06430", "https://github.com/edenton/cc-gan"]),
        ("bullet-name-link-title", "Restorative Adversarial Nets for Quality Assessment",
         ["https://a.example/ran.pdf", ""]),
    ]


@pytest.mark.parametrize("line", [
    "* Intro - [A Gentle Introduction to Transformers](https://medium.example/intro)",  # an article, no paper's address
    "* Tool - [The Tool Documentation Pages](https://tool.example/docs.pdf) and more words about it",  # prose after
    "* Tool - [pdf](https://tool.example/manual.pdf)",  # a label, no title
    # the list's own survey, named in its introduction: a sentence before it, no method's name
    "- Our survey paper on arXiv: [Diffusion Models for Medical Image Analysis](https://arxiv.org/abs/2211.07804) :heart:",
])
def test_a_name_then_a_link_that_is_no_paper(line):
    assert _fields(f"# Things\n\n{line}\n")[1] == []


def test_paper_headings_at_the_edges_of_their_evidence():
    # exactly 3 papers among 5 leaf headings of one level (60 %), papers at a second level
    # too, and an escaped bracket around a label link after the title
    text = ("# L\n\n## Topics A\n\n"
            "##### Alpha Beta Gamma Paper. [PDF](https://a.example/1.pdf)\n\n"
            "##### Delta Epsilon Zeta Paper. \\[[PDF](https://a.example/2.pdf)\\]\n\n"
            "##### Eta Theta Iota Paper. [PDF](https://a.example/3.pdf)\n\n"
            "##### Just a topic\n\n##### Another topic\n\n"
            "## Topics B\n\n### Sub\n\n"
            "#### Kappa Lambda Mu Paper. [Paper](https://b.example/1.pdf)\n\n"
            "#### Nu Xi Omicron Paper. [Paper](https://b.example/2.pdf)\n\n"
            "#### Pi Rho Sigma Paper. [Paper](https://b.example/3.pdf)\n")
    doc, got = _fields(text)
    assert [f["title"] for _, f, _ in got] == [
        "Alpha Beta Gamma Paper", "Delta Epsilon Zeta Paper", "Eta Theta Iota Paper",
        "Kappa Lambda Mu Paper", "Nu Xi Omicron Paper", "Pi Rho Sigma Paper"]
    # one fewer paper at a level, or one more topic there: not the list's way at that level
    assert len(_fields(text.replace("##### Eta Theta Iota Paper. [PDF](https://a.example/3.pdf)\n\n", ""))[1]) == 3
    assert len(_fields(text.replace("##### Just a topic", "##### Just a topic\n\n##### One more topic"))[1]) == 3
    # headings whose links are none of them a paper's: projects, not papers
    projects = text.replace("[Paper](https://b.example", "[Project](https://b.example")
    assert [f["title"] for _, f, _ in _fields(projects)[1]] == [
        "Alpha Beta Gamma Paper", "Delta Epsilon Zeta Paper", "Eta Theta Iota Paper"]


def test_a_heading_papers_authors_are_its_first_plain_emphasised_line():
    # not an emphasised link, and not a later emphasised note
    text = ("# L\n\n## Papers\n\n"
            + "".join(f"##### Paper Number {n} Title. [PDF](https://a.example/{n}.pdf)\n\n"
                      "*[Project page](https://p.example)*\n\n_Ann One, Ben Two_\n\n_(Oral)_\n\n" for n in range(3)))
    assert [f.get("authors") for _, f, _ in _fields(text)[1]] == ["Ann One, Ben Two"] * 3


def test_two_authors_joined_by_and_before_a_plain_title_and_a_label_without_a_space():
    _, got = _fields("# L\n\n## A\n\n"
                     "- Ana Lima and Bo Chen, The Title of the Paper, CVPR, 2015 [[Paper](https://a.example/1.pdf)]\n"
                     "* Winner: **Tencent**\n"
                     "    * **System report**:Mingxuan Wang and Li Gong. 2018. [Tencent Systems](https://a.example/w18).\n")
    assert [(f.get("authors"), f["title"]) for _, f, _ in got] == [
        ("Ana Lima and Bo Chen", "The Title of the Paper"), ("Mingxuan Wang and Li Gong", "Tencent Systems")]


def test_a_plain_title_then_its_venue_and_year_as_the_papers_link_text():
    doc, got = _fields(
        "# Domain adaptation\n\n## Adversarial\n\n"
        "- Gotta Adapt Them All: Joint Pixel Adaptation [[CVPR2019 Oral]](https://cvf.example/tran.pdf) "
        "[[Pytorch]](https://github.com/u/gotta)\n"
        "- Select, Label, and Mix for Partial Adaptation [[arXiv 6 Dec 2020]](https://arxiv.org/abs/2012.03358)\n"
        "- Bi-Directional Generation for Adaptation [[AAAI 2020]](https://aaai.example/yang.pdf)\n"
    )
    assert got == [
        ("bullet-title-venue-link", {"title": "Gotta Adapt Them All: Joint Pixel Adaptation", "venue": "CVPR2019 Oral"},
         ["https://cvf.example/tran.pdf", "https://github.com/u/gotta"]),
        ("bullet-title-venue-link", {"title": "Select, Label, and Mix for Partial Adaptation",
                                     "venue": "arXiv 6 Dec 2020", "date": "6 Dec 2020"},
         ["https://arxiv.org/abs/2012.03358"]),
        ("bullet-title-venue-link", {"title": "Bi-Directional Generation for Adaptation", "venue": "AAAI 2020"},
         ["https://aaai.example/yang.pdf"]),
    ]
    from awesome_lint.model.papers import venue_year
    assert [venue_year(e) for e in doc.entries] == [2019, 2020, 2020]


@pytest.mark.parametrize("line", [
    "- Fast build tool for monorepos [[Docs]](https://b.dev/docs)",  # a label, no venue
    "- Fast build tool for monorepos [[v2 release]](https://b.dev/v2)",  # no year
    "- Fast build tool [[Release 2019]](https://b.dev/r) and much more besides",  # prose after the link
    "- Tool [[Release 2019]](https://b.dev/r)",  # a name, not a title
    # a lead with a year that is no venue's
    "- Windows 2000 - Tips and tricks for the old system [Read more](https://w.example/tips)",  # a named link
    "- 2019-Recap - My Notes on the Year [[Paper]](https://a.example/p) and a long story after it",  # prose after
    "- Python3 - The Language Reference Guide [[Docs]](https://docs.example)",  # no year
    "- ICLR 2019 - Talk [[Slides]](https://s.example)",  # a title of one word
])
def test_a_tools_line_with_a_year_or_a_label_is_no_paper(line):
    assert _fields(f"# Tools\n\n## Build\n\n{line}\n")[1] == []


def test_a_citation_with_its_title_in_bold_after_the_authors():
    doc, got = _fields(
        "# Grounding\n\n## Images\n\n"
        "1. Yu, Licheng, et al. **Mattnet: Modular attention network for referring expressions.** "
        "Proceedings of the IEEE Conference on Computer Vision (CVPR). 2018. [[Paper]](https://cvf.example/yu.pdf) "
        "[[Code]](https://github.com/u/mattnet)\n\n"
        "1. **KB-Ref**: Wang, Peng, and Ann Li. **Give Me Something to Eat: Commonsense Referring.** "
        "Proceedings of ACM Multimedia. 2020.[[Paper: ACM Link]](https://dl.acm.example/3123439)\n"
    )
    assert got == [
        ("numbered-authors-bold-title", {
            "authors": "Yu, Licheng, et al", "title": "Mattnet: Modular attention network for referring expressions",
            "venue": "Proceedings of the IEEE Conference on Computer Vision (CVPR). 2018"},
         ["https://cvf.example/yu.pdf", "https://github.com/u/mattnet"]),
        ("numbered-authors-bold-title", {
            "authors": "Wang, Peng, and Ann Li", "title": "Give Me Something to Eat: Commonsense Referring",
            "venue": "Proceedings of ACM Multimedia. 2020"}, ["https://dl.acm.example/3123439"]),
    ]


@pytest.mark.parametrize("line", [
    "1. Read the guide. **Put stars around the title.** Then send it, 2020. [[Link]](https://x.example)",  # no names
    "1. Ann One, Bo Two. **A Title Of Some Words.** No year here. [[Paper]](https://x.example/p)",
    "1. Ann One. **A Title Of Some Words.** Venue 2020. [Homepage](https://x.example) and text",
])
def test_a_bold_phrase_after_words_that_are_no_authors_is_no_citation(line):
    assert [s for s, _, _ in _fields(f"# Notes\n\n## Steps\n\n{line}\n")[1]] == []


def test_a_venue_in_parentheses_before_a_title_with_highlighted_words():
    doc, got = _fields(
        "# LLM in vision\n\n## 2024.5\n\n"
        "- (arXiv 2024.5) **Calibrated** Self-Rewarding Vision Language Models, [[Paper]](https://arxiv.org/pdf/2405.14622), "
        "[[Project]](https://github.com/u/csr)\n\n"
        "- (arXiv 2024.5) **Hallucination** of Multimodal Models: A **Survey**, [[Paper]](https://arxiv.org/pdf/2404.18930)\n\n"
        "- (NeurIPS 2023 Datasets and Benchmarks) **FETV: A Benchmark for Video Generation**, Ann One et al. "
        "[[Paper](https://arxiv.org/abs/2311.01813)]\n\n"
        "- (arXiv preprint 2023) \u2b50\u2b50**AnimateDiff: Animate Your Models**, Yuwei Guo et al. "
        "[[Paper](https://arxiv.org/abs/2307.04725)]\n\n"
        "- [arXiv:2405.12094] **Is Mamba Compatible with Offline Learning?** Yang Dai, Oubo Ma\n"
    )
    assert [(s, f["title"], f["venue"]) for s, f, _ in got] == [
        ("bullet-venue-first", "**Calibrated** Self-Rewarding Vision Language Models", "arXiv"),  # (the month after the venue is the date)
        ("bullet-venue-first", "**Hallucination** of Multimodal Models: A **Survey**", "arXiv"),
        ("bullet-venue-first", "FETV: A Benchmark for Video Generation", "NeurIPS 2023 Datasets and Benchmarks"),
        ("bullet-venue-first", "AnimateDiff: Animate Your Models", "arXiv preprint 2023"),
        ("bullet-venue-first", "Is Mamba Compatible with Offline Learning?", "arXiv:2405.12094"),
    ]
    # the title as the page shows it: the highlights' stars are markup
    assert [e.title for e in doc.entries][:2] == [
        "Calibrated Self-Rewarding Vision Language Models", "Hallucination of Multimodal Models: A Survey"]


@pytest.mark.parametrize("line", [
    "- (2019) Talk about build tools, [[Slides]](https://x.example/s)",  # no paper link
    "- (see below) Talk about build tools, [[Paper]](https://x.example/p)",  # no year
    "- (2019) Talk about build tools, [[Paper]](https://x.example/p) and a long story after it",
])
def test_parentheses_before_a_bullet_that_are_no_venue(line):
    assert _fields(f"# Talks\n\n## Build\n\n{line}\n")[1] == []


def _papers(n0: int, days: list[int], month: str = "Nov") -> str:
    return "".join(f"- Paper number {n0 + i} about adaptation [[arXiv {d} {month} 2021]](https://arxiv.org/abs/2111.{n0 + i:05d})\n"
                   for i, d in enumerate(days))


def test_paper_order_is_judged_within_each_group_a_line_of_its_own_starts():
    text = ("# DA\n\n## Detection\n\n**Survey**\n\n" + _papers(1, [27, 20], "May")
            + "\n**Arxiv**\n\n" + _papers(10, [29, 28, 27, 26, 25, 24, 22, 23, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12])
            + "\n<!-- a note -->\n" + _papers(30, [6, 8]))
    settings = engine.build_settings(Config(select=["sort-order"]))
    doc, found = engine.check(text, settings, Context())
    # the first preprint (29 Nov) after the last survey (20 May) starts a group of its own;
    # 23 Nov after 22 Nov is out of order within it; a comment starts no group
    assert [d.message.split("'")[1] for d in found] == [
        "Paper number 17 about adaptation", "Paper number 31 about adaptation"]
    out = engine.fix(text, settings, Context())
    assert out.text.index("**Survey**") < out.text.index("number 1 ") < out.text.index("number 2 ") \
        < out.text.index("**Arxiv**") < out.text.index("number 10 ")  # nothing moved across the group's line
    assert [l.split("number ")[1].split(" ")[0] for l in out.text.splitlines() if l.startswith("- ")] == [
        "1", "2", *map(str, range(10, 16)), "17", "16", *map(str, range(18, 28)), "31", "30"]


@pytest.mark.parametrize("placeholder", ["-", "/", "Github"])
def test_a_venue_cell_that_says_there_is_none_has_no_year_to_miss(placeholder):
    rows = "".join(f"| Model {i} for remote sensing | [Paper](https://arxiv.org/abs/2301.{i:05d}) | CVPR{2019 + i} |\n"
                   for i in range(6))
    text = ("# RS\n\n## Models\n\n| Title | Paper | Publication |\n|---|---|---|\n" + rows
            + f"| Model X for remote sensing | [Paper](https://arxiv.org/abs/2302.00001) | {placeholder} |\n"
            + "| Model Y for remote sensing | [Paper](https://arxiv.org/abs/2302.00002) | 遥感学报2023 |\n"
            + "| Model Z for remote sensing | [Paper](https://arxiv.org/abs/2302.00003) | Remote Sensing |\n")
    settings = engine.build_settings(Config(select=["entry-format"]))
    doc, found = engine.check(text, settings, Context())
    assert [d.message.split("'")[1] for d in found if "has no year" in d.message] == ["Remote Sensing"]


def test_a_paper_heading_without_a_link_yet_is_a_paper_where_its_level_is_papers():
    # the authors right below say it is a paper; its level holds the list's linked papers
    papers = "".join(f"##### • Linked Paper Number {n}. [\\[PDF\\]](https://a.example/{n}.pdf)\n\n_Ann One, Bo Two_\n\n"
                     for n in range(3))
    waiting = "##### • Physics-aware Interaction Denoising\n_Haowen Luo, Yunze Liu, Li Yi_\n\n"
    text = f"# Hands\n\n## 2024 CVPR\n\n{papers}{waiting}"
    assert [f["title"] for _, f, _ in _fields(text)[1]][-1] == "Physics-aware Interaction Denoising"
    # without authors below it, or with a line that names nobody, it is a topic
    assert len(_fields(text.replace("_Haowen Luo, Yunze Liu, Li Yi_", "Text."))[1]) == 3
    assert len(_fields(text.replace("_Haowen Luo, Yunze Liu, Li Yi_", "_Coming soon_"))[1]) == 3
    # at a level that is no paper's, headings with people below them stay an outline
    outline = "".join(f"### Talk number {n}\n_Ann One, Bo Two_\n\n" for n in range(4))
    assert _fields(f"# Talks\n\n## Day one\n\n{outline}")[1] == []


def test_a_paper_headings_labels_are_the_lists_own_words_and_a_remark_may_follow_them():
    text = ("# Hands\n\n## Papers\n\n"
            "##### • \\[2017 FG\\] Occlusion Aware Hand Pose Recovery. [\\[PDF\\]](https://a.example/1.pdf) "
            "[\\[Slide\\]](https://a.example/1-slides.pdf)\n\n"
            "##### • Self Supervised Hand Pose Estimation. [\\[PDF\\]](https://a.example/2.pdf) *(Oral)* "
            "*([Best Paper Finalists](https://cvpr.example/slides.pdf))*\n\n"
            "##### • \\[2017 CVPR\\] Learning from Simulated Images. [\\[PDF\\]](https://a.example/3.pdf) "
            "[\\[Code-Keras\\]](https://github.com/u/simgan) *(CVPR Best Paper Award)*\n\n"
            "##### • Fourth Paper of the List. [\\[PDF\\]](https://a.example/4.pdf)\n")
    doc, got = _fields(text)
    assert [f["title"] for _, f, _ in got] == [
        "Occlusion Aware Hand Pose Recovery", "Self Supervised Hand Pose Estimation",
        "Learning from Simulated Images", "Fourth Paper of the List"]
    assert got[1][2] == ["https://a.example/2.pdf", "https://cvpr.example/slides.pdf"]
    # a named link after the title is no label: a topic that links somewhere
    topic = text.replace("[\\[Slide\\]](https://a.example/1-slides.pdf)", "[the slides of the talk](https://a.example/s)")
    assert "Occlusion Aware Hand Pose Recovery" not in [f["title"] for _, f, _ in _fields(topic)[1]]


def test_a_sections_direction_is_voted_group_by_group():
    # three groups, each newest first, each older than the next: read as one run the
    # section is in no order at all (5 of 12 either way); group by group 11 of 12 are in place
    text = ("# DA\n\n## Detection\n\n**Journals**\n\n" + _papers(1, [9, 7, 5, 3], "Jan")
            + "\n**Conferences**\n\n" + _papers(10, [9, 7, 3, 5], "Jun")
            + "\n**Arxiv**\n\n" + _papers(20, [9, 7, 5, 3], "Nov"))
    settings = engine.build_settings(Config(select=["sort-order"]))
    doc, found = engine.check(text, settings, Context())
    assert doc.conventions.paper_order(doc.sections[-1]).value == "newest-first"
    assert [d.message.split("'")[1] for d in found] == ["Paper number 13 about adaptation"]
    assert "in order" in found[0].message and "newer" in found[0].message


def test_a_tables_row_that_is_no_paper_starts_no_group():
    rows = [("Jan. 2024", 1), ("Dec. 2023", 2), ("CVPR 2023", 3), ("Feb. 2024", 4), ("Nov. 2023", 5),
            ("Oct. 2023", 6), ("Sep. 2023", 7)]
    text = "# V\n\n## Editing\n\n| Title | Date |\n|---|---|\n" + "".join(
        f"| [Paper number {n} on editing](https://arxiv.org/abs/2401.{n:05d}) | {d} |\n" for d, n in rows)
    settings = engine.build_settings(Config(select=["sort-order"]))
    _, found = engine.check(text, settings, Context())
    # the undated row sits among the section's papers: 4 (February) is newer than 2 (December), across it
    assert [d.message.split("'")[1] for d in found] == ["Paper number 4 on editing"]


def test_the_venues_year_and_name_as_one_word_lead_the_title():
    doc, got = _fields(
        "# Noise\n\n## Papers\n\n"
        "* 2016-ICLR - Auxiliary Image Regularization for Noisy Labels. [[Paper]](https://arxiv.org/abs/1511.07069) "
        "[[Code]](https://github.com/u/a)\n"
        "* 2008-NIPS - Whose Vote Should Count More. [[Paper]](https://papers.nips.cc/paper/3644)\n"
        "* 2018-ICML - Learning to Reweight Examples. [[Paper]](https://arxiv.org/abs/1803.09050) "
        "[[Code-TF]](https://github.com/u/b)\n"
        "* CVPR 2019: Learning From Noisy Labels by Estimation. [[Paper]](https://a.example/x.pdf)\n")
    assert [(s, f["venue"], f["title"]) for s, f, _ in got] == [
        ("bullet-venue-first", "2016-ICLR", "Auxiliary Image Regularization for Noisy Labels"),
        ("bullet-venue-first", "2008-NIPS", "Whose Vote Should Count More"),
        ("bullet-venue-first", "2018-ICML", "Learning to Reweight Examples"),
        ("bullet-venue-first", "CVPR 2019", "Learning From Noisy Labels by Estimation")]
    assert got[2][2] == ["https://arxiv.org/abs/1803.09050", "https://github.com/u/b"]


def test_a_plain_title_then_its_year_in_parentheses_and_its_authors():
    doc, got = _fields(
        "# Deep\n\n## Old Papers\n\n"
        "- Natural language processing (almost) from scratch (2011), R. Collobert et al. [[pdf]](https://a.example/1.pdf)\n"
        "- Long short-term memory (1997), S. Hochreiter and J. Schmidhuber. [[pdf]](https://a.example/2.pdf)\n"
        "- OpenAI gym (2016), G. Brockman et al. [[pdf]](https://arxiv.org/pdf/1606.01540)\n")
    assert [(s, f["title"], f["venue"]) for s, f, _ in got] == [
        ("bullet-plain-year", "Natural language processing (almost) from scratch", "2011"),
        ("bullet-plain-year", "Long short-term memory", "1997"),
        ("bullet-plain-year", "OpenAI gym", "2016")]
    # a year in parentheses with no label link after it is a note, not a paper
    assert _fields("# Deep\n\n## Notes\n\n- The history of the field (2011), a long read by us\n")[1] == []


def test_a_date_column_that_gives_the_venue_and_its_year_instead():
    rows = ["Mar., 2024", "CVPR, 2025", "Jan. 2024", "NeurIPS 2024", "Nov, 2023"]
    table = "| Title | arXiv | Pub. & Date |\n|---|---|---|\n" + "".join(
        f"| [Video Paper Number {n}](https://arxiv.org/abs/2401.{n:05d}) | - | {d} |\n" for n, d in enumerate(rows))
    doc, got = _fields(f"# Video\n\n## Generation\n\n{table}")
    assert [(f.get("date"), f.get("venue")) for _, f, _ in got] == [
        ("Mar., 2024", None), (None, "CVPR, 2025"), ("Jan. 2024", None), (None, "NeurIPS 2024"), ("Nov, 2023", None)]
    # a column of years alone, in a table of models with their papers, is no column of dates
    models = "| Model | Params | Year |\n|---|---|---|\n" + "".join(
        f"| ResNet-{n} ([Deep Residual Learning](https://arxiv.org/abs/1512.03385)) | {n}M | 2015 |\n" for n in (18, 34, 50))
    assert _fields(f"# Models\n\n## Classification\n\n{models}")[1] == []


def test_a_table_of_papers_without_dates_where_nearly_every_row_links_its_paper():
    star = "[![Star](https://img.shields.io/github/stars/u/r{n}.svg)](https://github.com/u/r{n})"
    table = "| Title & Authors | Introduction | Links |\n|---|---|---|\n" + "".join(
        f"| {star.format(n=n)} <br> :star: [Pruning Paper Number {n}](https://github.com/u/r{n}) <br> Ann One, Bo Two "
        f"| <img src='f{n}.png'> | [Github](https://github.com/u/r{n}) [paper](https://arxiv.org/abs/2301.{n:05d}) |\n"
        for n in range(4))
    doc, got = _fields(f"# Efficient\n\n## Pruning\n\n{table}")
    assert [(f["title"], f.get("authors")) for _, f, _ in got] == [
        (f"Pruning Paper Number {n}", "Ann One, Bo Two") for n in range(4)]
    # rows that link no paper: a table of tools, not of papers
    tools = table.replace("[paper](https://arxiv.org", "[docs](https://docs.example")
    assert _fields(f"# Efficient\n\n## Pruning\n\n{tools}")[1] == []


def test_a_table_rows_number_and_the_summary_after_its_title_are_no_title():
    table = "| **Paper** | **Links** |\n|---|---|\n" + "".join(
        f"| {n}) {title} | [Paper](https://arxiv.org/abs/2407.{n:05d}), [Tweet](https://x.example/{n}) |\n"
        for n, title in enumerate([
            "**Survey of NL2SQL** - a comprehensive overview of the field; covers models",
            "Ultra-Fast Diffusion Language Models  This paper introduces Mercury, a family of models",
            "**MusicGen**: a simple and controllable model for music generation",
            "Plain Title Without Summary"], 1))
    doc, got = _fields(f"# Weekly\n\n## Week 1\n\n{table}")
    assert [f["title"] for _, f, _ in got] == [
        "Survey of NL2SQL", "Ultra-Fast Diffusion Language Models", "MusicGen", "Plain Title Without Summary"]


def test_numbered_citations_with_the_title_in_quotes_as_paragraphs_or_items():
    doc, got = _fields(
        "# Roadmap\n\n## 1.3 ImageNet\n\n"
        '**[7]** He, Kaiming, et al. "**Deep residual learning for image recognition**." arXiv preprint '
        "arXiv:1512.03385 (2015). [[pdf]](https://arxiv.org/pdf/1512.03385.pdf) **(ResNet, CVPR best paper)** "
        ":star::star:\n\n"
        '**[3]** Sutskever, et al. "**\u201cSequence to sequence learning with neural networks**." ANIPS(2014) '
        "[[pdf]](https://papers.nips.cc/paper/5346)\n\n"
        '**[20]** Chen, Tianqi, Ian Goodfellow, and Jonathon Shlens. "Net2net: Accelerating learning." '
        "arXiv preprint arXiv:1511.05641 (2015). [[pdf]](https://arxiv.org/abs/1511.05641)\n\n"
        "## Lists\n\n"
        '1. Hinton, Geoffrey E., and Ruslan R. Salakhutdinov. "**Reducing the dimensionality of data**." '
        "Science 313.5786 (2006): 504-507. [[pdf]](https://www.cs.example/science.pdf)\n")
    assert [(s, f["title"], f["authors"], f["venue"]) for s, f, _ in got] == [
        ("paragraph-citation", "Deep residual learning for image recognition", "He, Kaiming, et al",
         "arXiv preprint arXiv:1512.03385 (2015)"),
        ("paragraph-citation", "Sequence to sequence learning with neural networks", "Sutskever, et al", "ANIPS(2014)"),
        ("paragraph-citation", "Net2net: Accelerating learning", "Chen, Tianqi, Ian Goodfellow, and Jonathon Shlens",
         "arXiv preprint arXiv:1511.05641 (2015)"),
        ("numbered-quoted-citation", "Reducing the dimensionality of data", "Hinton, Geoffrey E., and Ruslan R. Salakhutdinov",
         "Science 313.5786 (2006): 504-507")]


@pytest.mark.parametrize("line", [
    '**[1]** As the saying goes, "**Less is more**." Read it in 2015. [[pdf]](https://a.example/1.pdf)',  # prose, no names
    '**[2]** Hinton, Geoffrey. "**Deep Belief Nets**." A talk, no year. [[slides]](https://a.example/2.pdf)',  # no year
    '**[3]** Hinton, Geoffrey. "**Deep Belief Nets**." Science 2006. [the talk itself](https://a.example/3)',  # no label
])
def test_a_numbered_paragraph_with_a_quote_that_is_no_citation(line):
    assert _fields(f"# Notes\n\n## Talks\n\n{line}\n")[1] == []


def test_quoted_titles_after_a_bracketed_or_colonless_name_and_longer_venues():
    doc, got = _fields(
        "# Robots\n\n## Planning\n\n"
        '* **[RT-X]** "Open X-Embodiment: Robotic Learning Datasets", *arXiv, July 2023*. '
        "[[Paper](https://arxiv.org/abs/2310.08864)]\n"
        '* **CortexBench** "Where are we in the search for an Artificial Visual Cortex?" *arXiv, Mar 2023*. '
        "[[Paper](https://arxiv.org/abs/2303.18240)]\n"
        '* **SayPlan**: "Grounding Language Models using Scene Graphs", *Conference on Robot Learning (CoRL), '
        "Nov 2023*. [[Paper](https://arxiv.org/abs/2307.06135)]\n"
        '* **SayCanPay**: "Heuristic Planning with Language Models", AAAI Jan 2024, [[Paper](https://arxiv.org/abs/2308.12682)]\n'
        '* **FLTRNN**: "Faithful Long-Horizon Task Planning for Robotics", *ICRA, May 17th 2024*, '
        "[[Paper](https://ieeexplore.example/10611663)]\n")
    assert [(f["title"], f["venue"], f["date"]) for _, f, _ in got] == [
        ("Open X-Embodiment: Robotic Learning Datasets", "arXiv", "July 2023"),
        ("Where are we in the search for an Artificial Visual Cortex?", "arXiv", "Mar 2023"),
        ("Grounding Language Models using Scene Graphs", "Conference on Robot Learning (CoRL)", "Nov 2023"),
        ("Heuristic Planning with Language Models", "AAAI", "Jan 2024"),
        ("Faithful Long-Horizon Task Planning for Robotics", "ICRA", "May 17th 2024")]
    # a venue may start with a digit
    _, three_dv = _fields('# Depth\n\n## Mono\n\n* **MonoViT**: "Self-Supervised Monocular Depth Estimation", 3DV, 2022 '
                          "(*Bologna*). [[Paper](https://arxiv.org/abs/2208.03543)]\n")
    assert [(f["title"], f["venue"]) for _, f, _ in three_dv] == [("Self-Supervised Monocular Depth Estimation", "3DV, 2022")]
    settings = engine.build_settings(Config(select=["arxiv-date"]))
    _, found = engine.check(doc.text, settings, Context())
    assert [doc.line_col(d.start)[0] + 1 for d in found] == [5]  # July 2023 on an October id


def test_words_in_parentheses_after_the_links_are_a_remark_not_a_broken_link():
    entry = ('* **Robots**: "Robots Enact Malignant Stereotypes", *FAccT, Jun 2022*. '
             "[[Paper](https://arxiv.org/abs/2207.11569)] [[Code](https://github.com/u/r)]")
    settings = engine.build_settings(Config(select=["entry-format"]))
    for tail, broken in ((" (code access on request)", False), (" [[Website] (https://w.example/r)]", True)):
        others = "".join(f'* **P{n}**: "Paper Title Number {n}", *arXiv, Jun 2022*. [[Paper](https://a.example/{n})]\n'
                         for n in range(4))
        doc, found = engine.check(f"# Robots\n\n## Ethics\n\n{others}{entry}{tail}\n", settings, Context())
        assert any("malformed link" in d.message for d in found) is broken, tail


def test_the_month_a_paper_came_out_after_its_links_on_the_authors_line():
    doc, got = _fields(
        "# Prompts\n\n## Overview\n\n"
        "1. **OpenPrompt: An Open-source Framework for Prompt-learning.** Preprint.\n\n"
        "   *Ning Ding, Shengding Hu* [[pdf](https://arxiv.org/pdf/2111.01998.pdf)] [[project](https://github.com/u/p)], 2021.11\n\n"
        "2. **Pre-Trained Models: Past, Present and Future.** Preprint.\n\n"
        "   *Xu Han, Zhengyan Zhang* [[pdf](https://arxiv.org/abs/2106.07139)], 2021\n")
    assert [(f["authors"], f.get("date")) for _, f, _ in got] == [
        ("Ning Ding, Shengding Hu", "2021.11"), ("Xu Han, Zhengyan Zhang", None)]  # a year alone is no date


def test_sort_order_names_the_papers_to_move_not_their_neighbours():
    settings = engine.build_settings(Config(select=["sort-order"]))

    def found(days):
        text = "# DA\n\n## Detection\n\n" + _papers(1, days, "Nov")
        return [d.message.split(" where")[0] for d in engine.check(text, settings, Context())[1]]

    # one paper dated too old: it is reported, not the paper after it that is in its place
    assert found([29, 28, 3, 27, 26, 25, 24]) == [
        "'Paper number 3 about adaptation' (3 Nov 2021) is older than the entry after it at line 8"]
    # two papers swapped: the later one
    assert found([29, 28, 26, 27, 25, 24]) == [
        "'Paper number 4 about adaptation' (27 Nov 2021) is newer than the entry before it at line 7"]
    # a block of three in the wrong place: one finding for the block
    assert found([29, 28, 12, 11, 10, 27, 26, 25, 24, 23, 22, 21, 20, 19]) == [
        "'Paper number 3 about adaptation' (12 Nov 2021) and the 2 papers after it (to line 9) are older "
        "than the entry after them at line 10"]
    # one paper out of place past a block: judged against the nearest paper in order
    assert found([29, 28, 12, 11, 30, 27, 26, 25, 24, 23, 22, 21, 20, 19])[-1] == (
        "'Paper number 5 about adaptation' (30 Nov 2021) is newer than the nearest paper in order before it at line 6")


def test_a_bold_title_and_its_authors_alone_are_a_paper_without_a_link_yet():
    doc, got = _fields(
        "# LLMs\n\n## Scaling\n\n"
        "- **Scaling Laws of Synthetic Data for Language Models;** Zeyu Qin et al\n"
        "- **Compression Laws for Large Language Models;** Ayan Sengupta, Bo Chen\n")
    assert [(s, f["title"], f["authors"]) for s, f, _ in got] == [
        ("bullet-bold-authors", "Scaling Laws of Synthetic Data for Language Models", "Zeyu Qin et al"),
        ("bullet-bold-authors", "Compression Laws for Large Language Models", "Ayan Sengupta, Bo Chen")]


@pytest.mark.parametrize("line", [
    "- **Getting Started Guide;** see the docs",  # no names
    "- **Install;** John Smith",  # a title of one word, one name
    "- **Three Word Title;** Maintained By Us",  # words, not people
])
def test_a_bold_line_with_words_after_it_that_name_nobody(line):
    assert _fields(f"# Notes\n\n## Misc\n\n{line}\n")[1] == []


def test_a_venue_with_its_track_after_the_year_on_the_authors_line():
    doc, got = _fields(
        "# Reasoning\n\n## Analysis\n\n"
        "1. **[The Impact of Reasoning Step Length.](https://arxiv.org/abs/2401.04925)**\n\n"
        "    *Mingyu Jin, Qinkai Yu.* ACL'24 Findings\n\n"
        "1. **[Premise Order Matters in Reasoning.](https://arxiv.org/abs/2402.08939)**\n\n"
        "    *Xinyun Chen, Ryan A. Chi.* ICML'24\n")
    assert [(f["authors"], f["venue"]) for _, f, _ in got] == [
        ("Mingyu Jin, Qinkai Yu.", "ACL'24 Findings"), ("Xinyun Chen, Ryan A. Chi.", "ICML'24")]


def test_the_lists_own_number_for_a_paper_is_no_venue():
    doc, got = _fields(
        "# Mamba\n\n## Year 2024\n\n"
        "* [2024_143] **FusionMamba: Efficient Image Fusion with State Space Model**, Siran Peng, Xiangyu Zhu\n"
        "  [[Paper](https://arxiv.org/abs/2404.07932)]\n"
        "* [2024_040][Rejected by ICLR 2024] **Mamba: Linear-Time Sequence Modeling**, Albert Gu, Tri Dao\n"
        "  [[Paper](https://openreview.net/forum?id=AL1fq05o7H)]\n")
    assert [(s, f["title"], f.get("venue")) for s, f, _ in got] == [
        ("bullet-bold", "FusionMamba: Efficient Image Fusion with State Space Model", None),
        ("bullet-venue-first", "Mamba: Linear-Time Sequence Modeling", "Rejected by ICLR 2024")]


@pytest.mark.parametrize("line, paper", [
    ("- [Wav2CLIP: Learning Robust Audio Representations](https://arxiv.org/pdf/2110.11499.pdf) "
     "[[code](https://github.com/d/w)]", True),
    ("- [CLIP-Lite: Information Efficient Visual Representation Learning](https://arxiv.org/abs/2112.07133) [code]", True),
    # a description after it: a classic item that links a paper
    ("- [Wav2CLIP: Learning Robust Audio Representations](https://arxiv.org/abs/2110.11499) - Audio from CLIP.", False),
    # not the paper's own preprint, or a name, not a title
    ("- [Wav2CLIP: Learning Robust Audio Representations](https://w.example) [[code](https://github.com/d/w)]", False),
    ("- [Wav2CLIP](https://arxiv.org/abs/2110.11499) [[code](https://github.com/d/w)]", False),
])
def test_a_title_that_links_its_own_preprint_then_only_labels(line, paper):
    assert bool(_fields(f"# CLIP\n\n## Audio\n\n{line}\n")[1]) is paper


def test_a_bold_title_the_source_wraps_over_two_lines_is_one_title():
    from awesome_lint.model.document import Document

    doc = Document("# Agents\n\n## Web\n\n"
                   "- [2023/06] **SYNAPSE: Leveraging Few-Shot Exemplars for\n"
                   "Human-Level Computer Control.** *Longtao Zheng et al. arXiv.* [[paper](https://arxiv.org/abs/2306.07863)]\n"
                   "- [2023/05] **Mind2Web: Towards a Generalist Agent.** *Xiang Deng et al. arXiv.* "
                   "[[paper](https://arxiv.org/abs/2306.06070)]\n")
    first = doc.entries[0]
    assert (first.shape, first.title, first.fields["date"].text) == (
        "bullet-date-first", "SYNAPSE: Leveraging Few-Shot Exemplars for Human-Level Computer Control.", "2023/06")
    title = first.fields["title"]
    assert doc.text[title.start:title.end].replace("\n", " ") == title.text  # the span is the text's own
    assert [l.url for l in first.links] == ["https://arxiv.org/abs/2306.07863"]


def test_a_quoted_title_then_its_month_and_venue_in_brackets():
    doc, got = _fields(
        "# Code LLMs\n\n## Models\n\n"
        '- "Self-Infilling Code Generation" [2023-11] [ICML 2024] [[paper](https://arxiv.org/abs/2311.17972)]\n'
        '- [**Verilog**] "VerilogEval: Evaluating Language Models for Verilog" [2023-09] [ICCAD 2023] '
        "[[paper](https://arxiv.org/abs/2309.07544)]\n"
        '- [**SPICE**]: "SPICEPilot: Navigating SPICE Code Generation" [2024-10] [[paper](https://arxiv.org/abs/2410.20553)]\n'
        '- "Benchmarking Vulnerability Detection: A Survey", 2023-03, arXiv, [[paper](https://arxiv.org/abs/2303.16362)]\n'
        '1. **LaMDA**: "LaMDA: Language Models for Dialog Applications" [2022-01] [[paper](https://arxiv.org/abs/2201.08239)]\n')
    assert [(s, f["title"], f["date"], f.get("venue")) for s, f, _ in got] == [
        ("bullet-quoted-title", "Self-Infilling Code Generation", "2023-11", "ICML 2024"),
        ("bullet-quoted-title", "VerilogEval: Evaluating Language Models for Verilog", "2023-09", "ICCAD 2023"),
        ("bullet-quoted-title", "SPICEPilot: Navigating SPICE Code Generation", "2024-10", None),  # the tag is no venue
        ("bullet-quoted-title", "Benchmarking Vulnerability Detection: A Survey", "2023-03", "arXiv"),
        ("numbered-quoted-title", "LaMDA: Language Models for Dialog Applications", "2022-01", None)]
    # a quoted phrase and a bracketed year-less note is no paper
    assert _fields('# N\n\n## M\n\n- "Read this first" [draft] [[notes](https://n.example)]\n')[1] == []


def test_a_table_title_in_quotes_and_a_journal_the_list_never_dates():
    table = ("| Date | Venue | Source |\n|---|---|---|\n"
             '| 2021-02 | NeurIPS 2021 | "CodeXGLUE: A Benchmark Dataset for Code" [[paper](https://arxiv.org/abs/2102.04664)] |\n'
             '| 2021-05 | IEEE TSE | "A Study of Code Search Engines" [[paper](https://arxiv.org/abs/2105.00001)] |\n'
             '| 2021-07 | ICSE 2022 | "Commit Messages from Diffs" [[paper](https://arxiv.org/abs/2107.05373)] |\n')
    doc, got = _fields(f"# Code\n\n## Benchmarks\n\n{table}")
    assert [f["title"] for _, f, _ in got] == [
        "CodeXGLUE: A Benchmark Dataset for Code", "A Study of Code Search Engines", "Commit Messages from Diffs"]
    settings = engine.build_settings(Config(select=["entry-format"]))
    assert [d.message for d in engine.check(doc.text, settings, Context())[1] if "no year" in d.message] == []
    bullets = "".join(f'- "Paper Number {n} on Code" [2023-0{n}] [ICSE 2023] [[paper](https://arxiv.org/abs/2301.0000{n})]\n'
                      for n in range(1, 10))
    # a venue the list gives a year elsewhere is still a departure without one; a journal it never dates is not
    text = f"# Code\n\n## Repair\n\n{bullets}" + '- "Repair Paper" [2023-10] [ICSE] [[paper](https://arxiv.org/abs/2307.00001)]\n' \
        + '- "Journal Paper" [2023-11] [IEEE TSE] [[paper](https://arxiv.org/abs/2308.00001)]\n'
    assert [d.message.split(" where")[0] for d in engine.check(text, settings, Context())[1] if "no year" in d.message] == [
        "venue 'ICSE' has no year"]


def test_a_table_after_a_list_of_papers_is_a_group_of_its_own():
    bullets = "".join(f'- "Survey Number {n} of SQL" [2022-0{n}] [[paper](https://arxiv.org/abs/2201.0000{n})]\n'
                      for n in range(5, 9))
    rows = "".join(f'| 2017-0{n} | arXiv | "Benchmark {n} for SQL" [[paper](https://arxiv.org/abs/1701.0000{n})] |\n'
                   for n in range(1, 7))
    text = f"# SQL\n\n## Text-to-SQL\n\n{bullets}\n| Date | Venue | Source |\n|---|---|---|\n{rows}"
    settings = engine.build_settings(Config(select=["sort-order"]))
    assert engine.check(text, settings, Context())[1] == []  # each in order: the 2022 surveys, then the 2017 tables


def test_numbered_bold_with_the_authors_venue_and_links_on_the_next_line():
    doc, got = _fields(
        "## Surveys\n\n"
        "1. **Representation Learning on Graphs: Methods and Applications.**\n"
        "*William L. Hamilton, Rex Ying, Jure Leskovec.* IEEE Data Engineering Bulletin 2017. "
        "[paper](https://arxiv.org/pdf/1709.05584.pdf)\n\n"
        "1. **A Tutorial on Network Embeddings.**\n"
        "*Haochen Chen, Bryan Perozzi.* arxiv 2018. `survey` [paper](https://arxiv.org/pdf/1808.02590.pdf) "
        "[code](https://github.com/o/r)\n")
    assert [g[1] for g in got] == [
        {"title": "Representation Learning on Graphs: Methods and Applications.",
         "authors": "William L. Hamilton, Rex Ying, Jure Leskovec.", "venue": "IEEE Data Engineering Bulletin 2017"},
        {"title": "A Tutorial on Network Embeddings.", "authors": "Haochen Chen, Bryan Perozzi.",
         "venue": "arxiv 2018"}]


def test_a_venue_with_its_track_or_a_tag_in_code_after_it():
    doc, got = _fields(
        "## Attacks\n\n"
        "1. **CAT-Gen: Improving Robustness in NLP Models**. *Tianlu Wang, Xuezhi Wang*. EMNLP 2020. `score` "
        "[[pdf](https://aclanthology.org/2020.emnlp-main.417.pdf)]\n"
        "1. **RobustQA: A Framework for Adversarial Text Generation**. *Yasaman Boreshban*. EMNLP 2022 Demo. "
        "[[pdf](https://aclanthology.org/2022.emnlp-demos.1.pdf)]\n"
        "1. **Perturbations in the Wild**. *Thai Le, Jooyoung Lee*. ACL 2022 (Findings). "
        "[[pdf](https://aclanthology.org/2022.findings-acl.231.pdf)]\n")
    assert [(g[1].get("authors"), g[1].get("venue")) for g in got] == [
        ("Tianlu Wang, Xuezhi Wang", "EMNLP 2020"), ("Yasaman Boreshban", "EMNLP 2022 Demo"),
        ("Thai Le, Jooyoung Lee", "ACL 2022 (Findings)")]


def test_authors_first_then_the_quoted_title_as_items_and_as_paragraphs():
    doc, got = _fields(
        "## Seminal Papers\n\n"
        "- **SAM:** Alexander Kirillov, Eric Mintun, Nikhila Ravi\u2217,\u2020.<br />\n"
        "  \"Segment Anything.\" **ICCV (2023) Best Paper Honorable Mention**.\n"
        "  [[paper](https://arxiv.org/abs/2304.02643)]\n"
        "  [[code](https://github.com/facebookresearch/segment-anything)]\n"
        "  [2023.04]\n\n"
        "- Kang Wang.<br />\n"
        "\"A survey on SAM-based methods for medical image segmentation.\" IS-AII (2025).\n"
        "[[paper](https://doi.org/10.1117/12.3073583)]\n"
        "[2025.07]\n\n"
        "## 2026\n\n"
        ":boom:**EgoAfford:** Xinyuan Guan,\u00a0Feifan Chen, et al.<br />\n"
        "\"EgoAfford: Task-Oriented Affordance Grounding.\" ArXiv (2026).\n"
        "[[paper](https://arxiv.org/abs/2608.04533)]\n"
        "[2026.08]\n")
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-authors-first", {"authors": "Alexander Kirillov, Eric Mintun, Nikhila Ravi\u2217,\u2020",
                                  "title": "Segment Anything", "venue": "ICCV (2023) Best Paper Honorable Mention",
                                  "date": "2023.04"}),
        ("bullet-authors-first", {"authors": "Kang Wang", "title": "A survey on SAM-based methods for medical image "
                                  "segmentation", "venue": "IS-AII (2025)", "date": "2025.07"}),
        ("paragraph-authors-first", {"authors": "Xinyuan Guan,\u00a0Feifan Chen, et al", "title":
                                     "EgoAfford: Task-Oriented Affordance Grounding", "venue": "ArXiv (2026)",
                                     "date": "2026.08"})]
    assert got[0][2] == ["https://arxiv.org/abs/2304.02643", "https://github.com/facebookresearch/segment-anything"]


def test_a_name_over_a_quotation_is_no_paper():
    doc, got = _fields("## Quotes\n\n- Alan Kay.<br />\n  \"The best way to predict the future is to invent it.\"\n"
                       "  [[talk](https://example.com/kay)]\n")
    assert got == []


def test_a_plain_title_then_a_break_then_the_venue_before_the_paper_link():
    doc, got = _fields(
        "## Quantization\n\n"
        "- ZeroQuant: Efficient and Affordable Post-Training Quantization <br> NeurIPS 2022 "
        "[[Paper]](https://arxiv.org/abs/2206.01861) [[Code (DeepSpeed)]](https://github.com/o/r)\n\n"
        "- A Survey on Model Compression for Large Language Models <br/> TACL [[Paper]](https://arxiv.org/abs/2308.07633)\n\n"
        "- Efficient Prompting Methods for Language Models <br> [[Paper]](https://arxiv.org/abs/2404.01077)\n\n"
        "- Just a tool <br> see [[Code]](https://github.com/o/tool)\n")
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-plain-break", {"title": "ZeroQuant: Efficient and Affordable Post-Training Quantization",
                                "venue": "NeurIPS 2022"}),
        ("bullet-plain-break", {"title": "A Survey on Model Compression for Large Language Models", "venue": "TACL"}),
        ("bullet-plain-break", {"title": "Efficient Prompting Methods for Language Models"})]


def test_a_date_in_parentheses_after_the_links_is_the_papers_date():
    doc, got = _fields(
        "## Architecture\n\n"
        "* Mamba: Linear-Time Sequence Modeling with Selective State Spaces [[paper](https://arxiv.org/abs/2312.00752)] "
        "[[code](https://github.com/state-spaces/mamba)] (2023.12.01)\n"
        "- (ICML 2024) Vision Mamba: Efficient Visual Representation Learning [[paper](https://arxiv.org/abs/2401.09417)] "
        "(2024.01.17)\n"
        "- [The Vue Handbook](https://vuehandbook.com) by Flavio Copes. (July 2018)\n"
        "* A tool of mine [[code](https://github.com/o/tool)] (CVPR 2023)\n")
    assert [(shape, f.get("date"), f.get("venue")) for shape, f, _ in got] == [
        ("bullet-plain", "2023.12.01", None), ("bullet-venue-first", "2024.01.17", "ICML 2024"),
        ("bullet-link-title", "July 2018", None)]


def test_a_short_lead_dates_the_paper_or_names_its_venue_before_the_linked_title():
    doc, got = _fields(
        "## Domain Adaptation\n\n"
        "- 20210625 ICML-21 [f-Domain-Adversarial Learning: Theory and Algorithms](http://arxiv.org/abs/2106.11344)\n"
        "-   1993-TNN-[Pruning Algorithms -- A survey](https://ieeexplore.ieee.org/document/248452)\n"
        "-   2017.12-[A survey of FPGA-based neural network accelerator](https://arxiv.org/abs/1712.08934)\n"
        "- ECCV-22 [Knowledge Condensation Distillation](https://arxiv.org/abs/2207.05409)\n"
        "- 2020 edition [Some Course Notes](https://example.org/notes)\n"
        "- [Plain Linked Title Here](https://example.org/p) - not led\n")
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-lead-link-title", {"date": "20210625", "venue": "ICML-21",
                                    "title": "f-Domain-Adversarial Learning: Theory and Algorithms"}),
        ("bullet-lead-link-title", {"year": "1993", "venue": "TNN", "title": "Pruning Algorithms -- A survey"}),
        ("bullet-lead-link-title", {"date": "2017.12", "title": "A survey of FPGA-based neural network accelerator"}),
        ("bullet-lead-link-title", {"venue": "ECCV-22", "title": "Knowledge Condensation Distillation"})]
    assert dates.parse("20210625").key == (2021, 6, 25) and dates.parse("20211325") is None


def test_venues_in_parentheses_with_an_apostrophe_year_or_after_the_title():
    doc, got = _fields(
        "## Graphs\n\n"
        "- (*NAACL'21*) Knowledge Graph Based Synthetic Corpus Generation [[paper](https://aclanthology.org/2021.naacl-main.278/)]\n"
        "- (*arXiv 2023.05*) Graph Prompt Learning: A Survey of Things [[paper](https://arxiv.org/abs/2305.05499)]\n"
        "- ERNIE: Enhanced Language Representation with Informative Entities (ACL, 2019) "
        "[[paper]](https://aclanthology.org/P19-1139.pdf)\n"
        "- A Tool With Several Words (Beta, 2019) [[code]](https://github.com/o/r)\n")
    assert [(shape, f) for shape, f, _ in got] == [
        ("bullet-venue-first", {"venue": "NAACL'21", "title": "Knowledge Graph Based Synthetic Corpus Generation"}),
        ("bullet-venue-first", {"date": "2023.05", "venue": "arXiv", "title": "Graph Prompt Learning: A Survey of Things"}),
        ("bullet-plain-paren-venue", {"title": "ERNIE: Enhanced Language Representation with Informative Entities",
                                      "venue": "ACL, 2019"})]


def test_authors_in_emphasis_then_double_bracket_links_then_the_month():
    doc, got = _fields(
        "## Evaluation\n\n1. **TruthfulQA: Measuring How Models Mimic Human Falsehoods**\n"
        "   *Stephanie Lin, Jacob Hilton, Owain Evans* [[paper]](https://aclanthology.org/2022.acl-long.229/) 2022.5\n")
    assert got[0][1] == {"title": "TruthfulQA: Measuring How Models Mimic Human Falsehoods",
                         "authors": "Stephanie Lin, Jacob Hilton, Owain Evans", "date": "2022.5"}


def test_a_venue_and_its_year_in_brackets_after_a_linked_title():
    from awesome_lint.model.papers import venue_year

    doc, got = _fields(
        "## Quantization\n\n"
        "- [Training and Inference with Integers in Deep Neural Networks](https://openreview.net/forum?id=HJGXzmspb) [ICLR'18]\n"
        "- [Coordinating Filters for Faster Deep Neural Networks](https://arxiv.org/pdf/1703.09746.pdf) [ICCV '17]\n"
        "- [Some Tool Of Ours](https://github.com/o/r) [beta]\n")
    assert [(f.get("venue"), venue_year(e)) for (_, f, _), e in zip(got, doc.entries)] == [
        ("ICLR'18", 2018), ("ICCV '17", 2017)]


def test_the_lists_marks_before_a_leading_date_and_a_preprint_after_the_authors():
    doc, got = _fields(
        "## Planning\n\n"
        "* \U0001f4d6 [May 2024] **\"Can Graph Learning Improve Planning in LLM-based Agents?\"** "
        "*Xixi Wu (CUHK) and Yifei Shen (MSRA) et al.* NeurIPS 2024. [[paper](https://arxiv.org/abs/2405.19119)]\n"
        "* \U0001f525\U0001f4d6 [Dec 2023] **\"CLOVA: A Closed-Loop Visual Assistant.\"** *Zhi Gao (BIGAI) et al.* arXiv. "
        "[[paper](https://arxiv.org/abs/2312.10908)]\n")
    assert [(f.get("date"), f.get("venue"), f.get("authors")) for _, f, _ in got] == [
        ("May 2024", "NeurIPS 2024", "Xixi Wu (CUHK) and Yifei Shen (MSRA) et al"),
        ("Dec 2023", "arXiv", "Zhi Gao (BIGAI) et al")]


def test_authors_and_year_before_a_bold_title_in_the_acl_style():
    from awesome_lint.model.papers import venue_year

    doc, got = _fields(
        "## Feature-Based\n\n"
        "1. Nanda Kambhatla. 2004. **Combining lexical, syntactic, and semantic features for relations**. "
        "[[paper]](https://www.aclweb.org/anthology/P04-3022.pdf)\n"
        "1. Guodong Zhou, Jian Su, Jie Zhang, and Min Zhang. 2005. **Exploring various knowledge in relation "
        "extraction**. In Proceedings of ACL, pages 427\u2013434. [[paper]](https://www.aclweb.org/anthology/P05-1053)\n")
    assert [(f.get("authors"), f.get("year"), f.get("venue")) for _, f, _ in got] == [
        ("Nanda Kambhatla", "2004", None), ("Guodong Zhou, Jian Su, Jie Zhang, and Min Zhang", "2005", "Proceedings of ACL")]
    assert [venue_year(e) for e in doc.entries] == [None, 2005]


def test_a_numbered_citation_paragraph_with_its_title_in_bold_and_no_link():
    doc, got = _fields(
        "## Legacy Papers\n\n"
        "**[1]** Nicolas Schweighofer and Kenji Doya. **Meta-learning in reinforcement learning**. Neural Networks, "
        "16(1):5\u20139, 2003.\n\n"
        "**[2]** Sepp Hochreiter, A Steven Younger, and Peter R Conwell. **Learning to learn using gradient descent**. In\n"
        "International Conference on Artificial Neural Networks, pages 87\u201394. Springer, 2001.\n\n"
        "**[16]** Finn, C., Abbeel, P., & Levine, S. (2017). **Model-Agnostic Meta-Learning for Fast Adaptation**. "
        "arXiv preprint arXiv:1703.03400.\n\n"
        "**[3]** See the talk. **Slides** of the tutorial.\n")
    assert [(shape, f.get("title"), f.get("venue"), f.get("year")) for shape, f, _ in got] == [
        ("paragraph-citation", "Meta-learning in reinforcement learning", "Neural Networks", None),
        ("paragraph-citation", "Learning to learn using gradient descent",
         "International Conference on Artificial Neural Networks", None),
        ("paragraph-citation", "Model-Agnostic Meta-Learning for Fast Adaptation", "arXiv preprint arXiv:1703.03400", "2017")]
    assert [(e.start_line, e.end_line) for e in doc.entries] == [(2, 3), (4, 6), (7, 8)]  # (the wrapped one: 2 lines)


def test_a_method_name_in_bracketed_bold_before_a_piped_venue_is_no_venue():
    doc, got = _fields(
        "## One Class\n\n"
        "- [**ALOCC**]Adversarially Learned One-Class Classifier for Novelty Detection  | **[CVPR' 18]** |  "
        "[`[pdf]`](https://arxiv.org/pdf/1802.09088.pdf)\n"
        "- A review of novelty detection | **[Signal Processing' 14]** |  [`[link]`](https://www.sciencedirect.com/x)\n"
        "- BeatGAN: Anomalous Rhythm Detection using Adversarially Generated Time | **[IJCAI 19]** | "
        "[`[pdf]`](https://www.ijcai.org/Proceedings/2019/0616.pdf)\n")
    assert [(shape, f.get("title"), f.get("venue")) for shape, f, _ in got] == [
        ("bullet-piped-venue", "Adversarially Learned One-Class Classifier for Novelty Detection", "CVPR' 18"),
        ("bullet-piped-venue", "A review of novelty detection", "Signal Processing' 14"),
        ("bullet-piped-venue", "BeatGAN: Anomalous Rhythm Detection using Adversarially Generated Time", "IJCAI 19")]


def test_a_short_title_is_a_paper_where_its_list_is_papers_of_its_shape():
    papers = "".join(f"- {t} [[arXiv]](https://arxiv.org/abs/1701.0000{i})\n" for i, t in enumerate(
        ["Activation Maximization Generative Adversarial Nets", "AdaGAN: Boosting Generative Models Well",
         "Adversarial Discriminative Domain Adaptation", "Adversarial Generator-Encoder Networks Here"]))
    doc, got = _fields("## Theory\n\n" + papers + "- Bayesian GAN [[arXiv]](https://arxiv.org/abs/1705.09558)\n")
    assert [f["title"] for _, f, _ in got][-1] == "Bayesian GAN" and len(got) == 5
    # alone, or among items of other kinds, a name and a paper link are no paper
    doc, got = _fields("## Tools\n\n- Bayesian GAN [[arXiv]](https://arxiv.org/abs/1705.09558)\n"
                       "- [PyTorch](https://pytorch.org) - A framework.\n- [JAX](https://jax.dev) - Another.\n")
    assert got == []


def test_a_shields_badge_after_the_links_gives_the_venue_and_the_month():
    from awesome_lint.model.papers import venue_year

    doc, got = _fields(
        "## Reinforcement Learning\n\n"
        "* Vision-Zero: Scalable VLM Self-Improvement via Strategic Gamified Self-Play "
        "[[Paper]](https://www.arxiv.org/abs/2509.25541) ![](https://img.shields.io/badge/arXiv-2025.09-red)\n"
        "* AutoPSV: Automated Process-Supervised Verifier [[Paper]](https://openreview.net/forum?id=eOAPWWOGs9) "
        "![](https://img.shields.io/badge/NeurIPS-2024-blue)\n"
        "* mini-deepseek-r1 notes here [[Blog]](https://b.example/r1) ![](https://img.shields.io/badge/blog-2025.01-red)\n")
    assert [(f.get("date"), f.get("venue")) for _, f, _ in got] == [("2025.09", "arXiv"), (None, "NeurIPS-2024")]
    assert venue_year(doc.entries[1]) == 2024


def test_months_in_digits_cast_no_vote_on_the_order_of_day_month_and_year():
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import Config
    from awesome_lint.rule import Context

    badges = "".join(f"* Paper Number {i} On Reasoning [[Paper]](https://arxiv.org/abs/2501.0{i:04d}) "
                     f"![](https://img.shields.io/badge/arXiv-2025.0{i % 9 + 1}-red)\n" for i in range(8))
    table = "| Title | Date |\n| --- | --- |\n" + "".join(
        f"| [Survey Number {i} Of Things](https://arxiv.org/abs/2402.0{i:04d}) | {i + 1} May 2024 |\n" for i in range(3))
    text = "# Post-training\n\n## Surveys\n\n" + table + "\n## Methods\n\n" + badges
    _, diags = engine.check(text, engine.build_settings(Config(), select=["date-format"]), Context())
    assert diags == []


def test_the_methods_short_name_and_the_lists_own_number_after_the_links():
    doc, got = _fields(
        "## Domain Alignment\n\n"
        "- A Generalization Error Bound for Multi-Class Domain Generalization [[arXiv 2019](https://arxiv.org/pdf/1905.10392)] [123]\n"
        "- Domain Generalization via Invariant Feature Representation [[ICML 2013](http://proceedings.mlr.press/v28/muandet13.pdf)] "
        "[[Code](https://github.com/krikamol/dg-dica)] (**DICA**) [65]\n")
    assert [(f.get("title"), f.get("venue")) for _, f, _ in got] == [
        ("A Generalization Error Bound for Multi-Class Domain Generalization", "arXiv 2019"),
        ("Domain Generalization via Invariant Feature Representation", "ICML 2013")]


def test_a_table_that_indexes_the_lists_papers_by_venue_holds_no_papers():
    text = ("# DG\n\n## Publications\n\n| Top Conference | Papers |\n| --- | --- |\n"
            "| 2015 | **CVPR:** [89]; **ICML:** [30]; **ICCV:** [6], [46], [88] |\n"
            "| 2016 | **CVPR:** [42], [44]; IJCAI: [66]; **ECCV:** [43], [47] |\n"
            "| 2017 | **CVPR:** [20]; **ICCV:** [2], [71]; **NeurIPS:** [38] |\n")
    assert _fields(text)[1] == []
    titled = text.replace("**CVPR:** [89]; **ICML:** [30]; **ICCV:** [6], [46], [88]", "Learning to Generalize Across Domains")
    titled = titled.replace("**CVPR:** [42], [44]; IJCAI: [66]; **ECCV:** [43], [47]", "Deeper, Broader and Artier Domain Generalization")
    assert len(_fields(titled)[1]) == 3  # (titles in half the rows: a table of papers)


def test_a_model_table_dated_with_a_hidden_day_and_named_by_its_model():
    head = "| Language Model | Release Date | Checkpoints | Paper/Blog |\n| --- | --- | --- | --- |\n"
    rows = ("| Jais-30b v3 | 2024/03<!--08--> | [jais-30b](https://hf.example/jais) | [Jais and Jais-chat](https://arxiv.org/abs/2308.16149) |\n"
            "| Gemma | 2024/02<!--21--> | [gemma-7b](https://hf.example/gemma) | [Technical report](https://g.example/gemma.pdf) |\n")
    doc, got = _fields("# Open LLMs\n\n## Pre-trained\n\n" + head + rows)
    assert [(e.title, f.get("date"), f.get("subject")) for e, (_, f, _) in zip(doc.entries, got)] == [
        ("Jais and Jais-chat", "2024/03", "Jais-30b v3"), ("Gemma", "2024/02", "Gemma")]


def test_a_dated_paper_as_a_paragraph_of_its_own_with_its_authors_after_the_title():
    doc, got = _fields(
        "## Frameworks\n\n"
        "\\[2024/03\\] Are More LLM Calls All You Need? Towards Scaling Laws of Compound Inference Systems. "
        "Lingjiao Chen et al. [\\[paper\\]](https://arxiv.org/abs/2403.02419)\n\n"
        "\\[2026/04\\] CORAL: Towards Autonomous Multi-Agent Evolution. Ao Qu et al. [\\[paper\\]](https://arxiv.org/abs/2604.01658) "
        "[\\[code\\]](https://github.com/o/coral)\n\n"
        "\\[2024/01\\] A note on our plans for the list.\n")
    assert [(shape, f) for shape, f, _ in got] == [
        ("paragraph-date-first", {"date": "2024/03", "authors": "Lingjiao Chen et al",
                                  "title": "Are More LLM Calls All You Need? Towards Scaling Laws of Compound Inference Systems"}),
        ("paragraph-date-first", {"date": "2026/04", "authors": "Ao Qu et al",
                                  "title": "CORAL: Towards Autonomous Multi-Agent Evolution"})]


def test_one_word_before_a_bold_title_is_the_models_name_not_its_authors():
    doc, got = _fields(
        "## Encoder-only\n\n"
        "- BERT **BERT: Pre-training of Deep Bidirectional Transformers**, 2018, [Paper](https://aclanthology.org/N19-1423.pdf)\n"
        "- Yu, Licheng, et al. **Mattnet: Modular attention network.** Proceedings of CVPR. 2018. [[Paper]](https://a.example/m)\n")
    assert [(f.get("title"), f.get("authors")) for _, f, _ in got] == [
        ("BERT: Pre-training of Deep Bidirectional Transformers", None), ("Mattnet: Modular attention network", "Yu, Licheng, et al")]


def test_the_quotes_around_a_bold_title_are_the_citations_not_the_titles():
    doc, got = _fields(
        "## Planning\n\n"
        "* [May 2024] **\"Can Graph Learning Improve Planning in LLM-based Agents?\"** *Xixi Wu et al.* NeurIPS 2024. "
        "[[paper](https://arxiv.org/abs/2405.19119)]\n"
        "* [Dec 2023] **\"CLOVA: A Closed-Loop Visual Assistant.\"** *Zhi Gao et al.* arXiv. [[paper](https://arxiv.org/abs/2312.10908)]\n")
    assert [f["title"] for _, f, _ in got] == ["Can Graph Learning Improve Planning in LLM-based Agents?",
                                               "CLOVA: A Closed-Loop Visual Assistant"]


def test_a_linked_title_with_its_authors_on_the_first_sub_bullet():
    doc, got = _fields(
        "## Papers\n\n"
        "- [Position: The Complexity of Perfect AI Alignment](https://arxiv.org/abs/2503.00897)\n"
        "  - Subramanyam Sahoo, Aman Chadha\n  - Keyword: alignment, theory\n  - Code: official\n")
    assert got[0][1].get("authors") == "Subramanyam Sahoo, Aman Chadha"


def test_a_badge_that_is_the_lines_only_link_is_read_without_failing():
    # the trailing-badge reader compared the badge with the line's other links: with none, it crashed
    doc, got = _fields("## Papers\n\n- Some Title Of A Paper ![](https://img.shields.io/badge/arXiv-2025.09-red)\n")
    assert got == []


def _values(got, *names):
    """The named fields of each paper read (None where it has none)."""
    return [tuple(f.get(n) for n in names) for _, f, _ in got]


def test_a_venue_without_its_year_as_the_papers_link_text():
    # the section heading gives the year; the link's text names the venue, commas part the links
    doc, got = _fields(
        "## 2024\n\n"
        "+ Fair Graph Transformers for Node Tasks, [[IJCAI]](https://arxiv.org/abs/2404.17169), [[Code]](https://github.com/a/b)\n"
        "+ Ranking Fairness in Graph Mining Models, [[IEEE Trans. Vis. Comput. Graph.]](https://pubmed.ncbi.nlm.nih.gov/34587074/)\n"
        "+ Fair Recommendation on Many Sided Platforms, [[ACM FAccT]](https://dl.acm.org/doi/10.1145/3437963.3441672)\n"
        "+ Learning Fair Node Embeddings at Scale, [[arXiv]](https://arxiv.org/abs/2401.12824), [[Code]](https://github.com/c/d)\n")
    assert _values(got, "title", "venue") == [
        ("Fair Graph Transformers for Node Tasks", "IJCAI"),
        ("Ranking Fairness in Graph Mining Models", "IEEE Trans. Vis. Comput. Graph."),
        ("Fair Recommendation on Many Sided Platforms", "ACM FAccT"),
        ("Learning Fair Node Embeddings at Scale", None)]


def test_a_bracketed_word_that_is_no_venue_and_links_to_no_paper_makes_no_paper():
    # ``[[CNCF]](https://cncf.io/)`` names a foundation's page, not a paper
    doc, got = _fields("## Tools\n\n- Operator for running clusters anywhere, [[CNCF]](https://www.cncf.io/projects/)\n")
    assert got == []


def test_a_datasets_name_before_its_quoted_bold_title():
    doc, got = _fields(
        "## Datasets\n\n"
        "7. EEC: \"**Examining Gender and Race Bias in Two Hundred Sentiment Analysis Systems**\". "
        "![](https://img.shields.io/badge/Dataset-blue)\n\n"
        "    *Kiritchenko Svetlana et al.* NAACL HLT 2018. [[Paper](https://arxiv.org/pdf/1805.04508)]\n\n"
        "8. MMLU: **\"Measuring Massive Multitask Language Understanding\"**. ![](https://img.shields.io/badge/Dataset-blue)\n\n"
        "    *Dan Hendrycks et al.* ICLR 2021. [[Paper](https://arxiv.org/abs/2009.03300)]\n")
    assert _values(got, "title", "venue", "authors") == [
        ("Examining Gender and Race Bias in Two Hundred Sentiment Analysis Systems", "NAACL HLT 2018",
         "Kiritchenko Svetlana et al."),
        ("Measuring Massive Multitask Language Understanding", "ICLR 2021", "Dan Hendrycks et al.")]


def test_plain_titles_with_openreview_links_official_code_and_a_closing_venue():
    doc, got = _fields(
        "## Forecasting\n\n"
        "* Time Series Forecasting by Reprogramming Large Models [\\[paper\\]](https://openreview.net/forum?id=Unb5CVPtae) "
        "[\\[official code\\]](https://github.com/a/b)\n"
        "* Multi-source deep traffic prediction over trajectory data, VLDB'21. [\\[paper\\]](https://dl.acm.org/doi/10.1145/3437963.3441823)\n"
        "* Weakly supervised temporal segmentation with warping, ICCV 2021. [\\[paper\\]](https://arxiv.org/abs/2108.06816)\n")
    assert _values(got, "title", "venue") == [
        ("Time Series Forecasting by Reprogramming Large Models", None),
        ("Multi-source deep traffic prediction over trajectory data", "VLDB'21"),
        ("Weakly supervised temporal segmentation with warping", "ICCV 2021")]


def test_a_notes_link_beside_a_plain_title_is_no_papers_link():
    # a blog post or a lab's page names no one paper: without it, the bullet is prose
    doc, got = _fields("## Reading\n\n* Notes on training large language models well [\\[paper\\]](https://example.com/notes)\n")
    assert got == []


@pytest.mark.parametrize("heading", ["Main Recent Update Note", "Release Notes", "📣 Latest News", "Update History"])
def test_dated_bullets_under_a_news_heading_are_news_not_papers(heading):
    doc = Document(f"# Papers\n\n## {heading}\n\n- [Mar. 04, 2024] Add papers accepted by ICLR'24, AAAI'24!\n"
                   "- [Jul. 05, 2023] Add papers accepted by KDD'23!\n- [Jun. 20, 2023] Add papers accepted by ICML'23!\n")
    assert doc.entries == []


def test_a_bold_title_inside_the_lists_own_anchor():
    doc, got = _fields(
        "## Datasets\n\n"
        "1. <span id=\"Gamper\">**A parallel corpus of Italian/German legal texts.**</span>\n\n"
        "   *Johann Gamper.* LREC 2000. [[pdf](http://www.lrec-conf.org/proceedings/lrec2000/pdf/140.pdf)]\n\n"
        "2. <span id = \"Grover\">**The HOLJ corpus: supporting summarisation of legal texts**.</span>\n\n"
        "   *Claire Grover, Ben Hachey.* COLING 2004. [[pdf](https://www.aclweb.org/anthology/W04-1907)]\n")
    assert _values(got, "title", "venue", "authors") == [
        ("A parallel corpus of Italian/German legal texts.", "LREC 2000", "Johann Gamper."),
        ("The HOLJ corpus: supporting summarisation of legal texts", "COLING 2004", "Claire Grover, Ben Hachey.")]


def test_a_bold_title_then_a_venue_with_its_year_written_short():
    doc, got = _fields("## Models\n\n1. **Graph Neural Networks for Ranking.** KDD'20. [paper](https://arxiv.org/abs/2001.00001)\n\n"
                       "1. **Spectral Networks on Graphs.** CVPR' 14. [paper](https://arxiv.org/abs/1312.6203)\n")
    assert _values(got, "title", "venue") == [
        ("Graph Neural Networks for Ranking.", "KDD'20"), ("Spectral Networks on Graphs.", "CVPR' 14")]


def test_a_plain_title_led_by_its_year_or_its_venue():
    doc, got = _fields(
        "## Papers\n\n"
        "* 2014 - A Comprehensive Introduction to Label Noise. [[Paper]](https://doi.org/10.1007/s10994-013-5412-1)\n"
        "- ICLR'24 spotlight Understanding and Mitigating the Label Noise in Pre-training [[arxiv]](https://arxiv.org/abs/2309.17002)\n"
        "- AAAI-21 TransTailor: Pruning the Pre-trained Model for Transfer [[arxiv]](https://arxiv.org/abs/2103.01542)\n")
    assert _values(got, "title", "year", "venue") == [
        ("A Comprehensive Introduction to Label Noise", "2014", None),
        ("Understanding and Mitigating the Label Noise in Pre-training", None, "ICLR'24 spotlight"),
        ("TransTailor: Pruning the Pre-trained Model for Transfer", None, "AAAI-21")]


def test_a_table_rows_marks_tag_and_affiliation_are_no_part_of_its_title():
    doc, got = _fields(
        "## Serving\n\n|Date|Title|Paper|\n|:---:|:---:|:---:|\n"
        "|2024.06|🔥[**Mooncake**] Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving(@Moonshot AI) "
        "|[[pdf]](https://arxiv.org/abs/2407.00079)|\n"
        "|2024.01|[inferflow]INFERFLOW: AN EFFICIENT AND HIGHLY CONFIGURABLE INFERENCE ENGINE(@Tencent AI Lab)"
        "|[[pdf]](https://arxiv.org/abs/2401.08294)|\n")
    assert [e.title for e in doc.entries] == [
        "Mooncake: A KVCache-centric Disaggregated Architecture for LLM Serving",
        "INFERFLOW: AN EFFICIENT AND HIGHLY CONFIGURABLE INFERENCE ENGINE"]


def test_venue_and_year_labels_over_their_papers_are_no_papers():
    doc, got = _fields(
        "## Text-to-Video\n\n"
        "- <span id=\"text-year-2025\">**Year 2025**</span>\n"
        "  - **CVPR**\n"
        "    - ***AIGV-Assessor:*** *Benchmarking and Evaluating the Perceptual Quality of Generated Video* "
        "[[Paper]](https://arxiv.org/abs/2411.17221)\n"
        "    - ***ByTheWay:*** Boost Your Video Generation Model in a Training-free Way [[Paper]](https://arxiv.org/pdf/2410.06241) "
        "[[Code]](https://github.com/a/b)\n"
        "  - **arXiv**\n"
        "    - Pyramidal Flow Matching for Efficient Video Generative Modeling [[Paper]](https://arxiv.org/abs/2410.05954)\n")
    assert _values(got, "title") == [
        ("Benchmarking and Evaluating the Perceptual Quality of Generated Video",),
        ("Boost Your Video Generation Model in a Training-free Way",),
        ("Pyramidal Flow Matching for Efficient Video Generative Modeling",)]


def test_a_short_bold_title_over_its_own_labelled_links_is_still_one_paper():
    # ``- Paper:`` and ``- Code:`` below a title are its fields, not papers it groups
    doc, got = _fields("## Detection\n\n- **YOLO-World: Real-Time Open-Vocabulary Detection**\n"
                       "  - Paper: https://arxiv.org/abs/2401.17270\n  - Code: https://github.com/AILab-CVC/YOLO-World\n")
    assert _values(got, "title") == [("YOLO-World: Real-Time Open-Vocabulary Detection",)]


def test_a_methods_bold_name_over_its_papers_title_and_venue():
    doc, got = _fields(
        "## Models\n\n- **FEATHER**\n"
        "  - Characteristic Functions on Graphs: Birds of a Feather, CIKM 2020\n"
        "  - [[Paper]](https://arxiv.org/abs/2005.07959)\n  - [[Python]](https://github.com/a/feather)\n"
        "- **ATP**\n  - ATP: Directed Graph Embedding with Asymmetric Transitivity Preservation, AAAI'19\n"
        "  - [[Paper]](https://arxiv.org/abs/1811.00839)\n")
    assert _values(got, "title", "venue") == [
        ("Characteristic Functions on Graphs: Birds of a Feather", "CIKM 2020"),
        ("ATP: Directed Graph Embedding with Asymmetric Transitivity Preservation", "AAAI'19")]


def test_a_month_and_a_venue_in_one_pair_of_parentheses():
    doc, got = _fields(
        "## Generation\n\n"
        "+ [VISTA: A Test-Time Self-Improving Video Generation Agent](https://arxiv.org/abs/2510.15831) (Oct., 2025 | CVPR 2026)\n"
        "+ [Animate Your Motion: Turning Still Images into Videos](https://arxiv.org/abs/2403.10179)(Mar., 2024|ECCV 2024)\n")
    assert _values(got, "title", "date", "venue") == [
        ("VISTA: A Test-Time Self-Improving Video Generation Agent", "Oct., 2025", "CVPR 2026"),
        ("Animate Your Motion: Turning Still Images into Videos", "Mar., 2024", "ECCV 2024")]


def test_a_books_year_after_its_blurb_makes_no_paper():
    doc = Document("# Awesome Elixir\n\n## Books\n\n"
                   "* [Elixir in Action](https://www.manning.com/books/elixir-in-action) - A brief intro to the language "
                   "followed by a more detailed look at building production-ready systems, by Saša Jurić (2015).\n"
                   "* [Programming Phoenix](https://pragprog.com/book/phoenix/programming-phoenix) - Don't accept the "
                   "compromise between fast and beautiful, by Chris McCord, Bruce Tate and José Valim (2016).\n")
    assert [e.kind for e in doc.entries] == ["item", "item"]
    # (a paper's year after its authors, or right after its title, is still a paper's)
    _, got = _fields("## Papers\n\n- [Distilling the Knowledge in a Neural Network](https://arxiv.org/abs/1503.02531) - "
                     "G. Hinton, O. Vinyals, J. Dean (2015)\n")
    assert _values(got, "venue") == [("2015",)]
