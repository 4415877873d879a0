"""``awesome-lint conventions [PATH ...]``: what each list's own style was inferred to be.

Prints every choice at every scope where it is made, its established value (or
that the list is split on it), and the counts behind it.  The names printed
are the keys that pin a choice under ``conventions:`` in the configuration.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..engine import config as config_mod
from ..engine.pipeline import build_settings
from ..engine.registry import RegistryError
from ..model.conventions import show
from ..model.document import Document
from .source import InputError, read_path


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="awesome-lint conventions",
                                description="Show the conventions inferred from each list, with their evidence.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="markdown files (default: README.md)")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--config", metavar="PATH", help="configuration file (default: the nearest one)")
    args = p.parse_args(argv)
    out, code = [], 0
    for path in args.paths or ["README.md"]:
        try:
            source = read_path(path)
            where = Path(args.config) if args.config else config_mod.find_config(
                Path(path).resolve().parent if path != "-" else Path.cwd())
            cfg = config_mod.load(where) if where else config_mod.Config()
            settings = build_settings(cfg)
        except (InputError, config_mod.ConfigError, RegistryError) as exc:
            print(f"awesome-lint: {exc}", file=sys.stderr)
            code = 2
            continue
        doc = Document(source.text, path, settings.family, settings.pins, settings.pin_sources, settings.preset)
        found = doc.conventions.report()
        if args.json:
            out.append({"path": path, "family": doc.family, "conventions": [c.as_dict() for c in found]})
            continue
        print(f"{path}: a {'paper' if doc.family == 'papers' else 'classic'} list; "
              "pin any choice under 'conventions:' in .awesome-lint.yaml")
        for c in found:
            value = show(c.value) if c.established else ("split" if c.split else "-")
            evidence = c.evidence() if c.established else f"{c.total:,} {c.unit}"
            print(f"  {c.key:<18} {value:<20} {c.scope[:34]:<34} {evidence:<32} {c.tally()}")
    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False, default=str))
    return code

