"""Reading a file into normalised text and writing it back byte-faithfully.

Rules and fixes work on one normalised string: no BOM, ``\n`` line ends.
``Source`` remembers what was stripped so the written file keeps its BOM,
line-ending style and final newline.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


class InputError(Exception):
    """Bad input: reported as one line, exit code 2."""


@dataclass(frozen=True)
class Source:
    text: str  # normalised: no BOM, "\n" only
    bom: bool = False
    newline: str = "\n"  # the dominant line end of the original
    original: str | None = None  # original (BOM-less) text when line ends were mixed

    @classmethod
    def from_bytes(cls, data: bytes, name: str = "<stdin>") -> "Source":
        if not data:
            raise InputError(f"{name}: file is empty")
        if b"\x00" in data:
            raise InputError(f"{name}: binary file (contains NUL bytes)")
        try:
            raw = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{name}: not valid UTF-8 (byte {exc.start})") from None
        return cls.from_text(raw)

    @classmethod
    def from_text(cls, raw: str) -> "Source":
        bom = raw.startswith(BOM)
        if bom:
            raw = raw[1:]
        crlf = raw.count("\r\n")
        lone_cr = raw.count("\r") - crlf
        lf = raw.count("\n") - crlf
        if not crlf and not lone_cr:
            return cls(raw, bom)
        text = raw.replace("\r\n", "\n").replace("\r", "\n")
        counts = {"\r\n": crlf, "\n": lf, "\r": lone_cr}
        newline = max(counts, key=counts.get)
        mixed = sum(1 for n in counts.values() if n) > 1
        return cls(text, bom, newline, raw if mixed else None)

    def render(self, text: str) -> str:
        """Turn normalised ``text`` (possibly fixed) back into file text."""
        if self.original is not None:
            body = self._restore_mixed(text)
        elif self.newline != "\n":
            body = text.replace("\n", self.newline)
        else:
            body = text
        return (BOM if self.bom else "") + body

    def _restore_mixed(self, text: str) -> str:
        # Lines the fixes left alone keep their own line end; new lines get
        # the dominant one.
        import difflib

        old_lines = self.original.splitlines(keepends=True)
        old_bare = [line.rstrip("\r\n") for line in old_lines]
        new_lines = text.split("\n")
        out = []
        matcher = difflib.SequenceMatcher(None, old_bare, new_lines, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            for k in range(j2 - j1):
                j = j1 + k
                line = new_lines[j]
                if j == len(new_lines) - 1:
                    out.append(line)
                elif tag == "equal":
                    old = old_lines[i1 + k]
                    out.append(line + (old[len(old_bare[i1 + k]):] or self.newline))
                else:
                    out.append(line + self.newline)
        return "".join(out)


def read_path(path: str) -> Source:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{path}: no such file")
    if p.is_dir():
        raise InputError(f"{path}: is a directory, not a markdown file")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    return Source.from_bytes(data, path)


def write_path(path: str, content: str) -> None:
    """Write atomically: a temporary file in the same folder, then rename."""
    import tempfile

    target = Path(path)
    mode = target.stat().st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(content)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
