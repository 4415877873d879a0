from __future__ import annotations

import pytest

from awesome_lint.model import dates


@pytest.mark.parametrize("day, text", [
    (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
    (21, "21st"), (22, "22nd"), (23, "23rd"), (30, "30th"), (31, "31st"),
])
def test_ordinals(day, text):
    assert dates.ordinal(day) == text


@pytest.mark.parametrize("text, wanted, problem", [
    ("31th Oct., 2022", "31st Oct., 2022", "wrong ordinal"),
    ("22th May, 2025", "22nd May, 2025", "wrong ordinal"),
    ("03th Oct., 2024", "3rd Oct., 2024", "wrong ordinal"),
    ("05th Aug., 2025", "5th Aug., 2025", "zero padding"),
    ("30 Jun., 2024", "30th Jun., 2024", "missing ordinal"),
    ("12th September, 2023", "12th Sep., 2023", "full month name"),
    ("4th July. 2023", "4th Jul., 2023", "full month name"),
    ("5th Jun, 2024", "5th Jun., 2024", "undotted month"),
    ("8th, Jul., 2024", "8th Jul., 2024", "stray comma"),
    ("25th Jun. 2023", "25th Jun., 2023", "missing comma"),
    ("1st Fed., 2023", "1st Feb., 2023", "month typo"),
    ("2nd DEc, 2023", "2nd Dec., 2023", "month capitalisation"),
    ("2nd May., 2023", "2nd May, 2023", "dot after May"),
    ("Apr. 12, 2023", "12th Apr., 2023", "missing ordinal"),
    ("2023-04-12", "12th Apr., 2023", None),
    ("14 Mar 2023", "14th Mar., 2023", "missing ordinal"),
])
def test_lenient_parse_to_canonical(text, wanted, problem):
    parsed = dates.parse(text)
    assert parsed is not None and parsed.valid
    assert dates.format_date(parsed) == wanted
    if problem:
        assert problem in parsed.problems


@pytest.mark.parametrize("text", ["arXiv, 2024", "MICCAI 2024", "Nature Medicine, 2023", "CVPR Workshop, 2023", ""])
def test_venues_are_not_dates(text):
    assert dates.parse(text) is None


def test_impossible_and_incomplete_dates():
    feb = dates.parse("30th Feb., 2024")
    assert feb.complete and not feb.valid and feb.key is None
    assert dates.parse("29th Feb., 2024").valid  # leap year
    assert not dates.parse("29th Feb., 2023").valid
    no_year = dates.parse("2nd May")
    assert no_year.year is None and "missing year" in no_year.problems


@pytest.mark.parametrize("style, text", [
    ("ordinal", "7th Oct., 2022"), ("month-day", "Oct. 7, 2022"), ("iso", "2022-10-07"), ("day-month", "7 Oct 2022"),
])
def test_styles_round_trip(style, text):
    parsed = dates.parse(text)
    assert parsed.style == style
    assert dates.format_date(parsed, style) == text
    assert parsed.key == (2022, 10, 7)


def test_may_has_no_dot():
    assert dates.format_date(dates.parse("1 May 2020")) == "1st May, 2020"


def test_days_in_digits_keep_the_lists_separator_and_padding():
    from awesome_lint.model.dates import numeric_day_form, parse, render_numeric_day

    assert [numeric_day_form(t) for t in ("2023.05.02", "2023-5-2", "2023/10/12", "2023-05.02", "May 2, 2023")] == [
        "YYYY.MM.DD", "YYYY-M-D", "YYYY/MM/DD", None, None]
    assert render_numeric_day(parse("2023-5-2"), "YYYY.MM.DD") == "2023.05.02"
    assert render_numeric_day(parse("2023.05.02"), "YYYY/M/D") == "2023/5/2"


def test_a_list_of_dotted_days_is_held_to_dots_not_to_iso():
    from helpers import paper_entry

    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import Config
    from awesome_lint.rule import Context

    days = ["2023.10.05", "2023.08.01", "2023-05-20", "2023.03.02"]
    text = "## A\n\n" + "\n".join(paper_entry(f"P{i}", f"https://example.org/{i}", d) for i, d in enumerate(days))
    doc, diags = engine.check(text, engine.build_settings(Config(), select=["date-format"]), Context())
    assert [(doc.line_col(d.start)[0] + 1, d.message) for d in diags] == [
        (15, "date '2023-05-20' should be '2023.05.20' where this list writes 'YYYY.MM.DD' (3 of 4 days in digits)")]
    dotted = text.replace("2023-05-20", "2023.05.20")
    assert engine.check(dotted, engine.build_settings(Config(), select=["date-format"]), Context())[1] == []


def test_a_list_that_dates_to_the_month_is_not_asked_for_days():
    from helpers import paper_entry

    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import Config
    from awesome_lint.rule import Context

    def lint(days):
        text = "## A\n\n" + "\n".join(paper_entry(f"P{i}", f"https://example.org/{i}", d) for i, d in enumerate(days))
        doc, diags = engine.check(text, engine.build_settings(Config(), select=["date-format"]), Context())
        return [(doc.line_col(d.start)[0] + 1, d.message) for d in diags]

    # every date to the month: whole; a stray dot after May is still a defect
    assert lint(["Oct., 2023", "Aug., 2023", "May., 2023", "Mar., 2023"]) == [
        (15, "date 'May., 2023' has a defect: dot after May")]
    # a list dated to the day: the one without a day is reported
    assert lint(["5th Oct., 2023", "1st Aug., 2023", "May, 2023", "2nd Mar., 2023"]) == [
        (15, "date 'May, 2023' has no day")]


def test_a_tables_compact_year_and_month():
    from awesome_lint.model.dates import numeric_form, parse, render_numeric

    assert (parse("23.07").year, parse("23.07").month, parse("23.07").monthly) == (2023, 7, True)
    assert parse("23.13") is None and parse("3.14") is None
    assert numeric_form("20.10") == "YY.MM"
    assert render_numeric(parse("2023-07"), "YY.MM") == "23.07"
    assert render_numeric(parse("23.07"), "YYYY-MM") == "2023-07"


def test_a_month_settled_its_own_way_counts_as_fixed_for_the_list_style():
    from helpers import paper_entry

    from awesome_lint.engine import pipeline as engine
    from awesome_lint.engine.config import Config
    from awesome_lint.rule import Context

    # January is abbreviated 9 times and spelt out twice; September is spelt out twice.
    # Once January's two are fixed the list abbreviates 11 of 13: September follows at once,
    # not on a second --fix
    days = ["1st Jan., 2015"] * 9 + ["1st January, 2015"] * 2 + ["1st September, 2015"] * 2
    text = "## A\n\n" + "\n".join(paper_entry(f"P{i}", f"https://example.org/{i}", d) for i, d in enumerate(days))
    settings = engine.build_settings(Config(), select=["date-format"])
    once = engine.fix(text, settings, Context()).text
    assert "January" not in once and "September" not in once and once.count("1st Sep., 2015") == 2
    assert engine.fix(once, settings, Context()).text == once


def test_three_two_digit_parts_are_read_year_first_as_two_are():
    from awesome_lint.model import dates

    d = dates.parse("24.05.26")
    assert (d.year, d.month, d.day, d.valid) == (2024, 5, 26, True)
    assert dates.parse("24.13.01") is None
    assert not dates.parse("24.02.30").valid
    assert dates.numeric_day_form("24.05.26") == "YY.MM.DD"
    assert dates.render_numeric_day(dates.parse("2024-05-06"), "YY.MM.DD") == "24.05.06"
    assert dates.parse("124.05.26") is None and dates.numeric_day_form("2024.05.26") == "YYYY.MM.DD"


def test_a_tables_month_and_year_with_the_month_first():
    # ``| 06/2024 |``: the month the paper came out, as video-understanding tables write it
    assert dates.parse("06/2024").key == (2024, 6, 0) and dates.parse("11/2023").key == (2023, 11, 0)
    assert dates.parse("13/2024") is None and dates.parse("06/24") is None
