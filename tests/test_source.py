from __future__ import annotations

import os
import stat

import pytest

from awesome_lint.app.source import InputError, Source, read_path, write_path


def test_crlf_and_bom_round_trip():
    raw = "\ufeff# T\r\n\r\nline\r\n"
    src = Source.from_bytes(raw.encode())
    assert src.text == "# T\n\nline\n"
    assert src.render(src.text) == raw
    assert src.render("# T\n\nchanged\n") == "\ufeff# T\r\n\r\nchanged\r\n"


def test_mixed_line_endings_keep_each_untouched_line():
    raw = "a\r\nb\nc\r\nd\n"
    src = Source.from_bytes(raw.encode())
    assert src.render("a\nB\nc\nd\n") == "a\r\nB\r\nc\r\nd\n"
    assert src.render(src.text) == raw


def test_no_final_newline_is_kept():
    src = Source.from_bytes(b"x\ny")
    assert src.render("x\nz") == "x\nz"


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"caf\xe9", "UTF-8"),
])
def test_bad_bytes(data, message):
    with pytest.raises(InputError, match=message):
        Source.from_bytes(data, "f.md")


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_path(str(tmp_path / "nope.md"))
    with pytest.raises(InputError, match="directory"):
        read_path(str(tmp_path))


def test_write_keeps_mode_and_leaves_no_temp(tmp_path):
    target = tmp_path / "README.md"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    write_path(str(target), "new\n")
    assert target.read_text() == "new\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]
