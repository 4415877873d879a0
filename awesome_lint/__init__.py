"""awesome-lint: lint and fix awesome lists."""

__version__ = "0.1.0"
