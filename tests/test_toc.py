from __future__ import annotations

from awesome_lint.model.document import Document
from awesome_lint.engine.fixer import fix_loop
from awesome_lint.rule import Context
from awesome_lint.rules.toc import Toc


def check(text):
    doc = Document(text)
    return doc, list(Toc().check(doc, Context()))


def messages(text):
    return sorted((Document(text).line_col(d.start)[0] + 1, d.message) for d in check(text)[1])


NESTED = """# List

## Contents

- [Intro](#intro)

- [Papers](#papers)
\t- [Zeta](#zeta)
\t- [Alpha](#alpha)

## Intro

## Papers

### Alpha

### Zeta

### Beta & Gamma

## License
"""


def test_order_and_missing_are_reported():
    assert messages(NESTED) == [
        (8, "table of contents is out of order: 'Zeta' comes before 'Alpha' in the document order"),
        (19, "section 'Beta & Gamma' is missing from the table of contents"),
    ]


def test_regenerated_list_keeps_style_and_blank_lines():
    fixed = fix_loop(NESTED, check, unsafe=False).text
    assert fixed == NESTED.replace(
        "- [Intro](#intro)\n\n- [Papers](#papers)\n\t- [Zeta](#zeta)\n\t- [Alpha](#alpha)\n",
        "- [Intro](#intro)\n\n- [Papers](#papers)\n\t- [Alpha](#alpha)\n\t- [Zeta](#zeta)\n"
        "\t- [Beta & Gamma](#beta--gamma)\n",
    )
    assert check(fixed)[1] == []


def test_duplicate_headings_get_numbered_anchors():
    text = "## Contents\n\n- [A](#a)\n- [A again](#a-1)\n\n## A\n\n## A\n"
    assert messages(text) == []


def test_separate_part_outside_toc_is_not_demanded():
    text = ("## Contents\n\n- [Tools](#tools)\n\n## Projects\n\n### Tools\n\n"
            "## Resources\n\n### Podcasts\n")
    assert messages(text) == []


def test_grouped_toc_is_reported_but_not_rewritten():
    text = "## Categories\n\n**One**\n\n- [B](#b)\n\n**Two**\n\n- [A](#a)\n\n## A\n\n## B\n"
    doc, found = check(text)
    assert [d.message for d in found] == ["table of contents is out of order: 'B' comes before 'A' in the document order"]
    assert found[0].fix is None


def test_explicit_html_anchor_counts():
    text = '## Contents\n\n- [Top](#top)\n\n<a name="top"></a>\n\n## Body\n'
    assert messages(text) == []


