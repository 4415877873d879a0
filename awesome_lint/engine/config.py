"""Configuration: ``.awesome-lint.yaml`` or ``[tool.awesome-lint]`` in pyproject.toml.

Every unknown key, rule or option is an error that names the file, line and
column of the offending key, so a typo never silently does nothing.
"""
from __future__ import annotations

import dataclasses
import re
import typing
from dataclasses import dataclass, field
from pathlib import Path

from .configfile import CONFIG_NAMES, ConfigError, find_config  # noqa: F401  (their home before)
from .configfile import read as _read
from .registry import all_rules

PRESETS = ("papers", "awesome")
SEVERITIES = ("error", "warning", "off")
FAMILIES = ("papers", "awesome")
TOP_KEYS = ("preset", "family", "conventions", "select", "ignore", "rules", "links", "cache-dir")


@dataclass
class Config:
    path: str | None = None
    preset: str | None = None  # an opt-in canonical style (and the family it is for)
    family: str | None = None  # force the list family instead of detecting it
    conventions: dict = field(default_factory=dict)  # choice -> value, over what is inferred
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    rules: dict[str, dict] = field(default_factory=dict)  # name -> {"severity"?, options...}
    links: bool = False
    cache_dir: str | None = None  # where results are cached; relative to the config file


def load(path: Path) -> Config:
    text = _read(path)
    if path.name == "pyproject.toml":
        data, locate = _load_toml(path, text)
    else:
        data, locate = _load_yaml(path, text)
    return validate(data, str(path), locate)


def _load_yaml(path: Path, text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="rt").load(text)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise ConfigError(f"{where}: invalid YAML: {getattr(exc, 'problem', exc)}") from None
    if data is None:
        data = {}

    def locate(keys: tuple) -> str:
        node, line, col = data, None, None
        for key in keys:
            lc = getattr(node, "lc", None)
            if lc is None or not hasattr(node, "get"):
                break
            try:
                line, col = lc.key(key)
            except (KeyError, TypeError):
                break
            node = node.get(key)
        return f"{path}:{line + 1}:{col + 1}" if line is not None else str(path)

    return data, locate


