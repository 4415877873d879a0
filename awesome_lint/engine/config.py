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
TOP_KEYS = ("preset", "family", "conventions", "select", "ignore", "rules", "links", "cache-dir", "max-file-size")
MAX_DEPTH = 32  # nesting deeper than any option needs


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
    max_file_size: int | None = None  # bytes; None: the default


def load(path: Path) -> Config:
    text = _read(path)
    try:
        if path.name == "pyproject.toml":
            data, locate = _load_toml(path, text)
        else:
            data, locate = _load_yaml(path, text)
        return validate(data, str(path), locate)
    except RecursionError:
        raise ConfigError(f"{path}: config is nested too deeply") from None


def _load_yaml(path: Path, text: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        _refuse_aliases(path, YAML(typ="rt").parse(text))
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


def _refuse_aliases(path: Path, events) -> None:
    """Anchors and aliases are refused before anything is built from them: a
    few hundred bytes of aliases can stand for billions of values."""
    depth = 0
    for event in events:
        kind = type(event).__name__
        mark = event.start_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}"
        if kind == "AliasEvent" or getattr(event, "anchor", None):
            raise ConfigError(f"{where}: YAML anchors and aliases are not supported in the config")
        if kind in ("MappingStartEvent", "SequenceStartEvent"):
            depth += 1
            if depth > MAX_DEPTH:
                raise ConfigError(f"{where}: config is nested too deeply")
        elif kind in ("MappingEndEvent", "SequenceEndEvent"):
            depth -= 1


_TOML_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _load_toml(path: Path, text: str):
    try:
        import tomllib
    except ImportError:  # Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(text).get("tool", {}).get("awesome-lint", {})
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        at = _TOML_AT.search(message)
        if at:
            where = f"{path}:{at[1]}:{at[2]}"
        elif message.endswith("(at end of document)"):
            where = f"{path}:{text.count(chr(10)) + 1}:{len(text.rsplit(chr(10), 1)[-1]) + 1}"
            message = message.removesuffix(" (at end of document)")
        else:
            where = str(path)
        raise ConfigError(f"{where}: invalid TOML: {_TOML_AT.sub('', message)}") from None
    if _depth(data) > MAX_DEPTH:
        raise ConfigError(f"{path}: config is nested too deeply")
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


def _depth(value, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def parse_size(value) -> int | None:
    """Bytes from ``20971520``, ``"20M"``, ``"500k"`` or ``"1G"``; None if not a size."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    m = re.fullmatch(r"\s*(\d+)\s*([kmg]?)i?b?\s*", str(value), re.I)
    if not m or int(m[1]) == 0:
        return None
    return int(m[1]) * 1024 ** "_kmg".index(m[2].lower() or "_")


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
    if "max-file-size" in data:
        size = parse_size(data["max-file-size"])
        if size is None:
            raise ConfigError(f"{where('max-file-size')}: max-file-size must be a size in bytes, or with K, M or G (20M)")
        config.max_file_size = size
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
    kind = typing.get_type_hints(cls.Options).get(fld.name)
    if value is None and _allows_none(kind):
        return None
    plain = _plain(value)
    problem = _type_problem(_without_none(kind), plain)
    if problem:
        raise ConfigError(f"{where}: option '{key}' {problem}")
    meta = fld.metadata or {}
    choices = meta.get("choices")
    if choices and plain not in choices:
        raise ConfigError(f"{where}: option '{key}' must be one of {', '.join(map(repr, choices))}, not {plain!r}")
    minimum = meta.get("minimum")
    if minimum is not None and plain < minimum:
        raise ConfigError(f"{where}: option '{key}' must be at least {minimum}, not {plain!r}")
    check = meta.get("check")
    why = check(plain) if check else None
    if why:
        raise ConfigError(f"{where}: option '{key}' {why}")
    if (typing.get_origin(_without_none(kind)) or _without_none(kind)) is tuple:
        return tuple(plain)
    return plain


def _allows_none(kind) -> bool:
    return kind is type(None) or type(None) in typing.get_args(kind)


def _without_none(kind):
    """``str`` for ``str | None``; a union of several types is not checked."""
    if type(None) not in typing.get_args(kind):
        return kind
    args = [a for a in typing.get_args(kind) if a is not type(None)]
    return args[0] if len(args) == 1 else object


_NAMES = {bool: "bool", int: "int", float: "float", str: "str", list: "list", tuple: "list", dict: "dict"}


def _type_problem(kind, value) -> str | None:
    """Why ``value`` is not of the option type ``kind`` (element types included), or None."""
    origin = typing.get_origin(kind) or kind
    args = typing.get_args(kind)
    if origin not in _NAMES:
        return None
    wanted = {float: (int, float), tuple: list}.get(origin, origin)
    if (origin is not bool and isinstance(value, bool)) or not isinstance(value, wanted):
        got = "a boolean" if isinstance(value, bool) else type(value).__name__
        return f"expects {_NAMES[origin]}, got {got}"
    if origin in (list, tuple) and args:
        for item in value:
            inner = _type_problem(args[0], item)
            if inner:
                return f"expects a list of {_NAMES.get(typing.get_origin(args[0]) or args[0], 'values')}, got {item!r}"
    if origin is dict and len(args) == 2:
        for name, item in value.items():
            inner = _type_problem(args[1], item)
            if inner:
                return f"expects a mapping of {_NAMES.get(typing.get_origin(args[1]) or args[1], 'values')} values; '{name}' {inner}"
    return None


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
