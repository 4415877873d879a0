"""Linear parsing: time to build the document for generated hostile inputs.

    python bench/pathological.py [--base N] [--repeat R] [--check]

Each input is generated at 1x, 2x and 4x its base size and timed in CPU
seconds (best of R, with a cold inline cache): building the document, and
the whole offline lint (the conventions model and every default rule); the
ratio of each doubling is printed (linear work doubles: ~2.0; quadratic:
~4.0).  A bare markdown-it-py parse of the same text, measured in the same
run, shows how much of the time is the parser's own.  ``--check`` exits 1
when a doubling costs more than 2.3x.
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from markdown_it import MarkdownIt  # noqa: E402

from awesome_lint.model import rendered  # noqa: E402
from awesome_lint.model import document as document_module  # noqa: E402
from awesome_lint.model.document import Document  # noqa: E402
from awesome_lint.engine import pipeline  # noqa: E402
from awesome_lint.engine.config import Config  # noqa: E402
from awesome_lint.rule import Context  # noqa: E402

HEAD = "# Awesome X\n\n## Tools\n\n- [A](https://a.example/) - x.\n"
LIMIT = 2.3


def unclosed_comments(n: int) -> str:
    return HEAD + "<!-- " * n + "\n"


def unclosed_comment_lines(n: int) -> str:
    return HEAD + "<!--\n" * n


def links_in_one_paragraph(n: int) -> str:
    return HEAD + "- [A](https://a.example/) - " + "[x](https://e.example/p) " * n + "\n"


def headings(n: int) -> str:
    return "# Awesome\n\n" + "".join(f"## H{i}\n" for i in range(n))


def small_sections(n: int) -> str:
    return "# Awesome\n\n" + "".join(
        f"## S{i}\n\n" + "".join(f"- [T{i}x{j}](https://t.example/{i}/{j}) - Thing.\n" for j in range(5)) + "\n"
        for i in range(n))


def bare_urls(n: int) -> str:
    return HEAD + "".join(f"See https://b.example/{i}, www.c{i}.example and `https://code` <b>x</b>\n" for i in range(n))


def emphasis_runs(n: int) -> str:
    # the paper readers: a numbered item of emphasis runs that never turns into authors and a venue
    return HEAD + "1. " + "word _x_ " * n + "[a](https://a.example/)\n"


def bracketed_dates(n: int) -> str:
    return HEAD + "- " + "[2023/10] " * n + "**T** [[p](https://arxiv.org/abs/2310.00001)]\n"


def dotted_authors(n: int) -> str:
    # the plain-title reader: an authors line below the title, a long run of dots before its venue
    return HEAD + "- Plain title of a paper\n  [[pdf]](https://a.example/p.pdf)\n  - Ann Lee, Bo" + " ." * n + " *2023\n"


def comma_citation(n: int) -> str:
    # the venue-after-title reader: a run of short comma parts, none a venue, before the links
    return HEAD + "- Ann Lee, Bo Chen" + ", A b" * n + " [[Paper](https://a.example/p.pdf)]\n"


def broken_toc(n: int) -> str:
    # the toc rule: every anchor broken, each looked for among as many decorated headings
    return ("# Awesome\n\n## Contents\n\n" + "".join(f"- [Topic {i}](#topic-{i})\n" for i in range(n))
            + "".join(f"\n## 🎵 Topic {i} ({i})\n" for i in range(n)))


def paren_leads(n: int) -> str:
    # the paren-lead paragraph reader: parentheses that never close before the line ends
    return HEAD + "\n" + "(Arxiv 24.05.26 " * n + "Title words here [Paper](https://arxiv.org/abs/2405.00001)\n"


def dotted_citation(n: int) -> str:
    # the plain-citation reader: many '. ' before a venue that never comes
    return HEAD + "1. " + "Word word. " * n + "\n"


def spaced_tail(n: int) -> str:
    # the trailing date / tag / badge readers: a run of blanks and brackets before the line's end
    return HEAD + "- Title of the paper [[paper](https://arxiv.org/abs/2401.00001)]" + " [1" * n + " (2024.01\n"


def quoted_block_names(n: int) -> str:
    # the authors-first reader: a long names line over a quoted title, commas all the way
    return HEAD + "- " + "Ann Lee, " * n + "Bo Chen.<br />\n  \"A Title.\" ArXiv (2024).\n  [[paper](https://a.example/p)]\n  [2024.01]\n"


def venue_leads(n: int) -> str:
    # the lead-before-a-linked-title reader: many short leads before a title link that never comes
    return HEAD + "- 2021 " + "ICML-21 " * n + "[x](https://a.example/)\n"


def nested_labels(n: int) -> str:
    # the label-over-papers check: linkless bold labels, each over a paper and a deeper label
    out, depth = [HEAD], 0
    for i in range(n):
        depth = (depth + 1) % 12  # (deeper than markdown nests, the list starts again)
        pad = "  " * depth
        out.append(f"{pad}- **Year {2000 + i % 25}**\n{pad}  - Title of Paper Number {i} [[Paper]](https://arxiv.org/abs/2401.{i % 10000:05d})\n")
    return "".join(out)


def table_marks(n: int) -> str:
    # the table-title reader: marks, a tag and an unclosed affiliation in one long title cell
    return HEAD + "|Date|Title|Paper|\n|---|---|---|\n|2024.06|" + "🔥" * 8 + "[**Tag**] " + "Title (@lab " * n + "|[x](https://a.example/)|\n"


def named_titles(n: int) -> str:
    # the ***Name:*** reader: a name, then a title that never reaches its links
    return HEAD + "- ***Name:*** " + "word " * n + "[[Paper](https://a.example/p)\n"


INPUTS = {  # name -> (generator, base count): each 1x takes a good fraction of a second
    "unclosed <!-- on one line": (unclosed_comments, 200_000),
    "unclosed <!-- lines": (unclosed_comment_lines, 100_000),
    "links in one paragraph": (links_in_one_paragraph, 10_000),
    "headings": (headings, 10_000),
    "small sections": (small_sections, 1_000),
    "bare URLs (guard)": (bare_urls, 5_000),
    "emphasis runs in a paper item": (emphasis_runs, 4_000),
    "bracketed dates in one item": (bracketed_dates, 20_000),
    "dotted authors line": (dotted_authors, 200_000),
    "commas before a paper's links": (comma_citation, 100_000),
    "full stops in a numbered item": (dotted_citation, 40_000),
    "broken ToC anchors, decorated headings": (broken_toc, 4_000),
    "unclosed parentheses before a paper's title": (paren_leads, 40_000),
    "brackets before a line's end (trailing dates, tags, badges)": (spaced_tail, 40_000),
    "a long names line over a quoted title": (quoted_block_names, 40_000),
    "short leads before a linked title": (venue_leads, 40_000),
    "labels over papers, nested": (nested_labels, 20_000),
    "marks and affiliations in a table's title cell": (table_marks, 40_000),
    "a named title that never reaches its links": (named_titles, 100_000),
}


def best(func, text: str, repeat: int) -> float:
    """Best CPU time of ``repeat`` runs, with the cyclic garbage collector off while
    timing (as timeit does): its full passes over a growing heap would make any
    large input look superlinear, the bare parser's included."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()  # CPU time: other work on the machine does not count
            func(text)
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


