"""Finding rules: the built-in table, then plugins from the entry-point group.

Built-in rules are listed here rather than as entry points of this package:
finding entry points means importing ``importlib.metadata`` and reading the
metadata of every installed distribution, which cost a lint more than a
tenth of its time although the answer was known.  Plugins still register
through the group ``awesome_lint.rules``; a cheap look at the installed
distributions' entry-point files decides whether the full scan is needed.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from importlib import import_module

from .rule import Rule

GROUP = "awesome_lint.rules"
OWN = "awesome-lint"  # the distribution name shown for built-in rules

BUILTIN = {
    "arxiv-date": "awesome_lint.rules.arxiv_date:ArxivDate",
    "awesome-badge": "awesome_lint.rules.awesome_badge:AwesomeBadge",
    "balanced-punctuation": "awesome_lint.rules.punctuation:BalancedPunctuation",
    "contributing": "awesome_lint.rules.contributing:Contributing",
    "date-format": "awesome_lint.rules.date_format:DateFormat",
    "dead-link": "awesome_lint.rules.dead_link:DeadLink",
    "duplicate": "awesome_lint.rules.duplicate:Duplicate",
    "entry-format": "awesome_lint.rules.entry_format:EntryFormat",
    "local-link": "awesome_lint.rules.local_link:LocalLink",
    "main-heading": "awesome_lint.rules.main_heading:MainHeading",
    "no-ci-badge": "awesome_lint.rules.no_ci_badge:NoCiBadge",
    "no-license-section": "awesome_lint.rules.no_license_section:NoLicenseSection",
    "no-repeat-punctuation": "awesome_lint.rules.punctuation:NoRepeatPunctuation",
    "repo-health": "awesome_lint.rules.repo_health:RepoHealth",
    "sort-order": "awesome_lint.rules.sort_order:SortOrder",
    "toc": "awesome_lint.rules.toc:Toc",
}


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class RuleInfo:
    cls: type[Rule]
    source: str  # the distribution that provides it


_cache: dict[str, RuleInfo] | None = None


def _checked(name: str, value: str, cls) -> type[Rule]:
    if not (isinstance(cls, type) and issubclass(cls, Rule)) or cls.name != name:
        raise RegistryError(f"entry point {name!r} ({value}) is not a Rule named {name!r}")
    return cls


def _builtin(name: str, value: str) -> type[Rule]:
    module, _, attr = value.partition(":")
    return _checked(name, value, getattr(import_module(module), attr))


def group_declared() -> bool:
    """Whether any installed distribution may declare rules in ``GROUP``.

    A superset of what ``importlib.metadata`` finds: any entry-point file
    that mentions the group, and anything this look cannot read through
    (a zip or egg on the path, a custom distribution finder), says yes."""
    from importlib.machinery import PathFinder

    if any(hasattr(f, "find_distributions") and f is not PathFinder for f in sys.meta_path):
        return True
    for entry in sys.path:
        try:
            items = os.scandir(entry or ".")
        except NotADirectoryError:
            return True
        except OSError:
            continue
        with items:
            for item in items:
                if item.name.endswith(".egg"):
                    return True
                if not item.name.endswith((".dist-info", ".egg-info")):
                    continue
                try:
                    with open(os.path.join(item.path, "entry_points.txt"), encoding="utf-8",
                              errors="replace") as handle:
                        if GROUP in handle.read():
                            return True
                except OSError:
                    pass
    return False


def _plugins():
    if not group_declared():
        return
    from importlib.metadata import entry_points

    for ep in entry_points(group=GROUP):
        dist = getattr(ep, "dist", None)
        source = dist.name if dist else "unknown"
        if source == OWN and BUILTIN.get(ep.name) == ep.value:
            continue  # an older install that still declared the built-ins
        yield ep, source


def all_rules() -> dict[str, RuleInfo]:
    global _cache
    if _cache is None:
        found = {name: RuleInfo(_builtin(name, value), OWN) for name, value in BUILTIN.items()}
        for ep, source in _plugins():
            try:
                cls = ep.load()
            except Exception as exc:  # a broken plugin must not hide the others' names
                raise RegistryError(f"cannot load rule {ep.name!r} from {ep.value}: {exc}") from None
            if ep.name in BUILTIN:
                raise RegistryError(f"plugin {source} declares rule {ep.name!r}, which is a built-in rule")
            found[ep.name] = RuleInfo(_checked(ep.name, ep.value, cls), source)
        _cache = dict(sorted(found.items()))
    return _cache
