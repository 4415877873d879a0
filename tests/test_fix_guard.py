"""--fix on real lists keeps every URL as written (bare ones included)."""
from __future__ import annotations

from collections import Counter

import pytest

from awesome_lint.engine import config, pipeline
from awesome_lint.model.autolinks import bare_urls
from awesome_lint.rule import Context

from conftest import SHARED

JAVASCRIPT = SHARED / "corpus" / "sorrycc__awesome-javascript.md"


def fixed(text: str) -> pipeline.FixOutcome:
    settings = pipeline.build_settings(config.Config())
    return pipeline.fix(text, settings, Context())


def test_no_full_stop_glued_to_a_bare_url():
    # the list ends its descriptions with a full stop, so the rule wants one everywhere
    stops = "".join(f"- [s{i}](https://s{i}.example) - Stops here.\n" for i in range(8))
    text = ("# Awesome\n\n## Media\n\n" + stops +
            "- [clappr](https://github.com/clappr/clappr) - A media player http://clappr.io\n"
            "- [list.js](https://github.com/javve/list.js) - Adds search to lists\nhttps://listjs.com\n"
            "- [other](https://o.example) - Plain words\n")
    outcome = fixed(text)
    assert outcome.reverted == []
    assert "http://clappr.io\n" in outcome.text and "\nhttps://listjs.com\n" in outcome.text
    assert "- Plain words.\n" in outcome.text  # the full stop still goes where no URL ends


@pytest.mark.skipif(not JAVASCRIPT.is_file(), reason="../shared is not present")
def test_awesome_javascript_keeps_its_bare_urls():
    text = JAVASCRIPT.read_text(encoding="utf-8")
    outcome = fixed(text)
    assert outcome.applied > 10  # it does fix the list
    assert outcome.reverted == []  # the rule no longer offers the harmful fixes
    for line in ("https://listjs.com\n", "web http://clappr.io\n"):
        assert line in outcome.text
    written = Counter(text[s:e] for s, e, _ in bare_urls(text))
    assert Counter(outcome.text[s:e] for s, e, _ in bare_urls(outcome.text)) == written
