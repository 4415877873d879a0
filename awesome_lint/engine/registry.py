"""Finding rules: every rule, built-in or plugin, is an entry point."""
from __future__ import annotations

from dataclasses import dataclass
from importlib.metadata import entry_points

from .rule import Rule

GROUP = "awesome_lint.rules"


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class RuleInfo:
    cls: type[Rule]
    source: str  # the distribution that provides it


_cache: dict[str, RuleInfo] | None = None


def all_rules() -> dict[str, RuleInfo]:
    global _cache
    if _cache is None:
        found: dict[str, RuleInfo] = {}
        for ep in entry_points(group=GROUP):
            try:
                cls = ep.load()
            except Exception as exc:  # a broken plugin must not hide the others' names
                raise RegistryError(f"cannot load rule {ep.name!r} from {ep.value}: {exc}") from None
            if not (isinstance(cls, type) and issubclass(cls, Rule)) or cls.name != ep.name:
                raise RegistryError(f"entry point {ep.name!r} ({ep.value}) is not a Rule named {ep.name!r}")
            dist = getattr(ep, "dist", None)
            found[ep.name] = RuleInfo(cls, dist.name if dist else "unknown")
        _cache = dict(sorted(found.items()))
    return _cache
