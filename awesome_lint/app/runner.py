"""One run of the command over its paths: read, lint or fix, report, exit code."""
from __future__ import annotations

import sys
from pathlib import Path

from ..engine import config as config_mod
from . import output, report
from ..engine.pipeline import Settings, UsageError, build_settings, check, fix, has_errors
from ..engine.files import Files
from ..engine.registry import RegistryError, all_rules
from ..engine.rule import UNSAFE, Context
from .source import DEFAULT_MAX_SIZE, InputError, Source, Stamp, read_stamped, write_path


class RunError(Exception):
    """A usage, configuration or input error: one line, exit code 2."""


class Observed:
    """What the runs of this process depended on beyond their arguments and
    input files, for the result cache: a result that used the network or
    wrote a file is not kept."""

    def __init__(self) -> None:
        self.files = Files()  # every look of the rules at other files
        self.network = False
        self.wrote = False


observed = Observed()


def internal_error(path: str | None, exc: BaseException) -> str:
    """One line for a bug, naming the file it happened on."""
    where = f"{path}: " if path else ""
    detail = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{where}internal error, please report: {type(exc).__name__}" + (f": {detail}" if detail else "")


class Runner:
    def __init__(self, args) -> None:
        self.args = args
        stdin_name = getattr(args, "stdin_filename", None)
        self.paths = args.paths or (["-"] if stdin_name else ["README.md"])
        self.texts: dict[str, str] = {}  # shown path -> the text its findings point into
        self._configs: dict[Path | None, config_mod.Config] = {}
        self._settings_for: dict[int, Settings] = {}  # id of a Config in _configs -> its settings
        self.findings: list[output.Finding] = []
        self.fixed = 0
        self.unsafe_hidden = 0
        self.diff_changed = False
        self.errors = False
        self.docs: list[tuple[str, object]] = []  # (shown path, Document) for --summary

    # -- configuration -------------------------------------------------------
    def _config(self, path: str) -> config_mod.Config:
        if self.args.config:
            where = Path(self.args.config)
            if not where.is_file():
                raise RunError(f"{where}: config file not found")
        else:
            named = self._named(path)
            base = Path.cwd() if named is None else Path(named).resolve().parent
            try:
                where = config_mod.find_config(base)
            except config_mod.ConfigError as exc:
                raise RunError(str(exc)) from None
        if where not in self._configs:
            try:
                self._configs[where] = config_mod.load(where) if where else config_mod.Config()
            except (config_mod.ConfigError, RegistryError) as exc:
                raise RunError(str(exc)) from None
        return self._configs[where]

    def _settings(self, cfg: config_mod.Config) -> Settings:
        # One set of rule instances per config file, so files that share a
        # config share them too (dead-link asks about a URL once per run).
        if id(cfg) in self._settings_for:
            return self._settings_for[id(cfg)]
        links = False if self.args.offline else (True if self.args.links else None)
        chosen = cfg
        if self.args.preset:
            chosen = config_mod.Config(**{**cfg.__dict__, "preset": self.args.preset})
        try:
            settings = build_settings(chosen, self.args.select, self.args.ignore, links,
                                      getattr(self.args, "extend_select", ()))
        except (UsageError, RegistryError) as exc:
            raise RunError(str(exc)) from None
        observed.network = observed.network or settings.links
        self._settings_for[id(cfg)] = settings
        return settings

    # -- one file ------------------------------------------------------------
    def _named(self, path: str) -> str | None:
        """The file a path stands for: stdin is --stdin-filename, if given."""
        return getattr(self.args, "stdin_filename", None) if path == "-" else path

    def _read(self, path: str, cfg: config_mod.Config) -> tuple[Source, Stamp | None]:
        limit = getattr(self.args, "max_file_size", None) or cfg.max_file_size or DEFAULT_MAX_SIZE
        try:
            if path == "-":
                data = sys.stdin.buffer.read(limit + 1)
                if len(data) > limit:
                    raise InputError(f"<stdin>: input is larger than the limit of {limit} bytes (max-file-size)")
                return Source.from_bytes(data, "<stdin>"), None
            return read_stamped(path, limit)
        except InputError as exc:
            raise RunError(str(exc)) from None

    def _changed_lines(self, path: str, text: str) -> set[int] | None:
        if not self.args.changed_since:
            return None
        from .gitdiff import GitError, changed_lines

        try:
            return changed_lines(path, self.args.changed_since, text)
        except GitError as exc:
            raise RunError(str(exc)) from None

    def run_file(self, path: str) -> None:
        cfg = self._config(path)
        source, stamp = self._read(path, cfg)
        settings = self._settings(cfg)
        named = self._named(path)
        ctx = Context(
            path=named,
            links=settings.links,
            changed_lines=self._changed_lines(path, source.text),
            progress=not self.args.no_progress and sys.stderr.isatty(),
            files=observed.files,
        )
        shown = named or "<stdin>"
        adding = getattr(self.args, "add_suppressions", False)
        if self.args.fix or self.args.diff or adding:
            if self.args.fix or self.args.diff:
                outcome = fix(source.text, settings, ctx, unsafe=self.args.unsafe_fixes)
                for diag, why, line, col in outcome.reverted:
                    print(f"{shown}:{line}:{col}: fix of {diag.rule} reverted ({why}): {diag.message}",
                          file=sys.stderr)
                text, doc, diagnostics, applied = outcome.text, outcome.doc, outcome.diagnostics, outcome.applied
            else:
                doc, diagnostics = check(source.text, settings, ctx)
                text, applied = source.text, 0
            if adding:
                text, doc, diagnostics = self._suppress(shown, text, doc, diagnostics, settings, ctx)
            changed = text != source.text
            new_content = source.render(text)
            if self.args.diff:
                if changed:
                    import difflib

                    self.diff_changed = True
                    old = source.render(source.text).splitlines(keepends=True)
                    sys.stdout.writelines(
                        difflib.unified_diff(old, new_content.splitlines(keepends=True), f"{shown} (original)", f"{shown} (fixed)")
                    )
            elif path == "-":
                sys.stdout.write(new_content)
            elif changed:
                observed.wrote = True
                try:
                    write_path(path, new_content, stamp, force=getattr(self.args, "force", False))
                except InputError as exc:
                    raise RunError(str(exc)) from None
            if not self.args.diff:
                self.fixed += applied
        else:
            doc, diagnostics = check(source.text, settings, ctx)
        if not self.args.unsafe_fixes:
            self.unsafe_hidden += sum(1 for d in diagnostics if d.fix and d.fix.applicability == UNSAFE)
        self.findings.extend(output.place(shown, doc, d, self.args.unsafe_fixes) for d in diagnostics)
        self.texts[shown] = doc.text
        if self.args.summary:  # only the summary needs every document kept
            self.docs.append((shown, doc))
        self.errors = self.errors or has_errors(diagnostics)

    def _suppress(self, shown, text, doc, diagnostics, settings, ctx):
        """Add suppression comments until the lint is clean (a comment can
        reveal a finding of its own: a few rounds), then lint once more."""
        from . import suppressions

        try:
            reason = suppressions.check_reason(getattr(self.args, "reason", None))
        except ValueError as exc:
            raise RunError(str(exc)) from None
        added = 0
        for _ in range(3):
            try:
                new, count = suppressions.add(text, doc, diagnostics, reason)
            except suppressions.PlacementError as exc:
                raise RunError(f"{shown}: {exc}") from None
            if new == text:
                break
            text, added = new, added + count
            doc, diagnostics = check(text, settings, ctx)
        if added and not getattr(self.args, "quiet", False):
            print(f"{shown}: added {added} suppression comment{'s' if added != 1 else ''}", file=sys.stderr)
        return text, doc, diagnostics

    def _check_combinations(self) -> None:
        adding = getattr(self.args, "add_suppressions", False)
        if getattr(self.args, "reason", None) is not None and not adding:
            raise RunError("--reason needs --add-suppressions")
        if adding and self.args.changed_since:
            # the comments would shift the very lines --changed-since selects
            raise RunError("--add-suppressions cannot be combined with --changed-since")

    # -- the whole run ---------------------------------------------------------
    def run(self) -> int:
        if self.args.paths.count("-") > 1:
            raise RunError("'-' (stdin) can be given only once")
        self._check_combinations()
        failed = False
        for path in self.paths:
            # One unreadable file (a pre-commit run passes many) must not hide
            # the findings of the others: report it, go on, exit 2 at the end.
            try:
                try:
                    self.run_file(path)
                except (RunError, KeyboardInterrupt):
                    raise
                except Exception as exc:  # noqa: BLE001 - a bug must not look like findings (exit 1)
                    raise RunError(internal_error(path, exc)) from None
            except RunError as exc:
                if len(self.paths) == 1:
                    raise
                print(f"awesome-lint: {exc}", file=sys.stderr)
                failed = True
        self._report()
        if self.args.summary:
            from . import summary

            try:
                summary.append(self.args.summary, self.docs, self.findings, self.args.changed_since)
            except OSError as exc:
                raise RunError(f"{self.args.summary}: cannot write the summary ({exc.strerror})") from None
        if failed:
            return 2
        if getattr(self.args, "exit_zero", False):
            return 0
        if self.errors or self.diff_changed:
            return 1
        return 0

    def _report(self) -> None:
        # With '-' and --fix (or --diff) stdout carries the document: report on stderr.
        writes_stdin = "-" in self.paths and (self.args.fix or getattr(self.args, "add_suppressions", False))
        stream = sys.stderr if (self.args.diff or writes_stdin) else sys.stdout
        stream.write(report.render(self.findings, self.texts, self.report_options(stream),
                                   all_rules() if self.args.output_format == "sarif" else None))

    def report_options(self, stream) -> report.Options:
        fmt = self.args.output_format
        if fmt is None:
            fmt = "full" if stream.isatty() else "concise"
        return report.Options(
            format="concise" if fmt == "text" else fmt,
            color=output.color_wanted(self.args, stream),
            show_fixes=getattr(self.args, "show_fixes", False),
            quiet=getattr(self.args, "quiet", False),
            statistics=getattr(self.args, "statistics", False),
            fixed=self.fixed,
            unsafe_hidden=self.unsafe_hidden,
        )
