"""The public rule API, for built-in rules and plugins alike.

Its home is ``awesome_lint.engine.rule``; this path is the documented one and
stays stable when the engine moves.
"""
from .engine.rule import (  # noqa: F401
    ERROR, SAFE, UNSAFE, WARNING, Context, Diagnostic, Edit, Fix, Related, Rule, option,
)
