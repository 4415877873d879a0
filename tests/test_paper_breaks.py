"""How an entry's lines end: only what renders differently is a departure from an
inferred style; the canonical paper preset asks for its exact spelling."""
from __future__ import annotations

from helpers import paper_entry

from awesome_lint.engine import pipeline as engine
from awesome_lint.engine.config import Config
from awesome_lint.rule import Context


def _breaks(text: str, preset: str | None = None) -> list[tuple[int, str]]:
    config = Config(preset=preset) if preset else Config()
    doc, diags = engine.check(text, engine.build_settings(config, select=["entry-format"]), Context())
    return [(doc.line_col(d.start)[0] + 1, d.message) for d in diags]


def _list(lines_with_odd_breaks: dict[int, str]) -> str:
    entries = [paper_entry(f"Paper {i}", f"https://arxiv.org/abs/2301.{i:05d}") for i in range(6)]
    text = "# Papers\n\n## Vision\n\n" + "\n".join(entries)
    lines = text.split("\n")
    for n, tail in lines_with_odd_breaks.items():
        lines[n - 1] = lines[n - 1].removesuffix(" \\") + tail
    return "\n".join(lines)


def test_spaces_before_a_backslash_break_render_the_same_and_are_left_alone():
    text = _list({6: "  \\", 11: "\\"})
    assert text.split("\n")[5].endswith("*A. Author*  \\") and text.split("\n")[10].endswith("*A. Author*\\")
    assert _breaks(text) == []


def test_a_space_after_the_backslash_breaks_the_break():
    text = _list({6: " \\ "})
    assert _breaks(text) == [(6, "trailing whitespace after the line break")]


def test_the_canonical_preset_asks_for_its_exact_spelling():
    text = _list({6: "  \\"})
    assert _breaks(text, preset="papers") == [(6, "line break should be ' \\'")]
