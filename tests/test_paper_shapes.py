"""Paper entries in every shape: scenarios under tests/fixtures/shapes/ (family
detected, no preset), and the corpus paper lists read as papers."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from helpers import check_scenario, scenarios

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config, validate
from awesome_lint.model.conventions import Convention
from awesome_lint.model.document import Document
from awesome_lint.rule import Context
from awesome_lint.rules._paper_shapes import yearless

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "shapes"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.parametrize("stem, rules, unsafe, blocks", list(scenarios(FIXTURES)))
def test_scenario(stem, rules, unsafe, blocks):
    cfg = validate({"select": stem.split("+"), "rules": rules}, None)
    check_scenario(engine.build_settings(cfg), blocks, unsafe)


# Entries per corpus paper list, counted by reading the lists (grep for the
# shape's opening, then the lines it got wrong corrected by eye):
CORPUS_PAPERS = {
    # `^\s*[0-9]+\. \*\*`: every numbered bold item, numbered 1. or 21.
    "thunlp__GNNPapers.md": ("numbered-bold", 461),
    # 159 `* [Title](url) ... (VENUE YEAR)` + lines 57, 82, 137 (no year in
    # parentheses, but [[code]] / [[project page]] links)
    "YapengTian__awesome-audio-visual.md": ("bullet-link-title", 162),
    # `^\|[0-9]{6}\|`
    "YichiZhang98__SAM4MIS.md": ("table-row", 425),
    # `^\| *[0-9]{4}-[0-9]{2} *\|`: the milestone table
    "Hannibal046__Awesome-LLM.md": ("table-row", 62),
    # `^- \[[^]]+\] +\[\[`
    "xinario__awesome-gan-for-medical-imaging.md": ("bullet-bracket-title", 177),
    # 276 `- [**Venue**]` lines, less the template inside a code fence (line 17)
    "richard-peng-xia__awesome-multimodal-in-medical-imaging.md": ("bullet-venue-first", 275),
    # 107 `^\*\*Title\*\*$` lines + lines 803, 813 (indented by one space)
    "amusi__CVPR2024-Papers-with-Code.md": ("bold-subbullets", 109),
    # 455 `^\[Title\](url), ` + line 918 (a URL with parentheses) and line 1000
    # (`[LANTERN 2021](url): ... @ EACL 2021`, a workshop)
    "pliang279__awesome-multimodal-ml.md": ("paragraph-link", 457),
    "hee9joon__Awesome-Diffusion-Models.md": ("bold-block", 2975),
    # 204 bold openings less line 625, indented 4 spaces: an indented code block
    "fahadshamshad__awesome-transformers-in-medical-imaging.md": ("bold-block", 203),
    "zhaozh10__Awesome-CLIP-in-Medical-Imaging.md": ("bold-block", 165),
    "xmindflow__Awesome-Foundation-Models-in-Medical-Imaging.md": ("bold-block", 41),
}


@pytest.mark.parametrize("name", sorted(CORPUS_PAPERS))
def test_corpus_paper_lists_are_read_as_papers(name):
    path = CORPUS / name
    if not path.exists():
        pytest.skip("../shared/corpus is not here")
    shape, count = CORPUS_PAPERS[name]
    doc = Document(path.read_text(encoding="utf-8"), str(path))
    papers = [e for e in doc.entries if e.kind == "paper"]
    assert Counter(e.shape for e in papers) == {shape: count}
    assert all(e.section.family == "papers" for e in papers)
    assert not [e for e in doc.entries if e.kind == "item" and e.section.family == "papers"]
    for entry in papers:  # every field is an exact span of the text
        for field in entry.fields.values():
            assert doc.text[field.start:field.end] == field.text
        assert entry.title


def test_every_corpus_paper_list_is_covered():
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        pytest.skip("../shared/corpus is not here")
    rows = [line.split("\t") for line in manifest.read_text(encoding="utf-8").splitlines()[1:]]
    assert {r[0] for r in rows if r[4] == "papers"} == set(CORPUS_PAPERS)


@pytest.mark.parametrize("venue, short", [
    ("EMNLP 18", "18"), ("CVPR'23", "23"), ("NeurIPS \u201922", "22"), ("ICLR 24 \u2013 Oct 23", "24"),
    ("arXiv -  Oct 23", "23"), ("TACL", None), ("Vol. 3", None), ("Nature 5(12)", None), ("IEEE TMI 12.3", None),
])
def test_a_venue_without_a_four_digit_year_is_told_apart_from_one_with_a_short_year(venue, short):
    usual = Convention("venue-year", "section 'Papers'", Counter({True: 9, False: 1}), True, "inferred", "entries")
    message = yearless(venue, usual)
    if short is None:
        assert message == f"venue '{venue}' has no year where this section gives venues a year (9 of 10 entries)"
    else:
        assert message == (f"venue '{venue}' writes its year in two digits ('{short}') where this section "
                           "gives venues a four-digit year (9 of 10 entries)")


def _read(text: str) -> list[tuple]:
    """(kind, shape, title, authors and venue) of each entry read from ``text``."""
    return [(e.kind, e.shape, e.title, {k: f.text for k, f in e.fields.items() if k in ("authors", "venue")})
            for e in Document(text).entries]


def _with_venues(read: list[tuple]) -> list[tuple]:
    return [(kind, shape, title, fields.get("venue")) for kind, shape, title, fields in read]


def test_a_bold_title_bullet_with_its_authors_and_paper_link_below_is_a_paper():
    text = ("# P\n\n## A\n\n* **Gated Recurrences Revisited**,\n  Chen Wu, Dana Ross\n"
            "  [[Paper](https://arxiv.org/abs/2405.22222)]\n\n"
            "* [arXiv:2406.11111] **Selective Scans for Long Audio**, Ana Lima\n"
            "  [[Paper](https://arxiv.org/abs/2406.11111)]\n\n"
            "* **Our Group** at a university\n  [[Website](https://group.example)]\n")
    read = _read(text)
    assert read[:2] == [
        ("paper", "bullet-bold", "Gated Recurrences Revisited", {"authors": "Chen Wu, Dana Ross"}),
        ("paper", "bullet-venue-first", "Selective Scans for Long Audio", {"venue": "arXiv:2406.11111"}),
    ]
    assert all(kind != "paper" for kind, *_ in read[2:])  # a bold name over a website link is no paper


def test_a_plain_title_bullet_with_paper_links_and_an_authors_line_below_is_a_paper():
    text = ("# P\n\n## 2024\n\n-   Gradient Paths in Contrastive Objectives.\n"
            "    [[pdf]](https://arxiv.org/pdf/2405.10001)\n    [[code]](https://github.com/example/paths)\n"
            "    -   Ana Lima, Bo Chen and Chen Wu. *ICML 2024*\n"
            "-   Notes on tooling for the team\n    [[pdf]](https://notes.example/tooling.pdf)\n"
            "-   Another plain item without links at all\n")
    read = _read(text)
    assert read[0] == ("paper", "bullet-plain", "Gradient Paths in Contrastive Objectives",
                       {"authors": "Ana Lima, Bo Chen and Chen Wu", "venue": "ICML 2024"})
    assert all(kind != "paper" for kind, *_ in read[1:])  # no authors below: not a paper


def test_a_venue_and_year_in_parentheses_before_a_bold_title_is_read_as_the_venue():
    # Yutong-Zhou-cv/Awesome-Text-to-Image's shape: 0 of its 361 papers were read before
    text = ("# P\n\n## Faces\n\n"
            "* (CVPR 2023) **Sketching Faces from Words**, Ana Lima et al. [[Paper](https://arxiv.org/abs/2303.00001)]\n"
            "* ⭐⭐(arXiv preprint 2024) [💬 3D Heads] **Heads in Three Dimensions**, Bo Chen et al. "
            "[[Paper](https://arxiv.org/abs/2401.00002)]\n"
            "* (Neural Networks-2022) **Two-Channel Face Synthesis**, Chen Wu [[Paper](https://doi.example/nn.2022)]\n"
            "* (new) **A Tool We Like** [[Site](https://tool.example)]\n")
    read = _read(text)
    assert _with_venues(read[:3]) == [
        ("paper", "bullet-venue-first", "Sketching Faces from Words", "CVPR 2023"),
        ("paper", "bullet-venue-first", "Heads in Three Dimensions", "arXiv preprint 2024"),
        ("paper", "bullet-venue-first", "Two-Channel Face Synthesis", "Neural Networks-2022"),
    ]
    assert len(read) == 3  # "(new)" holds no year: no venue, and a bold name over a site is no paper


def test_a_plain_title_with_its_paper_link_on_the_same_line_and_authors_below_is_a_paper():
    # MinghuiChen43/awesome-trustworthy-deep-learning's shape: 0 of its papers were read before
    text = ("# P\n\n## Privacy\n\n"
            "- Probing Leakage in Small Language Models. [[paper]](https://arxiv.org/abs/2307.00001) "
            "[[code]](https://github.com/example/probe)\n"
            "  - Ana Lima, Bo Chen, Jan van der Berg.\n"
            "  - Key Word: Privacy; Leakage.\n\n"
            "- Berkeley Vision Lab [[Paper]](https://arxiv.org/abs/1411.00002)\n"
            "  - Ana Lima, Bo Chen, Long-Term Recurrent Networks for Video, CVPR, 2015.\n\n"
            "- Fast R-CNN, Microsoft Research [[Paper]](https://arxiv.org/abs/1504.00003)\n"
            "  - Ross Girshick, Fast R-CNN, arXiv:1504.00003.\n\n"
            "- Notes on our reading group [[paper]](https://notes.example/reading.pdf)\n")
    read = _read(text)
    assert read[0] == ("paper", "bullet-plain", "Probing Leakage in Small Language Models",
                       {"authors": "Ana Lima, Bo Chen, Jan van der Berg."})
    # a lab's name over a whole citation, and a bullet with no authors below, are no papers
    assert all(kind != "paper" for kind, *_ in read[1:])


def test_a_plain_title_then_its_venue_and_year_then_paper_links_is_a_paper():
    # AIoT-MLSys-Lab/Efficient-LLMs-Survey's shape: 0 of its 403 papers were read before
    text = ("# P\n\n## Quantization\n\n"
            "- OneBit: Towards Low-bit Language Models, <ins>arXiv, 2024</ins> [[Paper](https://arxiv.org/abs/2402.00001)]\n"
            "- Learning, Fast and Slow, *ICML 2020* [[pdf]](https://proc.example/fast.pdf) [[Code](https://github.com/a/b)]\n"
            "* Ana Lima, Bo Chen, and Chen Wu, Tracking with Deep Features, ICCV 2015 [[Paper](https://cv.example/t.pdf)]\n"
            "* Dana Ross, Eli Fox, \"A Note on Generative Models\", ICLR 2016. [[Paper](https://arxiv.org/abs/1511.00003)]\n"
            "- Our group's tools, 2024 [[Code](https://github.com/a/tools)]\n"
            "- A talk about models, 2023 [[Paper](https://talks.example/1)] and [slides](https://talks.example/s)\n")
    read = _read(text)
    assert _with_venues(read[:4]) == [
        ("paper", "bullet-plain-venue", "OneBit: Towards Low-bit Language Models", "arXiv, 2024"),
        ("paper", "bullet-plain-venue", "Learning, Fast and Slow", "ICML 2020"),
        ("paper", "bullet-plain-venue", "Tracking with Deep Features", "ICCV 2015"),
        ("paper", "bullet-plain-venue", "A Note on Generative Models", "ICLR 2016"),
    ]
    # a citation's authors come first: two or more names, or one with "and"; a title's
    # own commas ("Learning, Fast and Slow") are not authors
    assert [fields.get("authors") for *_, fields in read[:4]] == [
        None, None, "Ana Lima, Bo Chen, and Chen Wu", "Dana Ross, Eli Fox"]
    # no paper link, or prose between the links: not this shape
    assert all(kind != "paper" for kind, *_ in read[4:])


def test_a_venue_as_the_text_of_the_leading_link_with_a_code_span_date_is_a_paper():
    # zjukg/KG-LLM-Papers' shape: 0 of its 270 papers were read before, so neither its
    # '2025.2' dates nor its order were checked
    text = ("# P\n\n## Surveys\n\n"
            "- \\[[arxiv](https://arxiv.org/abs/2402.00001)\\] Graphs Meet Language Models: A Survey. `2024.02`\n"
            "- \\[[EMNLP 2023](https://aclanthology.org/2023.x)\\]Revisiting Knowledge Injection. `2023.12` "
            "\\[[Repo](https://github.com/a/b)\\]\n"
            "- \\[[Slides](https://talks.example/1)\\] Our talk at the lab\n")
    read = [(e.shape, e.title, {k: f.text for k, f in e.fields.items() if k in ("venue", "date")})
            for e in Document(text).entries if e.kind == "paper"]
    assert read == [
        ("bullet-venue-link-first", "Graphs Meet Language Models: A Survey", {"venue": "arxiv", "date": "2024.02"}),
        ("bullet-venue-link-first", "Revisiting Knowledge Injection", {"venue": "EMNLP 2023", "date": "2023.12"}),
    ]  # no date in a code span: no paper


def test_a_numbered_citation_in_plain_text_is_a_paper_and_its_arxiv_id_gives_the_year():
    # FLHonker/Awesome-Knowledge-Distillation's shape: 0 of its 543 papers were read before,
    # and it lists at least 26 of them twice
    rows = ["Distilling Knowledge in Small Networks. Hinton et al. arXiv:1503.02531",
            "Learning from Noisy Labels Twice. Li, Yuncheng et al. ICCV 2017 [[code]](https://github.com/a/b)",
            "Relational Knowledge Distillation Methods. CVPR 2019",
            "Meta Pseudo Labels for Students. Pham, Hieu et al. ICML 2020",
            "Distilling Knowledge in Small Networks. Hinton et al. arXiv:1503.02531",
            "A reading list we keep for the lab. 2020 edition"] + [
            f"Student Networks, Part {n}. Ana Lima et al. NeurIPS 20{n + 10}" for n in range(4)]
    text = "# P\n\n## Logits\n\n" + "\n".join(f"{i}. {row}" for i, row in enumerate(rows, 1)) + "\n"
    read = _read(text)
    assert _with_venues(read[:5]) == [
        ("paper", "numbered-plain-citation", "Distilling Knowledge in Small Networks", "arXiv:1503.02531"),
        ("paper", "numbered-plain-citation", "Learning from Noisy Labels Twice", "ICCV 2017"),
        ("paper", "numbered-plain-citation", "Relational Knowledge Distillation Methods", "CVPR 2019"),
        ("paper", "numbered-plain-citation", "Meta Pseudo Labels for Students", "ICML 2020"),
        ("paper", "numbered-plain-citation", "Distilling Knowledge in Small Networks", "arXiv:1503.02531"),
    ]
    assert read[1][3]["authors"] == "Li, Yuncheng et al"
    assert [title for *_, title, _ in read[5:]] == [f"Student Networks, Part {n}" for n in range(4)]  # a year alone is no venue
    settings = engine.build_settings(Config(), select=["entry-format", "duplicate"])
    doc, found = engine.check(text, settings, Context())
    # the copy is found; an arXiv id carries its year, so no venue "has no year"
    assert [(doc.line_col(d.start)[0] + 1, d.rule) for d in found] == [(9, "duplicate")]


def test_a_paragraph_led_by_its_venue_and_date_in_parentheses_is_a_paper():
    # yyyujintang/Awesome-Mamba-Papers' shape: 0 of its 167 papers were read before
    text = ("# P\n\n## Sequence Models\n\n"
            "(NeurIPS 2020 Spotlight) Memory with Optimal Polynomial Projections [Paper](https://arxiv.org/abs/2008.00001)\n\n"
            "(Arxiv 24.05.26) A Unified View of Gated Linear Recurrences [Paper](https://arxiv.org/abs/2405.00002) "
            "[Code](https://github.com/o/r) ![Stars](https://img.shields.io/github/stars/o/r)\n\n"
            "**(Arxiv 23.12.01) Selective State Spaces in Linear Time** [Paper](https://arxiv.org/abs/2312.00003)\n\n"
            "(Arxiv 24.05.31, ICML24) Duality of Two Sequence Layers [Paper](https://arxiv.org/abs/2405.00004)\n\n"
            "(see below) The list of our favourite tools [Site](https://tool.example)\n\n"
            "(ICLR 2022) [Structured Spaces](https://arxiv.org/abs/2111.00005)\n")
    read = [(e.kind, e.shape, e.title, {k: f.text for k, f in e.fields.items()}) for e in Document(text).entries]
    assert read == [
        ("paper", "paragraph-paren-lead", "Memory with Optimal Polynomial Projections",
         {"title": "Memory with Optimal Polynomial Projections", "venue": "NeurIPS 2020 Spotlight"}),
        ("paper", "paragraph-paren-lead", "A Unified View of Gated Linear Recurrences",
         {"title": "A Unified View of Gated Linear Recurrences", "venue": "Arxiv", "date": "24.05.26"}),
        ("paper", "paragraph-paren-lead", "Selective State Spaces in Linear Time",
         {"title": "Selective State Spaces in Linear Time", "venue": "Arxiv", "date": "23.12.01"}),
        ("paper", "paragraph-paren-lead", "Duality of Two Sequence Layers",
         {"title": "Duality of Two Sequence Layers", "venue": "Arxiv", "date": "24.05.31"}),
    ]  # no year in "(see below)"; a link as the title is another shape's


def test_papers_dated_year_first_in_two_digits_are_held_to_their_order():
    def para(date, title, arxiv):
        return f"(Arxiv {date}) {title} [Paper](https://arxiv.org/abs/{arxiv})\n\n"

    text = "# P\n\n## Healthcare\n\n" + "".join(para(*p) for p in [
        ("24.08.01", "Mamba for Protein Folding Tasks", "2408.00001"),
        ("24.08.06", "Sequence Models of Whole Genomes", "2408.00002"),
        ("24.08.15", "Molecules Read as Long Strings", "2408.00003"),
        ("24.08.11", "Chemical Foundation Models for Screening", "2408.00004"),
        ("24.08.20", "State Spaces for Clinical Notes", "2408.00005"),
        ("24.08.29", "Sleep Stages from Raw Signals", "2408.00006"),
    ])
    _, found = engine.check(text, engine.build_settings(Config(), links=False), Context())
    assert [(d.rule, d.message.split(" where")[0]) for d in found if d.rule in ("sort-order", "date-format")] == [
        ("sort-order", "'Chemical Foundation Models for Screening' (24.08.11) is older than the entry before it at line 9"),
    ]


def test_a_bold_title_then_its_venue_and_month_before_bracketed_paper_links_is_a_paper():
    # NiuTrans/ABigSurveyOfLLMs' shape: 0 of its 158 surveys were read before
    text = ("# P\n\n## General Surveys\n\n"
            "- **Large Language Models: A Survey**, arXiv 2024.02 [[Paper](https://arxiv.org/abs/2402.00001)]\n\n"
            "- **A Survey of Pretrained Models**, ACM Computing Surveys 2023.01 [[Paper](https://doi.example/1)] "
            "[[GitHub](https://github.com/o/r)]\n\n"
            "- **Prompting Methods in Language Processing**, CVPR 2023 [[Paper](https://arxiv.org/abs/2301.00003)]\n\n"
            "- **Our Reading Group**, every week [[Site](https://group.example)]\n")
    read = [(e.shape, e.title, {k: f.text for k, f in e.fields.items() if k != "title"}) for e in Document(text).entries]
    assert read == [
        ("bullet-bold", "Large Language Models: A Survey", {"venue": "arXiv", "date": "2024.02"}),
        ("bullet-bold", "A Survey of Pretrained Models", {"venue": "ACM Computing Surveys", "date": "2023.01"}),
        ("bullet-bold", "Prompting Methods in Language Processing", {"venue": "CVPR 2023"}),
    ]


def test_a_title_of_four_words_or_more_with_its_paper_link_beside_it_is_a_paper():
    # dk-liang/Awesome-Visual-Transformer's shapes: 11 of its 453 papers were read before,
    # and a '[Chinese Blog]' tag twice was "listed twice"
    text = ("# P\n\n## Backbones\n\n"
            "- **[NViT]** NViT: Vision Transformer Compression and Redistribution [[paper](https://arxiv.org/abs/2110.04869)]\n"
            "- Adversarial Token Attacks on Vision Transformers [[paper](https://arxiv.org/abs/2110.04337)] "
            "[[code](https://github.com/o/r)]\n"
            "- [**VoTr**] Voxel Transformer for 3D Object Detection  [[paper](https://arxiv.org/abs/2109.02497)]\n"
            "- Our favourite tool [[code](https://github.com/o/t)]\n"
            "- Three Short Words [[site](https://words.example)]\n"
            "\n## Blogs\n\n"
            "- [English Blog] Transformers in Vision [[Link](https://blog.example/a)]\n"
            "- [Chinese Blog] 视觉 transformer 入门 [[Link](https://blog.example/b)]\n"
            "- [Chinese Blog] Vision Transformer 超详细解读 [[Link](https://blog.example/c)]\n"
            "\n### 2021\n**NeurIPS**\n\n"
            "- ProTo: Program-Guided Transformer for Program-Guided Tasks [[paper](https://arxiv.org/abs/2110.00804)]\n"
            "- DynamicViT: Efficient Vision Transformers with Token Sparsification [[paper](https://arxiv.org/abs/2106.02034)]\n")
    read = [(e.shape, e.title) for e in Document(text).entries]
    assert read == [
        ("bullet-plain", "NViT: Vision Transformer Compression and Redistribution"),
        ("bullet-plain", "Adversarial Token Attacks on Vision Transformers"),
        ("bullet-venue-first", "Voxel Transformer for 3D Object Detection"),  # not its links' bracket
        # no paper link beside a name, a tag before a blog post: no papers;
        # '**NeurIPS**' heads a group of papers, its items' 'ProTo:' is no label of its
        ("bullet-plain", "ProTo: Program-Guided Transformer for Program-Guided Tasks"),
        ("bullet-plain", "DynamicViT: Efficient Vision Transformers with Token Sparsification"),
    ]
    # a bracketed title whose first link is broken text is still a title: its link is reported
    broken = Document("# P\n\n## GAN\n\n- [General-to-Detailed GAN for Medical Images] [[scholar]](General GAN Images) "
                      "[[NeurIPS 2018 ML4H]](https://arxiv.org/abs/1812.01690)\n")
    assert [(e.shape, e.title) for e in broken.entries] == [
        ("bullet-bracket-title", "General-to-Detailed GAN for Medical Images")]
