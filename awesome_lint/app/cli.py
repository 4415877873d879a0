"""The ``awesome-lint`` command.  Heavy modules are imported only when needed,
so ``--version`` and ``--help`` stay fast."""
from __future__ import annotations

import argparse
import gc
import sys

from .. import __version__

# "text" is the old name of "concise", still accepted
FORMATS = ("full", "concise", "text", "json", "github", "sarif")


def _names(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _file_size(value: str) -> int:
    from ..engine.config import parse_size

    size = parse_size(value)
    if size is None:
        raise argparse.ArgumentTypeError(f"not a file size: {value!r} (bytes, or a number with K, M or G)")
    return size


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="awesome-lint",
        description="Lint and fix awesome lists (paper lists and classic link lists).",
        epilog="Run 'awesome-lint rules' to list the rules and 'awesome-lint conventions' to see the style "
               "inferred from a list. Exit codes: 0 clean, 1 findings, 2 error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="markdown files (default: README.md; '-' reads stdin)")
    p.add_argument("--fix", action="store_true", help="apply safe fixes in place ('-' writes to stdout)")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    p.add_argument("--diff", action="store_true", help="print what --fix would change; write nothing")
    p.add_argument("--output-format", choices=FORMATS, default=None,
                   help="report format (default: full on a terminal, concise otherwise; text = concise)")
    p.add_argument("--select", type=_names, metavar="RULE,...", help="run only these rules")
    p.add_argument("--ignore", type=_names, default=[], metavar="RULE,...", help="skip these rules")
    p.add_argument("--config", metavar="PATH", help="configuration file (default: nearest .awesome-lint.yaml or pyproject.toml)")
    p.add_argument("--preset", choices=("papers", "awesome"),
                   help="opt into a canonical style (awesome: the Awesome index's guidelines; papers: the seed style)")
    p.add_argument("--links", action="store_true", help="enable network rules (dead links)")
    p.add_argument("--offline", action="store_true", help="disable network rules even if config enables them")
    p.add_argument("--changed-since", metavar="REF", help="report only findings on lines changed since the git REF")
    p.add_argument("--summary", metavar="PATH", help="append a markdown summary of the run to PATH ($GITHUB_STEP_SUMMARY)")
    p.add_argument("--no-color", action="store_true", help="no colour (also NO_COLOR)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--no-cache", action="store_true", help="neither use nor keep cached results")
    p.add_argument("--force", action="store_true", help="with --fix, also write read-only files")
    p.add_argument("--max-file-size", type=_file_size, metavar="SIZE",
                   help="refuse larger files (default: 20M; also the max-file-size option)")
    p.add_argument("--version", action="version", version=f"awesome-lint {__version__}")
    add_habit_arguments(p)
    return p


def add_habit_arguments(p: argparse.ArgumentParser) -> None:
    """The switches ruff users reach for on a big list."""
    p.add_argument("--show-fixes", action="store_true", help="full format: show the diff of each fix")
    p.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 even when findings remain")
    p.add_argument("-q", "--quiet", action="store_true", help="print the findings only, no summary line")
    p.add_argument("--stdin-filename", metavar="PATH",
                   help="the path of the text read from stdin: config discovery, relative links and the shown path use it")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour the output (auto: on a terminal, honouring NO_COLOR and FORCE_COLOR)")
    p.add_argument("--extend-select", type=_names, default=[], metavar="RULE,...",
                   help="run these rules as well as the selected ones")
    p.add_argument("--add-suppressions", action="store_true",
                   help="write a disable comment for each remaining finding, then lint again")
    p.add_argument("--reason", metavar="TEXT", help="with --add-suppressions: why, written into each comment")


def rules_command(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="awesome-lint rules", description="List every rule.")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    args = p.parse_args(argv)
    from ..engine.registry import RegistryError, all_rules

    try:
        known = all_rules()
    except RegistryError as exc:
        print(f"awesome-lint: {exc}", file=sys.stderr)
        return 2
    rows = [
        {
            "name": name, "summary": info.cls.summary, "fixable": info.cls.fixable,
            "default_enabled": info.cls.default_enabled, "network": info.cls.network,
            "severity": info.cls.default_severity, "tags": list(info.cls.tags), "source": info.source,
            "options": sorted(info.cls.option_names()),
        }
        for name, info in known.items()
    ]
    if args.json:
        import json

        print(json.dumps(rows, indent=2))
        return 0
    width = max((len(r["name"]) for r in rows), default=4)
    for r in rows:
        flags = ("fix" if r["fixable"] else "   ") + (" net" if r["network"] else "") + ("" if r["default_enabled"] else " off")
        print(f"{r['name']:<{width}}  {flags:<11} {r['summary']}  [{r['source']}]")
    return 0


SUBCOMMANDS = ("rules", "conventions")  # they print about the tool or a list, not a lint


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped reading (`| head`): nothing went wrong here
        return 0
    except Exception as exc:  # noqa: BLE001 - no traceback reaches a user
        from .runner import internal_error

        print(f"awesome-lint: {internal_error(None, exc)}", file=sys.stderr)
        return 2


def _main(argv: list[str] | None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["rules"]:
        return rules_command(argv[1:])
    if argv[:1] == ["conventions"]:
        from .conventions_command import main as conventions_main

        return conventions_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.changed_since is not None and not args.changed_since.strip():
        build_parser().error("--changed-since needs a git revision, not an empty string")
    # One short run: parsing allocates hundreds of thousands of small objects
    # and the cyclic collector's pauses cost more (~7 %) than the little they
    # free; reference counting still frees everything acyclic.  Restored for
    # callers that run main() inside a longer process (tests, hooks).
    collecting = gc.isenabled()
    gc.disable()
    from .runner import Runner, RunError

    try:
        return Runner(args).run()
    except RunError as exc:
        print(f"awesome-lint: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    finally:
        if collecting:
            gc.enable()


def console() -> None:
    """The ``awesome-lint`` command: ``main()``, then leave at once.

    Freeing a large run's objects one by one at interpreter exit cost a fifth
    of a big ``--fix``; the process ends anyway.  Everything that must reach
    the disk is already closed by then (files are written and renamed, SQLite
    connections are closed after each use), so only the standard streams need
    flushing.  ``main()`` itself stays a plain function for library use."""
    import os

    from .resultcache import run

    argv = sys.argv[1:]
    try:
        code = main(argv) if argv[:1] in [[name] for name in SUBCOMMANDS] else run(argv, main, build_parser)
    except SystemExit as exc:  # argparse: --help, --version, usage errors
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`) or stream
            pass
    os._exit(code)


if __name__ == "__main__":
    console()
