"""The tuned markdown-it parser reads every document into the same blocks as
markdown-it-py as shipped (model/markdown.py only makes it cheaper)."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.model.document import _parser

STOCK = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def blocks(md, text: str) -> list[tuple]:
    return [(t.type, t.tag, t.map, t.nesting, t.markup, t.content if t.type == "inline" else "")
            for t in md.parse(text)]


CASES = [
    "Title\n=====\n\ntext\n",
    "Title\n-----\n",
    "Title\n---\n\n---\n",  # a setext heading, then a thematic break
    "one\ntwo\n   ===  \n",  # underline indented 3 and followed by spaces
    "one\n    ===\n",  # indented 4: a lazy continuation, no heading
    "- item\nstill the item\n---\n",
    "> quoted\n> ===\n",
    "> quoted\n===\n",
    "para\n- a list\n",
    "para\n1. a list\n",
    "para\n2. no list\n",
    "para\n# heading\n",
    "para\n```\ncode\n```\n",
    "para\n<div>\n",
    "para\n| a | b |\n|---|---|\n",
    "a | b\n--|--\n1 | 2\n",
    "text\n- - -\n",
    "text\n-=-\n",
    "text\n=\n",
    "- [a](u)\n  ===\n- [b](v)\n",
    "  - x\n    y\n    ---\n",
    # lines that may end a paragraph, each by its first character (or the line below's)
    "para\n+ item\n", "para\n~~~\n", "para\n   ```\n", "para\n___\n", "para\n1) one\n",
    "para\n<!-- note -->\n", "para\n> quote\n", "para\nx | y\n:-|-:\n", "para\n|x|\n|-|\n",
    "para\nx\n- | -\n", "para\n\u00a0text\u00a0\n", "> para\nlazy\n> # head\n",
    "- item\n  para\n  # head\n", "para\n\t# head\n",
]


def test_known_tricky_blocks_read_as_markdown_it_reads_them():
    for text in CASES:
        assert blocks(_parser(), text) == blocks(STOCK, text), text


LINE = st.sampled_from([
    "", "text", "  text", "    code", "===", "---", "  ---  ", "- - -", "=-", "- item", "  - sub",
    "1. one", "> quote", "> ===", "# head", "```", "| a | b |", "|---|---|", "<div>", "\t===", "**b**",
    "+ plus", "2) two", "~~~", "___", ":-:|:-", "-|-", "<!-- c -->", "  # h", "\u00a0x\u00a0", "a | b",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(LINE, max_size=14))
def test_generated_documents_read_as_markdown_it_reads_them(lines):
    text = "\n".join(lines) + "\n"
    assert blocks(_parser(), text) == blocks(STOCK, text)
