"""Score one module's mutmut results: killed / (tried - equivalent).

usage: python scripts/mutation_score.py RESULTS EQUIVALENT [NAME ...]
RESULTS is `mutmut results --all true` output; NAME limits the count to a drawn sample.
EQUIVALENT lists one mutant name a line, then its reason (`name  # reason`).
"""
from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path


def main(argv: list[str]) -> int:
    results, equivalent_file, *sample = argv
    equivalent = {line.split("#")[0].strip() for line in Path(equivalent_file).read_text().splitlines()
                  if line.split("#")[0].strip()}
    verdicts = {}
    for line in Path(results).read_text().splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep:
            verdicts[name] = status
    if sample:
        verdicts = {n: s for n, s in verdicts.items() if n in set(sample)}
    by_module: dict[str, Counter] = {}
    for name, status in sorted(verdicts.items()):
        if status == "survived" and name in equivalent:
            status = "equivalent"
        by_module.setdefault(module_of(name), Counter())[status] += 1
        if status not in ("killed", "equivalent", "timeout"):
            print(f"{status}: {name}")
    total = sum(by_module.values(), Counter())
    for module, counts in sorted(by_module.items()):
        print(summary(module, counts))
    print(summary("all", total))
    return 0


def module_of(name: str) -> str:
    parts = name.split(".")
    for i, part in enumerate(parts):
        if part.startswith(("x_", "x\u01c1")):
            return ".".join(parts[:i])
    return name.rpartition(".")[0]


def summary(label: str, counts: Counter) -> str:
    """tried, killed (a timeout is a kill: the mutant hangs the run), equivalent, survived, score."""
    tried = sum(counts.values())
    counted = tried - counts["equivalent"]
    killed = counts["killed"] + counts["timeout"]
    score = 100 * killed / counted if counted else 100.0
    other = counted - killed - counts["survived"]
    return (f"{label}: tried {tried}, killed {killed}, equivalent {counts['equivalent']}, "
            f"survived {counts['survived']}" + (f", not run {other}" if other else "") + f", score {score:.0f} %")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
