"""The rule API and what runs rules: registry, configuration, suppressions, the fix loop."""
