"""How a classic item's description reads: where its sentence ends and how its first word
is cased (awesome_lint.model.descriptions, shared by the conventions and entry-format).
Every expected value is written by hand from the one-line lists below."""
from __future__ import annotations

import pytest

from awesome_lint.model import descriptions
from awesome_lint.model.document import Document


def described(line: str, after: str = "- [Next](https://next.example) - Another.\n"):
    """The document, the first item and its description field; another item follows it,
    so the description never ends at the end of the text."""
    text = f"# A\n\n{line}\n{after}\n[r]: https://r.example\n[Freeware Icon]: https://f.example\n"
    doc = Document(text)
    entry = doc.entries[0]
    return doc, entry, entry.fields["description"], text


@pytest.mark.parametrize("line, sentence", [
    # a bracketed link after the sentence: `[[site](url)]`
    ("- [Foo](https://foo.example) - Does things. [[site](https://s.example)]", "Does things."),
    # a tag in brackets, a code span, a parenthetical
    ("- [Foo](https://foo.example) - Does things. [GPL]", "Does things."),
    ("- [Foo](https://foo.example) - Does things. `MIT`", "Does things."),
    ("- [Foo](https://foo.example) - Does things (in C).", "Does things (in C)."),
    # emoji, and a dangling separator before badges
    ("- [Foo](https://foo.example) - Does things. 🚀", "Does things."),
    ("- [Foo](https://foo.example) - Does things. - ![Freeware](https://f.example/b.svg)", "Does things."),
])
def test_the_sentence_ends_before_trailing_asides(line, sentence):
    doc, entry, desc, text = described(line)
    end = descriptions.prose_end(doc, entry, desc)
    assert text[desc.start:end] == sentence
    assert descriptions.ending(doc, entry, desc) == ("stop", end)


def test_a_stop_before_trailing_reference_links_counts():
    # "... made elegant. [Freeware][Freeware Icon] [![OSS][r]](url)": the links follow the sentence
    line = ("- [Loop](https://loop.example) - Window management made elegant. [Freeware][Freeware Icon] "
            "[![Open-Source Software][r]](https://loop.example/src)")
    doc, entry, desc, text = described(line)
    assert descriptions.ending(doc, entry, desc)[0] == "stop"


def test_a_sentence_with_no_stop_before_its_trailing_link_has_none():
    doc, entry, desc, _ = described("- [Loop](https://loop.example) - Window management [Freeware][Freeware Icon]")
    assert descriptions.ending(doc, entry, desc)[0] == "none"


@pytest.mark.parametrize("description", ["iOS app for notes.", "jQuery plugin.", "x86 emulator.",
                                         "std::tuple helpers.", "vhf/free-books mirror.", "a.k.a. the tool."])
def test_words_whose_case_says_nothing_are_not_judged(description):
    doc, entry, desc, _ = described(f"- [Foo](https://foo.example) - {description}")
    assert descriptions.casing(entry, desc, set()) is None


def test_a_lower_case_first_word_is_reported_with_its_offset():
    doc, entry, desc, text = described("- [Foo](https://foo.example) - tiny helpers.")
    assert descriptions.casing(entry, desc, set()) == ("lower", "tiny", text.index("tiny"))
    assert descriptions.casing(entry, desc, {"tiny"}) is None


def test_the_first_word_may_be_a_links_text():
    doc, entry, desc, text = described("- [Foo](https://foo.example) - [react][r] based widgets.")
    assert descriptions.first_word(entry, desc) == ("react", text.index("[react]"))
    assert descriptions.casing(entry, desc, set()) == ("lower", "react", text.index("[react]"))


@pytest.mark.parametrize("line, judged", [
    # a name the item's own address spells whole: its authors write it in lower case
    ("- [Beego](https://github.com/beego/beego) - beego is a web framework.", None),
    ("- [Kafka client](https://github.com/confluentinc/confluent-kafka-go) - confluent-kafka-go is a client.", None),
    # the name a prefix sets apart in the address: "isatty" in "go-isatty"
    ("- [go-isatty](https://github.com/mattn/go-isatty) - isatty for golang.", None),
    # only a middle part of a name in the address: a word like any other
    ("- [Player](https://github.com/o/flutter_music_player) - music player component.", "music"),
    ("- [nrc/zero](https://github.com/nrc/zero) - zero-allocation parsing.", "zero"),
    ("- [nng](https://github.com/nanomsg/nng) - nanomsg-next-generation, a messaging library.", "nanomsg"),
    ("- [Foo](https://foo.example/) - foo for everyone.", "foo"),  # the host is not a name in the path
])
def test_a_lower_case_name_the_items_address_spells_is_not_judged(line, judged):
    doc, entry, desc, _ = described(line)
    found = descriptions.casing(entry, desc, set())
    assert (found[1] if found else None) == judged
