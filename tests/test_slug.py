"""GitHub's heading anchors, written out by hand from how github.com renders them."""
from __future__ import annotations

import pytest

from awesome_lint.model.slug import Slugger, heading_text, slug


@pytest.mark.parametrize("heading, anchor", [
    ("Getting Started", "getting-started"),
    ("snake_case and kebab-case", "snake_case-and-kebab-case"),
    ("C++ & C#: (2024 edition)!", "c--c-2024-edition"),
    ("  two  spaces ", "--two--spaces-"),
    ("Über Straße", "über-straße"),
    ("日本語の見出し", "日本語の見出し"),
    ("Emoji 🚀 rocket", "emoji--rocket"),
    ("x² and ½ but 3 and Ⅻ", "x-and--but-3-and-ⅻ"),
    ("tie‿bar", "tie‿bar"),
    ("non\u00a0breaking", "nonbreaking"),
    ("“Quoted” — dash – en", "quoted--dash--en"),
    ("Ⓐ circled", "ⓐ-circled"),
    ("", ""),
])
def test_slug(heading, anchor):
    assert slug(heading) == anchor


def test_repeats_are_numbered_like_github():
    slugger = Slugger()
    got = [slugger.slug(t) for t in ["Tools", "Tools", "tools", "Tools 1", "Tools"]]
    # "Tools 1" is "tools-1", already taken by the second "Tools": it gets its own number
    assert got == ["tools", "tools-1", "tools-2", "tools-1-1", "tools-3"]


def test_heading_text_drops_html_tags():
    assert heading_text(' <img src="x.png"> Tools <sup>new</sup> ') == "Tools new"


@pytest.mark.parametrize("heading, anchor", [
    # the squared Latin letters have no lower case: the ends of their ranges are kept as they are
    ("\U0001F130 first", "\U0001F130-first"),
    ("last \U0001F189", "last-\U0001F189"),
    # Ⓩ lower-cases to ⓩ, the last circled letter
    ("\u24CF end", "\u24E9-end"),
])
def test_alphabetic_symbols_are_kept_to_the_ends_of_their_ranges(heading, anchor):
    assert slug(heading) == anchor


def test_heading_text_can_keep_the_spaces_around_the_text():
    # the anchor keeps the space before a badge: `# Awesome C++ ![b](u)` -> awesome-c-
    assert heading_text(" Tools <sup>x</sup>", strip=False) == " Tools x"
    assert heading_text("Awesome C++ <img src=b>", strip=False) == "Awesome C++ "


def test_anchor_forms_cover_decoding_and_case():
    from awesome_lint.model.slug import anchor_forms
    assert anchor_forms("Caf%C3%A9") == ("Caf%C3%A9", "caf%c3%a9", "Café", "café")
    assert anchor_forms("tools") == ("tools",)
