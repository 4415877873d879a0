"""The pipeline: parse -> Document -> rules -> suppressions -> (fix loop)."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import config as config_mod
from . import suppress
from ..model.conventions import PRESETS
from ..model.document import Document
from .fixer import FixOutcome, fix_loop
from .registry import all_rules
from .rule import ERROR, WARNING, Context, Diagnostic, Rule


class UsageError(Exception):
    pass


@dataclass
class Settings:
    """Which rules run, how, and with what severity."""

    rules: list[Rule]
    severities: dict[str, str]
    preset: str | None = None
    links: bool = False
    aliases: dict[str, str] = field(default_factory=dict)
    family: str | None = None
    pins: dict = field(default_factory=dict)  # convention -> value, from the preset and the config
    pin_sources: dict = field(default_factory=dict)  # convention -> "preset 'awesome'" | "config"


def build_settings(cfg: config_mod.Config, select=None, ignore=(), links=None, extend=()) -> Settings:
    """``extend`` (--extend-select) adds rules to whatever is selected."""
    known = all_rules()
    for name in [*(select or ()), *ignore, *extend]:
        if name not in known:
            raise UsageError(f"unknown rule '{name}' (see 'awesome-lint rules')")
    use_links = cfg.links if links is None else links
    chosen = select if select is not None else cfg.select
    # command-line flags win: a rule named by --select runs even if the file ignores it
    ignored = (set(cfg.ignore) - set(select or ()) - set(extend)) | set(ignore)
    rules, severities = [], {}
    for name, info in known.items():
        settings = cfg.rules.get(name, {})
        severity = settings.get("severity", info.cls.default_severity)
        if chosen is not None:
            enabled = name in chosen
        else:
            enabled = (info.cls.default_enabled or (name in cfg.rules and severity != "off")
                       or (cfg.preset is not None and cfg.preset in info.cls.presets))
        enabled = enabled or name in extend
        if not enabled or name in ignored or severity == "off":
            continue
        if info.cls.network and not use_links:
            continue
        try:
            rules.append(info.cls(config_mod.rule_options(info.cls, settings)))
        except ValueError as exc:  # a rule refusing its options: one line, exit 2
            raise UsageError(str(exc)) from None
        severities[name] = severity
    aliases = {}
    for name, info in known.items():
        aliases[name] = name
        for alias in getattr(info.cls, "aliases", ()):
            aliases.setdefault(alias, name)
    pins, sources = {}, {}
    if cfg.preset:
        pins.update(PRESETS.get(cfg.preset, {}))
        sources.update(dict.fromkeys(pins, f"preset '{cfg.preset}'"))
    pins.update(cfg.conventions)
    sources.update(dict.fromkeys(cfg.conventions, "config"))
    family = cfg.family or cfg.preset
    return Settings(rules, severities, cfg.preset, use_links, aliases, family, pins, sources)


def _document(text: str, settings: Settings, ctx: Context) -> Document:
    return Document(text, ctx.path, settings.family, settings.pins, settings.pin_sources, settings.preset)


def check(text: str, settings: Settings, ctx: Context, doc: Document | None = None) -> tuple[Document, list[Diagnostic]]:
    doc = doc if doc is not None and doc.text == text else _document(text, settings, ctx)
    ctx.family = doc.family
    found: list[Diagnostic] = []
    for rule in settings.rules:
        if not _applies(rule, doc):
            continue
        severity = settings.severities[rule.name]
        for diag in rule.check(doc, ctx):
            if severity != rule.default_severity and diag.severity == rule.default_severity:
                diag.severity = severity
            found.append(diag)
    sup = suppress.collect(doc, settings.aliases)
    kept = [d for d in found if not sup.suppressed(d.rule, doc.line_col(d.start)[0] + 1)]
    for start, end, name in sup.unknown:
        kept.append(Diagnostic("suppression", f"unknown rule '{name}' in suppression comment", start, end, WARNING))
    if ctx.changed_lines is not None:
        kept = [d for d in kept if ctx.touches_change(doc, d.start, d.end)]
    kept.sort(key=lambda d: (d.start, d.rule))
    return doc, kept


def _applies(rule: Rule, doc: Document) -> bool:
    if doc.family in rule.families:
        return True
    return rule.scope != "document" and bool(doc.families & set(rule.families))


def fix(text: str, settings: Settings, ctx: Context, unsafe: bool = False, checked: tuple = ()) -> FixOutcome:
    # The fix loop parses each candidate text to judge it; the one it keeps
    # is then checked without being parsed a second time.  Each round infers
    # the conventions afresh, as the next run will: where fixing tipped a
    # choice over its threshold, the next round finishes the job, so a second
    # --fix finds nothing.
    last: dict[str, Document] = {}

    def parse(t: str) -> Document:
        last.clear()
        last[t] = _document(t, settings, ctx)
        return last[t]

    return fix_loop(text, lambda t: check(t, settings, ctx, last.pop(t, None)), unsafe, parse=parse,
                    checked=checked)


def has_errors(diagnostics: list[Diagnostic]) -> bool:
    return any(d.severity == ERROR for d in diagnostics)