def _load_toml(path: Path, text: str):
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text).get("tool", {}).get("awesome-lint", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    lines = text.split("\n")

    def locate(keys: tuple) -> str:
        # tomllib keeps no positions: find the last key's first spelling
        # after the table header.
        last = str(keys[-1])
        pattern = re.compile(r'(^|[\s.{,\[])"?(' + re.escape(last) + r')"?\s*[=.\]]')
        in_table = False
        for number, line in enumerate(lines):
            if line.lstrip().startswith("["):
                in_table = line.strip().startswith("[tool.awesome-lint")
            if in_table and (m := pattern.search(line)):
                return f"{path}:{number + 1}:{m.start(2) + 1}"
        return str(path)

    return data, locate


def _as_list(value, where: str, key: str) -> list[str]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of rule names")
    return list(value)


def validate(data, path: str | None, locate=lambda keys: "") -> Config:
    where = lambda *keys: locate(keys) or (path or "config")  # noqa: E731
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a mapping")
    known = all_rules()
    config = Config(path=path)
    for key, value in data.items():
        if key not in TOP_KEYS:
            raise ConfigError(f"{where(key)}: unknown key '{key}' (expected one of: {', '.join(TOP_KEYS)})")
    if "preset" in data:
        if data["preset"] not in PRESETS:
            raise ConfigError(f"{where('preset')}: preset must be one of {', '.join(PRESETS)}")
        config.preset = data["preset"]
    if "family" in data:
        if data["family"] not in FAMILIES:
            raise ConfigError(f"{where('family')}: family must be one of {', '.join(FAMILIES)}")
        config.family = data["family"]
    if "conventions" in data:
        config.conventions = _conventions(_plain(data["conventions"]), lambda *k: where("conventions", *k))
    if "links" in data:
        if not isinstance(data["links"], bool):
            raise ConfigError(f"{where('links')}: links must be true or false")
        config.links = data["links"]
    if "cache-dir" in data:
        if not isinstance(data["cache-dir"], str) or not data["cache-dir"].strip():
            raise ConfigError(f"{where('cache-dir')}: cache-dir must be a folder name")
        config.cache_dir = str(data["cache-dir"])
    for key in ("select", "ignore"):
        if key in data:
            names = _as_list(data[key], where(key), key)
            for name in names:
                if name not in known:
                    raise ConfigError(f"{where(key)}: unknown rule '{name}' in {key}")
            setattr(config, key, names)
    rules = data.get("rules") or {}
    if not isinstance(rules, dict):
        raise ConfigError(f"{where('rules')}: 'rules' must map rule names to settings")
    for name, settings in rules.items():
        if name not in known:
            raise ConfigError(f"{where('rules', name)}: unknown rule '{name}'")
        if settings is None:
            settings = {}
        if isinstance(settings, bool) or settings in SEVERITIES:
            settings = {"severity": settings if isinstance(settings, str) else ("error" if settings else "off")}
        if not isinstance(settings, dict):
            raise ConfigError(f"{where('rules', name)}: settings of '{name}' must be a mapping")
        config.rules[name] = _rule_settings(known[name].cls, name, dict(settings), lambda *k: where("rules", name, *k))
    return config


def _conventions(data, where) -> dict:
    from ..model.conventions import PINNABLE

    if not isinstance(data, dict):
        raise ConfigError(f"{where()}: 'conventions' must map choices to values")
    out = {}
    for key, value in data.items():
        if key not in PINNABLE:
            raise ConfigError(f"{where(key)}: unknown convention '{key}' (known: {', '.join(PINNABLE)})")
        allowed = PINNABLE[key]
        if key == "blank-lines":
            if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5:
                raise ConfigError(f"{where(key)}: blank-lines must be a whole number from 1 to 5")
        elif allowed is None:
            if not isinstance(value, str):
                raise ConfigError(f"{where(key)}: {key} must be a string")
        elif value not in allowed or isinstance(value, bool) != isinstance(allowed[0], bool):
            shown = ", ".join(str(a).lower() if isinstance(a, bool) else repr(a) for a in allowed)
            raise ConfigError(f"{where(key)}: {key} must be one of {shown}")
        out[key] = value
    return out


def _rule_settings(cls, name: str, settings: dict, where) -> dict:
    options = cls.option_names()
    out: dict = {}
    for key, value in settings.items():
        if key == "severity":
            if value not in SEVERITIES:
                raise ConfigError(f"{where(key)}: severity must be one of {', '.join(SEVERITIES)}")
            out[key] = value
            continue
        if key not in options:
            hint = f" (options: {', '.join(options)})" if options else " (it has no options)"
            raise ConfigError(f"{where(key)}: unknown option '{key}' for rule '{name}'{hint}")
        out[key] = _coerce(cls, options[key], value, where(key), key)
    return out


def _coerce(cls, fld: dataclasses.Field, value, where: str, key: str):
    hints = typing.get_type_hints(cls.Options)
    kind = hints.get(fld.name)
    origin = typing.get_origin(kind) or kind
    args = typing.get_args(kind)
    if origin is typing.Union or (args and type(None) in args):
        candidates = [a for a in args if a is not type(None)]
        if value is None and type(None) in args:
            return None
        origin = typing.get_origin(candidates[0]) or candidates[0] if candidates else object
    plain = _plain(value)
    checks = {bool: bool, int: int, float: (int, float), str: str, list: list, dict: dict, tuple: list}
    expected = checks.get(origin)
    if expected is None:
        return plain
    if origin is not bool and isinstance(plain, bool):
        raise ConfigError(f"{where}: option '{key}' expects {origin.__name__}, got a boolean")
    if not isinstance(plain, expected):
        raise ConfigError(f"{where}: option '{key}' expects {origin.__name__}, got {type(plain).__name__}")
    if origin is tuple:
        return tuple(plain)
    return plain


def _plain(value):
    """ruamel's commented containers as plain dicts and lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def rule_options(cls, settings: dict):
    fields = {f.name.replace("_", "-"): f.name for f in dataclasses.fields(cls.Options)}
    kwargs = {fields[k]: v for k, v in settings.items() if k in fields}
    return cls.Options(**kwargs)
