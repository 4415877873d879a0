"""The result cache: a run whose inputs have not changed prints what it
printed last time, byte for byte, and exits with the same code.

What a run's output depends on is its key: the tool and Python, the
arguments (as parsed, so the order of flags does not matter), the working
folder, each input file's bytes, each configuration file's path and bytes,
the environment variables and terminal state that change output (colour,
width, encoding), and the installed distributions (every folder on the
import path with its modification time: installing or removing a plugin
changes it).  Two more things are checked before an entry is used: every
module file the run loaded (so an edited rule or plugin, or an upgraded
markdown-it-py, is a miss) and every look the rules took at other files
through ``ctx.files`` (local links, contributing.md).

Only offline runs are kept: not with network rules, ``--changed-since``
(git state), ``--summary`` (it appends to another file), or a ``--fix``
that wrote a file.  Entries are written to a temporary file and renamed, so
two processes may share the folder; a damaged entry is a miss; the oldest
entries go once the folder holds more than ``MAX_ENTRIES`` or ``MAX_BYTES``.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from pathlib import Path

FORMAT = 1
MAX_BYTES = 50 * 2**20
MAX_ENTRIES = 2000
# environment that changes what a run prints (colour, width, encoding, CI)
ENV = ("NO_COLOR", "FORCE_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "TERM", "COLUMNS", "LINES", "CI",
       "GITHUB_ACTIONS", "PYTHONIOENCODING", "PYTHONUTF8", "LANG", "LC_ALL", "LC_CTYPE")
DIR_ENV = "AWESOME_LINT_CACHE_DIR"


class _NotCached(Exception):
    pass


def default_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "awesome-lint"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _parse(argv: list[str], build_parser):
    # --help and --version print while parsing: leave them to the command
    for arg in argv:
        if arg == "--":
            break
        if arg.startswith("-h") or (arg.startswith("--") and len(arg) > 2
                                    and ("--help".startswith(arg) or "--version".startswith(arg))):
            raise _NotCached
    parser = build_parser()

    def error(message):
        raise _NotCached

    parser.error = error
    return parser.parse_args(argv)


def _read_inputs(paths: list[str]) -> list[list[str]]:
    out = []
    for path in paths:
        if path == "-":
            data = sys.stdin.buffer.read()
            # the command reads standard input again: give it the same bytes
            sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding=sys.stdin.encoding,
                                         errors=sys.stdin.errors)
        elif os.path.isfile(path):
            with open(path, "rb") as handle:
                data = handle.read()
        else:
            raise _NotCached  # the command reports it; not worth keeping
        out.append([path, _digest(data)])
    return out


def _configs(args, paths: list[str]) -> list[Path | None]:
    from ..engine.configfile import ConfigError, find_config

    if args.config:
        if not os.path.isfile(args.config):
            raise _NotCached
        return [Path(args.config)]
    try:
        return [find_config(Path.cwd() if p == "-" else Path(p).resolve().parent) for p in paths]
    except ConfigError:
        raise _NotCached from None


def _cache_dir(first_config: Path | None, config_bytes: bytes | None) -> Path:
    named = os.environ.get(DIR_ENV)
    if named:
        return Path(named)
    # parsing YAML costs more than a cached run: only when the key may be there
    if first_config is not None and config_bytes and b"cache-dir" in config_bytes:
        from ..engine import config as config_mod

        try:
            cfg = config_mod.load(first_config)
        except Exception:
            raise _NotCached from None  # the command reports the bad config
        if cfg.cache_dir:
            return first_config.parent / cfg.cache_dir
    return default_dir()


def _stat(path: str):
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_mtime_ns, st.st_size]


class Plan:
    """A cacheable run: where its entry lives."""

    def __init__(self, argv: list[str], build_parser) -> None:
        args = _parse(argv, build_parser)
        if args.no_cache or args.links or args.changed_since or args.summary:
            raise _NotCached
        paths = args.paths or ["README.md"]
        inputs = _read_inputs(paths)
        configs = _configs(args, paths)
        config_bytes = [c.read_bytes() if c is not None else None for c in configs]
        self.folder = _cache_dir(configs[0], config_bytes[0]) / "results"
        streams = [[s.isatty(), getattr(s, "encoding", None), getattr(s, "errors", None)]
                   for s in (sys.stdout, sys.stderr)]
        env = {k: v for k, v in os.environ.items()
               if k in ENV or (k.startswith("AWESOME_LINT") and k != DIR_ENV)}
        from .. import __version__

        key = {
            "format": FORMAT, "version": __version__, "python": sys.version, "executable": sys.executable,
            "cwd": os.getcwd(), "args": sorted(vars(args).items()), "inputs": inputs,
            "configs": [[str(c), _digest(b)] if c is not None else None for c, b in zip(configs, config_bytes)],
            "env": sorted(env.items()), "streams": streams,
            "path": [[entry, _stat(entry or ".")] for entry in sys.path],
        }
        self.key = _digest(json.dumps(key, sort_keys=True, default=str).encode())
        self.entry = self.folder / self.key

    def lookup(self):
        """(exit code, [(fd, bytes), ...]) of a valid entry, else None."""
        from ..engine.files import unchanged

        try:
            data = json.loads(self.entry.read_bytes())
            if data["format"] != FORMAT or data["key"] != self.key:
                return None
            if any(_stat(path) != stat for path, stat in data["modules"]):
                return None
            if not unchanged(data["files"]):
                return None
            chunks = [(int(fd), text.encode("latin-1")) for fd, text in data["out"]]
            code = int(data["code"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None  # missing, being replaced, or damaged: a miss
        try:
            os.utime(self.entry)  # recently used entries are evicted last
        except OSError:
            pass
        return code, chunks

    def store(self, code: int, chunks: list[tuple[int, bytes]], observed) -> None:
        if observed.network or observed.wrote:
            return
        modules = sorted({f for m in list(sys.modules.values())
                          if isinstance(f := getattr(m, "__file__", None), str)})
        entry = {
            "format": FORMAT, "key": self.key, "code": code,
            "out": [[fd, chunk.decode("latin-1")] for fd, chunk in chunks],
            "modules": [[path, st] for path in modules if (st := _stat(path)) is not None],
            "files": observed.files.seen,
        }
        data = json.dumps(entry).encode()
        if len(data) > MAX_BYTES // 4:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = self.folder / f".{self.key}.{os.getpid()}.tmp"
            tmp.write_bytes(data)
            os.replace(tmp, self.entry)
            evict(self.folder)
        except OSError:
            pass  # a read-only or full disk: run without a cache


def evict(folder: Path, max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
    """Remove the least recently used entries beyond the bounds."""
    import time

    entries = []
    with os.scandir(folder) as items:
        for item in items:
            try:
                st = item.stat()
            except OSError:
                continue
            if item.name.endswith(".tmp"):
                if st.st_mtime < time.time() - 3600:  # left by a killed process
                    _remove(item.path)
                continue
            entries.append((st.st_mtime_ns, st.st_size, item.path))
    entries.sort(reverse=True)
    total = 0
    for index, (_mtime, size, path) in enumerate(entries):
        total += size
        if index >= max_entries or total > max_bytes:
            _remove(path)


def _remove(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class _Tee(io.RawIOBase):
    """Passes writes to a real stream and keeps a copy, in order across streams."""

    def __init__(self, fd: int, real, chunks: list) -> None:
        super().__init__()
        self.fd, self.real, self.chunks = fd, real, chunks

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        self.real.write(data)
        self.chunks.append((self.fd, data))
        return len(data)

    def flush(self) -> None:
        self.real.flush()

    def isatty(self) -> bool:
        return self.real.isatty()

    def fileno(self) -> int:
        return self.real.fileno()


def _teed(fd: int, stream, chunks: list):
    stream.flush()
    return io.TextIOWrapper(_Tee(fd, stream.buffer, chunks), encoding=stream.encoding,
                            errors=stream.errors, newline="\n", write_through=True)


def _replay(chunks) -> None:
    sys.stdout.flush()
    sys.stderr.flush()
    last = None
    for fd, data in chunks:
        stream = sys.stdout.buffer if fd == 1 else sys.stderr.buffer
        if last is not None and last is not stream:
            last.flush()
        stream.write(data)
        last = stream
    if last is not None:
        last.flush()


def run(argv: list[str], main, build_parser) -> int:
    """``main(argv)`` through the cache."""
    try:
        plan = Plan(argv, build_parser)
    except Exception:  # not cacheable, or anything odd: the command decides
        return main(argv)
    hit = plan.lookup()
    if hit is not None:
        code, chunks = hit
        _replay(chunks)
        return code
    chunks: list[tuple[int, bytes]] = []
    real = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _teed(1, real[0], chunks), _teed(2, real[1], chunks)
    try:
        code = main(argv)
    finally:
        for teed in (sys.stdout, sys.stderr):
            teed.flush()
            teed.detach()
        sys.stdout, sys.stderr = real
    if code in (0, 1):
        from .runner import observed

        plan.store(code, chunks, observed)
    return code