def test_a_broken_anchor_in_a_categories_toc_is_reported_once(tmp_path, capsys):
    import json

    from awesome_lint.app.cli import main

    path = tmp_path / "README.md"
    path.write_text("# L\n\n## Categories\n\n- [Tools](#tool)\n\n## Tools\n", encoding="utf-8")
    main([str(path), "--select", "toc,local-link", "--output-format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert [(f["rule"], f["line"]) for f in found] == [("toc", 5)]


def test_a_missing_section_is_added_in_the_lists_own_bullet():
    text = "# L\n\n## Contents\n\n* [A](#a)\n* [C](#c)\n\n## A\n\n## B\n\n## C\n"
    assert messages(text) == [(10, "section 'B' is missing from the table of contents")]
    assert fix_loop(text, check, unsafe=False).text == text.replace("* [C](#c)", "* [B](#b)\n* [C](#c)")


def test_a_recurring_title_the_toc_lists_once_is_demanded_everywhere():
    # "Libraries" under A is listed, so the one under B is an entry the ToC misses
    text = ("# L\n\n## Contents\n\n- [A](#a)\n  - [Libraries](#libraries)\n  - [Tools](#tools)\n"
            "- [B](#b)\n  - [Tools](#tools-1)\n\n## A\n\n### Libraries\n\n### Tools\n\n## B\n\n"
            "### Libraries\n\n### Tools\n")
    assert messages(text) == [(19, "section 'Libraries' is missing from the table of contents")]


def test_a_broken_anchor_in_a_toc_of_its_own_layout_gets_its_own_fix():
    # the second item holds an outside link, so the list is not rewritten: the anchor alone is mended;
    # the link's words match the heading once runs of spaces are one
    text = "# L\n\n## Contents\n\n- [Foo  Bar](#foobar)\n- [Baz](#baz) and [site](https://x.example)\n\n## Foo Bar\n\n## Baz\n"
    _, found = check(text)
    assert [d.message for d in found] == ["anchor '#foobar' matches no heading (did you mean #foo-bar?)"]
    assert fix_loop(text, check, unsafe=False).text == text.replace("(#foobar)", "(#foo-bar)")


def test_a_new_last_entry_follows_the_list_with_its_space_indent_and_no_blank_line():
    text = ("# L\n\n## Contents\n\n- [A](#a)\n  - [A1](#a1)\n  - [A2](#a2)\n- [B](#b)\n\n"
            "## A\n\n### A1\n\n### A2\n\n## B\n\n## C\n")
    assert messages(text) == [(18, "section 'C' is missing from the table of contents")]
    assert fix_loop(text, check, unsafe=False).text == text.replace("- [B](#b)\n", "- [B](#b)\n- [C](#c)\n")


def test_a_level_or_a_group_the_toc_lists_half_of_or_less_is_not_demanded():
    # one link to a subsection of A is a stray, not a level: A2 is not missing
    stray = "# L\n\n## Contents\n\n- [A](#a)\n  - [A1](#a1)\n- [B](#b)\n\n## A\n\n### A1\n\n### A2\n\n## B\n\n## C\n"
    assert messages(stray) == [(17, "section 'C' is missing from the table of contents")]
    # the level is listed (4 of 6), but of B's four subsections only two: B3 and B4 are labels, not entries
    thin = ("# L\n\n## Contents\n\n- [A](#a)\n  - [A1](#a1)\n  - [A2](#a2)\n- [B](#b)\n  - [B1](#b1)\n  - [B2](#b2)\n\n"
            "## A\n\n### A1\n\n### A2\n\n## B\n\n### B1\n\n### B2\n\n### B3\n\n### B4\n")
    assert messages(thin) == []


def test_a_recurring_title_the_toc_lists_nowhere_is_a_label_not_an_entry():
    text = ("# L\n\n## Contents\n\n- [A](#a)\n  - [Tools](#tools)\n  - [Docs](#docs)\n- [B](#b)\n"
            "  - [Tools](#tools-1)\n  - [Docs](#docs-1)\n\n## A\n\n### Tools\n\n### Docs\n\n### Libraries\n\n"
            "## B\n\n### Tools\n\n### Docs\n\n### Libraries\n")
    assert messages(text) == []


def test_an_umbrella_heading_whose_subsections_the_toc_lists_is_not_missing():
    toc = "".join(f"- [{t}](#{t.lower()})\n" for t in ("Intro", "Surveys", "Models", "Resources", "Outro"))
    text = (f"# Awesome\n\n## Contents\n\n{toc}\n# Intro\n\n# Research Papers\n\n## Surveys\n\n## Models\n\n"
            "# Resources\n\n# Tools\n\n## Editors\n\n# Outro\n")
    # 'Research Papers' stands over two listed sections; 'Tools' and 'Editors' are not listed at all
    assert messages(text) == [(21, "section 'Tools' is missing from the table of contents"),
                              (23, "section 'Editors' is missing from the table of contents")]


def test_a_toc_indented_under_its_heading_keeps_every_line_it_has_and_gains_only_the_missing_one():
    # ChaofanTao/Autoregressive-Models-in-Vision-Survey: the rewrite used to outdent all 23 lines
    # and unescape 'Stability \& Scaling'; pliang279's '#Finance', which GitHub finds, was lower-cased
    text = ("# L\n\n## Contents\n  - [Image](#image)\n    - [Text to Image](#text-to-image)\n"
            "    - [Inpainting](#Inpainting)\n  - [Stability \\& Scaling](#stability--scaling)\n\n"
            "## Image\n\n### Text to Image\n\n### Editing\n\n### Inpainting\n\n## Stability & Scaling\n\n## Video\n")
    assert messages(text) == [(13, "section 'Editing' is missing from the table of contents"),
                              (19, "section 'Video' is missing from the table of contents")]
    assert fix_loop(text, check, unsafe=False).text == text.replace(
        "    - [Text to Image](#text-to-image)\n", "    - [Text to Image](#text-to-image)\n    - [Editing](#editing)\n"
    ).replace("(#stability--scaling)\n", "(#stability--scaling)\n  - [Video](#video)\n")


def test_a_rewrite_that_would_drop_a_working_line_is_not_offered():
    # the ToC lists two subsections of Papers, the list has many more: that level is not the
    # ToC's convention, so a rewrite would delete those two lines; none is offered
    subs = "".join(f"### Part {i}\n\n" for i in range(6))
    text = ("# L\n\n## Contents\n\n- [Papers](#papers)\n  - [Part 0](#part-0)\n  - [Part 1](#part-1)\n"
            "- [Talks](#talks)\n\n## Papers\n\n" + subs + "## Talks\n\n## Blogs\n")
    found = check(text)[1]
    assert [d.message for d in found] == ["section 'Blogs' is missing from the table of contents"]
    assert found[0].fix is None


def test_a_toc_line_to_an_html_anchor_is_never_rewritten_away():
    # keon/awesome-nlp lists its libraries by <a id> anchors, not headings: the rewrite that
    # added a missing section used to delete those 13 working lines
    text = ("# L\n\n## Contents\n\n- [Tools](#tools)\n  - [Python](#python)\n- [Books](#books)\n\n"
            "## Tools\n\n* <a id=\"python\">**Python**</a>\n\n## Books\n\n## Talks\n")
    found = check(text)[1]
    assert [d.message for d in found] == ["section 'Talks' is missing from the table of contents"]
    assert found[0].fix is None


DECORATED = ("# Mac Apps\n\n## Contents\n\n" + "".join(f"- [{n}](#{n.lower()})\n" for n in
             ["Audio", "Backup", "Browser", "Chat", "Database", "Editors"]) + "\n## Applications\n\n"
             + "".join(f"### {e} {n} ({k})\n\n- [App{k}](https://app{k}.example) - Does {n.lower()}.\n\n"
                       for e, n, k in [("🎵", "Audio", 39), ("💾", "Backup", 6), ("🌐", "Browser", 13), ("💬", "Chat", 20),
                                       ("🗄️", "Database", 18), ("📝", "Editors", 7), ("🏥", "Medical", 1)]))


def test_anchors_that_broke_together_are_one_finding_and_mended_at_once():
    # serhii-londar/open-source-mac-os-apps: its headings took emoji and counts, and
    # all 47 anchors of its ToC broke: 47 findings with no hint before
    found = check(DECORATED)[1]
    broken = [d for d in found if "no heading" in d.message]
    assert len(broken) == 1 and broken[0].message.startswith("6 of the table of contents' 6 anchors match no heading "
                                                             "(#audio, #backup, #browser, ...)")
    assert len(broken[0].related) == 6 and "#-audio-39" in broken[0].message
    fixed = fix_loop(DECORATED, check, unsafe=False).text
    assert "- [Audio](#-audio-39)\n" in fixed and "- [Editors](#-editors-7)\n" in fixed
    # the missing section is written as the ToC writes its names: no emoji, no count
    assert "- [Medical](#-medical-1)\n" in fixed
    assert check(fixed)[1] == []


def test_a_few_broken_anchors_are_each_their_own_finding():
    text = DECORATED.replace("(#audio)", "(#-audio-39)").replace("(#backup)", "(#-backup-6)").replace(
        "(#browser)", "(#-browser-13)").replace("(#chat)", "(#-chat-20)")
    assert [d.message for d in check(text)[1] if "no heading" in d.message] == [
        "anchor '#database' matches no heading (did you mean #️-database-18?)",
        "anchor '#editors' matches no heading (did you mean #-editors-7?)"]


def test_an_order_fault_carries_the_rewrite_and_a_duplicate_line_blocks_it():
    doc, found = check(NESTED)
    order = next(d for d in found if "out of order" in d.message)
    fixed = fix_loop(NESTED, check, unsafe=False).text
    assert order.fix is not None and fixed.index("[Alpha](#alpha)") < fixed.index("[Zeta](#zeta)")
    # a heading listed twice: a rewrite would drop one of its lines, so none is offered
    twice = NESTED.replace("\t- [Alpha](#alpha)\n", "\t- [Alpha](#alpha)\n\t- [Alpha](#alpha)\n")
    _, found = check(twice)
    assert [d.fix for d in found if "missing" in d.message] == [None]


def test_the_grouped_finding_points_at_each_broken_link():
    found = [d for d in check(DECORATED)[1] if "no heading" in d.message][0]
    doc = Document(DECORATED)
    assert [(r.message, doc.text[r.start:r.end]) for r in found.related][:2] == [
        ("no such heading", "[Audio](#audio)"), ("no such heading", "[Backup](#backup)")]


def test_a_percent_encoded_anchor_reaches_its_heading():
    # Browsers decode '#%E4%B8%AD%E6%96%87' to '#中文' before they look the id up,
    # as local-link already knew; toc called it broken and offered to "mend" it.
    text = ("# List\n\n## Contents\n\n- [中文](#%E4%B8%AD%E6%96%87)\n- [Tools](#Tools)\n\n"
            "## 中文\n\n## Tools\n")
    assert check(text)[1] == []


def test_a_heading_in_html_is_reached_by_its_id_and_by_its_texts_anchor():
    text = ("# List\n\n## Contents\n\n- [Tools](#tools)\n- [WMT 2018](#wmt18)\n- [WMT 2019](#wmt-2019)\n"
            "- [WMT 2020](#wmt20)\n\n"
            "## Tools\n\n<h2 id=\"wmt18\">WMT 2018</h2>\n\n<h2 id=\"wmt19\">WMT 2019</h2>\n\n<h2>WMT 2020</h2>\n")
    assert messages(text) == [(8, "anchor '#wmt20' matches no heading (did you mean #wmt-2020?)")]
    # (inside a collapsible section's tags too)
    folded = ("# List\n\n## Contents\n\n- [Dashboards](#dashboards)\n- [Editors](#editors)\n\n"
              "<details open><summary><h2>Dashboards</h2></summary>\n\n- [a](https://a.example) A.\n\n</details>\n\n"
              "<details open><summary><h2>Editors</h2></summary>\n\n- [b](https://b.example) B.\n\n</details>\n")
    assert messages(folded) == []


def test_a_dead_anchor_that_names_an_unlisted_section_is_one_finding():
    live = ["Training", "Sampling", "Evaluation", "Metrics"]
    text = ("# List\n\n## Contents\n\n- [Generation](#generation)\n  - [Motion-guided](#motion-guided-generation)\n"
            + "".join(f"  - [{n}](#{n.lower()})\n" for n in live)
            + "- [Editing](#editing)\n  - [Motion-guided](#motion-guided-editing-model)\n"
            "  - [Instruct-guided](#instruct-model)\n\n"
            "## Generation\n\n### Motion-guided Video Generation\n\n" + "".join(f"### {n}\n\n" for n in live)
            + "## Editing\n\n### Motion-guided Video Editing\n\n### Image-guided Video Editing\n")
    assert messages(text) == [
        (6, "anchor '#motion-guided-generation' matches no heading (did you mean #motion-guided-video-generation, "
            "section 'Motion-guided Video Generation', which it does not list?)"),
        (12, "anchor '#motion-guided-editing-model' matches no heading (did you mean #motion-guided-video-editing, "
             "section 'Motion-guided Video Editing', which it does not list?)"),
        # its words name no section better than another: no guess, and that section stays missing
        (13, "anchor '#instruct-model' matches no heading"),
        (31, "section 'Image-guided Video Editing' is missing from the table of contents"),
    ]


def test_sections_a_toc_may_leave_out_in_their_plural_or_longer_names():
    tail = "".join(f"## {h}\n\n" for h in ("Licenses", "📜 License (MIT)", "Contributing Guidelines", "Tools Galore"))
    text = "# List\n\n## Contents\n\n- [Intro](#intro)\n- [Papers](#papers)\n\n## Intro\n\n## Papers\n\n" + tail
    assert messages(text) == [(18, "section 'Tools Galore' is missing from the table of contents")]


def test_a_toc_line_written_as_a_paragraph_inside_an_item_lists_its_section():
    text = ("# List\n\n## Contents\n\n1. [Models](#1-models)\n   - [Base](#base)\n   - [Chat](#chat)\n\n"
            "2. [Datasets](#2-datasets)\n\n   2.1 [Pretraining](#21-pretraining)\n\n   2.2 [Benchmarks](#22-benchmarks)\n\n"
            "## 1. Models\n\n### Base\n\n### Chat\n\n## 2. Datasets\n\n### 2.1 Pretraining\n\n### 2.2 Benchmarks\n\n"
            "### 2.3 Metrics\n")
    assert messages(text) == [(27, "section '2.3 Metrics' is missing from the table of contents")]


def test_an_html_headings_anchor_keeps_the_dash_its_trailing_space_makes():
    # Mooler0410/LLMsPracticalGuide: '<h1 align="center">The Practical Guides ... Models </h1>', linked as
    # '#the-practical-guides-...-models-' (the anchor GitHub gives it)
    text = ("<h1 align=\"center\">The Practical Guides </h1>\n\n## Contents\n\n- [Top](#the-practical-guides-)\n"
            "- [Tools](#tools)\n\n## Tools\n")
    assert messages(text) == []

