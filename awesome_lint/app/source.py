"""Reading a file into normalised text and writing it back byte-faithfully.

Rules and fixes work on one normalised string: no BOM, ``\n`` line ends.
``Source`` remembers what was stripped so the written file keeps its BOM,
line-ending style and final newline.
"""
from __future__ import annotations

import errno
import hashlib
import os
import stat
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
        from .linediff import opcodes

        old_lines = self.original.splitlines(keepends=True)
        old_bare = [line.rstrip("\r\n") for line in old_lines]
        new_lines = text.split("\n")
        out = []
        for tag, i1, i2, j1, j2 in opcodes(old_bare, new_lines):
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


DEFAULT_MAX_SIZE = 20 * 1024 * 1024


@dataclass(frozen=True)
class Stamp:
    """What a file was when it was read, to notice a change before writing."""

    device: int
    inode: int
    digest: bytes


def read_path(path: str, max_size: int = DEFAULT_MAX_SIZE) -> Source:
    return read_stamped(path, max_size)[0]


def read_stamped(path: str, max_size: int = DEFAULT_MAX_SIZE) -> tuple[Source, Stamp]:
    """The source and its stamp, for ``write_path`` to notice a later change."""
    data, stamp = _read_regular(path, max_size)
    return Source.from_bytes(data, path), stamp


def _read_regular(path: str, max_size: int) -> tuple[bytes, Stamp]:
    """The bytes of a regular file (a FIFO or a device is refused before it is
    opened for long, so neither blocks nor fills memory)."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a markdown file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a FIFO, socket or device)")
    try:
        # O_NONBLOCK: were the path swapped for a FIFO after the stat, opening it still returns
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: not a regular file (a FIFO, socket or device)")
        if info.st_size > max_size:
            raise InputError(f"{path}: file is larger than the limit of {_size(max_size)} (max-file-size)")
        try:
            data = _read_at_most(handle, max_size + 1)
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if len(data) > max_size:
        raise InputError(f"{path}: file is larger than the limit of {_size(max_size)} (max-file-size)")
    return data, Stamp(info.st_dev, info.st_ino, hashlib.sha256(data).digest())


def _read_at_most(handle, limit: int) -> bytes:
    chunks, size = [], 0
    while size < limit:
        chunk = handle.read(min(1 << 20, limit - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _size(n: int) -> str:
    return f"{n // (1024 * 1024)} MB" if n % (1024 * 1024) == 0 and n else f"{n} bytes"


def write_path(path: str, content: str, stamp: Stamp | None = None, force: bool = False) -> None:
    """Write the fixed text back to ``path`` (to a symlink's target), keeping
    owner, group and mode; never over a change made since ``stamp``.

    A file with one name is replaced atomically (a temporary file beside it,
    then a rename); a file with several hard links is rewritten in place,
    through the same inode, so every name sees the fix (space is reserved
    first, so a full disk fails before a byte changes)."""
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    if not force and not info.st_mode & 0o222:
        raise InputError(f"{path}: is read-only (mode {stat.S_IMODE(info.st_mode):04o}); not written (--force writes it)")
    if stamp is not None:
        now, _ = _read_regular(target, 1 << 62)
        if (info.st_dev, info.st_ino) != (stamp.device, stamp.inode) or \
                hashlib.sha256(now).digest() != stamp.digest:
            raise InputError(f"{path}: changed on disk while awesome-lint ran; not overwritten (run it again)")
    data = content.encode("utf-8")
    try:
        if info.st_nlink > 1:
            _write_in_place(target, data)
        else:
            _replace(target, data, info)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc}); the file is unchanged") from None


def _replace(target: str, data: bytes, info: os.stat_result) -> None:
    import tempfile

    folder, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder or ".")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, stat.S_IMODE(info.st_mode))
        if hasattr(os, "chown"):
            _keep_owner(tmp, info)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _keep_owner(tmp: str, info: os.stat_result) -> None:
    done = os.stat(tmp)
    if (done.st_uid, done.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.chown(tmp, info.st_uid, info.st_gid)
    except PermissionError:
        raise OSError(errno.EPERM, "cannot keep the file's owner and group") from None


def _write_in_place(target: str, data: bytes) -> None:
    fd = os.open(target, os.O_RDWR)
    try:
        if hasattr(os, "posix_fallocate") and data:
            os.posix_fallocate(fd, 0, len(data))
        os.lseek(fd, 0, os.SEEK_SET)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)
