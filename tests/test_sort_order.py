from __future__ import annotations

from helpers import paper_entry

from awesome_lint.model.document import Document
from awesome_lint.engine.fixer import fix_loop
from awesome_lint.rule import Context
from awesome_lint.rules.sort_order import SortOrder


def paper(title, date):
    return paper_entry(title, f"https://example.com/{title}", date)


def run(text, preset="papers", **options):
    rule = SortOrder(SortOrder.Options(**options))

    def check(t):
        doc = Document(t, preset=preset)
        return doc, list(rule.check(doc, Context()))
    doc, diags = check(text)
    return sorted(doc.line_col(d.start)[0] + 1 for d in diags), fix_loop(text, check, unsafe=False)


PAPERS = "## A\n\n" + "\n".join([
    paper("P1", "3rd Mar., 2023"), paper("P2", "5th May, 2023"), paper("Undated", "no date here"),
    paper("P3", "1st Jan., 2023"), paper("P4", "9th Sep., 2023"), paper("P5", "1st Jan., 2023"),
])


def test_newest_first_moves_whole_entries_and_keeps_undated_in_place():
    lines, outcome = run(PAPERS, order="newest-first")
    # P2 follows P1 and is newer; P4 follows P3 and is newer (the undated entry is skipped)
    assert lines == [8, 23]
    expected = "## A\n\n" + "\n".join([
        paper("P4", "9th Sep., 2023"), paper("P2", "5th May, 2023"), paper("Undated", "no date here"),
        paper("P1", "3rd Mar., 2023"), paper("P3", "1st Jan., 2023"), paper("P5", "1st Jan., 2023"),
    ])
    assert outcome.text == expected
    assert run(outcome.text, order="newest-first")[0] == []


def test_oldest_first_option_and_auto_direction():
    ascending = "## A\n\n" + "\n".join([paper("P1", "1st Jan., 2021"), paper("P2", "2nd Feb., 2021"),
                                        paper("P3", "3rd Mar., 2021"), paper("P4", "1st Jan., 2021")])
    assert run(ascending, order="oldest-first")[0] == [18]
    assert run(ascending)[0] == [18]  # two rising neighbours against one falling: oldest first
    # forced the other way: P2 and P3 are the block to move (one finding), the two January papers stay
    assert run(ascending, order="newest-first")[0] == [8]


CLASSIC = """# Awesome

## Tools

- [beta](https://b.example) - B.
  - [Zed](https://z.example) - nested, stays with beta.
  - [Ant](https://a.example) - nested.
- [Alpha](https://a2.example) - A.
- [gamma](https://g.example) - G.
"""


def test_classic_is_not_checked_unless_asked():
    assert run(CLASSIC, preset="awesome")[0] == []


def test_classic_alphabetical_moves_items_with_their_sub_lists():
    lines, outcome = run(CLASSIC, preset="awesome", order="alphabetical")
    assert lines == [7, 8]
    assert outcome.text == """# Awesome

## Tools

- [Alpha](https://a2.example) - A.
- [beta](https://b.example) - B.
  - [Ant](https://a.example) - nested.
  - [Zed](https://z.example) - nested, stays with beta.
- [gamma](https://g.example) - G.
"""


def test_a_section_with_no_dominant_direction_has_no_order_to_keep():
    # one rising pair (P1 -> P2) and one falling pair (P2 -> P3): no direction is established
    tied = "## A\n\n" + "\n".join([paper("P1", "1st Jan., 2021"), paper("P2", "3rd Mar., 2021"),
                                   paper("P3", "2nd Feb., 2021")])
    assert run(tied)[0] == []
    assert run(tied, order="newest-first")[0] == [3]  # P1 is older than both after it: the one to move
    assert run(tied, order="oldest-first")[0] == [13]