def document(text: str) -> None:
    # a cold inline cache: a repeat must not reuse the paragraphs of the last one
    document_module._INLINE_CACHE.clear()
    document_module._cached_chars = 0
    doc = Document(text)
    rendered.urls(doc)
    rendered.words(doc)


_SETTINGS = None


def lint(text: str) -> None:
    global _SETTINGS
    if _SETTINGS is None:
        _SETTINGS = pipeline.build_settings(Config(), links=False)
    document_module._INLINE_CACHE.clear()
    document_module._cached_chars = 0
    pipeline.check(text, _SETTINGS, Context())


def _ratios(times: list[float]) -> list[float]:
    return [later / max(earlier, 1e-9) for earlier, later in zip(times, times[1:])]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=float, default=1.0, help="scale every base size")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if a doubling costs more than {LIMIT}x")
    args = parser.parse_args(argv)
    bare = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    worst = 0.0
    print(f"{'input':28} {'size':>9} {'document':>9} {'lint':>9} {'bare md-it':>10}  ratio per doubling")
    for name, (make, base) in INPUTS.items():
        times, lints, plains = [], [], []
        for factor in (1, 2, 4):
            text = make(int(base * args.base * factor))
            times.append(best(document, text, args.repeat))
            lints.append(best(lint, text, args.repeat))
            plains.append(best(bare.parse, text, args.repeat))
            print(f"{name if factor == 1 else '':28} {len(text):>9} {times[-1]:>8.3f}s {lints[-1]:>8.3f}s"
                  f" {plains[-1]:>9.3f}s")
        ratios, lint_ratios = _ratios(times), _ratios(lints)
        worst = max(worst, *ratios, *lint_ratios)
        print(f"{'':28} {'':>9} document {' '.join(f'{r:.2f}x' for r in ratios)}, lint "
              f"{' '.join(f'{r:.2f}x' for r in lint_ratios)}"
              f"   (bare markdown-it: {' '.join(f'{r:.2f}x' for r in _ratios(plains))})")
    print(f"worst doubling: {worst:.2f}x (limit {LIMIT}x)")
    return 1 if args.check and worst > LIMIT else 0


if __name__ == "__main__":
    sys.exit(main())
