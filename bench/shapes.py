"""Reading paper lists in each shape: Document() time against a bare
markdown-it parse of the same text (the baseline, same run), at 1x and 8x.

    python bench/shapes.py [--units 1000]

The shape readers should keep the ratio to the baseline flat as the list grows."""
from __future__ import annotations

import argparse
import time

from markdown_it import MarkdownIt

from awesome_lint.model.document import Document

UNITS = {
    "numbered-labelled": "1. **Paper {i}**\n   - Publication Date: 9th Feb. 2021\n   - Journal: J {i}\n"
                         "   - Authors: A {i}\n   - [PDF](https://e.org/{i}.pdf)\n",
    "bullet-link-title": "* [Title {i}](https://e.org/{i}) - Wu, Y. (CVPR 2021) [[code]](https://g.com/{i})\n",
    "paragraph-link": "[Title {i}](https://e.org/{i}), CVPR 2021 [[code]](https://g.com/{i})\n\n",
    "bold-subbullets": "**Title {i}**\n\n- Paper: https://arxiv.org/abs/{i}\n- Code: https://github.com/a/{i}\n\n",
    "table-row": "|2023-05|A {i}|[Title {i}](https://e.org/{i})|\n",
}


def _best(fn, text, repeat=2):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--units", type=int, default=1000)
    args = ap.parse_args()
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    print(f"{'shape':18s} {'size':>6s} {'document':>10s} {'markdown-it':>12s} {'ratio':>6s}")
    for name, unit in UNITS.items():
        for n in (args.units, 8 * args.units):
            head = "# L\n\n## S\n\n" + ("|Date|Authors|Title|\n|---|---|---|\n" if name == "table-row" else "")
            text = head + "".join(unit.format(i=i) for i in range(n))
            doc_time = _best(Document, text)
            base = _best(md.parse, text)
            print(f"{name:18s} {n:6d} {doc_time * 1000:8.0f}ms {base * 1000:10.0f}ms {doc_time / base:6.2f}")


if __name__ == "__main__":
    main()