def test_each_section_keeps_its_own_direction():
    newest = [paper(f"N{i}", f"{d} May, 2021") for i, d in enumerate(["19th", "18th", "17th", "16th", "15th", "14th"])]
    oldest = [paper(f"O{i}", f"{d} May, 2021") for i, d in enumerate(["1st", "2nd", "3rd", "4th", "5th", "6th"])]
    text = "## New\n\n" + "\n".join(newest) + "\n## Old\n\n" + "\n".join(oldest)
    assert run(text)[0] == []  # two clean sections, sorted opposite ways
    one_off = text.replace("18th May", "20th May")  # N1 is now newer than N0 above it
    assert run(one_off)[0] == [8]


def test_a_small_section_in_order_by_chance_sets_no_order():
    # NiuTrans/ABigSurveyOfLLMs: sections of 4 or 5 surveys in no order, in a list in no
    # order; 3 of 4 dates shuffled at random are in a row 5 times in 6
    shuffled = [["3rd", "9th", "1st", "7th", "5th", "8th", "2nd"], ["4th", "6th", "8th", "2nd"],
                ["7th", "3rd", "2nd", "9th", "1st"], ["5th", "1st", "8th", "6th"]]
    text = "".join(f"## S{k}\n\n" + "\n".join(paper(f"P{k}{i}", f"{d} May, 2021") for i, d in enumerate(days)) + "\n"
                   for k, days in enumerate(shuffled))
    assert run(text)[0] == []
    # the same small section where the list sorts its sections: held to the list's order
    sorted_list = "".join(f"## T{k}\n\n" + "\n".join(paper(f"Q{k}{i}", f"{d} May, 2021")
                                                       for i, d in enumerate(["9th", "8th", "7th", "6th", "5th", "4th"])) + "\n"
                          for k in range(3))
    small = "## Small\n\n" + "\n".join(paper(f"R{i}", f"{d} May, 2021") for i, d in enumerate(["4th", "6th", "3rd", "2nd"]))
    lines, _ = run(sorted_list + small)
    assert len(lines) == 1


def test_equal_dates_are_in_order_either_way_and_keep_their_order_when_sorted():
    same = "## A\n\n" + "\n".join([paper("P1", "1st Jan., 2021"), paper("P2", "1st Jan., 2021")])
    assert run(same, order="newest-first")[0] == []
    assert run(same, order="oldest-first")[0] == []
    mixed = "## A\n\n" + "\n".join([paper("Q1", "1st Jan., 2021"), paper("Q2", "1st Jan., 2021"),
                                    paper("Q3", "5th May, 2021")])
    for order, expected in [("newest-first", ["Q3", "Q1", "Q2"]), ("oldest-first", ["Q1", "Q2", "Q3"])]:
        text = run(mixed, order=order)[1].text
        assert sorted(expected, key=lambda title: text.index(f"**{title}**")) == expected


def test_alphabetical_ties_keep_their_order():
    text = "# A\n\n## T\n\n- [beta](https://b1.example) - B.\n- [Beta](https://b2.example) - B2.\n- [alpha](https://a.example) - A.\n"
    lines, outcome = run(text, preset="awesome", order="alphabetical")
    assert lines == [7]
    assert outcome.text == ("# A\n\n## T\n\n- [alpha](https://a.example) - A.\n"
                            "- [beta](https://b1.example) - B.\n- [Beta](https://b2.example) - B2.\n")


def test_classic_alphabetical_says_the_option_asked_for_it_and_titles_its_fix():
    rule = SortOrder(SortOrder.Options(order="alphabetical"))
    found = list(rule.check(Document(CLASSIC, preset="awesome"), Context()))
    assert [(d.message, d.fix.title) for d in found] == [
        ("'Alpha' should come before 'beta' where the rule's 'order' option asks for alphabetical order "
         "(case-insensitive)", "sort alphabetically"),
        ("'Ant' should come before 'Zed' where the rule's 'order' option asks for alphabetical order "
         "(case-insensitive)", "sort alphabetically"),
    ]


