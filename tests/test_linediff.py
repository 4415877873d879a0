"""The line diff behind --changed-since, mixed line ends and the sweep tests."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.app.linediff import matching_blocks, opcodes

LINES = st.lists(st.sampled_from(["", "a", "b", "- [x](u)", "- [y](v)", "## S"]), max_size=40)


@given(LINES, LINES)
def test_opcodes_turn_the_old_lines_into_the_new(old, new):
    rebuilt, i_at, j_at = [], 0, 0
    for tag, i1, i2, j1, j2 in opcodes(old, new):
        assert (i1, j1) == (i_at, j_at), "opcodes must be contiguous"
        assert tag in ("equal", "replace", "delete", "insert")
        if tag == "equal":
            assert old[i1:i2] == new[j1:j2]
        assert (tag == "insert") == (i1 == i2) or tag == "equal"
        assert (tag == "delete") == (j1 == j2) or tag == "equal"
        rebuilt += new[j1:j2]
        i_at, j_at = i2, j2
    assert (i_at, j_at) == (len(old), len(new))
    assert rebuilt == new


@given(LINES)
def test_identical_lines_are_one_block(lines):
    assert matching_blocks(lines, list(lines)) == ([(0, 0, len(lines))] if lines else []) + [(len(lines), len(lines), 0)]


def test_one_changed_line_among_many_blank_ones():
    old = ["# T", ""] + [line for n in range(500) for line in (f"- [e{n}](u{n})", "")]
    new = list(old)
    new[201] = "- [changed](u)"
    assert [op for op in opcodes(old, new) if op[0] != "equal"] == [("replace", 201, 202, 201, 202)]


def test_a_moved_entry_is_a_delete_and_an_insert():
    old = ["# T", "", "- [b](u)", "- [c](u)", "- [a](u)", ""]
    new = ["# T", "", "- [a](u)", "- [b](u)", "- [c](u)", ""]
    changes = [op for op in opcodes(old, new) if op[0] != "equal"]
    assert changes == [("insert", 2, 2, 2, 3), ("delete", 4, 5, 5, 5)]


def test_lines_without_unique_anchors_fall_back_to_difflib():
    old = ["", "x", "", "x", ""]
    new = ["", "x", "", "", "x", ""]
    assert sum(i2 - i1 for tag, i1, i2, _, _ in opcodes(old, new) if tag == "equal") == 5
