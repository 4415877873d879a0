"""Built-in rules, installed as ``awesome_lint.rules``: one module a rule."""