def test_a_second_copy_of_a_paper_keeps_its_place_for_the_duplicate_rule_to_report():
    text = "## A\n\n" + "\n".join([
        paper("P4", "9th Sep., 2023"), paper("P3", "5th May, 2023"), paper("P1", "1st Jan., 2023"),
        paper("P3", "5th May, 2023"), paper("P0", "1st Jan., 2022"),
    ])
    lines, outcome = run(text, order="newest-first")
    assert lines == []  # the copy at line 18 is newer than P1 but is not to be moved next to its twin
    shuffled = text.replace("P0", "PX").replace("1st Jan., 2022", "1st Dec., 2023")
    assert run(shuffled, order="newest-first")[0] == [23]


def test_a_catch_all_kept_last_is_in_its_place():
    names = ["Audio", "Depth", "Planning", "Zero-Shot Learning", "Others"]
    text = "# A\n\n## T\n\n" + "\n".join(f"- [{n}](https://example.com/{i})" for i, n in enumerate(names)) + "\n"
    assert run(text, preset="awesome", order="alphabetical")[0] == []
    # not last, it is a name like any other
    moved = names[:1] + ["Others"] + names[1:4]
    text = "# A\n\n## T\n\n" + "\n".join(f"- [{n}](https://example.com/{i})" for i, n in enumerate(moved)) + "\n"
    assert run(text, preset="awesome", order="alphabetical")[0] == [7]  # 'Depth' after 'Others'


def test_items_whose_bullets_sit_at_other_indents_are_reported_but_not_moved():
    # "  * a" and "* b" are one markdown list; moving "* b" among "  *" items would
    # nest the items after it under it
    text = ("# A\n\n## T\n\n  * [Alpha](https://example.com/a)\n  * [Gamma](https://example.com/g)\n"
            "  * [Delta](https://example.com/d)\n* [Beta](https://example.com/b)\n")
    lines, outcome = run(text, preset="awesome", order="alphabetical")
    assert lines == [7, 8]
    assert outcome.text == text
    even = text.replace("* [Beta]", "  * [Beta]")
    assert run(even, preset="awesome", order="alphabetical")[1].text != even


def test_numbers_in_names_are_ordered_by_value_where_the_list_does_so():
    # lukasz-madon/awesome-remote-job: '3 mistakes', '5 Things', '8 tips', '10 Lessons' is
    # sorted by any reader; character by character '10' comes before '8'
    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import Config

    names = ["3 Mistakes to Avoid", "5 Things I Learned", "8 Tips for Health", "10 Lessons from Work",
             "12 Rules for Teams", "Async Meetings", "Bad Habits", "Daily Notes", "Calm Work", "Focus Time"]
    text = "# A\n\n## Posts\n\n" + "\n".join(f"- [{n}](https://example.com/{i})" for i, n in enumerate(names)) + "\n"
    doc, found = engine.check(text, engine.build_settings(Config(), select=["sort-order"]), Context())
    assert [(doc.line_col(d.start)[0] + 1, d.message.split(" where ")[0]) for d in found] == [
        (13, "'Calm Work' should come before 'Daily Notes'")]


def test_items_numbered_in_sequence_are_reported_but_not_moved():
    # FLHonker/Awesome-Knowledge-Distillation numbers its tools 1., 2., 3.: moved, they would read 4., 1., 5.
    names = ["Alpha", "Beta", "Delta", "Gamma", "Epsilon", "Zeta"]
    text = "# A\n\n## T\n\n" + "\n".join(f"{i}. [{n}](https://example.com/{i})" for i, n in enumerate(names, 1)) + "\n"
    lines, outcome = run(text, preset="awesome", order="alphabetical")
    assert lines == [9] and outcome.text == text  # 'Epsilon' after 'Gamma', reported, left in place
    ones = text.replace("2. ", "1. ").replace("3. ", "1. ").replace("4. ", "1. ").replace("5. ", "1. ").replace("6. ", "1. ")
    assert run(ones, preset="awesome", order="alphabetical")[1].text != ones  # all '1.': markdown numbers them


def _by_year(years):
    # ``1. **Title.** AAAI 2020. [paper](url)``: the venue's year, no date (thunlp's lists)
    return "# GNN\n\n## Models\n\n" + "".join(
        f"1. **Graph Paper Number {n} On Nodes.** {venue}. [paper](https://doi.org/10.1000/gnn.{n})\n\n"
        for n, venue in enumerate(years))


def _findings(text):
    doc = Document(text)
    return doc, list(SortOrder(SortOrder.Options()).check(doc, Context()))


def test_a_section_sorted_by_its_papers_years_reports_the_one_out_of_place():
    text = _by_year(["ICLR 2015", "NIPS 2016", "KDD 2016", "AAAI 2017", "ACL 2014", "ICML 2018", "EMNLP 2018",
                     "ICLR 2019", "AAAI 2020", "KDD 2020", "WWW 2021"])
    doc, found = _findings(text)
    assert len(found) == 1
    assert doc.line_col(found[0].start)[0] + 1 == 13  # the ACL 2014 paper
    assert "(ACL 2014) is older than" in found[0].message and "10 of 11 papers in order by year" in found[0].message
    fixed = fix_loop(text, lambda t: _findings(t), unsafe=False).text
    assert [l.split("** ")[1].split(".")[0] for l in fixed.splitlines() if l.startswith("1.")] == [
        "ACL 2014", "ICLR 2015", "NIPS 2016", "KDD 2016", "AAAI 2017", "ICML 2018", "EMNLP 2018", "ICLR 2019",
        "AAAI 2020", "KDD 2020", "WWW 2021"]


def test_years_newest_first_and_a_year_written_short():
    doc, found = _findings(_by_year(["WWW 2021", "KDD'20", "AAAI 2020", "ICLR 2019", "ICML 2018", "NIPS'19",
                                     "ACL 2017", "ICLR 2016", "NIPS 2015", "KDD 2014"]))
    assert [doc.line_col(d.start)[0] + 1 for d in found] == [15] and "(NIPS'19) is newer than" in found[0].message


def test_a_section_of_papers_of_one_or_two_years_keeps_no_year_order():
    # ties of a year are in order either way: two years are no evidence of a sorted section
    doc, found = _findings(_by_year(["ICLR 2019", "NIPS 2019", "KDD 2020", "AAAI 2019", "ICML 2019", "ACL 2020"]))
    assert found == []


def test_a_section_whose_years_are_mixed_has_no_order_to_keep():
    doc, found = _findings(_by_year(["ICLR 2019", "NIPS 2015", "KDD 2020", "AAAI 2017", "ICML 2021", "ACL 2016",
                                     "EMNLP 2018", "WWW 2014", "CVPR 2022", "ECCV 2013"]))
    assert found == []



def test_a_section_in_order_of_its_arxiv_ids_is_not_held_to_its_venues_years():
    # posted in 2023, published at ICLR 2024: by the ids it is in its place
    rows = [("ACL 2022", "2201.00001"), ("EMNLP 2022", "2203.00002"), ("ICLR 2023", "2206.00003"),
            ("ICLR 2024", "2209.00004"), ("ACL 2023", "2211.00005"), ("ICML 2023", "2302.00006"),
            ("NeurIPS 2023", "2305.00007"), ("ICLR 2024", "2309.00008"), ("AAAI 2024", "2311.00009"),
            ("ACL 2024", "2402.00010"), ("EMNLP 2024", "2406.00011")]
    text = "## Pruning\n\n" + "".join(f"- Pruning Large Models Paper Number {n} <br> {v} [[Paper]](https://arxiv.org/abs/{a})\n"
                                      for n, (v, a) in enumerate(rows))
    doc, found = _findings(text)
    assert len([e for e in doc.entries if e.kind == "paper"]) == 11 and found == []
